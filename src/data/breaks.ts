/**
 * The chain's own series breaks: known discontinuities in the counters the report reads (a counter recomputed by a
 * migration, an item whose meaning changed, a rule change that moves a series without anyone moving stake). Each
 * row names the series it breaks (fields of SERIES_FIELDS), the runtime spec and the block or date where known,
 * what changed, and its source in opentensor/subtensor (a commit, migration or release). Pure data, no zod, so
 * browser code can import it.
 *
 * Rows are added by the series-table work (issue 8 item 4); every row must carry a checked source.
 */
import type { SeriesField } from './fields.ts';

export interface SeriesBreak {
  /** kebab-case id, stable: pages link to `/methodology/#break-<id>` */
  id: string;
  /** series whose values jump or change meaning here */
  series: readonly SeriesField[];
  /** first runtime spec with the new behaviour, or null when the break is not a runtime upgrade */
  spec: number | null;
  /** Finney block of the change, or null when not known */
  block: number | null;
  /** UTC date of the change (YYYY-MM-DD); `approximate: true` when it is a main-branch merge date, not enactment */
  date: string;
  approximate: boolean;
  /** short label for chart marks */
  label: string;
  /** what changed, for readers */
  what: string;
  /** where it is written: repository, ref (tag or commit), path, and a URL */
  source: { repo: 'opentensor/subtensor'; ref: string; path: string; url: string };
}

export const SERIES_BREAKS: readonly SeriesBreak[] = [];

/** Breaks of `series` strictly after `from` and on or before `to` (YYYY-MM-DD): a value read at `from` and one at `to` straddle them. */
export function breaksCrossed(series: SeriesField, from: string, to: string): SeriesBreak[] {
  return SERIES_BREAKS.filter((b) => b.series.includes(series) && b.date > from && b.date <= to);
}

/** Breaks of any series dated within [from, to], for chart marks. */
export function breaksWithin(from: string, to: string, series?: readonly SeriesField[]): SeriesBreak[] {
  return SERIES_BREAKS.filter((b) => b.date >= from && b.date <= to && (!series || b.series.some((s) => series.includes(s))));
}
