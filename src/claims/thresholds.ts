/**
 * Every number a verdict compares against, in one place, each with the claims it serves and why it is what it is.
 * Verdict functions import these constants; the methodology page lists them from `thresholds(reference)`
 * (src/components/methodology/Thresholds.astro), so a threshold is typed once.
 */
import type { Reference } from '../model/schema.ts';
import { formatPercent } from '../metrics/amount.ts';
import { figureById, figureText, manText, said, shareText } from '../metrics/figures.ts';

export interface Threshold {
  /** stable id, used as the anchor `#threshold-<id>` on the methodology page */
  id: string;
  value: number;
  /** how the value reads on the page, e.g. "3%" */
  display: string;
  claims: readonly string[];
  /** what is compared with it */
  rule: string;
  /** why this value */
  reason: string;
}

/** Within this relative tolerance a rounded article figure counts as matching the chain. */
export const TOLERANCE = 0.03;
/** The article's TAO amounts are written in 万 (10,000) with three significant figures: 586万, 571万, 30万. */
export const ARTICLE_ROUNDING_TAO = 10_000;
/** C13: issuance growth explains at least this share of the stake's rise → supported … */
export const C13_SUPPORTED = 0.8;
/** … at least this share → partly supported; below → contradicted. */
export const C13_PARTLY = 0.5;
/** C21: average pool TAO under this share of root stake counts as shallow. */
export const C21_SHALLOW = 0.01;
/** C22: root TAO "stayed put" when SubnetTAO[0] kept at least this share of its TAO at dTAO … */
export const C22_ROOT_KEPT = 0.9;
/** … with this band (± share points) inside which the verdict is "unverifiable". */
export const C22_ROOT_BAND = 0.03;
/** C22: users' net TAO into pools, as a share of the protocol's net injection, at or under this is "little" … */
export const C22_OUTSIDE_LITTLE = 0.25;
/** … with this band (± share of the baseline) inside which the verdict is "unverifiable". */
export const C22_OUTSIDE_BAND = 0.1;
/** C23: subnets added since dTAO of at least this share of the count at dTAO counts as a flood. */
export const C23_FLOOD = 0.25;
/**
 * Every time-dependent verdict is also computed over these windows, in days before the article's date (63 days is
 * dTAO to the article), and says so when they disagree with its own span.
 */
export const VERDICT_WINDOWS = [7, 30, 63] as const;
/** C38: the estimated share of TAO emission paid to root within this relative band of one third matches it. */
export const C38_BAND = 0.2;
/** C38's bounds on the estimated share: one third ± C38_BAND. */
export const C38_BOUNDS = { low: (1 / 3) * (1 - C38_BAND), high: (1 / 3) * (1 + C38_BAND) } as const;

/** A share as the methodology writes a threshold: 0.03 → `3%`, 0.267 → `26.7%`. */
const share = (x: number) => shareText(x);
const points = (x: number) => `${Number((x * 100).toPrecision(3))} points`;

/**
 * The thresholds with their rules and reasons, for the methodology page. The article's figures in the sentences come
 * from content/reference.yaml (`said`), the numbers from the constants above, so neither is typed twice.
 */
export function thresholds(reference: Pick<Reference, 'figures'>): Threshold[] {
  const floor = figureById(reference, 'article-staking-floor');
  const rounded = ['article-issued-supply', 'article-staking-floor', 'article-owner-cut'].map((id) =>
    said(reference, id),
  );
  const man = ['article-root-stake-before', 'article-root-stake-after', 'article-root-outflow'].map((id) =>
    manText(figureById(reference, id)),
  );
  const third = said(reference, 'article-root-emission-share');
  return [
    {
      id: 'tolerance',
      value: TOLERANCE,
      display: share(TOLERANCE),
      claims: ['C06', 'C09', 'C14', 'C15', 'C16', 'C22', 'C27', 'C29', 'C30', 'C36'],
      rule: `A rounded figure of the article matches the chain when it is within ${share(TOLERANCE)} of the chain’s value. For a floor such as “never below ${figureText(floor)}”, the chain may go as low as ${figureText(floor)} × ${1 - TOLERANCE} = ${formatPercent(Number(floor.value) * (1 - TOLERANCE))}.`,
      reason: `The article writes its figures to two or three significant figures (${manText(figureById(reference, 'article-issued-supply'))}, ${rounded.slice(1).join(', ')}); ${share(TOLERANCE)} covers that rounding and the day between the article and a daily read, and is still far narrower than any difference the article’s argument turns on.`,
    },
    {
      id: 'article-rounding',
      value: ARTICLE_ROUNDING_TAO,
      display: `${ARTICLE_ROUNDING_TAO.toLocaleString('en-US')} TAO`,
      claims: ['C29', 'C30'],
      rule: `A difference of two of the article’s TAO figures is uncertain by up to ${ARTICLE_ROUNDING_TAO.toLocaleString('en-US')} TAO; a change read on chain matches the article’s when it is within ${ARTICLE_ROUNDING_TAO.toLocaleString('en-US')} TAO plus ${share(TOLERANCE)} of it.`,
      reason: `The article writes TAO amounts in 万 (${ARTICLE_ROUNDING_TAO.toLocaleString('en-US')}): ${man.join(', ')}.`,
    },
    {
      id: 'c13-issuance-share',
      value: C13_SUPPORTED,
      display: `${share(C13_SUPPORTED)} / ${share(C13_PARTLY)}`,
      claims: ['C13'],
      rule: `If issuance growth at a constant staking ratio explains at least ${share(C13_SUPPORTED)} of the rise in staked TAO, the claim that the rise only reflects inflation is supported; ${share(C13_PARTLY)} to ${share(C13_SUPPORTED)}, partly supported; under ${share(C13_PARTLY)}, contradicted.`,
      reason:
        'The article says the rise is “because” of inflation: most of it (over half) must come from issuance for that to hold in part, and nearly all of it (four fifths) for it to hold as stated.',
    },
    {
      id: 'c21-shallow',
      value: C21_SHALLOW,
      display: `${share(C21_SHALLOW)} of root stake`,
      claims: ['C21'],
      rule: `Subnet pools count as shallow when their average TAO is under ${share(C21_SHALLOW)} of the TAO staked on root.`,
      reason: `The article’s worry is that root stakers could move alpha prices: a pool under ${share(C21_SHALLOW)} of root stake can be swamped by a single large root staker’s unstake.`,
    },
    {
      id: 'c22-root-kept',
      value: C22_ROOT_KEPT,
      display: `${share(C22_ROOT_KEPT)} ± ${points(C22_ROOT_BAND)}`,
      claims: ['C22'],
      rule: `Root TAO “stayed put” when SubnetTAO[0] on the article’s date held at least ${share(C22_ROOT_KEPT)} of what it held at dTAO, i.e. at most a tenth left root, net; within ${points(C22_ROOT_BAND)} of ${share(C22_ROOT_KEPT)} the verdict is unverifiable.`,
      reason: `Root held all staked TAO at dTAO, so ${share(C22_ROOT_KEPT)} means that at most a tenth moved in two months. Until spec 283 root stakes and unstakes moved SubnetTAO[0] and root dividends did not, so its fall is the net TAO that left root. Root’s share of staked TAO is not the test: it falls whenever the pools grow, whoever pays in. The band covers daily sampling and the day of the article, so the verdict cannot flip on noise.`,
    },
    {
      id: 'c22-outside',
      value: C22_OUTSIDE_LITTLE,
      display: `${share(C22_OUTSIDE_LITTLE)} ± ${points(C22_OUTSIDE_BAND)}`,
      claims: ['C22'],
      rule: `Users’ net TAO into subnet pools since dTAO (growth of pool TAO minus the protocol’s injection net of TAO paid to root) counts as “little” when it is at most ${share(C22_OUTSIDE_LITTLE)} of that net injection; within ${points(C22_OUTSIDE_BAND)} of ${share(C22_OUTSIDE_LITTLE)} the verdict is unverifiable.`,
      reason:
        'The protocol’s net injection is what the pools would hold with no user money at all; a quarter on top of it is the smallest inflow that could be called substantial. Injection and root payments are estimated from one block a day, hence the wide band.',
    },
    {
      id: 'c23-flood',
      value: C23_FLOOD,
      display: share(C23_FLOOD),
      claims: ['C23'],
      rule: 'Subnets were added “too quickly” when their number grew by at least a quarter between dTAO and the article’s date.',
      reason:
        'A quarter more subnets in about two months is fast against the roughly one a day the registration rate limit allowed; “too many” stays a judgement.',
    },
    {
      id: 'c38-band',
      value: C38_BAND,
      display: `⅓ ± ${share(C38_BAND)}`,
      claims: ['C38'],
      rule: `The share of TAO emission paid to root from dTAO to the article’s date, estimated from daily reads, matches “${third}” when it lies between ${formatPercent(C38_BOUNDS.low)} and ${share(C38_BOUNDS.high)}; above ${share(C38_BOUNDS.high)} the claim understates it, below ${formatPercent(C38_BOUNDS.low)} it overstates it. The average over the days decides, never one day.`,
      reason: `The estimate rests on one block a day of PendingRootDivs, a balance that fills and empties with each subnet’s 361-block epoch; epochs run when (block + netuid + 1) is a multiple of 361 (v2.0.11 run_coinbase.rs blocks_until_next_epoch), so consecutive netuids empty at consecutive blocks and one day’s read is 0.25 to 1.75 times the mean. The day’s first block moves by 20 blocks of the cycle a day, so the average over two months is close to the mean; ${share(C38_BAND)} allows for what is left of that sampling.`,
    },
  ];
}
