/** Staking ratio and liquid supply (claims C13-C16). */
import type { Snapshot, Source } from '../model/schema.ts';
import { ratio } from './amount.ts';
import type { Computed } from './provenance.ts';
import { pairs } from './series.ts';
import { unusableAt, type SeriesBreak } from '../model/breaks.ts';
import { formulaOf } from '../model/metrics.ts';

export const STAKING_RATIO_FORMULA = formulaOf('staking-ratio');

export interface StakingDay {
  date: string;
  block: number | null;
  /** where TotalStake was read (TotalIssuance was read at the same block) */
  source: Source;
  staked: bigint;
  issued: bigint;
  liquid: bigint;
  ratio: number;
  /** the series break whose range makes this day's TotalStake unusable (not a staking figure), or null */
  unusable: SeriesBreak | null;
}

/** The staking ratio for every day where both inputs exist, each marked when its TotalStake is unusable. */
export function stakingSeries(s: Snapshot): StakingDay[] {
  const specs = new Map(s.series.map((p) => [p.date, p.specVersion]));
  return pairs(s, 'totalStake', 'totalIssuance').map(({ date, a, b }) => ({
    date,
    block: a.block,
    source: a.source,
    staked: a.value,
    issued: b.value,
    liquid: b.value - a.value,
    ratio: ratio(a.value, b.value),
    unusable: unusableAt('totalStake', date, specs.get(date) ?? null),
  }));
}

/** The days whose TotalStake is a staking figure (`unusable` null), and the unusable ones apart. */
export function usableDays(days: StakingDay[]): { usable: StakingDay[]; unusable: StakingDay[] } {
  return { usable: days.filter((d) => !d.unusable), unusable: days.filter((d) => d.unusable) };
}

/** Lowest and highest ratio of some days. */
export function rangeOf(days: StakingDay[]): { min: StakingDay; max: StakingDay; days: number } | null {
  if (days.length === 0) return null;
  let min = days[0];
  let max = days[0];
  for (const d of days) {
    if (d.ratio < min.ratio) min = d;
    if (d.ratio > max.ratio) max = d;
  }
  return { min, max, days: days.length };
}

export interface StakeGrowth {
  first: StakingDay;
  last: StakingDay;
  /** staked(last) − staked(first), RAO */
  stakeChange: bigint;
  /** staking ratio(last) − ratio(first) */
  ratioChange: number;
  /**
   * Share of the stake's change that issuance growth alone explains, at the first day's ratio:
   * ratio(first) × Δissued / Δstaked (NaN when the stake did not grow). 1 means all of it.
   */
  fromIssuance: number;
}

/** Splits the stake's growth between issuance growth and a change of the ratio: Δstaked = r₀·Δissued + issued₁·Δr. */
export function stakeGrowth(days: StakingDay[]): Computed<StakeGrowth> | null {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last || last === first) return null;
  const stakeChange = last.staked - first.staked;
  const issuedChange = last.issued - first.issued;
  const fromIssuance = stakeChange > 0n ? ratio(first.staked * issuedChange, first.issued * stakeChange) : Number.NaN;
  return {
    value: { first, last, stakeChange, ratioChange: last.ratio - first.ratio, fromIssuance },
    formula: formulaOf('stake-growth'),
    inputs: [first.source, last.source],
  };
}
