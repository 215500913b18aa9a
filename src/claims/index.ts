/** Every verdict function, by claim id. Opinions have none: they are labelled, not judged. */
import type { ReportData } from '../data/schema.ts';
import type { VerdictFn, VerdictResult } from './types.ts';
import * as governance from './verdicts/governance.ts';
import * as owners from './verdicts/owners.ts';
import * as premine from './verdicts/premine.ts';
import * as rootExodus from './verdicts/root-exodus.ts';
import * as staking from './verdicts/staking.ts';
import * as threeSchemes from './verdicts/three-schemes.ts';

/** Verdict functions grouped by essay (the `essay` of each claim in content/claims.yaml). */
export const VERDICTS_BY_ESSAY: Record<string, Record<string, VerdictFn>> = {
  governance,
  premine,
  staking,
  'three-schemes': threeSchemes,
  'root-exodus': rootExodus,
  owners,
};

export const VERDICT_FNS: Record<string, VerdictFn> = Object.assign({}, ...Object.values(VERDICTS_BY_ESSAY));

export function verdictFor(id: string, data: ReportData): VerdictResult | null {
  const fn = Object.hasOwn(VERDICT_FNS, id) ? VERDICT_FNS[id] : undefined;
  return fn ? fn(data) : null;
}
