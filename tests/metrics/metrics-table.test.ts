/**
 * The METRICS table (src/model/metrics.ts) is the one place a formula is written: every `formula:` in src/ reads it
 * (formulaOf), its rows name real series, columns, breaks and claims, and formulaOf refuses a placeholder left empty.
 * tests/build/site.test.ts checks that the built methodology page shows every row with the table's formula.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { sourceCode, sourceFiles } from '../helpers/source-files.ts';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  citedFormula,
  formulaOf,
  formulaParts,
  METRIC_IDS,
  METRICS,
  metricItems,
  placeholders,
  type MetricDef,
} from '../../src/model/metrics.ts';
import { SERIES } from '../../src/model/series.ts';
import { SUBNET_COLUMNS } from '../../src/model/columns.ts';
import { SERIES_BREAKS } from '../../src/model/breaks.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TABLE = 'src/model/metrics.ts';

/**
 * Each `formula` property (`formula: …` in an object literal) whose value is written as text: a string literal, or a
 * template literal (with or without `${…}`), directly or as a branch of `a ? b : c` or `a ?? b`. A call
 * (`formulaOf('staking-ratio')`) or a variable holding one is not text.
 */
export function formulaLiterals(source: string): number[] {
  const sf = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const isText = (e: ts.Expression): boolean => {
    if (ts.isParenthesizedExpression(e)) return isText(e.expression);
    if (ts.isConditionalExpression(e)) return isText(e.whenTrue) || isText(e.whenFalse);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
      return isText(e.left) || isText(e.right);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)
      return isText(e.left) || isText(e.right);
    return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e);
  };
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAssignment(n) && n.name.getText(sf) === 'formula' && isText(n.initializer))
      lines.push(sf.getLineAndCharacterOfPosition(n.getStart()).line + 1);
    n.forEachChild(visit);
  };
  visit(sf);
  return lines;
}

describe('METRICS: every formula written once', () => {
  test('the scan finds a formula written as text, and not one read from the table', () => {
    const src = [
      "const a = { formula: 'TotalStake / TotalIssuance' };",
      'const b = { formula: `${x} at block ${y}` };',
      "const c = { formula: ok ? formulaOf('x') : 'SubnetTAO[0]' };",
      "const d = { formula: formulaOf('staking-ratio'), label: 'a / b' };",
      'const e = { formula: grown.formula };',
    ].join('\n');
    expect(formulaLiterals(src)).toEqual([1, 2, 3]);
  });

  test('no `formula:` in src/ is written as text outside the table', () => {
    const files = sourceFiles(join(ROOT, 'src')).filter((f) => relative(ROOT, f) !== TABLE);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => formulaLiterals(sourceCode(f)).map((line) => `${relative(ROOT, f)}:${line}`));
    expect(found).toEqual([]);
  });

  test('the methodology page writes no formula of its own: its metrics come from the table', () => {
    const page = readFileSync(join(ROOT, 'src/pages/methodology.astro'), 'utf8');
    expect(page).toContain("from '../model/metrics.ts'");
    expect(formulaLiterals(sourceCode(join(ROOT, 'src/pages/methodology.astro')))).toEqual([]);
    // none of the table's formulas with an operator (and no placeholder) is typed into the page
    for (const id of METRIC_IDS)
      if (placeholders(id).length === 0 && /[/×−Σ]/.test(METRICS[id].formula))
        expect(page, id).not.toContain(METRICS[id].formula);
  });
});

describe('METRICS rows', () => {
  const claims = new Set(
    (parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as Array<{ id: string }>).map((c) => c.id),
  );
  const breaks = new Map(SERIES_BREAKS.map((b) => [b.id, b]));

  test.each(METRIC_IDS)('%s: its series, columns, caveats and claims exist', (id) => {
    const m: MetricDef = METRICS[id];
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const f of m.series) expect(Object.keys(SERIES), `${id}: series ${f}`).toContain(f);
    for (const c of m.columns ?? []) expect(Object.keys(SUBNET_COLUMNS), `${id}: column ${c}`).toContain(c);
    for (const c of m.caveats) {
      const b = breaks.get(c);
      expect(b, `${id}: caveat ${c} is not a row of SERIES_BREAKS`).toBeDefined();
      // a caveat bears on something the metric reads
      const reads =
        b!.series.some((s) => m.series.includes(s)) ||
        (b!.columns ?? []).some((col) => (m.columns ?? []).includes(col));
      expect(reads, `${id}: caveat ${c} concerns none of its series or columns`).toBe(true);
    }
    expect(m.claims.length, id).toBeGreaterThan(0);
    for (const c of m.claims) expect(claims.has(c), `${id}: claim ${c}`).toBe(true);
  });

  test('formulaOf fills placeholders and refuses one left empty or a value with no placeholder', () => {
    expect(formulaOf('market-value', { 'market cap': '$2B', 'share of supply': '70%' })).toBe('$2B × 70%');
    expect(formulaOf('root-stake', {}, '2025-04-17')).toBe('SubnetTAO[0] (2025-04-17)');
    expect(() => formulaOf('market-value', { 'market cap': '$2B' })).toThrow(
      'src/model/metrics.ts: METRICS["market-value"].formula: no value for {share of supply}',
    );
    expect(() => formulaOf('staking-ratio', { x: 1 })).toThrow(
      'src/model/metrics.ts: METRICS["staking-ratio"].formula: no placeholder {x}',
    );
    expect(citedFormula('owner-cut')).toBe('Subnet owner cut, cited: not a chain read');
  });

  test('formulaParts splits a formula into text and the names the methodology shows', () => {
    expect(formulaParts('fdv')).toEqual([
      { name: 'market cap' },
      { text: ' / ' },
      { name: 'issued supply' },
      { text: ' × ' },
      { name: 'max supply' },
    ]);
    expect(formulaParts('staking-ratio')).toEqual([{ text: METRICS['staking-ratio'].formula }]);
  });

  test('storage items come from the series and per-subnet tables', () => {
    expect(metricItems('staking-ratio')).toEqual(['SubtensorModule.TotalStake', 'SubtensorModule.TotalIssuance']);
    expect(metricItems('emission-split')).toEqual([
      'SubtensorModule.SubnetOwnerCut',
      'SubtensorModule.TaoWeight',
      'SubtensorModule.SubnetTAO',
      'SubtensorModule.SubnetAlphaIn',
      'SubtensorModule.SubnetAlphaOut',
    ]);
  });
});
