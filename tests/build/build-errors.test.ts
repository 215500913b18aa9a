/** A bad data field, frontmatter field, chart id or import fails the build with the file and the field or line. */
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
    expect(r.output).toContain('public/data/snapshot.json: chain.genesisHash: expected 0x-prefixed 32-byte hex, received "not-a-hash"');
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
      t.replace('<Chart id="staking-ratio" />', '<Chart id="no-such-chart" />').replace(/\n---\n/, "\n---\nimport fs from 'node:fs';\n"),
    );
    const text = readFileSync(join(dir, 'content/essays/staking.mdx'), 'utf8').split('\n');
    const chartLine = text.findIndex((l) => l.includes('no-such-chart')) + 1;
    const r = build(dir);
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(new RegExp(`content/essays/staking\\.mdx:${chartLine}: <Chart id="no-such-chart">: unknown chart id`));
    expect(r.output).toMatch(/content\/essays\/staking\.mdx:\d+: import from "node:fs" is not allowed/);
  });

  test('a production build refuses synthetic data', () => {
    const restore = edit('public/data/snapshot.json', (t) => JSON.stringify({ ...JSON.parse(t), kind: 'synthetic', head: { number: 1, hash: `0x${'ab'.repeat(32)}`, timestamp: '2026-01-01T00:00:00Z', specVersion: 218 } }));
    const r = build(dir, { TAOPROOF_PRODUCTION: '1' });
    restore();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('public/data/snapshot.json: kind: "synthetic" data (read from a test node) is refused in a production build');
  });
});

describe('freshness', () => {
  test('a failed nightly snapshot is announced on every page, with the age of the data', () => {
    const file = join(dir, 'public/data/status.json');
    writeFileSync(file, JSON.stringify({ statusVersion: 1, lastAttempt: '2026-11-24T03:00:00.000Z', lastSuccess: '2026-11-20T03:00:00.000Z', error: 'wss://entrypoint-finney.opentensor.ai:443: timed out after 30000 ms' }));
    const r = build(dir);
    expect(r.status, r.output.slice(-1500)).toBe(0);
    for (const page of ['index.html', 'essays/staking/index.html'])
      expect(readFileSync(join(dir, 'dist', page), 'utf8')).toMatch(/The last chain snapshot \(2026-11-24\) failed: wss:\/\/entrypoint-finney.opentensor.ai:443: timed out after 30000 ms\. The data is from a snapshot \d+ days old\./);
    writeFileSync(file, JSON.stringify({ statusVersion: 1, lastAttempt: 'yesterday', lastSuccess: null, error: null }));
    const bad = build(dir);
    rmSync(file);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('public/data/status.json: lastAttempt: expected an ISO 8601 UTC timestamp, received "yesterday"');
  });
});
