/**
 * One record per claim, the same everywhere it is published: the claim page (/claims/<id>/), its ClaimReview JSON-LD
 * (./claim-review.ts) and the claims dataset (/data/claims.json, /data/claims.csv, schema /data/claims.schema.json).
 * Nothing here judges a claim: the verdict is the registry's (./findings.ts `labelOf`), the as-of-the-article verdict
 * is the same function over the data cut at the article's date (src/data/at-date.ts).
 */
import { csvFormat } from 'd3-dsv';
import type { Claim } from '../model/content.ts';
import type { LoggedCorrection } from '../data/corrections.ts';
import type { Reply } from '../model/replies.ts';
import type { Evidence, VerdictResult } from '../claims/types.ts';
import { dataAt } from '../data/at-date.ts';
import type { ReportData } from '../model/schema.ts';
import { ARTICLE_DATE } from '../metrics/dates.ts';
import { asOf, describeSource } from '../metrics/provenance.ts';
import { decidingEvidence, labelOf, type Label } from './findings.ts';

/**
 * The numeric scale of a verdict, for ClaimReview's reviewRating and the dataset: 1 contradicted, 2 partly supported,
 * 3 supported. "unverifiable" and opinions have no value: neither is a point between true and false (the data cannot
 * decide the one; the other is not judged), so giving them a number would rank what was not measured.
 */
export const RATING_SCALE = { worst: 1, best: 3 } as const;
export const RATING_VALUE: Record<Label, number | null> = {
  contradicted: 1,
  'partly supported': 2,
  supported: 3,
  unverifiable: null,
  opinion: null,
};

export interface DecidingFigure {
  label: string;
  value: string;
  formula: string | null;
  /** each source in words: "block 5,029,000 (0x1234…abcd), SubtensorModule.TotalIssuance" or a citation's title */
  sources: string[];
}

export interface ClaimRecord {
  id: string;
  essay: string;
  /** the article's line, p01… */
  paragraph: string;
  claimJa: string;
  claimEn: string;
  summary: string;
  type: Claim['type'];
  /** the verdict on the latest data, or "opinion" (labelled, not judged) */
  verdict: Label;
  /** RATING_VALUE of the verdict, null for unverifiable and opinions */
  rating: number | null;
  /** why, from the numbers; null for an opinion */
  reason: string | null;
  /** what the verdict was computed from: the data's as-of label */
  judgedAsOf: string;
  dataKind: ReportData['snapshot']['kind'];
  /** the head block and hash of chain data; null for cited figures */
  block: number | null;
  blockHash: string | null;
  /** the verdict on the data up to the article's date (ARTICLE_DATE), the same function over dataAt() */
  verdictAtArticleDate: Label;
  decidingFigures: DecidingFigure[];
  /** entries of the corrections log (hand-written and automatic) for this claim */
  corrections: number;
  replies: number;
  /** the claim page's absolute address */
  url: string;
}

const figureOf = (e: Evidence): DecidingFigure => ({
  label: e.label,
  value: e.value,
  formula: e.formula ?? null,
  sources: e.sources.map(describeSource),
});

/** The verdict (or "opinion") and its result on the data up to the article's date. */
export function labelAtArticleDate(
  claim: Pick<Claim, 'id' | 'type'>,
  data: ReportData,
): { label: Label; result: VerdictResult | null } {
  return labelOf(claim, dataAt(data, ARTICLE_DATE));
}

export function claimRecord(
  claim: Claim,
  data: ReportData,
  { log, replies, pageUrl }: { log: readonly LoggedCorrection[]; replies: readonly Reply[]; pageUrl: string },
): ClaimRecord {
  const { label, result } = labelOf(claim, data);
  const deciding = result ? decidingEvidence(result) : null;
  return {
    id: claim.id,
    essay: claim.essay,
    paragraph: claim.paragraph,
    claimJa: claim.ja,
    claimEn: claim.en,
    summary: claim.summary,
    type: claim.type,
    verdict: label,
    rating: RATING_VALUE[label],
    reason: result?.reason ?? null,
    judgedAsOf: asOf(data.snapshot),
    dataKind: data.snapshot.kind,
    block: data.snapshot.head?.number ?? null,
    blockHash: data.snapshot.head?.hash ?? null,
    verdictAtArticleDate: labelAtArticleDate(claim, data).label,
    decidingFigures: deciding ? [figureOf(deciding)] : [],
    corrections: log.filter((l) => l.entry.claim === claim.id).length,
    replies: replies.filter((r) => r.claim === claim.id).length,
    url: pageUrl,
  };
}

/** The CSV columns of /data/claims.csv, in order: every field of ClaimRecord, the deciding figures flattened. */
export const CLAIM_CSV_COLUMNS = [
  'id',
  'essay',
  'paragraph',
  'claimJa',
  'claimEn',
  'type',
  'verdict',
  'rating',
  'reason',
  'judgedAsOf',
  'dataKind',
  'block',
  'blockHash',
  'verdictAtArticleDate',
  'decidingFigures',
  'corrections',
  'replies',
  'url',
] as const;

/** One CSV row per claim; a deciding figure reads "label: value = formula [source; source]". Empty cell = null. */
export function claimsCsv(records: readonly ClaimRecord[]): string {
  return csvFormat(
    records.map((r) => ({
      ...r,
      decidingFigures: r.decidingFigures
        .map((f) => `${f.label}: ${f.value}${f.formula ? ` = ${f.formula}` : ''} [${f.sources.join('; ')}]`)
        .join(' | '),
    })),
    [...CLAIM_CSV_COLUMNS],
  );
}

/** Whether a verdict differs between the article's date and the latest data (both shown on the claim page then). */
export const changedSinceArticle = (r: Pick<ClaimRecord, 'verdict' | 'verdictAtArticleDate'>) =>
  r.verdict !== r.verdictAtArticleDate;
