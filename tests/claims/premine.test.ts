import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OTHER_CODE } from '../../src/claims/code.ts';
import { breaksCrossed } from '../../src/model/breaks.ts';
import { C05, C06, C07, C08, C09, C10 } from '../../src/claims/verdicts/premine.ts';
import { dataOf, editedReference, point, citedData, snapshotOf } from '../fixtures/snapshots.ts';

/** Issuance read on the subnet launch day and on the article's date. */
const issued = (atLaunch: number, atArticle: number) =>
  dataOf(
    snapshotOf([
      point({ date: '2023-10-02', issuedTao: atLaunch, stakedTao: atLaunch * 0.8 }, 0),
      point({ date: '2025-04-17', issuedTao: atArticle, stakedTao: atArticle * 0.7 }, 80),
    ]),
  );

describe('C05: Kusanagi launched on 3 January 2021', () => {
  test('supported by the cited history (no chain can reach Kusanagi)', () => {
    const r = C05(citedData());
    expect(r.verdict).toBe('supported');
    expect(r.evidence.map((e) => e.value)).toEqual(['2021-01-03', '2021-01-03', '546k TAO']);
  });
  test('contradicted if the cited history gave another date', () => {
    const ref = editedReference((x) => (x.events.find((e) => e.id === 'kusanagi')!.date = '2021-01-15'));
    const r = C05(citedData(ref));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('2021-01-15');
  });
  test('unverifiable without a cited date', () => {
    const ref = editedReference((x) => (x.events = x.events.filter((e) => e.id !== 'kusanagi')));
    expect(C05(citedData(ref)).verdict).toBe('unverifiable');
  });
});

describe('C06: 5.38M TAO mined before subnets', () => {
  test('unverifiable without chain data', () => expect(C06(citedData()).verdict).toBe('unverifiable'));
  test('supported within 3%', () => {
    const r = C06(issued(5_400_000, 8_610_000));
    expect(r.verdict).toBe('supported');
    expect(r.evidence[1].value).toBe('5.4M TAO');
  });
  test('contradicted beyond 3%', () => expect(C06(issued(5_000_000, 8_610_000)).verdict).toBe('contradicted'));
});

describe('C07: no record of the early distribution', () => {
  test('unverifiable: the Finney months’ rules are public code, the earlier chains’ are not read here', () => {
    const r = C07(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[0].sources[0]).toEqual(OTHER_CODE.finneyEpoch);
    expect(r.reason).toContain('546k TAO carried from Kusanagi to Nakamoto');
    expect(r.reason).toContain('Only pre-Finney records');
  });
  test('with the chain’s issuance at the subnet launch, still unverifiable, and the Finney part is quantified', () => {
    const s = snapshotOf([
      point({ date: '2023-03-20', issuedTao: 4_000_000, stakedTao: 3_000_000 }, 0),
      point({ date: '2023-10-02', issuedTao: 5_380_000, stakedTao: 4_300_000 }, 60),
    ]);
    const r = C07(dataOf(s));
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('1.38M TAO of the 5.38M TAO issued by 2023-10-02');
  });
});

describe('C07 on Finney’s months before subnets: the split between subnets was the sudo key’s (issue 17, M6)', () => {
  test('the reason says what is public and what was discretionary, citing the launch code', () => {
    const r = C07(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('sudo_set_emission_values');
    expect(r.reason).toContain('sudo_add_network');
    expect(r.reason).toMatch(/public is the payouts and balances/);
    expect(r.reason).toMatch(/discretionary is the split between subnets/);
    const cited = r.evidence.flatMap((e) => e.sources);
    for (const c of [
      OTHER_CODE.finneySudoEmission,
      OTHER_CODE.finneySetEmissionValues,
      OTHER_CODE.finneyGenerateEmission,
      OTHER_CODE.finneySudoAddNetwork,
    ])
      expect(cited).toContainEqual(c);
    expect(OTHER_CODE.finneySudoEmission.url).toContain(
      'c88a37247b9c018825a7e1980c7cfaeb751764df/pallets/subtensor/src/lib.rs#L1202',
    );
  });
  test('the conclusion does not call the distribution rule documented while C07 is unverifiable', () => {
    const text = readFileSync('content/essays/conclusion.mdx', 'utf8');
    expect(C07(citedData()).verdict).toBe('unverifiable');
    expect(text).not.toMatch(/distribution rule is documented/);
    expect(text).toMatch(/sudo key set each subnet's share/);
  });
});

describe('C08: VC backing means insiders got the early TAO', () => {
  test('unverifiable with or without chain data: ownership is not in the data', () => {
    expect(C08(citedData()).verdict).toBe('unverifiable');
    const r = C08(issued(5_380_000, 8_610_000));
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[1].value).toBe('5.38M TAO');
  });
});

describe('C09: 5.38M / 8.61M = 62.5%', () => {
  test('unverifiable without chain data, with the arithmetic recomputed', () => {
    const r = C09(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence[2].value).toBe('62.49%');
  });
  test('partly supported when the chain’s supply matches: the share is arithmetic, ownership is not', () => {
    const r = C09(issued(5_380_000, 8_610_000));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence.find((e) => e.label === 'Share issued before subnets, from the chain')?.value).toBe('62.5%');
    // the two reads straddle the 2024 recomputation of TotalIssuance: named in the reason and the evidence
    for (const b of breaksCrossed('totalIssuance', '2023-10-02', '2025-04-17')) {
      expect(r.reason).toContain(b.id);
      expect(r.evidence.some((e) => e.value === b.id)).toBe(true);
    }
    expect(breaksCrossed('totalIssuance', '2023-10-02', '2025-04-17').length).toBeGreaterThan(0);
  });
  test('contradicted when the supply matches but the chain’s pre-subnet share is far from 62.5% (issue 17: the match was asserted, never checked)', () => {
    // 4.8M of 8.61M is 55.7%, 11% away from 62.5%
    const r = C09(issued(4_800_000, 8_610_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('55.7%');
    expect(r.reason).not.toContain('close to');
  });
  test('contradicted when the chain’s supply at the time differs by more than 3%', () => {
    const r = C09(issued(5_380_000, 9_000_000));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('9,000,000 TAO');
  });
});

describe('C10: validator operations raise the insiders’ share', () => {
  test('unverifiable: delegated stake belongs to its delegators, and the data hold no operator identities', () => {
    expect(C10(citedData()).verdict).toBe('unverifiable');
    expect(C10(issued(5_380_000, 8_610_000)).verdict).toBe('unverifiable');
  });
});
