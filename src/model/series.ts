/**
 * The one table of what each series is: which storage item holds it in which runtime specs, how a block's value
 * is computed from it, its unit, a label and a description for readers. Pure data without zod, so browser code
 * can import it. Everything else is derived from it: the snapshot reader's key lists (scripts/snapshot/read.ts),
 * the builder's values (scripts/snapshot/build.ts), the schema's field list (src/model/schema.ts), the methodology
 * page's table and the chart captions (`describeSeries`).
 *
 * Adding a storage item to the snapshot is one entry here (plus tests); a per-subnet column, one entry in
 * `SUBNET_COLUMNS` (./columns.ts). A change of meaning or unit (e.g.
 * `PendingRootDivs`, TAO, to `PendingRootAlphaDivs`, alpha) is a new series, never a second span of the old one:
 * every span of a series is the same quantity in the same unit, so its values can be compared across specs.
 *
 * Spec ranges were checked against the metadata of the Finney runtimes in ../shared/chain/metadata (218, 219, 315,
 * 320, 343, 365, 393, 424) and the subtensor repository (main's history, `spec_version` in runtime/src/lib.rs at
 * the first and last merge declaring the item); `toSpec: null` means still declared at spec 425 (main at 14bc6f9f,
 * 30 June 2026), the newest source read.
 */

/** What a value is measured in. `u16-fraction` is raw/65535, `u64-fraction` raw/(2^64-1). */
export const UNITS = ['rao', 'alpha-rao', 'count', 'block', 'ratio', 'u16-fraction', 'u64-fraction', 'usd'] as const;
export type UnitName = (typeof UNITS)[number];

export const UNIT_LABEL: Record<UnitName, string> = {
  rao: 'RAO (TAO × 10⁹)',
  'alpha-rao': 'alpha-RAO (alpha × 10⁹)',
  count: 'count',
  block: 'block number',
  ratio: 'ratio',
  'u16-fraction': 'raw / 65,535',
  'u64-fraction': 'raw / (2⁶⁴ − 1)',
  usd: 'US dollars',
};

/** One storage item holding a series over a range of runtime specs. */
export interface StorageSpan {
  pallet: string;
  item: string;
  /** first spec whose runtime declares the item; null: declared before any runtime the report reads (< 133) */
  fromSpec: number | null;
  /** last spec declaring it; null: still declared at spec 425 */
  toSpec: number | null;
}

/**
 * How a block's value is computed from the item:
 * - `value`: the plain value (an unsigned integer);
 * - `root`: the netuid-0 entry of a netuid map;
 * - `sum-subnets`: Σ over existing netuids > 0 (from `NetworksAdded`);
 * - `sum`: Σ over all existing netuids, root included;
 * - `count`: the length of a plain Vec.
 */
export type Aggregate = 'value' | 'root' | 'sum-subnets' | 'sum' | 'count';

export const AGGREGATE_LABEL: Record<Aggregate, string> = {
  value: 'value',
  root: 'entry of netuid 0',
  'sum-subnets': 'Σ over netuids > 0',
  sum: 'Σ over all netuids',
  count: 'number of entries',
};

export interface SeriesDef {
  label: string;
  /** for readers: what the number is and what it is not, in one or two sentences */
  description: string;
  unit: UnitName;
  aggregate: Aggregate;
  /** the items holding it, oldest first; a block takes the first span its runtime declares */
  storage: readonly StorageSpan[];
  /** also recorded at the head block as `snapshot.current[field]` */
  current: boolean;
}

/** A span of a SubtensorModule item. */
export const sm = (item: string, fromSpec: number | null, toSpec: number | null = null): StorageSpan => ({
  pallet: 'SubtensorModule',
  item,
  fromSpec,
  toSpec,
});

/** The daily series, read at the first block of every UTC day (and at the head for those marked `current`). */
export const SERIES = {
  totalIssuance: {
    label: 'Issued TAO',
    description:
      'TAO issued so far by the subtensor pallet’s own counter, the one that drives the halving. Runtime migrations have recomputed it several times (see the breaks table), and until spec 410 the sudo key could set it to any value (AdminUtils sudo_set_total_issuance, deprecated at spec 411).',
    unit: 'rao',
    aggregate: 'value',
    storage: [sm('TotalIssuance', null)],
    current: true,
  },
  balancesIssuance: {
    label: 'Balances issuance',
    description:
      'The Balances pallet’s issuance: free balances only until spec 410, because staking withdrew TAO from balances; from spec 411 staked TAO sits in subnet accounts and the two issuance counters were made equal.',
    unit: 'rao',
    aggregate: 'value',
    storage: [{ pallet: 'Balances', item: 'TotalIssuance', fromSpec: null, toSpec: null }],
    current: true,
  },
  totalStake: {
    label: 'Total stake',
    description:
      'Before dTAO (spec 233) the TAO bonded to hotkeys; from dTAO the TAO held in root and subnet pools, which also grows with the TAO emission injects into pools. Not the same quantity before and after.',
    unit: 'rao',
    aggregate: 'value',
    storage: [sm('TotalStake', null)],
    current: true,
  },
  rootStake: {
    label: 'Root stake',
    description:
      'TAO staked on the root network (netuid 0), priced 1:1. Exists from dTAO; before it there was no root pool and the series is absent.',
    unit: 'rao',
    aggregate: 'root',
    storage: [sm('SubnetTAO', 233)],
    current: true,
  },
  subnetTao: {
    label: 'TAO in subnet pools',
    description:
      'The TAO side of every subnet pool (netuid > 0), including the TAO each pool was seeded with: pool depth, not the market value of staked alpha.',
    unit: 'rao',
    aggregate: 'sum-subnets',
    storage: [sm('SubnetTAO', 233)],
    current: true,
  },
  subnetCount: {
    label: 'Subnets (incl. root)',
    description: 'Number of registered subnets, root included.',
    unit: 'count',
    aggregate: 'value',
    storage: [sm('TotalNetworks', null)],
    current: true,
  },
  taoInEmission: {
    label: 'TAO into pools per block',
    description:
      'TAO the protocol injected into subnet pools in the block read (the last block’s injection only, not a daily total). Halves with the block reward. From spec 298 to 410 it leaves out the TAO emission that bought alpha in low-priced pools, so it can be less than the block’s TAO emission.',
    unit: 'rao',
    aggregate: 'sum',
    storage: [sm('SubnetTaoInEmission', 233)],
    current: false,
  },
  excessTao: {
    label: 'TAO swapped into pools per block (chain buys)',
    description:
      'TAO emission that did not enter a pool as liquidity but bought alpha through the pool in the block read (the last block only). Recorded from spec 411; with the TAO injected into pools it makes up the block’s TAO emission.',
    unit: 'rao',
    aggregate: 'sum',
    storage: [sm('SubnetExcessTao', 411)],
    current: false,
  },
  pendingRootDivs: {
    label: 'Pending root dividends (TAO)',
    description:
      'Root’s share of subnet emission, sold for TAO and waiting to be paid at the end of each subnet’s tempo: a balance, not a flow. Removed at spec 334, when root’s share became alpha (see pending root alpha dividends).',
    unit: 'rao',
    aggregate: 'sum',
    storage: [sm('PendingRootDivs', 233, 333)],
    current: false,
  },
  taoWeight: {
    label: 'TAO weight',
    description:
      'Weight of root’s TAO against subnet alpha in each subnet’s root proportion; set by governance, so read daily. Exists from dTAO.',
    unit: 'u64-fraction',
    aggregate: 'value',
    storage: [sm('TaoWeight', 233)],
    current: true,
  },
  subnetOwnerCut: {
    label: 'Subnet owner cut',
    description:
      'Share of each subnet’s emission paid to its owner (11,796 / 65,535 ≈ 18% by default); set by governance.',
    unit: 'u16-fraction',
    aggregate: 'value',
    storage: [sm('SubnetOwnerCut', 133)],
    current: true,
  },
  senateSize: {
    label: 'Senate members',
    description:
      'Members of the Senate (at most 12). The pallet existed from spec 122 to 333; from spec 334 the count is absent, not zero.',
    unit: 'count',
    aggregate: 'count',
    storage: [{ pallet: 'SenateMembers', item: 'Members', fromSpec: 122, toSpec: 333 }],
    current: false,
  },
  triumvirateSize: {
    label: 'Triumvirate members',
    description:
      'Members of the Triumvirate, which proposed runtime changes for the Senate to vote on. Spec 122 to 333 only.',
    unit: 'count',
    aggregate: 'count',
    storage: [{ pallet: 'TriumvirateMembers', item: 'Members', fromSpec: 122, toSpec: 333 }],
    current: false,
  },
  authorityCount: {
    label: 'Block authors (Aura)',
    description: 'Number of keys allowed to author blocks (Aura authorities).',
    unit: 'count',
    aggregate: 'count',
    storage: [{ pallet: 'Aura', item: 'Authorities', fromSpec: null, toSpec: null }],
    current: false,
  },
} as const satisfies Record<string, SeriesDef>;

export type SeriesField = keyof typeof SERIES;
export const SERIES_FIELD_NAMES = Object.keys(SERIES) as SeriesField[];
/** Fields also recorded at the head (`snapshot.current`). */
export type CurrentField = { [F in SeriesField]: (typeof SERIES)[F]['current'] extends true ? F : never }[SeriesField];
export const CURRENT_FIELD_NAMES = SERIES_FIELD_NAMES.filter((f) => SERIES[f].current) as CurrentField[];

/** `Pallet.Item` of a span. */
export const itemName = (s: StorageSpan): string => `${s.pallet}.${s.item}`;

/** The storage item as cited in provenance: `SubtensorModule.SubnetTAO[0]`, `Σ SubtensorModule.SubnetTAO[netuid>0]`, … */
function seriesItem(def: SeriesDef): string {
  const name = def.storage.map(itemName).join(' / ');
  switch (def.aggregate) {
    case 'root':
      return `${name}[0]`;
    case 'sum-subnets':
      return `Σ ${name}[netuid>0]`;
    case 'sum':
      return `Σ ${name}`;
    default:
      return name;
  }
}

/** Runtime specs of a span, for readers: `233–333`, `from 233`, `all`. */
export function specRange(s: StorageSpan): string {
  if (s.fromSpec === null && s.toSpec === null) return 'all specs';
  if (s.toSpec === null) return `spec ${s.fromSpec} on`;
  if (s.fromSpec === null) return `up to spec ${s.toSpec}`;
  return `specs ${s.fromSpec}–${s.toSpec}`;
}

/**
 * The daily series' fields in the shape older code uses (`item`, `unit`, `label`), with the rest of the table.
 * A point's provenance for a field is (point.block, point.hash, SERIES_FIELDS[field].item).
 */
export const SERIES_FIELDS = Object.fromEntries(
  SERIES_FIELD_NAMES.map((f) => [f, { ...SERIES[f], item: seriesItem(SERIES[f]) }]),
) as { [F in SeriesField]: (typeof SERIES)[F] & { item: string } };

/** The series' label, for legends. */
export function seriesLabel(field: SeriesField): string {
  return SERIES[field].label;
}

/** One line for a chart caption: label, what it is, and where it is read. */
export function describeSeries(field: SeriesField): string {
  const d = SERIES[field] as SeriesDef;
  const where = d.storage.map((s) => `${itemName(s)} (${specRange(s)})`).join(', then ');
  const how = d.aggregate === 'value' ? '' : `, ${AGGREGATE_LABEL[d.aggregate]}`;
  return `${d.label}: ${d.description} Read from ${where}${how}; ${UNIT_LABEL[d.unit]}.`;
}

/** The map listing existing netuids, read first at every block. */
export const NETUIDS_ITEM: StorageSpan = sm('NetworksAdded', null);

/** Items read for the governance section besides the series (which already read the member lists). */
export const GOVERNANCE_ITEMS: readonly StorageSpan[] = [{ pallet: 'Sudo', item: 'Key', fromSpec: null, toSpec: null }];

/** Whether an aggregate reads a plain item (else a netuid-keyed map). */
export function isPlainAggregate(a: Aggregate): boolean {
  return a === 'value' || a === 'count';
}
