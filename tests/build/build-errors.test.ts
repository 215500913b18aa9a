/**
 * A bad data field, frontmatter field, chart id or import fails the build with the file and the field or line; so
 * do the essay mistakes the MDX parser catches before rendering, and errors thrown while rendering an essay.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, removeProject, tempProject } from '../helpers/project.ts';

let dir: string;
beforeAll(() => {
  dir = tempProject();
});
afterAll(() => removeProject(dir));

function edit(file: string, change: (text: string) => string): () => void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, change(before));
  return () => writeFileSync(path, before);
}

describe('build errors a contributor can act on', () => {
  test('a corrupted snapshot field names the file and the JSON path', () => {
    const restore = edit('public/data/snapshot.json', (t) => {
      const s = JSON.parse(t);
      s.chain.genesisHash = 'not-a-hash';
      return JSON.stringify(s);
    });
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      'public/data/snapshot.json: chain.genesisHash: expected 0x-prefixed 32-byte hex, received "not-a-hash"',
    );
  });

  test('a bad frontmatter field names the essay and the field', () => {
    const restore = edit('content/essays/staking.mdx', (t) => t.replace(/^title: .*$/m, 'title: 42'));
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/essays/staking.mdx: frontmatter.title: expected string, received number 42');
  });

  test('an unknown chart id and a forbidden import name the essay and the line', () => {
    const restore = edit('content/essays/staking.mdx', (t) =>
      t
        .replace('<Chart id="staking-ratio" />', '<Chart id="no-such-chart" />')
        .replace(/\n---\n/, "\n---\nimport fs from 'node:fs';\n"),
    );
    const text = readFileSync(join(dir, 'content/essays/staking.mdx'), 'utf8').split('\n');
    const chartLine = text.findIndex((l) => l.includes('no-such-chart')) + 1;
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(
      new RegExp(`content/essays/staking\\.mdx:${chartLine}: <Chart id="no-such-chart">: unknown chart id`),
    );
    expect(r.output).toMatch(/content\/essays\/staking\.mdx:\d+: import from "node:fs" is not allowed/);
  });

  /** Build after `change`, and expect `content/essays/<file>:<line of marker>: <message>` for each [marker, message]. */
  function expectEssayErrors(
    file: string,
    change: (text: string) => string,
    expected: Array<[marker: string, message: string | RegExp]>,
  ) {
    const restore = edit(`content/essays/${file}`, change);
    const text = readFileSync(join(dir, 'content/essays', file), 'utf8').split('\n');
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    const reported = r.output.split('\n').filter((l) => l.startsWith(`content/essays/${file}:`));
    for (const [marker, message] of expected) {
      const line = text.findIndex((l) => l.includes(marker)) + 1;
      expect(line, `marker ${marker}`).toBeGreaterThan(0);
      const prefix = `content/essays/${file}:${line}: `;
      expect(reported, r.output.slice(-1500)).toContainEqual(
        typeof message === 'string'
          ? prefix + message
          : expect.stringMatching(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${message.source}`)),
      );
    }
  }
  const expectEssayError = (file: string, change: (text: string) => string, marker: string, message: string | RegExp) =>
    expectEssayErrors(file, change, [[marker, message]]);

  test("a <Passage> of another essay's lines names the essay, the line and the lines", () => {
    // p08..p09 are the staking essay's (content/article/paragraphs.yaml)
    expectEssayError(
      'governance.mdx',
      (t) => `${t}\n<Passage from="p08" to="p09" />\n`,
      '<Passage from="p08" to="p09" />',
      '<Passage from="p08" to="p09">: p08, p09 belong to the essay "staking", not "governance" (the essay: field in content/article/paragraphs.yaml); each line of the article is shown in its own essay',
    );
  });

  test('a claim listed in the frontmatter but never shown names the frontmatter line', () => {
    expectEssayError(
      'staking.mdx',
      (t) => t.replace('<Claim id="C17" />', ''),
      'claims: [',
      'frontmatter.claims: C17 is listed but never shown; add <Claim id="C17" /> to the essay or take C17 off the list',
    );
  });

  test('a broken internal link and a missing anchor name the line', () => {
    expectEssayErrors(
      'staking.mdx',
      (t) => `${t}\nSee [the nope essay](/essays/nope/).\n\nAnd [below](#missing-anchor).\n`,
      [
        ['(/essays/nope/)', /link "\/essays\/nope\/": no essay "nope"; the essays are conclusion, governance, /],
        ['(#missing-anchor)', 'link "#missing-anchor": no element with id "missing-anchor" on this page'],
      ],
    );
  });

  test('an unknown component is one line with the file and line, not a stack trace', () => {
    const restore = edit('content/essays/staking.mdx', (t) =>
      t.replace('<Chart id="staking-ratio" />', '<Chrat id="staking-ratio" />'),
    );
    const line =
      readFileSync(join(dir, 'content/essays/staking.mdx'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('<Chrat')) + 1;
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      `content/essays/staking.mdx:${line}: <Chrat>: unknown component (did you mean <Chart>?); essays use <Chart>, <Claim>, <Passage>, <Note>, <Cite>, <Figure> (see CONTRIBUTING.md)`,
    );
    expect(r.output).not.toMatch(/^\s+at /m); // no stack trace
  });

  test('a bad <Note tone> names the line and the tones', () => {
    expectEssayError(
      'staking.mdx',
      (t) => t.replace('<Note tone="wrong">', '<Note tone="wrnog">'),
      '<Note tone="wrnog">',
      '<Note tone="wrnog">: unknown tone (did you mean "wrong"?), expected one of right, wrong, unverifiable, changed, context',
    );
  });

  test('an error thrown while rendering an essay names the .mdx file and line, not the URL', () => {
    // a component failing at render time (here a chart whose data cannot be drawn), past every static check
    const restore = edit('src/components/essay/Chart.astro', (t) =>
      t.replace(
        'const def = getChart(id);',
        'const def = getChart(id);\nif (id === \'staking-ratio\') throw new Error(`${Astro.url.pathname}: <Chart id="${id}">: the data cannot be drawn`);',
      ),
    );
    const line =
      readFileSync(join(dir, 'content/essays/staking.mdx'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('<Chart id="staking-ratio" />')) + 1;
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      `content/essays/staking.mdx:${line}: <Chart id="staking-ratio">: the data cannot be drawn`,
    );
    expect(r.output).not.toContain('/essays/staking/: <Chart');
  }, 120_000); // a full build, up to the failing page

  test('a production build refuses synthetic data', () => {
    const restore = edit('public/data/snapshot.json', (t) =>
      JSON.stringify({
        ...JSON.parse(t),
        kind: 'synthetic',
        head: { number: 1, hash: `0x${'ab'.repeat(32)}`, timestamp: '2026-01-01T00:00:00Z', specVersion: 218 },
      }),
    );
    const r = build(dir, { TAOPROOF_PRODUCTION: '1' });
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      'public/data/snapshot.json: kind: "synthetic" data (read from a test node) is refused in a production build',
    );
  });
});

describe('freshness', () => {
  test('a failed nightly snapshot is announced on every page, with the age of the data', () => {
    const file = join(dir, 'public/data/status.json');
    // the failure is one day after the committed snapshot was generated, so it is news to readers
    const generatedAt = (
      JSON.parse(readFileSync(join(dir, 'public/data/snapshot.json'), 'utf8')) as { source: { generatedAt: string } }
    ).source.generatedAt;
    const failedAt = new Date(Date.parse(generatedAt) + 86_400_000).toISOString();
    const failure = {
      statusVersion: 1,
      lastAttempt: failedAt,
      lastSuccess: '2026-11-20T03:00:00.000Z',
      error: 'wss://entrypoint-finney.opentensor.ai:443: timed out after 30000 ms',
    };
    writeFileSync(file, JSON.stringify(failure));
    const r = build(dir);
    expect(r.status, r.output.slice(-1500)).toBe(0);
    for (const page of ['index.html', 'essays/staking/index.html'])
      expect(readFileSync(join(dir, 'dist', page), 'utf8')).toMatch(
        new RegExp(
          `The last chain snapshot \\(${failedAt.slice(0, 10)}\\) failed: wss://entrypoint-finney.opentensor.ai:443: timed out after 30000 ms\\. The data is from a snapshot \\d+ days old\\.`,
        ),
      );
    // a failure older than the snapshot (a later successful local run) is not announced
    writeFileSync(
      file,
      JSON.stringify({ ...failure, lastAttempt: new Date(Date.parse(generatedAt) - 60_000).toISOString() }),
    );
    const older = build(dir);
    expect(older.status, older.output.slice(-1500)).toBe(0);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).not.toContain('The last chain snapshot');
    writeFileSync(file, JSON.stringify({ statusVersion: 1, lastAttempt: 'yesterday', lastSuccess: null, error: null }));
    const bad = build(dir);
    rmSync(file);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain(
      'public/data/status.json: lastAttempt: expected an ISO 8601 UTC timestamp, received "yesterday"',
    );
  }, 180_000); // two full builds and a failing one
});
