/** Mapping decoded block states to the snapshot schema (SeriesPoint, Current, Subnets, Governance). */
import type { Current, SeriesPoint, SubnetRow } from '../../src/data/schema.ts';
import {
  CURRENT_FIELD_NAMES,
  isPlainAggregate,
  SERIES,
  SERIES_FIELD_NAMES,
  SERIES_FIELDS,
  SUBNET_COLUMNS,
  type SeriesDef,
  type SeriesField,
} from '../../src/data/series.ts';
import { dateOf } from './days.ts';
import type { BlockState, ItemRef } from './read.ts';
import { asBigInt, asText, asVec, field, publicKeyHex, unwrapOption } from './runtime.ts';

const SM = 'SubtensorModule';

function str(v: bigint | null | undefined): string | null {
  return v === null || v === undefined ? null : v.toString();
}

function plainInt(s: BlockState, ref: ItemRef): string | null {
  const c = s.plain(ref);
  return c === undefined || c === null ? null : asBigInt(c).toString();
}

function plainLen(s: BlockState, ref: ItemRef): string | null {
  const c = s.plain(ref);
  return c === undefined || c === null ? null : String(asVec(c).length);
}

/**
 * One series' value at a block, computed as its table entry says (src/data/series.ts), from the first of its
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
        return plainInt(s, ref);
      case 'count':
        return plainLen(s, ref);
      case 'root': {
        const c = s.entry(ref, 0);
        return c === undefined || c === null ? null : asBigInt(c).toString();
      }
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
const IDENTITIES = SUBNET_COLUMNS.name.storage.map((s) => s.item);

export function subnetRows(s: BlockState): SubnetRow[] {
  const rt = s.runtime;
  return (s.netuids ?? []).map((netuid) => {
    const int = (item: string) => {
      const c = s.entry([SM, item], netuid);
      return c === undefined || c === null ? null : asBigInt(c).toString();
    };
    let name: string | null = null;
    for (const id of IDENTITIES) {
      const c = s.entry([SM, id], netuid);
      if (c === undefined) continue; // not in this runtime: try the older map
      const v = c === null ? null : unwrapOption(c);
      const n = v ? field(v, 'subnet_name') : null;
      name = n ? asText(n) : null;
      break;
    }
    const symbol = s.entry([SM, 'TokenSymbol'], netuid);
    const owner = s.entry([SM, 'SubnetOwner'], netuid);
    const mech = int('SubnetMechanism');
    const reg = int('NetworkRegisteredAt');
    return {
      netuid,
      name,
      symbol: symbol === undefined || symbol === null ? null : asText(symbol),
      mechanism: mech === null ? null : Number(mech),
      owner: owner === undefined || owner === null ? null : rt.address(owner),
      registeredAt: reg === null ? null : Number(reg),
      tao: int('SubnetTAO'),
      alphaIn: int('SubnetAlphaIn'),
      alphaOut: int('SubnetAlphaOut'),
      taoInEmission: int('SubnetTaoInEmission'),
    };
  });
}

export function governance(s: BlockState) {
  const rt = s.runtime;
  const accounts = (ref: ItemRef) => {
    const c = s.plain(ref);
    return c === undefined || c === null ? null : asVec(c).map((a) => rt.address(a));
  };
  const sudo = s.plain(['Sudo', 'Key']);
  const key = sudo === undefined || sudo === null ? null : unwrapOption(sudo);
  const sudoKey = key === null ? null : rt.address(key);
  const auth = s.plain(['Aura', 'Authorities']);
  return {
    block: s.number,
    hash: s.hash,
    sudoKey,
    triumvirate: accounts(['TriumvirateMembers', 'Members']),
    senate: accounts(['SenateMembers', 'Members']),
    authorities: auth === undefined || auth === null ? null : asVec(auth).map(publicKeyHex),
  };
}
