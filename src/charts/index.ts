/** Every chart, by id. A `<Chart id>` in an essay must name one of these. */
import { emissionSplit } from './emission-split.ts';
import { governancePower } from './governance-power.ts';
import { issuance } from './issuance.ts';
import { poolFlows } from './pool-flows.ts';
import { rootStake } from './root-stake.ts';
import { stakedLiquid } from './staked-liquid.ts';
import { stakingRatio } from './staking-ratio.ts';
import { subnetPools } from './subnet-pools.ts';
import type { AnyChartDef } from './types.ts';

export const CHARTS: Record<string, AnyChartDef> = Object.fromEntries(
  [issuance, stakingRatio, stakedLiquid, rootStake, poolFlows, emissionSplit, subnetPools, governancePower].map((c) => [
    c.id,
    c,
  ]),
) as Record<string, AnyChartDef>;

export const CHART_IDS = Object.keys(CHARTS);

export function getChart(id: string): AnyChartDef | undefined {
  return Object.hasOwn(CHARTS, id) ? CHARTS[id] : undefined;
}
