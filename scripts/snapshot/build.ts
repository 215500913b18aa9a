/** Mapping decoded block states to the snapshot schema (SeriesPoint, Current, Subnets, Governance). */
import type { Current, SeriesPoint, SubnetRow, SubnetsDay } from '../../src/model/schema.ts';
import {
  CURRENT_FIELD_NAMES,
  isPlainAggregate,
  SERIES,
  SERIES_FIELD_NAMES,
  SERIES_FIELDS,
  type SeriesDef,
  type SeriesField,
} from '../../src/model/series.ts';
import {
  columnNames,
  SUBNET_COLUMNS,
  type DailyColumn,
  type SubnetColumnDef,
  type SubnetColumns,
  type SubnetRowOf,
} from '../../src/model/columns.ts';
import { dateOf } from './days.ts';
import type { BlockState, ItemRef } from './read.ts';

const str = (v: bigint | number | null): string | null => (v === null ? null : v.toString());

/**
 * One series' value at a block, computed as its table entry says (src/model/series.ts), from the first of its
 * storage spans that the block's runtime declares; null when none is declared there (absent, never zero).
 */
function seriesValue(s: BlockState, field: SeriesField): string | null {
  const def = SERIES[field] as SeriesDef;
  for (const span of def.storage) {
    const ref: ItemRef = [span.pallet, span.item];
    // plain series only from plain items: some dTAO test runtimes keyed TaoWeight by netuid, which is another quantity
    const declared = isPlainAggregate(def.aggregate)
      ? s.runtime.plain(span.pallet, span.item)
      : s.runtime.uintMap(span.pallet, span.item);
    if (!declared) continue;
    switch (def.aggregate) {
      case 'value':
        return str(s.int(ref));
      case 'count':
        return str(s.count(ref));
      case 'root':
        return str(s.int(ref, 0));
      case 'sum':
        return str(s.sum(ref));
      case 'sum-subnets':
        return str(s.sum(ref, true));
    }
  }
  return null;
}

/** The daily series' values at a block; null for items absent from its runtime. */
export function seriesValues(s: BlockState): Record<SeriesField, string | null> {
  return Object.fromEntries(SERIES_FIELD_NAMES.map((f) => [f, seriesValue(s, f)])) as Record<
    SeriesField,
    string | null
  >;
}

/** A sampled day: its block, hash, the runtime spec that executed the block, and the values. */
export function seriesPoint(s: BlockState, date = dateOf(s.ts)): SeriesPoint {
  return { date, block: s.number, hash: s.hash, specVersion: s.specVersion, values: seriesValues(s) };
}

/** The head's values of the series marked `current` in the table, each with its unit and provenance. */
export function current(s: BlockState, values = seriesValues(s)): Current {
  return Object.fromEntries(
    CURRENT_FIELD_NAMES.map((f) => [
      f,
      {
        value: values[f],
        unit: SERIES[f].unit,
        source: { kind: 'chain' as const, block: s.number, hash: s.hash, item: SERIES_FIELDS[f].item },
      },
    ]),
  ) as Current;
}

/**
 * A column's value for one subnet, decoded as its `kind` says (src/model/columns.ts), from the first of its items the
 * block's runtime declares as a netuid map; null when none is declared or the entry has no value (absent, never 0).
 */
export function columnValue(s: BlockState, c: SubnetColumnDef, netuid: number): string | number | null {
  const refs: ItemRef[] = c.storage.map((span) => [span.pallet, span.item]);
  if (c.kind === 'struct-text') return s.structText(refs, netuid, c.field!);
  const ref = refs.find(([p, i]) => s.runtime.uintMap(p, i));
  if (!ref) return null;
  switch (c.kind) {
    case 'amount':
      return str(s.int(ref, netuid));
    case 'number': {
      const v = s.int(ref, netuid);
      return v === null ? null : Number(v);
    }
    case 'text':
      return s.text(ref, netuid);
    case 'account':
      return s.account(ref, netuid);
  }
}

/**
 * The rows of a column table at a block, one per existing subnet: every column, or with `'daily'` those read at every
 * sampled block; keys in table order, netuid first (the order the files are written in).
 */
export function subnetRowsOf<T extends SubnetColumns>(s: BlockState, columns: T): SubnetRowOf<T>[];
export function subnetRowsOf<T extends SubnetColumns>(
  s: BlockState,
  columns: T,
  only: 'daily',
): SubnetRowOf<T, DailyColumn<T>>[];
export function subnetRowsOf(s: BlockState, columns: SubnetColumns, only: 'all' | 'daily' = 'all') {
  const names = columnNames(columns, only);
  return (s.netuids ?? []).map((netuid) => ({
    netuid,
    ...Object.fromEntries(names.map((k) => [k, columnValue(s, columns[k], netuid)])),
  }));
}

/** The head's subnets table (snapshot.subnets.rows). */
export function subnetRows(s: BlockState): SubnetRow[] {
  return subnetRowsOf(s, SUBNET_COLUMNS);
}

/** The per-subnet values of a sampled block (subnets-daily.json); null for an item absent from its runtime. */
export function subnetsDay(s: BlockState, date: string): SubnetsDay {
  return {
    date,
    block: s.number,
    hash: s.hash,
    specVersion: s.specVersion,
    subnets: subnetRowsOf(s, SUBNET_COLUMNS, 'daily'),
  };
}

export function governance(s: BlockState) {
  return {
    block: s.number,
    hash: s.hash,
    sudoKey: s.account(['Sudo', 'Key']),
    triumvirate: s.accounts(['TriumvirateMembers', 'Members']),
    senate: s.accounts(['SenateMembers', 'Members']),
    authorities: s.publicKeys(['Aura', 'Authorities']),
  };
}
