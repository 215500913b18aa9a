import { describe, expect, test } from 'vitest';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import { maxRootShare, quantityShare, splitFor, splitParams, subnetSplits } from '../../src/metrics/split.ts';
import { daysFrom, poolOf, reference, subnetsTable, TAO } from '../fixtures/snapshots.ts';

const chain = () => {
  const s = daysFrom('2025-04-10', 8, () => ({
    issuedTao: 8_610_000,
    stakedTao: 6_000_000,
    rootTao: 5_000_000,
    subnetTao: 100_000,
  }));
  // price 0.01 TAO per alpha; alpha issuance 2 × 100 × tao
  s.subnets = subnetsTable(s.series.at(-1)!, [poolOf(1, 4_500), poolOf(2, 45_000)]);
  return s;
};

describe('split parameters', () => {
  test('proportions in any unit become shares, keeping their source', () => {
    const s = chain();
    expect(quantityShare(s.current.subnetOwnerCut, 'owner-cut')).toMatchObject({
      value: 0.179995422293,
      formula: 'SubnetOwnerCut = 11796 / 65535',
    });
    expect(
      quantityShare({ value: '0.18', unit: 'ratio', source: s.current.taoWeight!.source }, 'tao-weight')?.value,
    ).toBe(0.18);
    expect(
      quantityShare({ value: '0.18', unit: 'ratio', source: s.current.taoWeight!.source }, 'tao-weight')?.formula,
    ).toBe('TAO weight, cited: not a chain read');
    expect(quantityShare({ value: null, unit: 'ratio', source: s.current.taoWeight!.source }, 'tao-weight')).toBeNull();
    expect(quantityShare(undefined, 'owner-cut')).toBeNull();
  });

  test('chain parameters, or cited ones (and the article’s root stake) in a cited-figures build', () => {
    expect(splitParams(chain())?.rootTao.value).toBe(5_000_000n * TAO);
    const p = splitParams(citedSnapshot(reference(), '2026-01-01T00:00:00.000Z'));
    expect(p?.ownerCut.value).toBe(0.18);
    expect(p?.rootTao.value).toBe(5_710_000n * TAO);
    expect(p?.rootTao.inputs[0]).toMatchObject({ kind: 'cited', by: 'article' });
  });

  test('root’s largest share is half of what the owner leaves', () => {
    expect(maxRootShare(0.18)).toBeCloseTo(0.41, 12);
  });
});

describe('per-subnet split and root’s TAO', () => {
  test('each subnet’s split from its alpha issuance', () => {
    const s = chain();
    const p = splitParams(s)!;
    const splits = subnetSplits(s, p);
    const a = splits.find((x) => x.netuid === 1)!;
    const b = splits.find((x) => x.netuid === 2)!;
    expect(a.alphaIssuance).toBe(900_000n * TAO);
    // w·root = 0.18 × 5M = 900k ≈ alpha issuance 900k: root proportion ≈ 1/2
    expect(a.rootProportion).toBeCloseTo(0.5, 4);
    expect(a.root).toBeCloseTo(0.82 * 0.25, 3);
    expect(b.root).toBeLessThan(a.root);
    expect(splitFor(p, 0n).root).toBeCloseTo(maxRootShare(p.ownerCut.value), 12);
  });
});
