import { describe, expect, test } from 'vitest';
import {
  averagePoolDepth,
  issuanceChange,
  medianDepth,
  poolChange,
  poolDepths,
  sampledInjection,
} from '../../src/metrics/pools.ts';
import { daysFrom, poolOf, subnetsTable, TAO } from '../fixtures/snapshots.ts';

const sample = (over = {}) =>
  daysFrom(
    '2025-02-13',
    64,
    (i) => ({
      issuedTao: 8_000_000 + i * 7200,
      stakedTao: 6_000_000,
      rootTao: 5_860_000,
      subnetTao: 64_000 + i * 7000,
      subnets: 65 + i,
      taoInEmission: 1,
    }),
    over,
  );

describe('TAO into pools', () => {
  test('net changes of issued TAO and pool TAO since dTAO', () => {
    expect(issuanceChange(sample(), '2025-04-17')?.value.delta).toBe(453_600n * TAO);
    expect(poolChange(sample(), '2025-04-17')?.value.delta).toBe(441_000n * TAO);
  });

  test('daily injection reads × 7,200, over [dTAO, to): 63 days of 1 TAO a block', () => {
    const e = sampledInjection(sample(), '2025-04-17');
    expect(e?.value).toEqual({ total: 453_600n * TAO, days: 63, span: 63 });
    expect(e?.inputs).toHaveLength(63);
  });

  test('no injection estimate without reads of SubnetTaoInEmission', () => {
    const s = daysFrom('2025-02-13', 10, () => ({ issuedTao: 1, stakedTao: 1 }));
    expect(sampledInjection(s, '2025-02-20')).toBeNull();
  });

  test('average pool depth: pool TAO over the subnets other than root', () => {
    const a = averagePoolDepth(sample(), '2025-02-13');
    expect(a?.value.average).toBe(1_000n * TAO);
    expect(a?.value.count.value).toBe(65n);
  });
});

describe('pool depths from the subnets table', () => {
  test('deepest first, root excluded, each with its block and storage item', () => {
    const s = sample();
    const head = s.series.at(-1)!;
    s.subnets = subnetsTable(head, [
      poolOf(3, 500),
      poolOf(1, 2_000),
      poolOf(2, 2_000),
      { ...poolOf(4, 100), mechanism: 1 },
    ]);
    const d = poolDepths(s);
    expect(d.map((p) => p.netuid)).toEqual([1, 2, 3, 4]);
    expect(d[0]).toMatchObject({
      tao: 2_000n * TAO,
      alphaIssuance: 400_000n * TAO,
      source: { kind: 'chain', block: head.block, item: 'SubtensorModule.SubnetTAO[1]' },
    });
    expect(medianDepth(d)).toBe(1_250n * TAO);
    expect(medianDepth(d.slice(0, 3))).toBe(2_000n * TAO);
    expect(medianDepth([])).toBeNull();
  });

  test('no table, no pools', () => {
    expect(poolDepths(sample({ subnets: null }))).toEqual([]);
  });
});
