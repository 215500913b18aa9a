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
import { errorLine, runCli } from '../../testing/snapshot-cli.ts';
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
    const r = await runCli(args, env);
    expect(errorLine(r)).toBe('');
    const all = { total: node.total(), counts: { ...node.counts } };
    node.reset();
    // the run with nothing to fetch re-verifies no published day (--verify 0): its requests are then only those every
    // run makes (chain, head, subnet list), and the difference is the days' own
    const again = await runCli([...args, '--verify', '0'], env);
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
    expect(methods.chain_getHeader).toBeLessThanOrEqual(1);
    expect(day).toBeLessThanOrEqual(bound);
  };

  // The goal of issue 15 is 2 on 2025 timing and 3 on 2024-like timing; measured 2.58 and 2.75 (2026-12-02, under load:
  // counts, not times). The bounds hold what was reached; the search's extra reads and hash lookups are what is left.
  it("on Finney's real 2025 timing (no halt): no state_queryStorageAt, one header a day at most, under 2.7 requests a sampled day", async () => {
    const { timing } = real as Exclude<typeof real, { missing: string }>;
    await expectDayCost('real-2025', '2025-07-01', { timing }, 2.7);
  }, 600_000);

  it('on the 2024-like timing (1.12% of slots missed): no state_queryStorageAt, one header a day at most, under 2.9 a sampled day', async () => {
    await expectDayCost('2024-like', '2025-01-01', { missedSlotRate: FINNEY_MISSED_SLOT_RATE }, 2.9);
  }, 600_000);
});
