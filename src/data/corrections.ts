/**
 * The corrections log: loading the hand-written entries of content/corrections.yaml (every change to a published
 * verdict or statement, with its date, the old and new verdict or text, why, and the code read) and the automatic ones
 * of public/data/verdicts.json, which `npm run verdicts` (scripts/verdicts.ts) writes after each chain snapshot: the
 * verdict of every checkable claim at the snapshot's block, and, via `verdictChanges`, an entry for each verdict the
 * new chain data flipped. The schemas (`Correction`, `VerdictHistory`) are in src/model/corrections.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { AutomaticCorrection, Correction, Corrections, VerdictHistory } from '../model/corrections.ts';
import type { Verdict } from '../model/verdicts.ts';
import { parseOrThrow } from './errors.ts';
import { readJson } from './load.ts';

const CORRECTIONS_FILE = 'content/corrections.yaml';
/** The verdict history written by `npm run verdicts` (scripts/verdicts.ts); absent until chain data first land. */
export const VERDICTS_FILE = 'public/data/verdicts.json';

export function parseCorrections(input: unknown, file = CORRECTIONS_FILE): Correction[] {
  const entries = parseOrThrow(Corrections, input, file);
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

/**
 * The automatic entries for a nightly rebuild: one per claim whose verdict differs between the previous build's
 * verdicts and this one's, dated and tied to the block of the new data. `from: 'cited'` when the previous build had
 * no chain data (the first chain snapshot replaces the cited figures).
 */
export function verdictChanges(
  before: Readonly<Record<string, Verdict>>,
  after: Readonly<Record<string, Verdict>>,
  at: { date: string; block: number },
  from: 'chain' | 'cited' = 'chain',
): Correction[] {
  const block = at.block.toLocaleString('en-US');
  const why =
    from === 'cited'
      ? `The first chain data replaced the cited figures this verdict was computed from: recomputed from the chain snapshot at block ${block}.`
      : `The nightly data changed the verdict: recomputed from the chain snapshot at block ${block}.`;
  return Object.keys(after)
    .filter((id) => Object.hasOwn(before, id) && before[id] !== after[id])
    .sort()
    .map((id) => ({
      date: at.date,
      kind: 'verdict' as const,
      claim: id,
      old: before[id],
      new: after[id],
      why,
      code: null,
      block: at.block,
    }));
}

export function parseVerdictHistory(json: unknown, file = VERDICTS_FILE): VerdictHistory {
  return parseOrThrow(VerdictHistory, json, file);
}

/** The verdict history, validated; null when the file does not exist (no chain data has been recorded yet). */
export function loadVerdictHistory(file = VERDICTS_FILE): VerdictHistory | null {
  return existsSync(file) ? parseVerdictHistory(readJson(file), file) : null;
}

/** One entry of the log as the site shows it: the entry, its anchor on /corrections/, and whether it is automatic. */
export interface LoggedCorrection {
  entry: Correction;
  anchor: string;
  /** from public/data/verdicts.json (made by the nightly data), not content/corrections.yaml */
  automatic: boolean;
}

/**
 * The hand-written and the automatic entries together, in that order. Hand-written anchors are `correctionAnchors`;
 * an automatic entry's is `correction-<claim>-<date>-block-<block>`, so neither kind's anchors shift when the other
 * kind gains an entry.
 */
export function correctionLog(
  handWritten: readonly Correction[],
  automatic: readonly AutomaticCorrection[] = [],
): LoggedCorrection[] {
  const hand = correctionAnchors(handWritten);
  const seen = new Map<string, number>();
  return [
    ...handWritten.map((entry, i) => ({ entry, anchor: hand[i], automatic: false })),
    ...automatic.map((entry) => {
      const key = `correction-${entry.claim}-${entry.date}-block-${entry.block}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return { entry, anchor: n === 1 ? key : `${key}-${n}`, automatic: true };
    }),
  ];
}

/** The whole log the site shows: content/corrections.yaml, then public/data/verdicts.json's changes if it exists. */
export function loadCorrectionLog(files: { corrections?: string; verdicts?: string } = {}): LoggedCorrection[] {
  return correctionLog(
    loadCorrections(files.corrections),
    loadVerdictHistory(files.verdicts ?? VERDICTS_FILE)?.changes ?? [],
  );
}

/**
 * A claim's newest entry in the log, hand-written or automatic, or null. On one day the first hand-written entry is
 * newest, unless an automatic one, the later block, came after it.
 */
export function latestLogged(
  log: readonly LoggedCorrection[],
  claim: string,
): { date: string; kind: Correction['kind']; anchor: string; automatic: boolean } | null {
  let best: LoggedCorrection | null = null;
  for (const l of log)
    if (
      l.entry.claim === claim &&
      (best === null || l.entry.date > best.entry.date || (l.entry.date === best.entry.date && l.automatic))
    )
      best = l;
  return best && { date: best.entry.date, kind: best.entry.kind, anchor: best.anchor, automatic: best.automatic };
}
