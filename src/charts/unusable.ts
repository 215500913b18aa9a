/**
 * Days whose TotalStake was not a staking figure (a break's invalidBefore range, see `usableDays` in
 * src/metrics/staking.ts): charts list them in the data table and draw them as one grey band, never as the line.
 */
import { SERIES_FIELDS } from '../model/series.ts';
import { toDate, type TimeRow } from './time-rows.ts';

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
