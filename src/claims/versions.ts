/**
 * Data versions: each nightly commit that changes public/data is tagged `data-YYYY-MM-DD` by scripts/tag-data.ts,
 * which appends what changed in it to public/data/versions.json (schema `Versions`): the verdicts the new data
 * flipped (the new automatic entries of verdicts.json), the statements corrected and the replies received since the
 * previous version, and the head values that moved by more than NUMBER_CHANGE. /changes/ lists them. The list is a
 * committed file rather than `git tag -l` at build time: CI checks the repository out shallow, without its tags.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { parseOrThrow } from '../data/errors.ts';
import { readJson } from '../data/load.ts';
import { ClaimId, Hash32, IsoDate } from '../model/ids.ts';
import { SnapshotKind, type Snapshot } from '../model/schema.ts';
import type { Correction, VerdictHistory } from './corrections.ts';
import type { Reply } from './replies.ts';
import { VERDICTS } from './types.ts';

export const VERSIONS_FILE = 'public/data/versions.json';

/** A head value is listed as changed when it moved by more than this share of its old value (1%). */
export const NUMBER_CHANGE = 0.01;

const claimId = ClaimId;

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
  verdicts: z.array(
    z.strictObject({ claim: claimId, old: z.enum(VERDICTS), new: z.enum(VERDICTS), block: z.number().int() }),
  ),
  statements: z.array(z.strictObject({ date: IsoDate, claim: claimId.nullable(), old: z.string(), new: z.string() })),
  numbers: z.array(
    z.strictObject({
      /** the key of snapshot.current, e.g. totalIssuance */
      item: z.string().min(1),
      unit: z.string().min(1),
      old: z.string().nullable(),
      new: z.string().nullable(),
    }),
  ),
  replies: z.array(z.strictObject({ date: IsoDate, claim: claimId.nullable(), from: z.string().min(1) })),
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

export function parseVersions(json: unknown, file = VERSIONS_FILE): Versions {
  return parseOrThrow(Versions, json, file);
}

/** The versions, validated; an empty list when the file does not exist (no data version tagged yet). */
export function loadVersions(file = VERSIONS_FILE): Versions {
  return existsSync(file) ? parseVersions(readJson(file), file) : { versionsVersion: 1, versions: [] };
}

/** Did a decimal value move by more than NUMBER_CHANGE of the old one (or appear, or vanish)? */
export function movedBeyond(old: string | null, now: string | null, share = NUMBER_CHANGE): boolean {
  if (old === now) return false;
  if (old === null || now === null) return true;
  const a = Number(old);
  const b = Number(now);
  if (a === 0) return b !== 0;
  return Math.abs(b - a) / Math.abs(a) > share;
}

/** The tag for a version on `date`, given the tags already used: data-DATE, else data-DATE-2, -3 … */
export function nextTag(date: string, used: ReadonlySet<string>): string {
  const base = `data-${date}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface DataState {
  snapshot: Snapshot | null;
  verdicts: VerdictHistory | null;
}

/**
 * What changed from `before` (the data of the previous commit) to `after` (the new data): a pure function. `since` is
 * the previous version's date (null for the first version): statements and replies dated after it, up to `date`, are
 * this version's.
 */
export function versionEntry(
  before: DataState,
  after: DataState,
  {
    tag,
    date,
    since,
    corrections,
    replies,
  }: { tag: string; date: string; since: string | null; corrections: readonly Correction[]; replies: readonly Reply[] },
): VersionEntry {
  const known = new Set((before.verdicts?.changes ?? []).map((c) => JSON.stringify(c)));
  const inRange = (d: string) => (since === null || d > since) && d <= date;
  const oldCurrent = before.snapshot?.current ?? {};
  const newCurrent = after.snapshot?.current ?? {};
  const items = [...new Set([...Object.keys(oldCurrent), ...Object.keys(newCurrent)])].sort();
  return {
    tag,
    date,
    data: {
      kind: after.snapshot?.kind ?? 'cited',
      block: after.snapshot?.head?.number ?? null,
      hash: after.snapshot?.head?.hash ?? null,
    },
    verdicts: (after.verdicts?.changes ?? [])
      .filter((c) => !known.has(JSON.stringify(c)))
      .map((c) => ({ claim: c.claim, old: c.old, new: c.new, block: c.block })),
    statements: corrections.flatMap((c) =>
      c.kind === 'statement' && inRange(c.date) ? [{ date: c.date, claim: c.claim, old: c.old, new: c.new }] : [],
    ),
    numbers: items.flatMap((item) => {
      const o = oldCurrent[item as keyof typeof oldCurrent];
      const n = newCurrent[item as keyof typeof newCurrent];
      const old = o?.value ?? null;
      const now = n?.value ?? null;
      return movedBeyond(old, now) ? [{ item, unit: (n ?? o)!.unit, old, new: now }] : [];
    }),
    replies: replies.flatMap((r) => (inRange(r.date) ? [{ date: r.date, claim: r.claim, from: r.from }] : [])),
  };
}
