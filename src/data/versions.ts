/**
 * Data versions: each nightly commit that changes public/data is tagged `data-YYYY-MM-DD` by scripts/tag-data.ts,
 * which appends what changed in it to public/data/versions.json (schema `Versions`): the verdicts the new data
 * flipped (the new automatic entries of verdicts.json), the statements corrected and the replies received since the
 * previous version, and the head values that moved by more than NUMBER_CHANGE. /changes/ lists them. The list is a
 * committed file rather than `git tag -l` at build time: CI checks the repository out shallow, without its tags.
 * The schema is src/model/versions.ts.
 */
import { existsSync } from 'node:fs';
import type { Correction, VerdictHistory } from '../model/corrections.ts';
import type { Reply } from '../model/replies.ts';
import type { Snapshot } from '../model/schema.ts';
import { Versions, type VersionEntry } from '../model/versions.ts';
import { parseOrThrow } from './errors.ts';
import { readJson } from './load.ts';

export const VERSIONS_FILE = 'public/data/versions.json';

/** A head value is listed as changed when it moved by more than this share of its old value (1%). */
export const NUMBER_CHANGE = 0.01;

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
