/** Every chart, by id. A `<Chart id>` in an essay must name one of these. */
import { issuance } from './issuance.ts';
import { stakingRatio } from './staking-ratio.ts';
import type { ChartDef, RowSource } from './types.ts';

export const CHARTS: Record<string, ChartDef<any>> = Object.fromEntries(
  [issuance, stakingRatio].map((c) => [c.id, c]),
) as Record<string, ChartDef<RowSource>>;

export const CHART_IDS = Object.keys(CHARTS);

export function getChart(id: string): ChartDef<any> | undefined {
  return Object.hasOwn(CHARTS, id) ? CHARTS[id] : undefined;
}
