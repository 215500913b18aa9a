/** The built site: pages exist, charts are inline SVG with accessible labels, data files carry provenance. */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFile } from '../helpers/dist.ts';
import { SERIES_BREAKS } from '../../src/data/breaks.ts';
import { runtimeChangeRows } from '../../src/data/runtime-changes.ts';

const page = (path: string) => parseHTML(distFile(path)).document;

describe('built site', () => {
  test('home, essay and data pages exist and show the data kind and as-of', () => {
    for (const path of ['index.html', 'essays/staking/index.html', 'data/index.html', 'claims/index.html']) {
      const doc = page(path);
      expect(doc.querySelector('.data-badge')?.textContent, path).toMatch(/Cited figures only|Chain data|SYNTHETIC/);
      expect(doc.querySelector('.data-badge')?.textContent, path).toContain('as of');
    }
  });

  test('an essay holds its charts as inline SVG with an accessible label and description', () => {
    const doc = page('essays/staking/index.html');
    const figure = doc.querySelector('figure[data-chart="staking-ratio"]');
    expect(figure).not.toBeNull();
    const svg = figure?.querySelector('.chart-plot > svg');
    expect(svg?.getAttribute('aria-label')).toBe('Share of issued TAO that is staked');
    expect(svg?.getAttribute('role')).toBe('img');
    const desc = doc.getElementById(svg?.getAttribute('aria-describedby') ?? '');
    expect(desc?.textContent?.length).toBeGreaterThan(40);
    expect(figure?.querySelector('.chart-caption')?.textContent).toMatch(/as of/);
    expect(figure?.querySelector('a[href$="data/charts/staking-ratio.csv"]')).not.toBeNull();
  });

  test('a corrected claim links to its entry on the corrections page, under the site base', () => {
    const essay = page('essays/root-exodus/index.html');
    const link = essay.querySelector('#claim-C30 a.corrected');
    expect(link?.textContent).toBe('corrected 2026-11-27');
    const href = link?.getAttribute('href') ?? '';
    expect(href).toMatch(/^(\/[^/]+)*\/corrections\/#correction-C30-2026-11-27$/);
    expect(page('corrections/index.html').getElementById('correction-C30-2026-11-27')).not.toBeNull();
    expect(essay.querySelector('#claim-C27 a.corrected')).toBeNull(); // C27 has no entry
  });

  test('the methodology keeps an anchor per break and derives its runtime-changes table (no hand-typed rows)', () => {
    const doc = page('methodology/index.html');
    for (const b of SERIES_BREAKS) expect(doc.getElementById(`break-${b.id}`), b.id).not.toBeNull();
    const rows = [...doc.querySelectorAll('#runtime-changes tbody tr')];
    expect(rows.map((r) => r.getAttribute('id'))).toEqual(runtimeChangeRows().map((r) => `spec-${r.spec}`));
    // spec 334: the series table's removals and the breaks table's row, linked
    const r334 = doc.getElementById('spec-334');
    expect(r334?.querySelector('a[href="#series-pendingRootDivs"]')?.textContent).toBe('SubtensorModule.PendingRootDivs');
    expect(r334?.querySelector('a[href="#break-root-claim-334"]')).not.toBeNull();
  });

  test('Japanese text is marked lang="ja"', () => {
    const doc = page('essays/staking/index.html');
    const ja = [...doc.querySelectorAll('.para .ja')];
    expect(ja.length).toBeGreaterThan(0);
    for (const p of ja) expect(p.getAttribute('lang')).toBe('ja');
  });

  test('chart downloads hold exactly the rows the chart plots, with provenance', () => {
    const json = JSON.parse(distFile('data/charts/issuance.json'));
    const csv = distFile('data/charts/issuance.csv').trim().split('\n');
    expect(csv).toHaveLength(json.rows.length + 1);
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['date', 'series', 'value', 'origin', 'block', 'item', 'url']));
    for (const r of json.rows) expect(r.url ?? r.item, JSON.stringify(r)).toBeTruthy();
  });

  test('the browser bundle leaves zod out (validation happens at build time)', () => {
    for (const f of readdirSync(join(DIST, '_astro')).filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(DIST, '_astro', f), 'utf8'), f).not.toContain('_zod');
  });

  test('only pages with charts load the chart script', () => {
    expect(distFile('essays/staking/index.html')).toMatch(/<script type="module" src="[^"]+\.js">/);
    expect(distFile('claims/index.html')).not.toMatch(/<script type="module"/);
  });
});
