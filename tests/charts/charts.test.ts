/** Every chart renders to SVG from each fixture, with its accessible label, matching its committed snapshot. */
import { describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/charts/ssr.ts';
import { referenceSnapshot } from '../../src/data/reference.ts';
import type { ChartData } from '../../src/charts/types.ts';
import { dtaoSnapshot, reference } from '../fixtures/snapshots.ts';
import { matchSvgSnapshot } from '../helpers/svg-snapshot.ts';

const fixtures: Record<string, () => ChartData> = {
  synthetic: () => ({ snapshot: dtaoSnapshot(), reference: reference() }),
  reference: () => ({ snapshot: referenceSnapshot(reference(), '2026-01-01T00:00:00.000Z'), reference: reference() }),
};

describe.each(Object.values(CHARTS))('chart $id', (chart) => {
  test.each(Object.keys(fixtures))('renders from the %s fixture', (fixture) => {
    const data = fixtures[fixture]();
    const svg = renderSvg(chart, data);
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain(`aria-label="${chart.title}"`);
    expect(svg).toContain(`aria-describedby="chart-${chart.id}-desc"`);
    expect(svg.match(/aria-label=/g)).toHaveLength(1); // marks carry data-mark, not ARIA names
    const result = matchSvgSnapshot(`${chart.id}-${fixture}`, svg);
    expect(result, result.ok ? '' : result.message).toEqual({ ok: true });
  });

  test('rows carry provenance: a block and item, or a citation URL', () => {
    const { snapshot, reference: ref } = fixtures.synthetic();
    for (const r of chart.rows({ snapshot, reference: ref }))
      expect(r.origin === 'synthetic' || r.origin === 'chain' ? r.block !== null && r.item !== null : r.url !== null || r.origin === 'computed', JSON.stringify(r)).toBe(true);
  });

  test('every control value renders', () => {
    const data = fixtures.synthetic();
    for (const c of chart.controls) for (const v of c.values) expect(renderSvg(chart, data, { [c.name]: v })).toContain('<svg');
  });
});
