import { describe, expect, test } from 'vitest';
import { rangeOf, stakeGrowth, stakingSeries } from '../../src/metrics/staking.ts';
import { daysFrom, TAO } from '../fixtures/snapshots.ts';

const flat = () =>
  daysFrom('2025-01-01', 10, (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: (8_000_000 + i * 7200) * 0.75 }));

describe('staking series', () => {
  test('one day per point with both fields; liquid = issued − staked exactly', () => {
    const days = stakingSeries(flat());
    expect(days).toHaveLength(10);
    expect(days[0]).toMatchObject({
      date: '2025-01-01',
      staked: 6_000_000n * TAO,
      issued: 8_000_000n * TAO,
      liquid: 2_000_000n * TAO,
      ratio: 0.75,
    });
  });

  test('range: lowest and highest day', () => {
    const s = daysFrom('2025-01-01', 5, (i) => ({
      issuedTao: 1_000_000,
      stakedTao: [700_000, 650_000, 880_000, 720_000, 800_000][i],
    }));
    const r = rangeOf(stakingSeries(s));
    expect(r?.min).toMatchObject({ date: '2025-01-02', ratio: 0.65 });
    expect(r?.max).toMatchObject({ date: '2025-01-03', ratio: 0.88 });
    expect(r?.days).toBe(5);
    expect(rangeOf([])).toBeNull();
  });
});

describe('stake growth: issuance vs ratio', () => {
  test('at a constant ratio, issuance growth explains all of the rise', () => {
    const g = stakeGrowth(stakingSeries(flat()));
    expect(g?.value.stakeChange).toBe(48_600n * TAO);
    expect(g?.value.fromIssuance).toBe(1);
    expect(g?.value.ratioChange).toBeCloseTo(0, 12);
  });

  test('a rising ratio explains the rest: Δstaked = r₀·Δissued + issued₁·Δr', () => {
    // issued 1M → 1.1M, ratio 0.7 → 0.8: staked 700k → 880k; issuance explains 0.7 × 100k = 70k of 180k
    const s = daysFrom('2025-01-01', 2, (i) => ({
      issuedTao: [1_000_000, 1_100_000][i],
      stakedTao: [700_000, 880_000][i],
    }));
    const g = stakeGrowth(stakingSeries(s));
    expect(g?.value.fromIssuance).toBe(0.388888888888);
    expect(g?.value.ratioChange).toBeCloseTo(0.1, 12);
  });

  test('no rise, no share; fewer than two days, no result', () => {
    const s = daysFrom('2025-01-01', 2, (i) => ({ issuedTao: 1_000_000, stakedTao: [700_000, 690_000][i] }));
    expect(stakeGrowth(stakingSeries(s))?.value.fromIssuance).toBeNaN();
    expect(stakeGrowth(stakingSeries(s).slice(0, 1))).toBeNull();
  });
});
