/**
 * The search page: Pagefind's JS API (loaded from the static index), the query segmented like the index, and each
 * hit linked to the nearest paragraph or claim anchor before the match, so a reader lands on the line itself.
 *
 * Excerpts are built here rather than taken from Pagefind, so that they read as prose: the hidden word-split copy of
 * each Japanese text (fenced by markers, see src/site/segment.ts) is indexed but never shown, a match inside it is
 * shown on the original sentence it copies, and matches in chart data tables (indexed at a lower weight, see
 * src/components/DataTable.astro) are passed over when the page also matches in prose.
 */
import { CLAIM_ID_BODY, PARAGRAPH_ID_BODY } from '../model/id-patterns.ts';
import { INDEX_COPY_CLOSE, INDEX_COPY_OPEN } from '../site/segment.ts';

interface PagefindAnchor {
  id: string;
  location: number;
}
interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: { title?: string };
  locations: number[];
  weighted_locations?: WeightedLocation[];
  anchors: PagefindAnchor[];
}
interface Pagefind {
  search(q: string): Promise<{ results: Array<{ data(): Promise<PagefindData> }> }>;
}

/** Pagefind's own word separators: its locations count words split this way. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;
/** Words a data table is indexed with (data-pagefind-weight="0.5"); prose is weighted 1 or more. */
const TABLE_WEIGHT = 0.75;
const EXCERPT_CHARS = 220;

export const segment = (q: string) => {
  const seg = new Intl.Segmenter('ja', { granularity: 'word' });
  return [...seg.segment(q)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .join(' ');
};

export interface Word {
  text: string;
  hidden: boolean;
}

/** The page's words as Pagefind counts them; words of a hidden index copy (and its markers) are flagged. */
export function pageWords(content: string): Word[] {
  let inCopy = false;
  return content.split(WORD_SEPARATORS).map((text) => {
    if (text === INDEX_COPY_OPEN) inCopy = true;
    const w = { text, hidden: inCopy };
    if (text === INDEX_COPY_CLOSE) inCopy = false;
    return w;
  });
}

/**
 * Where the hit is, as a word position in prose: the first run of the query's n words (a Japanese term is split into
 * several), preferring runs outside data tables; a run inside a hidden copy moves to the last word of the original
 * text just before the copy.
 */
export function hitPosition(d: PagefindData, words: Word[], n: number): number {
  const weight = new Map((d.weighted_locations ?? []).map((w) => [w.location, w.weight]));
  const locs = [...new Set(d.locations)].sort((a, b) => a - b);
  const set = new Set(locs);
  const runs = locs.filter((l) => Array.from({ length: n }, (_, k) => l + k).every((m) => set.has(m)));
  const starts = runs.length ? runs : locs;
  const prose = starts.filter((l) => (weight.get(l) ?? 1) >= TABLE_WEIGHT);
  let at = (prose.length ? prose : starts)[0] ?? 0;
  if (words[at]?.hidden) {
    while (at > 0 && words[at].text !== INDEX_COPY_OPEN) at--;
    while (at > 0 && words[at].hidden) at--;
  }
  return at;
}

/** The anchors a hit may land on: a line (`p07`), a claim (`claim-C07`), a term, a chart (ids from src/model). */
const LANDING_ANCHOR = new RegExp(`^(${PARAGRAPH_ID_BODY}|claim-${CLAIM_ID_BODY}|term-|chart-)`);

/** Where to land: the last paragraph/claim/term/chart anchor at or before the hit. */
export function landing(d: PagefindData, at: number): string {
  const useful = d.anchors.filter((a) => LANDING_ANCHOR.test(a.id) && a.location <= at);
  const a = useful.at(-1);
  return a ? `${d.url}#${a.id}` : d.url;
}

export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * A prose excerpt around word `at`: visible words only, about EXCERPT_CHARS long, with the matched words (and, for a
 * Japanese query, the term inside the original sentence) marked. Returned as pieces, so the page builds it with text
 * nodes and never parses HTML.
 */
export function excerpt(d: PagefindData, words: Word[], at: number, query: string): Piece[] {
  const matched = new Set(d.locations);
  const picked = [at];
  let chars = words[at]?.text.length ?? 0;
  let lo = at - 1;
  let hi = at + 1;
  while (chars < EXCERPT_CHARS && (lo >= 0 || hi < words.length)) {
    for (const side of [hi, lo]) {
      if (side < 0 || side >= words.length || words[side].hidden) continue;
      picked.push(side);
      chars += words[side].text.length + 1;
    }
    lo--;
    hi++;
  }
  picked.sort((a, b) => a - b);
  const term = query.trim();
  const ja = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term) ? term : null;
  const pieces: Piece[] = [];
  if (picked[0] > 0) pieces.push({ text: '… ', mark: false });
  picked.forEach((i, k) => {
    const w = words[i].text;
    const sep = k < picked.length - 1 ? ' ' : '';
    if (matched.has(i)) pieces.push({ text: w, mark: true }, { text: sep, mark: false });
    else if (ja && w.includes(ja)) {
      w.split(ja).forEach((part, j) => {
        if (j > 0) pieces.push({ text: ja, mark: true });
        if (part) pieces.push({ text: part, mark: false });
      });
      pieces.push({ text: sep, mark: false });
    } else pieces.push({ text: w + sep, mark: false });
  });
  if ((picked.at(-1) ?? 0) < words.length - 1) pieces.push({ text: ' …', mark: false });
  return pieces;
}

export async function runSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form[role=search]');
  const input = document.querySelector<HTMLInputElement>('#q');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !input || !status || !list) return;
  const base = form.getAttribute('action')?.replace(/search\/$/, '') ?? '/';
  let pagefind: Pagefind | undefined;
  const go = async (q: string) => {
    if (!q.trim()) return;
    status.textContent = 'Searching…';
    pagefind ??= (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    const terms = segment(q);
    const n = terms.split(' ').length;
    const { results } = await pagefind.search(terms);
    const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
    list.replaceChildren(
      ...data.map((d) => {
        const words = pageWords(d.content);
        const at = hitPosition(d, words, n);
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = landing(d, at);
        a.textContent = d.meta.title ?? d.url;
        const p = document.createElement('p');
        p.className = 'search-excerpt';
        p.append(
          ...excerpt(d, words, at, q).map((piece) => {
            if (!piece.mark) return document.createTextNode(piece.text);
            const m = document.createElement('mark');
            m.textContent = piece.text;
            return m;
          }),
        );
        li.append(a, p);
        return li;
      }),
    );
    status.textContent = `${results.length} result${results.length === 1 ? '' : 's'} for “${q}”`;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
    void go(input.value);
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    void go(q);
  }
}
