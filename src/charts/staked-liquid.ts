/** Staked and liquid TAO over time (stacked), with the article's and cited figures for issued supply. */
import { formulaOf } from '../model/metrics.ts';
import { said } from '../metrics/figures.ts';
import * as Plot from '@observablehq/plot';
import { formatCompact, formatCompactTao, formatPercent, raoToTao } from '../metrics/amount.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { inRange, RANGE_CONTROL, timePlot } from './time-marks.ts';
import {
  eventRows,
  eventsNote,
  figureRows,
  isArticle,
  isCited,
  isMeasured,
  TIME_COLUMNS,
  toDate,
  type TimeRow,
} from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';
import { stakingRows, unusableBand, unusableSeries, unusableText } from './unusable.ts';

const STAKED = 'Staked';
const LIQUID = 'Liquid';
const isDrawn = (r: TimeRow) => isMeasured(r) && (r.series === STAKED || r.series === LIQUID);
/** Days whose TotalStake was not a staking figure: in the data table, drawn as a grey band, not in the stack. */
const isUnusable = (r: TimeRow) => isMeasured(r) && r.series === unusableSeries(STAKED);
const bad = (rows: TimeRow[]) => unusableText(rows.filter(isUnusable), 'a staked amount');

function rows(data: ChartData): TimeRow[] {
  const measured = stakingRows(data, (d, src, name) => [
    { date: d.date, series: name(STAKED), value: raoToTao(d.staked), unit: 'TAO', ...src },
    {
      date: d.date,
      series: name(LIQUID),
      value: raoToTao(d.liquid),
      unit: 'TAO',
      ...src,
      item: formulaOf('liquid-supply'),
    },
  ]);
  return [...measured, ...figureRows(data, 'totalIssuance'), ...eventRows(data)];
}

export const stakedLiquid: ChartDef<TimeRow> = {
  id: 'staked-liquid',
  title: 'Staked and liquid TAO',
  caption(rows, _data, options) {
    const [stake, issued] = [SERIES_FIELDS.totalStake, SERIES_FIELDS.totalIssuance];
    // as shares, the supply figures (amounts) are not drawn
    const amounts = options.stack !== 'shares';
    const top = `${issued.label.charAt(0).toLowerCase()}${issued.label.slice(1)}`; // "issued TAO", not "issued tao"
    return [
      rows.some(isDrawn)
        ? `${stake.item} (staked, dark blue) and ${formulaOf('liquid-supply')} (liquid, light blue) at the first block of each UTC day, stacked so the top is ${amounts ? top : `all of ${top} (100%)`}; after dTAO, TAO in subnet pools counts as staked.`
        : `No chain reads of ${stake.item} or ${issued.item} in this build.`,
      bad(rows),
      amounts && rows.some(isArticle) ? 'Diamonds: the article’s supply figures.' : '',
      amounts && rows.some((r) => isCited(r) && r.date) ? 'Circles: cited supply figures.' : '',
      eventsNote(rows),
    ]
      .filter(Boolean)
      .join(' ');
  },
  columns: [...TIME_COLUMNS],
  controls: [RANGE_CONTROL, { name: 'stack', label: 'Show', values: ['amounts', 'shares'] }],
  rows,
  describe(rows, data) {
    const staked = rows.filter((r) => isMeasured(r) && r.series === STAKED);
    const liquid = rows.filter((r) => isMeasured(r) && r.series === LIQUID);
    const ref = data.reference;
    if (staked.length === 0)
      return `No chain measurements in this build: staked and liquid TAO need TotalStake and TotalIssuance read from the chain. The chart shows only the article’s supply figures (${said(ref, 'article-mined-before-subnets')} before subnets, ${said(ref, 'article-issued-supply')} at the time of writing) and cited supply figures, which do not say how much was staked; the cited “about ${said(ref, 'staking-ratio-april-2025')} staked” in April 2025 is a share, not an amount, and is not drawn.`;
    const at = (i: number) => {
      const s = staked.at(i)?.value ?? 0;
      const l = liquid.at(i)?.value ?? 0;
      return `${formatCompactTao(s)} staked and ${formatCompactTao(l)} liquid (${formatPercent(s / (s + l))} staked) on ${staked.at(i)?.date}`;
    };
    return `From ${at(0)} to ${at(-1)}. Both parts grow with issuance; the share staked shows whether staking itself rose.${bad(rows) ? ` ${bad(rows)}` : ''}`;
  },
  plot(rows, options, data) {
    const shown = inRange(rows, options.range);
    const measured = shown.filter(isDrawn);
    // the unusable days as one grey band over the whole height
    const band = unusableBand(shown.filter(isUnusable));
    const shares = options.stack === 'shares';
    const stack = {
      x: toDate,
      y: 'value',
      fill: 'series',
      order: [LIQUID, STAKED],
      ...(shares ? { offset: 'normalize' as const } : {}),
    };
    // the series' names inside their bands at the last day
    const last = measured.at(-1)?.date;
    const at = (series: string) => measured.find((r) => r.date === last && r.series === series)?.value ?? 0;
    const [s, l] = [at(STAKED), at(LIQUID)];
    const total = shares ? s + l || 1 : 1;
    const names = last
      ? [
          {
            x: toDate(measured.at(-1)!) as Date,
            y: l / 2 / total,
            text: LIQUID,
            fill: 'white',
            left: true,
            fontWeight: 'bold',
          },
          {
            x: toDate(measured.at(-1)!) as Date,
            y: (l + s / 2) / total,
            text: STAKED,
            fill: 'white',
            left: true,
            fontWeight: 'bold',
          },
        ]
      : [];
    return timePlot(shown, data, {
      series: ['totalStake', 'totalIssuance'],
      // as shares, the supply figures (amounts) are not drawn
      fmt: shares ? null : formatCompactTao,
      height: 360,
      marginLeft: 66,
      color: { domain: [STAKED, LIQUID], range: [COLORS.chain, COLORS.sky] },
      y: shares
        ? {
            domain: [0, 1],
            label: 'share of issued TAO',
            labelAnchor: 'center',
            grid: true,
            tickFormat: (v: number) => formatPercent(v, 0),
          }
        : {
            label: 'TAO',
            labelAnchor: 'center',
            grid: true,
            insetTop: 12,
            tickFormat: (v: number) => formatCompact(v),
          },
      marks: [
        ...(band.length ? [Plot.rect(band, { x1: 'x1', x2: 'x2', fill: COLORS.muted, fillOpacity: 0.25 })] : []),
        Plot.areaY(measured, Plot.stackY({ ...stack, fillOpacity: 0.85 })),
        Plot.ruleY([0]),
      ],
      over: [
        Plot.tip(
          measured,
          Plot.pointerX(
            Plot.stackY({
              ...stack,
              fontSize: 11,
              title: (r: TimeRow) =>
                `${r.series}: ${formatCompactTao(r.value ?? 0)}\n${r.date}, block ${r.block?.toLocaleString('en-US')}`,
            }),
          ),
        ),
      ],
      labels: names,
      drawn: measured.length > 0 || band.length > 0,
    });
  },
};
