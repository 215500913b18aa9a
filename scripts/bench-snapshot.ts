/**
 * `npm run bench:snapshot [-- --days 70 --latency 0]`: the cost of a backfill at Finney's real pace, measured
 * against the Finney-like node (testing/finney-like/): the real Finney runtimes 218..424 (metadata from
 * ../shared/chain/metadata) upgraded at Finney's cadence (one runtime every 9.0 days: 133 runtimes reached
 * subtensor's main branch between 2023-03-20 and 2026-06-30), 12-second Aura slots of which 1.1% are missed
 * (Finney: 9,233,529 blocks in 1,297 days), timestamp jitter within the slot, 140 subnets. Prints, for a first
 * backfill (empty metadata cache) and a repeated one (cache kept): RPC requests per sampled day (metadata
 * fetches included), by method, bytes, and an estimate for a full Finney backfill from 2023-03-20 to today.
 * Then the same on Finney's real 2025 block times (testing/finney-like/real-timing.ts: 2025-04-01 .. 06-10,
 * the 2025-05-20..23 halt included), and the cost of proofs (issue 15): per sampled day one chain_getHeader and
 * one state_getReadProof for the chosen block's values, their bytes estimated from a proof built by chopsticks'
 * trie code (createProof, @acala-network/chopsticks-core) over the keys the day's read asked for, with the
 * runtime's other storage items as siblings (see proofBytes). Figures are printed, not asserted
 * (tests/chain/finney-like.test.ts asserts the values).
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
import { loadFinneyTiming2025, REAL_DATA_DIR } from '../testing/finney-like/real-timing.ts';
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
const missing = metadataMissing(FINNEY_SPECS);
if (missing) {
  console.error(missing);
  process.exit(1);
}
if (DAYS < Math.ceil((FINNEY_SPECS.length - 1) * FINNEY_UPGRADE_EVERY_DAYS) + 1) {
  console.error(
    `--days ${DAYS}: at Finney's cadence the ${FINNEY_SPECS.length} runtimes need at least ${Math.ceil((FINNEY_SPECS.length - 1) * FINNEY_UPGRADE_EVERY_DAYS) + 1} days`,
  );
  process.exit(2);
}
const log = (s: string) => process.stderr.write(`${s}\n`);

const real = loadFinneyTiming2025();
if ('missing' in real) {
  console.error(real.missing);
  process.exit(1);
}
const REAL_FROM = '2025-04-01'; // 70 days with the 2025-05-20..23 halt
const QUIET_FROM = '2025-07-01'; // 70 days without a halt
const node = await startFinneyLike({
  genesisDate: '2025-01-01',
  days: DAYS,
  upgradeEveryDays: FINNEY_UPGRADE_EVERY_DAYS,
  missedSlotRate: FINNEY_MISSED_SLOT_RATE,
});
// the same chain on Finney's real 2025 block times (real block numbers; the history starts at REAL_FROM)
const realNode = await startFinneyLike({
  genesisDate: REAL_FROM,
  days: DAYS,
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

/** A chain_getHeader reply's bytes: a real Finney header (digest: Aura pre-runtime, frontier, seal) as JSON */
function headerBytes(): number {
  const file = path.join(REAL_DATA_DIR, 'bittensor-sdk-rpc-headers.json');
  const h = (JSON.parse(readFileSync(file, 'utf8')) as { headers: Record<string, unknown>[] }).headers.find(
    (x) => x.network !== 'testnet',
  )!;
  const reply = {
    jsonrpc: '2.0',
    id: 1234,
    result: {
      parentHash: h.parentHash,
      number: `0x${Number(h.number).toString(16)}`,
      stateRoot: h.stateRoot,
      extrinsicsRoot: h.extrinsicsRoot,
      digest: { logs: h.digestLogs },
    },
  };
  return JSON.stringify(reply).length;
}

try {
  log(
    `Finney-like node: ${m.head} blocks over ${DAYS} days, runtimes ${FINNEY_SPECS.join(' -> ')} every ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days`,
  );
  const backfill = async (label: string, n: FinneyLikeNode, more: string[] = []) => {
    n.reset();
    keysAt.get(n)!.clear();
    const out = path.join(tmp, label);
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
    const days = r.summary!.fetched as number;
    const snap = JSON.parse(readFileSync(path.join(out, 'snapshot.json'), 'utf8')) as {
      series: { block: number | null }[];
    };
    // the proof of one sampled day: the first and the last, averaged (the last has the most subnets)
    const sampled = [snap.series[0].block!, snap.series.at(-1)!.block!];
    const proofs = await Promise.all(sampled.map((b) => proofBytes(n, b)));
    return {
      label,
      days,
      requests: n.total(),
      byMethod: { ...n.counts },
      bytes: n.bytesOut,
      metaBytes: n.bytesByMethod.state_getMetadata ?? 0,
      ms: r.ms,
      proof: {
        keys: Math.round(proofs.reduce((t, p) => t + p.keys, 0) / proofs.length),
        nodes: Math.round(proofs.reduce((t, p) => t + p.nodes, 0) / proofs.length),
        bytes: proofs.reduce((t, p) => t + p.bytes, 0) / proofs.length,
      },
    };
  };
  const first = await backfill('first', node);
  log(`  first backfill: ${first.requests} requests`);
  const again = await backfill('repeated', node);
  log(`  repeated backfill: ${again.requests} requests`);
  const real2025 = await backfill('real-2025', realNode, ['--since', REAL_FROM]);
  log(`  real 2025 timing (metadata cache kept): ${real2025.requests} requests`);
  const quiet2025 = await backfill('real-2025-quiet', quietNode, ['--since', QUIET_FROM]);
  log(`  real 2025 timing without a halt (metadata cache kept): ${quiet2025.requests} requests`);

  const perDay = (x: { requests: number; days: number }) => (x.requests / x.days).toFixed(2);
  const row = (x: typeof first, name: string) =>
    `| ${name} | ${x.days} | ${x.requests} | **${perDay(x)}** | ${x.byMethod.state_getMetadata ?? 0} | ${(x.bytes / 1e6).toFixed(1)} MB | ${(x.ms / 1000).toFixed(1)} s |`;
  const header = headerBytes();
  // with proofs: per sampled day one chain_getHeader and one state_getReadProof at the chosen block
  const withProofs = (x: typeof first) => {
    const req = (x.requests + 2 * x.days) / x.days;
    const added = x.days * (header + x.proof.bytes);
    const dayBytes = (x.bytes - x.metaBytes) / x.days;
    return {
      req,
      added,
      pct: (100 * added) / x.bytes,
      pctDays: (100 * (header + x.proof.bytes)) / dayBytes,
      line: `| ${x.label} | ${perDay(x)} | **${req.toFixed(2)}** | ${x.proof.keys} keys, ${x.proof.nodes} nodes, ${(x.proof.bytes / 1e3).toFixed(1)} kB + header ${header} B | +${((100 * added) / x.bytes).toFixed(1)}% (+${((100 * (header + x.proof.bytes)) / dayBytes).toFixed(1)}% of a day's reads) |`,
    };
  };
  // full Finney: every day from genesis to today, each runtime's metadata once
  const today = new Date().toISOString().slice(0, 10);
  const finneyDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse('2023-03-20T00:00:00Z')) / DAY_MS) + 1;
  const runtimes = Math.round(
    FINNEY_RUNTIMES_2023_03_20_TO_2026_06_30 +
      Math.max(
        0,
        (Date.parse(`${today}T00:00:00Z`) - Date.parse('2026-06-30T00:00:00Z')) / DAY_MS / FINNEY_UPGRADE_EVERY_DAYS,
      ),
  );
  // Requests that scale with days (block reads, hash lookups; upgrade re-reads and the head's reads included,
  // an overestimate), with runtimes (metadata), or neither (chain, head, version at the head, subnet enumeration).
  const scaling = (x: typeof first) => (x.byMethod.state_queryStorageAt ?? 0) + (x.byMethod.chain_getBlockHash ?? 0);
  const fixedOf = (x: typeof first) => x.requests - scaling(x) - (x.byMethod.state_getMetadata ?? 0);
  const d = { req: scaling(first) / first.days, bytes: (first.bytes - first.metaBytes) / first.days };
  const metaPerRuntime = (first.byMethod.state_getMetadata ?? 0) / FINNEY_SPECS.length;
  const metaAvg = first.metaBytes / Math.max(1, first.byMethod.state_getMetadata ?? 1);
  const fixed = fixedOf(first);
  const estWarm = Math.round(fixed + d.req * finneyDays);
  const estReq = Math.round(estWarm + metaPerRuntime * runtimes);
  const estBytes = d.bytes * finneyDays + metaAvg * runtimes;
  const p24 = withProofs(again);
  const p25 = withProofs(real2025);
  const p25q = withProofs(quiet2025);
  const pFirst = withProofs(first);
  const estProofs = estReq + 2 * finneyDays;
  const estProofsBytes = estBytes + finneyDays * (header + first.proof.bytes);
  // a full backfill on 2025-like timing (days cost real2025's reads), first run, with proofs
  const d25 = scaling(quiet2025) / quiet2025.days;
  const est25 = Math.round(fixed + (d25 + 2) * finneyDays + metaPerRuntime * runtimes);
  // Finney as it ran: 2023-2024 like the 2024-like model, 2025 on like the real 2025 times
  const days24 = Math.round((Date.parse('2025-01-01T00:00:00Z') - Date.parse('2023-03-20T00:00:00Z')) / DAY_MS);
  const estMixed = Math.round(
    fixed + (d.req + 2) * days24 + (d25 + 2) * (finneyDays - days24) + metaPerRuntime * runtimes,
  );
  console.log(
    [
      '',
      `snapshot benchmark at Finney's pace: ${first.days} sampled days, ${m.head} blocks (${(m.head / (DAYS + 0.6)).toFixed(0)}/day; Finney ${FINNEY_BLOCKS_PER_DAY.toFixed(0)}/day),`,
      `${FINNEY_SPECS.length} real runtimes (${FINNEY_SPECS.join(', ')}), an upgrade every ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days, ${(FINNEY_MISSED_SLOT_RATE * 100).toFixed(2)}% of slots missed,`,
      `timestamps jittered within the slot, ${m.netuids(m.head).length} subnets at the head, concurrency ${args.concurrency}, ${node.latencyMs} ms added per request;`,
      `then Finney's real 2025 block times, ${REAL_FROM} + ${DAYS} days (real blocks ${realNode.model.firstOfDay(REAL_FROM)}..${realNode.model.head}, the 2025-05-20..23 halt included)`,
      `and ${QUIET_FROM} + ${DAYS} days (real blocks ${quietNode.model.firstOfDay(QUIET_FROM)}..${quietNode.model.head}, no halt)`,
      '',
      '| run | days | RPC requests | requests/day | metadata fetches | bytes received | wall time |',
      '|---|---|---|---|---|---|---|',
      row(first, '2024-like timing, first backfill (empty metadata cache)'),
      row(again, '2024-like timing, repeated backfill (metadata cache kept)'),
      row(real2025, `real 2025 timing from ${REAL_FROM}, halt included (metadata cache kept)`),
      row(quiet2025, `real 2025 timing from ${QUIET_FROM}, no halt (metadata cache kept)`),
      '',
      `2024-like first backfill by method: ${JSON.stringify(first.byMethod)}`,
      `2024-like repeated backfill by method: ${JSON.stringify(again.byMethod)}`,
      `real 2025 timing by method: ${JSON.stringify(real2025.byMethod)}`,
      `real 2025 timing without a halt by method: ${JSON.stringify(quiet2025.byMethod)}`,
      '',
      'With proofs (issue 15): + one chain_getHeader and one state_getReadProof per sampled day (proof size: chopsticks createProof over the keys read that day, other storage items as siblings):',
      '',
      '| run | requests/day | with proofs | proof of a sampled day | bytes with proofs |',
      '|---|---|---|---|---|',
      pFirst.line,
      p24.line,
      p25.line,
      p25q.line,
      '',
      `Full Finney backfill estimate, 2023-03-20 to ${today} (${finneyDays} days, ~${runtimes} runtimes: ${FINNEY_RUNTIMES_2023_03_20_TO_2026_06_30} to 2026-06-30, then one per ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days):`,
      `  ${d.req.toFixed(2)} requests/day (block reads ${((first.byMethod.state_queryStorageAt ?? 0) / first.days).toFixed(2)}, hash lookups ${((first.byMethod.chain_getBlockHash ?? 0) / first.days).toFixed(2)}) + ${metaPerRuntime.toFixed(0)} per runtime (metadata) + ${fixed} once`,
      `  = ~${estReq} requests (${(estReq / finneyDays).toFixed(2)}/day), ~${(estBytes / 1e9).toFixed(2)} GB (${(d.bytes / 1e3).toFixed(0)} kB/day with ${m.netuids(m.head).length} subnets, ${(metaAvg / 1e3).toFixed(0)} kB of metadata per runtime as JSON hex);`,
      `  at 1 request/s: ~${Math.ceil(estReq / 60)} minutes (${(estReq / 3600).toFixed(1)} h). With the metadata cache kept: ~${estWarm} requests (${(estWarm / finneyDays).toFixed(2)}/day), ${runtimes} metadata fetches saved.`,
      `  With proofs: ~${estProofs} requests (${(estProofs / finneyDays).toFixed(2)}/day), ~${(estProofsBytes / 1e9).toFixed(2)} GB, ~${Math.ceil(estProofs / 60)} minutes at 1 request/s on 2024-like timing;`,
      `  ~${est25} requests, ~${Math.ceil(est25 / 60)} minutes if every day were timed like 2025 (${d25.toFixed(2)} block reads and hash lookups a day).`,
      `  As Finney ran (2023-03-20..2024-12-31 2024-like, ${days24} days; then 2025 timing, ${finneyDays - days24} days), with proofs: ~${estMixed} requests, ~${Math.ceil(estMixed / 60)} minutes at 1 request/s.`,
      `Goals (issue 15): with proofs <= 3 requests/day on 2024-like timing: ${p24.req.toFixed(2)}; <= 2 on 2025 timing: ${p25q.req.toFixed(2)} (${p25.req.toFixed(2)} over the halt); <= +30% bytes: +${p24.pct.toFixed(1)}% / +${p25q.pct.toFixed(1)}%; full backfill < 80 min: ~${Math.ceil(estMixed / 60)} min as Finney ran (~${Math.ceil(estProofs / 60)} min all 2024-like).`,
    ].join('\n'),
  );
} finally {
  await node.stop();
  await realNode.stop();
  await quietNode.stop();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(0);
