import { describe, expect, test } from 'vitest';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import { breaksCrossed } from '../../src/model/breaks.ts';
import {
  changeBetween,
  daysBetween,
  measuredAt,
  measuredObservations,
  observationAt,
  observations,
  sampleAt,
  samples,
  specAt,
} from '../../src/metrics/series.ts';
import { daysFrom, reference, TAO } from '../fixtures/snapshots.ts';

const ref = () => citedSnapshot(reference(), '2026-01-01T00:00:00.000Z');

describe('chain-only reads', () => {
  test('a cited snapshot’s points are cited figures: observations sees them, measured reads do not', () => {
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

  test('changeBetween names the chain’s breaks the two reads straddle, from the specs of their blocks', () => {
    const s = daysFrom('2025-02-10', 10, (i) => ({ issuedTao: 8_000_000 + i, stakedTao: 1 }));
    const specs = s.series.map((p) => p.specVersion);
    expect(specs[0]).toBeLessThan(233);
    expect(specs.at(-1)).toBeGreaterThanOrEqual(233);
    expect(changeBetween(s, 'totalStake', '2025-02-10', '2025-02-19')?.value.breaks.map((b) => b.id)).toEqual([
      'dtao-233',
    ]);
    expect(changeBetween(s, 'totalStake', '2025-02-14', '2025-02-19')?.value.breaks).toEqual([]);
  });

  test('specAt reads the runtime version with its block', () => {
    const s = daysFrom('2025-02-11', 4, () => ({ issuedTao: 1, stakedTao: 1 }));
    expect(specAt(s, '2025-02-11')).toMatchObject({ specVersion: 219 });
    expect(specAt(s, '2025-02-13')).toMatchObject({
      date: '2025-02-13',
      specVersion: 233,
      source: { kind: 'chain', item: 'System.LastRuntimeUpgrade (spec_version)' },
    });
  });

  test('daysBetween', () => {
    expect(daysBetween('2025-02-13', '2025-04-17')).toBe(63);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
  });
});

describe('breaksCrossed', () => {
  test('by date: a change of total stake across dTAO crosses its break, one in the quiet weeks after it does not', () => {
    expect(breaksCrossed('totalStake', '2025-02-01', '2025-03-01').map((b) => b.id)).toEqual(['dtao-233']);
    expect(breaksCrossed('totalStake', '2025-03-01', '2025-02-01').map((b) => b.id)).toEqual(['dtao-233']);
    expect(breaksCrossed('totalStake', '2025-02-20', '2025-03-10')).toEqual([]);
    expect(breaksCrossed('authorityCount', '2023-03-20', '2026-07-01')).toEqual([]);
  });

  test('root stake from dTAO to mid-2025 crosses the root-dividend fix; the halving has no spec and goes by date', () => {
    expect(breaksCrossed('rootStake', '2025-02-13', '2025-07-15').map((b) => b.id)).toEqual([
      'root-divs-outside-subnet-tao',
      'root-stakes-unrecorded-283',
    ]);
    expect(breaksCrossed('taoInEmission', '2025-12-01', '2025-12-31').map((b) => b.id)).toEqual([
      'excess-tao-outside-tao-in-emission-298',
      'first-halving',
    ]);
  });

  test('with the specs of both reads, upgrade breaks follow the specs, not the merge dates', () => {
    // read on the merge day but still on the old runtime: the dTAO break is not crossed yet
    expect(
      breaksCrossed('totalStake', { date: '2025-02-10', specVersion: 219 }, { date: '2025-02-14', specVersion: 219 }),
    ).toEqual([]);
    // a read dated before the merge date but already on spec 233 (dates are approximate)
    expect(
      breaksCrossed(
        'totalStake',
        { date: '2025-02-10', specVersion: 219 },
        { date: '2025-02-12', specVersion: 233 },
      ).map((b) => b.id),
    ).toEqual(['dtao-233']);
    // one read without a spec: dates decide
    expect(
      breaksCrossed('totalStake', { date: '2025-02-10', specVersion: 219 }, { date: '2025-02-14' }).map((b) => b.id),
    ).toEqual(['dtao-233']);
    expect(
      breaksCrossed(
        'totalIssuance',
        { date: '2025-12-01', specVersion: 361 },
        { date: '2025-12-20', specVersion: 361 },
      ).map((b) => b.id),
    ).toEqual(['first-halving']);
  });
});

describe('breaksCrossed, recurring breaks', () => {
  test('an upgrade between two reads inside 252..410 may step total stake; two reads on one runtime do not', () => {
    const ids = (x: ReturnType<typeof breaksCrossed>) => x.map((b) => b.id);
    expect(
      ids(
        breaksCrossed('totalStake', { date: '2025-09-01', specVersion: 315 }, { date: '2025-09-30', specVersion: 320 }),
      ),
    ).toEqual(['total-stake-from-subnet-tao-every-upgrade', 'total-stake-root-divs-between-upgrades']);
    expect(
      ids(
        breaksCrossed('totalStake', { date: '2025-09-01', specVersion: 320 }, { date: '2025-09-30', specVersion: 320 }),
      ),
    ).toEqual([]);
    // 410 -> 411: the upgrade to 411 no longer recomputes
    expect(
      ids(
        breaksCrossed('totalStake', { date: '2026-05-20', specVersion: 410 }, { date: '2026-06-01', specVersion: 411 }),
      ),
    ).toEqual([]);
    // by date, without specs: any range overlapping the period is flagged
    expect(ids(breaksCrossed('totalStake', '2025-09-01', '2025-09-30'))).toEqual([
      'total-stake-from-subnet-tao-every-upgrade',
      'total-stake-root-divs-between-upgrades',
    ]);
  });
  test('a counter wrong throughout a period (root stakes unrecorded, 283-301) counts even for two reads on one runtime', () => {
    const ids = (x: ReturnType<typeof breaksCrossed>) => x.map((b) => b.id);
    expect(
      ids(
        breaksCrossed('rootStake', { date: '2025-07-10', specVersion: 290 }, { date: '2025-07-20', specVersion: 290 }),
      ),
    ).toEqual(['root-stakes-unrecorded-283']);
    expect(
      ids(
        breaksCrossed('rootStake', { date: '2025-08-20', specVersion: 302 }, { date: '2025-08-27', specVersion: 302 }),
      ),
    ).toEqual([]);
    expect(ids(breaksCrossed('totalStake', '2026-06-01', '2026-06-30'))).toEqual([]);
  });
});
