/** Staked and liquid TAO over time (stacked), with the article's and cited figures for issued supply. */
import * as Plot from '@observablehq/plot';
import { formatCompact, formatPercent, raoToTao } from '../metrics/amount.ts';
import { stakingSeries } from '../metrics/staking.ts';
import { rowSource } from './source-columns.ts';
import { articleMarks, citedMarks, eventMarks, RANGE_CONTROL, inRange } from './time-marks.ts';
import { eventRows, figureRows, isMeasured, TIME_COLUMNS, toDate, type TimeRow } from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';

const fmt = (v: number) => `${formatCompact(v)} TAO`;
const STAKED = 'Staked';
const LIQUID = 'Liquid';

function rows(data: ChartData): TimeRow[] {
  const s = data.snapshot;
  const measured: TimeRow[] =
    s.kind === 'reference'
      ? []
      : stakingSeries(s).flatMap((d) => {
          const src = rowSource(d.source, s.kind);
          return [
            { date: d.date, series: STAKED, value: raoToTao(d.staked), unit: 'TAO', ...src },
            { date: d.date, series: LIQUID, value: raoToTao(d.liquid), unit: 'TAO', ...src, item: 'SubtensorModule.TotalIssuance − SubtensorModule.TotalStake' },
          ];
        });
  return [...measured, ...figureRows(data, 'totalIssuance'), ...eventRows(data)];
}

export const stakedLiquid: ChartDef<TimeRow> = {
  id: 'staked-liquid',
  title: 'Staked and liquid TAO',
  caption:
    'TotalStake (staked) and TotalIssuance − TotalStake (liquid) at the first block of each UTC day, stacked so the top is issued TAO; after dTAO, TAO in subnet pools counts as staked. Diamonds: the article’s supply figures; circles: cited supply figures.',
  columns: [...TIME_COLUMNS],
  controls: [RANGE_CONTROL, { name: 'stack', label: 'Show', values: ['amounts', 'shares'] }],
  rows,
  describe(rows) {
    const staked = rows.filter((r) => isMeasured(r) && r.series === STAKED);
    const liquid = rows.filter((r) => isMeasured(r) && r.series === LIQUID);
    if (staked.length === 0)
      return 'No chain measurements in this build: staked and liquid TAO need TotalStake and TotalIssuance read from the chain. The chart shows only the article’s supply figures (5.38M before subnets, 8.61M at the time of writing) and cited supply figures, which do not say how much was staked; the cited “about 70% staked” in April 2025 is a share, not an amount, and is not drawn.';
    const at = (i: number) => {
      const s = staked.at(i)?.value ?? 0;
      const l = liquid.at(i)?.value ?? 0;
      return `${fmt(s)} staked and ${fmt(l)} liquid (${formatPercent(s / (s + l))} staked) on ${staked.at(i)?.date}`;
    };
    return `From ${at(0)} to ${at(-1)}. Both parts grow with issuance; the share staked shows whether staking itself rose.`;
  },
  plot(rows, options) {
    const shown = inRange(rows, options.range);
    const measured = shown.filter(isMeasured);
    const shares = options.stack === 'shares';
    const stack = { x: toDate, y: 'value', fill: 'series', order: [LIQUID, STAKED], ...(shares ? { offset: 'normalize' as const } : {}) };
    return {
      height: 360,
      marginLeft: 56,
      marginTop: 60,
      color: { domain: [STAKED, LIQUID], range: [COLORS.chain, COLORS.sky] },
      y: shares ? { domain: [0, 1], label: 'share of issued TAO', grid: true, tickFormat: (v: number) => formatPercent(v, 0) } : { label: 'TAO', grid: true, tickFormat: (v: number) => formatCompact(v) },
      x: { type: 'utc', label: null },
      marks: [
        Plot.areaY(measured, Plot.stackY({ ...stack, fillOpacity: 0.85 })),
        Plot.ruleY([0]),
        Plot.text(measured, Plot.selectLast(Plot.stackY({ ...stack, z: 'series', text: 'series', textAnchor: 'end', dx: -6, dy: 8, fill: 'white', fontWeight: 'bold' }))),
        ...eventMarks(shown),
        ...(shares ? [] : [...citedMarks(shown, fmt), ...articleMarks(shown, fmt)]),
        Plot.tip(measured, Plot.pointerX(Plot.stackY({ ...stack, title: (r: TimeRow) => `${r.series}: ${fmt(r.value ?? 0)}\n${r.date}, block ${r.block?.toLocaleString('en-US')}` }))),
      ],
    };
  },
};
