/**
 * Charts read on their own on a phone and a desktop (issue 10 item 2): on every chart of every essay, at 390 and
 * 1280 px, in light and dark, with JavaScript off (the build-time layouts) and on (the live render at the
 * container's width), no two text boxes intersect (each SVG <text> with its <tspan> lines, the title, the caption and the key's
 * entries), no SVG text covers a point mark (a dot or diamond) and no text is drawn under 11 px (computed font size × the SVG's scale). Run against the committed data
 * (dist/) and against a scratch build from a synthetic snapshot that fills every chart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { serve, type Served } from '../../testing/serve.ts';
import { drawCharts, fileBrowser } from '../helpers/live-site.ts';
import { syntheticBuild } from '../helpers/synthetic-build.ts';

const MIN_PX = 11;
const WIDTHS = [390, 1280];
const HEIGHT = 900;
const SCHEMES = ['light', 'dark'] as const;

/** Essay pages with at least one chart. */
function chartPages(dist: string): string[] {
  const dir = path.join(dist, 'essays');
  return readdirSync(dir)
    .filter((slug) => readFileSync(path.join(dir, slug, 'index.html'), 'utf8').includes('data-chart='))
    .map((slug) => `/essays/${slug}/`);
}

interface Problem {
  chart: string;
  problem: string;
}

/** Measure every visible chart text on the page at the width and in the colour scheme it shows (runs in the browser). */
function measure({ min, scheme, width }: { min: number; scheme: string; width: number }): Problem[] {
  type B = { text: string; r: DOMRect; size: number };
  const problems: Problem[] = [];
  if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches)
    problems.push({ chart: '(page)', problem: `the page did not switch to ${scheme}` });
  if (window.innerWidth !== width)
    problems.push({ chart: '(page)', problem: `the page is ${window.innerWidth} px wide, not ${width}` });
  const visible = (el: Element) =>
    el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden' &&
    !(el.closest('details:not([open])') && !el.closest('summary')); // a folded key's entries are not shown
  for (const fig of document.querySelectorAll<HTMLElement>('figure.chart')) {
    const chart = fig.dataset.chart ?? '?';
    const boxes: B[] = [];
    for (const svg of fig.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
      if (!visible(svg)) continue;
      const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
      for (const t of svg.querySelectorAll('text')) {
        if (t.closest('[data-mark="tip"]')) continue; // tips appear on pointer only, over the chart
        // one box per <text>: the lines (tspans) of one label are laid out by Plot one under the other
        const text = t.textContent?.trim() ?? '';
        const r = t.getBoundingClientRect();
        if (!text || r.width === 0) continue;
        const sizes = [t, ...t.querySelectorAll('tspan')].map((el) => parseFloat(getComputedStyle(el).fontSize));
        boxes.push({ text, r, size: Math.min(...sizes) * scale });
      }
    }
    // the chart's point marks (dots, diamonds), which no text may cover
    const marks: B[] = [];
    for (const svg of fig.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
      if (!visible(svg)) continue;
      for (const m of svg.querySelectorAll('g[data-mark="dot"] > *')) {
        const r = m.getBoundingClientRect();
        if (r.width > 0) marks.push({ text: `a ${m.tagName} mark`, r, size: 0 });
      }
    }
    for (const b of [...boxes])
      for (const m of marks) {
        const dx = Math.min(b.r.right, m.r.right) - Math.max(b.r.left, m.r.left);
        const dy = Math.min(b.r.bottom, m.r.bottom) - Math.max(b.r.top, m.r.top);
        if (dx > 0.5 && dy > 0.5)
          problems.push({ chart, problem: `"${b.text}" over ${m.text} (${dx.toFixed(1)} × ${dy.toFixed(1)} px)` });
      }
    for (const el of fig.querySelectorAll(
      '.chart-title, .chart-caption, .chart-key li, .chart-key-fold > summary, .chart-controls label',
    )) {
      if (!visible(el)) continue;
      boxes.push({
        text: el.textContent?.trim().slice(0, 40) ?? '',
        r: el.getBoundingClientRect(),
        size: parseFloat(getComputedStyle(el).fontSize),
      });
    }
    for (const b of boxes)
      if (b.size < min - 0.01) problems.push({ chart, problem: `"${b.text}" at ${b.size.toFixed(2)} px` });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].r, boxes[j].r];
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 0.5 && dy > 0.5)
          problems.push({
            chart,
            problem: `"${boxes[i].text}" overlaps "${boxes[j].text}" (${dx.toFixed(1)} × ${dy.toFixed(1)} px)`,
          });
      }
    const live = fig.querySelector<SVGSVGElement>('.chart-layout-live svg[role="img"]');
    const plot = fig.querySelector<HTMLElement>('.chart-plot');
    if (live && plot && Math.abs(live.width.baseVal.value - Math.floor(plot.clientWidth)) > 1)
      problems.push({
        chart,
        problem: `live chart drawn at ${live.width.baseVal.value} px in a ${plot.clientWidth} px container`,
      });
  }
  return problems;
}

/**
 * The problems of the page at `url`, loaded once and measured at each width of `widths` in each colour scheme.
 *
 * The scheme is switched on the loaded page (`emulateMedia`): that shows what a load in that scheme shows because the
 * site's dark mode is CSS only and no script reads the scheme (tests/browser/a11y.test.ts checks both), so the live
 * charts a dark load would draw are the ones drawn here. Several widths on one load are for JavaScript off only
 * (`setViewportSize`): without scripts the layout at a width is the CSS's alone, whether the page was loaded at it or
 * resized to it. With JavaScript the live renderer draws at the width of the load (and redraws on a resize, another
 * path), so each width of a live check gets a load of its own.
 */
async function check(page: Page, url: string, widths: number[], js: boolean): Promise<string[]> {
  if (js && widths.length > 1) throw new Error('a live check loads the page at each width');
  await page.setViewportSize({ width: widths[0], height: HEIGHT });
  await page.emulateMedia({ colorScheme: SCHEMES[0] });
  await page.goto(url);
  // bring each chart into view so the live renderer draws it, then wait for all of them
  if (js) await drawCharts(page);
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      const found = await page.evaluate(measure, { min: MIN_PX, scheme, width });
      problems.push(...found.map((p) => `${width}px ${scheme} ${js ? 'live' : 'static'} ${p.chart}: ${p.problem}`));
    }
  }
  return problems;
}

const chromium = fileBrowser();

const builds: Record<string, { dist: () => string; setup?: () => Promise<void> }> = {};

let synthetic: string | undefined;
builds.committed = { dist: () => DIST };
builds.synthetic = {
  dist: () => synthetic!,
  // the same build as tests/charts/preview.test.ts's: built once per run
  setup: async () => {
    synthetic = (await syntheticBuild()).dist;
  },
};

// TAOPROOF_CHART_BUILDS=committed (or synthetic) runs one of the two, e.g. while fixing a chart
const only = process.env.TAOPROOF_CHART_BUILDS?.split(',');
const chosen = Object.keys(builds).filter((b) => !only || only.includes(b));

// every chosen build is set up from the file's start (the synthetic one is an astro build in a child process), so it
// runs while the committed data's charts are checked; each build's tests wait for theirs
const ready = new Map<string, Promise<void>>();
beforeAll(() => {
  for (const name of chosen) {
    const setup = builds[name].setup?.() ?? Promise.resolve();
    setup.catch(() => undefined); // reported by the tests that wait for it
    ready.set(name, setup);
  }
});

describe.each(chosen)('charts built from the %s data', (name) => {
  const b = builds[name];
  let site: Served;
  beforeAll(async () => {
    await ready.get(name);
    site = await serve(b.dist());
  }, 240_000);
  afterAll(async () => {
    await site?.close();
  });

  test('every chart on every essay: text at 11 px or more, no two text boxes overlapping', async () => {
    const pages = chartPages(b.dist());
    expect(pages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    // JavaScript off: one load per page for both widths; on: one load per page and width (see check)
    for (const [widths, js] of [[WIDTHS, false], ...WIDTHS.map((w) => [[w], true])] as [number[], boolean][]) {
      const context = await chromium.browser.newContext({
        viewport: { width: widths[0], height: HEIGHT },
        javaScriptEnabled: js,
      });
      const page = await context.newPage();
      for (const p of pages)
        problems.push(...(await check(page, `${site.url}${p}`, widths, js)).map((x) => `${p} ${x}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);

  test('narrowing the date range rewrites the caption and the SVG’s description to the dates drawn', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/essays/staking/`);
    const fig = page.locator('figure[data-chart="staking-ratio"]');
    const text = () =>
      fig.evaluate((f) => {
        const svg = f.querySelector('.chart-layout-live svg[role="img"]');
        return {
          caption: f.querySelector('.chart-caption-text')?.textContent?.trim() ?? '',
          description: document.getElementById(svg?.getAttribute('aria-describedby') ?? '')?.textContent?.trim() ?? '',
        };
      });
    const built = { caption: await fig.locator('.chart-caption-text').textContent() };
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-chart="staking-ratio"]')?.dataset.live);
    const all = await text();
    expect(all.caption).toBe(built.caption?.trim()); // the live text for all dates is the build's
    expect(all.caption).not.toMatch(/Dates shown/);
    await fig.locator('select[name="range"]').selectOption('since-dtao');
    await page
      .waitForFunction(
        () =>
          document.querySelector('[data-chart="staking-ratio"] .chart-caption-text')?.textContent?.includes('Dates'),
        null,
        { timeout: 5_000 },
      )
      .catch(() => undefined); // the assertions below say what the caption is instead
    const since = await text();
    expect(since.caption).toMatch(/Dates shown: since dTAO, 2025-02-13 to \d{4}-\d{2}-\d{2}\./);
    expect(since.description).toMatch(/Dates shown: since dTAO, 2025-02-13 to \d{4}-\d{2}-\d{2}\./);
    expect(since.description).not.toBe(all.description);
    // a chain build's description counts and dates the days drawn, none before dTAO
    const over = since.description.match(/Over (\d+) days from (\S+) to/);
    if (name === 'synthetic') expect(over).not.toBeNull();
    if (over) {
      expect(over[2] >= '2025-02-13').toBe(true);
      expect(Number(over[1])).toBeLessThan(Number(all.description.match(/Over (\d+) days/)![1]));
    }
    await fig.locator('select[name="range"]').selectOption('all');
    await page.waitForFunction(
      () => !document.querySelector('[data-chart="staking-ratio"] .chart-caption-text')?.textContent?.includes('Dates'),
    );
    expect(await text()).toEqual(all);
    await context.close();
  }, 60_000);
});
