/**
 * The schemas of the corrections log: a hand-written entry of content/corrections.yaml (`Correction`: a changed
 * verdict or statement, its date, the old and the new, why, and the code read) and public/data/verdicts.json
 * (`VerdictHistory`: the verdict of every checkable claim at a chain snapshot's block, and the automatic entries for
 * the verdicts new chain data flipped). verdicts.json carries its own version (`verdictsVersion`), like status.json's
 * `statusVersion`, rather than the snapshot's SCHEMA_VERSION, so a change of the snapshot's shape does not touch it.
 * Loading, anchors and the log the site shows: src/data/corrections.ts.
 */
import { z } from 'zod';
import { BlockNumber, ClaimId, Hash32, IsoDate } from './ids.ts';
import { VerdictName } from './verdicts.ts';

const VerdictCorrection = z.strictObject({
  date: IsoDate,
  kind: z.literal('verdict'),
  claim: ClaimId,
  old: VerdictName,
  new: VerdictName,
  why: z.string().min(20),
  code: z.string().nullable(),
  block: z.number().int().nonnegative().optional(),
});

export const Correction = z.discriminatedUnion('kind', [
  VerdictCorrection,
  z.strictObject({
    date: IsoDate,
    kind: z.literal('statement'),
    claim: ClaimId.nullable(),
    old: z.string().min(1),
    new: z.string().min(1),
    why: z.string().min(20),
    code: z.string().nullable(),
  }),
]);
export type Correction = z.infer<typeof Correction>;

/** content/corrections.yaml: the hand-written entries. */
export const Corrections = z.array(Correction);

/** An automatic entry: a verdict the nightly chain data flipped, tied to the block of the data (`verdictChanges`). */
export const AutomaticCorrection = VerdictCorrection.extend({ block: BlockNumber });
export type AutomaticCorrection = z.infer<typeof AutomaticCorrection>;

/**
 * public/data/verdicts.json: the verdict of every checkable claim computed from the chain snapshot at `block` (kind
 * `chain` only: cited and synthetic data never date a verdict), and every automatic entry so far, oldest first.
 */
export const VerdictHistory = z
  .strictObject({
    verdictsVersion: z.literal(1),
    kind: z.literal('chain'),
    /** the head block of the snapshot the verdicts were computed from, and its UTC date */
    block: z.strictObject({ number: BlockNumber, hash: Hash32, date: IsoDate }),
    verdicts: z.record(ClaimId, VerdictName),
    changes: z.array(AutomaticCorrection),
  })
  .superRefine((h, ctx) => {
    h.changes.forEach((c, i) => {
      if (c.old === c.new)
        ctx.addIssue({ code: 'custom', path: ['changes', i, 'new'], message: `expected a verdict different from old` });
      if (c.block > h.block.number)
        ctx.addIssue({
          code: 'custom',
          path: ['changes', i, 'block'],
          message: `expected a block at or before the verdicts' block ${h.block.number}`,
        });
      const prev = h.changes[i - 1];
      if (prev && (c.block < prev.block || c.date < prev.date))
        ctx.addIssue({
          code: 'custom',
          path: ['changes', i, 'block'],
          message: `expected entries oldest first, at or after block ${prev.block} (${prev.date})`,
        });
    });
  });
export type VerdictHistory = z.infer<typeof VerdictHistory>;
