import { describe, expect, test } from 'vitest';
import { dateOfBlock, governanceAt, governanceSteps, sudoKey } from '../../src/metrics/governance.ts';
import { daysFrom, governanceTable, ss58 } from '../fixtures/snapshots.ts';

/** Around the Senate's removal: present (12, 3) for three days, absent after; Aura grows from 9 to 12 on day 4. */
const sample = (sudo = true) => {
  const s = daysFrom('2025-11-01', 6, (i) => ({
    issuedTao: 1,
    stakedTao: 1,
    senate: i < 3 ? 12 : null,
    triumvirate: i < 3 ? 3 : null,
    authorities: i < 4 ? 9 : 12,
    specVersion: i < 3 ? 333 : 334,
  }));
  s.governance = governanceTable(s.series.at(-1)!, { sudo, triumvirate: null, senate: null, authorities: 12 });
  return s;
};

describe('governance sizes', () => {
  test('steps: one per run of equal values, absent runs included', () => {
    expect(governanceSteps(sample(), 'senateSize').map(({ from, to, value }) => ({ from, to, value }))).toEqual([
      { from: '2025-11-01', to: '2025-11-03', value: 12 },
      { from: '2025-11-04', to: '2025-11-06', value: null },
    ]);
    expect(governanceSteps(sample(), 'authorityCount').map((x) => x.value)).toEqual([9, 12]);
  });

  test('sizes on a date keep absence', () => {
    const at = governanceAt(sample(), '2025-11-04');
    expect(at.senateSize?.value).toBeNull();
    expect(at.authorityCount?.value).toBe(9n);
    expect(governanceAt(sample(), '2024-01-01').senateSize).toBeNull();
  });

  test('sudo key at the governance block, with its date', () => {
    const s = sample();
    const k = sudoKey(s);
    expect(k?.value).toEqual({ key: ss58(0), block: s.governance?.block });
    expect(k?.inputs[0]).toMatchObject({ kind: 'chain', item: 'Sudo.Key' });
    expect(dateOfBlock(s, k!.value.block)).toBe('2025-11-06');
    expect(sudoKey(sample(false))?.value.key).toBeNull();
    expect(sudoKey({ ...s, governance: null })).toBeNull();
  });
});
