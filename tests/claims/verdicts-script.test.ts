/**
 * `npm run verdicts` (scripts/verdicts.ts) on scratch folders: chain data records the verdicts and logs the ones new
 * data flip, with the block; cited and synthetic data write nothing; a malformed verdicts.json is refused with the
 * file and the field, by the script and by the build's up-front check. The script's `run()` is called in this
 * process; one test runs the command itself, for what it prints and its exit status.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkProject } from '../../src/checks/check.ts';
import { parseVerdictHistory, verdictChanges } from '../../src/data/corrections.ts';
import { VERDICT_FNS } from '../../src/claims/index.ts';
import type { Snapshot } from '../../src/model/schema.ts';
import { citedData, dataOf, daysFrom } from '../fixtures/snapshots.ts';
import { run as runVerdicts } from '../../scripts/verdicts.ts';
import { removeProject, ROOT, tempContent } from '../../testing/project.ts';

/** Root stake falling by `drop` TAO over the 63 days to the article (as in corrections.test.ts); one more day moves the head. */
const rootData = (drop: number, days = 67, kind: Snapshot['kind'] = 'chain') =>
  dataOf(
    daysFrom(
      '2025-02-13',
      days,
      (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 6_000_000, rootTao: 5_860_000 - (drop * i) / 63 }),
      { kind },
    ),
  );
const verdictsOf = (data: ReturnType<typeof rootData>) =>
  Object.fromEntries(Object.entries(VERDICT_FNS).map(([id, fn]) => [id, fn(data).verdict]));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taoproof-verdicts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (snapshot: Snapshot) => writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
const file = () => join(dir, 'verdicts.json');
const history = () => parseVerdictHistory(JSON.parse(readFileSync(file(), 'utf8')), file());
/** `npm run verdicts -- --dir <dir>` in this process: the line it prints, or the error it stops with (status 1). */
async function run(): Promise<{ status: number; out: string; err: string }> {
  try {
    return { status: 0, out: await runVerdicts(['--dir', dir]), err: '' };
  } catch (e) {
    return { status: 1, out: '', err: (e as Error).message };
  }
}
/** The command itself, as the nightly job runs it. */
function command(): { status: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/verdicts.ts'), '--dir', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe('npm run verdicts', () => {
  test('a first run records every verdict and what changed from the cited figures; new data that flip verdicts add one entry each, with the block', async () => {
    const first = rootData(150_000);
    put(first.snapshot);
    let r = await run();
    expect(r.status, r.err).toBe(0);
    expect(r.out.split('\n')).toHaveLength(1);
    const h1 = history();
    expect(h1.verdicts).toEqual(verdictsOf(first)); // the script's registry gives the build's verdicts
    // the site showed the cited figures' verdicts before: each one the chain data changes is logged, once
    const fromCited = verdictChanges(
      verdictsOf(citedData()),
      verdictsOf(first),
      { date: first.snapshot.head!.timestamp.slice(0, 10), block: first.snapshot.head!.number },
      'cited',
    );
    expect(fromCited.length).toBeGreaterThan(0);
    expect(h1.changes).toEqual(fromCited);
    expect(h1.changes.every((c) => c.why.startsWith('The first chain data replaced the cited figures'))).toBe(true);
    expect(r.out).toMatch(
      new RegExp(
        `first record, \\d+ verdicts at block .*; ${fromCited.length} changed from the cited figures: C\\d\\d`,
      ),
    );
    expect(h1.block).toEqual({
      number: first.snapshot.head!.number,
      hash: first.snapshot.head!.hash,
      date: first.snapshot.head!.timestamp.slice(0, 10),
    });

    // the same data again: nothing to record, and the file is left as it was
    const before = readFileSync(file(), 'utf8');
    r = await run();
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain('unchanged, same data');
    expect(readFileSync(file(), 'utf8')).toBe(before);

    // the next night: a day later, root stake fell twice as far
    const next = rootData(300_000, 68);
    put(next.snapshot);
    r = await run();
    expect(r.status, r.err).toBe(0);
    const head = next.snapshot.head!;
    const h2 = history();
    const expected = verdictChanges(verdictsOf(first), verdictsOf(next), {
      date: head.timestamp.slice(0, 10),
      block: head.number,
    });
    expect(expected.map((e) => e.claim)).toContain('C30');
    expect(h2.changes).toEqual([...h1.changes, ...expected]); // the first night's entries stay, the new ones follow
    expect(expected.find((e) => e.claim === 'C30')).toMatchObject({
      kind: 'verdict',
      old: 'contradicted',
      new: 'partly supported',
      block: head.number,
      date: '2025-04-21',
    });
    expect(h2.verdicts).toEqual(verdictsOf(next));
    expect(h2.block.number).toBe(head.number);
    expect(r.out).toContain(`${expected.length} verdict${expected.length > 1 ? 's' : ''} changed at block`);
    expect(r.out).toContain('C30 contradicted → partly supported');

    // and back: the earlier entries stay, the new ones follow them
    const third = rootData(150_000, 69);
    put(third.snapshot);
    expect((await run()).status).toBe(0);
    const h3 = history();
    expect(h3.changes.slice(0, h2.changes.length)).toEqual(h2.changes);
    expect(h3.changes.slice(h2.changes.length).find((e) => e.claim === 'C30')).toMatchObject({
      old: 'partly supported',
      new: 'contradicted',
      block: third.snapshot.head!.number,
    });
  });

  test('a verdict that differs at the same block changed with the code, not the data: recorded as current, no entry', async () => {
    put(rootData(150_000).snapshot);
    expect((await run()).status).toBe(0);
    const h = history();
    const recorded = h.verdicts.C30;
    // as if yesterday's code had given another verdict for the same data
    const other = recorded === 'contradicted' ? 'unverifiable' : 'contradicted';
    writeFileSync(file(), JSON.stringify({ ...h, verdicts: { ...h.verdicts, C30: other } }));
    const r = await run();
    expect(r.status, r.err).toBe(0);
    expect(r.out).toMatch(/same data .*no entry; the code changed C30/);
    expect(history().verdicts.C30).toBe(recorded);
    expect(history().changes).toEqual(h.changes); // no entry added
  });

  test.each([
    ['cited', () => citedData().snapshot],
    ['synthetic', () => rootData(300_000, 68, 'synthetic').snapshot],
  ])('%s data writes nothing, and leaves an existing verdicts.json untouched', async (kind, snapshot) => {
    put(snapshot());
    let r = await run();
    expect(r.status, r.err).toBe(0);
    expect(r.out).toBe(
      `verdicts: ${join(dir, 'snapshot.json')} holds kind "${kind}" data, and only chain data dates a verdict: ${file()} not written`,
    );
    expect(existsSync(file())).toBe(false);

    put(rootData(150_000).snapshot);
    expect((await run()).status).toBe(0);
    const before = readFileSync(file(), 'utf8');
    put(snapshot());
    r = await run();
    expect(r.status, r.err).toBe(0);
    expect(readFileSync(file(), 'utf8')).toBe(before); // no entry added, nothing else touched
  });

  test('data older than the recorded block are refused, and a malformed verdicts.json is refused with the file and the field', async () => {
    put(rootData(150_000, 68).snapshot);
    expect((await run()).status).toBe(0);
    put(rootData(150_000, 67).snapshot);
    let r = await run();
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/snapshot\.json: head\.number: the data is at block \d+, older than the verdicts recorded/);

    const h = JSON.parse(readFileSync(file(), 'utf8'));
    writeFileSync(file(), JSON.stringify({ ...h, block: { ...h.block, hash: '0x12' } }));
    r = await run();
    expect(r.status).toBe(1);
    expect(r.err).toBe(`${file()}: block.hash: expected 0x-prefixed 32-byte hex, received "0x12"`);
  });

  test('the command prints the error with the file and the field, and exits with 1', async () => {
    put(rootData(150_000).snapshot);
    expect((await run()).status).toBe(0);
    const h = JSON.parse(readFileSync(file(), 'utf8'));
    writeFileSync(file(), JSON.stringify({ ...h, block: { ...h.block, hash: '0x12' } }));
    const r = command();
    expect(r).toEqual({
      status: 1,
      out: '',
      err: `verdicts: ${file()}: block.hash: expected 0x-prefixed 32-byte hex, received "0x12"`,
    });
  });
});

describe('the build’s check of public/data/verdicts.json', () => {
  let project: string;
  beforeEach(() => {
    project = tempContent();
  });
  afterEach(() => removeProject(project));

  test('a malformed file names the file and the field; a valid one passes', async () => {
    const check = () => checkProject(project, { production: false }).problems;
    put(rootData(150_000).snapshot);
    expect((await run()).status).toBe(0);
    const valid = readFileSync(file(), 'utf8');
    writeFileSync(join(project, 'public/data/verdicts.json'), valid);
    expect(check()).toEqual([]);

    const h = JSON.parse(valid);
    h.verdicts.C30 = 'wrong';
    writeFileSync(join(project, 'public/data/verdicts.json'), JSON.stringify(h));
    expect(check()).toEqual([
      'public/data/verdicts.json: verdicts.C30: expected "supported" or "partly supported" or "contradicted" or "unverifiable", received "wrong"',
    ]);
    writeFileSync(join(project, 'public/data/verdicts.json'), '{"verdictsVersion": 1,');
    expect(check()).toEqual([expect.stringMatching(/^public\/data\/verdicts\.json: not valid JSON: /)]);
  });
});

describe('the nightly job', () => {
  test('runs npm run verdicts before the snapshot and between the snapshot and the commit, which adds public/data', async () => {
    const wf = parseYaml(readFileSync(join(ROOT, '.github/workflows/nightly.yml'), 'utf8')) as {
      jobs: Record<string, { needs?: string; steps: Array<{ id?: string; name?: string; run?: string }> }>;
    };
    // the snapshot job runs both, and hands public/data to the commit job, which needs it
    const steps = wf.jobs.snapshot.steps;
    const at = (f: (s: (typeof steps)[number]) => boolean) => steps.findIndex(f);
    const snapshot = at((s) => s.id === 'snapshot');
    const handOn = at((s) => s.name === 'Hand public/data on');
    const verdicts = steps.flatMap((s, i) => (s.run?.trim() === 'npm run verdicts' ? [i] : []));
    expect(snapshot).toBeGreaterThan(0);
    expect(verdicts).toHaveLength(2);
    expect(verdicts[0]).toBeLessThan(snapshot);
    expect(verdicts[1]).toBeGreaterThan(snapshot);
    expect(verdicts[1]).toBeLessThan(handOn);
    expect(wf.jobs.commit.needs).toBe('snapshot');
    const commit = wf.jobs.commit.steps.find((s) => s.name === 'Commit and tag updated data');
    expect(commit?.run).toContain('git add -A public/data');
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.verdicts).toBe(
      'node scripts/verdicts.ts',
    );
  });
});
