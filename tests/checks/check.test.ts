/** The build's up-front check on a scratch copy: a cited snapshot out of step with its YAML, unknown ids, claims without verdicts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { checkProject } from '../../src/checks/check.ts';
import { removeProject, tempProject } from '../helpers/project.ts';

let dir: string;
beforeEach(() => {
  dir = tempProject();
});
afterEach(() => removeProject(dir));

const edit = (file: string, f: (t: string) => string) =>
  writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));
const check = () => checkProject(dir, { production: false }).problems;

test('the committed project passes', () => {
  expect(check()).toEqual([]);
});

test('a cited snapshot that no longer matches content/reference.yaml is refused, as are unknown source ids', () => {
  edit('content/reference.yaml', (t) => t.replace('value: "10640000000000000"', 'value: "10650000000000000"'));
  edit('public/data/snapshot.json', (t) => t.replace('"ref": "taostats-halving"', '"ref": "no-such-source"'));
  expect(check()).toEqual([
    'public/data/snapshot.json: series[4].source.ref: unknown source id "no-such-source" (see content/sources.yaml)',
    'public/data/snapshot.json: a "cited" snapshot must be built from content/reference.yaml, and this one differs: run `npm run snapshot:cited`',
  ]);
});

test('an opinion with a verdict, or a figure without one, is refused', () => {
  edit('content/claims.yaml', (t) =>
    t.replace(/(- id: C09\n {2}type: )figure/, '$1opinion').replace(/(- id: C11\n {2}type: )opinion/, '$1figure'),
  );
  expect(check()).toEqual([
    'content/claims.yaml: C09.type: an opinion is labelled, not judged, but src/claims/verdicts/premine.ts has a verdict function for it',
    'content/claims.yaml: C11.type: a figure needs a verdict function in src/claims/verdicts/staking.ts',
  ]);
});

test('a verdict in another essay’s module, or for a claim the register lacks, is refused with the file and the field', () => {
  edit('content/claims.yaml', (t) =>
    t.replace(/(- id: C06\n(?: {2}.*\n)*? {2}essay: )premine/, '$1staking').replace(/- id: C23\n/, '- id: C93\n'),
  );
  expect(check()).toEqual(
    expect.arrayContaining([
      'content/claims.yaml: C06.essay: "staking", but its verdict function is in src/claims/verdicts/premine.ts; move it to src/claims/verdicts/staking.ts',
      'src/claims/verdicts/three-schemes.ts: export C23: no claim C23 in content/claims.yaml',
    ]),
  );
});

test('a line listing a claim already made on it (its paragraph in content/claims.yaml) is refused: the link is derived', () => {
  edit('content/article/paragraphs.yaml', (t) => t.replace('- id: p05\n', '- id: p05\n  claims: [C06]\n'));
  expect(check()).toEqual([
    'content/article/paragraphs.yaml: p05.claims: C06 is made on this line (its paragraph in content/claims.yaml) and linked without being listed; list here only claims continued from an earlier line',
  ]);
});

test('a line or a claim of an essay that has no file is refused, naming the essays there are', () => {
  edit('content/article/paragraphs.yaml', (t) => t.replace(/(- id: p05\n(?: {2}.*\n)*? {2}essay: )\S+/, '$1stakng'));
  expect(check()).toEqual(
    expect.arrayContaining([
      'content/article/paragraphs.yaml: p05.essay: no essay "stakng" (no content/essays/stakng.mdx); the essays are conclusion, governance, introduction, owners, premine, root-exodus, staking, three-schemes',
    ]),
  );
  edit('content/article/paragraphs.yaml', (t) => t.replace('essay: stakng', 'essay: Staking'));
  expect(check()).toContain(
    'content/article/paragraphs.yaml: p05.essay: expected an essay slug like root-exodus, received "Staking"',
  );
});
