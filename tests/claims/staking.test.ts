import { describe, expect, test } from 'vitest';
import { C13, C14, C15, C16 } from '../../src/claims/verdicts/staking.ts';
import { dataOf, daysFrom, citedData } from '../fixtures/snapshots.ts';

/** Daily reads from 2025-01-01 to 2025-04-30 with issuance +7,200 a day and the staking ratio given per day. */
const ratios = (ratio: (i: number) => number, issued = (i: number) => 8_000_000 + i * 7200) =>
  dataOf(daysFrom('2025-01-01', 120, (i) => ({ issuedTao: issued(i), stakedTao: issued(i) * ratio(i) })));

describe('C13: the stake rises only because supply inflates', () => {
  test('unverifiable without chain data', () => expect(C13(citedData()).verdict).toBe('unverifiable'));
  test('supported when the ratio stays flat', () => {
    const r = C13(ratios(() => 0.75));
    expect(r.verdict).toBe('supported');
    expect(r.evidence.find((e) => e.label.startsWith('Share of the stake’s rise'))?.value).toBe('100.0%');
  });
  test('partly supported when a rising ratio explains a third of the rise', () => {
    // issuance +5.7%, ratio 0.75 → 0.77 (+2.7%): issuance explains about two thirds
    const r = C13(ratios((i) => 0.75 + (0.02 * i) / 119));
    expect(r.verdict).toBe('partly supported');
  });
  test('contradicted when a rising ratio explains most of it', () => {
    const r = C13(ratios((i) => 0.6 + (0.25 * i) / 119));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('most of it came from a higher share of TAO being staked');
  });
  test('contradicted when the stake did not rise', () => {
    const r = C13(ratios((i) => 0.8 - i * 0.002));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('did not rise');
  });
});

describe('C14: never below 70%, peak near 90%', () => {
  test('unverifiable without chain data; the cited April 2025 figure is shown', () => {
    const r = C14(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence.map((e) => e.value)).toEqual(['70.0%', '90.0%', '70.0%']);
  });
  test('supported when the daily ratio stays in 72%–89% up to the article (later days ignored)', () => {
    const r = C14(ratios((i) => (i > 106 ? 0.5 : 0.72 + (0.17 * i) / 106)));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[3].value).toBe('72.0%');
    expect(r.evidence[4].value).toBe('89.0%');
  });
  test('partly supported when it dipped below 70% but peaked near 90%', () => {
    const r = C14(ratios((i) => (i === 10 ? 0.6 : 0.88)));
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('60.0% (2025-01-11)');
  });
  test('contradicted when it dipped and never neared 90%', () =>
    expect(C14(ratios(() => 0.6)).verdict).toBe('contradicted'));
  test('a low of 68.5% is within the 3% allowance: never says “never below 70%”', () => {
    const r = C14(ratios((i) => (i === 10 ? 0.685 : 0.88)));
    expect(r.verdict).toBe('supported');
    expect(r.reason).not.toContain('never below');
    expect(r.reason).toContain('just under the article’s 70% at its lowest, within the 3% allowance');
  });
  test('a low of 70% or more says “never below”', () =>
    expect(C14(ratios(() => 0.88)).reason).toContain('never below the article’s 70%'));
  test('discloses that TotalStake left out root dividends after dTAO', () => {
    const r = C14(ratios(() => 0.88));
    expect(r.reason).toContain('root-divs-outside-subnet-tao');
  });
});

describe('C15: $2B × 70% = $1.4B never circulated', () => {
  test('unverifiable without chain data, with the arithmetic', () => {
    const r = C15(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[2].value).toBe('$1.4B');
  });
  test('partly supported when the chain’s ratio is at least 70%: the figure holds, the concept does not', () => {
    const r = C15(ratios(() => 0.75));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence.find((e) => e.label.startsWith('The article’s $2B times'))?.value).toBe('$1.5B');
    // 2025-04-17 lies between dTAO and spec 283: TotalStake then left out root dividends (0.5 to 1.7 points)
    expect(r.reason).toContain('about 0.5 to 1.7 points');
    expect(r.evidence.some((e) => e.value === 'root-divs-outside-subnet-tao')).toBe(true);
  });
  test('contradicted when the chain’s ratio is lower', () => {
    const r = C15(ratios(() => 0.5));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('$1B, less than the article’s $1.4B');
  });
});

describe('C16: real market cap $600M, FDV $5B', () => {
  const at = (ratio: number, supply: number) =>
    ratios(
      () => ratio,
      () => supply,
    );
  test('unverifiable without chain data; the article’s own figures agree', () => {
    const r = C16(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[2].value).toBe('$4.88B');
  });
  test('partly supported when the chain’s ratio and supply reproduce both', () => {
    const r = C16(at(0.7, 8_610_000));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence.slice(-2).map((e) => e.value)).toEqual(['$600M', '$4.88B']);
  });
  test('contradicted when they do not', () => {
    const r = C16(at(0.5, 8_610_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('(the liquid value is off)');
  });
});
