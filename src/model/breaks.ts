/**
 * The chain's own series breaks: known discontinuities in the counters the report reads (a counter recomputed by a
 * migration, an item whose meaning changed, a rule change that moves a series without anyone moving stake). Each
 * row names the series it breaks (fields of SERIES_FIELDS), the runtime spec and the block or date where known,
 * what changed, and the code in opentensor/subtensor that makes it (`code` (a commit, migration or release). Pure data, no zod, so
 * browser code can import it.
 *
 * Every row carries its code, checked in the subtensor repository (tests/data/breaks.test.ts checks their shape).
 */
import { SUBTENSOR_REPO, subtensorCode, type SubtensorCode } from './code-ref.ts';
import type { SeriesField } from './series.ts';
import type { SubnetColumn } from './columns.ts';

export interface SeriesBreak {
  /** kebab-case id, stable: pages link to `/methodology/#break-<id>` */
  id: string;
  /**
   * `break` (the default): the counter jumps or changes meaning at a known upgrade or period. `caveat`: an open
   * report in subtensor's issue tracker that a counter the report reads holds wrong values, from `date` on; not a step,
   * so the range query (`breaksCrossed`) leaves it out and charts and verdicts list it (`caveatsFor`).
   */
  kind?: 'break' | 'caveat';
  /** series whose values jump or change meaning here */
  series: readonly SeriesField[];
  /** columns of the per-subnet table (`snapshot.subnets`, subnets-daily.json) affected, when any */
  columns?: readonly SubnetColumn[];
  /** for a caveat: the subtensor issue that reports it */
  issue?: { number: number; url: string; title: string; opened: string };
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
  /**
   * For a break that lasts over a period: the first spec and date without it. Either it recurs at every runtime
   * upgrade (a migration run on each upgrade), or, with `throughout: true`, the counter was wrong all through the
   * period (it stopped recording something). A range from before `until.date` to on or after `date` may cross it,
   * so queries report it.
   */
  until?: { spec: number; date: string; throughout?: true };
  /**
   * The series' values from `from` up to this break are unusable, not merely stepped: the counter did not measure
   * what the series says (TotalStake without the genesis stake until spec 133). Charts draw that range as unusable
   * and leave it out of their lines; verdicts leave its days out (`unusableAt`).
   */
  invalidBefore?: { from: string; why: string };
  /** where it is written: repository, ref (tag or commit), path, and a URL */
  code: SubtensorCode;
}

const src = subtensorCode;

/** A caveat row on the per-subnet SubnetAlphaOut column: an open subtensor report, in force from dTAO on. */
function caveatOnAlphaOut(
  id: string,
  label: string,
  what: string,
  issue: { number: number; title: string; opened: string },
  code: SubtensorCode,
): SeriesBreak {
  return {
    id,
    kind: 'caveat',
    series: [],
    columns: ['alphaOut'],
    spec: null,
    block: null,
    date: '2025-02-13',
    approximate: true,
    label,
    what,
    issue: { ...issue, url: `https://github.com/${SUBTENSOR_REPO}/issues/${issue.number}` },
    code,
  };
}

/**
 * Rows, oldest first. Each was checked in the subtensor repository (main's first-parent history; the spec is the
 * `spec_version` in `runtime/src/lib.rs` at the merge, the date the merge date unless said otherwise). Merge dates
 * are marked approximate: a runtime is enacted on Finney hours to days after its merge, and the exact block comes
 * from `System.LastRuntimeUpgrade` on an archive node.
 */
export const SERIES_BREAKS: readonly SeriesBreak[] = [
  {
    id: 'total-stake-fixed-v2',
    series: ['totalStake'],
    spec: 133,
    block: null,
    date: '2023-10-05',
    approximate: true,
    label: 'TotalStake left out the genesis stake',
    what: 'Finney’s genesis (genesis_build at c88a3724, pallets/subtensor/src/lib.rs) loaded every Nakamoto stake into Stake, TotalHotkeyStake and TotalColdkeyStake, and added it to TotalIssuance, but never wrote TotalStake: the counter started at 0 with about 2.36M TAO staked, and grew only with emission and new stakes. So from genesis (20 March 2023) until this upgrade TotalStake left out the whole genesis stake, and TotalStake / TotalIssuance read from 0% upwards: not a staking ratio. The migration migrate_to_v2_fixed_total_stake set TotalStake to the sum of every Stake entry. It was merged to main on 24 August 2023 without a spec bump, so it first ran with spec 133, the subnet-registration release (launched about 2 October, merged to main on 5 October 2023). Days before it are unusable for any measure built on TotalStake, and are drawn and counted as such.',
    invalidBefore: {
      from: '2023-03-20',
      why: 'TotalStake left out the genesis stake (about 2.36M TAO)',
    },
    code: src('d8cff5a6530bb58be6a6c2146eb055ea75e2064d', 'pallets/subtensor/src/migration.rs'),
  },
  {
    id: 'total-issuance-recomputed-146',
    series: ['totalIssuance'],
    spec: 146,
    block: null,
    date: '2024-04-28',
    approximate: true,
    label: 'TotalIssuance recomputed',
    what: 'The migration migration5_total_issuance (run once, when the pallet storage version was 5) set SubtensorModule.TotalIssuance to all stake plus all account balances plus the TAO locked by subnet registrations. Whatever the counter differed from those sums by shows as a step at this upgrade.',
    code: src('7f8437bd599193336aaa18b7706b82c5fd84082f', 'pallets/subtensor/src/migration.rs'),
  },
  {
    id: 'total-issuance-recomputed-every-upgrade',
    series: ['totalIssuance'],
    spec: 195,
    block: null,
    date: '2024-08-29',
    approximate: true,
    label: 'TotalIssuance reset at each upgrade',
    what: 'From spec 195 the runtime ran initialise_total_issuance at every runtime upgrade, setting TotalIssuance to the Balances pallet’s issuance plus TotalStake (plus subnet locks until spec 251). The runtime’s comment calls it a clean-up of “tiny rounding errors”, but the steps it made were not all tiny: it took the root dividends left out of TotalStake out of TotalIssuance until spec 283, carried root’s unrecorded net outflow into it from spec 283 to 305, and caught up the alpha-buying TAO it missed from spec 298 to 341 (the breaks below). Any drift between the counters shows as a step on an upgrade day until spec 411 disabled it.',
    until: { spec: 411, date: '2026-05-27' },
    code: src(
      'e79b0999d3ee18a73cbaa64df6e7578f79aaa220',
      'pallets/subtensor/src/migrations/migrate_init_total_issuance.rs',
    ),
  },
  {
    id: 'dtao-233',
    series: ['totalStake', 'totalIssuance', 'balancesIssuance'],
    spec: 233,
    block: null,
    date: '2025-02-13',
    approximate: true,
    label: 'dTAO',
    what: 'Dynamic TAO (migrate_rao): every stake moved onto the root pool (SubnetTAO[0]); each subnet’s registration lock was refunded to its owner less 1 TAO, which seeded the subnet’s pool and was added to TotalStake; TotalIssuance was recomputed. From here TotalStake counts the TAO held in pools, and grows with the TAO the protocol injects into pools every block: it is no longer TAO bonded to hotkeys. The root stake, pool, TAO-weight and root-dividend series begin here.',
    code: src('e2b8367b8be2d9ce60ae5858c49138fa05f44a68', 'pallets/subtensor/src/migrations/migrate_rao.rs'),
  },
  caveatOnAlphaOut(
    'caveat-alpha-out-offset-1956',
    'SubnetAlphaOut offset (subtensor #1956)',
    'Open report (15 August 2025): after dTAO more alpha was handed out than SubnetAlphaOut recorded, a bug fixed in spec 240 without correcting the counters, so every subnet’s SubnetAlphaOut stays below the alpha its holders own (about 16,600 alpha per subnet at the spec-240 upgrade, by the reporter’s sums of TotalHotkeyAlpha). A subnet’s alpha issuance read as SubnetAlphaIn + SubnetAlphaOut is low by that offset, and so is anything computed from it, such as the root proportion of the emission split.',
    { number: 1956, title: 'SubnetAlphaOut values are off', opened: '2025-08-15' },
    src('e2b8367b8be2d9ce60ae5858c49138fa05f44a68', 'pallets/subtensor/src/coinbase/run_coinbase.rs'),
  ),

  caveatOnAlphaOut(
    'caveat-alpha-burn-accounting-2274',
    'Alpha burn accounting (subtensor #2274)',
    'Open report (10 December 2025): burned alpha (the burn extrinsic, and emission to keys the subnet owns) is not taken out of SubnetAlphaOut, so SubnetAlphaOut − Σ TotalHotkeyAlpha does not give the burn; at block 6,874,108 six subnets showed a negative burn, and root’s SubnetAlphaOut[0] was 561,931.5 TAO below its stakers’ Σ TotalHotkeyAlpha. The root figure is what this report’s code reading predicts: root’s TAO dividends were credited to stakers but never added to SubnetAlphaOut[0] (v3.1.6 run_coinbase.rs L508-512 adds them to SubnetTAO[0] only, and spec 283’s repair set SubnetTAO[0] alone). The report’s root stake reads SubnetTAO[0], not SubnetAlphaOut[0]; the per-subnet alpha issuance does read SubnetAlphaOut.',
    { number: 2274, title: 'Total issuance and burn accounting are broken', opened: '2025-12-10' },
    src('e9bbb6134984b1f9f63f5e55408faad7628eb059', 'pallets/subtensor/src/coinbase/run_coinbase.rs'),
  ),

  {
    id: 'total-stake-from-subnet-tao-every-upgrade',
    series: ['totalStake', 'totalIssuance'],
    spec: 252,
    block: null,
    date: '2025-03-19',
    approximate: true,
    label: 'TotalStake reset at each upgrade',
    what: 'From spec 252 the per-upgrade recomputation also set TotalStake to the sum of SubnetTAO over all subnets (root included), then TotalIssuance to the Balances issuance plus that. Whatever TotalStake and the pools had drifted apart by since the last upgrade shows as a step on each upgrade day, until spec 411 disabled it.',
    until: { spec: 411, date: '2026-05-27' },
    code: src(
      'b61dd30202ff6e970a18b5a5231b62183b6ba972',
      'pallets/subtensor/src/migrations/migrate_init_total_issuance.rs',
    ),
  },
  {
    id: 'root-divs-outside-subnet-tao',
    series: ['rootStake', 'totalStake', 'totalIssuance'],
    spec: 283,
    block: null,
    date: '2025-06-30',
    approximate: true,
    label: 'Root TAO recounted',
    what: 'From dTAO to spec 282, root dividends were sold out of the subnet pools (leaving SubnetTAO and TotalStake) and credited to stakers’ root stake without being added back to SubnetTAO[0] or TotalStake, so both fell short of what root stakers held (and, through the per-upgrade recomputation, so did TotalIssuance). Spec 283 fixed the coinbase and migrate_fix_root_subnet_tao set SubnetTAO[0] to the sum of every hotkey’s root stake, then recomputed TotalStake and TotalIssuance: the root stake series jumps up at this upgrade. The fix reached SubnetTAO[0] only: between upgrades TotalStake kept leaving the dividends out until spec 334 (break “total-stake-root-divs-between-upgrades”).',
    code: src(
      'e9bbb6134984b1f9f63f5e55408faad7628eb059',
      'pallets/subtensor/src/migrations/migrate_fix_root_subnet_tao.rs',
    ),
  },
  {
    id: 'total-stake-root-divs-between-upgrades',
    series: ['totalStake'],
    spec: 283,
    block: null,
    date: '2025-06-30',
    approximate: true,
    label: 'TotalStake misses root dividends',
    what: 'Spec 283’s coinbase added root’s TAO dividends to SubnetTAO[0] only, not to TotalStake (v3.1.6 run_coinbase.rs, distribute_dividends_and_incentives, L508-512), while selling root’s alpha still took that TAO out of the pools and out of TotalStake. So between runtime upgrades TotalStake fell behind Σ SubnetTAO by the root dividends paid since the last upgrade, and each upgrade’s recomputation (TotalStake := Σ SubnetTAO) stepped it back up. The staking ratio reads low between upgrades until spec 334 ended root’s TAO dividends (Root Claim).',
    until: { spec: 334, date: '2025-11-04' },
    code: src('e9bbb6134984b1f9f63f5e55408faad7628eb059', 'pallets/subtensor/src/coinbase/run_coinbase.rs'),
  },
  {
    id: 'root-stakes-unrecorded-283',
    series: ['rootStake', 'totalStake', 'totalIssuance'],
    columns: ['tao', 'alphaOut'],
    spec: 283,
    block: null,
    date: '2025-06-30',
    approximate: true,
    label: 'Root stakes not recorded',
    what: 'From spec 283 to spec 301, staking to and unstaking from root (a stable-mechanism subnet) updated neither SubnetTAO[0] nor TotalStake (nor SubnetAlphaOut[0]): swap_tao_for_alpha and swap_alpha_for_tao returned tao_reserve_delta 0 for the stable mechanism and wrote the counters only for dynamic pools (v3.1.6 staking/stake_utils.rs L658-663, L716-721). The stakers’ own stake moved, and so did their balances, so each upgrade’s recomputation (Balances issuance + TotalStake) carried the unrecorded net outflow into TotalIssuance. Commit e5d21700, first in spec 302, fixed the code; the 69,897.9 TAO the counters had missed was taken out at spec 306 (break “root-tao-counters-fixed-306”). Over this period root stake is flat by construction: its changes are not the stakers’.',
    until: { spec: 302, date: '2025-08-19', throughout: true },
    code: src('e9bbb6134984b1f9f63f5e55408faad7628eb059', 'pallets/subtensor/src/staking/stake_utils.rs'),
  },
  {
    id: 'excess-tao-outside-issuance-298',
    series: ['totalIssuance'],
    spec: 298,
    block: null,
    date: '2025-07-29',
    approximate: true,
    label: 'Alpha buys outside TotalIssuance',
    what: 'From spec 298, when a subnet’s price was below its share of emission, part of the block’s TAO emission (the excess over price × block emission) bought alpha through the pool instead of entering it as liquidity (commit c329448d; v3.2.3 run_coinbase.rs L84-154). That TAO entered SubnetTAO and TotalStake but not TotalIssuance, which added only the injected part, so between upgrades TotalIssuance ran behind the TAO actually emitted and each upgrade’s recomputation stepped it up. Spec 342 added the excess to TotalIssuance.',
    until: { spec: 342, date: '2025-11-06' },
    code: src('6309d35929e484ebff70c7da68547fb9c60f0d11', 'pallets/subtensor/src/coinbase/run_coinbase.rs'),
  },
  {
    id: 'excess-tao-outside-tao-in-emission-298',
    series: ['taoInEmission'],
    columns: ['taoInEmission'],
    spec: 298,
    block: null,
    date: '2025-07-29',
    approximate: true,
    label: 'Alpha buys not in SubnetTaoInEmission',
    what: 'From spec 298 the TAO emission that bought alpha in low-priced pools (see “excess-tao-outside-issuance-298”) was never written to SubnetTaoInEmission, which records only the TAO injected as liquidity (v3.2.3 run_coinbase.rs L84-154). So Σ SubnetTaoInEmission is less than the block’s TAO emission whenever a pool was subsidised, until spec 411 recorded the rest as SubnetExcessTao.',
    until: { spec: 411, date: '2026-05-27', throughout: true },
    code: src('6309d35929e484ebff70c7da68547fb9c60f0d11', 'pallets/subtensor/src/coinbase/run_coinbase.rs'),
  },
  {
    id: 'root-tao-counters-fixed-306',
    series: ['rootStake', 'totalStake', 'totalIssuance'],
    spec: 306,
    block: null,
    date: '2025-08-28',
    approximate: true,
    label: 'Root TAO corrected',
    what: 'migrate_fix_root_tao_and_alpha_in took 69,897.9 TAO out of SubnetTAO[0] and TotalStake (and out of SubnetAlphaOut[0]), then recomputed TotalIssuance. The amount is not a one-off correction: it is the net TAO unstaked from root during the period the counters missed it (break “root-stakes-unrecorded-283”): 2,179,659.17 TAO unstaked minus 2,109,761.28 staked from spec 283 to spec 301, constants in the migration. Until this upgrade SubnetTAO[0], TotalStake and (after each upgrade’s recomputation) TotalIssuance read high by the accumulated net outflow; here root stake drops by it at once.',
    code: src(
      '737e4acb173cddbe6fde9c6085853ef8b8f02a80',
      'pallets/subtensor/src/migrations/migrate_fix_root_tao_and_alpha_in.rs',
    ),
  },
  {
    id: 'root-claim-334',
    series: ['pendingRootDivs', 'senateSize', 'triumvirateSize'],
    spec: 334,
    block: null,
    date: '2025-11-04',
    approximate: true,
    label: 'Root claim; Senate removed',
    what: 'The Triumvirate, TriumvirateMembers and SenateMembers pallets were removed, so the governance counts become absent (not zero). PendingRootDivs (TAO) was removed: root’s share now accrues as alpha (PendingRootAlphaDivs) that stakers claim, instead of being sold for TAO automatically. Subnet emission shares follow net TAO flows.',
    code: src('6218ecc5cdab527a649c8fa5b0194db3f884571c', 'runtime/src/lib.rs'),
  },
  {
    id: 'first-halving',
    series: ['taoInEmission', 'totalIssuance'],
    spec: null,
    block: null,
    date: '2025-12-14',
    approximate: true,
    label: 'First halving',
    what: 'When SubtensorModule.TotalIssuance reached 10.5M TAO the block reward fell from 1 to 0.5 TAO, so issuance grows half as fast and the TAO injected into pools per block halves. It is not a runtime upgrade: the block is where issuance crosses 10.5e15 RAO, not yet read from the chain; the date is from third-party reports (14 December 2025; one says 16 December).',
    code: src('52378dc3e911cdfc7b8e3cf1160a6e0e4dde4fd6', 'pallets/subtensor/src/coinbase/block_emission.rs'),
  },
  {
    id: 'subnet-balances-411',
    series: ['balancesIssuance', 'totalIssuance'],
    spec: 411,
    block: null,
    date: '2026-05-27',
    approximate: true,
    label: 'Issuance counters unified',
    what: 'Staked TAO moved into per-subnet accounts: migrate_subnet_balances minted every subnet’s SubnetTAO and lock into subnet accounts, so Balances.TotalIssuance jumps up by roughly the TAO staked, then set SubtensorModule.TotalIssuance equal to it. The per-upgrade recomputation of TotalIssuance and TotalStake was disabled in the same release.',
    code: src(
      '486037ba45b87a453b1d660177cc1b105d0298c6',
      'pallets/subtensor/src/migrations/migrate_subnet_balances.rs',
    ),
  },
];

/** A row that steps a series (kind `break`), as opposed to a caveat on its values. */
const isStep = (b: SeriesBreak) => (b.kind ?? 'break') === 'break';

/**
 * The break whose range makes a read of `series` on `date` unusable (`invalidBefore`), or null. With the read's runtime
 * spec the range ends exactly at the break's spec; without it, at the break's (approximate) date.
 */
export function unusableAt(
  series: SeriesField,
  date: string,
  spec: number | null,
  rows: readonly SeriesBreak[] = SERIES_BREAKS,
): SeriesBreak | null {
  return (
    rows.find(
      (b) =>
        b.invalidBefore !== undefined &&
        b.series.includes(series) &&
        date >= b.invalidBefore.from &&
        (b.spec !== null && spec !== null ? spec < b.spec : date < b.date),
    ) ?? null
  );
}

/** A moment in a series: a date, and the runtime spec of the block read then when known. */
export interface SeriesMoment {
  date: string;
  specVersion?: number | null;
}

/**
 * The one answer to "which breaks does this range cross": the breaks of any of `series` between two reads, oldest
 * first; changes of a counter or of its meaning that a difference of the two values would include although nobody
 * staked or received anything. Caveats are left out (`caveatsFor` lists them).
 *
 * By date (YYYY-MM-DD, or moments without a spec): a break strictly after `a` and on or before `b`. When both reads
 * carry the runtime spec, a break tied to a runtime upgrade is crossed exactly when the later read's spec has it and
 * the earlier one's does not (merge dates are approximate); breaks without a spec (the halving) still go by date. A
 * break over a period (`until`) counts when the range overlaps the period: one recurring at every upgrade of a spec
 * range when an upgrade of that range lies between the two specs, one in force throughout a spec range
 * (`until.throughout`) when the two specs overlap that range. The order of the two reads does not matter. `rows`
 * defaults to the table (tests pass their own).
 */
export function breaksCrossed(
  series: SeriesField | readonly SeriesField[],
  a: string | SeriesMoment,
  b: string | SeriesMoment,
  rows: readonly SeriesBreak[] = SERIES_BREAKS,
): SeriesBreak[] {
  const fields: readonly SeriesField[] = typeof series === 'string' ? [series] : series;
  let [from, to] = [a, b].map((m) => (typeof m === 'string' ? { date: m, specVersion: null } : m));
  if (to.date < from.date) [from, to] = [to, from];
  const specs =
    typeof from.specVersion === 'number' && typeof to.specVersion === 'number'
      ? ([from.specVersion, to.specVersion] as const)
      : null;
  const byDate = (br: SeriesBreak) =>
    br.until ? from.date < br.until.date && br.date <= to.date : br.date > from.date && br.date <= to.date;
  return rows
    .filter((br) => {
      if (!isStep(br) || !br.series.some((f) => fields.includes(f))) return false;
      if (!specs || br.spec === null) return byDate(br);
      // an upgrade u with specs[0] < u <= specs[1] at which the break happens: u = spec, or any u in [spec, until) if it recurs
      const last = br.until ? br.until.spec - 1 : br.spec;
      if (br.until?.throughout) return specs[0] <= last && specs[1] >= br.spec;
      return Math.max(specs[0] + 1, br.spec) <= Math.min(specs[1], last);
    })
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * The caveats (open reports of wrong values) on any of `series` or of the per-subnet `columns` in force on or before
 * `to` (default: any date), for the charts and verdicts that read them; `rows` defaults to the table.
 */
export function caveatsFor(
  series: readonly SeriesField[],
  columns: readonly SubnetColumn[] = [],
  to = '9999-12-31',
  rows: readonly SeriesBreak[] = SERIES_BREAKS,
): SeriesBreak[] {
  return rows.filter(
    (b) =>
      !isStep(b) &&
      b.date <= to &&
      (b.series.some((s) => series.includes(s)) || (b.columns ?? []).some((c) => columns.includes(c))),
  );
}

/** The break whose caveat verdicts and captions repeat: root dividends outside SubnetTAO[0] and TotalStake. */
export const ROOT_DIVS_BREAK = 'root-divs-outside-subnet-tao';

/**
 * The root-dividend caveat, written once, from its break row (spec and date): what `counter` left out from dTAO until
 * spec 283. A sentence's opening clause: `From dTAO until spec 283 (about 30 June 2025) SubnetTAO[0] left out the
 * root dividends credited to stakers`. Each verdict adds what it means for its own reading.
 */
export function rootDivsCaveat(counter: 'SubnetTAO[0]' | 'TotalStake'): string {
  const b = SERIES_BREAKS.find((x) => x.id === ROOT_DIVS_BREAK);
  if (!b || b.spec === null)
    throw new Error(`src/model/breaks.ts: SERIES_BREAKS: expected a row "${ROOT_DIVS_BREAK}" with a spec`);
  const day = new Date(`${b.date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `From dTAO until spec ${b.spec} (${b.approximate ? 'about ' : ''}${day}) ${counter} left out the root dividends credited to stakers`;
}
