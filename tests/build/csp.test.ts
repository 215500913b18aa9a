/**
 * Every built page carries a Content-Security-Policy (issue 16, item 6), without a browser: a meta tag at the top of
 * <head>, whose script-src lists the sha256 of each inline script of that page (so none is blocked) and nothing
 * broader than the site itself, whose connect-src is the site and Finney's endpoints; and no page holds what the
 * policy would block silently (inline event handlers, javascript: URLs). Needs `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectSources, inlineScripts, scriptHash, VERIFY_MARK, withCsp } from '../../src/csp.ts';
import { FINNEY_ENDPOINTS } from '../../src/data/chain.ts';
import { DIST, htmlPages } from '../helpers/dist.ts';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('Content-Security-Policy of the built pages', () => {
  const pages = htmlPages();

  it('is on every page, at the top of <head>, and lists every inline script by its hash', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const page = relative(DIST, file);
      const html = readFileSync(file, 'utf8');
      const m =
        /<head[^>]*>(?:<meta charset="[^"]*">)?<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(
          html,
        );
      expect(m, `${page}: no CSP meta tag at the top of <head>`).not.toBeNull();
      expect(html.match(/http-equiv="Content-Security-Policy"/g), page).toHaveLength(1);
      const d = directives(m![1]);
      expect(d.get('default-src'), page).toEqual(["'self'"]);
      expect(d.get('object-src'), page).toEqual(["'none'"]);
      expect(d.get('base-uri'), page).toEqual(["'self'"]);
      const scripts = d.get('script-src')!;
      expect(
        scripts.filter((s) => !s.startsWith("'sha256-")),
        page,
      ).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      for (const s of inlineScripts(html))
        expect(scripts, `${page}: inline script not hashed`).toContain(scriptHash(s));
      // any https:/wss: node only on a page with the in-browser proof check, whose reader picks the node to ask
      expect(d.get('connect-src'), page).toEqual(connectSources(VERIFY_MARK.test(html)));
      expect(connectSources(false)).toEqual(["'self'", ...FINNEY_ENDPOINTS.map((e) => e.replace(/:443$/, ''))]);
      expect(html, `${page}: an inline event handler the policy blocks`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html, `${page}: a javascript: URL the policy blocks`).not.toMatch(
        /(href|src|action)\s*=\s*["']?\s*javascript:/i,
      );
    }
  });

  it('the pages with scripts of their own have their hashes: the claims filter and the language switch', () => {
    const claims = pages.find((p) => relative(DIST, p) === 'claims/index.html')!;
    const html = readFileSync(claims, 'utf8');
    expect(inlineScripts(html).length).toBeGreaterThanOrEqual(2);
  });
});

describe('withCsp (pure)', () => {
  it('hashes executable inline scripts only, replaces an older tag, and keeps <meta charset> first', () => {
    const html =
      '<html><head><meta charset="utf-8"><script>alert(1)</script><script type="application/ld+json">{}</script><script src="/a.js"></script></head></html>';
    const once = withCsp(html);
    expect(withCsp(once)).toBe(once);
    expect(once.startsWith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(once).toContain(scriptHash('alert(1)'));
    expect(once).not.toContain(scriptHash('{}'));
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(once).toMatch(/connect-src 'self' wss:\/\/\S+ wss:\/\/\S+;/);
    const verifying = withCsp(
      '<html><head></head><body><span class="verify" data-verify-block="1"></span></body></html>',
    );
    expect(verifying).toMatch(/connect-src 'self' wss:\/\/\S+ wss:\/\/\S+ https: wss:;/);
  });
});
