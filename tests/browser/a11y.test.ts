/**
 * axe-core on every built page, in light and dark mode, with the live charts rendered: zero violations.
 *
 * Each page is loaded once: its charts are drawn, axe is injected and run, then the colour scheme is switched to dark
 * on the same load (`emulateMedia`) and axe runs again. That is what a dark load shows because the site's dark mode is
 * CSS only (`@media (prefers-color-scheme: dark)`) and no script reads the scheme, so the DOM a dark load builds is
 * the light one (the last test checks that no script does). Two pages are checked at a time, one per core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { builtPages, liveSite, tabs } from '../helpers/live-site.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const live = liveSite();

const pages = builtPages();

// bypassCSP: axe is injected as an inline script, which the site's own Content-Security-Policy refuses
const tab = tabs(live, { reducedMotion: 'reduce', bypassCSP: true });

/** axe's violations on the page as loaded, one line each */
const violations = (page: Page) =>
  page.evaluate(async () => {
    // @ts-expect-error axe is injected by the test
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map(
      (v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ) as string[];
  });

describe.concurrent('axe', () => {
  test.each(pages)(
    '%s has no violations in light or dark mode',
    async (path) => {
      const page = await tab.take();
      try {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(`${live.url}${path}`);
        // render every live chart first: what readers see after scrolling must pass too
        for (const fig of await page.locator('figure[data-chart]').all()) await fig.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('figure[data-chart]')].every(
              (f) => (f as HTMLElement).dataset.live === 'true',
            ),
          null,
          { timeout: 15_000 },
        );
        await page.addScriptTag({ path: AXE });
        const light = await violations(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        expect({ light, dark: dark ? await violations(page) : 'the page did not switch to dark' }).toEqual({
          light: [],
          dark: [],
        });
      } finally {
        tab.give(page);
      }
    },
    // two axe runs on a page with all its charts drawn
    120_000,
  );
});

test('there are pages to check', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/claims/', '/data/', '/search/']));
});

/** every script the site serves: its JavaScript files and the inline scripts of its pages */
function scripts(dir = DIST): { where: string; code: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return scripts(p);
    if (/\.m?js$/.test(e.name)) return [{ where: p, code: readFileSync(p, 'utf8') }];
    if (!e.name.endsWith('.html')) return [];
    return [...readFileSync(p, 'utf8').matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
      where: p,
      code: m[1],
    }));
  });
}

test("no script reads the colour scheme, so switching it on a loaded page shows what a dark load shows (the CSS's @media block)", () => {
  const all = scripts();
  expect(all.length).toBeGreaterThan(1);
  expect(all.filter((s) => /prefers-color-scheme|matchMedia/.test(s.code)).map((s) => s.where)).toEqual([]);
  expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toMatch(/@media ?\(prefers-color-scheme: ?dark\)/);
});
