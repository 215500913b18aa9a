/**
 * Every metric and every formula the report shows, in one table: the methodology page's "Metrics" rows are generated
 * from it, and every `Computed.formula`, evidence formula and chart caption that writes a formula takes its text from
 * here (`formulaOf`), so a formula is written once. A `{name}` in a formula is a placeholder the caller fills: an
 * article figure as the build's data holds it (`$2B`), a block number, a constant of the metrics layer; the
 * methodology shows the name. tests/metrics/metrics-table.test.ts refuses a `formula:` written as a string or template
 * literal anywhere else in src/, and checks each row's series, caveats and claims against their tables.
 *
 * Pure data and string functions, no zod: browser code imports it.
 */
import { itemName, SERIES, type SeriesField } from './series.ts';
import { SUBNET_ITEMS, type SubnetColumn } from './columns.ts';

export interface MetricDef {
  /** kebab-case, stable: the methodology's anchor `#metric-<id>` */
  label: string;
  /** how it is computed; `{name}` marks a value filled per use (formulaOf) */
  formula: string;
  /** the daily series it reads (ids of SERIES, src/model/series.ts) */
  series: readonly SeriesField[];
  /** the per-subnet columns it reads (ids of SUBNET_COLUMNS) */
  columns?: readonly SubnetColumn[];
  /** storage items it reads that neither table holds (a map's keys, a pallet read once) */
  items?: readonly string[];
  unit: string;
  /** ids of rows of SERIES_BREAKS (src/model/breaks.ts), breaks and caveats, that bear on its values */
  caveats: readonly string[];
  /** claims whose verdicts use it */
  claims: readonly string[];
  /** what the reader should know of it, for the methodology page */
  notes?: string;
}

const m = <const T extends Record<string, MetricDef>>(t: T) => t;

export const METRICS = m({
  'issued-supply': {
    label: 'Issued supply',
    formula: 'SubtensorModule.TotalIssuance',
    series: ['totalIssuance', 'balancesIssuance'],
    unit: 'RAO, shown as TAO (1 TAO = 10⁹ RAO)',
    caveats: [
      'total-issuance-recomputed-146',
      'total-issuance-recomputed-every-upgrade',
      'excess-tao-outside-issuance-298',
      'subnet-balances-411',
    ],
    claims: ['C06', 'C09', 'C13'],
    notes:
      'The counter the runtime uses for the halving and the emission schedule; Balances.TotalIssuance is recorded for comparison. Before spec 411 (May 2026) staking withdrew TAO from balances, so Balances.TotalIssuance left staked TAO out and SubtensorModule.TotalIssuance was roughly Balances.TotalIssuance + TotalStake. From spec 411 staked TAO sits in per-subnet accounts and a one-off migration set the two counters equal. The report uses the SubtensorModule value throughout and records both. It is a counter, not a sum: migrations recomputed it, from spec 298 to 341 it left out the TAO emission that bought alpha (until each upgrade’s recomputation), and until spec 410 the sudo key could set it outright (sudo_set_total_issuance).',
  },
  'staking-ratio': {
    label: 'Staking ratio',
    formula: 'SubtensorModule.TotalStake / SubtensorModule.TotalIssuance',
    series: ['totalStake', 'totalIssuance'],
    unit: 'ratio',
    caveats: [
      'total-stake-fixed-v2',
      'dtao-233',
      'root-divs-outside-subnet-tao',
      'total-stake-root-divs-between-upgrades',
    ],
    claims: ['C13', 'C14', 'C15', 'C16'],
    notes:
      'Before dTAO (spec 233, 13 February 2025) all stake was TAO bonded to hotkeys. From dTAO, TotalStake counts the TAO held in pools (root and subnet pools), not the market value of alpha, and it also grows with the TAO the protocol injects into pools every block. The ratio is therefore not the same quantity before and after dTAO; the charts mark the date.',
  },
  'liquid-supply': {
    label: 'Liquid (unstaked) supply',
    formula: 'SubtensorModule.TotalIssuance − SubtensorModule.TotalStake',
    series: ['totalIssuance', 'totalStake'],
    unit: 'RAO',
    caveats: ['dtao-233'],
    claims: ['C15', 'C16'],
    notes:
      'Inherits the change in meaning of TotalStake at dTAO. Staked TAO had no unbonding period, so “staked” does not mean “out of the market”.',
  },
  'root-stake': {
    label: 'Root stake',
    formula: 'SubnetTAO[0]',
    series: ['rootStake'],
    unit: 'RAO',
    caveats: ['root-divs-outside-subnet-tao', 'root-stakes-unrecorded-283', 'root-tao-counters-fixed-306'],
    claims: ['C22', 'C29', 'C30', 'C38'],
    notes:
      'Exists from dTAO, when every earlier stake was moved onto netuid 0. Root is priced at 1, but SubnetAlphaOut[0] is not the same amount: root dividends were credited to stakers without reaching it, spec 283 repaired SubnetTAO[0] alone, and an open subtensor report (#2274) puts SubnetAlphaOut[0] 561,931 TAO below the stakers’ total in November 2025. SubnetTAO[0] has its own defects: it left out root dividends until spec 283 and root stakes and unstakes from spec 283 to 301 (see the breaks table). Before dTAO there was no separate root pool and the series is absent, not zero.',
  },
  'pool-tao': {
    label: 'TAO in subnet pools',
    formula: 'Σ SubnetTAO[netuid] over netuid > 0',
    series: ['subnetTao'],
    items: ['SubtensorModule.NetworksAdded'],
    unit: 'RAO',
    caveats: [],
    claims: ['C21', 'C22'],
    notes:
      'The TAO side of every subnet pool as the protocol counts it, including the 1 TAO each pool is seeded with (NetworksAdded lists the netuids). From spec 283 a pool’s TAO is SubnetTAO plus SubnetTaoProvided (liquidity users provided to the concentrated-liquidity pool), which this report does not read, so where users provided liquidity the series is a lower bound. A measure of depth, not of the market value of staked alpha.',
  },
  'subnet-count': {
    label: 'Number of subnets',
    formula: 'TotalNetworks',
    series: ['subnetCount'],
    unit: 'count (including root)',
    caveats: [],
    claims: ['C20', 'C23'],
    notes:
      'No working cap from dTAO (spec 233, February 2025) to spec 320 (September 2025): dTAO’s do_register_network checks no limit and prunes no subnet (SubnetLimit stayed declared, unused, until spec 251). Before dTAO, registering past the limit deregistered the lowest-ranked subnet; spec 320 brought back a cap of 128 with deregistration.',
  },
  'pool-injection': {
    label: 'TAO injected into pools',
    formula: 'Σ SubnetTaoInEmission over subnets',
    series: ['taoInEmission'],
    unit: 'RAO per block',
    caveats: ['excess-tao-outside-tao-in-emission-298', 'first-halving'],
    claims: ['C27'],
    notes:
      'The item holds the last block’s injection only. A daily sample times the blocks in a day is an estimate; an exact total over a period needs every block. From spec 298 part of a block’s TAO emission could buy alpha in a low-priced pool instead of entering it as liquidity; SubnetTaoInEmission never recorded that part, so from spec 298 to 410 the sum is less than the block’s TAO emission whenever a pool was subsidised (break excess-tao-outside-tao-in-emission-298). Only from spec 411 is that TAO recorded, as SubnetExcessTao.',
  },
  'root-dividends': {
    label: 'Root dividends (auto-sell)',
    formula: 'Σ PendingRootDivs',
    series: ['pendingRootDivs'],
    unit: 'RAO',
    caveats: ['root-claim-334'],
    claims: ['C28', 'C38'],
    notes:
      'From dTAO to spec 333 only. It accumulates during a subnet’s tempo and is emptied when dividends are paid, so a daily sample shows a balance waiting to be paid, not a flow. Totals over a period cannot be recovered from daily samples. From spec 334 (Root Claim) root’s share accrues as alpha (PendingRootAlphaDivs, RootClaimable).',
  },
  'tao-weight': {
    label: 'TAO weight',
    formula: 'TaoWeight = {raw} / (2⁶⁴ − 1)',
    series: ['taoWeight'],
    unit: 'ratio',
    caveats: [],
    claims: ['C38'],
    notes:
      'Sets root’s weight against alpha issuance in each subnet’s root proportion. The runtime default is about 0.0527; the dTAO migration set it to about 0.18. It can change without a code release, so it is read daily.',
  },
  'owner-cut': {
    label: 'Subnet owner cut',
    formula: 'SubnetOwnerCut = {raw} / 65535',
    series: ['subnetOwnerCut'],
    unit: 'share of a subnet’s alpha emission',
    caveats: [],
    claims: ['C36', 'C37'],
    notes: 'The owner’s share of each block’s alpha emission in a subnet, taken before the rest is split.',
  },
  'block-reward': {
    label: 'Block reward',
    formula: '10⁹ RAO / 2^floor(log₂(1 / (1 − TotalIssuance / 21×10¹⁵)))',
    series: ['totalIssuance'],
    unit: 'RAO per block',
    caveats: ['first-halving'],
    claims: ['C27'],
    notes:
      'Computed from issuance, not read: 1 TAO per block until 10.5M TAO were issued, then 0.5 TAO (the first halving, December 2025), 0.25 TAO from 15.75M, and so on. The stored BlockEmission is not used: since dTAO the runtime overwrites it with the last subnet’s alpha emission.',
  },
  'emission-split': {
    label: 'Emission split in a subnet',
    formula:
      'owner = SubnetOwnerCut / 65535; miners = (1 − owner) / 2; root = (1 − owner) / 2 × p; validators = (1 − owner) / 2 − root; where p = w·SubnetTAO[0] / (w·SubnetTAO[0] + SubnetAlphaIn + SubnetAlphaOut) and w is the TAO weight',
    series: ['subnetOwnerCut', 'taoWeight', 'rootStake'],
    columns: ['alphaIn', 'alphaOut'],
    unit: 'shares of a subnet’s alpha emission',
    caveats: ['caveat-alpha-out-offset-1956', 'caveat-alpha-burn-accounting-2274'],
    claims: ['C36', 'C37', 'C38'],
    notes:
      'From the runtime’s coinbase (emit_to_subnets, root_proportion). The owner cut defaults to 11,796 / 65,535 = 18%. Root’s share is at most 41% of a subnet’s alpha emission and falls as the subnet’s alpha issuance grows. These are shares of alpha; what root receives in TAO depends on the pool price.',
  },
  'max-root-share': {
    label: 'Root’s largest share of a subnet’s alpha emission',
    formula: '(1 − owner cut) / 2',
    series: ['subnetOwnerCut'],
    unit: 'share of a subnet’s alpha emission',
    caveats: [],
    claims: ['C37', 'C38'],
    notes: 'The emission split with the subnet’s alpha issuance going to zero: root takes all of the validators’ half.',
  },
  'alpha-price': {
    label: 'Alpha price',
    formula: 'SubnetTAO / SubnetAlphaIn (dTAO to spec 282)',
    series: [],
    columns: ['tao', 'alphaIn'],
    items: ['Swap.AlphaSqrtPrice (spec 283–422)', 'Swap.SwapBalancer (spec 423+)'],
    unit: 'TAO per alpha',
    caveats: [],
    claims: ['C21'],
    notes:
      'Spec 283 to 422 used concentrated-liquidity pools, whose price is AlphaSqrtPrice²; from spec 423 the price is (1 − q)/q × SubnetTAO / SubnetAlphaIn with q the balancer weight. Root’s price is fixed at 1. The chain records no dollar prices: market cap and dollar figures are never chain data.',
  },
  governance: {
    label: 'Governance and block production',
    formula: 'counts of SenateMembers.Members, TriumvirateMembers.Members, Aura.Authorities; presence of Sudo.Key',
    series: ['senateSize', 'triumvirateSize', 'authorityCount'],
    items: ['Sudo.Key'],
    unit: 'count',
    caveats: ['root-claim-334'],
    claims: ['C01', 'C02', 'C03'],
    notes:
      'The Senate and Triumvirate pallets exist from spec 122 (June 2023) to spec 333; from spec 334 (November 2025) they are absent, which is recorded as absent, not as zero members.',
  },
  'sudo-key': {
    label: 'Sudo key',
    formula: 'Sudo.Key',
    series: [],
    items: ['Sudo.Key'],
    unit: 'account',
    caveats: [],
    claims: ['C02'],
    notes: 'Read once, at the snapshot’s governance block; absent when that block’s runtime has no sudo key.',
  },
  'series-change': {
    label: 'Change of a series between two reads',
    formula: '{storage item} at block {later block} − at block {earlier block}',
    series: [],
    unit: 'the series’ unit',
    caveats: [],
    claims: ['C22', 'C27', 'C29', 'C30'],
    notes:
      'A net change: what came in and went out between the two reads cancels out, and a break of the counter between them (the breaks table) is part of the difference.',
  },
  'stake-growth': {
    label: 'Share of the stake’s rise that issuance growth explains',
    formula: '(TotalStake₀ / TotalIssuance₀) × ΔTotalIssuance / ΔTotalStake',
    series: ['totalStake', 'totalIssuance'],
    unit: 'ratio',
    caveats: ['total-stake-fixed-v2', 'root-divs-outside-subnet-tao'],
    claims: ['C13'],
    notes: 'Δstaked = r₀·Δissued + issued₁·Δr: the first term is what the stake would have grown at a constant ratio.',
  },
  'root-share-of-stake': {
    label: 'Root’s share of staked TAO',
    formula: 'SubnetTAO[0] / (SubnetTAO[0] + Σ SubnetTAO[netuid>0])',
    series: ['rootStake', 'subnetTao'],
    unit: 'ratio',
    caveats: ['root-divs-outside-subnet-tao'],
    claims: ['C22'],
  },
  'root-kept': {
    label: 'Share of its TAO at dTAO that root kept',
    formula: 'SubnetTAO[0] at the article / SubnetTAO[0] at dTAO',
    series: ['rootStake'],
    unit: 'ratio',
    caveats: ['root-divs-outside-subnet-tao'],
    claims: ['C22'],
  },
  'users-inflow-share': {
    label: 'Users’ net TAO into subnet pools, as a share of the protocol’s net injection',
    formula: '(ΔΣ SubnetTAO[netuid>0] − (injected − paid to root)) / (injected − paid to root)',
    series: ['subnetTao', 'taoInEmission', 'pendingRootDivs'],
    unit: 'ratio',
    caveats: ['excess-tao-outside-tao-in-emission-298'],
    claims: ['C22'],
  },
  'average-pool': {
    label: 'Average subnet pool',
    formula: 'Σ SubtensorModule.SubnetTAO[netuid>0] / (SubtensorModule.TotalNetworks − 1)',
    series: ['subnetTao', 'subnetCount'],
    unit: 'RAO',
    caveats: [],
    claims: ['C21'],
  },
  'sampled-injection': {
    label: 'TAO injected into pools over a period, estimated',
    formula: 'Σ_days Σ SubtensorModule.SubnetTaoInEmission × {blocks per day}',
    series: ['taoInEmission'],
    unit: 'RAO',
    caveats: ['excess-tao-outside-tao-in-emission-298'],
    claims: ['C27'],
    notes: 'Each day’s first block stands for its day: an estimate, not a total.',
  },
  'sampled-root-payments': {
    label: 'TAO paid to root over a period, estimated',
    formula:
      'Σ_days (Σ PendingRootDivs × 2 / {epoch cycle}) × {blocks per day}, against Σ_days Σ SubnetTaoInEmission × {blocks per day}',
    series: ['pendingRootDivs', 'taoInEmission'],
    unit: 'RAO',
    caveats: ['root-claim-334'],
    claims: ['C22', 'C38'],
    notes:
      'Σ PendingRootDivs is a balance each subnet fills block by block and empties at its epoch, at staggered blocks: across many subnets it averages half a cycle of payments. Only days whose runtime sold root’s alpha for TAO (specs 233 to 333) count.',
  },
  'root-net-fall': {
    label: 'Net TAO that left root',
    formula:
      'net fall of {change} (stakes and unstakes on root; root dividends were not in SubnetTAO[0] until spec 283)',
    series: ['rootStake'],
    unit: 'RAO',
    caveats: ['root-divs-outside-subnet-tao'],
    claims: ['C30'],
  },
  'issuance-share': {
    label: 'TAO mined before subnets, as a share of the supply at the article',
    formula: '{issued before subnets} / {issued at the article}',
    series: ['totalIssuance'],
    unit: 'ratio',
    caveats: ['total-issuance-recomputed-every-upgrade'],
    claims: ['C09'],
  },
  'autosell-share': {
    label: 'TAO paid to root as a share of TAO emitted into pools',
    formula: '{paid to root} / {injected into pools}',
    series: [],
    unit: 'ratio',
    caveats: [],
    claims: ['C28', 'C38'],
  },
  'market-value': {
    label: 'Market value of a share of supply',
    formula: '{market cap} × {share of supply}',
    series: ['totalStake', 'totalIssuance'],
    unit: 'US dollars',
    caveats: [],
    claims: ['C15', 'C16'],
    notes: 'The market cap is never chain data: only the share can come from the chain.',
  },
  fdv: {
    label: 'Fully diluted valuation',
    formula: '{market cap} / {issued supply} × {max supply}',
    series: ['totalIssuance'],
    unit: 'US dollars',
    caveats: [],
    claims: ['C16'],
  },
  'root-outflow': {
    label: 'TAO that left root, from the article’s figures',
    formula: '{root stake before} + {credited to stakers} − {root stake after}',
    series: [],
    unit: 'RAO',
    caveats: [],
    claims: ['C30'],
    notes:
      'Two readings: with the after-figure read as the stakers’ root stake, the dividends credited to them count; read as the SubnetTAO[0] counter, they are 0.',
  },
  'price-per-tao': {
    label: 'Price per TAO implied by a dollar amount',
    formula: '{dollars} / {TAO}',
    series: [],
    unit: 'US dollars per TAO',
    caveats: [],
    claims: ['C30'],
  },
  'indexer-unaccounted': {
    label: 'Issued TAO an indexer counts as neither free nor staked',
    formula: 'issued − free − staked',
    series: [],
    unit: 'RAO',
    caveats: [],
    claims: ['C29', 'C30'],
  },
  'indexer-root-fall': {
    label: 'Fall of TAO staked to root, in an indexer’s figures',
    formula: 'system_stake (block {earlier block}) − staked_root (block {later block})',
    series: [],
    unit: 'RAO',
    caveats: [],
    claims: ['C29', 'C30'],
  },
});

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The formula as text and placeholders, for pages that show a placeholder's name (the methodology). */
export function formulaParts(id: MetricId): Array<{ text: string } | { name: string }> {
  const f = METRICS[id].formula;
  const out: Array<{ text: string } | { name: string }> = [];
  let at = 0;
  for (const x of f.matchAll(PLACEHOLDER)) {
    if (x.index > at) out.push({ text: f.slice(at, x.index) });
    out.push({ name: x[1] });
    at = x.index + x[0].length;
  }
  if (at < f.length) out.push({ text: f.slice(at) });
  return out;
}

/** The names of a formula's placeholders, in order, each once. */
export function placeholders(id: MetricId): string[] {
  return [...new Set([...METRICS[id].formula.matchAll(PLACEHOLDER)].map((x) => x[1]))];
}

/**
 * A metric's formula with its placeholders filled, and `note` (a date, how many days were read) after it in
 * parentheses. Throws, naming the row, when a placeholder has no value or a value names no placeholder.
 */
export function formulaOf(id: MetricId, values: Record<string, string | number> = {}, note?: string): string {
  const want = placeholders(id);
  const missing = want.filter((n) => !(n in values));
  const extra = Object.keys(values).filter((n) => !want.includes(n));
  if (missing.length || extra.length)
    throw new Error(
      `src/model/metrics.ts: METRICS["${id}"].formula: ${missing.length ? `no value for {${missing.join('}, {')}}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `no placeholder {${extra.join('}, {')}}` : ''}`,
    );
  const filled = METRICS[id].formula.replace(PLACEHOLDER, (_, n: string) => String(values[n]));
  return note ? `${filled} (${note})` : filled;
}

/** The storage items a metric reads, for the methodology: from the series table, the per-subnet table and its own list. */
export function metricItems(id: MetricId): string[] {
  const d: MetricDef = METRICS[id];
  return [
    ...new Set([
      ...d.series.flatMap((f) => SERIES[f].storage.map(itemName)),
      ...(d.columns ?? []).map((c) => SUBNET_ITEMS[c]),
      ...(d.items ?? []),
    ]),
  ];
}

/** In place of a formula, for a value cited from a publication rather than computed from chain reads. */
export function citedFormula(id: MetricId, note?: string): string {
  return `${METRICS[id].label}, cited${note ? ` (${note})` : ''}: not a chain read`;
}
