/**
 * Two real builds of a scratch copy, for what only a build shows: CONTRIBUTING.md's steps for adding a claim, followed
 * literally, give a passing build with no broken link or anchor and a log that opens by saying what the data is; and
 * a verdict function that throws stops the build with its module, line and claim, not a crash banner.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { brokenLinks } from '../helpers/dist.ts';
import { build, removeProject, ROOT, tempProject } from '../../testing/project.ts';

let dir: string;
beforeAll(() => {
  dir = tempProject();
});
afterAll(() => removeProject(dir));

const edit = (file: string, f: (t: string) => string) =>
  writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));

test('adding a claim as CONTRIBUTING.md says builds, with no broken anchor', () => {
  const steps = contributingSteps();
  expect(steps).toHaveLength(3); // the test below does these three, in order, touching three files
  // 1. its entry in content/claims.yaml, quoting a part of its paragraph (p08, a line of the staking essay)
  const p08 = /- id: p08\n(?: {2}.*\n)*? {2}ja: "?([^"\n]{12})/.exec(
    readFileSync(join(dir, 'content/article/paragraphs.yaml'), 'utf8'),
  )![1];
  edit(
    'content/claims.yaml',
    (t) =>
      `${t.trimEnd()}\n- id: C42\n  type: figure\n  paragraph: p08\n  essay: staking\n  ja: "${p08}"\n  en: "A figure added by a contributor."\n  summary: "A contributor's claim"\n  check: "TotalStake at the article's date."\n  assessment: "Not assessed yet."\n  sources: []\n`,
  );
  // 2. its verdict, an export named for its id in the essay's module, with a reason that says what it rests on
  edit(
    'src/claims/verdicts/staking.ts',
    (t) =>
      `${t}\n/** C42: a contributor's claim. */\nexport const C42: VerdictFn = () => ({ verdict: 'unverifiable', reason: 'No chain read of TotalStake at the article’s date is in this build yet.', evidence: [] });\n`,
  );
  // 3. in the essay, its id in the claims: list and <Claim id="C42" />
  edit('content/essays/staking.mdx', (t) =>
    t
      .replace(/^claims: \[/m, 'claims: [C42, ')
      .replace('<Claim id="C11" />', '<Claim id="C11" />\n\n<Claim id="C42" />'),
  );
  // three files differ from the project's, no more
  expect(changedFiles(dir, ['src', 'content'])).toEqual([
    'content/claims.yaml',
    'content/essays/staking.mdx',
    'src/claims/verdicts/staking.ts',
  ]);
  const r = build(dir);
  expect(r.status, r.output.slice(-2000)).toBe(0);
  expect(brokenLinks(join(dir, 'dist'))).toEqual([]);
  expect(readFileSync(join(dir, 'dist/claims/index.html'), 'utf8')).toContain('claim-C42');
  // the log: what the data is, in words; no boxed bundler warnings about Astro's own MDX marker
  expect(r.output).toMatch(
    /\[taoproof:check\] data: No chain data yet: figures cited from publications, the latest dated \d{4}-\d{2}-\d{2}/,
  );
  expect(r.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
}, 180_000);

test('a verdict function that throws stops the build naming its module, its line and its claim', () => {
  const file = 'src/claims/verdicts/premine.ts';
  edit(file, (t) =>
    t.replace(
      /^(export const C06: VerdictFn = \(data\) => \{\n)/m,
      "$1  if (data.snapshot) throw new RangeError('figure out of range');\n",
    ),
  );
  const line =
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('figure out of range')) + 1;
  const r = build(dir);
  expect(r.status).not.toBe(0);
  expect(r.output).toContain(
    `${file}:${line}: C06: the verdict function threw RangeError: figure out of range; a verdict answers "unverifiable" when its data is missing instead of throwing`,
  );
  // not framed as a crash: no "unhandled error" banner, no empty stack trace, no bundled chunk under dist/
  expect(r.output).not.toMatch(/unhandled error|Stack trace|\.prerender|\/claims\/essay\//);
}, 180_000);

/** The numbered steps under "A claim" in CONTRIBUTING.md. */
function contributingSteps(): string[] {
  const text = readFileSync(join(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');
  const section = text.slice(text.indexOf('- **A claim**'), text.indexOf('- **An essay**'));
  return section.match(/^ {2}\d\. .*/gm) ?? [];
}

/** The files under `folders` of the scratch copy `dir` whose text differs from the project's, sorted. */
function changedFiles(dir: string, folders: string[]): string[] {
  const walk = (d: string): string[] =>
    readdirSync(join(dir, d), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
    );
  return folders
    .flatMap(walk)
    .filter((f) => readFileSync(join(dir, f), 'utf8') !== readFileSync(join(ROOT, f), 'utf8'))
    .sort();
}
