/** Mapping decoded block states to the snapshot schema (SeriesPoint, Current, Subnets, Governance). */
import type { Current, SeriesPoint, SubnetRow, SubnetsDay } from '../../src/model/schema.ts';
import {
  CURRENT_FIELD_NAMES,
  isPlainAggregate,
  SERIES,
  SERIES_FIELD_NAMES,
  SERIES_FIELDS,
  SUBNET_COLUMNS,
  type SeriesDef,
  type SeriesField,
} from '../../src/model/series.ts';
import { dateOf } from './days.ts';
import type { BlockState, ItemRef } from './read.ts';

const SM = 'SubtensorModule';

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

/** Identity maps, newest first: a block reads the first its runtime declares. */
const IDENTITIES: ItemRef[] = SUBNET_COLUMNS.name.storage.map((s) => [s.pallet, s.item]);

export function subnetRows(s: BlockState): SubnetRow[] {
  return (s.netuids ?? []).map((netuid) => {
    const int = (item: string) => str(s.int([SM, item], netuid));
    const num = (item: string) => {
      const v = s.int([SM, item], netuid);
      return v === null ? null : Number(v);
    };
    return {
      netuid,
      name: s.structText(IDENTITIES, netuid, 'subnet_name'),
      symbol: s.text([SM, 'TokenSymbol'], netuid),
      mechanism: num('SubnetMechanism'),
      owner: s.account([SM, 'SubnetOwner'], netuid),
      registeredAt: num('NetworkRegisteredAt'),
      tao: int('SubnetTAO'),
      alphaIn: int('SubnetAlphaIn'),
      alphaOut: int('SubnetAlphaOut'),
      taoInEmission: int('SubnetTaoInEmission'),
    };
  });
}

/** The per-subnet values of a sampled block (subnets-daily.json); null for an item absent from its runtime. */
export function subnetsDay(s: BlockState, date: string): SubnetsDay {
  const int = (item: string, netuid: number) => str(s.int([SM, item], netuid));
  return {
    date,
    block: s.number,
    hash: s.hash,
    specVersion: s.specVersion,
    subnets: (s.netuids ?? []).map((netuid) => ({
      netuid,
      tao: int('SubnetTAO', netuid),
      alphaIn: int('SubnetAlphaIn', netuid),
      alphaOut: int('SubnetAlphaOut', netuid),
    })),
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
