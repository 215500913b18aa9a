/**
 * The verdict registry from the verdict modules' exports (listed in src/claims/verdicts/index.ts): each export named
 * for a claim (`export const C06: VerdictFn`) is that claim's verdict, and the module's name is the claim's essay.
 * Used by src/claims/index.ts, which the build and scripts/verdicts.ts share.
 */
import { CLAIM_ID } from '../model/ids.ts';
import type { VerdictFn } from './types.ts';

export const VERDICTS_DIR = 'src/claims/verdicts';

export interface VerdictRegistry {
  /** verdict functions grouped by essay (the `essay` of each claim in content/claims.yaml) */
  byEssay: Record<string, Record<string, VerdictFn>>;
  /** the module that defines each verdict, e.g. `{ C06: 'src/claims/verdicts/premine.ts' }` */
  files: Record<string, string>;
  /** every verdict function, by claim id */
  fns: Record<string, VerdictFn>;
}

/** The registry from each verdict module's exports, by essay (the module's file name without `.ts`). */
export function collectVerdicts(modules: Record<string, Record<string, unknown>>): VerdictRegistry {
  const byEssay: Record<string, Record<string, VerdictFn>> = {};
  const files: Record<string, string> = {};
  for (const essay of Object.keys(modules).sort()) {
    const file = `${VERDICTS_DIR}/${essay}.ts`;
    const fns: Record<string, VerdictFn> = {};
    for (const [name, value] of Object.entries(modules[essay])) {
      if (!CLAIM_ID.test(name))
        throw new Error(
          `${file}: export ${name}: a verdict module exports only verdict functions named for their claim (C06); move helpers to src/claims/evidence.ts or keep them unexported`,
        );
      if (typeof value !== 'function')
        throw new Error(`${file}: export ${name}: expected a verdict function, received ${typeof value}`);
      if (Object.hasOwn(files, name))
        throw new Error(`${file}: export ${name}: ${name} already has a verdict function in ${files[name]}`);
      fns[name] = value as VerdictFn;
      files[name] = file;
    }
    byEssay[essay] = fns;
  }
  return { byEssay, files, fns: Object.assign({}, ...Object.values(byEssay)) };
}
