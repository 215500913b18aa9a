/**
 * Finding a runtime upgrade's first block (scripts/snapshot/upgrades.ts) on the brackets of Finney's real upgrades
 * (../shared/real-data/finney-spec-version-brackets.csv: the last block seen with the old spec and the first seen with
 * the new one, 900 to 299,467 blocks apart), with the upgrade placed anywhere inside. The whole search against a node,
 * with proofs, is tested on the Finney-like node (tests/chain/finney-like.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bracketOf, firstBlockWhere, maxProbes } from '../../scripts/snapshot/upgrades.ts';
import type { SeriesPoint } from '../../src/model/schema.ts';

const FILE = '../shared/real-data/finney-spec-version-brackets.csv';
const rows = existsSync(FILE)
  ? readFileSync(FILE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [before, after, lo, , hi] = line.split(',');
        return { before: Number(before), after: Number(after), lo: parseInt(lo, 10), hi: parseInt(hi, 10) };
      })
  : [];

describe.skipIf(rows.length === 0)("the upgrade's first block, on Finney's real upgrade brackets", () => {
  it('reads the 23 brackets of the file, each with the old spec below the new', () => {
    expect(rows).toHaveLength(23);
    for (const r of rows) expect(r.before < r.after && r.lo < r.hi).toBe(true);
  });
  it.each(rows.map((r) => [`${r.before} → ${r.after} (${r.lo}..${r.hi})`, r] as const))(
    '%s: found wherever the upgrade lies, in at most log2(bracket) + 1 reads',
    async (_, r) => {
      const span = r.hi - r.lo;
      for (const first of [r.lo + 1, r.lo + 2, r.lo + Math.floor(span * 0.37), r.hi - 1, r.hi]) {
        const probed: number[] = [];
        const found = await firstBlockWhere(r.lo, r.hi, async (n) => {
          probed.push(n);
          return n >= first; // the spec that ran block n: the new one from `first` on
        });
        expect(found.block).toBe(first);
        expect(found.probes).toBe(probed.length);
        expect(probed.length).toBeLessThanOrEqual(maxProbes(span));
        expect(probed.every((n) => n > r.lo && n < r.hi)).toBe(true); // both ends are known, never read again
      }
    },
  );
});

describe('firstBlockWhere and bracketOf', () => {
  it('a bracket of adjacent blocks needs no read: the later one is the first', async () => {
    expect(await firstBlockWhere(10, 11, async () => Promise.reject(new Error('no read expected')))).toEqual({
      block: 11,
      probes: 0,
    });
    await expect(firstBlockWhere(11, 11, async () => true)).rejects.toThrow('empty bracket: 11..11');
  });
  it('a node answering inconsistently still ends within the bound (the proven reads then refuse its answer)', async () => {
    let i = 0;
    const r = await firstBlockWhere(0, 7200, async () => i++ % 2 === 0);
    expect(r.probes).toBeLessThanOrEqual(maxProbes(7200));
  });
  const point = (date: string, block: number, specVersion: number | null): SeriesPoint => ({
    date,
    block,
    hash: `0x${block.toString(16).padStart(64, '0')}`,
    specVersion,
    values: {},
  });
  it('the bracket of dTAO is the last day that ran an older spec and the first that ran 233 or later', () => {
    const days = [
      point('2025-02-12', 4_906_637, 219),
      point('2025-02-13', 4_913_837, 219),
      point('2025-02-14', 4_921_170, 233),
      point('2025-02-15', 4_928_300, 233),
    ];
    expect(bracketOf(days, 233)?.map((p) => p.block)).toEqual([4_913_837, 4_921_170]);
    // two upgrades on one day (219 → 244 directly): still the bracket of the first runtime at or after 233
    expect(bracketOf([days[1], { ...days[2], specVersion: 244 }], 233)?.map((p) => p.date)).toEqual([
      '2025-02-13',
      '2025-02-14',
    ]);
    // a history that starts after dTAO, or ends before it, does not cross it
    expect(bracketOf(days.slice(2), 233)).toBeNull();
    expect(bracketOf(days.slice(0, 2), 233)).toBeNull();
  });
});
