/**
 * In Chromium: the home page's first screen on a phone holds the bottom line; the claims register filters with
 * JavaScript off (links to static filter pages) and on (selects); verdict counts link to their filtered lists;
 * citation previews stay on screen on a phone; the language view is remembered between essays; the About page.
 * With TAOPROOF_SCREENSHOT=1 it also writes docs/screenshots/home-390.png (the README's screenshot).
 */
import { CODE_LICENCE, CONTENT_LICENCE } from '../../src/site/licence.ts';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../testing/project.ts';
import { distFile } from '../helpers/dist.ts';
import { builtPages, liveSite } from '../helpers/live-site.ts';

const live = liveSite();
const PHONE = { width: 390, height: 844 };

// counts from the content, never written here: every claim of the register, and the essays the home page sums up
// (each published one naming a decidingClaim in its frontmatter)
const CLAIMS = (parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as unknown[]).length;
const ESSAYS = join(ROOT, 'content/essays');
const ARGUMENTS = readdirSync(ESSAYS)
  .filter((f) => f.endsWith('.mdx'))
  .map(
    (f) =>
      parseYaml(readFileSync(join(ESSAYS, f), 'utf8').split(/^---$/m)[1]) as {
        decidingClaim?: string;
        draft?: boolean;
      },
  )
  .filter((fm) => fm.decidingClaim && !fm.draft).length;

async function withPage<T>(
  opts: Parameters<Browser['newContext']>[0],
  run: (p: Page, ctx: BrowserContext) => Promise<T>,
): Promise<T> {
  const ctx = await live.browser.newContext(opts);
  try {
    return await run(await ctx.newPage(), ctx);
  } finally {
    await ctx.close();
  }
}

/** Rows of the claims table a reader can see: [id, verdict, essay slug]. */
const visibleRows = (p: Page) =>
  p.$$eval('.claims-table tbody tr', (trs) =>
    trs
      .filter((tr) => (tr as HTMLElement).offsetParent !== null)
      .map((tr) => [
        tr.querySelector('th')!.textContent!.trim(),
        (tr as HTMLElement).dataset.verdict!,
        (tr as HTMLElement).dataset.essay!,
      ]),
  );

describe('home page on a 390 × 844 phone', () => {
  test('the first screen answers the headline and shows the arguments (an essay each) with their verdicts', async () => {
    await withPage({ viewport: PHONE, deviceScaleFactor: 1 }, async (p) => {
      await p.goto(`${live.url}/`);
      const onScreen = (box: { x: number; y: number; width: number; height: number } | null) => {
        expect(box).not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      };
      // the answer: one or two sentences, computed from the verdicts (answer() in src/site/findings.ts)
      const answer = p.locator('main .answer');
      onScreen(await answer.boundingBox());
      const text = (await answer.textContent())!.trim();
      expect(text.match(/[.!?](\s|$)/g)?.length).toBeLessThanOrEqual(2);
      expect(text).toMatch(/^(Not shown|Only in part|The critique’s case holds)/);
      const rows = p.locator('.glance li');
      expect(ARGUMENTS).toBeGreaterThan(0);
      expect(await rows.count()).toBe(ARGUMENTS);
      for (const box of await Promise.all((await rows.all()).map((r) => r.boundingBox()))) onScreen(box);
      // each row names its argument and carries its verdict as text; a pill says what its card says: an
      // unverifiable card whose evidence recomputes the article's arithmetic says "arithmetic checked" in its pill
      for (const row of await rows.all()) {
        const href = (await row.locator('a').getAttribute('href'))!;
        const pill = (await row.locator('.verdict').textContent())!.replace(/\s+/g, ' ').trim();
        expect(pill).toMatch(
          /^(supported|partly supported|contradicted|unverifiable|no chain data · arithmetic checked)$/,
        );
        const card = p.locator(href);
        expect((await card.locator('.finding-head .verdict').textContent())!.replace(/\s+/g, ' ').trim()).toBe(pill);
        const why = (await card.locator('.finding-why').textContent())!;
        if (/arithmetic holds/.test(why) && (await card.getAttribute('data-verdict')) === 'unverifiable')
          expect(pill).toBe('no chain data · arithmetic checked');
      }
      // and the first finding's verdict, reason and heading start on the first screen as well
      const first = await p.locator('.finding').first().locator('.verdict').boundingBox();
      expect(first!.y + first!.height).toBeLessThanOrEqual(PHONE.height);
      // nothing spills sideways
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      if (process.env.TAOPROOF_SCREENSHOT === '1') {
        mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
        await p.screenshot({ path: join(ROOT, 'docs/screenshots/home-390.png') });
      }
    });
  });

  test('each finding links to its essay and gives a deciding figure with a source', async () => {
    await withPage({ javaScriptEnabled: false }, async (p) => {
      await p.goto(`${live.url}/`);
      const findings = p.locator('.finding');
      expect(await findings.count()).toBe(ARGUMENTS);
      for (const f of await findings.all()) {
        expect(await f.locator('h3 a').getAttribute('href')).toMatch(/^\/essays\/[a-z-]+\/#claim-C\d{2}$/);
        expect((await f.locator('.finding-why').textContent())!.length).toBeGreaterThan(20);
        expect(await f.locator('.finding-figure .prov').textContent()).toMatch(/Source: \S/);
      }
    });
  });
});

describe('claims register', () => {
  test('without JavaScript, a verdict count on the home page opens the filtered list, and the essay filter works', async () => {
    await withPage({ javaScriptEnabled: false }, async (p) => {
      await p.goto(`${live.url}/`);
      // the first verdict with claims in this build's data (which verdicts occur depends on the data)
      const links = await p.locator('.counts a[href*="/claims/verdict/"]').all();
      let link = links[0];
      let count = 0;
      for (const l of links) {
        count = Number(await l.locator('.count').textContent());
        link = l;
        if (count > 0) break;
      }
      expect(count).toBeGreaterThan(0);
      const slug = /\/claims\/verdict\/([a-z-]+)\/$/.exec((await link.getAttribute('href'))!)![1];
      await link.click();
      await p.waitForURL(new RegExp(`/claims/verdict/${slug}/$`));
      const rows = await visibleRows(p);
      expect(rows).toHaveLength(count);
      for (const [, v] of rows) expect(v.replace(/ /g, '-')).toBe(slug);
      expect(await p.locator('.filter-form').isVisible()).toBe(false); // the selects need script; the links do not

      await p.locator('.filter-links a[data-essay="owners"]').click();
      await p.waitForURL(/\/claims\/essay\/owners\/$/);
      const owners = await visibleRows(p);
      expect(owners.length).toBeGreaterThan(0);
      for (const [, , e] of owners) expect(e).toBe('owners');
      expect(await p.locator('.filter-links a[data-essay="owners"]').getAttribute('aria-current')).toBe('page');
    });
  });

  test('the unfiltered register lists all claims, opinions labelled and not counted as verdicts', async () => {
    await withPage({ javaScriptEnabled: false }, async (p) => {
      await p.goto(`${live.url}/claims/`);
      const rows = await visibleRows(p);
      expect(rows.length).toBe(CLAIMS);
      const opinions = rows.filter(([, v]) => v === 'opinion');
      expect(opinions.length).toBeGreaterThan(0);
      const label = await p.locator('.claims-table tr[data-verdict="opinion"] .verdict').first().textContent();
      expect(label).toBe('opinion, not judged');
      await p.goto(`${live.url}/`);
      const judged = await p.$$eval('.counts li:not(.count-opinion) .count', (els) =>
        els.reduce((s, e) => s + Number(e.textContent), 0),
      );
      expect(judged).toBe(CLAIMS - opinions.length);
    });
  });

  test('with JavaScript, the selects filter rows in place by verdict and essay together', async () => {
    await withPage({}, async (p) => {
      await p.goto(`${live.url}/claims/`);
      const form = p.locator('.filter-form');
      expect(await form.isVisible()).toBe(true);
      await form.locator('select[name="verdict"]').selectOption('unverifiable');
      let rows = await visibleRows(p);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(CLAIMS);
      for (const [, v] of rows) expect(v).toBe('unverifiable');
      await form.locator('select[name="essay"]').selectOption('staking');
      rows = await visibleRows(p);
      expect(rows.length).toBeGreaterThan(0);
      for (const [, v, e] of rows) expect([v, e]).toEqual(['unverifiable', 'staking']);
      expect(await p.locator('.filter-status').textContent()).toContain(`Showing ${rows.length} of ${CLAIMS}`);
      expect(new URL(p.url()).search).toBe('?verdict=unverifiable&essay=staking');
      // the same URL restores the same filter
      await p.reload();
      expect(await visibleRows(p)).toEqual(rows);
    });
  });
});

describe('essays on a phone', () => {
  test('a citation preview stays inside the 390 px screen', async () => {
    await withPage({ viewport: PHONE }, async (p) => {
      await p.goto(`${live.url}/essays/root-exodus/`);
      const cites = await p.locator('.prose .cite').all();
      expect(cites.length).toBeGreaterThan(0);
      for (const cite of cites.slice(0, 6)) {
        await cite.locator('a').focus();
        const tip = cite.locator('.cite-tip');
        expect(await tip.isVisible()).toBe(true);
        const box = (await tip.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      }
    });
  });

  test('the language view chosen on one essay is kept on the next', async () => {
    await withPage({}, async (p) => {
      await p.goto(`${live.url}/essays/staking/`);
      await p.locator('label:has(#view-en)').click();
      expect(await p.locator('.para .ja').first().isVisible()).toBe(false);
      await p.goto(`${live.url}/essays/premine/`);
      expect(await p.locator('#view-en').isChecked()).toBe(true);
      expect(await p.locator('.para .ja').first().isVisible()).toBe(false);
      expect(await p.locator('.para .en').first().isVisible()).toBe(true);
      await p.locator('label:has(#view-both)').click();
      await p.goto(`${live.url}/essays/staking/`);
      expect(await p.locator('#view-both').isChecked()).toBe(true);
      expect(await p.locator('.para .ja').first().isVisible()).toBe(true);
    });
  });
});

describe('about page', () => {
  test('is linked from the footer and says who wrote it, the license and how to report an error', async () => {
    await withPage({ javaScriptEnabled: false }, async (p) => {
      await p.goto(`${live.url}/claims/`);
      await p.locator('.site-footer a[href$="/about/"]').click();
      await p.waitForURL(/\/about\/$/);
      const text = (await p.locator('main').textContent())!;
      const dir = join(ROOT, 'content/essays');
      const authors = readdirSync(dir).flatMap(
        (f) => (parseYaml(readFileSync(join(dir, f), 'utf8').split(/^---$/m)[1]) as { authors: string[] }).authors,
      );
      expect(authors.length).toBeGreaterThan(0);
      for (const a of authors) expect(text).toContain(a);
      // the licences: MIT for the code, CC BY 4.0 for text, translations, data and charts (src/site/licence.ts)
      expect(text).toContain(CONTENT_LICENCE.name);
      expect(text).toContain(CODE_LICENCE.name);
      expect(await p.locator(`main a[href="${CONTENT_LICENCE.url}"]`).count()).toBeGreaterThan(0);
      expect(await p.locator('#report').count()).toBe(1);
      expect(text).toMatch(/Open an issue on the repository/);
      // About agrees with the corrections log: it links it and says verdict changes from new data are logged there
      expect(await p.locator('main a[href$="/corrections/"]').count()).toBeGreaterThan(0);
      expect(text).not.toMatch(/that is not a correction/);
      expect(text).toMatch(/logs each such change/);
    });
  });

  // the footer is static HTML (no script writes it, no style hides it: the browser check below sees it on a page), so
  // every page's copy is read from dist/ rather than loaded
  test('the corrections log is linked from the footer of every page and from the home page', async () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(1);
    const counts = pages.map((path) => {
      const { document } = parseHTML(distFile(join(path, 'index.html')));
      return [path, document.querySelectorAll('.site-footer a[href$="/corrections/"]').length];
    });
    expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
    await withPage({ javaScriptEnabled: false }, async (p) => {
      await p.goto(`${live.url}/`);
      const footer = p.locator('.site-footer a[href$="/corrections/"]');
      expect(await footer.count()).toBe(1);
      expect(await footer.isVisible()).toBe(true);
      expect(await p.locator('main a[href$="/corrections/"]').count()).toBeGreaterThan(0);
    });
  });
});
