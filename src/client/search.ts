/**
 * The search page: Pagefind's JS API (loaded from the static index), the query segmented like the index, and each
 * hit linked to the nearest paragraph or claim anchor before the match, so a reader lands on the line itself.
 */
interface PagefindAnchor { id: string; location: number }
interface PagefindData { url: string; excerpt: string; meta: { title?: string }; locations: number[]; anchors: PagefindAnchor[] }
interface Pagefind { search(q: string): Promise<{ results: Array<{ data(): Promise<PagefindData> }> }> }

const segment = (q: string) => {
  const seg = new Intl.Segmenter('ja', { granularity: 'word' });
  return [...seg.segment(q)].filter((s) => s.isWordLike).map((s) => s.segment).join(' ');
};

/**
 * Where to land: the last paragraph/claim anchor before the match. For a query of n words (a Japanese term is
 * split into several), the match is the first run of n consecutive word positions, i.e. the phrase itself.
 */
function landing(d: PagefindData, words: number): string {
  const locs = [...d.locations].sort((a, b) => a - b);
  const run = locs.findIndex((l, i) => locs.slice(i, i + words).every((m, k) => m === l + k) && i + words <= locs.length);
  const first = locs[run >= 0 ? run : 0] ?? 0;
  const useful = d.anchors.filter((a) => /^(p\d{2}|claim-C\d{2}|term-|chart-)/.test(a.id) && a.location <= first);
  const a = useful.at(-1);
  return a ? `${d.url}#${a.id}` : d.url;
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
    const { results } = await pagefind.search(terms);
    const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
    list.replaceChildren(
      ...data.map((d) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = landing(d, terms.split(' ').length);
        a.textContent = d.meta.title ?? d.url;
        const p = document.createElement('p');
        p.innerHTML = d.excerpt; // Pagefind's excerpt: escaped text with <mark> around matches
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
