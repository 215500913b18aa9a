/** On a 360 px phone, no page scrolls sideways: long words, links and tables wrap or scroll inside their own box. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? ['pagefind', '_astro', 'og'].includes(e.name)
        ? []
        : pages(join(dir, e.name))
      : e.name === 'index.html'
        ? [`/${relative(DIST, dir)}/`.replace('//', '/')]
        : [],
  );
}

let browser: Browser;
let site: Served;
beforeAll(async () => {
  site = await serve(DIST);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

test.each(pages(DIST))('%s fits a 360 px screen', async (path) => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${site.url}${path}`);
  const [scroll, width] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  await page.close();
  expect(scroll).toBeLessThanOrEqual(width);
});
