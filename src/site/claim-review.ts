/**
 * schema.org ClaimReview for a claim page (https://schema.org/ClaimReview; Google's "Fact check (ClaimReview)
 * structured data" guidelines): the claim as reviewed, the Claim with its author (@0xLogicrw), date and where it
 * appeared (the dated reposts of the thread in content/sources.yaml, the earliest as firstAppearance), the rating on a
 * declared 1-3 scale with the verdict as alternateName (no ratingValue for "unverifiable" or an opinion: see
 * RATING_VALUE), the site as author, and the dataset it is based on with the snapshot's block and hash.
 * tests/build/claim-review.test.ts validates every built page's JSON-LD against tests/build/claim-review.schema.json.
 */
import type { BibEntry } from '../model/content.ts';
import { ISO_DATE } from '../model/ids.ts';
import { RATING_SCALE, type ClaimRecord } from './claim-record.ts';
import { AUTHOR } from './cite.ts';
import { dataLabel, type SiteVersion } from './version.ts';

/** The sources that are the article itself, reposted: ids `repost-…` in content/sources.yaml. */
export const isArticleAppearance = (s: Pick<BibEntry, 'id'>) => s.id.startsWith('repost-');

/** The article's publication date: the earliest full date (YYYY-MM-DD) among its reposts. */
export function articlePublished(sources: readonly BibEntry[]): string {
  const dates = sources
    .filter(isArticleAppearance)
    .flatMap((s) => (s.date && ISO_DATE.test(s.date) ? [s.date] : []))
    .sort();
  if (!dates.length)
    throw new Error('content/sources.yaml: no repost-… source with a full date (YYYY-MM-DD) dates the article');
  return dates[0];
}

const creativeWork = (s: BibEntry) => ({
  '@type': 'CreativeWork',
  url: s.url,
  headline: s.title,
  ...(s.date ? { datePublished: s.date } : {}),
  publisher: { '@type': 'Organization', name: s.publisher },
});

export interface ReviewContext {
  sources: readonly BibEntry[];
  version: SiteVersion;
  /** the site's home, absolute */
  home: string;
  /** the snapshot's address, absolute */
  dataset: string;
  /** when the review was published (the essay's date) and last changed (newest correction or chain data) */
  datePublished: string;
  dateModified: string;
}

export function claimReview(r: ClaimRecord, ctx: ReviewContext): Record<string, unknown> {
  const appearances = ctx.sources.filter(isArticleAppearance);
  const published = articlePublished(ctx.sources);
  const first = appearances.find((s) => s.date === published)!;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: r.url,
    inLanguage: 'en',
    claimReviewed: r.claimEn,
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: '@0xLogicrw' },
      datePublished: published,
      inLanguage: 'zh',
      firstAppearance: creativeWork(first),
      appearance: appearances.map(creativeWork),
    },
    author: { '@type': 'Organization', name: AUTHOR, url: ctx.home },
    datePublished: ctx.datePublished,
    dateModified: ctx.dateModified,
    reviewRating: {
      '@type': 'Rating',
      ...(r.rating === null ? {} : { ratingValue: r.rating }),
      bestRating: RATING_SCALE.best,
      worstRating: RATING_SCALE.worst,
      alternateName: r.verdict === 'opinion' ? 'opinion, not judged' : r.verdict,
      ...(r.reason ? { ratingExplanation: r.reason } : {}),
    },
    isBasedOn: {
      '@type': 'Dataset',
      name: `taoproof snapshot: ${dataLabel(ctx.version)}`,
      url: ctx.dataset,
      version: ctx.version.data.hash ?? ctx.version.data.asOf,
      ...(ctx.version.data.block !== null && ctx.version.data.hash !== null
        ? { identifier: `block ${ctx.version.data.block}, hash ${ctx.version.data.hash}` }
        : {}),
    },
  };
}
