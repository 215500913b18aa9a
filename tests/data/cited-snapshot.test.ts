/** A cited figure is drawn on a chain series only when it is the same measure as the series. */
import { describe, expect, test } from 'vitest';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import { reference } from '../fixtures/snapshots.ts';

describe('cited figures on chain series', () => {
  test('no "circulating supply" figure is linked to a series: circulating supply is not SubtensorModule.TotalIssuance', () => {
    const linked = reference().figures.filter((f) => f.field && /circulat|流通/i.test(`${f.id} ${f.label}`));
    expect(linked.map((f) => `${f.id} (field ${f.field})`)).toEqual([]);
  });

  test('the exchange figure stays a cited figure, and a cited-figures snapshot has no current issuance', () => {
    const ref = reference();
    const mexc = ref.figures.find((f) => f.id === 'circulating-jan-2026');
    expect(mexc).toMatchObject({ value: '10640000000000000', unit: 'rao', source: { ref: 'mexc-tao-tokenomics' } });
    expect(mexc?.field).toBeUndefined();
    const s = citedSnapshot(ref, '2026-01-01T00:00:00.000Z');
    expect(s.current.totalIssuance).toBeUndefined();
    expect(
      s.series.filter((p) => p.source?.kind === 'cited' && 'ref' in p.source && p.source.ref === 'mexc-tao-tokenomics'),
    ).toEqual([]);
  });
});
