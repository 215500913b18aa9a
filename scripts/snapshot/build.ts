/** Mapping decoded block states to the snapshot schema (SeriesPoint, Current, Subnets, Governance). */
import { SERIES_FIELDS, type Current, type SeriesField, type SeriesPoint, type SubnetRow } from '../../src/data/schema.ts';
import { dateOf } from './days.ts';
import type { BlockState, ItemRef } from './read.ts';
import { asBigInt, asText, asVec, field, publicKeyHex } from './runtime.ts';

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

/** The daily series' values at a block; null for items absent from its runtime. */
export function seriesValues(s: BlockState): Record<SeriesField, string | null> {
  const root = s.entry([SM, 'SubnetTAO'], 0);
  return {
    totalIssuance: plainInt(s, [SM, 'TotalIssuance']),
    balancesIssuance: plainInt(s, ['Balances', 'TotalIssuance']),
    totalStake: plainInt(s, [SM, 'TotalStake']),
    rootStake: root === undefined || root === null ? null : asBigInt(root).toString(),
    subnetTao: str(s.sum([SM, 'SubnetTAO'], true)),
    subnetCount: plainInt(s, [SM, 'TotalNetworks']),
    taoInEmission: str(s.sum([SM, 'SubnetTaoInEmission'])),
    pendingRootDivs: str(s.sum([SM, 'PendingRootDivs'])),
    // a plain TaoWeight only: some dTAO test runtimes keyed it by netuid, which is another quantity
    taoWeight: plainInt(s, [SM, 'TaoWeight']),
    senateSize: plainLen(s, ['SenateMembers', 'Members']),
    triumvirateSize: plainLen(s, ['TriumvirateMembers', 'Members']),
    authorityCount: plainLen(s, ['Aura', 'Authorities']),
  };
}

export function seriesPoint(s: BlockState, date = dateOf(s.ts)): SeriesPoint {
  return { date, block: s.number, hash: s.hash, specVersion: s.specVersion, values: seriesValues(s) };
}

export function current(s: BlockState, values = seriesValues(s)): Current {
  const q = (value: string | null, unit: 'rao' | 'count' | 'u64-fraction' | 'u16-fraction', item: string) => ({
    value,
    unit,
    source: { kind: 'chain' as const, block: s.number, hash: s.hash, item },
  });
  const f = (name: SeriesField) => q(values[name], SERIES_FIELDS[name].unit as 'rao', SERIES_FIELDS[name].item);
  return {
    totalIssuance: f('totalIssuance'),
    balancesIssuance: f('balancesIssuance'),
    totalStake: f('totalStake'),
    rootStake: f('rootStake'),
    subnetTao: f('subnetTao'),
    subnetCount: f('subnetCount'),
    taoWeight: f('taoWeight'),
    subnetOwnerCut: q(plainInt(s, [SM, 'SubnetOwnerCut']), 'u16-fraction', 'SubtensorModule.SubnetOwnerCut'),
  };
}

const IDENTITIES = ['SubnetIdentitiesV3', 'SubnetIdentitiesV2', 'SubnetIdentities'];

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
      const v = c === null ? null : (c as unknown as { isSome?: boolean; unwrap?: () => typeof c }).isSome !== undefined ? ((c as any).isSome ? (c as any).unwrap() : null) : c;
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
  const sudoKey = sudo === undefined || sudo === null ? null : (sudo as any).isSome === false ? null : rt.address((sudo as any).isSome ? (sudo as any).unwrap() : sudo);
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
