/** On a 360 px phone, no page scrolls sideways: long words, links and tables wrap or scroll inside their own box. */
import { expect, test } from 'vitest';
import { builtPages, liveSite } from '../helpers/live-site.ts';

const live = liveSite();

test.each(builtPages())('%s fits a 360 px screen', async (path) => {
  const page = await live.browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${live.url}${path}`);
  const [scroll, width] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  await page.close();
  expect(scroll).toBeLessThanOrEqual(width);
});
