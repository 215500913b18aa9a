/**
 * Root stake after dTAO (claims C22, C29, C30): SubtensorModule.SubnetTAO[0], read once a day. It is the root
 * pool's TAO counter, which is not the same as the TAO root stakers hold: from dTAO until spec 283 (about 30 June
 * 2025) the root dividends credited to stakers (v2.0.11 run_coinbase.rs, distribute_dividends_and_incentives,
 * L474-L500, through increase_stake_for_hotkey_on_subnet, which touches only the share pool) were not added to it,
 * so it counted stakes and unstakes on root but left out every dividend paid since dTAO; spec 283's
 * migrate_fix_root_subnet_tao set it to the stakers' total (series break `root-divs-outside-subnet-tao`).
 * In that period a fall of SubnetTAO[0] is TAO withdrawn from root net of new stakes; the stakers' root stake
 * was higher by the dividends paid. Daily reads give net changes only: what left and what came in within a day
 * cancel out.
 */
import type { Snapshot, Source } from '../model/schema.ts';
import { BLOCKS_PER_DAY } from './dates.ts';
import { ratio } from './amount.ts';
import type { Computed } from './provenance.ts';
import { daysBetween, type Observation } from './series.ts';
import { dtaoLeadIn, leadInFormula } from './upgrades.ts';
import { netChangeOf, sameDayMetric } from './pools.ts';
import { pointSource } from './provenance.ts';
import { formulaOf } from '../model/metrics.ts';

/** Net change of root stake between two dates (default: from dTAO, read at its upgrade block when recorded). Negative: root stake fell. */
export const rootStakeChange = netChangeOf('rootStake');

export interface RootShare {
  root: Observation;
  pools: Observation;
  /** root / (root + pools) */
  share: number;
}

/** Share of staked TAO still on root rather than in subnet pools, on a date. */
export function rootShareOfStake(s: Snapshot, date: string): Computed<RootShare> | null {
  return sameDayMetric(s, date, ['rootStake', 'subnetTao'], 'root-share-of-stake', (root, pools) => ({
    root,
    pools,
    share: ratio(root.value, root.value + pools.value),
  }));
}

/** The first spec with dTAO, and the last spec where root's share was sold for TAO into PendingRootDivs (334 replaced it by root claim). */
const ROOT_SELL_SPECS = { first: 233, last: 333 } as const;

export interface SampledRootPayments {
  /** estimated TAO paid to root over the sampled days, RAO */
  total: bigint;
  /** estimated TAO injected into pools over the same days, RAO */
  injected: bigint;
  /** per-day estimates of root's share of the TAO injected that day */
  daily: Array<{ date: string; share: number }>;
  days: number;
  span: number;
}

/**
 * An estimate of the TAO paid to root, and of the TAO injected into pools, over [from, to), from one block a day.
 * Σ PendingRootDivs is a balance that each subnet fills block by block and empties at its epoch, every `cycle`
 * blocks, at staggered blocks (v2.0.11 run_coinbase.rs L217-L262, blocks_until_next_epoch): across many subnets
 * it averages half a cycle of payments, so one block's root TAO ≈ Σ PendingRootDivs / (cycle / 2). Only days whose
 * runtime sold root's alpha for TAO (specs 233 to 333) count; null without such days or with fewer than 90% of them.
 */
export function sampledRootPayments(
  s: Snapshot,
  to: string,
  from: string,
  cycle: number,
): Computed<SampledRootPayments> | null {
  if (s.kind === 'cited') return null;
  const span = daysBetween(from, to);
  const rows = s.series.filter(
    (p) =>
      p.date >= from &&
      p.date < to &&
      p.specVersion !== null &&
      p.specVersion >= ROOT_SELL_SPECS.first &&
      p.specVersion <= ROOT_SELL_SPECS.last,
  );
  const daily: Array<{ date: string; share: number; paid: bigint; injected: bigint }> = [];
  const inputs: Source[] = [];
  for (const p of rows) {
    const pending = p.values.pendingRootDivs;
    const inj = p.values.taoInEmission;
    if (pending == null || inj == null || !/^\d+$/.test(pending) || !/^\d+$/.test(inj) || BigInt(inj) === 0n) continue;
    const perBlock = (BigInt(pending) * 2n) / BigInt(cycle);
    daily.push({
      date: p.date,
      share: Number(perBlock) / Number(BigInt(inj)),
      paid: perBlock * BLOCKS_PER_DAY,
      injected: BigInt(inj) * BLOCKS_PER_DAY,
    });
    inputs.push(pointSource(p, 'pendingRootDivs'), pointSource(p, 'taoInEmission'));
  }
  // from dTAO's first block when recorded: the first sample's rates for the hours before it (src/metrics/upgrades.ts)
  const lead = dtaoLeadIn(
    s,
    from,
    rows.find((p) => p.date === daily[0]?.date),
  );
  const leadPart = (perDay: bigint) => (lead ? (perDay * BigInt(lead.blocks)) / BLOCKS_PER_DAY : 0n);
  const days = daily.length + (lead ? 1 : 0);
  if (daily.length === 0 || days < 0.9 * span) return null;
  return {
    value: {
      total: daily.reduce((a, d) => a + d.paid, 0n) + leadPart(daily[0].paid),
      injected: daily.reduce((a, d) => a + d.injected, 0n) + leadPart(daily[0].injected),
      daily: daily.map(({ date, share }) => ({ date, share })),
      days,
      span,
    },
    formula: formulaOf(
      'sampled-root-payments',
      { 'epoch cycle': cycle, 'blocks per day': String(BLOCKS_PER_DAY) },
      lead ? leadInFormula(lead) : undefined,
    ),
    inputs: [...(lead ? [lead.source] : []), ...inputs],
  };
}
