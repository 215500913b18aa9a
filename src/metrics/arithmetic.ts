/**
 * The article's derived figures, recomputed: first from the article's own inputs (exact, from
 * content/reference.yaml), then, where the chain can supply the inputs, from chain data. Keyed by the ids of
 * content/arithmetic.yaml; each entry is pure.
 */
import type { Figure, Snapshot } from '../model/schema.ts';
import { formatCompact, formatPercent, formatTao, raoToTao, taoToRao } from './amount.ts';
import { ARTICLE_DATE, DTAO_DATE } from './dates.ts';
import type { Computed } from './provenance.ts';
import { rootStakeChange } from './root.ts';
import { changeBetween, measuredAt } from './series.ts';
import { maxRootShare } from './split.ts';
import { formulaOf } from '../model/metrics.ts';

type Inputs = Record<string, Figure>;
const num = (f: Figure) => (f.unit === 'rao' ? raoToTao(BigInt(f.value)) : Number(f.value));

export interface Recomputed {
  /** the expression evaluated on the article's inputs, for display */
  article: string;
  /** the same quantity from chain data, when the build has it */
  chain: Computed<string> | null;
}

const usd = (x: number) => `$${formatCompact(x)}`;

export const RECOMPUTE: Record<string, (f: Inputs, s: Snapshot) => Recomputed> = {
  'insider-share': (f, s) => {
    const before = measuredAt(s, 'totalIssuance', '2023-10-02');
    const now = measuredAt(s, 'totalIssuance', ARTICLE_DATE);
    return {
      article: formatPercent(num(f['article-mined-before-subnets']) / num(f['article-issued-supply']), 2),
      chain:
        before && now
          ? {
              value: formatPercent(raoToTao(before.value) / raoToTao(now.value), 2),
              formula: formulaOf('issuance-share', {
                'issued before subnets': `TotalIssuance(${before.date})`,
                'issued at the article': `TotalIssuance(${now.date})`,
              }),
              inputs: [before.source, now.source],
            }
          : null,
    };
  },
  'mined-before-subnets-rebuilt': (f, s) => {
    const at = measuredAt(s, 'totalIssuance', '2023-10-02');
    return {
      article: formatTao(BigInt(f['kusanagi-carry-over'].value) + taoToRao(699 * 7200)),
      chain: at
        ? {
            value: formatTao(at.value),
            formula: formulaOf('issued-supply', {}, `at the first block of ${at.date}`),
            inputs: [at.source],
          }
        : null,
    };
  },
  'never-circulated': (f) => ({
    article: usd(num(f['article-market-cap']) * num(f['article-staking-floor'])),
    chain: null,
  }),
  'real-market-cap': (f) => ({
    article: usd(num(f['article-market-cap']) * (1 - num(f['article-staking-floor']))),
    chain: null,
  }),
  fdv: (f) => ({
    article: usd((num(f['article-market-cap']) / num(f['article-issued-supply'])) * num(f['max-supply'])),
    chain: null,
  }),
  'autosell-share': (f) => ({
    article: formatPercent(num(f['article-root-autosell']) / num(f['article-pool-injection'])),
    chain: null,
  }),
  'root-outflow': (f, s) => {
    const change = rootStakeChange(s, ARTICLE_DATE, DTAO_DATE);
    return {
      // the April 2025 runtime credited root dividends to stakers' root stake (v2.0.11 run_coinbase.rs L474-L500):
      // with the 5.71M read as the stakers' root stake, 5.86M + 150k credited − 5.71M; the other reading gives 150k
      article: `${formatTao(BigInt(f['article-root-stake-before'].value) + BigInt(f['article-root-autosell'].value) - BigInt(f['article-root-stake-after'].value))} (with the 150k credited to stakers; ${formatTao(BigInt(f['article-root-stake-before'].value) - BigInt(f['article-root-stake-after'].value))} if the 5.71M is the SubnetTAO[0] counter)`,
      chain: change
        ? {
            value: formatTao(-change.value.delta),
            formula: formulaOf('root-net-fall', { change: change.formula }),
            inputs: change.inputs,
          }
        : null,
    };
  },
  'root-outflow-price': (f) => ({
    article: `${usd(num(f['article-root-outflow-usd']) / num(f['article-root-outflow']))} per TAO (market cap / supply: ${usd(num(f['article-market-cap']) / num(f['article-issued-supply']))})`,
    chain: null,
  }),
  'days-of-emission': (f, s) => {
    const issued = changeBetween(s, 'totalIssuance', DTAO_DATE, ARTICLE_DATE);
    return {
      article: `${(num(f['article-pool-injection']) / 7200).toFixed(1)} days`,
      chain: issued
        ? {
            value: `${formatTao(issued.value.delta)} issued from ${issued.value.before.date} to ${issued.value.after.date}`,
            formula: issued.formula,
            inputs: issued.inputs,
          }
        : null,
    };
  },
  'root-emission-share': (f) => ({
    article: `${formatPercent(num(f['article-root-autosell']) / num(f['article-pool-injection']))} of the TAO emitted into the pools, paid to root in TAO; code cap ${formatPercent(maxRootShare(num(f['default-owner-cut'])))} of a subnet's alpha emission`,
    chain: null,
  }),
};
