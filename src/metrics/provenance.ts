/**
 * Provenance of computed values: every metric result names the inputs it was computed from, each of which is a
 * chain read (block + hash + storage item) or a citation.
 */
import { SERIES_FIELDS, type SeriesField } from '../model/series.ts';
import type { SeriesPoint, Snapshot, Source } from '../model/schema.ts';

export interface Computed<T> {
  value: T;
  /** how the value was computed, e.g. `TotalStake / TotalIssuance` */
  formula: string;
  inputs: Source[];
}

/** The source of one field of one series point. */
export function pointSource(point: SeriesPoint, field: SeriesField): Source {
  if (point.block !== null && point.hash !== null)
    return { kind: 'chain', block: point.block, hash: point.hash, item: SERIES_FIELDS[field].item };
  if (point.source) return point.source;
  throw new Error(`series point ${point.date} has neither a block nor a source`);
}

/** A short human rendering: `block 5,029,000 (0x1234…abcd), SubtensorModule.TotalIssuance`. */
export function describeSource(s: Source): string {
  return s.kind === 'chain'
    ? `block ${s.block.toLocaleString('en-US')} (${s.hash.slice(0, 8)}…${s.hash.slice(-4)}), ${s.item}`
    : `${s.by === 'article' ? 'the article' : s.title}`;
}

/** The data's as-of label for pages: the head block, or the reference date. */
export function asOf(snapshot: Snapshot): string {
  if (snapshot.head)
    return `block ${snapshot.head.number.toLocaleString('en-US')}, ${snapshot.head.timestamp.slice(0, 10)}`;
  const last = snapshot.series.at(-1);
  return last ? `cited figures up to ${last.date}` : 'cited figures';
}

/** Deduplicate sources (same block and item, or same citation). */
export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) seen.set(s.kind === 'chain' ? `${s.block}:${s.hash}:${s.item}` : `${s.ref}:${s.url}`, s);
  return [...seen.values()];
}
