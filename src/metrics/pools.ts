/**
 * TAO in subnet pools (claims C20-C23, C27, C28): what the chain's daily reads and the subnets table give about
 * pool depth and about the TAO the protocol put into pools. Flows are not recorded; each function says what
 * its number is: a net change between two reads, or an estimate from one block a day.
 */
import { type SeriesField } from '../model/series.ts';
import { SUBNET_ITEMS } from '../model/columns.ts';
import type { Snapshot, Source } from '../model/schema.ts';
import { changeSince, dtaoLeadIn, leadInFormula } from './upgrades.ts';
import { daysBetween, measuredAt, measuredObservations, type Change, type Observation } from './series.ts';
import { BLOCKS_PER_DAY, DTAO_DATE } from './dates.ts';
import type { Computed } from './provenance.ts';
import { formulaOf, type MetricId } from '../model/metrics.ts';

/**
 * The net change of a series between two dates, as a function of the snapshot: from dTAO by default (read at its
 * upgrade block when recorded). Negative: the series fell.
 */
export const netChangeOf =
  (field: SeriesField) =>
  (s: Snapshot, to: string, from = DTAO_DATE): Computed<Change> | null =>
    changeSince(s, field, from, to);

/**
 * A metric of two series read on the same day: `value` of the two reads (null: no value), with the metric's formula
 * and both reads as its inputs; null unless both series were read on that day.
 */
export function sameDayMetric<T>(
  s: Snapshot,
  date: string,
  [a, b]: readonly [SeriesField, SeriesField],
  metric: MetricId,
  value: (x: Observation, y: Observation) => T | null,
): Computed<T> | null {
  const x = measuredAt(s, a, date);
  const y = measuredAt(s, b, date);
  if (!x || !y || x.date !== y.date) return null;
  const v = value(x, y);
  return v === null ? null : { value: v, formula: formulaOf(metric), inputs: [x.source, y.source] };
}

/** Net change of TAO in subnet pools (Σ SubnetTAO[netuid>0]): protocol injection plus user stakes, minus unstakes and root sales. */
export const poolChange = netChangeOf('subnetTao');

/** Net change of issued TAO: new TAO minted, less TAO recycled (so at most the TAO emitted over the period). */
export const issuanceChange = netChangeOf('totalIssuance');

export interface SampledInjection {
  /** Σ over sampled days of (TAO injected in the day's first block × 7,200), in RAO */
  total: bigint;
  /** days with a read */
  days: number;
  /** days in the period */
  span: number;
}

/**
 * An estimate of the TAO injected into pools over [from, to): each day's first-block Σ SubnetTaoInEmission
 * times 7,200 blocks. It assumes the sampled block stands for its day; null when no day was read.
 */
export function sampledInjection(s: Snapshot, to: string, from = DTAO_DATE): Computed<SampledInjection> | null {
  const reads = measuredObservations(s, 'taoInEmission').filter((o) => o.date >= from && o.date < to);
  if (reads.length === 0) return null;
  // from dTAO's first block when recorded: the first sample's rate for the hours before it (src/metrics/upgrades.ts)
  const lead = dtaoLeadIn(s, from, reads[0]);
  return {
    value: {
      total:
        reads.reduce((sum, o) => sum + o.value * BLOCKS_PER_DAY, 0n) +
        (lead ? reads[0].value * BigInt(lead.blocks) : 0n),
      days: reads.length + (lead ? 1 : 0),
      span: daysBetween(from, to),
    },
    formula: formulaOf(
      'sampled-injection',
      { 'blocks per day': String(BLOCKS_PER_DAY) },
      lead ? leadInFormula(lead) : undefined,
    ),
    inputs: [...(lead ? [lead.source] : []), ...reads.map((o) => o.source)],
  };
}

export interface AveragePool {
  pools: Observation;
  count: Observation;
  /** average TAO per subnet pool, RAO */
  average: bigint;
}

/** Average pool depth on a date: Σ SubnetTAO[netuid>0] / (TotalNetworks − 1, the root network). */
export function averagePoolDepth(s: Snapshot, date: string): Computed<AveragePool> | null {
  return sameDayMetric(s, date, ['subnetTao', 'subnetCount'], 'average-pool', (pools, count) =>
    count.value <= 1n ? null : { pools, count, average: pools.value / (count.value - 1n) },
  );
}

export interface PoolDepth {
  netuid: number;
  name: string | null;
  /** SubnetTAO, RAO */
  tao: bigint;
  /** SubnetAlphaIn + SubnetAlphaOut, alpha-RAO; null when either is absent */
  alphaIssuance: bigint | null;
  /** 0 static/root, 1 dynamic pool, null before dTAO */
  mechanism: number | null;
  source: Source;
}

/** Every subnet's pool from the snapshot's subnets table (root excluded), deepest first; [] without a table. */
export function poolDepths(s: Snapshot): PoolDepth[] {
  const t = s.subnets;
  if (!t || s.kind === 'cited') return [];
  return t.rows
    .filter((r) => r.netuid !== 0 && r.tao !== null)
    .map((r) => ({
      netuid: r.netuid,
      name: r.name,
      tao: BigInt(r.tao as string),
      alphaIssuance: r.alphaIn !== null && r.alphaOut !== null ? BigInt(r.alphaIn) + BigInt(r.alphaOut) : null,
      mechanism: r.mechanism,
      source: { kind: 'chain' as const, block: t.block, hash: t.hash, item: `${SUBNET_ITEMS.tao}[${r.netuid}]` },
    }))
    .sort((a, b) => (b.tao > a.tao ? 1 : b.tao < a.tao ? -1 : a.netuid - b.netuid));
}

/** The median of pool depths (RAO), or null with no pools. */
export function medianDepth(pools: PoolDepth[]): bigint | null {
  if (pools.length === 0) return null;
  const sorted = pools.map((p) => p.tao).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2n;
}
