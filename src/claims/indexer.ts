/**
 * What the Taostats indexer's figures (content/reference.yaml, source taostats-api-examples) say about which measure
 * of root stake the article's 5.86M and 5.71M are (C29, C30).
 *
 * In the April 2025 runtime (v2.0.11) every block's TAO emission entered TotalIssuance and the pools (SubnetTAO,
 * TotalStake: run_coinbase.rs L112-L140); root's alpha was sold for TAO out of the pools (swap_alpha_for_tao lowers
 * SubnetTAO and TotalStake, stake_utils.rs L732-L759) and credited to root stakers through their share pool only
 * (increase_stake_for_hotkey_on_subnet, L532-L535). Each runtime upgrade reset TotalIssuance to Balances issuance plus
 * TotalStake (migrate_init_total_issuance, run on every upgrade from spec 195; TotalStake = Σ SubnetTAO from 252). So
 * between upgrades TotalIssuance exceeded Balances + TotalStake by the root dividends paid since the last upgrade; from
 * spec 283 the dividends entered SubnetTAO[0] (v3.1.6 run_coinbase.rs L508-L512) and the gap closed.
 *
 * If the indexer's `staked` is that counter (and `free` the balances), issued − free − staked is that positive gap in
 * April 2025 and about zero in November 2025. If `staked` were the stakers' TAO, dividends included (the article's
 * reading 2 of C30), it would exceed the counter by every dividend paid since dTAO, and the April gap would be
 * negative by about that much.
 */
import type { Figure, ReportData } from '../model/schema.ts';
import { formatTao, raoToTao } from '../metrics/amount.ts';
import { figureEvidence, said } from './evidence.ts';
import { formulaOf } from '../model/metrics.ts';
import type { Evidence } from './types.ts';

const find = (data: ReportData, id: string): Figure | undefined => data.reference.figures.find((f) => f.id === id);
const amount = (f: Figure) => BigInt(f.value);

/** The indexer's reading of root stake as evidence and a sentence for C29/C30's reason; null without its figures. */
export function indexerRootReading(data: ReportData): { evidence: Evidence[]; text: string } | null {
  const ids = [
    'system-stake-2025-02-13',
    'staked-root-2025-04-27',
    'issued-2025-04-27',
    'free-2025-04-27',
    'staked-2025-04-27',
    'issued-2025-11-04',
    'free-2025-11-04',
    'staked-2025-11-04',
  ];
  const figs = ids.map((id) => find(data, `taostats-${id}`));
  if (figs.some((f) => !f)) return null;
  const [atDtao, root, issuedA, freeA, stakedA, issuedN, freeN, stakedN] = figs as Figure[];
  const fall = amount(atDtao) - amount(root);
  const gapApril = amount(issuedA) - amount(freeA) - amount(stakedA);
  const gapNov = amount(issuedN) - amount(freeN) - amount(stakedN);
  const gapEvidence = (label: string, gap: bigint, parts: Figure[]): Evidence => ({
    label,
    value: formatTao(gap),
    formula: formulaOf('indexer-unaccounted'),
    sources: parts.map((f) => f.source),
  });
  const evidence: Evidence[] = [
    figureEvidence(atDtao),
    figureEvidence(root),
    {
      label: 'Taostats: fall of TAO staked to root from the dTAO block to 2025-04-27',
      value: formatTao(fall),
      formula: formulaOf('indexer-root-fall', { 'earlier block': '4,920,349', 'later block': '5,446,631' }),
      sources: [atDtao.source, root.source],
    },
    gapEvidence('Taostats, 2025-04-27: issued TAO not counted as free or staked (before spec 283)', gapApril, [
      issuedA,
      freeA,
      stakedA,
    ]),
    gapEvidence('Taostats, 2025-11-04: the same (after spec 283 put root dividends in SubnetTAO[0])', gapNov, [
      issuedN,
      freeN,
      stakedN,
    ]),
  ];
  const tao = (x: bigint) => {
    const n = Math.round(raoToTao(x));
    return `${n < 0 ? '−' : ''}${Math.abs(n).toLocaleString('en-US')}`;
  };
  const text = ` An independent record points to reading 1, the counter: the Taostats indexer gives ${formatTao(amount(root))} staked to root on the last block of 2025-04-27, ${formatTao(fall)} below the ${formatTao(amount(atDtao))} staked at the dTAO block, the article’s ${said(data, 'article-root-autosell')} and not ${said(data, 'article-root-outflow')}; and its issued TAO exceeds its free plus staked TAO by ${tao(gapApril)} TAO that day but by ${tao(gapNov)} TAO on 2025-11-04, after spec 283 put root dividends into SubnetTAO[0]: the sign and size of the dividends paid since the last runtime upgrade, which the counters left out, whereas the stakers’ root stake (reading 2) would make the April gap negative by all the dividends since dTAO. It cannot settle the claim alone: Taostats does not document its fields, and its figure is ten days after the article’s.`;
  return { evidence, text };
}
