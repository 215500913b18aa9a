/**
 * Search (Pagefind) in Chromium: an English word and a Japanese term from the article land on their paragraph, and
 * result excerpts are prose (never the hidden word-split copy of the Japanese, never a chart's data rows).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { excerpt, hitPosition, landing, pageWords, type PagefindData } from '../../src/client/search.ts';
import { indexCopy, INDEX_COPY_CLOSE, INDEX_COPY_OPEN } from '../../src/site/segment.ts';
import { DIST } from '../helpers/dist.ts';
import { serve, type Served } from '../../testing/serve.ts';
import { fileBrowser } from '../helpers/live-site.ts';

const chromium = fileBrowser();
let site: Served;
let page: Page;

beforeAll(async () => {
  site = await serve(DIST);
  page = await chromium.browser.newPage();
});
afterAll(async () => {
  await page?.close();
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

  test('an English word from an essay lands on a page that holds it', async () => {
    const u = await searchAndOpenFirst('unbonding');
    // the essay, or a claim's own page (/claims/<id>/), which shows the claim and its verdict's reason
    expect(u.pathname).toMatch(/^\/(essays|claims)\//);
    expect(await page.locator('main').textContent()).toMatch(/unbonding/i);
  });
});

const JA = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
/** Three or more Japanese words in a row separated by single spaces: the word-split copy, not prose. */
const SPLIT_RUN = new RegExp(`(?:${JA}+ ){2,}${JA}+`, 'u');

async function results(q: string) {
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  await page.locator('#search-results li a').first().waitFor({ timeout: 10_000 });
  return page.$$eval('#search-results li', (lis) =>
    lis.map((li) => ({
      href: li.querySelector('a')!.getAttribute('href')!,
      text: li.querySelector('p')!.textContent!,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent!),
    })),
  );
}

/** Words of a text, lower-case, without punctuation (Pagefind adds full stops between blocks). */
const plainWords = (t: string) =>
  t
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);

describe('search excerpts read as prose', () => {
  test('誓約: excerpts show the original Japanese sentence with the term marked, never the word-split copy', async () => {
    const rs = await results('誓約');
    expect(rs.length).toBeGreaterThan(2);
    for (const r of rs) {
      expect(r.text, r.href).not.toMatch(SPLIT_RUN);
      expect(r.text, r.href).not.toContain(INDEX_COPY_OPEN);
      expect(r.text, r.href).not.toContain(INDEX_COPY_CLOSE);
      expect(
        r.marks.some((m) => m.includes('誓約')),
        r.href,
      ).toBe(true);
    }
  });

  test('root stake: each excerpt is a passage of the page’s visible prose, outside any chart data table', async () => {
    const rs = await results('root stake');
    expect(rs.length).toBeGreaterThan(2);
    const other = await chromium.browser.newPage();
    try {
      for (const r of rs.slice(0, 8)) {
        expect(r.marks.length, r.href).toBeGreaterThan(0);
        await other.goto(`${site.url}${r.href}`);
        const prose = plainWords(
          await other.evaluate(() => {
            // what a reader sees, with every chart's data table taken out
            document.querySelectorAll<HTMLElement>('.chart-data').forEach((e) => (e.style.display = 'none'));
            return document.querySelector('main')!.innerText;
          }),
        ).join(' ');
        // the words around the first mark occur together in the prose
        const words = plainWords(r.text.replace(/…/g, ' '));
        const at = words.indexOf(plainWords(r.marks[0])[0]);
        const window = words.slice(Math.max(0, at - 2), at + 3).join(' ');
        expect(prose, `${r.href}: “${window}”`).toContain(window);
      }
    } finally {
      await other.close();
    }
  });
});

describe('excerpt logic (src/client/search.ts)', () => {
  const ja = '大口は逃げているのか';
  const content = `Intro words here. ${ja}${indexCopy(ja)} After the quote. A table: root 5.86M stake row`.replace(
    /\s+/g,
    ' ',
  );
  const words = pageWords(content);

  test('words of the hidden copy are flagged, the original and the prose are not', () => {
    const hidden = words.filter((w) => w.hidden).map((w) => w.text);
    expect(hidden[0]).toBe(INDEX_COPY_OPEN);
    expect(hidden.at(-1)).toBe(INDEX_COPY_CLOSE);
    expect(hidden.join('')).toContain('逃げ');
    expect(words.find((w) => w.text === ja)?.hidden).toBe(false);
    expect(words.find((w) => w.text === 'After')?.hidden).toBe(false);
  });

  test('a match inside the hidden copy is shown on the original sentence, with the term marked', () => {
    const pos = words.findIndex((w) => w.hidden && w.text === '逃げ');
    const d: PagefindData = {
      url: '/x/',
      content,
      excerpt: '',
      meta: {},
      locations: [pos],
      anchors: [{ id: 'p22', location: 2 }],
    };
    const at = hitPosition(d, words, 1);
    expect(words[at].text).toBe(ja);
    const pieces = excerpt(d, words, at, '逃げ');
    const text = pieces.map((p) => p.text).join('');
    expect(text).toContain(ja);
    expect(text).not.toContain(INDEX_COPY_OPEN);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['逃げ']);
    expect(landing(d, at)).toBe('/x/#p22');
  });

  test('a match in a data table (lower weight) is passed over when the page also matches in prose', () => {
    const table = words.findIndex((w) => w.text === 'root');
    const prose = words.findIndex((w) => w.text === 'After');
    const d: PagefindData = {
      url: '/x/',
      content,
      excerpt: '',
      meta: {},
      anchors: [],
      locations: [table, prose],
      weighted_locations: [
        { location: table, weight: 0.5, balanced_score: 1 },
        { location: prose, weight: 1, balanced_score: 1 },
      ],
    };
    expect(hitPosition(d, words, 1)).toBe(prose);
    expect(hitPosition({ ...d, locations: [table], weighted_locations: [d.weighted_locations![0]] }, words, 1)).toBe(
      table,
    );
  });
});
