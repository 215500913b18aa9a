/** axe-core on every built page, in light and dark mode, with the live charts rendered: zero violations. */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { builtPages, liveSite } from '../helpers/live-site.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const live = liveSite();

const pages = builtPages();

describe.each(['light', 'dark'] as const)('axe in %s mode', (colorScheme) => {
  test.each(pages)('%s has no violations', async (path) => {
    // bypassCSP: axe is injected as an inline script, which the site's own Content-Security-Policy refuses
    const page = await live.browser.newPage({ colorScheme, reducedMotion: 'reduce', bypassCSP: true });
    await page.goto(`${live.url}${path}`);
    // render every live chart first: what readers see after scrolling must pass too
    for (const fig of await page.locator('figure[data-chart]').all()) await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('figure[data-chart]')].every((f) => (f as HTMLElement).dataset.live === 'true'),
      null,
      { timeout: 15_000 },
    );
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map(
        (v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
    });
    await page.close();
    expect(violations).toEqual([]);
  });
});

test('there are pages to check', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/claims/', '/data/', '/search/']));
});
