/**
 * On a 390 × 844 phone (issue 19): every table of the site reads without sideways scrolling (no table wider than
 * the screen, the verdict cell of a claim or correction within it); every link or control outside a sentence is at
 * least 24 × 24 px (WCAG 2.2 target size) and the main controls at least 44 px high; an essay's "Claims:" row keeps
 * each id on the line of its verdict; the language toggle names the Japanese as a machine translation. One
 * browser, one page per JavaScript setting, reused across pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, distFile } from '../helpers/dist.ts';
import { builtPages, drawCharts, liveSite } from '../helpers/live-site.ts';

const live = liveSite();
const PHONE = { width: 390, height: 844 };
let page: Page;
beforeAll(async () => {
  page = await live.browser.newPage({ viewport: PHONE });
});
afterAll(async () => {
  await page?.close();
});

describe('tables on a 390 px phone', () => {
  test('no table is wider than the screen, and each claim’s verdict and each correction’s new verdict are on it', async () => {
    const problems: string[] = [];
    let tables = 0;
    // the pages whose HTML holds a table: no script of the site makes one (checked below), so the others have none
    const pages = builtPages().filter((p) => !p.startsWith('/data/'));
    const withTables = pages.filter((p) => /<table\b/.test(distFile(join(p, 'index.html'))));
    expect(withTables.length).toBeGreaterThan(0);
    expect(withTables.length).toBeLessThan(pages.length);
    for (const path of withTables) {
      await page.goto(`${live.url}${path}`);
      const found = await page.$$eval('main table', (ts) =>
        ts
          .filter((t) => t.getClientRects().length > 0 && !t.closest('.chart-data')) // a chart's own rows sit folded in its figure
          .map((t) => {
            const r = t.getBoundingClientRect();
            const key = [...t.querySelectorAll('tbody tr:not([hidden]) .cell-first')].map((c) => {
              const b = c.getBoundingClientRect();
              return { left: b.left, right: b.right, text: c.textContent!.trim().slice(0, 30) };
            });
            return {
              label: t.closest('[aria-label]')?.getAttribute('aria-label') ?? '?',
              left: r.left,
              right: r.right,
              key,
            };
          }),
      );
      tables += found.length;
      for (const t of found) {
        if (t.left < 0 || t.right > PHONE.width) problems.push(`${path} “${t.label}”: ${t.left}–${t.right} px`);
        for (const k of t.key)
          if (k.left < 0 || k.right > PHONE.width)
            problems.push(`${path} “${t.label}”: “${k.text}” at ${k.left}–${k.right} px`);
      }
    }
    expect(tables).toBeGreaterThan(8);
    expect(problems).toEqual([]);
  }, 240_000);

  test('no script of the site makes a table (so a page without one in its HTML has none to check)', () => {
    const scripts = [
      ...readdirSync(join(DIST, '_astro'))
        .filter((f) => /\.m?js$/.test(f))
        .map((f) => ({ where: f, code: readFileSync(join(DIST, '_astro', f), 'utf8') })),
      ...builtPages().flatMap((p) =>
        [...distFile(join(p, 'index.html')).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
          where: p,
          code: m[1],
        })),
      ),
    ];
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.filter((s) => /<table\b|createElement\(\s*['"`]table/i.test(s.code)).map((s) => s.where)).toEqual(
      [],
    );
  });

  test('the claims register and the corrections log put the verdict first in each row', async () => {
    for (const [path, column] of [
      ['/claims/', 'Verdict'],
      ['/corrections/', 'Now'],
    ]) {
      await page.goto(`${live.url}${path}`);
      const rows = await page.$$eval('main table tbody tr:not([hidden])', (trs) =>
        trs.map((tr) => {
          const cells = [...tr.children].map((c) => ({
            label: c.getAttribute('data-label'),
            y: c.getBoundingClientRect().top,
          }));
          return cells.sort((a, b) => a.y - b.y)[0].label;
        }),
      );
      expect(rows.length, path).toBeGreaterThan(0);
      expect(new Set(rows), path).toEqual(new Set([column]));
    }
  });
});

interface Rule {
  selector: string;
  min: number;
  heightOnly: boolean;
  /** how a problem is named: the selector, or nothing */
  label: string;
}

/**
 * Targets smaller than `min` (width and height, or height only for `heightOnly`) among the visible matches of each
 * rule, measured in one round trip for all the rules.
 */
const small = (p: Page, rules: Rule[]) =>
  p.evaluate(
    (rules) =>
      rules.flatMap(({ selector, min, heightOnly, label }) =>
        [...document.querySelectorAll(selector)]
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.height < min - 0.5 || (!heightOnly && r.width < min - 0.5))
          .map(
            ({ e, r }) =>
              `${label}${e.tagName.toLowerCase()} “${e.textContent!.trim().slice(0, 20)}” ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
          ),
      ),
    rules,
  );

describe('tap targets on a 390 px phone', () => {
  // links and controls that stand on their own (not inside a sentence, which WCAG 2.2 exempts)
  const TARGETS = [
    '.site-header nav a',
    '.data-badge a',
    '.footer-links a',
    '.para-meta a',
    '.claim-pill a',
    '.claim-head a',
    '.claims-table th a',
    '.view-switch input',
    '.chart-key a',
  ].join(', ');
  const MAIN = [
    '.view-switch label',
    '.filter-form select',
    '.chart-controls select',
    '.glance a',
    '.claim-fold > summary',
  ];

  test('every stand-alone link and control is at least 24 × 24 px; the main controls at least 44 px high', async () => {
    const problems: string[] = [];
    for (const path of ['/', '/claims/', '/corrections/', '/essays/staking/', '/essays/root-exodus/']) {
      await page.goto(`${live.url}${path}`);
      await drawCharts(page);
      const rules = [
        { selector: TARGETS, min: 24, heightOnly: false, label: '' },
        ...MAIN.map((selector) => ({ selector, min: 44, heightOnly: true, label: `${selector}: ` })),
      ];
      problems.push(...(await small(page, rules)).map((s) => `${path} ${s}`));
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('an essay’s header on a 390 px phone', () => {
  test('the "Claims:" row keeps each id on the line of its verdict', async () => {
    await page.goto(`${live.url}/essays/governance/`);
    const pairs = await page.$$eval('.claim-pills .claim-pill', (ps) =>
      ps.map((p) => {
        const a = p.querySelector('a')!.getBoundingClientRect();
        const v = p.querySelector('.verdict')!.getBoundingClientRect();
        return { id: p.querySelector('a')!.textContent, dy: Math.abs(a.top + a.height / 2 - (v.top + v.height / 2)) };
      }),
    );
    expect(pairs.length).toBeGreaterThan(3);
    for (const p of pairs) expect(p.dy, p.id!).toBeLessThan(6);
  });

  test('the language toggle names the Japanese a machine translation of a Chinese thread', async () => {
    expect(await page.locator('label:has(#view-ja)').textContent()).toMatch(/Japanese machine translation.*Chinese/);
  });
});
