import { describe, expect, test } from 'vitest';
import { referenceSnapshot } from '../../src/data/reference.ts';
import { changeBetween, daysBetween, measuredAt, measuredObservations, observationAt, observations, sampleAt, samples, specAt } from '../../src/metrics/series.ts';
import { daysFrom, reference, TAO } from '../fixtures/snapshots.ts';

const ref = () => referenceSnapshot(reference(), '2026-01-01T00:00:00.000Z');

describe('chain-only reads', () => {
  test('a reference snapshot’s points are cited figures: observations sees them, measured reads do not', () => {
    expect(observations(ref(), 'rootStake').map((o) => o.source.kind)).toEqual(['cited', 'cited']);
    expect(measuredObservations(ref(), 'rootStake')).toEqual([]);
    expect(measuredAt(ref(), 'rootStake', '2025-02-13')).toBeNull();
    expect(samples(ref(), 'senateSize')).toEqual([]);
    expect(specAt(ref(), '2025-04-17')).toBeNull();
  });

  test('measuredAt takes the first read on or after the date, within a week', () => {
    const s = daysFrom('2025-02-10', 10, (i) => ({ issuedTao: 8_000_000 + i, stakedTao: 1, rootTao: 5_000_000 + i }));
    expect(measuredAt(s, 'rootStake', '2025-02-13')).toMatchObject({ date: '2025-02-13', value: 5_000_003n * TAO });
    expect(measuredAt(s, 'rootStake', '2025-02-01')).toBeNull();
    expect(observationAt(s, 'rootStake', '2025-02-01', 14)?.date).toBe('2025-02-13');
    expect(measuredAt(s, 'totalIssuance', '2025-02-01')).toBeNull();
  });

  test('samples keep absence: null is "not in this runtime", undefined is "not read"', () => {
    const s = daysFrom('2025-11-02', 4, (i) => ({ issuedTao: 1, stakedTao: 1, senate: i < 2 ? 12 : null }));
    expect(samples(s, 'senateSize').map((x) => x.value)).toEqual([12n, 12n, null, null]);
    expect(sampleAt(s, 'senateSize', '2025-11-04')).toMatchObject({ date: '2025-11-04', value: null });
    expect(measuredAt(s, 'senateSize', '2025-11-04')).toBeNull();
    expect(samples(s, 'pendingRootDivs')).toEqual([]);
  });

  test('changeBetween: exact delta, both reads as inputs', () => {
    const s = daysFrom('2025-02-13', 64, (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 1 }));
    const c = changeBetween(s, 'totalIssuance', '2025-02-13', '2025-04-17');
    expect(c?.value.delta).toBe(453_600n * TAO);
    expect(c?.inputs).toHaveLength(2);
    expect(c?.formula).toMatch(/^SubtensorModule.TotalIssuance at block \d+ − at block \d+$/);
    expect(changeBetween(s, 'totalIssuance', '2025-04-17', '2025-04-17')).toBeNull();
  });

  test('specAt reads the runtime version with its block', () => {
    const s = daysFrom('2025-02-11', 4, () => ({ issuedTao: 1, stakedTao: 1 }));
    expect(specAt(s, '2025-02-11')).toMatchObject({ specVersion: 219 });
    expect(specAt(s, '2025-02-13')).toMatchObject({ date: '2025-02-13', specVersion: 233, source: { kind: 'chain', item: 'System.LastRuntimeUpgrade (spec_version)' } });
  });

  test('daysBetween', () => {
    expect(daysBetween('2025-02-13', '2025-04-17')).toBe(63);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
  });
});
