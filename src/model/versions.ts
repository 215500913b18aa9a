/**
 * The schema of public/data/versions.json: one entry per nightly commit that changed public/data (tagged
 * `data-YYYY-MM-DD` by scripts/tag-data.ts), with the verdicts the new data flipped, the statements corrected and the
 * replies received since the previous version, and the head values that moved. Building an entry: src/data/versions.ts.
 */
import { z } from 'zod';
import { ClaimId, Hash32, IsoDate } from './ids.ts';
import { SnapshotKind } from './schema.ts';
import { VerdictName } from './verdicts.ts';

export const VersionEntry = z.strictObject({
  /** the git tag of the commit, data-YYYY-MM-DD, with -2, -3 … for a second or third version on one day */
  tag: z.string().regex(/^data-\d{4}-\d{2}-\d{2}(-\d+)?$/, { error: 'expected a tag data-YYYY-MM-DD' }),
  date: IsoDate,
  /** the data of the version: kind, and the head block and hash (null for cited figures) */
  data: z.strictObject({
    kind: SnapshotKind,
    block: z.number().int().nonnegative().nullable(),
    hash: Hash32.nullable(),
  }),
  verdicts: z.array(z.strictObject({ claim: ClaimId, old: VerdictName, new: VerdictName, block: z.number().int() })),
  statements: z.array(z.strictObject({ date: IsoDate, claim: ClaimId.nullable(), old: z.string(), new: z.string() })),
  numbers: z.array(
    z.strictObject({
      /** the key of snapshot.current, e.g. totalIssuance */
      item: z.string().min(1),
      unit: z.string().min(1),
      old: z.string().nullable(),
      new: z.string().nullable(),
    }),
  ),
  replies: z.array(z.strictObject({ date: IsoDate, claim: ClaimId.nullable(), from: z.string().min(1) })),
});
export type VersionEntry = z.infer<typeof VersionEntry>;

export const Versions = z
  .strictObject({ versionsVersion: z.literal(1), versions: z.array(VersionEntry) })
  .superRefine((v, ctx) => {
    v.versions.forEach((e, i) => {
      const prev = v.versions[i - 1];
      if (prev && e.date < prev.date)
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'date'], message: `expected on or after ${prev.date}` });
      if (v.versions.findIndex((o) => o.tag === e.tag) !== i)
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'tag'], message: `expected a tag not used before` });
    });
  });
export type Versions = z.infer<typeof Versions>;
