/** The staking ratio (staked / issued) over time, against the article's 70% floor and 90% peak. */
import { formatPercent } from '../metrics/amount.ts';
import { STAKING_RATIO_FORMULA, stakingSeries } from '../metrics/staking.ts';
import { rowSource } from './source-columns.ts';
import { articleMarks, citedMarks, eventMarks, measuredLine, RANGE_CONTROL, inRange } from './time-marks.ts';
import { eventRows, figureRow, isMeasured, TIME_COLUMNS, type TimeRow } from './time-rows.ts';
import type { ChartData, ChartDef } from './types.ts';

const fmt = (v: number) => formatPercent(v);

function rows(data: ChartData): TimeRow[] {
  const s = data.snapshot;
  const measured: TimeRow[] =
    s.kind === 'reference'
      ? []
      : stakingSeries(s).map((d) => ({
          date: d.date,
          series: 'Staking ratio',
          value: d.ratio,
          unit: 'ratio',
          ...rowSource(d.source, s.kind),
          item: STAKING_RATIO_FORMULA,
        }));
  const figures = data.reference.figures
    .filter((f) => f.claims.includes('C14'))
    .map((f) => figureRow(f, `${f.source.by === 'article' ? 'article' : 'cited'}: ${f.label}`));
  const from = measured[0]?.date ?? undefined;
  return [...measured, ...figures, ...eventRows(data, from)];
}

export const stakingRatio: ChartDef<TimeRow> = {
  id: 'staking-ratio',
  title: 'Share of issued TAO that is staked',
  caption: 'TotalStake / TotalIssuance at the first block of each UTC day. Dashed lines: the article’s “never below 70%” and “near 90% at peak”.',
  columns: [...TIME_COLUMNS],
  controls: [RANGE_CONTROL],
  rows,
  describe(rows) {
    const m = rows.filter(isMeasured);
    if (m.length === 0) return 'No chain measurements in this build: the chart shows the article’s 70% and 90% levels and the cited April 2025 figure (about 70%).';
    const min = m.reduce((a, b) => ((b.value ?? 1) < (a.value ?? 1) ? b : a));
    const max = m.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    return `Over ${m.length} days from ${m[0].date} to ${m.at(-1)?.date}, the staking ratio ranged from ${fmt(min.value ?? 0)} (${min.date}) to ${fmt(max.value ?? 0)} (${max.date}). The article says it never fell below 70% and peaked near 90%.`;
  },
  plot(rows, options) {
    const shown = inRange(rows, options.range);
    const measured = shown.filter(isMeasured);
    return {
      height: 320,
      marginLeft: 48,
      marginTop: 50,
      y: { domain: [0, 1], label: 'staked / issued', grid: true, tickFormat: (v: number) => formatPercent(v, 0) },
      x: { type: 'utc', label: null },
      marks: [...eventMarks(shown), ...measuredLine(measured, fmt), ...citedMarks(shown, fmt), ...articleMarks(shown, fmt)],
    };
  },
};
