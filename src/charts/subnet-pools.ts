/**
 * Subnet pools: how many subnets there were over time (TotalNetworks), and how deep each pool is at the snapshot's
 * head (SubnetTAO per subnet, deepest first). A control switches between the two.
 */
import * as Plot from '@observablehq/plot';
import { formatCompact, raoToTao } from '../metrics/amount.ts';
import { medianDepth, poolDepths } from '../metrics/pools.ts';
import { rowSource } from './source-columns.ts';
import { citedMarks, eventMarks, measuredLine, RANGE_CONTROL, rangeStart } from './time-marks.ts';
import { eventRows, figureRow, isCited, isMeasured, measuredRows, TIME_COLUMNS, toDate, type TimeRow } from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';

export interface PoolRow extends TimeRow {
  panel: 'count' | 'pools';
  /** subnet id for a pool row */
  netuid: number | null;
}

const COUNT = 'Subnets (incl. root)';
const fmtTao = (v: number) => `${formatCompact(v)} TAO`;
const fmtCount = (v: number) => v.toLocaleString('en-US');

function rows(data: ChartData): PoolRow[] {
  const s = data.snapshot;
  const count = measuredRows(s, 'subnetCount', COUNT, Number, 'count');
  const from = count[0]?.date ?? undefined;
  const cap = data.reference.figures.filter((f) => f.id === 'subnet-limit-2025').map((f) => figureRow(f, `cited: ${f.label}`));
  const date = s.head?.timestamp.slice(0, 10) ?? null;
  const pools = poolDepths(s).map((p) => ({ date, series: p.name ?? `subnet ${p.netuid}`, value: raoToTao(p.tao), unit: 'TAO', ...rowSource(p.source, s.kind), panel: 'pools' as const, netuid: p.netuid }));
  return [...[...count, ...cap, ...eventRows(data, from)].map((r) => ({ ...r, panel: 'count' as const, netuid: null })), ...pools];
}

export const subnetPools: ChartDef<PoolRow> = {
  id: 'subnet-pools',
  title: 'Subnets: how many, and how deep their pools are',
  caption:
    'Count: SubtensorModule.TotalNetworks (root included) at the first block of each UTC day, with the cited return of a 128-subnet cap. Pools: SubtensorModule.SubnetTAO for each subnet at the snapshot’s head block, deepest first.',
  columns: [{ key: 'panel', label: 'Panel', format: 'text' }, { key: 'netuid', label: 'Subnet', format: 'count' }, ...TIME_COLUMNS],
  controls: [{ name: 'view', label: 'Show', values: ['count', 'pools'] }, RANGE_CONTROL],
  rows,
  describe(rows, data) {
    const count = rows.filter((r) => r.panel === 'count' && isMeasured(r));
    const pools = rows.filter((r) => r.panel === 'pools');
    const first = count[0];
    const last = count.at(-1);
    const countText = first && last ? `The number of subnets (root included) went from ${fmtCount(first.value ?? 0)} on ${first.date} to ${fmtCount(last.value ?? 0)} on ${last.date}. ` : '';
    const median = medianDepth(poolDepths(data.snapshot));
    const poolText = pools.length
      ? `At block ${pools[0].block?.toLocaleString('en-US')} the deepest of ${pools.length} pools held ${fmtTao(pools[0].value ?? 0)} (subnet ${pools[0].netuid}), the median ${fmtTao(median === null ? 0 : raoToTao(median))}, the shallowest ${fmtTao(pools.at(-1)?.value ?? 0)}. `
      : '';
    const none = countText || poolText ? '' : 'No chain measurements in this build: the chart shows only the cited return of a 128-subnet cap in September 2025 and the dated events. ';
    return `${none}${countText}${poolText}`.trim();
  },
  plot(rows, options) {
    if (options.view === 'pools') {
      const pools = rows.filter((r) => r.panel === 'pools');
      const every = Math.max(1, Math.ceil(pools.length / 32));
      return {
        height: 340,
        marginLeft: 56,
        marginBottom: 36,
        x: { label: 'subnet (deepest pool first)', domain: pools.map((r) => String(r.netuid)), tickFormat: (v: string, i: number) => (i % every === 0 ? v : ''), tickSize: 0 },
        y: { label: 'TAO in the pool', grid: true, tickFormat: (v: number) => formatCompact(v) },
        marks: [
          ...(pools.length ? [] : [Plot.text(['No subnets table in this build: pool depths need a chain snapshot.'], { frameAnchor: 'middle', fontSize: 12 })]),
          Plot.barY(pools, { x: (r: PoolRow) => String(r.netuid), y: 'value', fill: COLORS.chain }),
          Plot.ruleY([0]),
          Plot.tip(pools, Plot.pointerX({ x: (r: PoolRow) => String(r.netuid), y: 'value', title: (r: PoolRow) => `${r.series} (subnet ${r.netuid})\n${fmtTao(r.value ?? 0)}, block ${r.block?.toLocaleString('en-US')}` })),
        ],
      };
    }
    const from = rangeStart(options.range, rows);
    const shown = rows.filter((r) => r.panel === 'count' && (!from || !r.date || r.date >= from));
    return {
      height: 340,
      marginLeft: 48,
      marginTop: 60,
      y: { label: 'subnets', grid: true, zero: true },
      x: { type: 'utc', label: null },
      marks: [
        ...eventMarks(shown),
        ...measuredLine(shown.filter(isMeasured), fmtCount, COLORS.chain, true),
        ...citedMarks(shown, fmtCount),
        Plot.text(shown.filter((r) => isCited(r) && r.date), { x: toDate, y: 'value', text: (r: PoolRow) => `cited: ${r.series.replace(/^cited: /, '')} ${r.value}`, textAnchor: 'end', dx: -8, fill: COLORS.cited, fontSize: 10 }),
      ],
    };
  },
};
