/** Root stake (SubnetTAO[0]) since dTAO, with the article's 5.86M and 5.71M as diamonds. */
import { formatCompact, formatCompactTao, formatTao, formatTaoChange } from '../metrics/amount.ts';
import { DTAO_DATE } from '../metrics/dates.ts';
import { rootStakeChange } from '../metrics/root.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { inRange, measuredLine, RANGE_CONTROL, timePlot } from './time-marks.ts';
import { eventsNote, isArticle, isMeasured, taoSeriesRows, TIME_COLUMNS, type TimeRow } from './time-rows.ts';
import type { ChartDef } from './types.ts';

export const rootStake: ChartDef<TimeRow> = {
  id: 'root-stake',
  title: 'TAO staked on the root network since dTAO',
  caption(rows) {
    const f = SERIES_FIELDS.rootStake;
    const article = rows.filter(isArticle).map((r) => `${formatCompactTao(r.value ?? 0)} (${r.date})`);
    return [
      rows.some(isMeasured)
        ? `${f.label} (${f.item}) at the first block of each UTC day since dTAO (13 February 2025), blue line.`
        : `No chain reads of ${f.item} in this build.`,
      article.length ? `Diamonds: the article’s ${article.join(' and ')}.` : '',
      eventsNote(rows),
    ]
      .filter(Boolean)
      .join(' ');
  },
  columns: [...TIME_COLUMNS],
  controls: [{ name: 'baseline', label: 'Y axis', values: ['fit', 'zero'] }, RANGE_CONTROL],
  rows: (data) => taoSeriesRows(data, 'rootStake', DTAO_DATE),
  describe(rows, data) {
    const points = rows.filter(isArticle);
    const article = points.map((r) => `${formatCompactTao(r.value ?? 0)} on ${r.date}`);
    const fall = (points[0]?.value ?? 0) - (points.at(-1)?.value ?? 0);
    const said = `The article gives ${article.join(' and ')}, a fall of ${formatCompactTao(fall)}.`;
    const m = rows.filter(isMeasured);
    if (m.length === 0)
      return `No chain measurements in this build: the chart shows only the article’s figures. ${said}`;
    const dates = rows
      .filter(isArticle)
      .map((r) => r.date as string)
      .sort();
    const change = dates.length === 2 ? rootStakeChange(data.snapshot, dates[1], dates[0]) : null;
    const between = change
      ? `On chain, root stake went from ${formatTao(change.value.before.value)} (${change.value.before.date}) to ${formatTao(change.value.after.value)} (${change.value.after.date}), a change of ${formatTaoChange(change.value.delta)}. `
      : 'The chain data do not cover both of the article’s dates. ';
    return `${between}${said} The latest read: ${formatCompactTao(m.at(-1)?.value ?? 0)} on ${m.at(-1)?.date}.`;
  },
  plot(rows, options, data) {
    const shown = inRange(rows, options.range);
    const measured = shown.filter(isMeasured);
    return timePlot(shown, data, {
      series: ['rootStake'],
      fmt: formatCompactTao,
      height: 340,
      marginLeft: 66,
      y: {
        label: 'TAO on root',
        labelAnchor: 'center',
        grid: true,
        zero: options.baseline === 'zero',
        insetTop: 16,
        insetBottom: 16,
        tickFormat: (v: number) => formatCompact(v),
      },
      marks: measuredLine(measured, formatCompactTao),
      drawn: measured.length > 0,
    });
  },
};
