/** Verdicts that compare reads across a date range name every series break of the chain's counters in between. */
import { describe, expect, test } from 'vitest';
import { breaksCrossed, SERIES_BREAKS } from '../../src/model/breaks.ts';
import { C13, C14 } from '../../src/claims/verdicts/staking.ts';
import { dataOf, daysFrom } from '../fixtures/snapshots.ts';

/** Daily reads from Finney's first day (2023-03-20) to 2025-04-20, staking ratio 80%. */
const long = () =>
  dataOf(
    daysFrom('2023-03-20', 763, (i) => ({
      issuedTao: 4_000_000 + i * 7200,
      stakedTao: (4_000_000 + i * 7200) * (0.8 + 0.0001 * i),
    })),
  );

describe('series breaks named by range verdicts', () => {
  test('the three rows this report relies on exist, each with a source in opentensor/subtensor', () => {
    for (const id of ['root-divs-outside-subnet-tao', 'total-issuance-recomputed-146', 'total-stake-fixed-v2']) {
      const b = SERIES_BREAKS.find((x) => x.id === id);
      expect(b, id).toBeDefined();
      expect(b?.code.url).toMatch(/^https:\/\/github\.com\/opentensor\/subtensor\/blob\/[0-9a-f]{40}\//);
    }
  });
  const crossed = [
    ...new Set([
      ...breaksCrossed('totalStake', '2023-03-20', '2025-04-17'),
      ...breaksCrossed('totalIssuance', '2023-03-20', '2025-04-17'),
    ]),
  ];
  test('the range from Finney’s start to the article crosses at least the 2023 and 2024 recomputations', () => {
    expect(crossed.map((b) => b.id)).toEqual(
      expect.arrayContaining(['total-stake-fixed-v2', 'total-issuance-recomputed-146']),
    );
  });
  for (const [name, fn] of [
    ['C13', C13],
    ['C14', C14],
  ] as const)
    test(`${name} names each crossed break in its reason and its evidence`, () => {
      const r = fn(long());
      for (const b of crossed) {
        expect(r.reason, b.id).toContain(b.id);
        expect(
          r.evidence.some((e) => e.value === b.id && e.sources[0].kind === 'cited' && e.sources[0].url === b.code.url),
        ).toBe(true);
      }
    });
  test('a range inside one regime names no crossed break', () => {
    const r = C14(
      dataOf(daysFrom('2024-06-01', 30, (i) => ({ issuedTao: 7_000_000 + i * 7200, stakedTao: 5_600_000 }))),
    );
    expect(r.reason).not.toContain('the chain’s own counters changed');
  });
});
