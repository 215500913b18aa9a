/** Debian's Chromium driven by playwright-core, with the flags this network needs. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A Chromium of the caller's own, which the caller closes. */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

// on globalThis, not in a module variable: vitest (isolate: false) runs many test files in one worker process and may
// import this module afresh for each, while the process, and so the browser, stays
const SHARED = Symbol.for('taoproof.sharedChromium');
type WithShared = typeof globalThis & { [SHARED]?: Promise<Browser> };

/**
 * One Chromium per process, launched on first use and shared by every test file the process runs (a launch costs
 * about a second, more on a loaded machine). Callers never close it: each opens its own contexts (`newContext`,
 * `newPage`) and closes those, so no cookie, storage, cache or route of one file reaches another. Playwright closes
 * the browser when the process exits (its exit and signal handlers), and Chromium exits when its pipe closes.
 */
export function sharedBrowser(): Promise<Browser> {
  const g = globalThis as WithShared;
  let browser = g[SHARED];
  if (!browser) {
    const launched = launch();
    g[SHARED] = browser = launched;
    const forget = () => {
      if (g[SHARED] === launched) delete g[SHARED];
    };
    launched.then((b) => b.on('disconnected', forget), forget);
  }
  return browser;
}
