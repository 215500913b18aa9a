/** The backfill's log for days without a block: a halt inside the chain's life vs. a day before its first block. */
import { describe, expect, it } from 'vitest';
import { backfill } from '../../scripts/snapshot/history.ts';
import { BlockState, type Reader } from '../../scripts/snapshot/read.ts';
import type { Runtime } from '../../scripts/snapshot/runtime.ts';

const SLOT = 12_000;
const runtime = { minimumPeriodMs: SLOT / 2, slotMs: SLOT } as unknown as Runtime;

/** A reader over a chain whose block n (n ≥ 1) is at `tsOf(n)`; genesis (block 0) has timestamp 0 as in FRAME. */
function fakeReader(tsOf: (n: number) => number): Reader {
  const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
  const state = (n: number) => {
    const s = new BlockState(n, hash(n));
    s.ts = n === 0 ? 0 : tsOf(n);
    s.specVersion = 100;
    s.runtime = runtime;
    return s;
  };
  return {
    read: async (n: number) => state(n),
    complete: async (s: BlockState) => s,
    hashOf: async (n: number) => hash(n),
    runtimes: new Map(),
    hashes: new Map(),
  } as unknown as Reader;
}

async function logOf(tsOf: (n: number) => number, headNumber: number, dates: string[]) {
  const reader = fakeReader(tsOf);
  const head = await reader.read(headNumber, null);
  const lines: string[] = [];
  const r = await backfill({ reader, head, dates, known: new Map(), concurrency: 1, log: (l) => lines.push(l) });
  return { lines, empty: r.empty };
}

describe('days without a block', () => {
  const start = Date.parse('2026-11-20T00:00:12Z'); // block 1 of a local chain started that day

  it('a day before a chain’s block 1 is said to be before its first block, not a day without blocks', async () => {
    const { lines, empty } = await logOf((n) => start + (n - 1) * SLOT, 3 * 7200, ['2026-11-18', '2026-11-19']);
    expect(empty).toEqual(['2026-11-18', '2026-11-19']);
    expect(lines).toEqual([
      "2026-11-18: before the chain's first block (block 1 is at 2026-11-20T00:00:12.000Z)",
      "2026-11-19: before the chain's first block (block 1 is at 2026-11-20T00:00:12.000Z)",
    ]);
    expect(lines.join('\n')).not.toContain('no block that day');
  });

  it('a day inside the chain’s life with no block (a halt) is still reported as such', async () => {
    // blocks 1..100 from 2026-11-20, then a halt until 2026-11-23: 2026-11-21 and 22 have no block
    const tsOf = (n: number) =>
      n <= 100 ? start + (n - 1) * SLOT : Date.parse('2026-11-23T06:00:00Z') + (n - 101) * SLOT;
    const { lines, empty } = await logOf(tsOf, 2000, ['2026-11-21', '2026-11-22']);
    expect(empty).toEqual(['2026-11-21', '2026-11-22']);
    for (const l of lines)
      expect(l).toMatch(/^2026-11-2[12]: no block that day \(the chain produced none between 00:00 and 24:00 UTC\)$/);
    expect(lines).toHaveLength(2);
  });
});
