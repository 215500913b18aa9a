/**
 * In Debian Chromium: a built essay re-renders its chart live from the fetched JSON when it scrolls into view,
 * shows a tip on hover, reacts to a reader control, and logs no console errors.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { serve, type Served } from '../../testing/serve.ts';
import { fileBrowser } from '../helpers/live-site.ts';

const chromium = fileBrowser();
let site: Served;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  site = await serve(DIST);
  page = await chromium.browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/essays/staking/`);
});
afterAll(async () => {
  await page?.close();
  await site?.close();
});

describe('essay page in Chromium', () => {
  test('charts stay static until scrolled into view, then re-render from the fetched JSON', async () => {
    const fig = page.locator('figure[data-chart="issuance"]');
    expect(await fig.getAttribute('data-live')).toBeNull();
    expect(site.requests).not.toContain('/data/snapshot.json');
    await fig.scrollIntoViewIfNeeded();
    await page.waitForSelector('figure[data-chart="issuance"][data-live="true"]', { timeout: 10_000 });
    expect(site.requests).toContain('/data/snapshot.json');
    expect(site.requests).toContain('/data/reference.json');
    expect(await fig.locator('.chart-layout-live > svg').getAttribute('aria-label')).toBe('Issued TAO over time');
  });

  test('hovering a figure of the article shows its tip', async () => {
    const fig = page.locator('figure[data-chart="issuance"]');
    const diamond = fig.locator('.chart-plot svg g[data-mark="dot"] path').last();
    const box = await diamond.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const tip = fig.locator('.chart-plot svg g[data-mark="tip"]');
    await expect.poll(async () => (await tip.allTextContents()).join(' '), { timeout: 5000 }).toMatch(/TAO/);
  });

  test('a reader control re-renders the chart (log scale)', async () => {
    const fig = page.locator('figure[data-chart="issuance"]');
    const before = await fig.locator('.chart-plot svg g[data-mark="y-axis tick label"]').allTextContents();
    await fig.locator('select[name="scale"]').selectOption('log');
    const after = await fig.locator('.chart-plot svg g[data-mark="y-axis tick label"]').allTextContents();
    expect(after).not.toEqual(before);
  });

  test('hover and keyboard focus on a citation show its source', async () => {
    const cite = page.locator('.cite').first();
    const tip = cite.locator('.cite-tip');
    expect(await tip.isVisible()).toBe(false);
    await cite.locator('a').hover();
    expect(await tip.isVisible()).toBe(true);
    expect((await tip.textContent())?.length).toBeGreaterThan(10);
    await page.mouse.move(0, 0);
    await cite.locator('a').focus();
    expect(await tip.isVisible()).toBe(true);
    const id = (await cite.locator('a').getAttribute('href'))?.slice(1);
    expect(await page.locator(`li#${id}`).count()).toBe(1); // listed under References
  });

  test("a chart's CSV download holds the rows it plots", async () => {
    const fig = page.locator('figure[data-chart="staking-ratio"]');
    const [download] = await Promise.all([page.waitForEvent('download'), fig.locator('a[href$=".csv"]').click()]);
    const path = await download.path();
    const csv = (await import('node:fs')).readFileSync(path, 'utf8').trim().split('\n');
    const tableRows = await fig.locator('.chart-data tbody tr').count();
    expect(csv.length - 1).toBe(tableRows);
    expect(csv[0]).toMatch(/^date,series,value,unit,origin,block,item,url/);
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('without JavaScript, and in print', () => {
  test('charts are inline SVG with their data table; print hides navigation and shows the numbers', async () => {
    const ctx = await chromium.browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${site.url}/essays/staking/`);
    const fig = p.locator('figure[data-chart="staking-ratio"]');
    expect(await fig.locator('.chart-plot svg[role="img"]:visible').count()).toBe(1);
    expect(await fig.getAttribute('data-live')).toBeNull();
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.site-header nav').isVisible()).toBe(false);
    expect(await fig.locator('.chart-data table').isVisible()).toBe(true);
    await ctx.close();
  });
});
