/**
 * The Finney-like chain's storage: the value of any key at any block, computed on demand from the model
 * (model.ts) and encoded with the block's own runtime (runtimes.ts). Also the expected snapshot values of a
 * block, for the tests: what the reader must find there, derived from the model, not from the reader.
 */
import { account, ChainModel, ITEM_IDS } from './model.ts';
import { finneyRuntime, type FinneyRuntime, type ItemDef } from './runtimes.ts';
import { isPlainAggregate, SERIES, SERIES_FIELD_NAMES, type SeriesDef } from '../../src/model/series.ts';

const SM = 'SubtensorModule';
/** plain items the node holds a value for */
const PLAIN: Array<[string, string]> = [
  ['System', 'LastRuntimeUpgrade'],
  ['Timestamp', 'Now'],
  [SM, 'TotalIssuance'],
  ['Balances', 'TotalIssuance'],
  [SM, 'TotalStake'],
  [SM, 'TotalNetworks'],
  [SM, 'TaoWeight'],
  [SM, 'SubnetOwnerCut'],
  ['SenateMembers', 'Members'],
  ['TriumvirateMembers', 'Members'],
  ['Aura', 'Authorities'],
  ['Sudo', 'Key'],
];
/** netuid-keyed maps the node holds values for (for existing subnets only) */
const MAPS = [
  'NetworksAdded',
  'SubnetTAO',
  'SubnetTaoInEmission',
  'SubnetExcessTao',
  'PendingRootDivs',
  'SubnetAlphaIn',
  'SubnetAlphaOut',
  'NetworkRegisteredAt',
  'SubnetMechanism',
  'SubnetOwner',
  'TokenSymbol',
];
/**
 * System.BlockHash entries kept: the last KEPT_HASHES blocks' (and the genesis'), not the runtime's BlockHashCount
 * (2400 on Finney), so that a block's whole state, built into a trie for its proofs (proofs.ts), stays small. The
 * reader reads 64 of them with a block.
 */
const KEPT_HASHES = 256;
/** netuids whose keys are indexed (the model registers fewer) */
const MAX_NETUID = 256;

type Slot = { def: ItemDef; netuid: number | null };

interface SpecIndex {
  rt: FinneyRuntime;
  byKey: Map<string, Slot>;
  blockHashPrefix: string;
  blockHashDef: ItemDef;
  /** the netuid maps by their prefix */
  maps: Map<string, { def: ItemDef; prefix: string }>;
}

export class ChainState {
  readonly model: ChainModel;
  readonly #index = new Map<number, SpecIndex>();
  /** fault injection for the tests: change the value the node serves (never the expected values) */
  tamper: ((n: number, item: string, netuid: number | null, value: unknown) => unknown) | null = null;

  constructor(model: ChainModel) {
    this.model = model;
  }

  runtimeOf(n: number): FinneyRuntime {
    return finneyRuntime(this.model.specOf(n));
  }

  index(spec: number): SpecIndex {
    let ix = this.#index.get(spec);
    if (ix) return ix;
    const rt = finneyRuntime(spec);
    const byKey = new Map<string, Slot>();
    for (const [p, i] of PLAIN) {
      const def = rt.item(p, i);
      if (def && def.plain) byKey.set(rt.key(def), { def, netuid: null });
    }
    const maps = new Map<string, { def: ItemDef; prefix: string }>();
    for (const i of MAPS) {
      const def = rt.item(SM, i);
      if (!def || def.plain) continue;
      maps.set(rt.prefix(def), { def, prefix: rt.prefix(def) });
    }
    const blockHashDef = rt.item('System', 'BlockHash')!;
    ix = { rt, byKey, blockHashPrefix: rt.prefix(blockHashDef), blockHashDef, maps };
    this.#index.set(spec, ix);
    return ix;
  }

  /** The JS value of an item at block n (before encoding), or null when the key has no value. */
  value(n: number, def: ItemDef, netuid: number | null): unknown {
    const m = this.model;
    const rt = this.runtimeOf(n);
    if (netuid !== null) {
      const reg = m.registeredAt(netuid, n);
      if (reg === null) return null;
      switch (def.item) {
        case 'NetworksAdded':
          return true;
        case 'NetworkRegisteredAt':
          return reg;
        case 'SubnetMechanism':
          return netuid === 0 ? 0 : 1;
        case 'SubnetOwner':
          return account('owner', netuid * 1_000_003 + reg);
        case 'TokenSymbol':
          return netuid === 0 ? 'τ' : `α${netuid}`; // Vec<u8>: a string is its UTF-8 bytes
        default:
          return m.perSubnet(ITEM_IDS[def.item as keyof typeof ITEM_IDS], netuid, n);
      }
    }
    switch (`${def.pallet}.${def.item}`) {
      case 'System.LastRuntimeUpgrade':
        return { specVersion: m.specOf(n), specName: rt.version.specName };
      case 'Timestamp.Now':
        return m.ts(n);
      case 'SubtensorModule.TotalIssuance':
        return m.totalIssuance(n);
      case 'Balances.TotalIssuance':
        return m.balancesIssuance(n);
      case 'SubtensorModule.TotalStake':
        return m.totalStake(n);
      case 'SubtensorModule.TotalNetworks':
        return m.netuids(n).length;
      case 'SubtensorModule.TaoWeight':
        return m.taoWeight(n);
      case 'SubtensorModule.SubnetOwnerCut':
        return m.subnetOwnerCut(n);
      case 'SenateMembers.Members':
        return Array.from({ length: m.senateSize(n) }, (_, i) => account('senate', i));
      case 'TriumvirateMembers.Members':
        return Array.from({ length: m.triumvirateSize(n) }, (_, i) => account('triumvirate', i));
      case 'Aura.Authorities':
        return Array.from({ length: m.authorityCount(n) }, (_, i) => account('aura', i));
      case 'Sudo.Key':
        return account('sudo', 0);
    }
    return null;
  }

  /** The raw value (hex) of `key` at block n, or null. */
  raw(n: number, key: string): string | null {
    const ix = this.index(this.model.specOf(n));
    const k = key.toLowerCase();
    let slot = ix.byKey.get(k);
    const map = slot ? undefined : ix.maps.get(k.slice(0, 66));
    if (map && k.length >= 70) {
      // Identity and *Concat hashers end with the SCALE key (a u16 netuid); the key is rebuilt with
      // @polkadot/types to be sure it is that entry's
      const netuid = parseInt(k.slice(-2) + k.slice(-4, -2), 16);
      if (netuid < MAX_NETUID && ix.rt.key(map.def, netuid) === k) {
        slot = { def: map.def, netuid };
        ix.byKey.set(k, slot);
      }
    }
    if (slot) {
      let v = this.value(n, slot.def, slot.netuid);
      if (this.tamper) v = this.tamper(n, slot.def.item, slot.netuid, v);
      return v === null ? null : ix.rt.encode(slot.def, v);
    }
    if (k.startsWith(ix.blockHashPrefix) && k.length === ix.blockHashPrefix.length + 24) {
      // System.BlockHash: Twox64Concat(u32); rebuilt with @polkadot/types to be sure it is that key
      const le = k.slice(-8);
      const b = parseInt(le.match(/../g)!.reverse().join(''), 16);
      if (ix.rt.key(ix.blockHashDef, b) !== k) return null;
      // frame_system keeps the genesis hash and the last BlockHashCount blocks' hashes (here KEPT_HASHES)
      const kept = b === 0 || (b < n && b >= n - Math.min(KEPT_HASHES, ix.rt.blockHashCount));
      return kept ? ix.rt.encode(ix.blockHashDef, this.model.hash(b)) : null;
    }
    return null;
  }

  /**
   * Every key with a value at block n and its value (the block's whole state as the node serves it): the plain
   * items, the maps' entries of existing subnets, System.BlockHash of the genesis and the last BlockHashCount blocks.
   */
  entries(n: number): Array<[string, string]> {
    const ix = this.index(this.model.specOf(n));
    const keys: string[] = [];
    for (const [p, i] of PLAIN) {
      const def = ix.rt.item(p, i);
      if (def && def.plain) keys.push(ix.rt.key(def));
    }
    for (const { def } of ix.maps.values()) for (const u of this.model.netuids(n)) keys.push(ix.rt.key(def, u));
    const out: Array<[string, string]> = [];
    for (const k of keys) {
      const v = this.raw(n, k);
      if (v !== null) out.push([k, v]);
    }
    // System.BlockHash (what raw() serves for these keys; a hash is its own SCALE encoding)
    const hashes = new Set([0]);
    for (let b = Math.max(0, n - Math.min(KEPT_HASHES, ix.rt.blockHashCount)); b < n; b++) hashes.add(b);
    if (n > 0) for (const b of hashes) out.push([ix.rt.key(ix.blockHashDef, b), this.model.hash(b)]);
    return out;
  }

  /** state_getKeysPaged: keys with `prefix` that have a value at block n, sorted, after `start`. */
  keysPaged(n: number, prefix: string, count: number, start: string | null): string[] {
    const ix = this.index(this.model.specOf(n));
    const p = prefix.toLowerCase();
    const out: string[] = [];
    for (const { prefix: mp, def } of ix.maps.values()) {
      if (!mp.startsWith(p) && !p.startsWith(mp)) continue;
      for (const netuid of this.model.netuids(n)) {
        const k = ix.rt.key(def, netuid);
        if (k.startsWith(p) && this.raw(n, k) !== null) out.push(k);
      }
    }
    out.sort();
    const from = start ? out.findIndex((k) => k > start.toLowerCase()) : 0;
    return from < 0 ? [] : out.slice(from, from + count);
  }

  /**
   * What the snapshot must hold for block n: a value for every field of the series table (src/model/series.ts SERIES),
   * null where the block's runtime declares none of the field's items. The table says only which item and how to
   * aggregate it; which items the runtime declares comes from the real metadata, and every value from the model.
   * A field whose item the runtime declares but the model holds no value for throws, naming the item: a series added
   * to the table fails this test until the model (PLAIN or MAPS here, and `value`) serves it.
   */
  expectedSeries(n: number): Record<string, string | null> {
    return Object.fromEntries(SERIES_FIELD_NAMES.map((f) => [f, this.expectedValue(n, f, SERIES[f])]));
  }

  /** The value series `field` (defined by `d`) must have at block n, or null when the runtime lacks its items. */
  expectedValue(n: number, field: string, d: SeriesDef): string | null {
    const m = this.model;
    const rt = this.runtimeOf(n);
    const plain = isPlainAggregate(d.aggregate);
    // the first span the runtime declares, with the shape the aggregate reads (the table's rule for a block)
    const found =
      d.storage.map((sp) => rt.item(sp.pallet, sp.item)).find((def) => def !== null && def.plain === plain) ?? null;
    if (found === null) return null;
    const name = `${found.pallet}.${found.item}`;
    const known = plain
      ? PLAIN.some(([p, i]) => p === found.pallet && i === found.item)
      : found.pallet === SM && MAPS.includes(found.item);
    if (!known)
      throw new Error(
        `Finney-like model: series ${field} reads ${name}, which spec ${m.specOf(n)} declares but the model does not serve: add it to PLAIN or MAPS in testing/finney-like/state.ts and give it a value`,
      );
    const int = (v: unknown, netuid: number | null): bigint => {
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
      throw new Error(
        `Finney-like model: ${name}${netuid === null ? '' : `[${netuid}]`} at #${n} is ${String(v)}, not an integer`,
      );
    };
    switch (d.aggregate) {
      case 'value':
        return int(this.value(n, found, null), null).toString();
      case 'count': {
        const v = this.value(n, found, null);
        if (!Array.isArray(v)) throw new Error(`Finney-like model: ${name} at #${n} is not a list`);
        return String(v.length);
      }
      case 'root':
        return int(this.value(n, found, 0), 0).toString();
      case 'sum':
      case 'sum-subnets':
        return m
          .netuids(n)
          .filter((u) => d.aggregate === 'sum' || u !== 0)
          .reduce((a, u) => a + int(this.value(n, found, u), u), 0n)
          .toString();
    }
  }

  /** subnets-daily.json's rows for block n */
  expectedSubnets(
    n: number,
  ): Array<{ netuid: number; tao: string | null; alphaIn: string | null; alphaOut: string | null }> {
    const m = this.model;
    const rt = this.runtimeOf(n);
    const v = (item: keyof typeof ITEM_IDS, u: number) =>
      rt.item(SM, item)?.plain === false ? m.perSubnet(ITEM_IDS[item], u, n).toString() : null;
    return m.netuids(n).map((u) => ({
      netuid: u,
      tao: v('SubnetTAO', u),
      alphaIn: v('SubnetAlphaIn', u),
      alphaOut: v('SubnetAlphaOut', u),
    }));
  }
}
