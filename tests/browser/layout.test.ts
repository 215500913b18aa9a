/** On a 360 px phone, no page scrolls sideways: long words, links and tables wrap or scroll inside their own box. */
import { describe, expect, test } from 'vitest';
import { builtPages, liveSite, tabs } from '../helpers/live-site.ts';

const live = liveSite();
const phone = tabs(live, { viewport: { width: 360, height: 740 } });

describe.concurrent('360 px', () => {
  test.each(builtPages())(
    '%s fits a 360 px screen',
    async (path) => {
      const page = await phone.take();
      try {
        await page.goto(`${live.url}${path}`);
        const [scroll, width] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        expect(scroll).toBeLessThanOrEqual(width);
      } finally {
        phone.give(page);
      }
    },
    60_000,
  );
});

/**
 * The site navigation on a 390 px phone, with JavaScript on and off: every link is on screen (the list wraps rather
 * than scrolling sideways, where a reader would not know more links were hidden) and the nav has no overflow.
 */
test.each([true, false])('every site link is on a 390 px screen (JavaScript %s)', async (javaScriptEnabled) => {
  const ctx = await live.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
  const page = await ctx.newPage();
  await page.goto(`${live.url}/methodology/`);
  const nav = await page.$eval('.site-header nav', (n) => ({
    scroll: n.scrollWidth,
    client: n.clientWidth,
    links: [...n.querySelectorAll('a')].map((a) => {
      const r = a.getBoundingClientRect();
      return { text: a.textContent!.trim(), left: r.left, right: r.right, width: r.width };
    }),
  }));
  await ctx.close();
  expect(nav.links.length).toBeGreaterThan(5);
  const off = nav.links.filter((l) => l.left < 0 || l.right > 390 || l.width === 0).map((l) => l.text);
  expect(off, 'links not within the 390 px viewport').toEqual([]);
  expect(nav.scroll, 'the nav scrolls sideways').toBeLessThanOrEqual(nav.client);
});
