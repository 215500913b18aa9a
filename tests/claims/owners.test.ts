import { describe, expect, test } from 'vitest';
import { C32, C34, C35, C36, C38 } from '../../src/claims/verdicts/owners.ts';
import { EPOCH_CYCLE_BLOCKS } from '../../src/claims/code.ts';
import { C38_BOUNDS } from '../../src/claims/thresholds.ts';
import type { Day, Pool } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, editedReference, citedData, subnetsTable } from '../fixtures/snapshots.ts';

/** Two weeks of chain reads around the article (2025-04-17), optionally with a subnets table at the last day. */
const around = (day: Partial<Day> = {}, pools?: Pool[]) => {
  const s = daysFrom('2025-04-10', 14, () => ({
    issuedTao: 8_610_000,
    stakedTao: 6_027_000,
    rootTao: 5_710_000,
    ...day,
  }));
  if (pools) s.subnets = subnetsTable(s.series.at(-1)!, pools);
  return s;
};

describe('C32: No. 1 crypto-AI project', () => {
  test('unverifiable: rankings are market data', () => {
    expect(C32(citedData()).verdict).toBe('unverifiable');
    expect(C32(dataOf(around())).verdict).toBe('unverifiable');
  });
});

describe('C34: alpha is a warrant, not a circulating token', () => {
  test('partly supported by the April 2025 code: a stake record that can still change hands', () => {
    const r = C34(citedData());
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('transfer_stake');
  });
  test('partly supported with the chain’s dTAO runtime on the date', () => {
    const r = C34(dataOf(around({ specVersion: 261 })));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[2].value).toBe('261');
  });
  test('unverifiable before dTAO: there was no alpha', () =>
    expect(C34(dataOf(around({ specVersion: 219 }))).verdict).toBe('unverifiable'));
});

describe('C35: owners lift prices by announcing buybacks', () => {
  test('unverifiable: announcements are off chain and daily reads hold no stake events', () => {
    expect(C35(citedData()).verdict).toBe('unverifiable');
    expect(C35(dataOf(around())).verdict).toBe('unverifiable');
  });
});

describe('C36: the 18% owner cut', () => {
  test('partly supported by the docs’ 18% without chain data: the figure only (issue 17: it was “supported” on its figure)', () => {
    const r = C36(citedData());
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('Only the 18% is tested');
    expect(r.evidence.map((e) => e.value)).toEqual(['18.0%', '18.0%']);
  });
  test('contradicted if the cited figure said otherwise', () => {
    const ref = editedReference((x) => (x.figures.find((f) => f.id === 'default-owner-cut')!.value = '0.1'));
    expect(C36(citedData(ref)).verdict).toBe('contradicted');
  });
  test('unverifiable with neither a chain read nor a cited figure', () => {
    const ref = editedReference((x) => (x.figures = x.figures.filter((f) => f.id !== 'default-owner-cut')));
    expect(C36(citedData(ref)).verdict).toBe('unverifiable');
  });
  test('partly supported by SubnetOwnerCut = 11796/65535 on chain: the holding half is untested', () => {
    const r = C36(dataOf(around()));
    expect(r.verdict).toBe('partly supported');
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
  /** Daily reads from dTAO to after the article: 1 TAO injected a block; Σ PendingRootDivs = pending(i) TAO (root gets 2 × pending / 361 a block). */
  const flows = (pending: (i: number) => number, n = 67, spec = 261) =>
    dataOf(
      daysFrom('2025-02-13', n, (i) => ({
        issuedTao: 8_000_000 + i * 7200,
        stakedTao: 6_000_000,
        rootTao: 5_800_000,
        taoInEmission: 1,
        pendingRootDivs: pending(i),
        specVersion: i < 63 ? spec : 300,
      })),
    );
  /** Pending balance that makes root's share exactly `share` of the block's TAO. */
  const forShare = (share: number) => (share * EPOCH_CYCLE_BLOCKS) / 2;
  test('unverifiable without daily reads; the author’s reading and the fair point are in the reason', () => {
    const r = C38(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[1].value).toBe('33.3%');
    expect(r.evidence.at(-1)?.value).toBe('41.0%');
    expect(r.reason).toContain('a share of emission in TAO');
    expect(r.reason).toContain('No protocol parameter equals one third');
    expect(r.reason).not.toContain('mixes units');
  });
  test('supported when root was paid about a third of the TAO emitted', () => {
    // the fixture stores whole TAO: 60 TAO pending is 2 × 60 / 361 = 33.2% of a block's 1 TAO
    const r = C38(flows(() => 60));
    expect(r.verdict).toBe('supported');
    expect(r.evidence.find((e) => e.label.startsWith('… as a share'))?.value).toBe(
      `${((200 * 60) / EPOCH_CYCLE_BLOCKS).toFixed(1)}%`,
    );
  });
  test('contradicted when root was paid more than the band allows (over 40%)', () => {
    const r = C38(flows(() => forShare(0.45)));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('more than the article’s “up to one third”');
  });
  test('two-sided: contradicted when the period’s share is well under a third', () => {
    const r = C38(flows(() => forShare(0.1)));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('well under one third');
  });
  test('one day never decides it: a day at a third in a period at 15% is still contradicted (issue 17, M3)', () => {
    const r = C38(flows((i) => forShare(i === 30 ? 0.34 : 0.15)));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('No single day decides it');
  });
  test('at the bounds: 26.7% and 40% are inside, just beyond them is not (whole TAO pending: 48 → 26.6%, 49 → 27.1%, 72 → 39.9%, 73 → 40.4%)', () => {
    expect(forShare(C38_BOUNDS.low)).toBeGreaterThan(48);
    expect(forShare(C38_BOUNDS.low)).toBeLessThan(49);
    expect(forShare(C38_BOUNDS.high)).toBeGreaterThan(72);
    expect(forShare(C38_BOUNDS.high)).toBeLessThan(73);
    expect(C38(flows(() => 48)).verdict).toBe('contradicted');
    expect(C38(flows(() => 49)).verdict).toBe('supported');
    expect(C38(flows(() => 72)).verdict).toBe('supported');
    expect(C38(flows(() => 73)).verdict).toBe('contradicted');
  });
  test('judged at the article’s date: reads after it (another runtime, other values) do not change the verdict', () => {
    const april = C38(flows(() => forShare(0.33)));
    const longer = C38(flows((i) => (i < 63 ? forShare(0.33) : 5_000), 400));
    expect(longer.verdict).toBe(april.verdict);
    expect(longer.reason).toBe(april.reason);
  });
  test('days of a runtime that did not sell root’s alpha (before dTAO) are not counted', () => {
    expect(C38(flows(() => forShare(0.33), 67, 219)).verdict).toBe('unverifiable');
  });
});
