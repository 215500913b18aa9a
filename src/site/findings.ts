/**
 * The report's bottom line, derived from the verdict registry at build time: for each essay that names a
 * `decidingClaim`, that claim's verdict, the first sentence of its reason and its deciding figure; and the verdict
 * counts over the whole claims register. Nothing here states a verdict: it only picks from what src/claims/ computes.
 */
import type { ChartData } from '../charts/types.ts';
import type { Claim } from '../model/content.ts';
import { verdictFor } from '../claims/index.ts';
import { VERDICTS, type Evidence, type Verdict, type VerdictResult } from '../claims/types.ts';

/** A verdict or "opinion" (labelled, not judged). */
export type Label = Verdict | 'opinion';
export const LABELS: readonly Label[] = [...VERDICTS, 'opinion'];

/** URL slug of a label: "partly supported" → "partly-supported". */
export const labelSlug = (l: Label) => l.replace(/ /g, '-');

/** The label of one claim: its computed verdict, or "opinion". A checkable claim without a verdict function is an error. */
export function labelOf(
  claim: Pick<Claim, 'id' | 'type'>,
  data: ChartData,
): { label: Label; result: VerdictResult | null } {
  if (claim.type === 'opinion') return { label: 'opinion', result: null };
  const result = verdictFor(claim.id, data);
  if (!result)
    throw new Error(
      `content/claims.yaml: ${claim.id}: a ${claim.type} needs a verdict function in src/claims/verdicts/ (registered in src/claims/index.ts)`,
    );
  return { label: result.verdict, result };
}

/** How many claims carry each label. */
export function countLabels(claims: Pick<Claim, 'id' | 'type'>[], data: ChartData): Map<Label, number> {
  const counts = new Map<Label, number>(LABELS.map((l) => [l, 0]));
  for (const c of claims) {
    const { label } = labelOf(c, data);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

/** The first sentence of a text (ICU sentence breaks, so "v2.0.11" or "5.86M" do not end a sentence). */
export function firstSentence(text: string): string {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const s of seg.segment(text)) return s.segment.trim();
  return text.trim();
}

const isArticleOnly = (e: Evidence) =>
  e.sources.length > 0 && e.sources.every((s) => s.kind === 'cited' && s.by === 'article');

/**
 * The number that decides a verdict, picked by rule rather than by hand: a chain read when the build has one (the
 * last, as verdict functions add chain reads after the cited figures they test), else a computation (the first line
 * with a formula), else the first line that is not the article's own figure, else the first line.
 */
export function decidingEvidence(v: VerdictResult): Evidence | null {
  const ev = v.evidence;
  return (
    ev.findLast((e) => e.sources.some((s) => s.kind === 'chain')) ??
    ev.find((e) => e.formula) ??
    ev.find((e) => !isArticleOnly(e)) ??
    ev[0] ??
    null
  );
}

export interface Finding {
  claim: Claim;
  verdict: Verdict;
  /** the whole verdict: its reason and evidence */
  result: VerdictResult;
  /** one sentence: why */
  why: string;
  figure: Evidence | null;
}

/** The finding for one essay's deciding claim. The claim must be a checkable one of that essay. */
export function finding(essay: string, claim: Claim | undefined, claimId: string, data: ChartData): Finding {
  const where = `content/essays/${essay}.mdx: frontmatter.decidingClaim`;
  if (!claim) throw new Error(`${where}: unknown claim id "${claimId}"`);
  const { label, result } = labelOf(claim, data);
  if (!result || label === 'opinion')
    throw new Error(`${where}: ${claimId} is an opinion; a deciding claim needs a verdict`);
  return {
    claim,
    verdict: result.verdict,
    result,
    why: firstSentence(result.reason),
    figure: decidingEvidence(result),
  };
}

/** True when a verdict's evidence has no chain read but recomputes the article's own arithmetic from its inputs. */
function arithmeticWithoutChain(v: VerdictResult): boolean {
  return (
    !v.evidence.some((e) => e.sources.some((s) => s.kind === 'chain')) &&
    v.evidence.some((e) => e.formula && isArticleOnly(e))
  );
}

/**
 * A verdict's pill: its label, or, for an unverifiable verdict whose evidence recomputes the article's own arithmetic
 * but has no chain read, both facts ("no chain data · arithmetic checked"), so the pill never reads as "nothing was
 * checked" above a card that says the arithmetic holds.
 */
export function pillOf(v: VerdictResult): { verdict: Verdict; text: string } {
  return {
    verdict: v.verdict,
    text: v.verdict === 'unverifiable' && arithmeticWithoutChain(v) ? 'no chain data · arithmetic checked' : v.verdict,
  };
}

/** One argument of the article as the home page sums it up: its short name, and its deciding claim's verdict. */
export interface ArgumentVerdict {
  topic: string;
  result: VerdictResult;
}

const NUMBER = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
/** "two", "12": numbers as words up to twelve. */
export const numberWord = (n: number) => NUMBER[n] ?? String(n);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "it", "both", "all four": every one of n things. */
const every = (n: number) => (n === 1 ? 'it' : n === 2 ? 'both' : `all ${numberWord(n)}`);
const names = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/**
 * The home page's answer to its headline, in two sentences, computed from the arguments' verdicts (never written by
 * hand): whether the critique's case stands on this evidence, then how many arguments are partly supported,
 * contradicted or unverifiable (naming the first two kinds, and saying for how many unverifiable ones the article's
 * own arithmetic was still recomputed).
 */
export function answer(args: ArgumentVerdict[]): string {
  const n = args.length;
  const of = (v: Verdict) => args.filter((a) => a.result.verdict === v);
  const [yes, partly, no, unknown] = VERDICTS.map(of);
  const all = n === 1 ? 'its one argument' : n === 2 ? 'both its arguments' : `all ${numberWord(n)} of its arguments`;
  const first =
    n === 0
      ? 'No argument of the critique is checked here.'
      : yes.length === n
        ? `The critique’s case holds on this evidence: ${all} ${n === 1 ? 'is' : 'are'} supported.`
        : yes.length === 0
          ? `Not shown: none of the critique’s ${numberWord(n)} arguments is supported outright by this evidence.`
          : `Only in part: ${numberWord(yes.length)} of the critique’s ${numberWord(n)} arguments ${yes.length === 1 ? 'is' : 'are'} supported outright (${names(yes.map((a) => a.topic))}).`;
  const is = (xs: unknown[]) => (xs.length === 1 ? 'is' : 'are');
  const checked = unknown.filter((a) => arithmeticWithoutChain(a.result)).length;
  const arithmetic =
    checked === 0
      ? ''
      : `, though the article’s own arithmetic was recomputed for ${checked === unknown.length ? every(checked) : numberWord(checked)}`;
  const parts = [
    partly.length
      ? `${numberWord(partly.length)} ${is(partly)} partly supported (${names(partly.map((a) => a.topic))})`
      : '',
    no.length ? `${numberWord(no.length)} ${is(no)} contradicted (${names(no.map((a) => a.topic))})` : '',
    unknown.length ? `${numberWord(unknown.length)} cannot be checked with this build’s data${arithmetic}` : '',
  ].filter(Boolean);
  if (yes.length === n || parts.length === 0) return first;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${first} ${cap(list)}.`;
}
