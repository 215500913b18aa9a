/**
 * `npm run bench:snapshot [-- --days 70 --latency 0]` (`--days 20`: the newest runtimes that fit, 3, and the real-timing
 * window that ends past the halt): the cost of a backfill with proofs at Finney's real pace,
 * measured against the Finney-like node (testing/finney-like/): the real Finney runtimes 218..424 (metadata from
 * ../shared/chain/metadata) upgraded at Finney's cadence (one runtime every 9.0 days: 133 runtimes reached
 * subtensor's main branch between 2023-03-20 and 2026-06-30), 12-second Aura slots of which 1.1% are missed
 * (Finney: 9,233,529 blocks in 1,297 days), timestamp jitter within the slot, 140 subnets; then Finney's real 2025
 * block times (testing/finney-like/real-timing.ts: 2025-04-01 + 70 days, the 2025-05-20..23 halt included,
 * and 2025-07-01 + 70 days). For each timing: a backfill with proofs, a second run with nothing left to fetch
 * (what every run costs whatever its days), and a backfill with --trust-node (the unproven read), so that the
 * requests per sampled day, their composition by method and the bytes with proofs against without are measured,
 * not modelled. The node's proofs lack the siblings of the storage items the model does not hold; proofBytes
 * estimates a sampled day's proof with Finney's siblings (chopsticks' createProof) and the bytes are given both
 * ways. Requests are JSON-RPC calls (each call of a batch counts, as Substrate's --rpc-rate-limit counts them).
 * Figures are printed, not asserted (tests/chain/finney-like*.test.ts assert the request counts per day).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DAY_MS,
  FINNEY_BLOCKS_PER_DAY,
  FINNEY_MISSED_SLOT_RATE,
  FINNEY_RUNTIMES_2023_03_20_TO_2026_06_30,
  FINNEY_SPECS,
  FINNEY_UPGRADE_EVERY_DAYS,
} from '../testing/finney-like/model.ts';
import { startFinneyLike, type FinneyLikeNode } from '../testing/finney-like/node.ts';
import { loadFinneyTiming2025 } from '../testing/finney-like/real-timing.ts';
import { createProof } from '@acala-network/chopsticks-core';
import { expandMetadata } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { readFileSync } from 'node:fs';
import { metadataMissing } from '../testing/finney-like/runtimes.ts';
import { runCli } from '../testing/snapshot-cli.ts';

const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '70' },
    latency: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '4' },
  },
});
const DAYS = Number(args.days);
if (!Number.isInteger(DAYS) || DAYS < 12) {
  console.error(`--days ${args.days}: a whole number of days, at least 12`);
  process.exit(2);
}
// the newest runtimes that fit the days at Finney's cadence (all 8 from 65 days on; --days 20: the last 3)
const SPECS = FINNEY_SPECS.slice(
  -Math.min(FINNEY_SPECS.length, Math.floor((DAYS - 1) / FINNEY_UPGRADE_EVERY_DAYS) + 1),
);
const missing = metadataMissing(SPECS);
if (missing) {
  console.error(missing);
  process.exit(1);
}
const log = (s: string) => process.stderr.write(`${s}\n`);
/** a signed percentage: proofs can be smaller than the unproven reads (a trie node holds a key's shared prefix once) */
const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;

const real = loadFinneyTiming2025();
if ('missing' in real) {
  console.error(real.missing);
  process.exit(1);
}
// the halt of 2025-05-20..23 is in every window from REAL_FROM (70 days from 2025-04-01; fewer days end past it)
const REAL_FROM =
  DAYS >= 55
    ? '2025-04-01'
    : new Date(Date.parse('2025-05-24T00:00:00Z') - (DAYS - 2) * DAY_MS).toISOString().slice(0, 10);
const QUIET_FROM = '2025-07-01'; // without a halt
const node = await startFinneyLike({
  genesisDate: '2025-01-01',
  days: DAYS,
  specs: SPECS,
  upgradeEveryDays: FINNEY_UPGRADE_EVERY_DAYS,
  missedSlotRate: FINNEY_MISSED_SLOT_RATE,
});
// the same chain on Finney's real 2025 block times (real block numbers; the history starts at REAL_FROM)
const realNode = await startFinneyLike({
  genesisDate: REAL_FROM,
  days: DAYS,
  specs: SPECS,
  upgradeEveryDays: FINNEY_UPGRADE_EVERY_DAYS,
  timing: real.timing,
});
const tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-bench-'));
const cache = path.join(tmp, 'metadata-cache');
const m = node.model;

/** the keys each block was asked for (state_queryStorageAt), to size the proof of a sampled day's values */
const keysAt = new Map<FinneyLikeNode, Map<number, Set<string>>>();
const quietNode = await startFinneyLike({
  genesisDate: QUIET_FROM,
  days: DAYS,
  specs: SPECS,
  upgradeEveryDays: FINNEY_UPGRADE_EVERY_DAYS,
  timing: real.timing,
});
for (const n of [node, realNode, quietNode]) {
  n.latencyMs = Number(args.latency);
  const byBlock = new Map<number, Set<string>>();
  keysAt.set(n, byBlock);
  const raw = n.state.raw.bind(n.state);
  n.state.raw = (b: number, key: string) => {
    if (!byBlock.has(b)) byBlock.set(b, new Set());
    byBlock.get(b)!.add(key);
    return raw(b, key);
  };
}

/**
 * Bytes of a state_getReadProof reply for the values read at block b, estimated with chopsticks' trie code
 * (createProof builds a trie from entries and returns its nodes): the entries are the keys read at b with their
 * values, plus one entry under every other storage item of b's runtime (and :code), so that the branch nodes on
 * the proven paths have the siblings they have in Finney's state (a sibling appears in a proof as its 32-byte
 * hash whatever its size). Those stand-in entries' own leaf nodes are left out (a real proof has only their
 * hashes). Per-subnet maps are read whole (every netuid), so their subtries are complete. Not modelled: maps read
 * in part, whose unread entries would add a few sibling hashes.
 */
async function proofBytes(n: FinneyLikeNode, b: number): Promise<{ keys: number; nodes: number; bytes: number }> {
  const keys = [...(keysAt.get(n)!.get(b) ?? [])];
  const entries: [string, string][] = [];
  for (const k of keys) {
    const v = n.state.raw(b, k);
    if (v !== null) entries.push([k, v]);
  }
  const rt = n.state.runtimeOf(b);
  const query = expandMetadata(rt.registry, rt.metadata).query as unknown as Record<
    string,
    Record<string, { keyPrefix(): Uint8Array }>
  >;
  const STAND_IN = 'dd'.repeat(8);
  const prefixes = [':code'].map((x) => u8aToHex(new TextEncoder().encode(x)));
  for (const section of Object.values(query))
    for (const fn of Object.values(section)) prefixes.push(u8aToHex(fn.keyPrefix()));
  for (const p of prefixes)
    if (!keys.some((k) => k.startsWith(p))) entries.push([`${p}${'ee'.repeat(32)}`, `0x${STAND_IN}`]);
  const { nodes } = await createProof([], entries as never);
  const proof = (nodes as string[]).filter((x) => !x.endsWith(STAND_IN));
  // JSON on the wire: {"jsonrpc":"2.0","id":N,"result":{"at":"0x<64>","proof":["0x…",…]}}
  const bytes = 110 + proof.reduce((t, x) => t + x.length + 3, 0);
  return { keys: keys.length, nodes: proof.length, bytes };
}

try {
  log(
    `Finney-like node: ${m.head} blocks over ${DAYS} days, runtimes ${SPECS.join(' -> ')} every ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days`,
  );
  type Run = Awaited<ReturnType<typeof backfill>>;
  /** One CLI run into tmp/<label> (kept: a second run into the same directory has nothing to fetch). */
  const backfill = async (label: string, n: FinneyLikeNode, more: string[] = []) => {
    n.reset();
    keysAt.get(n)!.clear();
    const out = path.join(tmp, label.replace(/ .*/, ''));
    const r = await runCli(
      [
        '--endpoint',
        n.url,
        '--genesis',
        n.genesisHash,
        '--out',
        out,
        '--json',
        '--concurrency',
        args.concurrency,
        ...more,
      ],
      { TAOPROOF_METADATA_CACHE: cache },
    );
    if (r.code !== 0) throw new Error(`${label} backfill failed: ${r.stderr.slice(-2000)}`);
    const snap = JSON.parse(readFileSync(path.join(out, 'snapshot.json'), 'utf8')) as {
      series: { block: number | null }[];
    };
    return {
      label,
      days: r.summary!.fetched as number,
      requests: n.total(),
      byMethod: { ...n.counts },
      bytes: n.bytesOut,
      bytesByMethod: { ...n.bytesByMethod },
      ms: r.ms,
      /** the first and the last sampled block (the last has the most subnets) */
      sampled: [snap.series[0].block!, snap.series.at(-1)!.block!],
    };
  };
  /**
   * One timing: a backfill with proofs, the same run again (nothing left to fetch: the requests every run makes
   * whatever its days, for the head, the chain and the subnet list), and a backfill with --trust-node (the
   * unproven read, for the bytes). Per sampled day: (backfill - run again) / days.
   */
  const timing = async (name: string, n: FinneyLikeNode, more: string[] = [], fallback: Run | null = null) => {
    const proven = await backfill(`${name}-proven`, n, more);
    // --verify 0: a run re-verifies 3 published days by default, requests that are not the run's own
    let again = await backfill(`${name}-proven again`, n, [...more, '--verify', '0']);
    if (again.days !== 0) {
      // seen on the real-timing nodes (a second run from --since fetched every day again): the run's own requests
      // are then taken from the 2024-like node's, which are the same calls (chain, head, subnet list)
      if (!fallback) throw new Error(`${name}: the second run fetched ${again.days} days`);
      log(`  ${name}: the second run fetched ${again.days} days again; the 2024-like run's own requests used`);
      again = fallback;
    }
    const trusted = await backfill(`${name}-trusted`, n, [...more, '--trust-node']);
    log(`  ${name}: ${proven.requests} requests with proofs, ${again.requests} in a run with no day to fetch`);
    const days = proven.days;
    const perDay = (proven.requests - again.requests) / days;
    const methods = Object.keys(proven.byMethod).sort();
    const composition = methods
      .map((k) => [k, (proven.byMethod[k] - (again.byMethod[k] ?? 0)) / days] as const)
      .filter(([, v]) => v > 0.005)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ');
    // a sampled day's proof with Finney's siblings (proofBytes, from the keys the trusted run read) against the
    // node's (whose state holds only the items the model serves): the node's proof bytes scaled by that ratio
    const est = await Promise.all(proven.sampled.map((b) => proofBytes(n, b)));
    const served = await Promise.all(
      proven.sampled.map(async (b) => {
        const keys = [...(keysAt.get(n)!.get(b) ?? [])];
        const proof = await n.proofs.readProof(b, keys);
        return 110 + proof.reduce((t, x) => t + x.length + 3, 0);
      }),
    );
    const ratio = est.reduce((t, x) => t + x.bytes, 0) / served.reduce((t, x) => t + x, 0);
    const meta = (x: Run) => x.bytesByMethod.state_getMetadata ?? 0;
    const provenBytes = proven.bytes - meta(proven);
    const finneyBytes = provenBytes + (ratio - 1) * (proven.bytesByMethod.state_getReadProof ?? 0);
    const trustedBytes = trusted.bytes - meta(trusted);
    return {
      name,
      proven,
      again,
      trusted,
      days,
      perDay,
      composition,
      scaling: (k: string) => (proven.byMethod[k] - (again.byMethod[k] ?? 0)) / days,
      bytesPct: (100 * (provenBytes - trustedBytes)) / trustedBytes,
      finneyPct: (100 * (finneyBytes - trustedBytes)) / trustedBytes,
      est: est.reduce((t, x) => t + x.bytes, 0) / est.length,
      estKeys: Math.round(est.reduce((t, x) => t + x.keys, 0) / est.length),
      line: '',
    };
  };
  // the first backfill (empty metadata cache) fetches each runtime's metadata: one request per runtime
  rmSync(cache, { recursive: true, force: true });
  const first = await backfill('first', node);
  log(`  first backfill: ${first.requests} requests`);
  const t24 = await timing('2024-like', node);
  const tHalt = await timing('real-2025-halt', realNode, ['--since', REAL_FROM], t24.again);
  const tQuiet = await timing('real-2025', quietNode, ['--since', QUIET_FROM], t24.again);

  const row = (t: Awaited<ReturnType<typeof timing>>, what: string) =>
    `| ${what} | ${t.days} | ${t.proven.requests} | ${t.again.requests} | **${t.perDay.toFixed(2)}** | ${(t.proven.requests / t.days).toFixed(2)} | ${t.trusted.requests} (${((t.trusted.requests - t.again.requests) / t.days).toFixed(2)}) | ${pct(t.bytesPct)} (${pct(t.finneyPct)} at Finney's siblings) | ${(t.proven.ms / 1000).toFixed(1)} s |`;
  // full Finney: every day from genesis to today, each runtime's metadata once, the run's own requests once
  const today = new Date().toISOString().slice(0, 10);
  const finneyDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse('2023-03-20T00:00:00Z')) / DAY_MS) + 1;
  const runtimes = Math.round(
    FINNEY_RUNTIMES_2023_03_20_TO_2026_06_30 +
      Math.max(
        0,
        (Date.parse(`${today}T00:00:00Z`) - Date.parse('2026-06-30T00:00:00Z')) / DAY_MS / FINNEY_UPGRADE_EVERY_DAYS,
      ),
  );
  const metaPerRuntime = (first.byMethod.state_getMetadata ?? 0) / SPECS.length;
  const days24 = Math.round((Date.parse('2025-01-01T00:00:00Z') - Date.parse('2023-03-20T00:00:00Z')) / DAY_MS);
  const fixed = t24.again.requests;
  const est = (perDay24: number, perDay25: number) =>
    Math.round(fixed + perDay24 * days24 + perDay25 * (finneyDays - days24) + metaPerRuntime * runtimes);
  const asRan = est(t24.perDay, tQuiet.perDay);
  const all24 = est(t24.perDay, t24.perDay);
  console.log(
    [
      '',
      `snapshot benchmark at Finney's pace, with proofs (issue 15): ${t24.days} sampled days, ${m.head} blocks (${(m.head / (DAYS + 0.6)).toFixed(0)}/day; Finney ${FINNEY_BLOCKS_PER_DAY.toFixed(0)}/day),`,
      `${SPECS.length} real runtimes (${SPECS.join(', ')}), an upgrade every ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days, ${(FINNEY_MISSED_SLOT_RATE * 100).toFixed(2)}% of slots missed,`,
      `timestamps jittered within the slot, ${m.netuids(m.head).length} subnets at the head, concurrency ${args.concurrency}, ${node.latencyMs} ms added per request;`,
      `then Finney's real 2025 block times, ${REAL_FROM} + ${DAYS} days (real blocks ${realNode.model.firstOfDay(REAL_FROM)}..${realNode.model.head}, the 2025-05-20..23 halt included)`,
      `and ${QUIET_FROM} + ${DAYS} days (real blocks ${quietNode.model.firstOfDay(QUIET_FROM)}..${quietNode.model.head}, no halt).`,
      'Requests are JSON-RPC calls, as the node counts them and as Substrate rate-limits (--rpc-rate-limit counts each',
      'call, a call inside a batch too); the metadata cache is kept except in the first backfill.',
      '',
      '| timing | days | requests with proofs | a run with no day to fetch | **per sampled day** | per day, all in | unproven (--trust-node): requests (per day) | bytes with proofs | wall time |',
      '|---|---|---|---|---|---|---|---|---|',
      row(t24, '2024-like (1.12% missed slots)'),
      row(tHalt, `real 2025 from ${REAL_FROM}, halt included`),
      row(tQuiet, `real 2025 from ${QUIET_FROM}, no halt`),
      '',
      `first backfill (empty metadata cache), 2024-like: ${first.requests} requests, ${first.byMethod.state_getMetadata ?? 0} metadata fetches, by method ${JSON.stringify(first.byMethod)}`,
      ...[t24, tHalt, tQuiet].map(
        (t) =>
          `${t.name} per sampled day: ${t.composition}; a run with no day to fetch: ${JSON.stringify(t.again.byMethod)}`,
      ),
      ...[t24, tHalt, tQuiet].map(
        (t) =>
          `${t.name}: a sampled day's proof at Finney's siblings ~${(t.est / 1e3).toFixed(1)} kB (${t.estKeys} keys; proofBytes)`,
      ),
      '',
      `Full Finney backfill estimate, 2023-03-20 to ${today} (${finneyDays} days, ~${runtimes} runtimes), with proofs, first run (metadata fetched):`,
      `  as Finney ran (2023-03-20..2024-12-31 2024-like, ${days24} days, at ${t24.perDay.toFixed(2)}; then 2025 timing at ${tQuiet.perDay.toFixed(2)}) + ${fixed} once + ${metaPerRuntime.toFixed(0)} per runtime:`,
      `  ~${asRan} requests, ~${Math.ceil(asRan / 60)} minutes at 1 request/s; all 2024-like: ~${all24} requests, ~${Math.ceil(all24 / 60)} minutes.`,
      `Goals (issue 15): with proofs <= 3 requests per sampled day on 2024-like timing: ${t24.perDay.toFixed(2)}; <= 2 on 2025 timing: ${tQuiet.perDay.toFixed(2)} (${tHalt.perDay.toFixed(2)} over the halt);`,
      `  <= +30% bytes: ${pct(t24.bytesPct)} / ${pct(tQuiet.bytesPct)} measured (${pct(t24.finneyPct)} / ${pct(tQuiet.finneyPct)} at Finney's siblings); full backfill < 80 min: ~${Math.ceil(asRan / 60)} min as Finney ran.`,
    ].join('\n'),
  );
} finally {
  await node.stop();
  await realNode.stop();
  await quietNode.stop();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(0);
