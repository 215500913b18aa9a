import { describe, expect, test } from 'vitest';
import { CODE } from '../../src/claims/code.ts';
import { C20, C21, C22, C23, C24 } from '../../src/claims/verdicts/three-schemes.ts';
import { EPOCH_CYCLE_BLOCKS } from '../../src/claims/code.ts';
import { C22_ROOT_KEPT } from '../../src/claims/thresholds.ts';
import type { Day, Pool } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, editedReference, poolOf, citedData, subnetsTable } from '../fixtures/snapshots.ts';

/** Daily reads from dTAO (2025-02-13) to 2025-04-20; `day(i)` sets the dTAO fields (i = days since dTAO). */
const sinceDtao = (day: (i: number) => Partial<Day>, pools?: Pool[]) => {
  const s = daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 6_000_000, ...day(i) }));
  if (pools) s.subnets = subnetsTable(s.series.at(-1)!, pools);
  return dataOf(s);
};

describe('C20: every subnet has a token paired with TAO', () => {
  const table = (pools: Pool[]) => sinceDtao(() => ({ rootTao: 5_800_000 }), pools);
  test('unverifiable without the subnets table', () => expect(C20(citedData()).verdict).toBe('unverifiable'));
  test('supported when every subnet has a TAO–alpha pool', () => {
    const r = C20(table([poolOf(1, 1000), poolOf(2, 2000), poolOf(3, 500)]));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[0].value).toBe('3 of 3');
  });
  test('partly supported when some do not', () => {
    expect(C20(table([poolOf(1, 1000), { ...poolOf(2, 0), mechanism: 0 }])).evidence[0].value).toBe('1 of 2');
    expect(C20(table([poolOf(1, 1000), { ...poolOf(2, 0), mechanism: 0 }])).verdict).toBe('partly supported');
  });
  test('contradicted when none do', () =>
    expect(C20(table([{ ...poolOf(1, 10), mechanism: 0 }])).verdict).toBe('contradicted'));
  test('unverifiable when the table lists only root', () => expect(C20(table([])).verdict).toBe('unverifiable'));
});

describe('C21: thin pools', () => {
  test('unverifiable without chain data', () => expect(C21(citedData()).verdict).toBe('unverifiable'));
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
  /**
   * 1 TAO injected per block; Σ PendingRootDivs of 60 TAO stands for 2 × 60 / 361 = 0.332 TAO a block paid to root, so
   * the pools' baseline is (1 − 0.332) × 7,200 ≈ 4,807 TAO a day. Pools grow by `growth` × that baseline a day.
   */
  const perDayBaseline = (1 - (2 * 60) / EPOCH_CYCLE_BLOCKS) * 7200;
  /** Root falls linearly from 5.86M at dTAO to `rootTao` on the last day. */
  const flows = (rootTao: number, growth: number) =>
    sinceDtao((i) => ({
      rootTao: 5_860_000 + ((rootTao - 5_860_000) * i) / 66,
      subnetTao: 64_000 + i * perDayBaseline * growth,
      taoInEmission: 1,
      pendingRootDivs: 60,
    }));
  test('unverifiable without chain data, with the thresholds in the reason', () => {
    const r = C22(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain(`root keeps ${C22_ROOT_KEPT * 100}% of its TAO at dTAO`);
  });
  test('unverifiable without the injection and root-payment reads, even with root and pool stocks', () => {
    expect(C22(sinceDtao((i) => ({ rootTao: 5_860_000, subnetTao: 64_000 + i * 7000 }))).verdict).toBe('unverifiable');
  });
  test('supported: root keeps over 93% and users add 5% on top of the net injection', () => {
    const r = C22(flows(5_700_000, 1.05));
    expect(r.verdict).toBe('supported');
    const share = r.evidence.find((e) => e.label.startsWith('Users’ net TAO'));
    expect(share?.value).toBe('5.0%');
  });
  test('the baseline is the injection less what root was paid, not the injection', () => {
    // pools grew by the full injection: under the old test (pool growth ≤ issuance) that was "little"; net of root's ~33% it is half again
    const r = C22(
      sinceDtao((i) => ({ rootTao: 5_860_000, subnetTao: 64_000 + i * 7200, taoInEmission: 1, pendingRootDivs: 60 })),
    );
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('more than a little');
  });
  test('partly supported when root kept under 87% of its TAO at dTAO', () =>
    expect(C22(flows(2_000_000, 1.05)).verdict).toBe('partly supported'));
  test('contradicted when root emptied and users added much more', () =>
    expect(C22(flows(2_000_000, 1.6)).verdict).toBe('contradicted'));
  test('unverifiable when root kept within 3 points of 90% of its TAO at dTAO', () => {
    // root read on 2025-04-17 (day 63 of 66): 5.86M − 63/66 × 0.6M ≈ 5.29M, 90.2% of 5.86M
    const r = C22(flows(5_260_000, 1.05));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('too close to 90% to decide');
  });
  test('unverifiable when users’ inflow is within 10 points of 25% of the baseline', () => {
    const r = C22(flows(5_700_000, 1.25));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('too close to the threshold to decide');
  });
  test('names the root-dividend gap of SubnetTAO[0] in this period', () => {
    const r = C22(flows(5_700_000, 1.05));
    expect(r.reason).toContain('root-divs-outside-subnet-tao');
    expect(r.evidence.some((e) => e.value === 'root-divs-outside-subnet-tao')).toBe(true);
  });
});

describe('C23: no subnet cap, too many subnets too fast', () => {
  test('unverifiable without chain data, even with the cited return of the cap in September 2025', () => {
    const r = C23(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('came back only on 2025-09-24');
  });
  test('unverifiable with neither the cap figure nor chain data', () => {
    expect(
      C23(citedData(editedReference((x) => (x.figures = x.figures.filter((f) => f.id !== 'subnet-limit-2025')))))
        .verdict,
    ).toBe('unverifiable');
  });
  test('supported when the count grew by a quarter or more since dTAO', () => {
    const r = C23(sinceDtao((i) => ({ subnets: 65 + Math.floor(i / 2) })));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[1].value).toBe('65 → 96');
  });
  test('partly supported when it grew less', () =>
    expect(C23(sinceDtao((i) => ({ subnets: 65 + Math.floor(i / 10) }))).verdict).toBe('partly supported'));
  test('contradicted when it did not grow', () =>
    expect(C23(sinceDtao(() => ({ subnets: 65 }))).verdict).toBe('contradicted'));
});

describe('C24: no swaps between subnets', () => {
  test('partly supported by the April 2025 code: swap_stake exists, but only through TAO (the author’s likely meaning)', () => {
    const r = C24(citedData());
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[0].sources[0]).toEqual(CODE.swapStake);
    expect(r.reason).toContain('only through TAO');
  });
  test('partly supported with the chain’s dTAO runtime on the article’s date', () => {
    const r = C24(sinceDtao(() => ({ specVersion: 261 })));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[1].value).toBe('261');
  });
  test('unverifiable if the chain still ran a pre-dTAO runtime then', () =>
    expect(C24(sinceDtao(() => ({ specVersion: 219 }))).verdict).toBe('unverifiable'));
});
