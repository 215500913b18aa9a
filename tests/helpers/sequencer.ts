/**
 * The order test files start in: the slowest first, so that on 2 workers the long files overlap instead of one of
 * them running alone at the end. Vitest's own order needs the results of a previous run (none on a fresh clone) and
 * falls back to file size, which put the slowest file (a11y, a short file) last. SLOWEST is the top of the time
 * table the run prints (tests/helpers/file-times.ts), slowest first; files not in it follow in vitest's order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const SLOWEST = [
  'tests/browser/charts.test.ts',
  'tests/chain/snapshot.test.ts',
  'tests/browser/a11y.test.ts',
  'tests/build/new-essay.test.ts',
  'tests/browser/verify.test.ts',
  'tests/chain/finney-like.test.ts',
  'tests/build/versions.test.ts',
  'tests/chain/verify.test.ts',
  'tests/chain/finney-like-cost.test.ts',
  'tests/reliability/snapshot-faults.test.ts',
  'tests/browser/home.test.ts',
  'tests/build/build-errors.test.ts',
  'tests/browser/js-budget.test.ts',
  'tests/chain/finney-like-real-timing.test.ts',
  'tests/browser/layout.test.ts',
  'tests/verify/trie.test.ts',
  'tests/browser/phone.test.ts',
  'tests/browser/search.test.ts',
  'tests/build/dev-check.test.ts',
];

export default class SlowestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOWEST.findIndex((s) => f.moduleId.endsWith(`/${s}`));
      return i < 0 ? SLOWEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
