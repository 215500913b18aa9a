/**
 * The snapshot run (scripts/snapshot/main.ts run(), in process) against the Finney-like node: one run at a time
 * (a lock on --out), a history that never goes backwards (a lagging node's older head, days a run would drop),
 * a checkpoint whose checksum does not match is refused and its days read again, the re-verification of past days
 * against the chain, both data files or neither on a full disk, and a pair out of step refused by the build's
 * check and repaired by the next run. Issue 16, items 1-4.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../scripts/snapshot/cli.ts';
import { run } from '../../scripts/snapshot/main.ts';
import { checkpointSum, readCheckpoint, readExisting, readExistingSubnets } from '../../scripts/snapshot/write.ts';
import { startCli } from '../../testing/snapshot-cli.ts';
import { pairProblems } from '../../src/checks/check.ts';
import { FINNEY_SPECS } from '../../testing/finney-like/model.ts';
import { startFinneyLike, type FinneyLikeNode } from '../../testing/finney-like/node.ts';
import { metadataMissing } from '../../testing/finney-like/runtimes.ts';
import { mountTmpfs, subdir, type Tmpfs } from '../helpers/full-disk.ts';

const SPECS = FINNEY_SPECS.slice(-2);
const missing = metadataMissing(SPECS);
if (missing) console.warn(missing);

const model = (days: number) => ({
  genesisDate: '2025-06-01',
  days,
  specs: SPECS,
  upgradeEveryDays: 1.5,
  initialSubnets: 6,
  laterSubnets: 2,
  churnNetuid: null,
  seed: 'taoproof reliability',
});

describe.skipIf(missing !== null)('snapshot runs that must not regress or collide', () => {
  let node: FinneyLikeNode; // 6 days
  let lagging: FinneyLikeNode; // the same chain, 2 days behind
  let tmp: string;
  let good: string; // a finished run's --out
  const logs: string[] = [];
  const opts = (out: string, node_: FinneyLikeNode, ...more: string[]) =>
    parseCli(['--endpoint', node_.url, '--genesis', node_.genesisHash, '--out', out, '--retries', '0', ...more]);
  const snap = (out: string, n = node, ...more: string[]) => run(opts(out, n, ...more), (l) => logs.push(l));
  const bytes = (dir: string) =>
    Object.fromEntries(
      ['snapshot.json', 'subnets-daily.json', 'SHA256SUMS'].map((f) => [f, readFileSync(path.join(dir, f), 'latin1')]),
    );
  const copyOfGood = (name: string) => {
    const d = path.join(tmp, name);
    cpSync(good, d, { recursive: true });
    return d;
  };

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-reliability-'));
    process.env.TAOPROOF_METADATA_CACHE = path.join(tmp, 'metadata');
    node = await startFinneyLike(model(6));
    lagging = await startFinneyLike(model(4));
    expect(lagging.genesisHash).toBe(node.genesisHash);
    good = path.join(tmp, 'good');
    await snap(good);
  }, 120_000);
  afterAll(async () => {
    await node?.stop();
    await lagging?.stop();
    delete process.env.TAOPROOF_METADATA_CACHE;
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('a node whose finalized head lags is refused, saying how far behind; --allow-older-head writes it on purpose', async () => {
    const dir = copyOfGood('lag');
    const before = bytes(dir);
    const head = readExisting(dir)!.head!.number;
    await expect(snap(dir, lagging)).rejects.toThrow(
      new RegExp(
        `the node's finalized head #${lagging.model.finalized} \\(.*\\) is ${head - lagging.model.finalized} blocks \\(2\\.\\d days\\) behind the head #${head} of ${dir}/snapshot\\.json; .*--allow-older-head`,
      ),
    );
    expect(bytes(dir)).toEqual(before);
    await snap(dir, lagging, '--allow-older-head', '--verify', '0'); // (the lagging model's subnets differ)
    expect(readExisting(dir)!.head!.number).toBe(lagging.model.finalized);
  }, 60_000);

  it('a run never drops a published day (a later --since is refused unless --replace)', async () => {
    const dir = copyOfGood('since');
    const before = bytes(dir);
    const days = readExisting(dir)!.series.map((p) => p.date);
    await expect(snap(dir, node, '--since', days[2])).rejects.toThrow(
      `this run would drop 2 days that ${dir}/snapshot.json publishes (${days[0]}, ${days[1]}); give --since ${days[0]}, or --replace to drop them on purpose`,
    );
    expect(bytes(dir)).toEqual(before);
  }, 60_000);

  it('one run at a time: a live holder of the lock is named; a stale lock (dead pid) is taken over', async () => {
    const dir = copyOfGood('lock');
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(
        path.join(dir, '.snapshot.lock'),
        JSON.stringify({ pid: holder.pid, started: '2026-01-01T00:00:00.000Z', argv: 'scripts/snapshot.ts' }),
      );
      const before = bytes(dir);
      await expect(snap(dir)).rejects.toThrow(
        `${dir}/.snapshot.lock: another snapshot run holds ${dir} (pid ${holder.pid}, started 2026-01-01T00:00:00.000Z: scripts/snapshot.ts); wait for it to end (if pid ${holder.pid} is not a snapshot, remove the file)`,
      );
      expect(bytes(dir)).toEqual(before);
    } finally {
      holder.kill();
    }
    writeFileSync(path.join(dir, '.snapshot.lock'), JSON.stringify({ pid: 999_999_999 }));
    logs.length = 0;
    await snap(dir);
    expect(logs).toContain(`${dir}/.snapshot.lock: removed a stale lock (pid 999999999 is not running)`);
    expect(existsSync(path.join(dir, '.snapshot.lock'))).toBe(false);
    // two runs at once in one --out: the second is refused while the first holds the lock
    const results = await Promise.allSettled([snap(dir), snap(dir)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(`another snapshot run holds ${dir} (pid ${process.pid}`);
  }, 60_000);

  it('a checkpoint edited after it was written (TotalStake doubled) is refused and its days read again', async () => {
    const dir = path.join(tmp, 'tamper');
    const g = readExisting(good)!;
    const gs = readExistingSubnets(good)!;
    const claims = structuredClone({
      genesisHash: g.chain.genesisHash,
      points: g.series.slice(0, 3),
      subnets: gs.days.slice(0, 3),
    });
    const cp = { checkpointVersion: 2, ...claims, sha256: checkpointSum(claims) };
    const doubled = (BigInt(cp.points[1].values.totalStake!) * 2n).toString();
    cp.points[1].values.totalStake = doubled;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.snapshot-checkpoint.json'), JSON.stringify(cp));
    logs.length = 0;
    const s = await snap(dir);
    expect(logs.some((l) => /\.snapshot-checkpoint\.json: refused, its days are read again: sha256/.test(l))).toBe(
      true,
    );
    expect(s.fetched).toBe(g.series.length);
    expect(readExisting(dir)!.series[1].values.totalStake).toBe(g.series[1].values.totalStake);
    expect(readExisting(dir)!.series[1].values.totalStake).not.toBe(doubled);
  }, 60_000);

  it('past days are re-verified against the chain: a sample each run, all with --verify-all; a difference stops the run with both values', async () => {
    const dir = copyOfGood('verify');
    logs.length = 0;
    await snap(dir);
    const n = readExisting(dir)!.series.length;
    expect(logs).toContain(`re-verified 3 of ${n} published days against the chain: all values agree`);
    // the published file says one thing, the chain (its proven state) another: here the file was edited, one RAO up
    const file = path.join(dir, 'snapshot.json');
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    const day = edited.series[2];
    const onChain = day.values.totalStake as string;
    day.values.totalStake = String(BigInt(onChain) + 1n);
    writeFileSync(file, JSON.stringify(edited));
    const before = bytes(dir);
    await expect(snap(dir, node, '--verify-all')).rejects.toThrow(
      `re-verifying ${day.date} (#${day.block}) of ${dir}/snapshot.json: totalStake is ${day.values.totalStake} in the file but ${onChain} on the chain; nothing written`,
    );
    expect(bytes(dir)).toEqual(before);
  }, 60_000);

  it('a pair out of step (a kill between the two renames) is refused by the build check, and the next run repairs it', async () => {
    const dir = copyOfGood('pair');
    const sd = JSON.parse(readFileSync(path.join(dir, 'subnets-daily.json'), 'utf8'));
    const dates = sd.days.map((d: { date: string }) => d.date);
    sd.days = sd.days.slice(0, -2);
    writeFileSync(path.join(dir, 'subnets-daily.json'), JSON.stringify(sd));
    expect(pairProblems(readExisting(dir)!, readExistingSubnets(dir)!)).toEqual([
      `public/data/snapshot.json and public/data/subnets-daily.json disagree (not one generation: written by different runs), 2 days differ: only in public/data/snapshot.json: ${dates.at(-2)}, ${dates.at(-1)}; run npm run snapshot to rewrite both`,
    ]);
    await snap(dir);
    expect(pairProblems(readExisting(dir)!, readExistingSubnets(dir)!)).toEqual([]);
  }, 60_000);

  it('SIGTERM writes the checkpoint it promises (or promises none)', async () => {
    const dir = path.join(tmp, 'sigterm');
    node.latencyMs = 300;
    try {
      const { proc, done } = startCli(
        ['--endpoint', node.url, '--genesis', node.genesisHash, '--out', dir, '--concurrency', '1'],
        { SNAPSHOT_CHECKPOINT_EVERY: '1000' },
      );
      let err = '';
      proc.stderr!.on('data', (d) => (err += d));
      while (!/to fetch/.test(err)) await new Promise((r) => setTimeout(r, 100));
      // block reads (probes and sampled days alike) are state_getReadProof calls
      const reads = node.counts.state_getReadProof ?? 0;
      while ((node.counts.state_getReadProof ?? 0) < reads + 4) await new Promise((r) => setTimeout(r, 50));
      proc.kill('SIGTERM');
      const r = await done;
      expect(r.code).toBe(143);
      const line = r.stderr.split('\n').find((l) => l.startsWith('snapshot: interrupted (SIGTERM)'))!;
      const m = /; (\d+) days fetched so far written to the checkpoint; the next run resumes from it$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(readCheckpoint(dir, node.genesisHash)).toHaveLength(Number(m![1]));
      expect(Number(m![1])).toBeGreaterThan(0);
      expect(existsSync(path.join(dir, '.snapshot.lock'))).toBe(false);
    } finally {
      node.latencyMs = 0;
    }
  }, 60_000);

  const fs = mountTmpfs(256);
  it.skipIf('why' in fs)(
    'on a full disk neither file is replaced, and the run fails with one line naming the file',
    async () => {
      const t = fs as Tmpfs;
      try {
        const dir = subdir(t.dir, 'data');
        cpSync(good, dir, { recursive: true });
        const before = bytes(dir);
        t.leave(4096);
        await expect(snap(dir)).rejects.toThrow(
          /^.*(snapshot|subnets-daily)\.json: not written: no space left on the device \(ENOSPC\); the previous file is untouched$/,
        );
        expect(bytes(dir)).toEqual(before);
      } finally {
        t.unmount();
      }
    },
    60_000,
  );
});
