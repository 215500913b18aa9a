/**
 * Runtime changes that affect what the report reads, by runtime spec. Most of it is derived, never typed here:
 * the items the series and per-subnet tables read appear and disappear at their spans' `fromSpec` / `toSpec`
 * (src/model/series.ts), and the counters' jumps are the breaks table (src/model/breaks.ts). `RUNTIME_NOTES` holds
 * only what neither table holds (items the report does not read but a reader of the chain meets, and rule changes
 * without a series of their own), each with its code in opentensor/subtensor (`code`): the first-parent merge to `main`
 * (the mainnet branch) that made the change, whose `spec_version` in runtime/src/lib.rs is `spec`, and whose merge
 * date is `date` (enactment on Finney is hours to days later). tests/data/runtime-changes.test.ts checks that no
 * note repeats an item of the tables. Pure data, no zod.
 */
import { subtensorCode, type SubtensorCode } from './code-ref.ts';
import { SERIES_BREAKS, type SeriesBreak } from './breaks.ts';
import {
  GOVERNANCE_ITEMS,
  NETUIDS_ITEM,
  SERIES,
  SERIES_FIELD_NAMES,
  itemName,
  type SeriesDef,
  type SeriesField,
  type StorageSpan,
} from './series.ts';
import { SUBNET_COLUMNS } from './columns.ts';

export interface RuntimeNote {
  spec: number;
  /** merge date of the commit (YYYY-MM-DD) */
  date: string;
  /** storage items or pallets added / removed, `Pallet.Item` or `pallet Name` */
  added: readonly string[];
  removed: readonly string[];
  /** what it means for readers of the series, or '' */
  effect: string;
  code: SubtensorCode;
}

const src = subtensorCode;
const LIB = 'pallets/subtensor/src/lib.rs';

/** Checked with `git show <ref>^1:<path>` against `git show <ref>:<path>` (the declaration absent before and present after, or the reverse). */
export const RUNTIME_NOTES: readonly RuntimeNote[] = [
  {
    spec: 233,
    date: '2025-02-13',
    added: [],
    removed: ['SubtensorModule.TotalHotkeyStake', 'SubtensorModule.TotalColdkeyStake'],
    effect:
      'The per-hotkey and per-coldkey stake totals are gone. Subnet registration (do_register_network) no longer checks SubnetLimit or deregisters a subnet, so the cap stops working here, and the registration cost is burned (less the TAO that seeds the new pool) instead of locked.',
    code: src('e2b8367b8be2d9ce60ae5858c49138fa05f44a68', LIB),
  },
  {
    spec: 244,
    date: '2025-02-24',
    added: [],
    removed: ['SubtensorModule.Stake'],
    effect: 'The pre-dTAO stake map can be read only at blocks before this upgrade.',
    code: src('5073ade602c367471f5124329b9d7ccf8e972d69', LIB),
  },
  {
    spec: 252,
    date: '2025-03-19',
    added: [],
    removed: ['SubtensorModule.EmissionValues', 'SubtensorModule.SubnetLimit'],
    effect: 'SubnetLimit, unused since dTAO (spec 233), is removed; no cap on the number of subnets until spec 320.',
    code: src('b61dd30202ff6e970a18b5a5231b62183b6ba972', LIB),
  },
  {
    spec: 283,
    date: '2025-06-30',
    added: ['pallet Swap (pallet_subtensor_swap)'],
    removed: [],
    effect: 'Pools become concentrated-liquidity pools: the alpha price is no longer SubnetTAO / SubnetAlphaIn.',
    code: src('e9bbb6134984b1f9f63f5e55408faad7628eb059', 'runtime/src/lib.rs'),
  },
  {
    spec: 320,
    date: '2025-09-24',
    added: ['SubtensorModule.SubnetLimit'],
    removed: [],
    effect:
      'The subnet count is capped again, at 128 by default (DefaultSubnetLimit), and subnet deregistration is reintroduced (before dTAO, registering past the limit pruned the lowest-ranked subnet).',
    code: src('835a2c90294705b5963043f5ef31460304df2475', LIB),
  },
  {
    spec: 334,
    date: '2025-11-04',
    added: [
      'SubtensorModule.RootClaimable',
      'SubtensorModule.RootClaimed',
      'SubtensorModule.RootClaimType',
      'SubtensorModule.SubnetTaoFlow',
      'SubtensorModule.SubnetEmaTaoFlow',
    ],
    removed: ['SubtensorModule.PendingAlphaSwapped'],
    effect: '',
    code: src('6218ecc5cdab527a649c8fa5b0194db3f884571c', LIB),
  },
  {
    spec: 343,
    date: '2025-11-07',
    added: ['SubtensorModule.PendingServerEmission', 'SubtensorModule.PendingValidatorEmission'],
    removed: ['SubtensorModule.PendingEmission'],
    effect: 'A subnet’s pending emission is split between servers (miners) and validators.',
    code: src('b179867c306fb6a28345896f422910e603799d70', LIB),
  },
  {
    spec: 397,
    date: '2026-04-22',
    added: ['SubtensorModule.AlphaV2', 'SubtensorModule.TotalHotkeySharesV2'],
    removed: [],
    effect: 'Per-account alpha and hotkey shares get second maps beside Alpha and TotalHotkeyShares.',
    code: src('e7f05a0513b71f565fdb5ef3eae0fb58a2a5a09f', LIB),
  },
  {
    spec: 411,
    date: '2026-05-27',
    added: ['SubtensorModule.OwnerCutEnabled'],
    removed: [],
    effect: '',
    code: src('486037ba45b87a453b1d660177cc1b105d0298c6', LIB),
  },
  {
    spec: 411,
    date: '2026-05-27',
    added: ['pallet AlphaAssets'],
    removed: [],
    effect: '',
    code: src('486037ba45b87a453b1d660177cc1b105d0298c6', 'runtime/src/lib.rs'),
  },
  {
    spec: 421,
    date: '2026-06-22',
    added: ['SubtensorModule.MinerBurned'],
    removed: [],
    effect:
      'Subnet emission shares follow each subnet’s moving price weighted by its root proportion × (1 − MinerBurned) (get_shares_price_ema), no longer net TAO flows.',
    code: src('6016381e4fb230d17643cca948afe296eb06faac', 'pallets/subtensor/src/coinbase/subnet_emissions.rs'),
  },
  {
    spec: 423,
    date: '2026-06-25',
    added: ['Swap.SwapBalancer'],
    removed: ['Swap.AlphaSqrtPrice'],
    effect: 'Balancer pools replace concentrated liquidity: the alpha price comes from the balancer weight.',
    code: src('06032d518fbaead1ddc2039e9e6aa55715026364', 'pallets/swap/src/pallet/mod.rs'),
  },
  {
    spec: 423,
    date: '2026-06-25',
    added: [],
    removed: ['pallet Registry'],
    effect: '',
    code: src('06032d518fbaead1ddc2039e9e6aa55715026364', 'runtime/src/lib.rs'),
  },
];

/** Where an item the report reads is defined: the series fields reading it, or the per-subnet table. */
export interface ReadItem {
  name: string;
  fields: SeriesField[];
  subnetTable: boolean;
}

export interface RuntimeChangeRow {
  spec: number;
  /** from a note or a break at this spec (merge date), or null */
  date: string | null;
  /** items the report reads, from the tables' spans */
  added: ReadItem[];
  removed: ReadItem[];
  notes: RuntimeNote[];
  breaks: SeriesBreak[];
}

/** Every span the report reads: the series, the per-subnet columns, the netuid list and the governance items. */
function readSpans(): Array<{ span: StorageSpan; field: SeriesField | null }> {
  const out: Array<{ span: StorageSpan; field: SeriesField | null }> = [];
  for (const f of SERIES_FIELD_NAMES) for (const span of (SERIES[f] as SeriesDef).storage) out.push({ span, field: f });
  for (const c of Object.values(SUBNET_COLUMNS))
    for (const span of c.storage as readonly StorageSpan[]) out.push({ span, field: null });
  out.push({ span: NETUIDS_ITEM, field: null });
  for (const span of GOVERNANCE_ITEMS) out.push({ span, field: null });
  return out;
}

/** Names of every item the tables read (for the test that notes do not repeat them). */
export function readItemNames(): Set<string> {
  return new Set(readSpans().map((s) => itemName(s.span)));
}

/** The rows of the runtime-changes table, by spec: the tables' spans, the breaks at that spec, and the notes. */
export function runtimeChangeRows(): RuntimeChangeRow[] {
  const rows = new Map<number, RuntimeChangeRow>();
  const row = (spec: number) => {
    let r = rows.get(spec);
    if (!r) rows.set(spec, (r = { spec, date: null, added: [], removed: [], notes: [], breaks: [] }));
    return r;
  };
  const put = (list: ReadItem[], name: string, field: SeriesField | null) => {
    let it = list.find((x) => x.name === name);
    if (!it) list.push((it = { name, fields: [], subnetTable: false }));
    if (field === null) it.subnetTable = true;
    else if (!it.fields.includes(field)) it.fields.push(field);
  };
  for (const { span, field } of readSpans()) {
    if (span.fromSpec !== null) put(row(span.fromSpec).added, itemName(span), field);
    if (span.toSpec !== null) put(row(span.toSpec + 1).removed, itemName(span), field);
  }
  for (const b of SERIES_BREAKS) if (b.spec !== null) row(b.spec).breaks.push(b);
  for (const n of RUNTIME_NOTES) row(n.spec).notes.push(n);
  for (const r of rows.values()) r.date = r.notes[0]?.date ?? r.breaks[0]?.date ?? null;
  return [...rows.values()].sort((a, b) => a.spec - b.spec);
}
