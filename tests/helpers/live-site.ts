/** The built site served over HTTP and opened in Chromium, for the browser tests. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { sharedBrowser } from '../../testing/browser.ts';
import { DIST } from './dist.ts';
import { serve, type Served } from '../../testing/serve.ts';

export interface LiveSite {
  /** Chromium, shared by the test files of this worker process (testing/browser.ts): open contexts, never close it */
  readonly browser: Browser;
  /** where dist/ is served, without a trailing slash */
  readonly url: string;
  /** every path the server was asked for, in order */
  readonly requests: string[];
}

/**
 * The worker's shared Chromium (testing/browser.ts) for the calling test file, ready once the file's beforeAll has
 * run; every context the file's tests opened and left open is closed after them, so nothing of one file reaches the
 * next. Tests open contexts or pages, never close the browser.
 */
export function fileBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  let before = new Set<BrowserContext>();
  beforeAll(async () => {
    browser = await sharedBrowser();
    before = new Set(browser.contexts());
  });
  afterAll(async () => {
    await Promise.all(
      browser
        ?.contexts()
        .filter((c) => !before.has(c))
        .map((c) => c.close()) ?? [],
    );
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error('tests/helpers/live-site.ts: browser read before beforeAll ran');
      return browser;
    },
  };
}

/**
 * Serves dist/ before the calling test file's tests and stops after them, with the worker's shared Chromium
 * (`fileBrowser`). Read `.browser` and `.url` inside tests (they are set once the file's beforeAll has run).
 */
export function liveSite(): LiveSite {
  const chromium = fileBrowser();
  let site: Served | undefined;
  beforeAll(async () => {
    site = await serve(DIST);
  });
  afterAll(async () => {
    await site?.close();
  });
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`tests/helpers/live-site.ts: ${what} read before beforeAll ran`);
    return v;
  };
  return {
    get browser() {
      return chromium.browser;
    },
    get url() {
      return ready(site, 'site').url;
    },
    get requests() {
      return ready(site, 'site').requests;
    },
  };
}

/** The URL path of every page in dist/ (`/`, `/about/`, …): each folder holding an index.html, but Pagefind's and Astro's. */
export function builtPages(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : builtPages(join(dir, e.name));
    const rel = relative(DIST, dir);
    return e.name === 'index.html' ? [`/${rel}${rel ? '/' : ''}`] : [];
  });
}

export interface Tabs {
  /** waits for a free page of the pool; give it back with `give` */
  take(): Promise<Page>;
  give(page: Page): void;
}

/**
 * `count` pages in one browser context with `options` (and `initScripts`, files run in each document as it starts), opened before the calling file's tests and closed after them,
 * reused from test to test (a new context per test costs more than the page it loads). Tests run with
 * `describe.concurrent` take one each (vitest.config.ts runs two at a time), so `count` pages are checked at once.
 */
export function tabs(live: LiveSite, options: BrowserContextOptions, count = 2, initScripts: string[] = []): Tabs {
  const idle: Page[] = [];
  const waiting: ((p: Page) => void)[] = [];
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const context = await live.browser.newContext(options);
    for (const path of initScripts) await context.addInitScript({ path });
    close = () => context.close();
    for (let i = 0; i < count; i++) idle.push(await context.newPage());
  });
  afterAll(() => close?.());
  return {
    take: () => new Promise<Page>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve))),
    give: (p) => (waiting.length ? waiting.shift()!(p) : idle.push(p)),
  };
}

/**
 * Brings every chart of the loaded page into view, one after the other, in one round trip (an instant scroll and two
 * frames each, so the chart observer sees each figure), then waits until every one is drawn live.
 */
export async function drawCharts(page: Page, timeout = 20_000): Promise<void> {
  await page.evaluate(async () => {
    for (const f of document.querySelectorAll('figure[data-chart]')) {
      f.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  });
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every((f) => f.dataset.live === 'true'),
    null,
    { timeout },
  );
}
