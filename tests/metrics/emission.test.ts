import { describe, expect, test } from 'vitest';
import {
  blockEmissionForIssuance,
  emissionSplit,
  halvingThreshold,
  MAX_SUPPLY_RAO,
  ownerCutShare,
  taoWeightShare,
} from '../../src/metrics/emission.ts';

const TAO = 1_000_000_000n;

describe('block emission and halvings', () => {
  test('halving thresholds: 10.5M, 15.75M, 18.375M TAO', () => {
    expect(halvingThreshold(1)).toBe(10_500_000n * TAO);
    expect(halvingThreshold(2)).toBe(15_750_000n * TAO);
    expect(halvingThreshold(3)).toBe(18_375_000n * TAO);
  });

  test('1 TAO a block until the first threshold, then halved at each threshold exactly', () => {
    expect(blockEmissionForIssuance(0n)).toBe(TAO);
    expect(blockEmissionForIssuance(8_610_000n * TAO)).toBe(TAO);
    expect(blockEmissionForIssuance(halvingThreshold(1) - 1n)).toBe(TAO);
    expect(blockEmissionForIssuance(halvingThreshold(1))).toBe(TAO / 2n);
    expect(blockEmissionForIssuance(halvingThreshold(2) - 1n)).toBe(TAO / 2n);
    expect(blockEmissionForIssuance(halvingThreshold(2))).toBe(TAO / 4n);
    expect(blockEmissionForIssuance(halvingThreshold(3) - 1n)).toBe(TAO / 4n);
    expect(blockEmissionForIssuance(halvingThreshold(3))).toBe(TAO / 8n);
  });

  test('zero at and above the 21M cap, never negative just below it', () => {
    expect(blockEmissionForIssuance(MAX_SUPPLY_RAO)).toBe(0n);
    expect(blockEmissionForIssuance(MAX_SUPPLY_RAO + 1n)).toBe(0n);
    expect(blockEmissionForIssuance(MAX_SUPPLY_RAO - 1n)).toBe(0n);
    expect(blockEmissionForIssuance(MAX_SUPPLY_RAO - TAO)).toBe(TAO >> 24n);
  });
});

describe('proportions', () => {
  test('SubnetOwnerCut 11,796/65,535 is 18.0%; TaoWeight 3,320,413,933,267,719,290/(2^64−1) is 0.18', () => {
    expect(ownerCutShare(11_796n)).toBe(0.179995422293);
    expect(ownerCutShare(65_535n)).toBe(1);
    expect(taoWeightShare(3_320_413_933_267_719_290n)).toBe(0.179999999999);
    expect(taoWeightShare(971_718_665_099_567_868n)).toBeCloseTo(0.0527, 4);
  });
});

describe('emission split', () => {
  const cases = [
    { ownerCut: 0.18, taoWeight: 0.18, rootTao: 5_710_000n * TAO, alphaIssuance: 1_000_000n * TAO },
    { ownerCut: 0.18, taoWeight: 0.18, rootTao: 5_710_000n * TAO, alphaIssuance: 10n * TAO },
    { ownerCut: 0.1, taoWeight: 1, rootTao: 1n, alphaIssuance: 10n ** 18n },
    { ownerCut: 0, taoWeight: 0, rootTao: 0n, alphaIssuance: 0n },
  ];

  test.each(cases)('sums to 1 (owner cut $ownerCut, tao weight $taoWeight)', (input) => {
    const s = emissionSplit(input);
    expect(s.owner + s.miners + s.validators + s.root).toBeCloseTo(1, 12);
    expect(s.miners).toBeCloseTo((1 - input.ownerCut) / 2, 12);
    expect(s.root).toBeLessThanOrEqual(s.miners);
    expect(s.validators).toBeGreaterThanOrEqual(0);
  });

  test('root proportion = w·root / (w·root + alpha issuance)', () => {
    const s = emissionSplit({
      ownerCut: 0.18,
      taoWeight: 0.18,
      rootTao: 5_000_000n * TAO,
      alphaIssuance: 900_000n * TAO,
    });
    expect(s.rootProportion).toBeCloseTo(0.5, 12);
    expect(s.root).toBeCloseTo(0.82 * 0.5 * 0.5, 12);
    expect(s.validators).toBeCloseTo(0.205, 12);
  });

  test('root takes all of the validators’ half when the subnet has no alpha, none without root stake', () => {
    expect(emissionSplit({ ownerCut: 0.18, taoWeight: 0.18, rootTao: TAO, alphaIssuance: 0n })).toMatchObject({
      rootProportion: 1,
      validators: 0,
    });
    expect(emissionSplit({ ownerCut: 0.18, taoWeight: 0.18, rootTao: 0n, alphaIssuance: TAO })).toMatchObject({
      rootProportion: 0,
      root: 0,
    });
    expect(emissionSplit({ ownerCut: 0.18, taoWeight: 0.18, rootTao: 0n, alphaIssuance: 0n }).rootProportion).toBe(0);
  });
});
