/**
 * The key under a chart, as HTML (the build inlines it, the live renderer swaps it with the chart): each event's
 * number with its label and date, each series break's letter with a link to its row on the methodology page, each
 * caveat on a counter the chart reads (with its row there), and the figures whose label found no place on the chart.
 */
import type { KeyItem } from './types.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a series break is, in a reader's words. */
export const BREAK_WORDS = 'the chain recounted this figure';

function link(label: string, href: string | null): string {
  return href ? `<a href="${escape(href)}">${escape(label)}</a>` : escape(label);
}

function item(k: KeyItem, base: string): string {
  const date = k.date ? ` <span class="key-date">${escape(k.date)}</span>` : '';
  if (k.kind === 'break') {
    // a range the counter did not measure is said as such; any other break in the reader's words
    const unusable = /^unusable until here: /.exec(k.label);
    const words = unusable ? 'unusable until here' : BREAK_WORDS;
    const name = unusable ? k.label.slice(unusable[0].length) : k.label;
    return `<li class="key-break"><span class="key-mark">${escape(k.mark)}</span> ${words}: ${link(name, k.href ? `${base}${k.href}` : null)}${date}</li>`;
  }
  if (k.kind === 'caveat')
    return `<li class="key-caveat"><span class="key-mark">${escape(k.mark)}</span> caveat: ${link(k.label, k.href ? `${base}${k.href}` : null)}${date}</li>`;
  if (k.kind === 'event') {
    const also = (k.breaks ?? []).map((b) => link(b.label, `${base}${b.href}`)).join(', ');
    const cls = also ? 'key-event key-break' : 'key-event';
    return `<li class="${cls}"><span class="key-mark">${escape(k.mark)}</span> ${link(k.label, k.href)}${date}${also ? `; ${BREAK_WORDS}: ${also}` : ''}</li>`;
  }
  return `<li class="key-figure"><span class="key-mark" aria-hidden="true">◇</span> ${escape(k.label)}${date}</li>`;
}

/** Entries after which the key folds into a <details>, so it never outgrows its chart. */
export const KEY_OPEN_MAX = 4;

/** The key's HTML, or '' when the chart has nothing to explain. `base` is the site's base path ("/" or "/taoproof/"). */
export function keyHtml(items: KeyItem[], base: string): string {
  if (items.length === 0) return '';
  const list = `<ul class="chart-key" aria-label="Key to the numbered marks">${items.map((k) => item(k, base)).join('')}</ul>`;
  if (items.length <= KEY_OPEN_MAX) return list;
  return `<details class="chart-key-fold"><summary>Key to the ${items.length} marks on the chart</summary>${list}</details>`;
}
