/** The built site served over HTTP and opened in Chromium, for the browser tests. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
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
