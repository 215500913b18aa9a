/**
 * The whole snapshot CLI against the Finney-like node (testing/finney-like/): eight real Finney runtimes
 * (metadata of specs 218 to 424, upgraded every few days), 12-second Aura slots with missed slots and timestamp
 * jitter, 140 subnets of which 76 registered part-way and one deregistered and registered again. Every sampled
 * day (the first block of each UTC day) is checked against the node's own model: block, hash, spec version,
 * every series value, every per-subnet row. Also: the on-disk metadata cache (a second run fetches none).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubnetsDaily, parseSnapshot } from '../../src/data/load.ts';
import type { Snapshot, SubnetsDaily } from '../../src/model/schema.ts';
import { CURRENT_FIELD_NAMES, SERIES_FIELD_NAMES } from '../../src/model/series.ts';
import { DAY_MS, FINNEY_SPECS } from '../../testing/finney-like/model.ts';
import { startFinneyLike, type FinneyLikeNode } from '../../testing/finney-like/node.ts';
import { metadataFile, metadataMissing } from '../../testing/finney-like/runtimes.ts';
import { FaultProxy } from '../../testing/fault-proxy.ts';
import { errorLine, runCliInProcess } from '../../testing/snapshot-cli.ts';

const missing = metadataMissing(FINNEY_SPECS);
if (missing) console.warn(missing);

const GENESIS_DATE = '2025-03-01';
const DAYS = 24;

/** Every difference between the CLI's output and the node's model (empty when they agree). */
export function mismatches(node: FinneyLikeNode, s: Snapshot, sd: SubnetsDaily): string[] {
  const m = node.model;
  const st = node.state;
  const out: string[] = [];
  const dates: string[] = [];
  for (let t = Date.parse(`${GENESIS_DATE}T00:00:00Z`); t <= m.ts(m.finalized); t += DAY_MS)
    dates.push(new Date(t).toISOString().slice(0, 10));
  const got = s.series.map((p) => p.date);
  if (JSON.stringify(got) !== JSON.stringify(dates))
    out.push(
      `series dates ${got[0]}..${got.at(-1)} (${got.length}), expected ${dates[0]}..${dates.at(-1)} (${dates.length})`,
    );
  for (const p of s.series) {
    const b = m.firstOfDay(p.date)!;
    const where = `${p.date} (#${p.block})`;
    if (p.block !== b) out.push(`${where}: block ${p.block}, expected ${b}`);
    if (p.hash !== m.hash(b)) out.push(`${where}: hash ${p.hash}, expected ${m.hash(b)}`);
    if (p.specVersion !== m.specOf(b)) out.push(`${where}: specVersion ${p.specVersion}, expected ${m.specOf(b)}`);
    const want = st.expectedSeries(b);
    for (const k of Object.keys(p.values))
      if (!Object.hasOwn(want, k)) out.push(`${where}: ${k} is not a field of the series table`);
    for (const [k, v] of Object.entries(want)) {
      const g = (p.values as Record<string, string | null>)[k];
      if (g !== v) out.push(`${where}: ${k} ${g}, expected ${v}`);
    }
  }
  const sdKeys = sd.days.map((d) => `${d.date} ${d.block} ${d.hash} ${d.specVersion}`);
  const sKeys = s.series.map((p) => `${p.date} ${p.block} ${p.hash} ${p.specVersion}`);
  if (JSON.stringify(sdKeys) !== JSON.stringify(sKeys))
    out.push('subnets-daily.json days differ from snapshot.json series');
  for (const d of sd.days) {
    const want = st.expectedSubnets(m.firstOfDay(d.date)!);
    if (JSON.stringify(d.subnets) !== JSON.stringify(want)) {
      const bad = want.filter((w, i) => JSON.stringify(w) !== JSON.stringify(d.subnets[i]));
      out.push(
        `subnets-daily ${d.date}: ${d.subnets.length} rows, expected ${want.length}; first difference at netuid ${bad[0]?.netuid}`,
      );
    }
  }
  const h = m.finalized;
  if (s.head?.number !== h || s.head.hash !== m.hash(h) || s.head.specVersion !== m.specOf(h))
    out.push(`head ${JSON.stringify(s.head)}, expected #${h} spec ${m.specOf(h)}`);
  // the head's current values and subnets table
  const headSeries = st.expectedSeries(h);
  for (const k of CURRENT_FIELD_NAMES) {
    const c = (s.current as Record<string, { value: string | null; source: { block: number } } | undefined>)[k];
    if (c?.value !== headSeries[k] || c.source.block !== h)
      out.push(`current.${k} ${c?.value} at #${c?.source.block}, expected ${headSeries[k]} at #${h}`);
  }
  const rows = s.subnets?.rows ?? [];
  const want = st.expectedSubnets(h);
  if (JSON.stringify(rows.map((r) => r.netuid)) !== JSON.stringify(want.map((w) => w.netuid)))
    out.push(`subnets table: netuids differ from the model's at #${h}`);
  for (const [i, r] of rows.entries()) {
    const w = want[i];
    const got = {
      netuid: r.netuid,
      tao: r.tao,
      alphaIn: r.alphaIn,
      alphaOut: r.alphaOut,
      registeredAt: r.registeredAt,
      mechanism: r.mechanism,
      symbol: r.symbol,
    };
    const exp = {
      ...w,
      registeredAt: m.registeredAt(r.netuid, h),
      mechanism: r.netuid === 0 ? 0 : 1,
      symbol: r.netuid === 0 ? 'τ' : `α${r.netuid}`,
    };
    if (JSON.stringify(got) !== JSON.stringify(exp))
      out.push(`subnets table netuid ${r.netuid}: ${JSON.stringify(got)}, expected ${JSON.stringify(exp)}`);
  }
  return out;
}

describe.skipIf(missing !== null)(
  'snapshot CLI against the Finney-like node (real Finney metadata, specs 218..424)',
  () => {
    let node: FinneyLikeNode;
    let tmp: string;
    let cache: string;
    let good: Snapshot;
    let goodSubnets: SubnetsDaily;
    const read = (dir: string) => parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')));
    const readSubnets = (dir: string) => loadSubnetsDaily(path.join(dir, 'subnets-daily.json'))!;
    const cli = (dir: string, ...more: string[]) =>
      runCliInProcess(['--endpoint', node.url, '--genesis', node.genesisHash, '--out', dir, '--json', ...more], {
        TAOPROOF_METADATA_CACHE: cache,
      });

    beforeAll(async () => {
      tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-finney-like-'));
      cache = path.join(tmp, 'metadata-cache');
      node = await startFinneyLike({ genesisDate: GENESIS_DATE, days: DAYS, upgradeEveryDays: 3 });
    }, 300_000); // the node builds a trie of each recorded block's state

    afterAll(async () => {
      await node?.stop();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('the model obeys the runtime rules it claims: Aura slots, MinimumPeriod, missed slots, upgrades', () => {
      const m = node.model;
      const rt = node.state.runtimeOf(m.head);
      expect([rt.slotMs, rt.minimumPeriodMs]).toEqual([12_000, 6_000]); // from the real metadata's constants
      let missed = 0;
      for (let n = 2; n <= m.head; n++) {
        const [a, b] = [m.ts(n - 1), m.ts(n)];
        if (Math.floor(b / rt.slotMs) <= Math.floor(a / rt.slotMs) || b - a < rt.minimumPeriodMs)
          throw new Error(`block ${n}: slot or MinimumPeriod rule broken`);
        missed += Math.floor(b / rt.slotMs) - Math.floor(a / rt.slotMs) - 1;
      }
      const rate = missed / (missed + m.head - 1);
      expect(rate).toBeGreaterThan(0.008);
      expect(rate).toBeLessThan(0.016);
      // the first block of each day, by the model's search, checked against its neighbour
      for (let d = 1; d < DAYS; d++) {
        const M = Date.parse(`${GENESIS_DATE}T00:00:00Z`) + d * DAY_MS;
        const b = m.firstAtOrAfter(M)!;
        expect(m.ts(b) >= M && m.ts(b - 1) < M).toBe(true);
      }
      expect(m.upgrades).toHaveLength(FINNEY_SPECS.length);
      expect(new Set(m.upgrades.map((u) => m.specOf(u))).size).toBe(FINNEY_SPECS.length);
      expect(m.netuids(m.head).length).toBeGreaterThanOrEqual(128);
      expect(m.netuids(1).length).toBeLessThan(128);
    });

    it('backfills every day at its first block across 8 real runtimes and 140 subnets, every value as the model says', async () => {
      node.reset();
      const dir = path.join(tmp, 'full');
      const r = await cli(dir);
      expect(errorLine(r)).toBe('');
      expect(r.code).toBe(0);
      good = read(dir);
      goodSubnets = readSubnets(dir);
      expect(good.kind).toBe('synthetic');
      expect(good.chain.genesisHash).toBe(node.genesisHash);
      expect(goodSubnets.kind).toBe('synthetic');
      expect(mismatches(node, good, goodSubnets)).toEqual([]);
      // what the run covered
      expect(new Set(good.series.map((p) => p.specVersion))).toEqual(new Set(FINNEY_SPECS));
      const rows = goodSubnets.days.map((d) => d.subnets.length);
      expect(Math.max(...rows)).toBeGreaterThanOrEqual(128);
      expect(Math.min(...rows)).toBeLessThan(Math.max(...rows)); // subnets registered part-way
      // items a runtime lacks are absent, not zero: no SubnetTAO before dTAO, no Senate or PendingRootDivs from 343
      const pre = good.series.filter((p) => p.specVersion! <= 219);
      const late = good.series.filter((p) => p.specVersion! >= 343);
      expect(pre.length).toBeGreaterThan(0);
      expect(late.length).toBeGreaterThan(0);
      for (const p of pre)
        expect([p.values.rootStake, p.values.subnetTao, p.values.taoInEmission]).toEqual([null, null, null]);
      for (const p of late) expect([p.values.senateSize, p.values.pendingRootDivs]).toEqual([null, null]);
      // every field of the series table is checked, including items only the newest runtimes declare
      expect(Object.keys(node.state.expectedSeries(node.model.head)).sort()).toEqual([...SERIES_FIELD_NAMES].sort());
      const newest = good.series.filter((p) => p.specVersion! >= 411);
      expect(newest.length).toBeGreaterThan(0);
      for (const p of newest) expect(p.values.excessTao, p.date).toMatch(/^[1-9]\d*$/); // SubnetExcessTao, from spec 411
      for (const p of good.series) expect(p.values.subnetOwnerCut, p.date).toMatch(/^[1-9]\d*$/);
      for (const p of pre) expect(p.values.excessTao).toBeNull();
      // dTAO's upgrade (the first runtime at or after spec 233 is 315 here): its first block found by bisection, and the
      // values of its parent, the last block spec 219 ran, read with proofs like a sampled day's
      const m = node.model;
      const u = m.upgrades[FINNEY_SPECS.findIndex((x) => x >= 233)];
      expect(
        good.upgrades.map((x) => [x.specVersion, x.firstBlock, x.firstHash, x.before.block, x.before.hash]),
      ).toEqual([[315, u, m.hash(u), u - 1, m.hash(u - 1)]]);
      expect(good.upgrades[0].before.specVersion).toBe(219);
      expect(good.upgrades[0].timestamp).toBe(new Date(m.ts(u)).toISOString());
      expect(good.upgrades[0].before.values).toEqual(node.state.expectedSeries(u - 1));
      expect(good.upgrades[0].before.values.totalStake).toMatch(/^[1-9]\d*$/);
      // one metadata fetch per runtime, and the cost of a day
      expect(node.counts.state_getMetadata).toBe(FINNEY_SPECS.length);
      console.log(
        `Finney-like backfill: ${good.series.length} days, ${node.total()} requests (${(node.total() / good.series.length).toFixed(2)}/day) ${JSON.stringify(node.counts)}, ${r.ms} ms`,
      );
      expect(r.summary!.requests).toBe(node.total());
    }, 400_000);

    it('a second backfill with the same metadata cache fetches no metadata, and writes the same data', async () => {
      node.reset();
      const dir = path.join(tmp, 'again');
      const r = await cli(dir);
      expect(errorLine(r)).toBe('');
      expect(node.counts.state_getMetadata ?? 0).toBe(0);
      expect(read(dir).series).toEqual(good.series);
      expect(readSubnets(dir).days).toEqual(goodSubnets.days);
    }, 400_000);

    it('a cached file that is not the metadata of its spec is ignored, replaced and fetched once', async () => {
      const m = node.model;
      const file = path.join(cache, node.genesisHash, '315.scale');
      cpSync(metadataFile(320), file); // the bytes of another runtime under 315's name
      // a snapshot as of a block of spec 315 (a recorded block: the node proves those only), with that day's history
      const upgradeDay = new Date(m.ts(m.upgrades[FINNEY_SPECS.indexOf(315)])).toISOString().slice(0, 10);
      const day = new Date(Date.parse(`${upgradeDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      const at = m.firstOfDay(day)!;
      expect(m.specOf(at)).toBe(315);
      const run = (dir: string) => cli(dir, '--at', String(at), '--since', day);
      node.reset();
      const r = await run(path.join(tmp, 'bad-cache'));
      expect(errorLine(r)).toBe('');
      expect(r.stderr).toMatch(/315\.scale ignored and removed: it is the metadata of spec 320/);
      expect(node.counts.state_getMetadata).toBe(1);
      expect(read(path.join(tmp, 'bad-cache')).series).toEqual(good.series.filter((p) => p.date === day));
      expect(readFileSync(file)).toEqual(readFileSync(metadataFile(315)));
      writeFileSync(file, 'not metadata');
      node.reset();
      const r2 = await run(path.join(tmp, 'bad-cache-2'));
      expect(r2.code).toBe(0);
      expect(r2.stderr).toMatch(/315\.scale ignored and removed: it does not decode/);
      expect(node.counts.state_getMetadata).toBe(1);
    }, 400_000);

    it('a series whose item a served runtime declares but the model does not serve fails, naming the item', () => {
      const m = node.model;
      // SubnetVolume is declared by spec 424's metadata; the model serves no value for it
      expect(node.state.runtimeOf(m.head).item('SubtensorModule', 'SubnetVolume')).not.toBeNull();
      const probe = {
        label: 'probe',
        description: 'probe',
        unit: 'rao',
        aggregate: 'sum',
        current: false,
        storage: [{ pallet: 'SubtensorModule', item: 'SubnetVolume', fromSpec: 233, toSpec: null }],
      } as const;
      expect(() => node.state.expectedValue(m.head, 'probe', probe)).toThrow(
        /series probe reads SubtensorModule\.SubnetVolume, which spec 424 declares but the model does not serve/,
      );
      // in a runtime that lacks the item, the series is expected absent
      expect(node.state.runtimeOf(1).item('SubtensorModule', 'SubnetVolume')).toBeNull();
      expect(node.state.expectedValue(1, 'probe', probe)).toBeNull();
    });

    /** every file in `dir` and its bytes */
    const files = (dir: string) =>
      Object.fromEntries(
        readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((f) => statSync(path.join(dir, f)).isFile()) // proofs/<block>.json included
          .map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]),
      );
    /** a copy of the good run's files, as public/data before a nightly run */
    const goodCopy = (name: string) => {
      const dir = path.join(tmp, name);
      rmSync(dir, { recursive: true, force: true });
      cpSync(path.join(tmp, 'full'), dir, { recursive: true });
      return dir;
    };
    const ERROR = (endpoint: string, n: number, hash: string) => `snapshot: error: ${endpoint}: block ${n} (${hash}): `;

    it.each([
      {
        lie: 'altered-value' as const,
        why: /^key SubtensorModule\.TotalIssuance 0x[0-9a-f]+: the proof does not cover the key: the trie node 0x[0-9a-f]{64} is not in the proof \(state root 0x[0-9a-f]{64}\)$/,
      },
      {
        lie: 'other-block' as const,
        why: /^key .*: the proof does not cover the key: the root node 0x[0-9a-f]{64} is not in the proof/,
      },
      { lie: 'forged-root' as const, why: /^header hashes to 0x[0-9a-f]{64}, not to the block hash 0x[0-9a-f]{64}$/ },
    ])(
      'a node that lies ($lie) about the head is refused in one line, and --out stays byte-identical',
      async ({ lie, why }) => {
        const m = node.model;
        const dir = goodCopy(`lie-${lie}`);
        const before = files(dir);
        node.proofs.lie = { kind: lie, block: m.finalized };
        try {
          const r = await cli(dir);
          expect(r.code).toBe(1);
          const line = errorLine(r);
          const prefix = ERROR(node.url, m.finalized, m.hash(m.finalized));
          expect(line.startsWith(prefix), line).toBe(true);
          expect(line.slice(prefix.length)).toMatch(why);
          expect(files(dir)).toEqual(before);
        } finally {
          node.proofs.lie = null;
        }
      },
      120_000,
    );

    it('a node whose state_queryStorageAt lies gets nothing in: without --trust-node no value is read with it', async () => {
      const m = node.model;
      const dir = goodCopy('lie-storage-at');
      node.proofs.lie = { kind: 'storage-at', block: m.finalized };
      node.reset();
      try {
        const r = await cli(dir);
        expect(errorLine(r)).toBe('');
        expect(r.code).toBe(0);
        // probes and sampled blocks alike are read with state_getReadProof (a probe's values under its proof's own
        // root, proven under the header's when it is sampled): the lying method is never called
        expect(node.counts.state_queryStorageAt ?? 0).toBe(0);
        expect(mismatches(node, read(dir), readSubnets(dir))).toEqual([]);
      } finally {
        node.proofs.lie = null;
      }
    }, 120_000);

    it('a node answering chain_getBlockHash with the hash of another height is refused (the header carries its number)', async () => {
      const m = node.model;
      const dir = goodCopy('lie-wrong-height');
      const before = files(dir);
      const target = m.finalized;
      node.proofs.lie = { kind: 'wrong-height', block: target };
      try {
        const r = await cli(dir, '--at', String(target));
        expect(r.code).toBe(1);
        const other = [...node.proofs.provable].filter((b) => b < target).sort((a, b) => b - a)[0];
        expect(errorLine(r)).toBe(
          `${ERROR(node.url, target, m.hash(other))}header of ${m.hash(other)} carries number ${other}, not ${target}`,
        );
        expect(files(dir)).toEqual(before);
      } finally {
        node.proofs.lie = null;
      }
    }, 400_000);

    it('block hashes confirmed by an endpoint of another operator are labelled confirmed; a disagreement stops the run showing both answers', async () => {
      const m = node.model;
      const proxy = await FaultProxy.start(node.url);
      try {
        const dir = goodCopy('confirm');
        const r = await cli(dir, '--confirm', `${proxy.url}=Second operator`);
        expect(errorLine(r)).toBe('');
        expect(read(dir).verification).toEqual({
          values: 'proven',
          hashes: 'confirmed',
          operators: [`the operator of ${new URL(node.url).host}`, 'Second operator'],
        });
        expect(proxy.counts.chain_getBlockHash).toBeGreaterThanOrEqual(2); // the genesis check, then one batch
        // the second operator answers another hash for the head
        const lying = goodCopy('confirm-disagrees');
        const before = files(lying);
        const head = m.finalized;
        const forged = `0x${'ab'.repeat(32)}`;
        proxy.set({
          corrupt: (method, reply) => {
            const msg = JSON.parse(reply) as { result?: unknown };
            if (method !== 'chain_getBlockHash' || !Array.isArray(msg.result)) return null;
            return JSON.stringify({ ...msg, result: msg.result.map((h, i) => (i === 0 ? forged : h)) });
          },
        });
        const r2 = await cli(lying, '--confirm', `${proxy.url}=Second operator`);
        expect(r2.code).toBe(1);
        expect(errorLine(r2)).toBe(
          `snapshot: error: block ${head}: ${node.url} (the operator of ${new URL(node.url).host}) answered ${m.hash(head)}, ${proxy.url} (Second operator) answered "${forged}"`,
        );
        expect(files(lying)).toEqual(before);
        // an endpoint of the same operator does not count: single-source
        const same = goodCopy('confirm-same');
        proxy.set({});
        const r3 = await cli(same, '--confirm', `${proxy.url}=the operator of ${new URL(node.url).host}`);
        expect(errorLine(r3)).toBe('');
        expect(read(same).verification?.hashes).toBe('single-source');
      } finally {
        await proxy.stop();
      }
    }, 400_000);

    it('a day whose proof lies is refused too, the checkpoint of the run left out', async () => {
      const m = node.model;
      const last = new Date(m.ts(m.finalized)).toISOString().slice(0, 10);
      const since = new Date(Date.parse(`${last}T00:00:00Z`) - 3 * DAY_MS).toISOString().slice(0, 10);
      const target = m.firstOfDay(since)!;
      const dir = path.join(tmp, 'lie-day');
      rmSync(dir, { recursive: true, force: true });
      node.proofs.lie = { kind: 'altered-value', block: target };
      try {
        const r = await cli(dir, '--since', since, '--concurrency', '1');
        expect(r.code).toBe(1);
        expect(errorLine(r)).toMatch(
          new RegExp(
            `^${ERROR(node.url, target, m.hash(target)).replace(/[()]/g, '\\$&')}key SubtensorModule\\.TotalIssuance`,
          ),
        );
        expect(readdirSync(dir)).toEqual([]);
      } finally {
        node.proofs.lie = null;
      }
    }, 400_000);
  },
);
