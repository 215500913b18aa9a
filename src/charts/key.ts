/**
 * The key under a chart, as HTML (the build inlines it, the live renderer swaps it with the chart): each event's
 * number with its label and date, each series break's letter with a link to its row on the methodology page, each
 * caveat on a counter the chart reads (with its row there), and the figures whose label found no place on the chart.
 */
import type { KeyItem } from './types.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function item(k: KeyItem, base: string): string {
  const date = k.date ? ` <span class="key-date">${escape(k.date)}</span>` : '';
  if (k.kind === 'break') {
    const name = k.label.replace(/^counter break: /, '');
    const href = k.href ? `${base}${k.href}` : null;
    return `<li class="key-break"><span class="key-mark">${escape(k.mark)}</span> counter break: ${href ? `<a href="${escape(href)}">${escape(name)}</a>` : escape(name)}${date}</li>`;
  }
  if (k.kind === 'caveat') {
    const href = k.href ? `${base}${k.href}` : null;
    return `<li class="key-caveat"><span class="key-mark">${escape(k.mark)}</span> caveat: ${href ? `<a href="${escape(href)}">${escape(k.label)}</a>` : escape(k.label)}${date}</li>`;
  }
  if (k.kind === 'event') {
    const label = k.href ? `<a href="${escape(k.href)}">${escape(k.label)}</a>` : escape(k.label);
    return `<li class="key-event"><span class="key-mark">${escape(k.mark)}</span> ${label}${date}</li>`;
  }
  return `<li class="key-figure"><span class="key-mark" aria-hidden="true">◇</span> ${escape(k.label)}${date}</li>`;
}

/** The key's HTML, or '' when the chart has nothing to explain. `base` is the site's base path ("/" or "/taoproof/"). */
export function keyHtml(items: KeyItem[], base: string): string {
  if (items.length === 0) return '';
  return `<ul class="chart-key" aria-label="Key to the numbered marks">${items.map((k) => item(k, base)).join('')}</ul>`;
}
