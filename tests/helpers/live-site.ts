/** The built site served over HTTP and opened in Chromium, for the browser tests. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../../testing/browser.ts';
import { DIST } from './dist.ts';
import { serve, type Served } from '../../testing/serve.ts';

export interface LiveSite {
  /** Chromium, launched before the file's tests */
  readonly browser: Browser;
  /** where dist/ is served, without a trailing slash */
  readonly url: string;
  /** every path the server was asked for, in order */
  readonly requests: string[];
}

/**
 * Serves dist/ and launches Chromium before the calling test file's tests, and closes both after them. Read
 * `.browser` and `.url` inside tests (they are set once the file's beforeAll has run).
 */
export function liveSite(): LiveSite {
  let browser: Browser | undefined;
  let site: Served | undefined;
  beforeAll(async () => {
    site = await serve(DIST);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`tests/helpers/live-site.ts: ${what} read before beforeAll ran`);
    return v;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
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
 * `count` pages in one browser context with `options`, opened before the calling file's tests and closed after them,
 * reused from test to test (a new context per test costs more than the page it loads). Tests run with
 * `describe.concurrent` take one each (vitest.config.ts runs two at a time), so `count` pages are checked at once.
 */
export function tabs(live: LiveSite, options: BrowserContextOptions, count = 2): Tabs {
  const idle: Page[] = [];
  const waiting: ((p: Page) => void)[] = [];
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const context = await live.browser.newContext(options);
    close = () => context.close();
    for (let i = 0; i < count; i++) idle.push(await context.newPage());
  });
  afterAll(() => close?.());
  return {
    take: () => new Promise<Page>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve))),
    give: (p) => (waiting.length ? waiting.shift()!(p) : idle.push(p)),
  };
}
