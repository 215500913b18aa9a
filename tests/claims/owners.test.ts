import { describe, expect, test } from 'vitest';
import { C32, C34, C35, C36, C38 } from '../../src/claims/verdicts/owners.ts';
import type { Day, Pool } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, editedReference, poolOf, referenceData, subnetsTable } from '../fixtures/snapshots.ts';

/** Two weeks of chain reads around the article (2025-04-17), optionally with a subnets table at the last day. */
const around = (day: Partial<Day> = {}, pools?: Pool[]) => {
  const s = daysFrom('2025-04-10', 14, () => ({ issuedTao: 8_610_000, stakedTao: 6_027_000, rootTao: 5_710_000, ...day }));
  if (pools) s.subnets = subnetsTable(s.series.at(-1)!, pools);
  return s;
};

describe('C32: No. 1 crypto-AI project', () => {
  test('unverifiable: rankings are market data', () => {
    expect(C32(referenceData()).verdict).toBe('unverifiable');
    expect(C32(dataOf(around())).verdict).toBe('unverifiable');
  });
});

describe('C34: alpha is a warrant, not a circulating token', () => {
  test('partly supported by the April 2025 code: a stake record that can still change hands', () => {
    const r = C34(referenceData());
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('transfer_stake');
  });
  test('partly supported with the chain’s dTAO runtime on the date', () => {
    const r = C34(dataOf(around({ specVersion: 261 })));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[2].value).toBe('261');
  });
  test('unverifiable before dTAO: there was no alpha', () => expect(C34(dataOf(around({ specVersion: 219 }))).verdict).toBe('unverifiable'));
});

describe('C35: owners lift prices by announcing buybacks', () => {
  test('unverifiable: announcements are off chain and daily reads hold no stake events', () => {
    expect(C35(referenceData()).verdict).toBe('unverifiable');
    expect(C35(dataOf(around())).verdict).toBe('unverifiable');
  });
});

describe('C36: the 18% owner cut', () => {
  test('supported by the docs’ 18% without chain data', () => {
    const r = C36(referenceData());
    expect(r.verdict).toBe('supported');
    expect(r.evidence.map((e) => e.value)).toEqual(['18.0%', '18.0%']);
  });
  test('contradicted if the cited figure said otherwise', () => {
    const ref = editedReference((x) => (x.figures.find((f) => f.id === 'default-owner-cut')!.value = '0.1'));
    expect(C36(referenceData(ref)).verdict).toBe('contradicted');
  });
  test('unverifiable with neither a chain read nor a cited figure', () => {
    const ref = editedReference((x) => (x.figures = x.figures.filter((f) => f.id !== 'default-owner-cut')));
    expect(C36(referenceData(ref)).verdict).toBe('unverifiable');
  });
  test('supported by SubnetOwnerCut = 11796/65535 on chain', () => {
    const r = C36(dataOf(around()));
    expect(r.verdict).toBe('supported');
    expect(r.evidence.at(-1)?.value).toBe('18.00%');
    expect(r.reason).toContain('11796/65535 = 18.00%');
  });
  test('contradicted by another SubnetOwnerCut on chain', () => {
    const s = around();
    s.current.subnetOwnerCut = { ...s.current.subnetOwnerCut!, value: '6554' };
    const r = C36(dataOf(s));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('10.00%');
  });
});

describe('C38: up to 1/3 of daily TAO emission to root', () => {
  test('unverifiable without the subnets table; the alpha cap is shown', () => {
    const r = C38(referenceData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[1].value).toBe('41.0%');
    expect(r.reason).toContain('mixes units');
  });
  test('partly supported when root’s alpha, at pool prices, is worth under a third of the block’s TAO', () => {
    // price 0.01 TAO per alpha: root's alpha is worth little TAO
    const r = C38(dataOf(around({}, [poolOf(1, 4_500), poolOf(2, 9_000)])));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence.at(-1)?.value).toBe('0.4%');
  });
  test('contradicted when it is worth more than a third', () => {
    // price 1 TAO per alpha and small alpha supply: root takes ~37% of each subnet's alpha, worth 1 TAO each
    const r = C38(dataOf(around({}, [poolOf(1, 100_000, 1), poolOf(2, 100_000, 1)])));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('more than the article’s “up to one third”');
  });
});
