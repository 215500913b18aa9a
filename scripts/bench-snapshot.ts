/**
 * `npm run bench:snapshot [-- --days 300 --latency 150]`: cost of a long backfill against a local node running
 * the real subtensor runtimes (chopsticks; spec 103, upgraded to 218 half-way), through a proxy that adds
 * per-request latency. Prints RPC requests per sampled day and wall time for:
 *   1. a full backfill of every day,
 *   2. an incremental run that finds one new day,
 *   3. a naive reader (bisection on Timestamp.Now per day, then one request per item per day), run for a
 *      sample of days and extrapolated.
 * Figures are printed, not asserted. Needs ../shared/chain (see tests/chain/harness.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chainMissing, Dev, SPEC_103, SPEC_218, startNode, storageKey } from '../tests/chain/harness.ts';
import { FaultProxy } from '../tests/chain/proxy.ts';
import { runCli } from '../tests/chain/run.ts';
import { DAY } from '../tests/chain/seed.ts';
import { RpcClient } from './snapshot/rpc.ts';
import { DEFAULT_POLICY } from './snapshot/retry.ts';
import { Runtime } from './snapshot/runtime.ts';
import { decodeU64 } from './snapshot/keys.ts';
import { GLOBAL_ITEMS, SERIES_MAPS } from './snapshot/read.ts';

const { values: args } = parseArgs({
  options: { days: { type: 'string', default: '300' }, latency: { type: 'string', default: '150' }, naive: { type: 'string', default: '8' } },
});
const DAYS = Number(args.days);
const LATENCY = Number(args.latency);
const NAIVE_DAYS = Number(args.naive);

const missing = chainMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const t = () => Date.now();

/** Build DAYS days, one or two blocks per day, boundaries made both ways (a new block after midnight, or the head moved past it). */
async function buildDays(dev: Dev, count: number, upgradeAt: number | null) {
  let rnd = 12345;
  const rand = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  await dev.timeTravel(Date.parse('2024-01-01T00:00:00Z') + 4000);
  for (let d = 1; d < count; d++) {
    if (upgradeAt !== null && d === upgradeAt) await dev.upgrade(SPEC_218);
    const headTs = await dev.timestampAt((await dev.head()).hash);
    const M = Math.floor(headTs / DAY) * DAY + DAY;
    if (rand() < 0.5) {
      await dev.timeTravel(M - 1 - Math.floor(rand() * 2500)); // the next block lands just after midnight
      await dev.newBlock(rand() < 0.15 ? 2 : 1);
    } else {
      await dev.newBlock(); // one more block in the previous day, then move it past midnight
      await dev.timeTravel(M + Math.floor(rand() * 4 * 3_600_000));
    }
    if (d % 25 === 0) log(`  built ${d}/${count} days`);
  }
}

/** The naive way: per day, bisect block numbers on Timestamp.Now, then read every item with its own request. */
async function naive(url: string, dates: string[], head: number): Promise<{ requests: number; ms: number }> {
  const client = new RpcClient({ endpoints: [url], timeoutMs: 60_000, concurrency: 4, policy: DEFAULT_POLICY, genesis: null });
  const t0 = t();
  const now = storageKey('Timestamp', 'Now');
  const tsAt = async (n: number) => {
    const h = (await client.call('chain_getBlockHash', [n])) as string;
    const v = (await client.call('state_getStorage', [now, h])) as string | null;
    return { h, ts: v ? Number(decodeU64(v)) : 0 };
  };
  const runtimes = new Map<number, Runtime>();
  await Promise.all(
    dates.map(async (date) => {
      const M = Date.parse(`${date}T00:00:00Z`);
      let lo = 0;
      let hi = head;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((await tsAt(mid)).ts >= M) hi = mid;
        else lo = mid;
      }
      const h = (await client.call('chain_getBlockHash', [hi])) as string;
      const parent = (await client.call('chain_getBlockHash', [hi - 1])) as string;
      const spec = ((await client.call('state_getRuntimeVersion', [parent])) as { specVersion: number }).specVersion;
      let rt = runtimes.get(spec);
      if (!rt) {
        rt = new Runtime(spec, (await client.call('state_getMetadata', [parent])) as string);
        runtimes.set(spec, rt);
      }
      for (const [p, i] of GLOBAL_ITEMS) {
        const info = rt.plain(p, i);
        if (info) await client.call('state_getStorage', [rt.keyOf(info), h]);
      }
      const added = rt.uintMap('SubtensorModule', 'NetworksAdded');
      if (!added) return;
      const keys = (await client.call('state_getKeysPaged', [added.prefix, 1000, null, h])) as string[];
      for (const k of keys)
        for (const [p, i] of SERIES_MAPS.slice(1)) {
          const info = rt.uintMap(p, i);
          if (info) await client.call('state_getStorage', [rt.keyOf(info, rt.netuidOfKey(added, k)), h]);
        }
    }),
  );
  const requests = client.stats.requests;
  await client.close();
  return { requests, ms: t() - t0 };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-bench-'));
const node = await startNode(SPEC_103, ['--allow-unresolved-imports']);
const dev = await Dev.connect(node.url);
let proxy: FaultProxy | null = null;
try {
  log(`building ${DAYS} days on a local node (spec 103, upgraded to 218 on day ${Math.floor(DAYS / 2)}); this takes a few minutes...`);
  const tb = t();
  await buildDays(dev, DAYS, Math.floor(DAYS / 2));
  const head = await dev.head();
  log(`  built in ${((t() - tb) / 1000).toFixed(0)} s: ${head.number} blocks`);
  proxy = await FaultProxy.start(node.url);
  proxy.set({ latencyMs: LATENCY });
  const out = path.join(tmp, 'out');
  const cli = (extra: string[] = []) => runCli(['--endpoint', proxy!.url, '--genesis', 'any', '--out', out, '--json', ...extra]);

  const full = await cli();
  if (full.code !== 0) throw new Error(`full backfill failed: ${full.stderr}`);
  const fs = full.summary!;

  // one new day, without touching blocks already sampled: a block in the head's day, then past midnight
  await dev.newBlock();
  await dev.timeTravel(Math.floor((await dev.timestampAt((await dev.head()).hash)) / DAY) * DAY + DAY - 1000);
  await dev.newBlock(2);
  const inc = await cli();
  if (inc.code !== 0) throw new Error(`incremental run failed: ${inc.stderr}`);
  const is = inc.summary!;

  // naive, on a sample of days spread over the history
  const dates: string[] = [];
  for (let i = 0; i < NAIVE_DAYS; i++) dates.push(fs.fetchedDays[Math.floor(((i + 0.5) * fs.fetchedDays.length) / NAIVE_DAYS)]);
  const nv = await naive(proxy.url, dates, head.number);

  const perDay = (r: number, d: number) => (r / d).toFixed(2);
  const lines = [
    '',
    `snapshot benchmark: ${fs.days} sampled days, ${head.number} blocks, runtime 103 -> 218, ${LATENCY} ms added per request, concurrency 4`,
    '',
    `| run | days fetched | RPC requests | requests/day | wall time |`,
    `|---|---|---|---|---|`,
    `| full backfill | ${fs.fetched} | ${fs.requests} | ${perDay(fs.requests, fs.fetched)} | ${(full.ms / 1000).toFixed(1)} s |`,
    `| incremental (1 new day) | ${is.fetched} | ${is.requests} | ${perDay(is.requests, Math.max(1, is.fetched))} | ${(inc.ms / 1000).toFixed(1)} s |`,
    `| naive, measured on ${dates.length} days | ${dates.length} | ${nv.requests} | ${perDay(nv.requests, dates.length)} | ${(nv.ms / 1000).toFixed(1)} s |`,
    `| naive, extrapolated to ${fs.fetched} days | ${fs.fetched} | ~${Math.round((nv.requests / dates.length) * fs.fetched)} | ${perDay(nv.requests, dates.length)} | ~${((nv.ms / dates.length) * fs.fetched / 1000).toFixed(0)} s |`,
    '',
    `full backfill requests by method: ${JSON.stringify(fs.byMethod)}`,
    `incremental requests by method: ${JSON.stringify(is.byMethod)}`,
    `naive = per day: bisection on Timestamp.Now over block numbers (2 requests per step), runtime version, then one`,
    `state_getStorage per item (${GLOBAL_ITEMS.length} globals where present, ${SERIES_MAPS.length - 1} per subnet) — measured on a sample of days, extrapolated.`,
    `On Finney (~9M blocks) the naive bisection alone needs ~24 steps (48 requests) per day; here ~${Math.ceil(Math.log2(head.number))}.`,
    `1 request/s (the public endpoints' limit) would make the full backfill take at least ${fs.requests} s; the naive one ~${Math.round((nv.requests / dates.length) * fs.fetched)} s.`,
  ];
  console.log(lines.join('\n'));
} finally {
  await proxy?.stop();
  await dev.close();
  await node.stop();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(0);
