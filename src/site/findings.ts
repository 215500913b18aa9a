/**
 * The report's bottom line, derived from the verdict registry at build time: for each essay that names a
 * `decidingClaim`, that claim's verdict, the first sentence of its reason and its deciding figure; and the verdict
 * counts over the whole claims register. Nothing here states a verdict: it only picks from what src/claims/ computes.
 */
import type { ChartData } from '../charts/types.ts';
import type { Claim } from '../checks/schemas.ts';
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
  return { claim, verdict: result.verdict, why: firstSentence(result.reason), figure: decidingEvidence(result) };
}
