/**
 * The article's figures are written once, in content/reference.yaml (the `by: article` figures, each with its quote);
 * verdict, threshold and chart prose writes them from there (src/metrics/figures.ts), so a corrected figure cannot
 * leave a sentence saying the old one.
 *
 * What counts as a literal: for each `by: article` figure, the forms prose writes it in: as the article's English
 * (`figureText`: `70%`, `$2B`, `5.38M`, `150k`, `one third`), in 万 (`586万`) and in full (`5,860,000`) for TAO
 * amounts; a count only from 10 up (the Senate's `12`; the Triumvirate's `3` is too common a digit to tell apart).
 * A form counts where it stands as a token (not inside `170%` or `3.70%`) in the text of a string or template literal
 * (the parts outside `${…}`) in a .ts file of src/claims or src/charts; comments and numbers in code do not count,
 * nor src/claims/code.ts, which holds verbatim quotes of the subtensor source (`SenateMaxMembers: u32 = 12`).
 *
 * Before this test, 137 such literals stood in 15 files (`$2B` 17 times, `150k` 17, `70%` 15, `450k` 11, `90%` 9,
 * `one third` 9, `8.61M`, `5.71M`, `300k`, `18%` and `12` 6 each, ...; 2 of them the code quotes left out above); the
 * figures now come from content/reference.yaml through `said`/`figureText` (src/metrics/figures.ts), and the
 * formulas that held them (`$2B × 70%`, `150k / 450k`) from METRICS (src/model/metrics.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { loadReferenceYaml } from '../../src/data/load.ts';
import { figureText, manText } from '../../src/metrics/figures.ts';
import { raoToTao } from '../../src/metrics/amount.ts';
import type { Figure } from '../../src/model/schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIRS = ['src/claims', 'src/charts'];
/** verbatim quotes of the subtensor source, not prose */
const QUOTES = new Set(['src/claims/code.ts']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The forms a figure is written in, as defined above. */
export function literalForms(f: Figure): string[] {
  if (f.unit === 'count') return Number(f.value) >= 10 ? [figureText(f)] : [];
  if (f.unit !== 'rao') return [figureText(f)];
  return [figureText(f), manText(f), Math.round(raoToTao(BigInt(f.value))).toLocaleString('en-US')];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each text part of the string and template literals of a TypeScript source, with its line. */
export function literalTexts(source: string): Array<{ line: number; text: string }> {
  const sf = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      // an import's module name is not prose
      if (!(ts.isStringLiteral(n) && (ts.isImportDeclaration(n.parent) || ts.isExportDeclaration(n.parent))))
        out.push({ line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.text });
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** Every article figure written as a literal in `source`, as "line: form (figure id)". */
export function articleLiterals(source: string, figures: readonly Figure[]): string[] {
  const patterns = figures.flatMap((f) =>
    literalForms(f).map((form) => ({
      id: f.id,
      form,
      re: new RegExp(`(?<![\\w.,$])${escape(form)}(?![\\w%]|[.,]\\d)`),
    })),
  );
  return literalTexts(source).flatMap(({ line, text }) =>
    patterns.filter((p) => p.re.test(text)).map((p) => `${line}: ${p.form} (${p.id})`),
  );
}

const figures = loadReferenceYaml(join(ROOT, 'content/reference.yaml')).figures.filter(
  (f) => f.source.by === 'article',
);

describe('article figures are written once, in content/reference.yaml', () => {
  test('the forms: as the article’s English writes them, in 万 and in full', () => {
    const byId = (id: string) => figures.find((f) => f.id === id)!;
    expect(literalForms(byId('article-root-stake-before'))).toEqual(['5.86M', '586万', '5,860,000']);
    expect(literalForms(byId('article-staking-floor'))).toEqual(['70%']);
    expect(literalForms(byId('article-market-cap'))).toEqual(['$2B']);
    expect(literalForms(byId('article-root-emission-share'))).toEqual(['one third']);
    expect(literalForms(byId('article-senate-size'))).toEqual(['12']);
    expect(literalForms(byId('article-triumvirate-size'))).toEqual([]);
  });

  test('the scan finds a figure in a string or template text, not in a comment, an expression or another number', () => {
    const src = [
      "// the article's 70% floor",
      "const a = 'never below 70%';",
      'const b = `${x} and $2B × ${y}`;',
      "const c = '170% and 3.70% and 5.386M and $2Bn';",
      'const d = 0.7 * 70;',
      "import e from './70%.ts';",
    ].join('\n');
    expect(articleLiterals(src, figures)).toEqual(['2: 70% (article-staking-floor)', '3: $2B (article-market-cap)']);
  });

  test('no verdict, threshold or chart writes one as a literal', () => {
    const files = DIRS.flatMap((d) => tsFiles(join(ROOT, d))).filter((f) => !QUOTES.has(relative(ROOT, f)));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      articleLiterals(readFileSync(file, 'utf8'), figures).map((x) => `${relative(ROOT, file)}:${x}`),
    );
    expect(found).toEqual([]);
  });
});
