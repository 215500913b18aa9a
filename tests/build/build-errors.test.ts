/**
 * A contributor's mistake stops the build with the file and the field or line. Two kinds, tested two ways:
 *
 * - Errors of the up-front check (`checkProject`, src/checks/check.ts): bad data fields, frontmatter, chart ids,
 *   imports, and the essay mistakes the MDX parser catches. The build's integration (src/integration.ts) runs that
 *   check before Astro renders anything and stops with its lines, so these are tested in this process, on a scratch
 *   copy of the content and data (as Starlight tests its config errors): one real `astro build` shows the wiring.
 * - Errors raised while rendering (a component throwing, past every check): these need a real `astro build` of a
 *   scratch copy of the project. What only the rendered pages show (the freshness banner) is read from the build
 *   other test files share (tests/helpers/contributed-build.ts).
 *
 * A new check-time mistake goes in the first describe (`expectProblems`); a render-time one in the last.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkProject } from '../../src/checks/check.ts';
import { checkHookFails } from '../helpers/check-hook.ts';
import { build, removeProject, ROOT, tempContent, tempProject } from '../../testing/project.ts';
import { contributedBuild, type ContributedBuild } from '../helpers/contributed-build.ts';

/** Change `file` under `dir`; returns a function that puts it back. */
function edit(dir: string, file: string, change: (text: string) => string): () => void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, change(before));
  return () => writeFileSync(path, before);
}
/** The 1-based line of the first line of `file` under `dir` that contains `marker` (0: none). */
const lineOf = (dir: string, file: string, marker: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(marker)) + 1;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('errors of the up-front check (in process, as the build runs it before rendering)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempContent();
  });
  afterAll(() => removeProject(dir));

  const problems = (production = false) => checkProject(dir, { production }).problems;

  test('the committed content and data pass', () => {
    expect(problems()).toEqual([]);
    expect(problems(true)).toEqual([]);
  });

  /**
   * Check after changing `file`, and expect each [marker, message] as `<file>:<line of marker>: <message>`, or as
   * `<file>: <message>` when the marker is null (a data file's field).
   */
  function expectProblems(
    file: string,
    change: (text: string) => string,
    expected: Array<[marker: string | null, message: string | RegExp]>,
    production = false,
  ) {
    const restore = edit(dir, file, change);
    try {
      const reported = problems(production);
      for (const [marker, message] of expected) {
        const line = marker === null ? 0 : lineOf(dir, file, marker);
        if (marker !== null) expect(line, `marker ${marker}`).toBeGreaterThan(0);
        const prefix = marker === null ? `${file}: ` : `${file}:${line}: `;
        expect(reported).toContainEqual(
          typeof message === 'string'
            ? prefix + message
            : expect.stringMatching(new RegExp(`^${escape(prefix)}${message.source}`)),
        );
      }
    } finally {
      restore();
    }
  }

  test('a corrupted snapshot field names the file and the JSON path', () => {
    expectProblems(
      'public/data/snapshot.json',
      (t) => JSON.stringify({ ...JSON.parse(t), chain: { ...JSON.parse(t).chain, genesisHash: 'not-a-hash' } }),
      [[null, 'chain.genesisHash: expected 0x-prefixed 32-byte hex, received "not-a-hash"']],
    );
  });

  test('a bad frontmatter field names the essay and the field', () => {
    expectProblems('content/essays/staking.mdx', (t) => t.replace(/^title: .*$/m, 'title: 42'), [
      [null, 'frontmatter.title: expected string, received number 42'],
    ]);
  });

  test('an unknown chart id and a forbidden import name the essay and the line', () => {
    expectProblems(
      'content/essays/staking.mdx',
      (t) =>
        t
          .replace('<Chart id="staking-ratio" />', '<Chart id="no-such-chart" />')
          .replace(/\n---\n/, "\n---\nimport fs from 'node:fs';\n"),
      [
        ['no-such-chart', /<Chart id="no-such-chart">: unknown chart id/],
        ["import fs from 'node:fs'", /import from "node:fs" is not allowed/],
      ],
    );
  });

  test("a <Passage> of another essay's lines names the essay, the line and the lines", () => {
    // p08..p09 are the staking essay's (content/article/paragraphs.yaml)
    expectProblems('content/essays/governance.mdx', (t) => `${t}\n<Passage from="p08" to="p09" />\n`, [
      [
        '<Passage from="p08" to="p09" />',
        '<Passage from="p08" to="p09">: p08, p09 belong to the essay "staking", not "governance" (the essay: field in content/article/paragraphs.yaml); each line of the article is shown in its own essay',
      ],
    ]);
  });

  test('a claim listed in the frontmatter but never shown names the frontmatter line', () => {
    expectProblems('content/essays/staking.mdx', (t) => t.replace('<Claim id="C17" />', ''), [
      [
        'claims: [',
        'frontmatter.claims: C17 is listed but never shown; add <Claim id="C17" /> to the essay or take C17 off the list',
      ],
    ]);
  });

  test('a broken internal link and a missing anchor name the line', () => {
    expectProblems(
      'content/essays/staking.mdx',
      (t) => `${t}\nSee [the nope essay](/essays/nope/).\n\nAnd [below](#missing-anchor).\n`,
      [
        ['(/essays/nope/)', /link "\/essays\/nope\/": no essay "nope"; the essays are conclusion, governance, /],
        ['(#missing-anchor)', 'link "#missing-anchor": no element with id "missing-anchor" on this page'],
      ],
    );
  });

  test('an unknown component is one line with the file and line', () => {
    expectProblems(
      'content/essays/staking.mdx',
      (t) => t.replace('<Chart id="staking-ratio" />', '<Chrat id="staking-ratio" />'),
      [
        [
          '<Chrat',
          '<Chrat>: unknown component (did you mean <Chart>?); essays use <Chart>, <Claim>, <Passage>, <Note>, <Cite>, <Figure> (see CONTRIBUTING.md)',
        ],
      ],
    );
  });

  test('a bad <Note tone> names the line and the tones', () => {
    expectProblems('content/essays/staking.mdx', (t) => t.replace('<Note tone="wrong">', '<Note tone="wrnog">'), [
      [
        '<Note tone="wrnog">',
        '<Note tone="wrnog">: unknown tone (did you mean "wrong"?), expected one of right, wrong, unverifiable, changed, context',
      ],
    ]);
  });

  test('a production build refuses synthetic data', () => {
    const synthetic = (t: string) =>
      JSON.stringify({
        ...JSON.parse(t),
        kind: 'synthetic',
        head: { number: 1, hash: `0x${'ab'.repeat(32)}`, timestamp: '2026-01-01T00:00:00Z', specVersion: 218 },
      });
    const refused = 'kind: "synthetic" data (read from a test node) is refused in a production build';
    expectProblems('public/data/snapshot.json', synthetic, [[null, new RegExp(escape(refused))]], true);
    // a preview build takes it
    const restore = edit(dir, 'public/data/snapshot.json', synthetic);
    try {
      expect(problems().filter((p) => p.includes('synthetic'))).toEqual([]);
    } finally {
      restore();
    }
  });

  test('a malformed public/data/status.json names the file and the field', () => {
    writeFileSync(
      join(dir, 'public/data/status.json'),
      JSON.stringify({ statusVersion: 1, lastAttempt: 'yesterday', lastSuccess: null, error: null }),
    );
    try {
      expect(problems()).toContain(
        'public/data/status.json: lastAttempt: expected an ISO 8601 UTC timestamp, received "yesterday"',
      );
    } finally {
      removeProject(join(dir, 'public/data/status.json'));
    }
  });

  test("the build's integration runs this check before Astro renders: it prints the lines and stops the build", async () => {
    const restore = edit(dir, 'content/essays/staking.mdx', (t) =>
      t.replace('<Note tone="wrong">', '<Note tone="wrnog">'),
    );
    try {
      const [head, ...lines] = (await checkHookFails(dir)).split('\n');
      expect(head).toMatch(/^taoproof: 1 problem in data or content/);
      expect(lines).toEqual(problems());
    } finally {
      restore();
    }
  });
});

describe('errors that need a real build', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempProject();
  });
  afterAll(() => removeProject(dir));

  test('a check error stops `astro build` with its line, not a stack trace', () => {
    const restore = edit(dir, 'content/essays/staking.mdx', (t) =>
      t.replace('<Chart id="staking-ratio" />', '<Chrat id="staking-ratio" />'),
    );
    const line = lineOf(dir, 'content/essays/staking.mdx', '<Chrat');
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      `content/essays/staking.mdx:${line}: <Chrat>: unknown component (did you mean <Chart>?)`,
    );
    expect(r.output).not.toMatch(/^\s+at /m); // no stack trace
  });

  test('an error thrown while rendering an essay names the .mdx file and line, not the URL', () => {
    // a component failing at render time (here a chart whose data cannot be drawn), past every static check
    const restore = edit(dir, 'src/components/essay/Chart.astro', (t) =>
      t.replace(
        'const def = getChart(id);',
        'const def = getChart(id);\nif (id === \'staking-ratio\') throw new Error(`${Astro.url.pathname}: <Chart id="${id}">: the data cannot be drawn`);',
      ),
    );
    const line = lineOf(dir, 'content/essays/staking.mdx', '<Chart id="staking-ratio" />');
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      `content/essays/staking.mdx:${line}: <Chart id="staking-ratio">: the data cannot be drawn`,
    );
    expect(r.output).not.toContain('/essays/staking/: <Chart');
  }, 120_000); // a full build, up to the failing page
});

describe('what only the rendered pages show (the build shared with other test files)', () => {
  let built: ContributedBuild;
  beforeAll(async () => {
    built = await contributedBuild();
  });

  test('a failed nightly snapshot is announced on every page, with the age of the data', () => {
    // (a failure older than the snapshot is not announced: staleNotice in tests/snapshot/status.test.ts; a malformed
    // status.json is refused by the check, above)
    // its public/data/status.json: the nightly snapshot failed one day after the committed snapshot was generated,
    // so it is news to readers (tests/helpers/contributed-build.ts)
    const { failedAt, project } = built;
    const generatedAt = (
      JSON.parse(readFileSync(join(ROOT, 'public/data/snapshot.json'), 'utf8')) as { source: { generatedAt: string } }
    ).source.generatedAt;
    expect(Date.parse(failedAt) - Date.parse(generatedAt)).toBe(86_400_000);
    expect(JSON.parse(readFileSync(join(project, 'public/data/status.json'), 'utf8'))).toEqual({
      statusVersion: 1,
      lastAttempt: failedAt,
      lastSuccess: '2026-11-20T03:00:00.000Z',
      error: 'wss://entrypoint-finney.opentensor.ai:443: timed out after 30000 ms',
    });
    expect(built.status, built.output.slice(-1500)).toBe(0);
    for (const page of ['index.html', 'essays/staking/index.html'])
      expect(readFileSync(join(project, 'dist', page), 'utf8')).toMatch(
        new RegExp(
          `The last chain snapshot \\(${failedAt.slice(0, 10)}\\) failed: wss://entrypoint-finney.opentensor.ai:443: timed out after 30000 ms\\. The data is from a snapshot \\d+ days old\\.`,
        ),
      );
  });
});
