/**
 * `npm run bench:snapshot [-- --days 70 --latency 0]`: the cost of a backfill at Finney's real pace, measured
 * against the Finney-like node (tests/chain/finney-like/): the real Finney runtimes 218..424 (metadata from
 * ../shared/chain/metadata) upgraded at Finney's cadence (one runtime every 9.0 days: 133 runtimes reached
 * subtensor's main branch between 2023-03-20 and 2026-06-30), 12-second Aura slots of which 1.1% are missed
 * (Finney: 9,233,529 blocks in 1,297 days), timestamp jitter within the slot, 140 subnets. Prints, for a first
 * backfill (empty metadata cache) and a repeated one (cache kept): RPC requests per sampled day (metadata
 * fetches included), by method, bytes, and an estimate for a full Finney backfill from 2023-03-20 to today.
 * Figures are printed, not asserted (tests/chain/finney-like.test.ts asserts the values).
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
} from '../tests/chain/finney-like/model.ts';
import { startFinneyLike } from '../tests/chain/finney-like/node.ts';
import { metadataMissing } from '../tests/chain/finney-like/runtimes.ts';
import { runCli } from '../tests/chain/run.ts';

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

const node = await startFinneyLike({
  genesisDate: '2025-01-01',
  days: DAYS,
  upgradeEveryDays: FINNEY_UPGRADE_EVERY_DAYS,
  missedSlotRate: FINNEY_MISSED_SLOT_RATE,
});
node.latencyMs = Number(args.latency);
const tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-bench-'));
const cache = path.join(tmp, 'metadata-cache');
const m = node.model;
try {
  log(
    `Finney-like node: ${m.head} blocks over ${DAYS} days, runtimes ${FINNEY_SPECS.join(' -> ')} every ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days`,
  );
  const backfill = async (label: string) => {
    node.reset();
    const out = path.join(tmp, label);
    const r = await runCli(
      [
        '--endpoint',
        node.url,
        '--genesis',
        node.genesisHash,
        '--out',
        out,
        '--json',
        '--concurrency',
        args.concurrency,
      ],
      { TAOPROOF_METADATA_CACHE: cache },
    );
    if (r.code !== 0) throw new Error(`${label} backfill failed: ${r.stderr.slice(-2000)}`);
    const days = r.summary!.fetched as number;
    return {
      label,
      days,
      requests: node.total(),
      byMethod: { ...node.counts },
      bytes: node.bytesOut,
      metaBytes: node.bytesByMethod.state_getMetadata ?? 0,
      ms: r.ms,
    };
  };
  const first = await backfill('first');
  log(`  first backfill: ${first.requests} requests`);
  const again = await backfill('repeated');
  log(`  repeated backfill: ${again.requests} requests`);

  const perDay = (x: { requests: number; days: number }) => (x.requests / x.days).toFixed(2);
  const row = (x: typeof first) =>
    `| ${x.label} (${x.label === 'first' ? 'empty' : 'kept'} metadata cache) | ${x.days} | ${x.requests} | **${perDay(x)}** | ${x.byMethod.state_getMetadata ?? 0} | ${(x.bytes / 1e6).toFixed(1)} MB | ${(x.ms / 1000).toFixed(1)} s |`;
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
  console.log(
    [
      '',
      `snapshot benchmark at Finney's pace: ${first.days} sampled days, ${m.head} blocks (${(m.head / (DAYS + 0.6)).toFixed(0)}/day; Finney ${FINNEY_BLOCKS_PER_DAY.toFixed(0)}/day),`,
      `${FINNEY_SPECS.length} real runtimes (${FINNEY_SPECS.join(', ')}), an upgrade every ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days, ${(FINNEY_MISSED_SLOT_RATE * 100).toFixed(2)}% of slots missed,`,
      `timestamps jittered within the slot, ${m.netuids(m.head).length} subnets at the head, concurrency ${args.concurrency}, ${node.latencyMs} ms added per request`,
      '',
      '| run | days | RPC requests | requests/day | metadata fetches | bytes received | wall time |',
      '|---|---|---|---|---|---|---|',
      row(first),
      row(again),
      '',
      `first backfill by method: ${JSON.stringify(first.byMethod)}`,
      `repeated backfill by method: ${JSON.stringify(again.byMethod)}`,
      '',
      `Full Finney backfill estimate, 2023-03-20 to ${today} (${finneyDays} days, ~${runtimes} runtimes: ${FINNEY_RUNTIMES_2023_03_20_TO_2026_06_30} to 2026-06-30, then one per ${FINNEY_UPGRADE_EVERY_DAYS.toFixed(1)} days):`,
      `  ${d.req.toFixed(2)} requests/day (block reads ${((first.byMethod.state_queryStorageAt ?? 0) / first.days).toFixed(2)}, hash lookups ${((first.byMethod.chain_getBlockHash ?? 0) / first.days).toFixed(2)}) + ${metaPerRuntime.toFixed(0)} per runtime (metadata) + ${fixed} once`,
      `  = ~${estReq} requests (${(estReq / finneyDays).toFixed(2)}/day), ~${(estBytes / 1e9).toFixed(2)} GB (${(d.bytes / 1e3).toFixed(0)} kB/day with ${m.netuids(m.head).length} subnets, ${(metaAvg / 1e3).toFixed(0)} kB of metadata per runtime as JSON hex);`,
      `  at 1 request/s: ~${Math.ceil(estReq / 60)} minutes (${(estReq / 3600).toFixed(1)} h). With the metadata cache kept: ~${estWarm} requests (${(estWarm / finneyDays).toFixed(2)}/day), ${runtimes} metadata fetches saved.`,
    ].join('\n'),
  );
} finally {
  await node.stop();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(0);
