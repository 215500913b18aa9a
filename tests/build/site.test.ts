/** The built site: pages exist, charts are inline SVG with accessible labels, data files carry provenance. */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFile } from '../helpers/dist.ts';

const page = (path: string) => parseHTML(distFile(path)).document;

describe('built site', () => {
  test('home, essay and data pages exist and show the data kind and as-of', () => {
    for (const path of ['index.html', 'essays/staking/index.html', 'data/index.html', 'claims/index.html']) {
      const doc = page(path);
      expect(doc.querySelector('.data-badge')?.textContent, path).toMatch(/Cited figures only|Chain data|SYNTHETIC/);
      expect(doc.querySelector('.data-badge')?.textContent, path).toContain('as of');
    }
  });

  test('an essay holds its charts as inline SVG with an accessible label and description', () => {
    const doc = page('essays/staking/index.html');
    const figure = doc.querySelector('figure[data-chart="staking-ratio"]');
    expect(figure).not.toBeNull();
    const svg = figure?.querySelector('.chart-plot > svg');
    expect(svg?.getAttribute('aria-label')).toBe('Share of issued TAO that is staked');
    expect(svg?.getAttribute('role')).toBe('img');
    const desc = doc.getElementById(svg?.getAttribute('aria-describedby') ?? '');
    expect(desc?.textContent?.length).toBeGreaterThan(40);
    expect(figure?.querySelector('.chart-caption')?.textContent).toMatch(/as of/);
    expect(figure?.querySelector('a[href$="data/charts/staking-ratio.csv"]')).not.toBeNull();
  });

  test('Japanese text is marked lang="ja"', () => {
    const doc = page('essays/staking/index.html');
    const ja = [...doc.querySelectorAll('.para .ja')];
    expect(ja.length).toBeGreaterThan(0);
    for (const p of ja) expect(p.getAttribute('lang')).toBe('ja');
  });

  test('chart downloads hold exactly the rows the chart plots, with provenance', () => {
    const json = JSON.parse(distFile('data/charts/issuance.json'));
    const csv = distFile('data/charts/issuance.csv').trim().split('\n');
    expect(csv).toHaveLength(json.rows.length + 1);
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['date', 'series', 'value', 'origin', 'block', 'item', 'url']));
    for (const r of json.rows) expect(r.url ?? r.item, JSON.stringify(r)).toBeTruthy();
  });

  test('the browser bundle leaves zod out (validation happens at build time)', () => {
    for (const f of readdirSync(join(DIST, '_astro')).filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(DIST, '_astro', f), 'utf8'), f).not.toContain('_zod');
  });

  test('only pages with charts load the chart script', () => {
    expect(distFile('essays/staking/index.html')).toMatch(/<script type="module" src="[^"]+\.js">/);
    expect(distFile('claims/index.html')).not.toMatch(/<script type="module"/);
  });
});

/** Every built HTML page (without the search index and assets). */
function htmlPages(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (['pagefind', '_astro', 'og'].includes(e.name) ? [] : htmlPages(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const BLOCK = new Set('address article aside blockquote br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul label select option'.split(' '));

/**
 * The page's text as a reader (or Pagefind) gets it: block elements and table cells are separated, inline elements
 * are not, and the hidden search copy, scripts and SVG are left out. Two inline elements written on separate lines
 * of a template can lose the space between them; this text shows it.
 */
function readerText(html: string): string {
  const { document } = parseHTML(html);
  for (const e of document.querySelectorAll('script, style, svg, template, .pf-words')) e.remove();
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) out.push(c.textContent ?? '');
      else if (c.nodeType === 1) {
        const block = BLOCK.has((c as Element).localName);
        if (block) out.push(' ');
        walk(c);
        if (block) out.push(' ');
      }
    }
  };
  walk(document.body);
  return out.join('').replace(/\s+/g, ' ');
}

describe('text between inline elements', () => {
  // the joins readers reported (issue 10), and the general forms of each
  const JOINS: Array<[string, RegExp]> = [
    ['footer: "Sources ·snapshot.json"', /\s·[^\s]/],
    ['claims: "from¶2"', /\w¶\d/],
    ['data: "genesis0x2f05…"', /genesis0x/],
    ['data: "(TAO).No head block"', /\(TAO\)\.\S/],
    ['data: "chain.Written by"', /\.Written by/],
    ['claims and essays: "inferenceunverifiable"', /(figure|fact|inference)(supported|partly|contradicted|unverifiable)/],
    ['essays: "Claim C01fact", "C01C02", ")C27"', /C\d{2}(fact|figure|inference|opinion|C\d{2})|\)C\d{2}/],
    ['essays: "¶2in the register", "unverifiableback to"', /¶\d+in the register|(supported|contradicted|unverifiable|judged)back to/],
  ];
  const pages = htmlPages();

  test('there are pages to check', () => expect(pages.length).toBeGreaterThan(10));

  test.each(JOINS)('no page runs words together: %s', (_, re) => {
    const hits = pages.flatMap((f) => {
      const t = readerText(readFileSync(f, 'utf8'));
      const m = t.match(re);
      return m ? [`${f.slice(DIST.length)}: “…${t.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30)}…”`] : [];
    });
    expect(hits).toEqual([]);
  });
});
