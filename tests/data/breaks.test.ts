import { describe, expect, test } from 'vitest';
import { breaksCrossed, caveatsFor, SERIES_BREAKS, unusableAt } from '../../src/model/breaks.ts';
import { SERIES_FIELD_NAMES } from '../../src/model/series.ts';

describe('SERIES_BREAKS rows', () => {
  test.each(SERIES_BREAKS.map((b) => [b.id, b] as const))(
    '%s: known series, a source URL built from repo/ref/path, a real date',
    (_id, b) => {
      expect(b.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(b.series.length + (b.columns?.length ?? 0)).toBeGreaterThan(0);
      for (const s of b.series) expect(SERIES_FIELD_NAMES, `${b.id}: series ${s}`).toContain(s);
      expect(b.code.repo).toBe('opentensor/subtensor');
      // a tag or a full 40-hex commit, so the link does not move with a branch
      expect(b.code.ref).toMatch(/^([0-9a-f]{40}|v\d+\.\d+\.\d+(-\d+)?)$/);
      expect(b.code.url).toBe(`https://github.com/${b.code.repo}/blob/${b.code.ref}/${b.code.path}`);
      expect(b.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${b.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(b.date);
      if (b.spec !== null) expect(Number.isInteger(b.spec) && b.spec >= 100).toBe(true);
      if (b.block === null) expect(b.approximate).toBe(true);
      expect(b.label.length).toBeGreaterThan(0);
      expect(b.what.length).toBeGreaterThan(40);
      if (b.until) {
        expect(b.spec !== null && b.until.spec > b.spec).toBe(true);
        expect(b.until.date > b.date).toBe(true);
      }
    },
  );

  test('ids are unique, dates never decrease and specs increase', () => {
    const ids = SERIES_BREAKS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < SERIES_BREAKS.length; i++)
      expect(SERIES_BREAKS[i].date >= SERIES_BREAKS[i - 1].date, SERIES_BREAKS[i].id).toBe(true);
    const specs = SERIES_BREAKS.flatMap((b) => (b.spec === null ? [] : [b.spec]));
    expect(specs).toEqual([...specs].sort((a, b) => a - b));
  });

  test('the rows other pages cite exist', () => {
    for (const id of ['total-issuance-recomputed-146', 'total-stake-fixed-v2', 'root-divs-outside-subnet-tao'])
      expect(ids()).toContain(id);
  });
});

const ids = () => SERIES_BREAKS.map((b) => b.id);
const row = (id: string) => {
  const b = SERIES_BREAKS.find((x) => x.id === id);
  if (!b) throw new Error(`no break ${id}`);
  return b;
};

describe('the counters’ defects found in the code (issue 17, M4 and M5)', () => {
  test('M4: root stakes and unstakes went unrecorded from spec 283 to 301 (v3.1.6 stake_utils.rs, fixed by e5d21700 in 302)', () => {
    const b = row('root-stakes-unrecorded-283');
    expect([b.spec, b.until]).toEqual([283, { spec: 302, date: '2025-08-19', throughout: true }]);
    expect(b.series).toEqual(['rootStake', 'totalStake', 'totalIssuance']);
    // a range inside the period crosses it, though no upgrade falls in the range
    expect(breaksCrossed('rootStake', '2025-07-10', '2025-07-20').map((x) => x.id)).toEqual([
      'root-stakes-unrecorded-283',
    ]);
    expect(breaksCrossed('rootStake', '2025-08-20', '2025-08-27')).toEqual([]);
  });
  test('M4: the spec-306 row is the accumulated net outflow the counter missed, not a one-off correction', () => {
    const b = row('root-tao-counters-fixed-306');
    expect(b.what).toContain('root-stakes-unrecorded-283');
    expect(b.what).toContain('net TAO unstaked from root');
    expect(b.what).not.toMatch(/because more had been unstaked/);
  });
  test('M4: TotalStake left out root dividends between upgrades until spec 333', () => {
    const b = row('total-stake-root-divs-between-upgrades');
    expect([b.spec, b.until?.spec]).toEqual([283, 334]);
    expect(breaksCrossed('totalStake', '2025-10-01', '2025-10-02').map((x) => x.id)).toContain(b.id);
    expect(breaksCrossed('totalStake', '2025-11-05', '2025-11-06').map((x) => x.id)).not.toContain(b.id);
  });
  test('M5: the alpha-buying TAO is missing from SubnetTaoInEmission (298-410) and TotalIssuance (298-341)', () => {
    expect(row('excess-tao-outside-tao-in-emission-298')).toMatchObject({
      series: ['taoInEmission'],
      spec: 298,
      until: { spec: 411 },
    });
    expect(row('excess-tao-outside-issuance-298')).toMatchObject({
      series: ['totalIssuance'],
      spec: 298,
      until: { spec: 342 },
    });
    expect(breaksCrossed('taoInEmission', '2026-01-01', '2026-01-02').map((x) => x.id)).toEqual([
      'excess-tao-outside-tao-in-emission-298',
    ]);
    expect(row('total-issuance-recomputed-every-upgrade').what).not.toMatch(
      /any drift between the counters shows as a small step/,
    );
  });
});

describe('caveats: open subtensor reports of wrong values, in the same table', () => {
  const caveats = SERIES_BREAKS.filter((b) => b.kind === 'caveat');
  test('#1956 and #2274 are there, each with its issue link; #2194 (metagraph Emission) is not, as no series reads it', () => {
    expect(caveats.map((b) => b.issue?.number).sort()).toEqual([1956, 2274]);
    for (const b of caveats) {
      expect(b.issue?.url).toBe(`https://github.com/opentensor/subtensor/issues/${b.issue?.number}`);
      expect(b.columns).toEqual(['alphaOut']);
    }
  });
  test('caveats are not steps: range queries leave them out, caveatsFor finds them by series or column', () => {
    expect(breaksCrossed('rootStake', '2025-01-01', '2026-01-01').some((b) => b.kind === 'caveat')).toBe(false);
    expect(breaksCrossed(SERIES_FIELD_NAMES, '2025-01-01', '2026-01-01').some((b) => b.kind === 'caveat')).toBe(false);
    expect(caveatsFor([], ['alphaOut']).map((b) => b.id)).toEqual(caveats.map((b) => b.id));
    expect(caveatsFor(['rootStake'], ['tao'])).toEqual([]);
    expect(caveatsFor([], ['alphaOut'], '2025-01-01')).toEqual([]);
  });
});

describe('breaks queries', () => {
  test('breaksCrossed: strictly after from, on or before to, for that series only', () => {
    const dtao = SERIES_BREAKS.find((b) => b.id === 'dtao-233')!;
    expect(breaksCrossed('totalStake', '2025-02-12', '2025-02-14').map((b) => b.id)).toEqual(['dtao-233']);
    expect(breaksCrossed('totalStake', dtao.date, '2025-02-14')).toEqual([]);
    expect(breaksCrossed('totalStake', '2025-02-12', dtao.date).map((b) => b.id)).toEqual(['dtao-233']);
    expect(breaksCrossed('authorityCount', '2023-01-01', '2027-01-01')).toEqual([]);
  });

  test('a break recurring at every upgrade counts for any range overlapping its period', () => {
    expect(breaksCrossed('totalStake', '2025-09-01', '2025-09-30').map((b) => b.id)).toEqual([
      'total-stake-from-subnet-tao-every-upgrade',
      'total-stake-root-divs-between-upgrades',
    ]);
    expect(breaksCrossed('totalStake', '2026-01-01', '2026-01-30').map((b) => b.id)).toEqual([
      'total-stake-from-subnet-tao-every-upgrade',
    ]);
    expect(breaksCrossed('totalStake', '2026-05-27', '2026-06-30')).toEqual([]);
  });

  test('several series: each break once, oldest first, the union of the answers for each series; order of reads free', () => {
    const one = (f: 'totalStake' | 'totalIssuance') => breaksCrossed(f, '2023-03-20', '2025-04-17');
    const both = breaksCrossed(['totalStake', 'totalIssuance'], '2025-04-17', '2023-03-20');
    const union = [...new Map([...one('totalStake'), ...one('totalIssuance')].map((b) => [b.id, b])).values()];
    expect(both.map((b) => b.id).sort()).toEqual(union.map((b) => b.id).sort());
    expect(new Set(both.map((b) => b.id)).size).toBe(both.length);
    expect(both.map((b) => b.date)).toEqual(both.map((b) => b.date).sort());
    expect(both.map((b) => b.id)).toContain('dtao-233');
  });

  test('rows of its own: a test table instead of SERIES_BREAKS', () => {
    const row = { ...SERIES_BREAKS.find((b) => b.id === 'dtao-233')!, id: 'test-row', date: '2024-01-02' };
    expect(breaksCrossed('totalStake', '2024-01-01', '2024-01-02', [row]).map((b) => b.id)).toEqual(['test-row']);
    expect(breaksCrossed('totalStake', '2024-01-02', '2024-01-03', [row])).toEqual([]);
  });
});

describe('unusable ranges (invalidBefore)', () => {
  test('TotalStake before spec 133 is unusable, by spec when the read has one, else by the break’s date', () => {
    expect(unusableAt('totalStake', '2023-03-20', 103)?.id).toBe('total-stake-fixed-v2');
    expect(unusableAt('totalStake', '2023-10-03', 133)).toBeNull(); // spec 133 ran before the merge date
    expect(unusableAt('totalStake', '2023-10-04', null)?.id).toBe('total-stake-fixed-v2');
    expect(unusableAt('totalStake', '2023-10-05', null)).toBeNull();
    expect(unusableAt('totalIssuance', '2023-03-20', 103)).toBeNull();
    expect(unusableAt('totalStake', '2023-03-19', null)).toBeNull(); // before Finney's genesis
  });
  test('the row says the counter left out the whole genesis stake', () => {
    const b = SERIES_BREAKS.find((x) => x.id === 'total-stake-fixed-v2')!;
    expect(b.what).toMatch(/never wrote TotalStake: the counter started at 0/);
    expect(b.invalidBefore?.from).toBe('2023-03-20');
  });
});
