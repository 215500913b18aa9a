/**
 * Caveats (open subtensor reports of wrong values in a counter, rows of kind `caveat` in src/model/breaks.ts) appear in
 * the key of every chart whose rows read the affected item, and of no other; the pool-flows bars list the series
 * breaks they cross (issue 17: the "to-latest" view ignored them).
 */
import { describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { keyHtml } from '../../src/charts/key.ts';
import { WIDTHS } from '../../src/charts/spec.ts';
import { renderStatic } from '../../src/charts/ssr.ts';
import { SERIES_BREAKS } from '../../src/model/breaks.ts';
import { SERIES_FIELDS } from '../../src/model/series.ts';
import { SUBNET_ITEMS } from '../../src/model/columns.ts';
import { daysFrom, dtaoSnapshot, reference } from '../fixtures/snapshots.ts';

const caveats = SERIES_BREAKS.filter((b) => b.kind === 'caveat');
/** The bare storage item names of a caveat: `SubnetAlphaOut` for the column alphaOut. */
const itemsOf = (b: (typeof caveats)[number]) =>
  [...b.series.map((s) => SERIES_FIELDS[s].item), ...(b.columns ?? []).map((c) => SUBNET_ITEMS[c])].map((i) =>
    i.replace(/^.*\./, '').replace(/\[.*$/, ''),
  );

describe('caveats on the charts that read their counters', () => {
  const data = { snapshot: dtaoSnapshot(), reference: reference() };
  test('there are caveats to show (subtensor #1956 and #2274 on SubnetAlphaOut)', () =>
    expect(caveats.length).toBeGreaterThanOrEqual(2));

  test.each(Object.values(CHARTS).map((c) => [c.id, c] as const))('%s', (_id, def) => {
    const rows = def.rows(data) as Array<{ item: string | null }>;
    const { key } = renderStatic(def, data, {}, WIDTHS.wide);
    for (const b of caveats) {
      const reads = rows.some((r) => itemsOf(b).some((i) => r.item?.includes(i)));
      const shown = key.some((k) => k.kind === 'caveat' && k.href === `methodology/#break-${b.id}`);
      expect(shown, `${def.id} ${reads ? 'reads' : 'does not read'} ${itemsOf(b).join(', ')} (${b.id})`).toBe(reads);
    }
  });

  test('the emission split reads SubnetAlphaOut, so its key links each caveat to its methodology row', () => {
    const { key } = renderStatic(CHARTS['emission-split'], data, {}, WIDTHS.wide);
    const html = keyHtml(key, '/');
    for (const b of caveats) {
      expect(html).toContain(`<a href="/methodology/#break-${b.id}">${b.label.replace(/&/g, '&amp;')}</a>`);
      expect(b.issue?.url).toMatch(/^https:\/\/github\.com\/opentensor\/subtensor\/issues\/\d+$/);
    }
  });
});

describe('pool flows: the bars list the series breaks they cross', () => {
  // dTAO to 2025-09-30: the "to-latest" bars cross spec 283 to 306
  const s = daysFrom('2025-02-13', 230, (i) => ({
    issuedTao: 8_300_000 + i * 7200,
    stakedTao: 6_000_000,
    rootTao: 5_860_000 - i * 1000,
    subnetTao: 64_000 + i * 5000,
    taoInEmission: 1,
    pendingRootDivs: 300,
    specVersion: i < 137 ? 261 : 320,
  }));
  const data = { snapshot: s, reference: reference() };
  const breaksIn = (period: string) =>
    renderStatic(CHARTS['pool-flows'], data, { period }, WIDTHS.wide)
      .key.filter((k) => k.kind === 'break')
      .map((k) => k.href?.replace('methodology/#break-', ''));

  test('to the article’s date (April 2025) only the per-upgrade recomputations are crossed', () =>
    expect(breaksIn('to-article')).toEqual([
      'total-issuance-recomputed-every-upgrade',
      'total-stake-from-subnet-tao-every-upgrade',
    ]));
  test('to the latest read the root-stake, pool and issuance breaks of mid-2025 are in the key', () => {
    const ids = breaksIn('to-latest');
    for (const id of [
      'root-divs-outside-subnet-tao',
      'root-stakes-unrecorded-283',
      'excess-tao-outside-tao-in-emission-298',
      'root-tao-counters-fixed-306',
    ])
      expect(ids).toContain(id);
    const text = CHARTS['pool-flows'].describe(CHARTS['pool-flows'].rows(data), data, { period: 'to-latest' });
    expect(text).toContain('root-stakes-unrecorded-283');
  });
});
