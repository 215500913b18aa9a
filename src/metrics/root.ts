/**
 * Root stake after dTAO (claims C22, C29, C30): SubtensorModule.SubnetTAO[0], the TAO staked on the root network,
 * read once a day. Daily reads give net changes only: what left and what was credited within a day cancel out.
 */
import type { Snapshot } from '../data/schema.ts';
import { ratio } from './amount.ts';
import { DTAO_DATE } from './dates.ts';
import type { Computed } from './provenance.ts';
import { changeBetween, measuredAt, measuredObservations, type Change, type Observation } from './series.ts';

/** Daily root stake since dTAO (chain reads only). */
export function rootStakeSeries(s: Snapshot): Observation[] {
  return measuredObservations(s, 'rootStake').filter((o) => o.date >= DTAO_DATE);
}

/** Net change of root stake between two dates (default: from dTAO). Negative: root stake fell. */
export function rootStakeChange(s: Snapshot, to: string, from = DTAO_DATE): Computed<Change> | null {
  return changeBetween(s, 'rootStake', from, to);
}

export interface RootShare {
  root: Observation;
  pools: Observation;
  /** root / (root + pools) */
  share: number;
}

/** Share of staked TAO still on root rather than in subnet pools, on a date. */
export function rootShareOfStake(s: Snapshot, date: string): Computed<RootShare> | null {
  const root = measuredAt(s, 'rootStake', date);
  const pools = measuredAt(s, 'subnetTao', date);
  if (!root || !pools || root.date !== pools.date) return null;
  return {
    value: { root, pools, share: ratio(root.value, root.value + pools.value) },
    formula: 'SubnetTAO[0] / (SubnetTAO[0] + Σ SubnetTAO[netuid>0])',
    inputs: [root.source, pools.source],
  };
}
