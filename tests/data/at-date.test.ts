/** The data as they stood on a date (src/data/at-date.ts): what the claim pages judge "as of the article" from. */
import { describe, expect, test } from 'vitest';
import { dataAt, snapshotAt } from '../../src/data/at-date.ts';
import { citedData, dtaoSnapshot } from '../fixtures/snapshots.ts';
import { DTAO_FIRST_BLOCK, finneyHistory } from '../fixtures/finney-history.ts';

describe('snapshotAt', () => {
  const s = dtaoSnapshot();
  const cut = snapshotAt(s, '2025-04-17');

  test('keeps the daily series up to the date, and makes its last chain point the head', () => {
    expect(s.series.at(-1)!.date > '2025-04-17').toBe(true);
    expect(cut.series.at(-1)!.date).toBe('2025-04-17');
    expect(cut.series).toEqual(s.series.filter((p) => p.date <= '2025-04-17'));
    const last = cut.series.at(-1)!;
    expect(cut.head).toEqual({
      number: last.block,
      hash: last.hash,
      timestamp: '2025-04-17T00:00:00.000Z',
      specVersion: last.specVersion,
    });
  });

  test('drops the values read only at the later head; keeps cited values, which carry no block', () => {
    expect(Object.keys(s.current).length).toBeGreaterThan(0);
    expect(cut.current).toEqual({});
    const cited = { value: '0.18', unit: 'ratio' as const, source: citedData().snapshot.current.taoWeight!.source };
    expect(snapshotAt({ ...s, current: { taoWeight: cited } }, '2025-04-17').current).toEqual({ taoWeight: cited });
    const gov = {
      block: s.head!.number,
      hash: s.head!.hash,
      sudoKey: null,
      triumvirate: null,
      senate: null,
      authorities: null,
    };
    expect(snapshotAt({ ...s, governance: gov }, '2025-04-17').governance).toBeNull();
    expect(snapshotAt({ ...s, governance: gov }, '2030-01-01').governance).toEqual(gov);
  });

  test('a date after the head changes nothing; cited data keep their null head', () => {
    expect(snapshotAt(s, '2030-01-01')).toEqual(s);
    const cited = citedData();
    const c = dataAt(cited, '2025-04-17').snapshot;
    expect(c.head).toBeNull();
    expect(c.series.every((p) => p.date <= '2025-04-17')).toBe(true);
    expect(dataAt(cited, '2025-04-17').reference).toBe(cited.reference);
  });

  test('keeps a recorded upgrade up to the date, not one after it', () => {
    const h = finneyHistory({ until: '2025-06-30' }).snapshot;
    expect(h.upgrades.map((u) => u.firstBlock)).toEqual([DTAO_FIRST_BLOCK]);
    expect(snapshotAt(h, '2025-04-17').upgrades).toEqual(h.upgrades);
    expect(snapshotAt(h, '2025-02-13').upgrades).toEqual([]); // the last point read is the first block of 2025-02-13
  });
});
