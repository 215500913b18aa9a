/** Every verdict function, by claim id. Opinions have none: they are labelled, not judged. */
import type { ChartData } from '../charts/types.ts';
import type { VerdictFn, VerdictResult } from './types.ts';
import * as premine from './verdicts/premine.ts';

export const VERDICT_FNS: Record<string, VerdictFn> = { ...premine };

export function verdictFor(id: string, data: ChartData): VerdictResult | null {
  const fn = Object.hasOwn(VERDICT_FNS, id) ? VERDICT_FNS[id] : undefined;
  return fn ? fn(data) : null;
}
