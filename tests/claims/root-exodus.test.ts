import { describe, expect, test } from 'vitest';
import { C27, C28, C29, C30 } from '../../src/claims/verdicts/root-exodus.ts';
import type { Day } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, referenceData } from '../fixtures/snapshots.ts';

/** Daily reads from dTAO (2025-02-13) to 2025-04-20; i = days since dTAO. */
const sinceDtao = (day: (i: number) => Partial<Day>) => dataOf(daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 6_000_000, ...day(i) })));
/** Root stake falling linearly from `start` by `drop` TAO between dTAO and 2025-04-17 (63 days). */
const root = (start: number, drop: number) => sinceDtao((i) => ({ rootTao: start - (drop * i) / 63 }));

describe('C27: 450k TAO injected into pools since dTAO', () => {
  test('unverifiable without chain data; the schedule is in the reason', () => {
    const r = C27(referenceData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('would emit 453,600 TAO');
  });
  test('supported by daily injection reads × 7,200 (1 TAO a block for 63 days)', () => {
    const r = C27(sinceDtao(() => ({ taoInEmission: 1 })));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[1].value).toBe('454k TAO');
  });
  test('contradicted by injection reads that add up to far less', () => {
    expect(C27(sinceDtao(() => ({ taoInEmission: 0.5 }))).verdict).toBe('contradicted');
  });
  test('supported by issuance growth when there are no injection reads', () => {
    const r = C27(sinceDtao(() => ({})));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[1].value).toBe('+454k TAO');
  });
  test('contradicted when issuance alone grew by more than the article says', () => {
    expect(C27(dataOf(daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 9000, stakedTao: 1 })))).verdict).toBe('contradicted');
  });
  test('unverifiable when issuance grew by less: recycled TAO could make up the gap', () => {
    const r = C27(dataOf(daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 3000, stakedTao: 1 }))));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('net of recycled TAO');
  });
});

describe('C28: 150k TAO (33%) to root by auto-sell', () => {
  test('unverifiable without chain data, with the article’s ratio recomputed', () => {
    const r = C28(referenceData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[2].value).toBe('33.3%');
  });
  test('still unverifiable with chain data: pending root dividends are a balance, not a flow', () => {
    const r = C28(sinceDtao(() => ({ pendingRootDivs: 420 })));
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[3].value).toBe('420 TAO');
    expect(r.reason).toContain('(420 TAO on 2025-04-17)');
  });
});

describe('C29: root stake fell from 5.86M to 5.71M', () => {
  test('unverifiable without chain data', () => expect(C29(referenceData()).verdict).toBe('unverifiable'));
  test('supported when the chain shows the same levels and fall', () => {
    const r = C29(root(5_860_000, 150_000));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[2].value).toBe('−150k TAO');
  });
  test('partly supported when the levels are close but the fall differs', () => {
    const r = C29(root(5_860_000, 300_000));
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('The change differs');
  });
  test('contradicted when neither the levels nor the fall match', () => {
    const r = C29(root(6_500_000, 50_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('6.5M TAO');
  });
});

describe('C30: 300k TAO left root', () => {
  test('contradicted by the article’s own figures (5.86M − 5.71M = 150k)', () => {
    const r = C30(referenceData());
    expect(r.verdict).toBe('contradicted');
    expect(r.evidence.map((e) => e.value)).toEqual(['300k TAO', '150,000 TAO', '$233 per TAO']);
  });
  test('partly supported if the chain shows a net outflow of 300k', () => {
    const r = C30(root(5_860_000, 300_000));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence.at(-1)?.value).toBe('−300k TAO');
  });
  test('contradicted when the chain’s net fall is 150k', () => {
    const r = C30(root(5_860_000, 150_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('changed by −150k TAO');
  });
});
