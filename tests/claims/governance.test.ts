import { describe, expect, test } from 'vitest';
import { CODE } from '../../src/claims/code.ts';
import { C01, C02, C03, C04 } from '../../src/claims/verdicts/governance.ts';
import type { Day } from '../fixtures/snapshots.ts';
import { dataOf, daysFrom, governanceTable, citedData, ss58 } from '../fixtures/snapshots.ts';

/** Two weeks of chain reads around the article (2025-04-17), with governance sizes as given. */
const around = (g: Partial<Day>, gov?: Parameters<typeof governanceTable>[1]) => {
  const s = daysFrom('2025-04-10', 14, () => ({ issuedTao: 8_610_000, stakedTao: 6_027_000, ...g }));
  if (gov) s.governance = governanceTable(s.series.at(-1)!, gov);
  return dataOf(s);
};
const urls = (r: ReturnType<typeof C01>) =>
  r.evidence.flatMap((e) => e.sources.map((s) => (s.kind === 'cited' ? s.url : `block ${s.block}`)));

describe('C01: neither PoW nor PoS', () => {
  test('supported by the v2.0.11 runtime’s pallets without chain data', () => {
    const r = C01(citedData());
    expect(r.verdict).toBe('supported');
    expect(urls(r)).toEqual([CODE.runtimePallets.url]);
  });
  test('supported with the chain’s Aura authority count', () => {
    const r = C01(around({ authorities: 9 }));
    expect(r.verdict).toBe('supported');
    expect(r.reason).toContain('9 Aura authorities');
    expect(r.evidence[1]).toMatchObject({ value: '9' });
  });
  test('contradicted when the runtime had no Aura authority set then', () => {
    const r = C01(around({ authorities: null }));
    expect(r.verdict).toBe('contradicted');
    expect(r.evidence[1].value).toBe('absent from the runtime');
  });
});

describe('C02: a one-party chain, a black box', () => {
  test('partly supported by pallet_sudo in the runtime, without chain data', () => {
    const r = C02(citedData());
    expect(r.verdict).toBe('partly supported');
    expect(r.reason).toContain('“Black box” does not hold');
  });
  test('partly supported, naming the sudo key holder', () => {
    const r = C02(around({}, { sudo: true, senate: 12, triumvirate: 3, authorities: 9 }));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[1].value).toBe(ss58(0));
    expect(r.reason).toContain(ss58(0));
  });
  test('partly supported (April 2025 code) when a later block has no sudo key', () => {
    const r = C02(around({}, { sudo: false, senate: null, triumvirate: null, authorities: 9 }));
    expect(r.verdict).toBe('partly supported');
    expect(r.evidence[1].value).toBe('no key');
    expect(r.reason).toContain('no sudo key');
  });
});

describe('C03: Triumvirate of 3, Senate of 12', () => {
  test('unverifiable without chain data: the docs and the runtime’s caps are not members', () => {
    const r = C03(citedData());
    expect(r.verdict).toBe('unverifiable');
    expect(r.reason).toContain('caps are not members');
    expect(r.evidence.map((e) => e.value)).toEqual(['12', '3', '3 and 12', '12']);
  });
  test('supported when the chain had 12 and 3 members in April 2025', () => {
    const r = C03(around({ senate: 12, triumvirate: 3 }));
    expect(r.verdict).toBe('supported');
    expect(r.reason).toContain('a Senate of 12 and a Triumvirate of 3');
  });
  test('partly supported when one count differs', () => {
    expect(C03(around({ senate: 12, triumvirate: 2 })).verdict).toBe('partly supported');
    expect(C03(around({ senate: 9, triumvirate: 3 })).reason).toContain('a Senate of 9');
  });
  test('contradicted when neither matches, absence included', () => {
    const r = C03(around({ senate: 10, triumvirate: null }));
    expect(r.verdict).toBe('contradicted');
    expect(r.reason).toContain('no Triumvirate (the pallet was absent)');
  });
});

describe('C04: all of them are insiders', () => {
  test('unverifiable without chain data', () => {
    expect(C04(citedData()).verdict).toBe('unverifiable');
  });
  test('still unverifiable with the Senate list: addresses carry no identities', () => {
    const r = C04(around({}, { sudo: true, senate: 12, triumvirate: 3, authorities: 9 }));
    expect(r.verdict).toBe('unverifiable');
    expect(r.evidence.at(-1)).toMatchObject({ value: '12' });
    expect(r.reason).toContain('the 12 Senate addresses');
  });
});
