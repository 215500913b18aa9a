/**
 * The Content-Security-Policy of every built page, as a `<meta http-equiv>` tag (GitHub Pages sets no headers).
 * Scripts: the site's own files and the sha256 of each inline script the page holds (computed from the built HTML,
 * so Astro's inlined module scripts are covered too), plus 'wasm-unsafe-eval' for Pagefind's search index;
 * connections: the site itself and Finney's endpoints (src/data/chain.ts), and on a page that holds an in-browser
 * proof check (src/components/Verify.astro, marked `data-verify-block`) any https: or wss: origin, since its second
 * step asks a Finney node the reader picks or types for a block hash (the page connects only when the reader asks;
 * pages without the control keep the narrow list). Styles may be inline: the charts'
 * SVG, drawn again in the browser by Observable Plot, carries its own <style> and style attributes. No plugins,
 * no framing of other sites' pages into a form, and <base> only to the site.
 *
 * The tag is added after the build (`astro:build:done`) at the top of each page's <head> (after <meta charset>), so
 * it governs every script and connection of the page. tests/build/csp.test.ts checks every page.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FINNEY_ENDPOINTS } from './data/chain.ts';

/** Inline scripts the browser runs (no src; no type, or a JavaScript type): their text, as written in the page. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue; // data (JSON-LD)
    out.push(m[2]);
  }
  return out;
}

export const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A page holding the in-browser proof check, whose reader may ask any Finney node (src/components/Verify.astro). */
export const VERIFY_MARK = /<[^>]*\sdata-verify-block=/;

/** The connect-src origins of a page: the site and Finney's endpoints; any https:/wss: node where `anyNode`. */
export function connectSources(anyNode: boolean): string[] {
  return ["'self'", ...FINNEY_ENDPOINTS.map((e) => e.replace(/:443$/, '')), ...(anyNode ? ['https:', 'wss:'] : [])];
}

/** The policy for a page whose inline scripts are `scripts` (and which asks nodes the reader picks, `anyNode`). */
export function policy(scripts: string[], anyNode = false): string {
  const hashes = [...new Set(scripts.map(scriptHash))].sort();
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSources(anyNode).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/;

/** The page with its CSP meta tag (replacing an older one): first in <head>. */
export function withCsp(html: string): string {
  const bare = html.replace(CSP_META, '');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScripts(bare), VERIFY_MARK.test(bare))}">`;
  if (!/<head(\s[^>]*)?>/i.test(bare)) return bare; // not a page (a redirect stub has a head; a fragment none)
  // after <meta charset> when it opens the head (it must stay in the first 1024 bytes), else first in <head>
  const charset = /(<head(\s[^>]*)?>\s*<meta charset="[^"]*"\s*\/?>)/i;
  if (charset.test(bare)) return bare.replace(charset, (h) => `${h}${tag}`);
  return bare.replace(/<head(\s[^>]*)?>/i, (h) => `${h}${tag}`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

export default function csp(): AstroIntegration {
  return {
    name: 'taoproof:csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const f of files) writeFileSync(f, withCsp(readFileSync(f, 'utf8')));
        logger.info(`Content-Security-Policy added to ${files.length} pages`);
      },
    },
  };
}
