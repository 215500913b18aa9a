/**
 * Days whose TotalStake was not a staking figure (a break's invalidBefore range, see `usableDays` in
 * src/metrics/staking.ts): charts list them in the data table and draw them as one grey band, never as the line.
 */
import { SERIES_FIELDS } from '../model/series.ts';
import { stakingSeries, type StakingDay } from '../metrics/staking.ts';
import { rowSource } from './source-columns.ts';
import { toDate, type TimeRow } from './time-rows.ts';
import type { ChartData, RowSource } from './types.ts';

/** The series name of a staking series' unusable days. */
export const unusableSeries = (series: string) => `${series}, unusable (TotalStake left out the genesis stake)`;

/**
 * Rows from the daily staking series (none from a cited snapshot): `day` gives a day's rows from the day, its
 * provenance, and `name`, which turns a series name into the one its rows carry on that day (unusableSeries on an
 * unusable day).
 */
export function stakingRows(
  data: ChartData,
  day: (d: StakingDay, source: RowSource, name: (series: string) => string) => TimeRow[],
): TimeRow[] {
  const s = data.snapshot;
  if (s.kind === 'cited') return [];
  return stakingSeries(s).flatMap((d) =>
    day(d, rowSource(d.source, s.kind), (series) => (d.unusable ? unusableSeries(series) : series)),
  );
}

/** The caption's sentence for the unusable days, '' when there are none; `what` is what those days are not. */
export function unusableText(bad: TimeRow[], what: string): string {
  if (bad.length === 0) return '';
  return `Grey band: the ${bad.length} days from ${bad[0].date} to ${bad[bad.length - 1].date}, before spec 133, when ${SERIES_FIELDS.totalStake.item} left out the whole genesis stake (about 2.36M TAO): not ${what}, so not drawn as one (series break “total-stake-fixed-v2”; the rows are in the data table).`;
}

/** The unusable days as one band, from the first to the day after the last; [] when there are none. */
export function unusableBand(bad: TimeRow[]): { x1: Date; x2: Date }[] {
  return bad.length
    ? [{ x1: toDate(bad[0]) as Date, x2: new Date(Date.parse(`${bad[bad.length - 1].date}T00:00:00Z`) + 86_400_000) }]
    : [];
}
