/** The staking ratio (staked / issued) over time, against the article's 70% floor and 90% peak. */
import { formulaOf, METRICS } from '../model/metrics.ts';
import { said } from '../metrics/figures.ts';
import { formatPercent } from '../metrics/amount.ts';
import { STAKING_RATIO_FORMULA } from '../metrics/staking.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { inRange, measuredLine, RANGE_CONTROL, timePlot } from './time-marks.ts';
import {
  eventRows,
  eventsNote,
  figureRow,
  isArticle,
  isCited,
  isMeasured,
  TIME_COLUMNS,
  type TimeRow,
} from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';
import { stakingRows, unusableBand, unusableSeries, unusableText } from './unusable.ts';
import * as Plot from '@observablehq/plot';

const fmt = (v: number) => formatPercent(v);
const LINE = 'Staking ratio';
/** Days whose TotalStake was not a staking figure (a break's invalidBefore range): listed, drawn as a band, not as the line. */
const isUnusable = (r: TimeRow) => isMeasured(r) && r.series === unusableSeries(LINE);
const isLine = (r: TimeRow) => isMeasured(r) && r.series === LINE;
const bad = (rows: TimeRow[]) => unusableText(rows.filter(isUnusable), 'a staking ratio');

function rows(data: ChartData): TimeRow[] {
  const measured = stakingRows(data, (d, src, name) => [
    { date: d.date, series: name(LINE), value: d.ratio, unit: 'ratio', ...src, item: STAKING_RATIO_FORMULA },
  ]);
  const figures = data.reference.figures
    .filter((f) => f.claims.includes('C14'))
    .map((f) => figureRow(f, `${f.source.by === 'article' ? 'article' : 'cited'}: ${f.label}`));
  const from = measured[0]?.date ?? undefined;
  return [...measured, ...figures, ...eventRows(data, from)];
}

export const stakingRatio: ChartDef<TimeRow> = {
  id: 'staking-ratio',
  title: 'Share of issued TAO that is staked',
  caption(rows) {
    const [stake, issued] = [SERIES_FIELDS.totalStake, SERIES_FIELDS.totalIssuance];
    return [
      rows.some(isLine)
        ? `${METRICS['staking-ratio'].label}, ${formulaOf('staking-ratio')}, at the first block of each UTC day (blue line).`
        : `No chain reads of ${stake.item} or ${issued.item} in this build.`,
      bad(rows),
      rows.some((r) => isArticle(r) && !r.date)
        ? `Dashed lines: the article’s ${rows
            .filter((r) => isArticle(r) && !r.date)
            .map((r) => `“${r.series.replace(/^article: /, '')}” (${fmt(r.value ?? 0)})`)
            .join(' and ')}.`
        : '',
      rows.some((r) => isCited(r) && r.date) ? 'Circles: cited figures.' : '',
      eventsNote(rows),
    ]
      .filter(Boolean)
      .join(' ');
  },
  columns: [...TIME_COLUMNS],
  controls: [RANGE_CONTROL],
  rows,
  describe(rows, data) {
    const m = rows.filter(isLine);
    const [floor, peak] = [said(data.reference, 'article-staking-floor'), said(data.reference, 'article-staking-peak')];
    if (m.length === 0)
      return `No chain measurements in this build: the chart shows the article’s ${floor} and ${peak} levels and the cited April 2025 figure (about ${said(data.reference, 'staking-ratio-april-2025')}).`;
    const min = m.reduce((a, b) => ((b.value ?? 1) < (a.value ?? 1) ? b : a));
    const max = m.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    return `Over ${m.length} days from ${m[0].date} to ${m.at(-1)?.date}, the staking ratio ranged from ${fmt(min.value ?? 0)} (${min.date}) to ${fmt(max.value ?? 0)} (${max.date}). The article says it never fell below ${floor} and peaked near ${peak}.${bad(rows) ? ` ${bad(rows)}` : ''}`;
  },
  plot(rows, options, data) {
    const shown = inRange(rows, options.range);
    const measured = shown.filter(isLine);
    const unusable = shown.filter(isUnusable);
    // the unusable days as one grey band over the whole height
    const band = unusableBand(unusable);
    return timePlot(shown, data, {
      series: ['totalStake', 'totalIssuance'],
      fmt,
      height: 320,
      marginLeft: 52,
      y: {
        domain: [0, 1],
        label: 'staked / issued',
        labelAnchor: 'center',
        grid: true,
        insetBottom: 8, // the 0% tick clear of the first date label at 340 px
        tickFormat: (v: number) => formatPercent(v, 0),
      },
      marks: [
        ...(band.length
          ? [Plot.rectX(band, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: COLORS.muted, fillOpacity: 0.25 })]
          : []),
        ...measuredLine(measured, fmt),
      ],
      drawn: measured.length > 0 || unusable.length > 0,
    });
  },
};
