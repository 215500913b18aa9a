import { describe, expect, test } from 'vitest';
import { CODE } from '../../src/claims/code.ts';
import { C20, C21, C22, C23, C24 } from '../../src/claims/verdicts/three-schemes.ts';
import type { Day, Pool } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, editedReference, poolOf, referenceData, subnetsTable } from '../fixtures/snapshots.ts';

/** Daily reads from dTAO (2025-02-13) to 2025-04-20; `day(i)` sets the dTAO fields (i = days since dTAO). */
const sinceDtao = (day: (i: number) => Partial<Day>, pools?: Pool[]) => {
  const s = daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 6_000_000, ...day(i) }));
  if (pools) s.subnets = subnetsTable(s.series.at(-1)!, pools);
  return dataOf(s);
};

describe('C20: every subnet has a token paired with TAO', () => {
  const table = (pools: Pool[]) => sinceDtao(() => ({ rootTao: 5_800_000 }), pools);
  test('unverifiable without the subnets table', () => expect(C20(referenceData()).verdict).toBe('unverifiable'));
  test('supported when every subnet has a TAO–alpha pool', () => {
    const r = C20(table([poolOf(1, 1000), poolOf(2, 2000), poolOf(3, 500)]));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[0].value).toBe('3 of 3');
  });
  test('partly supported when some do not', () => {
    expect(C20(table([poolOf(1, 1000), { ...poolOf(2, 0), mechanism: 0 }])).evidence[0].value).toBe('1 of 2');
    expect(C20(table([poolOf(1, 1000), { ...poolOf(2, 0), mechanism: 0 }])).verdict).toBe('partly supported');
  });
  test('contradicted when none do', () => expect(C20(table([{ ...poolOf(1, 10), mechanism: 0 }])).verdict).toBe('contradicted'));
  test('unverifiable when the table lists only root', () => expect(C20(table([])).verdict).toBe('unverifiable'));
});

describe('C21: thin pools', () => {
  test('unverifiable without chain data', () => expect(C21(referenceData()).verdict).toBe('unverifiable'));
  test('partly supported when pools average under 1% of root stake (the motive stays unshown)', () => {
    const r = C21(sinceDtao((i) => ({ rootTao: 5_700_000, subnetTao: 90_000, subnets: 91 + 0 * i })));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[0].value).toBe('1,000 TAO');
    expect(r.reason).toContain('0.02% of the 5.7M TAO staked on root');
  });
  test('contradicted when pools are deep relative to root', () => {
    const r = C21(sinceDtao(() => ({ rootTao: 5_700_000, subnetTao: 9_000_000, subnets: 91 })));
    expect(r.verdict).toBe('contradicted');
  });
});

describe('C22: little new money; root TAO stayed put', () => {
  test('unverifiable without chain data', () => expect(C22(referenceData()).verdict).toBe('unverifiable'));
  test('supported: root keeps over 90% and pools grow no faster than issuance', () => {
    const r = C22(sinceDtao((i) => ({ rootTao: 5_860_000 - i * 2000, subnetTao: 64_000 + i * 7000 })));
    expect(r.verdict).toBe('supported');
    expect(r.evidence.map((e) => e.value)).toEqual(['91.9%', '+441k TAO', '+454k TAO']);
  });
  test('partly supported when root kept under 90%', () => {
    expect(C22(sinceDtao((i) => ({ rootTao: 4_000_000, subnetTao: 600_000 + i * 7000 }))).verdict).toBe('partly supported');
  });
  test('contradicted when root emptied into pools beyond issuance', () => {
    const r = C22(sinceDtao((i) => ({ rootTao: 5_860_000 - i * 50_000, subnetTao: 64_000 + i * 50_000 })));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('users added TAO beyond the protocol’s injection');
  });
});

describe('C23: no subnet cap, too many subnets too fast', () => {
  test('partly supported by the cited return of the cap in September 2025, without chain data', () => {
    const r = C23(referenceData());
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('came back only on 2025-09-24');
  });
  test('unverifiable with neither the cap figure nor chain data', () => {
    expect(C23(referenceData(editedReference((x) => (x.figures = x.figures.filter((f) => f.id !== 'subnet-limit-2025'))))).verdict).toBe('unverifiable');
  });
  test('supported when the count grew by a quarter or more since dTAO', () => {
    const r = C23(sinceDtao((i) => ({ subnets: 65 + Math.floor(i / 2) })));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[1].value).toBe('65 → 96');
  });
  test('partly supported when it grew less', () => expect(C23(sinceDtao((i) => ({ subnets: 65 + Math.floor(i / 10) }))).verdict).toBe('partly supported'));
  test('contradicted when it did not grow', () => expect(C23(sinceDtao(() => ({ subnets: 65 }))).verdict).toBe('contradicted'));
});

describe('C24: no swaps between subnets', () => {
  test('contradicted by swap_stake in the April 2025 code', () => {
    const r = C24(referenceData());
    expect(r.verdict).toBe('contradicted');
    expect(r.evidence[0].sources[0]).toEqual(CODE.swapStake);
  });
  test('contradicted by the chain’s dTAO runtime on the article’s date', () => {
    const r = C24(sinceDtao(() => ({ specVersion: 261 })));
    expect(r.verdict).toBe('contradicted');
    expect(r.evidence[1].value).toBe('261');
  });
  test('unverifiable if the chain still ran a pre-dTAO runtime then', () => expect(C24(sinceDtao(() => ({ specVersion: 219 }))).verdict).toBe('unverifiable'));
});
