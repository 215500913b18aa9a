/**
 * The corrections log (content/corrections.yaml): every change to a published verdict or statement, with its date,
 * the old and new verdict or text, why, and the code read. `verdictChanges` makes the entries for verdicts that flip
 * between two builds' data (the previous verdicts kept by the nightly job, and the new ones), naming the block.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseOrThrow } from '../data/errors.ts';
import { VERDICTS, type Verdict } from './types.ts';

const CORRECTIONS_FILE = 'content/corrections.yaml';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' });
const claimId = z.string().regex(/^C\d{2}$/, { error: 'expected a claim id such as C30' });

export const Correction = z.discriminatedUnion('kind', [
  z.strictObject({
    date,
    kind: z.literal('verdict'),
    claim: claimId,
    old: z.enum(VERDICTS),
    new: z.enum(VERDICTS),
    why: z.string().min(20),
    code: z.string().nullable(),
    block: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({
    date,
    kind: z.literal('statement'),
    claim: claimId.nullable(),
    old: z.string().min(1),
    new: z.string().min(1),
    why: z.string().min(20),
    code: z.string().nullable(),
  }),
]);
export type Correction = z.infer<typeof Correction>;

export function parseCorrections(input: unknown, file = CORRECTIONS_FILE): Correction[] {
  const entries = parseOrThrow(z.array(Correction), input, file);
  entries.forEach((e, i) => {
    if (e.kind === 'verdict' && e.old === e.new)
      throw new Error(`${file}: [${i}].new: expected a verdict different from old ("${e.old}")`);
  });
  return entries;
}

export function loadCorrections(file = CORRECTIONS_FILE): Correction[] {
  return parseCorrections(parseYaml(readFileSync(file, 'utf8')), file);
}

/** Ids of the claims that have an entry, for linking from each claim. */
export function correctedClaims(entries: readonly Correction[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.claim ? [e.claim] : [])));
}

/**
 * The anchor of each entry on /corrections/ (same order as `entries`): `correction-<claim id or general>-<date>`,
 * with `-2`, `-3`, … for a second or third entry of the same claim and day, counted in the given order. Anchors do not
 * depend on the page's sorting, so a claim's link stays valid when entries are added.
 */
export function correctionAnchors(entries: readonly Correction[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const key = `correction-${e.claim ?? 'general'}-${e.date}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}

/** A claim's newest entry (verdict or statement), with its anchor on /corrections/, or null when it has none. */
export function latestCorrection(
  entries: readonly Correction[],
  claim: string,
): { date: string; kind: Correction['kind']; anchor: string } | null {
  const anchors = correctionAnchors(entries);
  let best: { date: string; kind: Correction['kind']; anchor: string } | null = null;
  entries.forEach((e, i) => {
    if (e.claim === claim && (best === null || e.date > best.date))
      best = { date: e.date, kind: e.kind, anchor: anchors[i] };
  });
  return best;
}

/**
 * The automatic entries for a nightly rebuild: one per claim whose verdict differs between the previous build's
 * verdicts and this one's, dated and tied to the block of the new data.
 */
export function verdictChanges(
  before: Readonly<Record<string, Verdict>>,
  after: Readonly<Record<string, Verdict>>,
  at: { date: string; block: number },
): Correction[] {
  return Object.keys(after)
    .filter((id) => Object.hasOwn(before, id) && before[id] !== after[id])
    .sort()
    .map((id) => ({
      date: at.date,
      kind: 'verdict' as const,
      claim: id,
      old: before[id],
      new: after[id],
      why: `The nightly data changed the verdict: recomputed from the chain snapshot at block ${at.block.toLocaleString('en-US')}.`,
      code: null,
      block: at.block,
    }));
}
