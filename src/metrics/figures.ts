/**
 * The article's figures have one home, content/reference.yaml (`by: article`, with the quote each comes from); prose
 * in verdicts, charts and thresholds writes them from there, never as literals (tests/claims/article-figures.test.ts
 * refuses a literal). These functions find a figure and write it as the article's English reads: `70%`, `$2B`,
 * `5.38M`, `one third`, or in 万 as the Japanese does (`586万`).
 */
import type { Figure, Reference } from '../model/schema.ts';
import { formatCompact, raoToTao } from './amount.ts';

/** The cited figure with this id; throws, naming the file, when content/reference.yaml lacks it. */
export function figureById(reference: Pick<Reference, 'figures'>, id: string): Figure {
  const f = reference.figures.find((x) => x.id === id);
  if (!f) throw new Error(`content/reference.yaml: figures: expected a figure with id "${id}"`);
  return f;
}

/** Shares the article writes as words (`最大3分の1`: "up to one third"), within a millionth. */
const WORDS: ReadonlyArray<[number, string]> = [
  [1 / 3, 'one third'],
  [2 / 3, 'two thirds'],
];

/** A share as a percent with no trailing zeros: 0.7 → `70%`, 0.625 → `62.5%`; a third in words. */
export function shareText(x: number): string {
  const word = WORDS.find(([v]) => Math.abs(x - v) < 1e-6);
  return word ? word[1] : `${Number((x * 100).toPrecision(3))}%`;
}

/** A figure as the article's English writes it: `5.38M` (TAO, unit left to the sentence), `70%`, `$2B`, `12`. */
export function figureText(f: Pick<Figure, 'value' | 'unit'>): string {
  switch (f.unit) {
    case 'rao':
      return formatCompact(raoToTao(BigInt(f.value)));
    case 'ratio':
      return shareText(Number(f.value));
    case 'usd':
      return `$${formatCompact(Number(f.value))}`;
    default:
      return Number(f.value).toLocaleString('en-US');
  }
}

/** A TAO figure in 万 (10,000), as the Japanese article writes it: `586万`. */
export function manText(f: Pick<Figure, 'value' | 'unit'>): string {
  if (f.unit !== 'rao') throw new TypeError(`expected a TAO figure (unit rao), received unit ${f.unit}`);
  return `${(raoToTao(BigInt(f.value)) / 10_000).toLocaleString('en-US', { maximumFractionDigits: 2 })}万`;
}

/** `figureText` of the figure with this id. */
export function said(reference: Pick<Reference, 'figures'>, id: string): string {
  return figureText(figureById(reference, id));
}
