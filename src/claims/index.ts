/**
 * Every verdict function, by claim id, collected from the verdict modules listed in `src/claims/verdicts/index.ts`:
 * each export named for a claim (`export const C06: VerdictFn`) is that claim's verdict, and the module's name is the
 * claim's essay. Adding a verdict touches only its essay's module (and content/claims.yaml and its test);
 * src/checks/check.ts checks the collection against content/claims.yaml before the build renders. The rules of the
 * collection are in ./registry.ts. The build and scripts/verdicts.ts both import this module. Opinions have none:
 * they are labelled, not judged.
 */
import type { ReportData } from '../model/schema.ts';
import { collectVerdicts } from './registry.ts';
import type { VerdictFn, VerdictResult } from './types.ts';
import { VERDICT_MODULES } from './verdicts/index.ts';

const registry = collectVerdicts(VERDICT_MODULES);

/** Verdict functions grouped by essay (the `essay` of each claim in content/claims.yaml). */
export const VERDICTS_BY_ESSAY: Record<string, Record<string, VerdictFn>> = registry.byEssay;
/** The module that defines each verdict, e.g. `{ C06: 'src/claims/verdicts/premine.ts' }`. */
export const VERDICT_FILES: Record<string, string> = registry.files;

export const VERDICT_FNS: Record<string, VerdictFn> = registry.fns;

export function verdictFor(id: string, data: ReportData): VerdictResult | null {
  const fn = Object.hasOwn(VERDICT_FNS, id) ? VERDICT_FNS[id] : undefined;
  return fn ? fn(data) : null;
}
