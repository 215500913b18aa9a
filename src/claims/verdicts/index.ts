/**
 * Every verdict module, by essay: the module's name is its essay's slug, and each of its exports named for a claim
 * (`export const C06: VerdictFn`) is that claim's verdict. A new essay's module gets one line here, as a chart gets
 * one in src/charts/index.ts; a verdict added to a listed module needs nothing more. src/claims/index.ts collects
 * them (the build, and scripts/verdicts.ts in plain Node, read the same list), and the build's check
 * (src/checks/check.ts) refuses a checkable claim whose essay's module lacks its verdict.
 */
import * as governance from './governance.ts';
import * as owners from './owners.ts';
import * as premine from './premine.ts';
import * as rootExodus from './root-exodus.ts';
import * as staking from './staking.ts';
import * as threeSchemes from './three-schemes.ts';

export const VERDICT_MODULES: Record<string, Record<string, unknown>> = {
  governance,
  owners,
  premine,
  'root-exodus': rootExodus,
  staking,
  'three-schemes': threeSchemes,
};
