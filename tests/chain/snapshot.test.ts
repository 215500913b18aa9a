/**
 * The snapshot CLI against the real subtensor runtimes (chopsticks): a seeded history across a real runtime
 * upgrade (spec 103 -> 218, at dTAO's date), incremental runs, --at, and faults injected by a proxy; and the whole
 * pipeline, chain -> snapshot -> site: the site built from the CLI's file plots exactly the values the node held at
 * each sampled block, marked synthetic, and the production build refuses the same data. One node for the file;
 * the history is built once (about 40 s) and reused. The CLI runs as a child process (as CI runs it) where the
 * process is the point: the reference backfill, a refusal's exit code and last line, a stalled node, SIGKILL; the
 * other runs are the same command in this process (runCliInProcess), without a Node start each.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checks/check.ts';
import { FINNEY } from '../../src/data/chain.ts';
import { loadSubnetsDaily, parseSnapshot } from '../../src/data/load.ts';
import { SCHEMA_VERSION, type Snapshot, type SubnetsDaily } from '../../src/model/schema.ts';
import {
  chainMissing,
  Dev,
  freePort,
  leU64,
  SPEC_103,
  startNode,
  storageKey,
  type LocalNode,
} from '../../testing/chopsticks.ts';
import { FaultProxy } from '../../testing/fault-proxy.ts';
import { build, removeProject, tempProject } from '../../testing/project.ts';
import { errorLine, runCli, runCliInProcess, startCli } from '../../testing/snapshot-cli.ts';
import {
  ACCOUNTS,
  addDays,
  authorities,
  buildHistory,
  dayValues,
  type History,
  type SeededDay,
} from '../../testing/seed.ts';

const missing = chainMissing();
if (missing) console.warn(missing);

const PRE = 5; // days on spec 103, until 2025-02-12
const POST = 5; // days on spec 218, from dTAO's day (2025-02-13)
const TAO = 1_000_000_000n;

/** subnets-daily.json's rows for seeded day i: SubnetTAO from dayValues, SubnetAlphaIn/Out as seed.ts writes them; null before dTAO */
function seededSubnets(i: number, dtao: boolean) {
  const v = dayValues(i, dtao);
  const tao = v.tao as Record<number, bigint> | null;
  return v.subnets.map((n) =>
    tao
      ? {
          netuid: n,
          tao: tao[n].toString(),
          alphaIn: (BigInt(n) * 10n * TAO + 1n).toString(),
          alphaOut: (BigInt(n) * 20n * TAO + 2n).toString(),
        }
      : { netuid: n, tao: null, alphaIn: null, alphaOut: null },
  );
}

describe.skipIf(missing !== null)('snapshot CLI against real subtensor runtimes', () => {
  let node: LocalNode;
  let dev: Dev;
  let proxy: FaultProxy;
  let history: History;
  let days: SeededDay[];
  let tmp: string;
  let good: Snapshot; // the full run's output, the reference for the fault tests
  let goodSubnets: SubnetsDaily; // its subnets-daily.json

  const out = (name: string) => path.join(tmp, name);
  const read = (dir: string) => parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')));
  // chopsticks serves no read proofs of its own state (its state_getReadProof asks an upstream node): --trust-node
  const base = (endpoint: string, dir: string, ...more: string[]) => [
    '--endpoint',
    endpoint,
    '--genesis',
    'any',
    '--trust-node',
    '--out',
    dir,
    '--json',
    ...more,
  ];
  /** an older valid file: the good snapshot cut to its first `n` days */
  const olderFile = (dir: string, n: number) => {
    rmSync(dir, { recursive: true, force: true });
    const older = { ...good, series: good.series.slice(0, n) };
    const text = `${JSON.stringify(older, null, 1)}\n`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'snapshot.json'), text);
    return text;
  };
  const fileText = (dir: string) => readFileSync(path.join(dir, 'snapshot.json'), 'utf8');
  const readSubnets = (dir: string) => loadSubnetsDaily(path.join(dir, 'subnets-daily.json'))!;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-chain-'));
    node = await startNode(SPEC_103, ['--allow-unresolved-imports']);
    dev = await Dev.connect(node.url);
    history = await buildHistory(dev, '2025-02-08', PRE, POST).catch((e: Error) => {
      throw new Error(`${e.message}\nchopsticks' last output:\n${node.output().slice(-4000)}`);
    });
    days = history.days;
    proxy = await FaultProxy.start(node.url);
  }, 240_000);

  afterAll(async () => {
    await proxy?.stop();
    await dev?.close();
    await node?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the seeded history has the boundaries it claims (ground truth from the node)', async () => {
    for (const d of days) {
      const ts = await dev.timestampAt(d.hash);
      const prev = await dev.timestampAt(await dev.hashOf(d.block - 1));
      const M = Date.parse(`${d.date}T00:00:00Z`);
      expect(ts).toBeGreaterThanOrEqual(M);
      expect(prev).toBeLessThan(M);
      expect(await dev.specAt(d.block)).toBe(d.spec);
    }
    expect(days.filter((d) => d.spec === 103)).toHaveLength(PRE);
    expect(days.filter((d) => d.spec === 218)).toHaveLength(POST);
  });

  it('backfills every day at its first block, with exact values, across the runtime upgrade', async () => {
    const r = await runCli(base(node.url, out('full')));
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const s = read(out('full'));
    good = s;

    expect(s.kind).toBe('synthetic');
    expect(s.chain.genesisHash).toBe('0x' + '45'.repeat(32));
    expect(s.series.map((p) => p.date)).toEqual(days.map((d) => d.date));
    for (const [i, d] of days.entries()) {
      const p = s.series[i];
      expect({ date: p.date, block: p.block, hash: p.hash, specVersion: p.specVersion }).toEqual({
        date: d.date,
        block: d.block,
        hash: d.hash,
        specVersion: d.spec,
      });
      expect(p.values).toEqual(d.values);
    }
    // what the node holds at each sampled block, read independently
    for (const p of s.series) {
      expect(p.values.totalIssuance).toBe(
        leU64((await dev.raw(storageKey('SubtensorModule', 'TotalIssuance'), p.hash!))!).toString(),
      );
      expect(p.values.balancesIssuance).toBe(
        BigInt(
          '0x' +
            Buffer.from((await dev.raw(storageKey('Balances', 'TotalIssuance'), p.hash!))!.slice(2), 'hex')
              .reverse()
              .toString('hex'),
        ).toString(),
      );
    }
    // pre-dTAO items absent after the upgrade, dTAO items absent before
    const before = s.series.filter((p) => p.specVersion === 103);
    const after = s.series.filter((p) => p.specVersion === 218);
    for (const p of before)
      expect([p.values.rootStake, p.values.subnetTao, p.values.senateSize, p.values.triumvirateSize]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    for (const p of after) expect(p.values.rootStake).not.toBeNull();
    expect(r.summary!.fetched).toBe(days.length);
  });

  it('writes the per-subnet values of every sampled block to subnets-daily.json, null before dTAO', () => {
    const sd = readSubnets(out('full'));
    goodSubnets = sd;
    expect({ schemaVersion: sd.schemaVersion, kind: sd.kind, chain: sd.chain }).toEqual({
      schemaVersion: SCHEMA_VERSION,
      kind: 'synthetic',
      chain: { genesisHash: good.chain.genesisHash },
    });
    expect(sd.days.map(({ date, block, hash, specVersion }) => ({ date, block, hash, specVersion }))).toEqual(
      good.series.map(({ date, block, hash, specVersion }) => ({ date, block, hash, specVersion })),
    );
    for (const [i, d] of days.entries()) expect(sd.days[i].subnets, d.date).toEqual(seededSubnets(i, d.spec === 218));
    // spec 103 has no SubnetTAO/SubnetAlphaIn/Out: every pool value of those days is absent, not zero
    expect(
      sd.days
        .filter((d) => d.specVersion === 103)
        .flatMap((d) => d.subnets.map((r) => [r.tao, r.alphaIn, r.alphaOut]))
        .flat()
        .every((x) => x === null),
    ).toBe(true);
  });

  it('writes the head block, current values, subnets and governance as the node holds them', async () => {
    const s = good;
    const head = await dev.head();
    expect(s.head!.number).toBe(head.number);
    expect(s.head!.hash).toBe(head.hash);
    expect(s.head!.specVersion).toBe(218);
    expect(s.head!.timestamp).toBe(new Date(await dev.timestampAt(head.hash)).toISOString());
    const ti = leU64((await dev.raw(storageKey('SubtensorModule', 'TotalIssuance'), head.hash))!).toString();
    expect(s.current.totalIssuance).toMatchObject({
      value: ti,
      unit: 'rao',
      source: { kind: 'chain', block: head.number, hash: head.hash, item: 'SubtensorModule.TotalIssuance' },
    });
    expect(s.current.subnetOwnerCut!.value).toBe('11796');
    expect(s.current.taoWeight!.value).toBeNull();
    // the last seeded day's values still hold at the head (only two blocks later, no subnet emission here)
    const rows = s.subnets!.rows;
    expect(rows.map((r) => r.netuid)).toEqual([0, 1, 2, 5]);
    // pools move with the runtime's own emission after seeding: compare with what the node holds at the head
    const at = async (item: string, netuid: number) =>
      leU64(
        (await dev.raw(
          storageKey('SubtensorModule', item) + Buffer.from([netuid & 255, netuid >> 8]).toString('hex'),
          head.hash,
        ))!,
      ).toString();
    for (const r of rows)
      expect({ tao: r.tao, alphaIn: r.alphaIn, alphaOut: r.alphaOut }).toEqual({
        tao: await at('SubnetTAO', r.netuid),
        alphaIn: await at('SubnetAlphaIn', r.netuid),
        alphaOut: await at('SubnetAlphaOut', r.netuid),
      });
    expect(rows[1]).toMatchObject({
      netuid: 1,
      name: 'Apex',
      symbol: 'S1',
      mechanism: 1,
      owner: ACCOUNTS.bob,
      registeredAt: 1001,
      taoInEmission: null,
    });
    expect(rows[0]).toMatchObject({ name: null, symbol: 'S0', mechanism: 0, owner: ACCOUNTS.alice });
    expect(s.governance!.senate).toEqual([ACCOUNTS.alice, ACCOUNTS.bob]);
    expect(s.governance!.triumvirate).toEqual([ACCOUNTS.charlie]);
    expect(s.governance!.sudoKey).toBe(ACCOUNTS.alice);
    expect(s.governance!.authorities).toHaveLength(await authorities(dev));
  });

  describe('-> the site built from that file', () => {
    let project: string;
    beforeAll(() => {
      project = tempProject();
      for (const f of ['snapshot.json', 'subnets-daily.json'])
        writeFileSync(path.join(project, 'public/data', f), readFileSync(path.join(out('full'), f)));
    });
    afterAll(() => {
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
        days.map((d) => [d.date, d.block]),
      );
      for (const [i, d] of days.entries())
        expect(measured[i].value).toBeCloseTo(Number(d.values.totalStake) / Number(d.values.totalIssuance), 9);

      const root = JSON.parse(readFileSync(path.join(project, 'dist/data/charts/root-stake.json'), 'utf8'));
      const rootRows = root.rows.filter((x: { origin: string }) => x.origin === 'synthetic');
      const post = days.filter((d) => d.spec === 218);
      expect(rootRows.map((x: { block: number }) => x.block)).toEqual(post.map((d) => d.block)); // absent before dTAO, not zero
      expect(rootRows.map((x: { value: number }) => x.value)).toEqual(
        post.map((d) => Number(BigInt(d.values.rootStake!)) / 1e9),
      );

      // the per-subnet daily file is published beside the snapshot and listed on the data page
      expect(JSON.parse(readFileSync(path.join(project, 'dist/data/subnets-daily.json'), 'utf8')).days).toHaveLength(
        days.length,
      );
      const page = readFileSync(path.join(project, 'dist/data/index.html'), 'utf8').replace(/<[^>]+>/g, '');
      expect(page).toContain(`subnets-daily.json`);
      expect(page).toContain(`${days.length} days, ${days[0].date} to ${days.at(-1)!.date}, up to 4 subnets a day`);
    }, 180_000); // the build's own limit is 120 s (testing/project.ts); on a loaded machine it takes over the default 60 s

    it('the production build refuses the same data', () => {
      // its up-front check, run here in process as the build runs it before rendering (tests/build/build-errors.test.ts
      // shows a check error stopping `astro build`, tests/build/new-essay.test.ts a production build)
      const refused =
        'public/data/snapshot.json: kind: "synthetic" data (read from a test node) is refused in a production build';
      expect(checkProject(project, { production: true }).problems).toContainEqual(expect.stringContaining(refused));
      // the preview's check takes it (the preview build above passed it)
      expect(checkProject(project, { production: false }).problems).toEqual([]);
    });
  });

  it('without --trust-node, refuses chopsticks (no read proofs of its own state) in one line, the old file untouched', async () => {
    const dir = out('no-proofs');
    const old = olderFile(dir, 3);
    const r = await runCliInProcess(base(node.url, dir).filter((a) => a !== '--trust-node'));
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(
      /^snapshot: error: .*state_getReadProof failed on ws:\/\/127\.0\.0\.1:\d+: .*; a node that serves no read proofs can be read only with --trust-node \(its data is then labelled unproven\)$/,
    );
    expect(fileText(dir)).toBe(old);
  });

  it('refuses a node of another chain in one line and leaves the old file untouched', async () => {
    const dir = out('wrong-genesis');
    const old = olderFile(dir, 3);
    const r = await runCli(['--endpoint', node.url, '--out', dir]); // default: Finney's genesis
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(
      /^snapshot: error: ws:\/\/127\.0\.0\.1:\d+ is not the expected chain: genesis 0x4545.*expected 0x2f0555cc/,
    );
    expect(r.stderr.trim().split('\n').slice(1)).toEqual([
      expect.stringMatching(
        /^snapshot: failed; .*snapshot\.json is untouched \(last good data from \d{4}-\d{2}-\d{2}, block #\d+, kind synthetic\)$/,
      ),
    ]);
    expect(fileText(dir)).toBe(old);
  });

  it('reproduces a snapshot as of an earlier block with --at', async () => {
    const d = days[3];
    const r = await runCliInProcess(base(node.url, out('at'), '--at', String(d.block)));
    expect(r.code).toBe(0);
    const s = read(out('at'));
    expect(s.head!.number).toBe(d.block);
    expect(s.series.map((p) => p.date)).toEqual(days.slice(0, 4).map((x) => x.date));
    expect(s.current.totalIssuance!.value).toBe(d.values.totalIssuance);
    const byHash = await runCliInProcess(base(node.url, out('at-hash'), '--at', d.hash));
    expect(byHash.code).toBe(0);
    expect(read(out('at-hash')).series).toEqual(s.series);
    expect(readSubnets(out('at')).days).toEqual(goodSubnets.days.slice(0, 4));
  });

  it('falls back to the next endpoint when the first one is down', async () => {
    const dir = out('failover');
    olderFile(dir, 8);
    const dead = `ws://127.0.0.1:${await freePort()}`;
    const r = await runCliInProcess(['--endpoint', dead, ...base(node.url, dir, '--retries', '1')]);
    expect(r.code).toBe(0);
    expect(r.summary!.failovers).toBeGreaterThan(0);
    expect(read(dir).source.endpoint).toBe(node.url);
    expect(read(dir).series).toEqual(good.series);
    // the older file came without subnets-daily.json: its 8 days re-read at their known blocks, 2 new days fetched
    expect(readSubnets(dir)).toEqual(goodSubnets);
    expect(r.summary!.subnetsDaily.regenerated).toEqual(days.slice(0, 8).map((d) => d.date));
    expect(r.summary!.subnetsDaily.fetchedDays).toEqual(days.map((d) => d.date));
  });

  it('known days without per-subnet values cost one read each', async () => {
    const dir = out('regenerate');
    olderFile(dir, days.length);
    const r = await runCliInProcess(base(node.url, dir, '--verify', '0')); // a budget without the re-verification (tests/reliability)
    expect(r.code).toBe(0);
    expect(r.summary!.fetched).toBe(0);
    expect(r.summary!.subnetsDaily.regenerated).toEqual(days.map((d) => d.date));
    expect(readSubnets(dir)).toEqual(goodSubnets);
    console.log(
      `re-reading ${days.length} known days: ${r.summary!.requests} requests (${JSON.stringify(r.summary!.byMethod)}), ${r.ms} ms`,
    );
    // the head (two reads) and one read per day, plus one for the first block of the runtime not loaded yet
    expect(r.summary!.byMethod.state_queryStorageAt).toBeLessThanOrEqual(2 + days.length + 1);
    expect(r.summary!.requests).toBeLessThanOrEqual(13 + days.length);
    // a subnets-daily.json of another chain is refused unless --replace
    const other = { ...goodSubnets, chain: { genesisHash: '0x' + '12'.repeat(32) } };
    writeFileSync(path.join(dir, 'subnets-daily.json'), JSON.stringify(other));
    const r2 = await runCliInProcess(base(node.url, dir));
    expect(r2.code).toBe(1);
    expect(errorLine(r2)).toMatch(/subnets-daily\.json holds chain 0x1212.*the node is 0x4545.*--replace/);
    const r3 = await runCliInProcess(base(node.url, dir, '--replace'));
    expect(r3.code).toBe(0);
    expect(readSubnets(dir)).toEqual(goodSubnets);
  });

  it('refuses to mix chains in one file unless --replace', async () => {
    const dir = out('other-chain');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const finney = {
      ...good,
      kind: 'chain',
      chain: { ...FINNEY },
    };
    const text = `${JSON.stringify(finney, null, 1)}\n`;
    writeFileSync(path.join(dir, 'snapshot.json'), text);
    const r = await runCliInProcess(base(node.url, dir));
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(
      new RegExp(`holds chain ${FINNEY.genesisHash.slice(0, 10)}.*the node is 0x4545.*--replace`),
    );
    expect(fileText(dir)).toBe(text);
    const r2 = await runCliInProcess(base(node.url, dir, '--replace'));
    expect(r2.code).toBe(0);
    expect(read(dir).series).toEqual(good.series);
  });

  // --- faults, through the proxy -------------------------------------------------------------------------

  it('survives dropped connections mid-backfill: no missing or duplicated day', async () => {
    const dir = out('drops');
    olderFile(dir, 2);
    proxy.set({ dropEvery: 6 });
    const r = await runCliInProcess(base(proxy.url, dir, '--retries', '5'));
    proxy.set({});
    expect(r.code).toBe(0);
    expect(r.summary!.retries).toBeGreaterThan(0);
    const s = read(dir);
    expect(s.series).toEqual(good.series);
  });

  it('node gone mid-backfill: exits 1, old file intact, the next run resumes from the checkpoint', async () => {
    const dir = out('gone');
    const old = olderFile(dir, 2);
    proxy.set({ downAfter: 20 });
    const r1 = await runCliInProcess(base(proxy.url, dir, '--retries', '1', '--concurrency', '1'), {
      SNAPSHOT_CHECKPOINT_EVERY: '1',
    });
    proxy.set({});
    expect(r1.code).toBe(1);
    expect(errorLine(r1)).toMatch(/cannot reach|closed/);
    expect(fileText(dir)).toBe(old);
    const cp = JSON.parse(readFileSync(path.join(dir, '.snapshot-checkpoint.json'), 'utf8'));
    expect(cp.points.length).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'subnets-daily.json'))).toBe(false);
    // the checkpoint holds the per-subnet values of the fetched days (and of the known days re-read)
    expect(cp.subnets.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(cp.points.map((p: { date: string }) => p.date)),
    );
    const r2 = await runCliInProcess(base(node.url, dir));
    expect(r2.code).toBe(0);
    expect(r2.summary!.fetched).toBe(days.length - 2 - cp.points.length);
    expect(read(dir).series).toEqual(good.series);
    expect(readSubnets(dir)).toEqual(goodSubnets);
    expect(r2.summary!.subnetsDaily.fetchedDays).toHaveLength(days.length - cp.subnets.length);
    expect(existsSync(path.join(dir, '.snapshot-checkpoint.json'))).toBe(false);
  });

  it('stalled node: times out with a clear error, old file intact', async () => {
    const dir = out('stall');
    const old = olderFile(dir, 2);
    proxy.set({ stallAfter: 12 });
    const r = await runCli(base(proxy.url, dir, '--timeout', '1500', '--retries', '1'));
    proxy.set({});
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/timed out after 1500 ms waiting for \w+/);
    expect(fileText(dir)).toBe(old);
    // a hang fails the test at its 60 s limit; no wall-clock bound of its own, which failed on a loaded machine
  }, 60_000);

  it('malformed responses: clear error, old file intact', async () => {
    const dir = out('malformed');
    const old = olderFile(dir, 2);
    // a storage value that does not decode (TotalIssuance cut to 3 bytes)
    const ti = storageKey('SubtensorModule', 'TotalIssuance');
    let done = false;
    proxy.set({
      corrupt: (method, reply) => {
        if (done || method !== 'state_queryStorageAt' || !reply.includes(ti)) return null;
        done = true;
        return reply.replace(new RegExp(`("${ti}",\\s*")0x[0-9a-f]+"`), '$10x010203"');
      },
    });
    const r1 = await runCliInProcess(base(proxy.url, dir));
    expect(r1.code).toBe(1);
    expect(errorLine(r1)).toMatch(/SubtensorModule\.TotalIssuance: value 0x010203 does not decode/);
    expect(fileText(dir)).toBe(old);
    // a reply that is not JSON at all: a stray frame is ignored (logged once), so the request times out, naming it
    proxy.set({ corrupt: (method) => (method === 'state_queryStorageAt' ? '<html>502 Bad Gateway</html>' : null) });
    const r2 = await runCliInProcess(base(proxy.url, dir, '--timeout', '3000', '--retries', '0'));
    expect(r2.code).toBe(1);
    expect(errorLine(r2)).toMatch(/timed out after 3000 ms .*; meanwhile it sent a frame that is not JSON/);
    // a JSON reply of the wrong shape
    proxy.set({
      corrupt: (method, reply) =>
        method === 'state_queryStorageAt' ? reply.replace(/"result":.*\}$/s, '"result":{"nonsense":true}}') : null,
    });
    const r3 = await runCliInProcess(base(proxy.url, dir));
    proxy.set({});
    expect(r3.code).toBe(1);
    expect(errorLine(r3)).toMatch(/unexpected result: expected one change set/);
    expect(fileText(dir)).toBe(old);
  });

  it('refuses a value failing validation (TotalIssuance going down), old file intact', async () => {
    const dir = out('decrease');
    rmSync(dir, { recursive: true, force: true });
    const older = structuredClone(good);
    older.series = older.series.slice(0, 3);
    older.series[2].values.totalIssuance = '999999999999999999';
    mkdirSync(dir, { recursive: true });
    const text = `${JSON.stringify(older, null, 1)}\n`;
    writeFileSync(path.join(dir, 'snapshot.json'), text);
    // --verify 0: the re-read of published days would catch the doctored day first (tested in tests/reliability)
    const r = await runCliInProcess(base(node.url, dir, '--verify', '0'));
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/SubtensorModule\.TotalIssuance went down from 999999999999999999 \(2025-02-10/);
    expect(fileText(dir)).toBe(text);
  });

  it('SIGKILL mid-run: no partial file, old file intact; the next run completes', async () => {
    const dir = out('killed');
    const old = olderFile(dir, 2);
    proxy.set({ latencyMs: 150 });
    const { proc, done } = startCli(base(proxy.url, dir, '--concurrency', '1'), { SNAPSHOT_CHECKPOINT_EVERY: '1' });
    // kill it mid-backfill: once the first fetched day has been checkpointed (however long the child takes to start
    // on a loaded machine: the test's own limit bounds the wait)
    const checkpoint = path.join(dir, '.snapshot-checkpoint.json');
    while (!existsSync(checkpoint) && proc.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(checkpoint)).toBe(true);
    proc.kill('SIGKILL');
    const r = await done;
    proxy.set({});
    expect(r.signal).toBe('SIGKILL');
    expect(fileText(dir)).toBe(old);
    for (const f of readdirSync(dir).filter((f) => !f.endsWith('.tmp')))
      expect(() => JSON.parse(readFileSync(path.join(dir, f), 'utf8'))).not.toThrow();
    const resumed = JSON.parse(readFileSync(checkpoint, 'utf8')).points.length;
    const r2 = await runCliInProcess(base(node.url, dir));
    expect(r2.code).toBe(0);
    expect(r2.summary!.fetched).toBe(days.length - 2 - resumed);
    expect(read(dir).series).toEqual(good.series);
    expect(readSubnets(dir)).toEqual(goodSubnets);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // last: it changes the node (two more days)
  it('a second run fetches only the new days', async () => {
    const dir = out('full');
    const more = await addDays(dev, PRE + POST, 2, true, 218, await authorities(dev));
    const r = await runCliInProcess(base(node.url, dir, '--verify', '0')); // a budget without the re-verification (tests/reliability)
    expect(r.code).toBe(0);
    expect(r.summary!.fetchedDays).toEqual(more.map((d) => d.date));
    expect(r.summary!.reused).toBe(days.length);
    const s = read(dir);
    expect(s.series.slice(0, days.length)).toEqual(good.series);
    for (const [i, d] of more.entries())
      expect(s.series[days.length + i]).toMatchObject({ date: d.date, block: d.block, hash: d.hash, values: d.values });
    // subnets-daily.json too: the known days reused as they were, only the new days read
    expect(r.summary!.subnetsDaily.fetchedDays).toEqual(more.map((d) => d.date));
    expect(r.summary!.subnetsDaily.regenerated).toEqual([]);
    const sd = readSubnets(dir);
    expect(sd.days.slice(0, days.length)).toEqual(goodSubnets.days);
    for (const [i, d] of more.entries())
      expect(sd.days[days.length + i]).toEqual({
        date: d.date,
        block: d.block,
        hash: d.hash,
        specVersion: 218,
        subnets: seededSubnets(days.length + i, true),
      });
    // requests: connection + identity + head (about 10) and about 2 per new day
    expect(r.summary!.requests).toBeLessThanOrEqual(12 + 3 * more.length);
    console.log(
      `incremental run: ${more.length} new days, ${r.summary!.requests} requests (${JSON.stringify(r.summary!.byMethod)}), ${r.ms} ms`,
    );
  });
});
