/**
 * No built page runs two words together across an element boundary.
 *
 * Astro's HTML compression drops whitespace that holds a line break between a text and a tag, so `uses\n<code>x`
 * in a template (often a line break Prettier moved) is built as `uses<code>x`, and `</li>\n<li>` as `</li><li>`.
 * A browser lays those out apart or together depending on CSS, but text extraction does not: textContent,
 * copy-paste of some elements, search excerpts and Pagefind's index (which glues `<th>`, `<dt>`/`<dd>` and inline
 * elements) read "usesx" and "ReportClaims".
 *
 * The rules, over the text nodes of every HTML page in dist/ (search index, assets and OG images excluded), in
 * document order:
 * - Left out: `<script>`, `<style>`, `<svg>`, `<template>`, `<noscript>`, anything `[hidden]`, and `.pf-words` (the
 *   hidden word-split copy of Japanese text made for Pagefind; `aria-hidden`, never read, and split on purpose).
 * - Whitespace anywhere between two texts (a whitespace-only text node, or whitespace at the end of the first or the
 *   start of the second) separates them. So does an `<img>`/`<input>` with alt or value text (not checked).
 * - A join is a letter or digit, or a sentence mark (. , ; : ! ?), at the end of one text immediately followed by a
 *   letter at the start of the next, where the boundary between them (the elements closed after the first text,
 *   opened before the second, and any element between them with no text such as `<br>`) includes at least one
 *   element that is not word-internal markup. Word-internal markup is `<em>`, `<strong>`, `<i>`, `<b>`, `<u>`, `<s>`,
 *   `<mark>`, `<small>`, `<sub>`, `<sup>`, `<q>`, `<dfn>`, `<var>`, `<cite>`, `<bdi>`, `<bdo>`, `<ins>`, `<del>`,
 *   `<ruby>`/`<rt>`/`<rp>` and a `<span>` with no class or role (a `lang` span, say): `<em>un</em>verified` is one
 *   word. Everything else counts: `<code>`, `<a>`, `<abbr>`, `<time>`, `<data>`, `<button>`, a `<span class>` used as
 *   a label, table cells, list items, `<dt>`/`<dd>`, paragraphs, headings, `<div>`, `<br>` and all other blocks.
 * - Elements that every extraction separates do not join: Pagefind ends a sentence at `<h1>`–`<h6>`, `<p>`, `<td>`,
 *   `<div>`, `<ul>`, `<li>`, `<article>`, `<section>` and `<br>` (its parser's SENTENCE_SELECTORS and SPACE_SELECTORS)
 *   and browsers lay them out apart; an `<option>` is one choice of a control, never read run on. Pagefind glues
 *   `<th>`, `<dt>`/`<dd>`, `<caption>`, `<summary>`, `<legend>`, `<figcaption>` and the rest, so those count.
 * - A mark followed by a digit ("1,000" split as `1,<b>000</b>`) is not a join; nor is a letter followed by a digit.
 * Each join is listed with its page and about 30 characters either side, the boundary shown as "|".
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { DIST, htmlPages } from '../helpers/dist.ts';

const SKIP = 'script, style, svg, template, noscript, [hidden], .pf-words';
const WORD_INTERNAL = new Set(
  'em strong i b u s mark small sub sup q dfn var cite bdi bdo ins del ruby rt rp'.split(' '),
);
/** Elements that every extraction separates: browsers lay them out apart and Pagefind ends a sentence at them. */
const SEPARATE = new Set('h1 h2 h3 h4 h5 h6 p td div ul li article section br option'.split(' '));
const END = /[\p{L}\p{N}.,;:!?]$/u;
const START = /^\p{L}/u;

function isWordInternal(e: Element): boolean {
  const name = e.localName;
  if (name === 'span') return !e.hasAttribute('class') && !e.hasAttribute('role');
  return WORD_INTERNAL.has(name);
}

/** Every built HTML page (without the search index, assets and OG images). */
/** The joins in one page's HTML, each as "…30 chars|30 chars…". */
export function wordJoins(html: string): string[] {
  const { document } = parseHTML(html);
  for (const e of document.querySelectorAll(SKIP)) e.remove();
  // A flat run of the body: text pieces and the elements opened/closed between them.
  type Piece = { text: string } | { boundary: boolean };
  const run: Piece[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) run.push({ text: c.textContent ?? '' });
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (['img', 'input'].includes(e.localName)) run.push({ text: ' ' });
        const b: Piece = SEPARATE.has(e.localName) ? { text: ' ' } : { boundary: !isWordInternal(e) };
        run.push(b);
        walk(e);
        run.push(b);
      }
    }
  };
  walk(document.body);
  const joins: string[] = [];
  let before = ''; // the reader's text so far
  let crossed = false; // a counting element between the last text and this one
  for (const p of run) {
    if ('boundary' in p) {
      crossed ||= p.boundary;
      continue;
    }
    if (p.text === '') continue;
    if (crossed && END.test(before) && START.test(p.text)) {
      const tail = before.replace(/\s+/g, ' ').slice(-30).trimStart();
      const head = p.text.replace(/\s+/g, ' ').slice(0, 30);
      joins.push(`…${tail}|${head}…`);
    }
    before += p.text;
    crossed = false;
  }
  return joins;
}

describe('no page runs words together across an element boundary', () => {
  const pages = htmlPages();

  test('there are pages to check', () => expect(pages.length).toBeGreaterThan(10));

  test('the rules find the joins readers met, and pass words split by inline markup', () => {
    const body = (s: string) => `<!doctype html><html><body>${s}</body></html>`;
    expect(wordJoins(body('<p>The report uses<code>SubtensorModule.TotalIssuance</code>.</p>'))).toEqual([
      '…The report uses|SubtensorModule.TotalIssuance…',
    ]);
    expect(wordJoins(body('<p>(see <a href="/m/">Methodology</a>and <a href="/d/">Data</a>)</p>'))).toEqual([
      '…(see Methodology|and …',
    ]);
    expect(
      wordJoins(body('<table><tr><th>Claim</th><th>Quote</th></tr><tr><td>a</td><td>b</td></tr></table>')),
    ).toEqual(['…Claim|Quote…']);
    expect(wordJoins(body('<p>x: <code>Stake</code>,<code>PendingRootDivs</code></p>'))).toEqual([
      '…x: Stake,|PendingRootDivs…',
    ]);
    expect(wordJoins(body('<dl><dt>Unit</dt><dd>RAO</dd></dl><p>a<br>b</p>'))).toEqual(['…Unit|RAO…']);
    expect(
      wordJoins(
        body(
          '<p><em>un</em>verified, <span lang="ja">日本</span>語, x<sup>2</sup>, 1,<b>000</b>, <a>a</a> b</p>' +
            '<ul><li>one</li><li>two</li></ul><p hidden>a</p><p>b <span class="pf-words">x</span>y</p>',
        ),
      ),
    ).toEqual([]);
  });

  test('every page', () => {
    const hits = pages.flatMap((f) => wordJoins(readFileSync(f, 'utf8')).map((j) => `${f.slice(DIST.length)}: ${j}`));
    expect(hits).toEqual([]);
  });
});
