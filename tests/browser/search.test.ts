/** Search (Pagefind) in Chromium: an English word and a Japanese term from the article land on their paragraph. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { serve, type Served } from '../helpers/serve.ts';

let browser: Browser;
let site: Served;
let page: Page;

beforeAll(async () => {
  site = await serve(DIST);
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function searchAndOpenFirst(q: string) {
  await page.goto(`${site.url}/search/`);
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  const first = page.locator('#search-results li a').first();
  await first.waitFor({ timeout: 10_000 });
  await first.click();
  await page.waitForLoadState('load');
  return new URL(page.url());
}

describe('search', () => {
  test.each(['誓約', 'サブネット'])('the Japanese term %s finds a paragraph that contains it', async (term) => {
    const u = await searchAndOpenFirst(term);
    expect(u.hash).toMatch(/^#(p\d{2}|claim-C\d{2})$/);
    const target = page.locator(u.hash);
    expect(await target.textContent()).toContain(term);
  });

  test('an English word from an essay lands on the page that holds it', async () => {
    const u = await searchAndOpenFirst('unbonding');
    expect(u.pathname).toMatch(/^\/essays\//);
    expect(await page.locator('main').textContent()).toMatch(/unbonding/i);
  });
});
