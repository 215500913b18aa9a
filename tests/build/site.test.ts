/** The built site: pages exist, charts are inline SVG with accessible labels, data files carry provenance. */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DIST, distFile, htmlPages } from '../helpers/dist.ts';
import { ROOT } from '../../testing/project.ts';
import { loadReferenceYaml, loadSnapshot } from '../../src/data/load.ts';
import { verdictFor } from '../../src/claims/index.ts';
import { loadCorrections } from '../../src/data/corrections.ts';
import type { Evidence } from '../../src/claims/types.ts';
import type { Source } from '../../src/model/schema.ts';
import type { Claim } from '../../src/model/content.ts';
import { countLabels, decidingEvidence, firstSentence, pillOf } from '../../src/site/findings.ts';
import { SERIES_BREAKS } from '../../src/model/breaks.ts';
import { formulaParts, METRIC_IDS, METRICS } from '../../src/model/metrics.ts';
import { runtimeChangeRows } from '../../src/model/runtime-changes.ts';

const page = (path: string) => parseHTML(distFile(path)).document;

describe('built site', () => {
  test('home, essay and data pages exist and say once what data they show', () => {
    for (const path of ['index.html', 'essays/staking/index.html', 'data/index.html', 'claims/index.html']) {
      const badge = page(path).querySelector('.data-badge')?.textContent ?? '';
      expect(badge, path).toMatch(/^\s*(No chain data yet: figures cited|Chain data from block|SYNTHETIC test data)/);
      expect(badge.match(/cited/g)?.length ?? 0, path).toBeLessThanOrEqual(1); // not "Cited figures only · as of cited figures"
    }
  });

  test('an essay holds its charts as inline SVG with an accessible label and description', () => {
    const doc = page('essays/staking/index.html');
    const figure = doc.querySelector('figure[data-chart="staking-ratio"]');
    expect(figure).not.toBeNull();
    const svg = figure?.querySelector('.chart-plot svg');
    expect(svg?.getAttribute('aria-label')).toBe('Share of issued TAO that is staked');
    expect(svg?.getAttribute('role')).toBe('img');
    const desc = doc.getElementById(svg?.getAttribute('aria-describedby') ?? '');
    expect(desc?.textContent?.length).toBeGreaterThan(40);
    expect(figure?.querySelector('.chart-caption')?.textContent).toMatch(/No chain data yet|from block/);
    expect(figure?.querySelector('a[href$="data/charts/staking-ratio.csv"]')).not.toBeNull();
  });

  test('a corrected claim links to its entry on the corrections page, under the site base', () => {
    const essay = page('essays/root-exodus/index.html');
    const link = essay.querySelector('#claim-C30 a.corrected');
    // C30's newest hand-written entry, read from content/corrections.yaml
    const newest = loadCorrections()
      .filter((e) => e.claim === 'C30')
      .map((e) => e.date)
      .sort()
      .at(-1);
    expect(link?.textContent).toBe(`corrected ${newest}`);
    const href = link?.getAttribute('href') ?? '';
    expect(href).toMatch(new RegExp(`^(/[^/]+)*/corrections/#correction-C30-${newest}$`));
    expect(page('corrections/index.html').getElementById(`correction-C30-${newest}`)).not.toBeNull();
    // a claim of the same essay with no entry in the log has no link
    const claims = parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as Claim[];
    const logged = new Set(loadCorrections().map((e) => e.claim));
    const plain = claims.find((c) => c.essay === 'root-exodus' && c.type !== 'opinion' && !logged.has(c.id));
    expect(plain, 'a root-exodus claim without a correction').toBeDefined();
    expect(essay.querySelector(`#claim-${plain!.id}`)).not.toBeNull();
    expect(essay.querySelector(`#claim-${plain!.id} a.corrected`)).toBeNull();
  });

  test('the methodology keeps an anchor per break and derives its runtime-changes table (no hand-typed rows)', () => {
    const doc = page('methodology/index.html');
    for (const b of SERIES_BREAKS) expect(doc.getElementById(`break-${b.id}`), b.id).not.toBeNull();
    const rows = [...doc.querySelectorAll('#runtime-changes tbody tr')];
    expect(rows.map((r) => r.getAttribute('id'))).toEqual(runtimeChangeRows().map((r) => `spec-${r.spec}`));
    // spec 334: the series table's removals and the breaks table's row, linked
    const r334 = doc.getElementById('spec-334');
    expect(r334?.querySelector('a[href="#series-pendingRootDivs"]')?.textContent).toBe(
      'SubtensorModule.PendingRootDivs',
    );
    expect(r334?.querySelector('a[href="#break-root-claim-334"]')).not.toBeNull();
  });

  test('the methodology shows every METRICS row with the table’s formula, placeholders by name', () => {
    const doc = page('methodology/index.html');
    for (const id of METRIC_IDS) {
      const section = doc.getElementById(`metric-${id}`)?.closest('section');
      expect(section?.querySelector('h3')?.textContent, id).toBe(METRICS[id].label);
      const shown = section?.querySelector('code.formula');
      const expected = formulaParts(id)
        .map((p) => ('name' in p ? p.name : p.text))
        .join('');
      expect(shown?.textContent, id).toBe(expected);
      expect(
        [...(shown?.querySelectorAll('var') ?? [])].map((v) => v.textContent),
        id,
      ).toEqual(formulaParts(id).flatMap((p) => ('name' in p ? [p.name] : [])));
    }
    expect(doc.querySelectorAll('section.metric')).toHaveLength(METRIC_IDS.length);
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
    expect(csv[0].split(',')).toEqual(
      expect.arrayContaining(['date', 'series', 'value', 'origin', 'block', 'item', 'url']),
    );
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
const BLOCK = new Set(
  'address article aside blockquote br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul label select option'.split(
    ' ',
  ),
);

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
    [
      'claims and essays: "inferenceunverifiable"',
      /(figure|fact|inference)(supported|partly|contradicted|unverifiable)/,
    ],
    ['essays: "Claim C01fact", "C01C02", ")C27"', /C\d{2}(fact|figure|inference|opinion|C\d{2})|\)C\d{2}/],
    [
      'essays: "¶2in the register", "unverifiableback to"',
      /¶\d+in the register|(supported|contradicted|unverifiable|judged)back to/,
    ],
  ];
  const pages = htmlPages();

  test('there are pages to check', () => expect(pages.length).toBeGreaterThan(10));

  // each page's reader text, read and parsed once for all the joins (not once per join)
  let texts: Array<[string, string]> | undefined;
  const readerTexts = () => (texts ??= pages.map((f) => [f, readerText(readFileSync(f, 'utf8'))]));

  test.each(JOINS)('no page runs words together: %s', (_, re) => {
    const hits = readerTexts().flatMap(([f, t]) => {
      const m = t.match(re);
      return m
        ? [`${f.slice(DIST.length)}: “…${t.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30)}…”`]
        : [];
    });
    expect(hits).toEqual([]);
  });
});

describe('the home page’s bottom line comes from the verdict registry', () => {
  // the same data the build used: the committed snapshot and reference figures
  const data = { snapshot: loadSnapshot(), reference: loadReferenceYaml() };
  const claims = parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as Claim[];
  const essayDir = join(ROOT, 'content/essays');
  const deciding = readdirSync(essayDir)
    .map((f) => ({
      slug: f.replace(/\.mdx$/, ''),
      fm: parseYaml(readFileSync(join(essayDir, f), 'utf8').split(/^---$/m)[1]) as {
        decidingClaim?: string;
        draft?: boolean;
        order: number;
      },
    }))
    .filter((e) => e.fm.decidingClaim && !e.fm.draft)
    .sort((a, b) => a.fm.order - b.fm.order);

  test('one finding per essay with a decidingClaim, in reading order, each with the registry’s verdict, reason and figure', () => {
    expect(deciding.length).toBeGreaterThan(0); // the count is the content's: one per essay naming a decidingClaim
    const doc = page('index.html');
    const cards = [...doc.querySelectorAll('.finding')];
    expect(cards.map((c) => c.id)).toEqual(deciding.map((e) => `finding-${e.slug}`));
    for (const [i, e] of deciding.entries()) {
      const v = verdictFor(e.fm.decidingClaim!, data);
      expect(v, e.slug).not.toBeNull();
      const card = cards[i];
      // the pill: the verdict, or both facts where the arithmetic was checked without chain data (pillOf)
      const pill = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
      expect(pill(card.querySelector('.verdict')), e.slug).toBe(pillOf(v!).text);
      expect(card.getAttribute('data-verdict'), e.slug).toBe(v!.verdict);
      expect(card.querySelector('h3')?.textContent, e.slug).toContain(`(${e.fm.decidingClaim})`);
      expect(card.querySelector('.finding-why')?.textContent, e.slug).toBe(firstSentence(v!.reason));
      expect(v!.reason.startsWith(card.querySelector('.finding-why')!.textContent!), e.slug).toBe(true);
      const fig = decidingEvidence(v!);
      expect(card.querySelector('.finding-figure strong')?.textContent, e.slug).toBe(fig!.value);
      // the at-a-glance row says the same
      expect(pill(doc.querySelectorAll('.glance li')[i].querySelector('.verdict'))).toBe(pillOf(v!).text);
    }
  });

  test('the verdict counts add up to the register and link to their filtered lists; opinions are counted apart', () => {
    const doc = page('index.html');
    const counts = countLabels(claims, data);
    for (const a of doc.querySelectorAll('.counts a')) {
      const slug = a.getAttribute('href')!.match(/claims\/verdict\/([a-z-]+)\/$/)![1];
      expect(Number(a.querySelector('.count')?.textContent), slug).toBe(counts.get(slug.replace('-', ' ') as never));
      const list = page(`claims/verdict/${slug}/index.html`);
      expect(list.querySelectorAll('.claims-table tbody tr:not([hidden])').length, slug).toBe(
        counts.get(slug.replace('-', ' ') as never),
      );
    }
    expect(doc.querySelector('.counts .count-opinion .verdict')?.textContent).toBe('opinion, not judged');
  });
});

describe('the deciding figure rule (src/site/findings.ts)', () => {
  const article = {
    kind: 'cited' as const,
    by: 'article' as const,
    ref: 'a',
    url: 'https://example.org/a',
    title: 'the article',
  };
  const docs = { ...article, by: 'publication' as const, ref: 'd', title: 'docs' };
  const chain = {
    kind: 'chain' as const,
    block: 5,
    hash: `0x${'ab'.repeat(32)}`,
    item: 'SubtensorModule.TotalIssuance',
  };
  const e = (value: string, sources: Source[], formula?: string): Evidence => ({
    label: value,
    value,
    sources,
    formula,
  });
  const pick = (...ev: Evidence[]) => decidingEvidence({ verdict: 'supported', reason: 'x.', evidence: ev })?.value;

  test('a chain read (the last) over a computation over a non-article source over the first line', () => {
    expect(
      pick(e('claimed', [article]), e('computed', [article], 'a / b'), e('read 1', [chain]), e('read 2', [chain])),
    ).toBe('read 2');
    expect(pick(e('claimed', [article]), e('docs', [docs]), e('computed', [article], 'a / b'))).toBe('computed');
    expect(pick(e('claimed', [article]), e('docs', [docs]))).toBe('docs');
    expect(pick(e('claimed', [article]))).toBe('claimed');
    expect(pick()).toBeUndefined();
  });

  test('the first sentence does not stop at a version number or a decimal', () => {
    expect(firstSentence('The v2.0.11 runtime has 5.86M TAO on root. Then more.')).toBe(
      'The v2.0.11 runtime has 5.86M TAO on root.',
    );
  });
});
