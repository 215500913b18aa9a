/**
 * The live renderer's charts, each loaded when its figure is first drawn: a page downloads the modules of the charts
 * it shows, not all of them. The ids and modules are src/charts/index.ts's (tests/charts/lazy.test.ts checks that
 * this list loads exactly the charts that one registers).
 */
import type { AnyChartDef } from '../charts/types.ts';

const LOADERS: Record<string, () => Promise<AnyChartDef>> = {
  issuance: () => import('../charts/issuance.ts').then((m) => m.issuance as AnyChartDef),
  'staking-ratio': () => import('../charts/staking-ratio.ts').then((m) => m.stakingRatio as AnyChartDef),
  'staked-liquid': () => import('../charts/staked-liquid.ts').then((m) => m.stakedLiquid as AnyChartDef),
  'root-stake': () => import('../charts/root-stake.ts').then((m) => m.rootStake as AnyChartDef),
  'pool-flows': () => import('../charts/pool-flows.ts').then((m) => m.poolFlows as AnyChartDef),
  'emission-split': () => import('../charts/emission-split.ts').then((m) => m.emissionSplit as AnyChartDef),
  'subnet-pools': () => import('../charts/subnet-pools.ts').then((m) => m.subnetPools as AnyChartDef),
  'governance-power': () => import('../charts/governance-power.ts').then((m) => m.governancePower as AnyChartDef),
};

export const LIVE_CHART_IDS = Object.keys(LOADERS);

/** The chart `id`'s definition, loaded on first use; undefined for an id no chart has. */
export function loadChart(id: string): Promise<AnyChartDef | undefined> {
  return Object.hasOwn(LOADERS, id) ? LOADERS[id]() : Promise.resolve(undefined);
}
