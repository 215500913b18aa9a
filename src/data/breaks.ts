/**
 * The chain's own series breaks: known discontinuities in the counters the report reads (a counter recomputed by a
 * migration, an item whose meaning changed, a rule change that moves a series without anyone moving stake). Each
 * row names the series it breaks (fields of SERIES_FIELDS), the runtime spec and the block or date where known,
 * what changed, and its source in opentensor/subtensor (a commit, migration or release). Pure data, no zod, so
 * browser code can import it.
 *
 * Rows are added by the series-table work (issue 8 item 4); every row must carry a checked source.
 */
import type { SeriesField } from './fields.ts';

export interface SeriesBreak {
  /** kebab-case id, stable: pages link to `/methodology/#break-<id>` */
  id: string;
  /** series whose values jump or change meaning here */
  series: readonly SeriesField[];
  /** first runtime spec with the new behaviour, or null when the break is not a runtime upgrade */
  spec: number | null;
  /** Finney block of the change, or null when not known */
  block: number | null;
  /** UTC date of the change (YYYY-MM-DD); `approximate: true` when it is a main-branch merge date, not enactment */
  date: string;
  approximate: boolean;
  /** short label for chart marks */
  label: string;
  /** what changed, for readers */
  what: string;
  /** where it is written: repository, ref (tag or commit), path, and a URL */
  source: { repo: 'opentensor/subtensor'; ref: string; path: string; url: string };
}

export const SERIES_BREAKS: readonly SeriesBreak[] = [
  {
    id: 'total-stake-fixed-v2',
    series: ['totalStake'],
    spec: null,
    block: null,
    date: '2023-08-24',
    approximate: true,
    label: 'TotalStake recomputed',
    what: 'The storage-version-2 migration set TotalStake to 0 and re-summed it from the Stake map, because “TotalStake is known to be inaccurate” (the code’s words). It ran at the first Finney upgrade after the merge (PR #184, 2023-08-24; the runtime then said spec 127); the date here is the merge, not the upgrade. A read before it and one after differ by the correction as well as by staking.',
    source: {
      repo: 'opentensor/subtensor',
      ref: '9745f88d042b69614b5cdc96a3833897f4a48455',
      path: 'pallets/subtensor/src/migration.rs',
      url: 'https://github.com/opentensor/subtensor/blob/9745f88d042b69614b5cdc96a3833897f4a48455/pallets/subtensor/src/migration.rs#L86-L145',
    },
  },
  {
    id: 'total-issuance-recomputed-146',
    series: ['totalIssuance'],
    spec: null,
    block: null,
    date: '2024-04-03',
    approximate: true,
    label: 'TotalIssuance recomputed',
    what: 'migration5_total_issuance set TotalIssuance to Σ Stake + Balances issuance + Σ SubnetLocked, replacing the running counter. It was merged on 2024-04-03 (PR #254, with the runtime at spec 144) and ran at the next Finney upgrade whose storage version was 5; that upgrade is usually given as spec 146 in April 2024, which this row does not confirm, so the date is the merge.',
    source: {
      repo: 'opentensor/subtensor',
      ref: 'b625c46e77fa0828312f3d45572d84fd11a72e83',
      path: 'pallets/subtensor/src/migration.rs',
      url: 'https://github.com/opentensor/subtensor/blob/b625c46e77fa0828312f3d45572d84fd11a72e83/pallets/subtensor/src/migration.rs#L26-L62',
    },
  },
  {
    id: 'root-divs-outside-subnet-tao',
    series: ['rootStake', 'totalStake', 'totalIssuance'],
    spec: 283,
    block: null,
    date: '2025-06-30',
    approximate: true,
    label: 'Root dividends added to SubnetTAO[0]',
    what: 'From dTAO (spec 233) until spec 283, root dividends were credited to root stakers (v2.0.11 run_coinbase.rs, distribute_dividends_and_incentives) without being added to SubnetTAO[0] or TotalStake, while the alpha sold to pay them lowered the subnet’s SubnetTAO and TotalStake (swap_alpha_for_tao). Both read low by the root dividends paid since dTAO. At spec 283 migrate_fix_root_subnet_tao set SubnetTAO[0] to Σ TotalHotkeyAlpha on root and then recomputed TotalStake (Σ SubnetTAO) and TotalIssuance (migrate_init_total_issuance), so all three step up there. The date is the v3.1.6 tag, not the Finney upgrade.',
    source: {
      repo: 'opentensor/subtensor',
      ref: 'v3.1.6 (e9bbb6134984b1f9f63f5e55408faad7628eb059)',
      path: 'pallets/subtensor/src/migrations/migrate_fix_root_subnet_tao.rs',
      url: 'https://github.com/opentensor/subtensor/blob/e9bbb6134984b1f9f63f5e55408faad7628eb059/pallets/subtensor/src/migrations/migrate_fix_root_subnet_tao.rs',
    },
  },
];

/** Breaks of `series` strictly after `from` and on or before `to` (YYYY-MM-DD): a value read at `from` and one at `to` straddle them. */
export function breaksCrossed(series: SeriesField, from: string, to: string): SeriesBreak[] {
  return SERIES_BREAKS.filter((b) => b.series.includes(series) && b.date > from && b.date <= to);
}

/** Breaks of any series dated within [from, to], for chart marks. */
export function breaksWithin(from: string, to: string, series?: readonly SeriesField[]): SeriesBreak[] {
  return SERIES_BREAKS.filter((b) => b.date >= from && b.date <= to && (!series || b.series.some((s) => series.includes(s))));
}
