/**
 * The real Finney runtimes' metadata (../shared/chain/metadata/finney-<spec>.scale) as the Finney-like node uses
 * it: keys built by @polkadot/types' own decoration (`expandMetadata(...).query.<pallet>.<item>(arg)`), values
 * encoded with `registry.createType(<the item's value type>, v).toU8a()`. Nothing here comes from
 * scripts/snapshot/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata';
import { compactStripLength, u8aToHex } from '@polkadot/util';
import { metadataRegistry } from '../../scripts/snapshot/runtime.ts';
import { CHAIN_DIR } from '../chopsticks.ts';

export const METADATA_DIR = path.join(CHAIN_DIR, 'metadata');

export function metadataFile(spec: number): string {
  return path.join(METADATA_DIR, `finney-${spec}.scale`);
}

/** Why the Finney-like node cannot run here (a metadata file missing), or null. */
export function metadataMissing(specs: readonly number[]): string | null {
  const missing = specs.map(metadataFile).filter((f) => !existsSync(f));
  return missing.length
    ? `Finney-like node skipped: ${missing.join(', ')} not found (real Finney metadata, see ../shared/chain/metadata/README.md)`
    : null;
}

type StorageFn = ((...args: unknown[]) => Uint8Array) & {
  meta: {
    modifier: { isOptional: boolean };
    type: { isPlain: boolean; asPlain: unknown; asMap: { value: unknown; hashers: unknown[] } };
  };
  keyPrefix: () => Uint8Array;
};

export interface ItemDef {
  pallet: string;
  item: string;
  /** camelCase section and method, as @polkadot/types decorates them */
  fn: StorageFn;
  plain: boolean;
  valueType: string;
}

export class FinneyRuntime {
  readonly spec: number;
  readonly registry: TypeRegistry;
  readonly metadata: Metadata;
  readonly metadataHex: string;
  /** state_getRuntimeVersion's reply, from the metadata's own System.Version constant */
  readonly version: Record<string, unknown>;
  readonly slotMs: number;
  readonly minimumPeriodMs: number;
  readonly blockHashCount: number;
  readonly #query: Record<string, Record<string, StorageFn>>;
  readonly #items = new Map<string, ItemDef | null>();
  readonly #keys = new Map<ItemDef, Map<number, string>>();

  constructor(spec: number) {
    this.spec = spec;
    const bytes = readFileSync(metadataFile(spec));
    this.metadataHex = u8aToHex(bytes);
    ({ registry: this.registry, metadata: this.metadata } = metadataRegistry(bytes));
    const decorated = expandMetadata(this.registry, this.metadata);
    this.#query = decorated.query as unknown as Record<string, Record<string, StorageFn>>;
    const consts = decorated.consts as unknown as Record<
      string,
      Record<string, { toJSON(): unknown; toNumber?: () => number }>
    >;
    const v = consts.system.version.toJSON() as Record<string, unknown>;
    if (v.specVersion !== spec)
      throw new Error(`${metadataFile(spec)}: System.Version says spec ${v.specVersion}, the file name ${spec}`);
    this.version = v;
    this.slotMs = Number(consts.aura.slotDuration.toJSON());
    this.minimumPeriodMs = Number(consts.timestamp.minimumPeriod.toJSON());
    this.blockHashCount = Number(consts.system.blockHashCount.toJSON());
  }

  /** The item as this runtime declares it, or null when it has no such item. */
  item(pallet: string, item: string): ItemDef | null {
    const id = `${pallet}.${item}`;
    if (this.#items.has(id)) return this.#items.get(id)!;
    const section = pallet[0].toLowerCase() + pallet.slice(1);
    const method = item[0].toLowerCase() + item.slice(1);
    // decoration camelCases names: SubnetTAO -> subnetTAO, TotalIssuance -> totalIssuance
    const fn = this.#query[section]?.[method];
    let def: ItemDef | null = null;
    if (fn) {
      const t = fn.meta.type;
      const lookupId = t.isPlain ? t.asPlain : t.asMap.value;
      def = { pallet, item, fn, plain: t.isPlain, valueType: this.registry.createLookupType(lookupId as never) };
    }
    this.#items.set(id, def);
    return def;
  }

  /** The raw storage key (hex), built by @polkadot/types. */
  key(def: ItemDef, arg?: unknown): string {
    // memoized for plain items and integer arguments (netuids, block numbers): a block's whole state (state.ts
    // entries) asks the same ~1,700 keys again for every block of the runtime, and hashing them was half its time
    const memo = def.plain || typeof arg === 'number';
    let keys = memo ? this.#keys.get(def) : undefined;
    if (memo && !keys) this.#keys.set(def, (keys = new Map()));
    const id = def.plain ? -1 : (arg as number);
    let k = keys?.get(id);
    if (k === undefined) {
      const withLength = def.plain ? def.fn() : def.fn(arg);
      k = u8aToHex(compactStripLength(withLength)[1]);
      keys?.set(id, k);
    }
    return k;
  }

  prefix(def: ItemDef): string {
    return u8aToHex(def.fn.keyPrefix());
  }

  /** SCALE encoding of `value` as the item's value type (hex). */
  encode(def: ItemDef, value: unknown): string {
    return u8aToHex(this.registry.createType(def.valueType, value).toU8a());
  }
}

const cache = new Map<number, FinneyRuntime>();

export function finneyRuntime(spec: number): FinneyRuntime {
  let rt = cache.get(spec);
  if (!rt) {
    rt = new FinneyRuntime(spec);
    cache.set(spec, rt);
  }
  return rt;
}
