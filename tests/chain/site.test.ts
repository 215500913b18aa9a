/**
 * The whole pipeline on the real runtimes: a seeded local node (spec 103, upgraded to 218 at dTAO's date) ->
 * the snapshot CLI -> the site build. The built charts plot exactly the values the node held at each sampled
 * block, marked synthetic; the production build refuses the same data (its up-front check, run here in process as
 * the build runs it before rendering: tests/build/build-errors.test.ts shows a check error stopping `astro build`, and
 * tests/build/new-essay.test.ts a build with TAOPROOF_PRODUCTION=1 being a production build).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checks/check.ts';
import { build, removeProject, tempProject } from '../../testing/project.ts';
import { chainMissing, Dev, SPEC_103, startNode, type LocalNode } from '../../testing/chopsticks.ts';
import { runCliInProcess } from '../../testing/snapshot-cli.ts';
import { buildHistory, type History } from '../../testing/seed.ts';

const missing = chainMissing();

describe.skipIf(missing !== null)('chain -> snapshot -> site', () => {
  let node: LocalNode;
  let dev: Dev;
  let history: History;
  let out: string;
  let project: string;

  beforeAll(async () => {
    node = await startNode(SPEC_103, ['--allow-unresolved-imports']);
    dev = await Dev.connect(node.url);
    history = await buildHistory(dev, '2025-02-08', 5, 5); // spec 103 until 2025-02-12, spec 218 from dTAO's day
    out = mkdtempSync(path.join(tmpdir(), 'taoproof-site-'));
    const r = await runCliInProcess(['--endpoint', node.url, '--genesis', 'any', '--trust-node', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    project = tempProject();
    cpSync(path.join(out, 'snapshot.json'), path.join(project, 'public/data/snapshot.json'));
    cpSync(path.join(out, 'subnets-daily.json'), path.join(project, 'public/data/subnets-daily.json'));
  }, 300_000);

  afterAll(async () => {
    await dev?.close();
    await node?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
    if (project) removeProject(project);
  });

  it('builds a preview whose charts plot what the node held, block by block, marked synthetic', () => {
    const r = build(project);
    expect(r.status, r.output.slice(-2000)).toBe(0);
    expect(r.output).toMatch(/data: SYNTHETIC test data from block [\d,]+ \(\d{4}-\d{2}-\d{2}\)/);
    const home = readFileSync(path.join(project, 'dist/index.html'), 'utf8');
    expect(home).toContain('SYNTHETIC test data');

    const staking = JSON.parse(readFileSync(path.join(project, 'dist/data/charts/staking-ratio.json'), 'utf8'));
    const measured = staking.rows.filter((x: { origin: string }) => x.origin === 'synthetic');
    expect(measured.map((x: { date: string; block: number }) => [x.date, x.block])).toEqual(
      history.days.map((d) => [d.date, d.block]),
    );
    for (const [i, d] of history.days.entries())
      expect(measured[i].value).toBeCloseTo(Number(d.values.totalStake) / Number(d.values.totalIssuance), 9);

    const root = JSON.parse(readFileSync(path.join(project, 'dist/data/charts/root-stake.json'), 'utf8'));
    const rootRows = root.rows.filter((x: { origin: string }) => x.origin === 'synthetic');
    const post = history.days.filter((d) => d.spec === 218);
    expect(rootRows.map((x: { block: number }) => x.block)).toEqual(post.map((d) => d.block)); // absent before dTAO, not zero
    expect(rootRows.map((x: { value: number }) => x.value)).toEqual(
      post.map((d) => Number(BigInt(d.values.rootStake!)) / 1e9),
    );

    // the per-subnet daily file is published beside the snapshot and listed on the data page
    expect(JSON.parse(readFileSync(path.join(project, 'dist/data/subnets-daily.json'), 'utf8')).days).toHaveLength(
      history.days.length,
    );
    const page = readFileSync(path.join(project, 'dist/data/index.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(page).toContain(`subnets-daily.json`);
    expect(page).toContain(
      `${history.days.length} days, ${history.days[0].date} to ${history.days.at(-1)!.date}, up to 4 subnets a day`,
    );
  }, 180_000); // the build's own limit is 120 s (testing/project.ts); on a loaded machine it takes over the default 60 s

  it('the production build refuses the same data', () => {
    const refused =
      'public/data/snapshot.json: kind: "synthetic" data (read from a test node) is refused in a production build';
    expect(checkProject(project, { production: true }).problems).toContainEqual(expect.stringContaining(refused));
    // the preview's check takes it (the preview build above passed it)
    expect(checkProject(project, { production: false }).problems).toEqual([]);
  });
});
