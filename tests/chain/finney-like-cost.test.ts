/**
 * The requests a sampled day costs with proofs (issue 15 item 7), counted from the Finney-like node's request log
 * (each JSON-RPC call, as Substrate's --rpc-rate-limit counts them), not timed: a backfill, then the same run again
 * with nothing left to fetch (the requests every run makes whatever its days: the chain, the head, the subnet
 * list); per sampled day = the difference over the days fetched. On Finney's real 2025 block times (a stretch
 * without a halt) and on the 2024-like model (1.12% of slots missed), one runtime throughout so that the figure is
 * the day search's and the proof's (a runtime upgrade costs one read more: the bench counts those at Finney's pace).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINNEY_MISSED_SLOT_RATE } from '../../testing/finney-like/model.ts';
import { startFinneyLike, type FinneyLikeNode } from '../../testing/finney-like/node.ts';
import { loadFinneyTiming2025 } from '../../testing/finney-like/real-timing.ts';
import { metadataMissing } from '../../testing/finney-like/runtimes.ts';
import { errorLine, runCliInProcess } from '../../testing/snapshot-cli.ts';
import { MetadataCache } from '../../scripts/snapshot/metadata-cache.ts';

const SPECS = [343];
const real = loadFinneyTiming2025();
const missing = metadataMissing(SPECS) ?? ('missing' in real ? real.missing : null);
if (missing) console.warn(missing);

describe.skipIf(missing !== null)('requests per sampled day with proofs (Finney-like node)', () => {
  let tmp: string;
  const nodes: FinneyLikeNode[] = [];

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-cost-'));
  });
  afterAll(async () => {
    for (const n of nodes) await n.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** requests per sampled day of a backfill from `since`, by method, from the node's log */
  const perDay = async (node: FinneyLikeNode, name: string, since: string) => {
    const dir = path.join(tmp, name);
    const env = { TAOPROOF_METADATA_CACHE: path.join(tmp, 'metadata-cache') };
    const args = ['--endpoint', node.url, '--genesis', node.genesisHash, '--out', dir, '--json', '--since', since];
    // the runtime's metadata cached before (one request per runtime, whatever the days: the bench counts it apart)
    const rt = node.state.index(SPECS[0]).rt;
    new MetadataCache(env.TAOPROOF_METADATA_CACHE, node.genesisHash).put(SPECS[0], rt.metadataHex, rt.registry);
    node.reset();
    const r = await runCliInProcess(args, env);
    expect(errorLine(r)).toBe('');
    const all = { total: node.total(), counts: { ...node.counts } };
    node.reset();
    // the run with nothing to fetch re-verifies no published day (--verify 0): its requests are then only those every
    // run makes (chain, head, subnet list), and the difference is the days' own
    const again = await runCliInProcess([...args, '--verify', '0'], env);
    expect(errorLine(again)).toBe('');
    expect(again.summary!.fetched).toBe(0);
    const days = r.summary!.fetched as number;
    const methods = Object.fromEntries(
      Object.entries(all.counts).map(([k, v]) => [k, Number(((v - (node.counts[k] ?? 0)) / days).toFixed(2))]),
    );
    const day = (all.total - node.total()) / days;
    console.log(`${name}: ${days} days, ${day.toFixed(2)} requests per sampled day ${JSON.stringify(methods)}`);
    return { day, days, methods };
  };

  /** a 12-day node from `genesisDate` (one runtime), its per-day cost from the next day on, within `bound` */
  const expectDayCost = async (name: string, genesisDate: string, timing: object, bound: number) => {
    const node = await startFinneyLike({ genesisDate, days: 12, specs: SPECS, upgradeEveryDays: 100, ...timing });
    nodes.push(node);
    const since = new Date(Date.parse(`${genesisDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { day, days, methods } = await perDay(node, name, since);
    expect(days).toBeGreaterThanOrEqual(10);
    expect(methods.state_queryStorageAt ?? 0).toBe(0);
    expect(methods.chain_getHeader).toBe(1);
    expect(day).toBeLessThanOrEqual(bound);
  };

  // The goal of issue 15 is 2 on 2025 timing and 3 on 2024-like timing. A sampled day needs its read proof and its
  // header (2 requests) and a share of a chain_getBlockHash batch; a day that missed slots a second read. Measured
  // (2026-12-02, counts, not times) 2.42 and 3.25 over these 12 days, a first backfill's first day and hash lookup
  // included (tests/snapshot/day-cost.test.ts: 2.25 over every day of 2025, 3.11 over 270 2024-like days). Before:
  // 2.58 and 2.75 as measured then, about 3.33 and 3.5 counted as here (that run again re-read 3 published days,
  // 9 requests the difference took off the days' cost).
  it.concurrent(
    "on Finney's real 2025 timing (no halt): no state_queryStorageAt, one header a day, at most 2.45 requests a sampled day",
    async () => {
      const { timing } = real as Exclude<typeof real, { missing: string }>;
      await expectDayCost('real-2025', '2025-07-01', { timing }, 2.45);
    },
    300_000,
  );

  it.concurrent(
    'on the 2024-like timing (1.12% of slots missed): no state_queryStorageAt, one header a day, at most 3.3 a sampled day',
    async () => {
      await expectDayCost('2024-like', '2025-01-01', { missedSlotRate: FINNEY_MISSED_SLOT_RATE }, 3.3);
    },
    300_000,
  );
});
