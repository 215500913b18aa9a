/** The essay checks on their own (src/checks/lint.ts): the MDX parser's view of an essay, and what each check says. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkLinks,
  essayAnchors,
  lintEssay,
  NOTE_TONES,
  scanEssay,
  type Known,
  type Site,
} from '../../src/checks/lint.ts';
import { ROOT } from '../../testing/project.ts';

const known: Known = {
  charts: new Set(['issuance']),
  claims: new Set(['C01', 'C02']),
  paragraphs: new Set(['p01', 'p02', 'p03']),
  bibIds: new Set(['src-a']),
  figures: new Set(['fig-a']),
  paragraphEssay: new Map([
    ['p01', 'one'],
    ['p02', 'one'],
    ['p03', 'two'],
  ]),
};
const lint = (mdx: string, slug = 'one') =>
  lintEssay(scanEssay(mdx), known, slug).map((p) => `${p.line}: ${p.message}`);

describe('the MDX parser', () => {
  test('components in comments, code blocks and strings are not components', () => {
    const scan = scanEssay(
      '---\ntitle: x\n---\n\n{/* <Passage from="p03" /> */}\n\n```\n<Chrat />\n```\n\nA `<Claim id="C09" />` in code.\n\n<Claim id="C01" />\n',
    );
    expect(scan.elements.map((e) => [e.name, e.line])).toEqual([['Claim', 13]]);
  });

  test('a syntax error is one problem with its line', () => {
    expect(lint('---\ntitle: x\n---\n\nok\n\n<Chart id="issuance"\n')).toEqual([
      expect.stringMatching(/^7: not valid MDX: /),
    ]);
  });
});

describe('lintEssay', () => {
  test('unknown components, attributes and expressions; HTML elements pass', () => {
    expect(lint('<Chrat id="issuance" />\n\n<Claim idd="C01" />\n\n<Cite id={x} />\n\n<sup>1</sup>\n')).toEqual([
      '1: <Chrat>: unknown component (did you mean <Chart>?); essays use <Chart>, <Claim>, <Passage>, <Note>, <Cite>, <Figure> (see CONTRIBUTING.md)',
      '3: <Claim idd="C01">: unknown attribute "idd", expected "id"',
      '3: <Claim idd="C01">: missing attribute "id"',
      '5: <Cite id={x}>: expected a literal string, received an expression',
    ]);
  });

  test('imports other than the essay components, multi-line too, and exports', () => {
    expect(
      lint(
        "import Chart from '../../src/components/essay/Chart.astro';\nimport {\n  readFileSync,\n} from 'node:fs';\nexport const x = 1;\n\ntext\n",
      ),
    ).toEqual([
      expect.stringMatching(/^2: import from "node:fs" is not allowed; essays may import only Chart\.astro, /),
      '5: export statements are not allowed in essays',
    ]);
  });

  test('Note tones, and Passages of another essay or reversed', () => {
    expect(
      lint('<Note tone="wrnog">x</Note>\n\n<Passage from="p02" to="p03" />\n\n<Passage from="p02" to="p01" />\n'),
    ).toEqual([
      '1: <Note tone="wrnog">: unknown tone (did you mean "wrong"?), expected one of right, wrong, unverifiable, changed, context',
      '3: <Passage from="p02" to="p03">: p03 belongs to the essay "two", not "one" (the essay: field in content/article/paragraphs.yaml); each line of the article is shown in its own essay',
      '5: <Passage from="p02" to="p01">: "from" comes after "to"',
    ]);
    expect(lint('<Passage from="p01" to="p02" />\n\n<Note tone="changed">x</Note>\n')).toEqual([]);
  });

  test('the tones are those of Note.astro', () => {
    const note = readFileSync(join(ROOT, 'src/components/essay/Note.astro'), 'utf8');
    const union = /tone\?:\s*([^;]+);/.exec(note)?.[1] ?? '';
    expect([...union.matchAll(/'([a-z]+)'/g)].map((m) => m[1])).toEqual([...NOTE_TONES]);
  });
});

describe('checkLinks', () => {
  const one = scanEssay('## Why it matters\n\n<Claim id="C01" />\n\n<Passage from="p01" />\n');
  const site: Site = {
    essays: new Set(['one', 'two']),
    anchors: new Map([
      ['one', essayAnchors(one, known.paragraphs, ['main'])],
      ['two', new Set(['claim-C02'])],
    ]),
    pageAnchors: new Map([['/glossary/', new Set(['term-alpha'])]]),
    exists: (p) => ['/glossary/', '/claims/', '/data/snapshot.json'].includes(p),
  };
  const links = (md: string) => checkLinks(scanEssay(md), 'one', site).map((p) => `${p.line}: ${p.message}`);

  test('relative links and anchors that resolve pass; other sites are not checked', () => {
    expect(
      links(
        '[a](#why-it-matters) [b](#claim-C01) [c](#p01) [d](../two/#claim-C02) [e](../../glossary/#term-alpha) [f](../../data/snapshot.json) [g](https://example.org/x) [h](mailto:a@b.c)\n',
      ),
    ).toEqual([]);
  });

  test('unknown essays, pages and anchors, and absolute links, are named', () => {
    expect(
      links(
        '[a](/essays/nope/)\n\n[b](#missing-anchor)\n\n[c](../tow/)\n\n[d](../two/#claim-C01)\n\n[e](../../claimz/)\n\n[f](/claims/)\n\n<a href="../../glossary/#term-beta">g</a>\n\n[h](../../glossary/#term-alpah)\n',
      ),
    ).toEqual([
      '1: link "/essays/nope/": no essay "nope"; the essays are one, two',
      '3: link "#missing-anchor": no element with id "missing-anchor" on this page',
      '5: link "../tow/": no essay "tow" (did you mean "two"?); the essays are one, two',
      '7: link "../two/#claim-C01": no element with id "claim-C01" on /essays/two/ (did you mean "#claim-C02"?)',
      '9: link "../../claimz/": no page at /claimz/ in this build',
      '11: link "/claims/": an absolute link breaks when the site is served under a base path (GitHub Pages); write it relative to /essays/one/, e.g. "../../claims/"',
      '13: link "../../glossary/#term-beta": no element with id "term-beta" on /glossary/',
      '15: link "../../glossary/#term-alpah": no element with id "term-alpah" on /glossary/ (did you mean "#term-alpha"?)',
    ]);
  });
});
