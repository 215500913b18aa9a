/**
 * Subnet pools: how many subnets there were over time (TotalNetworks), and how deep each pool is at the snapshot's
 * head (SubnetTAO per subnet, deepest first). A control switches between the two.
 */
import * as Plot from '@observablehq/plot';
import { formatCompact, formatCompactTao, raoToTao } from '../metrics/amount.ts';
import { medianDepth, poolDepths } from '../metrics/pools.ts';
import { rowSource } from './source-columns.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { SUBNET_ITEMS } from '../model/columns.ts';
import { measuredLine, RANGE_CONTROL, rangeStart, timePlot } from './time-marks.ts';
import {
  eventRows,
  eventsNote,
  figureRow,
  isCited,
  isMeasured,
  measuredRows,
  TIME_COLUMNS,
  toDate,
  type TimeRow,
} from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';

export interface PoolRow extends TimeRow {
  panel: 'count' | 'pools';
  /** subnet id for a pool row */
  netuid: number | null;
}

const COUNT = SERIES_FIELDS.subnetCount.label;
const fmtCount = (v: number) => v.toLocaleString('en-US');

function rows(data: ChartData): PoolRow[] {
  const s = data.snapshot;
  const count = measuredRows(s, 'subnetCount', COUNT, Number, 'count');
  const from = count[0]?.date ?? undefined;
  const cap = data.reference.figures
    .filter((f) => f.id === 'subnet-limit-2025')
    .map((f) => figureRow(f, `cited: ${f.label}`));
  const date = s.head?.timestamp.slice(0, 10) ?? null;
  const pools = poolDepths(s).map((p) => ({
    date,
    series: p.name ?? `subnet ${p.netuid}`,
    value: raoToTao(p.tao),
    unit: 'TAO',
    ...rowSource(p.source, s.kind),
    panel: 'pools' as const,
    netuid: p.netuid,
  }));
  return [
    ...[...count, ...cap, ...eventRows(data, from)].map((r) => ({ ...r, panel: 'count' as const, netuid: null })),
    ...pools,
  ];
}

export const subnetPools: ChartDef<PoolRow> = {
  id: 'subnet-pools',
  title: 'Subnets: how many, and how deep their pools are',
  // one view is drawn at a time (the build draws the default, count): the caption and description say only its own
  caption(rows, _data, options) {
    if (options.view === 'pools')
      return rows.some((r) => r.panel === 'pools')
        ? `${SUBNET_ITEMS.tao} for each subnet at the snapshot’s head block, deepest first.`
        : 'No subnets table in this build.';
    const count = rows.filter((r) => r.panel === 'count');
    const cited = count.filter((r) => isCited(r) && r.date).map((r) => r.series.replace(/^cited: /, ''));
    return [
      count.some(isMeasured)
        ? `${SERIES_FIELDS.subnetCount.label} (${SERIES_FIELDS.subnetCount.item}) at the first block of each UTC day.`
        : `No chain reads of ${SERIES_FIELDS.subnetCount.item} in this build.`,
      cited.length ? `Circles: cited figures (${cited.join('; ')}).` : '',
      eventsNote(count),
      'The depth of each subnet’s pool is in the “pools” view and in the numbers below.',
    ]
      .filter(Boolean)
      .join(' ');
  },
  columns: [
    { key: 'panel', label: 'Panel', format: 'text' },
    { key: 'netuid', label: 'Subnet', format: 'count' },
    ...TIME_COLUMNS,
  ],
  controls: [{ name: 'view', label: 'Show', values: ['count', 'pools'] }, RANGE_CONTROL],
  rows,
  describe(rows, data, options) {
    if (options.view === 'pools') {
      const pools = rows.filter((r) => r.panel === 'pools');
      if (!pools.length) return 'No chain data in this build: pool depths are read from the chain, so none are drawn.';
      const median = medianDepth(poolDepths(data.snapshot));
      return `At block ${pools[0].block?.toLocaleString('en-US')} the deepest of ${pools.length} pools held ${formatCompactTao(pools[0].value ?? 0)} (subnet ${pools[0].netuid}), the median ${formatCompactTao(median === null ? 0 : raoToTao(median))}, the shallowest ${formatCompactTao(pools.at(-1)?.value ?? 0)}.`;
    }
    const count = rows.filter((r) => r.panel === 'count' && isMeasured(r));
    const first = count[0];
    const last = count.at(-1);
    return first && last
      ? `The number of subnets (root included) went from ${fmtCount(first.value ?? 0)} on ${first.date} to ${fmtCount(last.value ?? 0)} on ${last.date}.`
      : 'No chain measurements in this build: the chart shows only the cited return of a 128-subnet cap in September 2025 and the dated events.';
  },
  undated: (options) => options.view === 'pools',
  plot(rows, options, data, layout) {
    if (options.view === 'pools') {
      const pools = rows.filter((r) => r.panel === 'pools');
      // one tick label per ~30 px of frame, so three-digit subnet ids never touch
      const every = Math.max(1, Math.ceil(pools.length / Math.max(1, Math.floor((layout.width - 80) / 30))));
      return {
        options: {
          height: 340,
          marginLeft: 66,
          marginBottom: 40,
          x: {
            label: 'subnet (deepest pool first)',
            domain: pools.map((r) => String(r.netuid)),
            tickFormat: (v: string, i: number) => (i % every === 0 ? v : ''),
            tickSize: 0,
          },
          y: {
            label: 'TAO in the pool',
            labelAnchor: 'center',
            grid: true,
            tickFormat: (v: number) => formatCompact(v),
          },
          marks: [
            Plot.barY(pools, { x: (r: PoolRow) => String(r.netuid), y: 'value', fill: COLORS.chain }),
            Plot.ruleY([0]),
            Plot.tip(
              pools,
              Plot.pointerX({
                x: (r: PoolRow) => String(r.netuid),
                y: 'value',
                fontSize: 11,
                title: (r: PoolRow) =>
                  `${r.series} (subnet ${r.netuid})\n${formatCompactTao(r.value ?? 0)}, block ${r.block?.toLocaleString('en-US')}`,
              }),
            ),
          ],
        },
        annotations: {
          message: pools.length
            ? null
            : 'No chain data in this build: pool depths are read from the chain, so none are drawn.',
        },
      };
    }
    const from = rangeStart(options.range, rows);
    const shown = rows.filter((r) => r.panel === 'count' && (!from || !r.date || r.date >= from));
    const measured = shown.filter(isMeasured);
    const cited = shown
      .filter((r) => isCited(r) && r.date)
      .map((r) => ({
        x: toDate(r) as Date,
        y: r.value ?? 0,
        text: `cited: ${r.series.replace(/^cited: /, '')} ${r.value}`,
        fill: COLORS.cited,
        left: true,
        date: r.date,
      }));
    return timePlot(shown, data, {
      series: ['subnetCount'],
      columns: ['tao'],
      fmt: fmtCount,
      height: 340,
      marginLeft: 52,
      y: { label: 'subnets', labelAnchor: 'center', grid: true, zero: true, insetTop: 12 },
      marks: measuredLine(measured, fmtCount, COLORS.chain, true),
      labels: cited,
      drawn: measured.length > 0,
    });
  },
};
