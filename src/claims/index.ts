/**
 * Every verdict function, by claim id, collected from `src/claims/verdicts/<essay>.ts`: each export named for a claim
 * (`export const C06: VerdictFn`) is that claim's verdict, and the module's name is the claim's essay. Adding a verdict
 * touches only its essay's module (and content/claims.yaml and its test); src/checks/check.ts checks the collection
 * against content/claims.yaml before the build renders. Opinions have none: they are labelled, not judged.
 */
import type { ReportData } from '../data/schema.ts';
import type { VerdictFn, VerdictResult } from './types.ts';

const VERDICTS_DIR = 'src/claims/verdicts';
const CLAIM_ID = /^C\d{2,}$/;

/** Each export of a verdict module, by module file name (e.g. `./verdicts/premine.ts`); bundled at build time. */
const modules = import.meta.glob<Record<string, unknown>>('./verdicts/*.ts', { eager: true });

/** Verdict functions grouped by essay (the `essay` of each claim in content/claims.yaml). */
export const VERDICTS_BY_ESSAY: Record<string, Record<string, VerdictFn>> = {};
/** The module that defines each verdict, e.g. `{ C06: 'src/claims/verdicts/premine.ts' }`. */
export const VERDICT_FILES: Record<string, string> = {};

for (const [path, exports] of Object.entries(modules)) {
  const essay = path.replace(/^\.\/verdicts\//, '').replace(/\.ts$/, '');
  const file = `${VERDICTS_DIR}/${essay}.ts`;
  const fns: Record<string, VerdictFn> = {};
  for (const [name, value] of Object.entries(exports)) {
    if (!CLAIM_ID.test(name))
      throw new Error(
        `${file}: export ${name}: a verdict module exports only verdict functions named for their claim (C06); move helpers to src/claims/evidence.ts or keep them unexported`,
      );
    if (typeof value !== 'function')
      throw new Error(`${file}: export ${name}: expected a verdict function, received ${typeof value}`);
    if (Object.hasOwn(VERDICT_FILES, name))
      throw new Error(`${file}: export ${name}: ${name} already has a verdict function in ${VERDICT_FILES[name]}`);
    fns[name] = value as VerdictFn;
    VERDICT_FILES[name] = file;
  }
  VERDICTS_BY_ESSAY[essay] = fns;
}

export const VERDICT_FNS: Record<string, VerdictFn> = Object.assign({}, ...Object.values(VERDICTS_BY_ESSAY));

export function verdictFor(id: string, data: ReportData): VerdictResult | null {
  const fn = Object.hasOwn(VERDICT_FNS, id) ? VERDICT_FNS[id] : undefined;
  return fn ? fn(data) : null;
}
