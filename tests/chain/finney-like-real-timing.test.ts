/**
 * The snapshot CLI against the Finney-like node on Finney's real 2025 block times (real-timing.ts, from
 * ../shared/real-data): block numbers and timestamps are the real chain's, across the halt of 2025-05-20..23 (the
 * first block of 05-21 stamped 00:38:48, of 05-22 00:26:12). Every day written must be the real first block of its
 * UTC day as recorded in finney-day-start-blocks-2025.csv.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxReads } from '../../scripts/snapshot/days.ts';
import { parseSnapshot } from '../../src/data/load.ts';
import { startFinneyLike, type FinneyLikeNode } from '../../testing/finney-like/node.ts';
import { loadFinneyTiming2025 } from '../../testing/finney-like/real-timing.ts';
import { metadataMissing } from '../../testing/finney-like/runtimes.ts';
import { errorLine, runCliInProcess } from '../../testing/snapshot-cli.ts';

const SPECS = [320, 343];
const real = loadFinneyTiming2025();
const missing = metadataMissing(SPECS) ?? ('missing' in real ? real.missing : null);
if (missing) console.warn(missing);

describe.skipIf(missing !== null)("snapshot CLI on Finney's real 2025 block times (Finney-like node)", () => {
  let node: FinneyLikeNode;
  let tmp: string;
  const { dayStarts } = real as Exclude<typeof real, { missing: string }>;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-real-timing-'));
    const { timing } = real as Exclude<typeof real, { missing: string }>;
    node = await startFinneyLike({
      genesisDate: '2025-05-17',
      days: 6, // head on 2025-05-23, past the halt
      specs: SPECS,
      upgradeEveryDays: 3,
      timing,
    });
  });

  afterAll(async () => {
    await node?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the real timestamps: the recorded day starts are the first blocks of their days', () => {
    const m = node.model;
    for (const d of dayStarts.filter((x) => x.date >= '2025-05-19' && x.date <= '2025-05-23')) {
      expect(m.ts(d.block), d.date).toBe(d.ts);
      expect(m.firstOfDay(d.date), d.date).toBe(d.block);
    }
  });

  it('writes the real first block of every day across the halt of 2025-05-20..23', async () => {
    const dir = path.join(tmp, 'out');
    node.reset();
    const r = await runCliInProcess(
      ['--endpoint', node.url, '--genesis', node.genesisHash, '--out', dir, '--json', '--since', '2025-05-19'],
      { TAOPROOF_METADATA_CACHE: path.join(tmp, 'metadata-cache'), SNAPSHOT_DEBUG: '1' },
    );
    expect(errorLine(r)).toBe('');
    expect(r.code).toBe(0);
    const s = parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')));
    const want = dayStarts.filter((x) => x.date >= '2025-05-19' && x.date <= '2025-05-23');
    expect(s.series.map((p) => [p.date, p.block])).toEqual(want.map((d) => [d.date, d.block]));
    for (const p of s.series) expect(p.hash, p.date).toBe(node.model.hash(p.block!));
    // the day search's reads (SNAPSHOT_DEBUG logs "<date>: block N after P probes"): within maxReads of a day's
    // blocks (2 * log2(7,200) + 4 = 30), where the search before walked one block a read near the halt (59 for 05-22)
    const probes = [...r.stderr.matchAll(/(\d{4}-\d\d-\d\d): block \d+ after (\d+) probes/g)].map((x) => [
      x[1],
      Number(x[2]),
    ]);
    expect(probes.map((x) => x[0]).sort()).toEqual(want.map((d) => d.date));
    for (const [date, n] of probes) expect(n, String(date)).toBeLessThanOrEqual(maxReads(7_200));
    console.log(
      `day search probes: ${probes.map((x) => x.join(' ')).join(', ')}; real 2025 timing, ${s.series.length} days across the halt: ${node.total()} requests ${JSON.stringify(node.counts)}`,
    );
  }, 300_000);
});
