import { describe, expect, test } from 'vitest';
import { C27, C28, C29, C30 } from '../../src/claims/verdicts/root-exodus.ts';
import type { Day } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, editedReference, citedData } from '../fixtures/snapshots.ts';
import { CODE } from '../../src/claims/code.ts';

/** Daily reads from dTAO (2025-02-13) to 2025-04-20; i = days since dTAO. */
const sinceDtao = (day: (i: number) => Partial<Day>) =>
  dataOf(daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 6_000_000, ...day(i) })));
/** Root stake falling linearly from `start` by `drop` TAO between dTAO and 2025-04-17 (63 days). */
const root = (start: number, drop: number) => sinceDtao((i) => ({ rootTao: start - (drop * i) / 63 }));

describe('C27: 450k TAO injected into pools since dTAO', () => {
  test('unverifiable without chain data; the schedule is in the reason', () => {
    const r = C27(citedData());
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
    expect(
      C27(dataOf(daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 9000, stakedTao: 1 })))).verdict,
    ).toBe('contradicted');
  });
  test('unverifiable when an upgrade between the reads recomputed TotalIssuance (issue 17: the fallback ignored the resets)', () => {
    // 7,200 a day plus a 60k step at an upgrade (spec 233 -> 261) on day 30: the growth is not all emission
    const s = daysFrom('2025-02-13', 67, (i) => ({
      issuedTao: 8_000_000 + i * 7200 + (i >= 30 ? 60_000 : 0),
      stakedTao: 1,
      specVersion: i >= 30 ? 261 : 233,
    }));
    const r = C27(dataOf(s));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('total-issuance-recomputed-every-upgrade');
    expect(r.evidence.some((e) => e.value === 'total-issuance-recomputed-every-upgrade')).toBe(true);
  });
  test('unverifiable when issuance grew by less: recycled TAO could make up the gap', () => {
    const r = C27(dataOf(daysFrom('2025-02-13', 67, (i) => ({ issuedTao: 8_000_000 + i * 3000, stakedTao: 1 }))));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('net of recycled TAO');
  });
});

describe('C28: 150k TAO (33%) to root by auto-sell', () => {
  test('unverifiable without chain data, with the article’s ratio recomputed', () => {
    const r = C28(citedData());
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
  test('unverifiable without chain data', () => expect(C29(citedData()).verdict).toBe('unverifiable'));
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
  test('unverifiable without chain data: the article’s arithmetic holds if its 5.71M is the stakers’ root stake', () => {
    const r = C30(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence.slice(0, 6).map((e) => e.value)).toEqual([
      '300k TAO',
      '150,000 TAO',
      '300,000 TAO',
      'increase_stake_for_hotkey_on_subnet(hotkey, root, …)',
      'share pool only',
      '$233 per TAO',
    ]);
    expect(r.evidence[3].sources[0]).toEqual(CODE.rootDivsCredited);
    expect(r.reason).toContain('5.86M + 150k credited − 5.71M = 300,000 TAO');
  });
  test('the stakers’ reading is the article’s own figures: 5.86M + 150k − 5.71M', () => {
    // move the article's credited 150k: reading 2 moves with it, reading 1 does not
    const ref = editedReference((x) => {
      const f = x.figures.find((g) => g.id === 'article-root-autosell')!;
      f.value = '100000000000000';
    });
    const r = C30(citedData(ref));
    expect(r.evidence[1].value).toBe('150,000 TAO');
    expect(r.evidence[2].value).toBe('250,000 TAO');
  });
  test('partly supported if SubnetTAO[0] fell by 300k (the amount holds, the exchanges do not)', () => {
    const r = C30(root(5_860_000, 300_000));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence.at(-1)?.value).toBe('−300k TAO');
    expect(r.reason).toContain('Liquidated on exchanges” is unsupported');
  });
  test('partly supported within the article’s rounding: a fall of 285k', () =>
    expect(C30(root(5_860_000, 285_000)).verdict).toBe('partly supported'));
  test('contradicted when SubnetTAO[0] fell by 150k: the article read the counter (reading 1)', () => {
    const r = C30(root(5_860_000, 150_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('the 150k of reading 1');
    expect(r.reason).toContain('matches the article’s 5.71M to its rounding');
  });
  test('contradicted when the fall is neither 300k nor 150k', () => {
    const r = C30(root(5_860_000, 220_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('neither');
  });
  test('unverifiable when the two reads straddle the spec-283 fix of SubnetTAO[0], which it names', () => {
    const ref = editedReference((x) => {
      x.figures.find((g) => g.id === 'article-root-stake-after')!.asOf = '2025-07-10';
    });
    const s = daysFrom('2025-02-13', 160, (i) => ({
      issuedTao: 8_000_000 + i * 7200,
      stakedTao: 6_000_000,
      rootTao: 5_860_000 - i * 2000,
    }));
    const r = C30(dataOf(s, ref));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('root-divs-outside-subnet-tao');
    expect(r.evidence.some((e) => e.value === 'root-divs-outside-subnet-tao')).toBe(true);
  });
  test('an April 2025 verdict does not change with reads after the article', () => {
    const a = root(5_860_000, 300_000);
    const longer = daysFrom('2025-02-13', 300, (i) => ({
      issuedTao: 8_000_000 + i * 7200,
      stakedTao: 6_000_000,
      rootTao: i <= 66 ? 5_860_000 - (300_000 * i) / 63 : 1_000_000,
    }));
    expect(C30(dataOf(longer)).verdict).toBe(C30(a).verdict);
    expect(C30(dataOf(longer)).reason).toBe(C30(a).reason);
  });
});

describe('C29 discloses what SubnetTAO[0] left out', () => {
  test('names the root-dividend gap with and without chain data', () => {
    expect(C29(citedData()).evidence.some((e) => e.value === 'root-divs-outside-subnet-tao')).toBe(true);
    const r = C29(root(5_860_000, 150_000));
    expect(r.reason).toContain('left out the root dividends credited to stakers');
  });
});
