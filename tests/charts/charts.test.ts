/** Every chart renders to SVG from each fixture at each build-time width, with its accessible label, matching its committed expected SVG. */
import { describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { WIDTHS } from '../../src/charts/spec.ts';
import { renderSvg } from '../../src/charts/ssr.ts';
import { chartCaption, chartDescription } from '../../src/charts/text.ts';
import { NO_CHAIN_READS } from '../../src/charts/time-marks.ts';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import type { AnyChartDef, ChartData } from '../../src/charts/types.ts';
import { dtaoSnapshot, reference } from '../fixtures/snapshots.ts';
import { matchExpectedSvg } from '../helpers/expected-svg.ts';
import { finneyHistory } from '../fixtures/finney-history.ts';
import type { TimeRow } from '../../src/charts/time-rows.ts';

const fixtures: Record<string, () => ChartData> = {
  synthetic: () => ({ snapshot: dtaoSnapshot(), reference: reference() }),
  cited: () => ({ snapshot: citedSnapshot(reference(), '2026-01-01T00:00:00.000Z'), reference: reference() }),
};
const layouts = Object.entries(WIDTHS) as Array<[string, number]>;

/**
 * A chart's SVG with its default options from a fixture at a width, drawn once and read by every test that asks for
 * it (the expected-SVG comparison below shows it is the same at each draw); each draw from fresh fixture data.
 */
const drawn = new Map<string, string>();
const defaultSvg = (chart: AnyChartDef, fixture: string, width: number) => {
  const key = `${chart.id} ${fixture} ${width}`;
  let svg = drawn.get(key);
  if (svg === undefined) drawn.set(key, (svg = renderSvg(chart, fixtures[fixture](), {}, width)));
  return svg;
};

describe.each(Object.values(CHARTS))('chart $id', (chart) => {
  test.each(Object.keys(fixtures).flatMap((f) => layouts.map(([name, width]) => [f, name, width] as const)))(
    'renders from the %s fixture, %s layout',
    (fixture, name, width) => {
      const svg = defaultSvg(chart, fixture, width);
      expect(svg).toMatch(/^<svg[^>]* role="img"/);
      expect(svg).toContain(`width="${width}"`);
      expect(svg).toContain(`aria-label="${chart.title}"`);
      expect(svg).toContain(`aria-describedby="chart-${chart.id}-desc"`);
      expect(svg.match(/aria-label=/g)).toHaveLength(1); // marks carry data-mark, not ARIA names
      const result = matchExpectedSvg(`${chart.id}-${fixture}${name === 'wide' ? '' : `-${name}`}`, svg);
      expect(result, result.ok ? '' : result.message).toEqual({ ok: true });
    },
  );

  test('text is 11 px or more: the chart sets no smaller font size', () => {
    for (const fixture of ['synthetic', 'cited'])
      for (const [, width] of layouts) {
        const sizes = [...defaultSvg(chart, fixture, width).matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
      }
  });

  test('rows carry provenance: a block and item, or a citation URL', () => {
    const { snapshot, reference: ref } = fixtures.synthetic();
    for (const r of chart.rows({ snapshot, reference: ref }))
      expect(
        r.origin === 'synthetic' || r.origin === 'chain'
          ? r.block !== null && r.item !== null
          : r.url !== null || r.origin === 'computed',
        JSON.stringify(r),
      ).toBe(true);
  });

  test('every control value renders at both widths', () => {
    const data = fixtures.synthetic();
    for (const c of chart.controls)
      for (const v of c.values)
        for (const [, width] of layouts) expect(renderSvg(chart, data, { [c.name]: v }, width)).toContain('<svg');
  });

  test('the caption names no chain reads where the build has none, and names the chain line where it has', () => {
    const withReads = fixtures.synthetic();
    const without = fixtures.cited();
    expect(chartCaption(chart, without)).not.toMatch(
      /blue line|what daily chain reads give|Square: the sudo key|Dots: root/,
    );
    expect(chartCaption(chart, withReads)).not.toMatch(/No chain reads/);
  });
});

describe('charts without chain reads say so in their frame', () => {
  test.each(['issuance', 'staking-ratio', 'staked-liquid', 'root-stake', 'governance-power', 'subnet-pools'])(
    '%s',
    (id) => {
      const svg = defaultSvg(CHARTS[id], 'cited', WIDTHS.narrow).replace(/<\/tspan><tspan[^>]*>/g, ' ');
      expect(svg.replace(/<[^>]+>/g, '')).toContain(NO_CHAIN_READS);
      expect(defaultSvg(CHARTS[id], 'synthetic', WIDTHS.narrow)).not.toContain('No chain reads');
    },
  );
});

describe('a chart with views describes only the view it draws', () => {
  const data = () => fixtures.synthetic();
  test('subnet-pools: the count view (the build’s) does not describe the pools, nor the pools view the count', () => {
    const def = CHARTS['subnet-pools'];
    const count = { caption: chartCaption(def, data()), description: chartDescription(def, data()) };
    const pools = {
      caption: chartCaption(def, data(), { view: 'pools', range: 'since-dtao' }),
      description: chartDescription(def, data(), { view: 'pools', range: 'since-dtao' }),
    };
    expect(count.caption).toMatch(/TotalNetworks/);
    expect(count.caption).not.toMatch(/deepest first/);
    expect(count.description).toMatch(/^The number of subnets \(root included\) went from/);
    expect(count.description).not.toMatch(/pools held/);
    expect(pools.caption).toMatch(/for each subnet at the snapshot’s head block, deepest first\.$/);
    expect(pools.caption).not.toMatch(/TotalNetworks|Dates shown/);
    expect(pools.description).toMatch(/^At block [\d,]+ the deepest of \d+ pools held/);
    expect(pools.description).not.toMatch(/number of subnets|Dates shown/);
    // the count view keeps the range note
    expect(chartCaption(def, data(), { view: 'count', range: 'since-dtao' })).toMatch(/Dates shown: since dTAO/);
  });

  test('staked-liquid: as shares, the caption names no supply figures (amounts are not drawn)', () => {
    const def = CHARTS['staked-liquid'];
    for (const data of [fixtures.synthetic(), fixtures.cited()]) {
      expect(chartCaption(def, data)).toMatch(/Diamonds: the article’s supply figures/);
      expect(chartCaption(def, data)).not.toMatch(/tao\b/); // the token is TAO
      expect(chartCaption(def, data, { stack: 'shares' })).not.toMatch(/Diamonds|Circles/);
    }
    expect(chartCaption(def, fixtures.synthetic(), { stack: 'shares' })).toMatch(
      /the top is all of issued TAO \(100%\)/,
    );
  });

  test('pool-flows: the description follows the period shown', () => {
    const def = CHARTS['pool-flows'];
    const toArticle = chartDescription(def, data());
    const toLatest = chartDescription(def, data(), { period: 'to-latest' });
    expect(toArticle).toMatch(/From dTAO to 2025-04-17 the chain gives/);
    expect(toLatest).toMatch(/From dTAO to \d{4}-\d{2}-\d{2} the chain gives/);
    expect(toLatest).not.toBe(toArticle);
  });
});

describe('staking-ratio on the Finney history model (tests/fixtures/finney-history.ts)', () => {
  // Finney's genesis never wrote TotalStake (genesis_build at c88a3724), so until spec 133 the counter left out the
  // genesis stake and TotalStake / TotalIssuance read from 0%: those days are a grey band, not part of the line.
  // solved once for the describe (the model is a pure function of its options)
  let history: ReturnType<typeof finneyHistory> | undefined;
  const data = () => (history ??= finneyHistory({ until: '2025-06-30' }));
  test('the days before spec 133 are listed but drawn as an unusable band, not as the line', () => {
    const def = CHARTS['staking-ratio'];
    const rows = def.rows(data());
    const bad = rows.filter((r: TimeRow) => r.series.includes('unusable'));
    expect(bad[0].date).toBe('2023-03-20');
    expect(bad.at(-1)?.date).toBe('2023-10-02');
    expect(bad[0].value).toBe(0);
    expect(chartCaption(def, data())).toMatch(/Grey band: the 197 days from 2023-03-20 to 2023-10-02, before spec 133/);
    // the description's range is the usable days' only: it would say 0.0% otherwise
    expect(chartDescription(def, data())).toMatch(/ranged from 69\.\d% \(2025-02-14\) to 82\.5% \(2024-06-24\)/);
    const svg = renderSvg(def, data(), {}, WIDTHS.wide);
    expect(svg).toMatch(/<g data-mark="rect" fill-opacity="0.25" fill="#999999"><rect /);
    // the break that ends the range is keyed as the end of the unusable days, not as a step of the counter
    const marks = def.plot(rows, {}, data(), { width: WIDTHS.wide }).annotations?.markers ?? [];
    expect(marks.find((m) => m.href === 'methodology/#break-total-stake-fixed-v2')?.label).toBe(
      'unusable until here: TotalStake left out the genesis stake',
    );
    expect(
      marks.filter((m) => m.kind === 'break' && !m.label.startsWith('unusable until here: ')).length,
    ).toBeGreaterThan(0); // the other breaks are keyed as steps of the counter
    const result = matchExpectedSvg('staking-ratio-history', svg);
    expect(result, result.ok ? '' : result.message).toEqual({ ok: true });
  });
  test('staked-liquid: the same days are listed but drawn as the band, not stacked as staked and liquid TAO', () => {
    const def = CHARTS['staked-liquid'];
    const rows = def.rows(data());
    const bad = rows.filter((r: TimeRow) => r.series.includes('unusable'));
    expect(bad.filter((r) => r.series.startsWith('Staked'))).toHaveLength(197);
    expect(bad[0].date).toBe('2023-03-20');
    expect(bad.at(-1)?.date).toBe('2023-10-02');
    expect(chartCaption(def, data())).toMatch(/Grey band: the 197 days from 2023-03-20 to 2023-10-02, before spec 133/);
    // the description starts on the first usable day, not on a staked amount of 0
    expect(chartDescription(def, data())).toMatch(
      /^From [\d.]+M TAO staked and [\d.]+M TAO liquid \(\d+\.\d% staked\) on 2023-10-0[3-9]/,
    );
    for (const stack of ['amounts', 'shares']) {
      const svg = renderSvg(def, data(), { stack }, WIDTHS.wide);
      expect(svg).toMatch(/<g data-mark="rect" fill-opacity="0.25" fill="#999999"><rect /);
      if (stack === 'amounts') {
        const result = matchExpectedSvg('staked-liquid-history', svg);
        expect(result, result.ok ? '' : result.message).toEqual({ ok: true });
      }
    }
  });
});
