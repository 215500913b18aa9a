/**
 * What only a build shows of a contributor's change: CONTRIBUTING.md's steps for adding a claim, followed literally,
 * give a passing build with no broken link or anchor and a log that opens by saying what the data is (the build
 * shared with other test files, tests/helpers/contributed-build.ts, which follows the steps); and a verdict function
 * that throws stops the build with its module, line and claim, not a crash banner: an error of the build's up-front
 * check, so tested in this process through the build's own hook (tests/build/build-errors.test.ts builds once to
 * show a check error stopping `astro build`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkHookFails } from '../helpers/check-hook.ts';
import { brokenLinks } from '../helpers/dist.ts';
import { contributedBuild, type ContributedBuild } from '../helpers/contributed-build.ts';
import { removeProject, tempProject } from '../../testing/project.ts';

let built: ContributedBuild;
let dir: string;
beforeAll(async () => {
  built = await contributedBuild();
  dir = tempProject();
});
afterAll(() => removeProject(dir));

test('adding a claim as CONTRIBUTING.md says builds, with no broken anchor', () => {
  const steps = contributingSteps();
  expect(steps).toHaveLength(3); // the shared build does these three, in order, touching three files
  // three files differ from the project's, no more
  expect(built.claimChanged).toEqual([
    'content/claims.yaml',
    'content/essays/staking.mdx',
    'src/claims/verdicts/staking.ts',
  ]);
  expect(built.status, built.output.slice(-2000)).toBe(0);
  expect(brokenLinks(join(built.project, 'dist'))).toEqual([]);
  expect(readFileSync(join(built.project, 'dist/claims/index.html'), 'utf8')).toContain('claim-C42');
  // the log: what the data is, in words; no boxed bundler warnings about Astro's own MDX marker
  expect(built.output).toMatch(
    /\[taoproof:check\] data: No chain data yet: figures cited from publications, the latest dated \d{4}-\d{2}-\d{2}/,
  );
  expect(built.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
});

test('a verdict function that throws stops the build naming its module, its line and its claim', async () => {
  const file = 'src/claims/verdicts/premine.ts';
  const path = join(dir, file);
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(
      /^(export const C06: VerdictFn = \(data\) => \{\n)/m,
      "$1  if (data.snapshot) throw new RangeError('figure out of range');\n",
    ),
  );
  const line =
    readFileSync(path, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('figure out of range')) + 1;
  expect(line).toBeGreaterThan(0);
  // the build's hook, as `astro build` runs it before rendering: it prints the lines and exits with 1
  const output = await checkHookFails(dir);
  expect(output).toContain(
    `${file}:${line}: C06: the verdict function threw RangeError: figure out of range; a verdict answers "unverifiable" when its data is missing instead of throwing`,
  );
  // not framed as a crash: no "unhandled error" banner, no empty stack trace, no bundled chunk under dist/
  expect(output).not.toMatch(/unhandled error|Stack trace|\.prerender|\/claims\/essay\//);
});

/** The numbered steps under "A claim" in CONTRIBUTING.md. */
function contributingSteps(): string[] {
  const text = readFileSync(join(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');
  const section = text.slice(text.indexOf('- **A claim**'), text.indexOf('- **An essay**'));
  return section.match(/^ {2}\d\. .*/gm) ?? [];
}
