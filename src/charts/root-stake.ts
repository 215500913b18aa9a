/** Root stake (SubnetTAO[0]) since dTAO, with the article's 5.86M and 5.71M as diamonds. */
import { formatCompact, formatTao, formatTaoChange } from '../metrics/amount.ts';
import { DTAO_DATE } from '../metrics/dates.ts';
import { rootStakeChange } from '../metrics/root.ts';
import { articleMarks, eventMarks, measuredLine, RANGE_CONTROL, inRange } from './time-marks.ts';
import { eventRows, figureRows, isArticle, isMeasured, measuredRows, taoValue, TIME_COLUMNS, type TimeRow } from './time-rows.ts';
import type { ChartData, ChartDef } from './types.ts';

const fmt = (v: number) => `${formatCompact(v)} TAO`;

function rows(data: ChartData): TimeRow[] {
  const measured = measuredRows(data.snapshot, 'rootStake', 'Root stake', taoValue, 'TAO').filter((r) => r.date !== null && r.date >= DTAO_DATE);
  return [...measured, ...figureRows(data, 'rootStake'), ...eventRows(data, DTAO_DATE)];
}

export const rootStake: ChartDef<TimeRow> = {
  id: 'root-stake',
  title: 'TAO staked on the root network since dTAO',
  caption: 'SubtensorModule.SubnetTAO[0] at the first block of each UTC day since dTAO (13 February 2025). Diamonds: the article’s 5.86M at dTAO and 5.71M at the time of writing.',
  columns: [...TIME_COLUMNS],
  controls: [{ name: 'baseline', label: 'Y axis', values: ['fit', 'zero'] }, RANGE_CONTROL],
  rows,
  describe(rows, data) {
    const article = rows.filter(isArticle).map((r) => `${fmt(r.value ?? 0)} on ${r.date}`);
    const said = `The article gives ${article.join(' and ')}, a fall of 150k TAO.`;
    const m = rows.filter(isMeasured);
    if (m.length === 0) return `No chain measurements in this build: the chart shows only the article’s figures. ${said}`;
    const dates = rows.filter(isArticle).map((r) => r.date as string).sort();
    const change = dates.length === 2 ? rootStakeChange(data.snapshot, dates[1], dates[0]) : null;
    const between = change
      ? `On chain, root stake went from ${formatTao(change.value.before.value)} (${change.value.before.date}) to ${formatTao(change.value.after.value)} (${change.value.after.date}), a change of ${formatTaoChange(change.value.delta)}. `
      : 'The chain data do not cover both of the article’s dates. ';
    return `${between}${said} The latest read: ${fmt(m.at(-1)?.value ?? 0)} on ${m.at(-1)?.date}.`;
  },
  plot(rows, options) {
    const shown = inRange(rows, options.range);
    return {
      height: 340,
      marginLeft: 56,
      marginTop: 50,
      y: { label: 'TAO on root', grid: true, zero: options.baseline === 'zero', tickFormat: (v: number) => formatCompact(v) },
      x: { type: 'utc', label: null },
      marks: [...eventMarks(shown), ...measuredLine(shown.filter(isMeasured), fmt), ...articleMarks(shown, fmt)],
    };
  },
};
