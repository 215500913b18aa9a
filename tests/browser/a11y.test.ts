/**
 * axe-core on every built page, in light and dark mode, with the live charts rendered: zero violations.
 *
 * Each page is loaded once: its charts are drawn, axe runs with all its rules, then the colour scheme is switched to
 * dark on the same load (`emulateMedia`) and axe runs again with the rules that read colours. That is what a full
 * axe run on a dark load shows, because:
 * - the site's dark mode is CSS only (`@media (prefers-color-scheme: dark)`) and no script reads the scheme, so the
 *   DOM a dark load builds is the light one (the last tests check that no script does);
 * - the dark CSS changes nothing but the values of colour custom properties, each an opaque colour in both schemes
 *   (checked below), so what is shown, where, how large and how named is the same in both, and only the rules that
 *   compare colours can answer differently: `color-contrast` and `link-in-text-block` (`color-contrast-enhanced`, the
 *   AAA level, is off in axe's default run, so in neither). A full run in both schemes on the home, claims, data,
 *   about and owners pages gave the same result, node by node, for every other rule.
 * Two pages are checked at a time, one per core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { builtPages, drawCharts, liveSite, tabs } from '../helpers/live-site.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** the rules whose answer can differ between the schemes (see above): the only ones run again in dark */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const live = liveSite();

const pages = builtPages();

// bypassCSP: axe is injected as an inline script, which the site's own Content-Security-Policy refuses. It is added to
// every document of the context as it starts (`init`: it only defines `window.axe`, which nothing of the site reads,
// and runs when called), once for all pages rather than sent with each (half a second a page on a loaded machine)
const tab = tabs(live, { reducedMotion: 'reduce', bypassCSP: true }, 2, [AXE]);

/** axe's violations on the page as loaded, one line each: with every rule of axe's default run, or `only` these */
const violations = (page: Page, only?: string[]) =>
  page.evaluate(async (only) => {
    // @ts-expect-error axe is injected by the test
    const r = await window.axe.run(document, {
      resultTypes: ['violations'],
      ...(only && { runOnly: { type: 'rule', values: only } }),
    });
    return r.violations.map(
      (v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ) as string[];
  }, only);

describe.concurrent('axe', () => {
  test.each(pages)(
    '%s has no violations in light or dark mode',
    async (path) => {
      const page = await tab.take();
      try {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(`${live.url}${path}`);
        // render every live chart first: what readers see after scrolling must pass too
        await drawCharts(page, 15_000);
        const light = await violations(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        expect({
          light,
          dark: dark ? await violations(page, COLOUR_RULES) : 'the page did not switch to dark',
        }).toEqual({
          light: [],
          dark: [],
        });
      } finally {
        tab.give(page);
      }
    },
    // two axe runs (the second of two rules) on a page with all its charts drawn
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

/** every block of CSS the site serves: its stylesheets and the <style> elements of its pages (inline SVGs' included) */
function styles(dir = DIST): { where: string; css: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return styles(p);
    if (e.name.endsWith('.css')) return [{ where: p, css: readFileSync(p, 'utf8') }];
    if (!e.name.endsWith('.html')) return [];
    return [...readFileSync(p, 'utf8').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => ({
      where: p,
      css: m[1],
    }));
  });
}

/** the body of each `@media` rule whose query names prefers-color-scheme, and the CSS outside them */
function schemeBlocks(css: string): { inside: string[]; outside: string } {
  const inside: string[] = [];
  let outside = '';
  let at = 0;
  for (const m of css.matchAll(/@media[^{]*prefers-color-scheme[^{]*\{/g)) {
    if (m.index < at) continue;
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    outside += css.slice(at, m.index);
    inside.push(css.slice(m.index + m[0].length, i - 1));
    at = i;
  }
  return { inside, outside: outside + css.slice(at) };
}

test('dark mode changes only the values of colour custom properties, each an opaque colour in both schemes (why one axe run in dark covers the colour rules alone)', () => {
  const OPAQUE = /^#[0-9a-f]{6}$/i;
  const all = styles();
  expect(all.length).toBeGreaterThan(0);
  const light = new Map<string, string>();
  const dark: { where: string; name: string; value: string }[] = [];
  for (const { where, css } of all) {
    const { inside, outside } = schemeBlocks(css.replace(/\/\*[\s\S]*?\*\//g, ''));
    for (const m of outside.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) light.set(m[1], m[2].trim());
    for (const block of inside) {
      // nothing but `selector { --name: value; ... }` rules: no nested @-rule, no property but a custom one
      for (const rule of block.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
        expect(rule[1].trim(), `${where}: a rule in a colour-scheme block`).not.toMatch(/@/);
        for (const decl of rule[2].split(';').filter((d) => d.trim())) {
          const [, name, value] = /^\s*([^:]+?)\s*:\s*(.+?)\s*$/.exec(decl) ?? [];
          dark.push({ where, name: name ?? decl, value: value ?? '' });
        }
      }
      expect(block.replace(/([^{}]*)\{([^{}]*)\}/g, '').trim(), `${where}: outside a rule`).toBe('');
    }
  }
  expect(dark.length).toBeGreaterThan(0);
  const wrong = dark.filter(
    (d) => !d.name.startsWith('--') || !OPAQUE.test(d.value) || !OPAQUE.test(light.get(d.name) ?? ''),
  );
  expect(wrong.map((d) => `${d.where}: ${d.name}: ${d.value} (light: ${light.get(d.name)})`)).toEqual([]);
});
