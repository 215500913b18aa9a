/**
 * One runtime version's view of storage, built from that runtime's own metadata: which items exist, their keys
 * (built by @polkadot/types' storage decoration of that metadata) and value types, and decoding of raw values.
 * Cached by specVersion (see Reader.runtimes in read.ts).
 *
 * Keys are @polkadot/types' own: building them by hand is ~35x faster and buys nothing. scripts/bench-keys.ts
 * (commit 8cba2f8, removed with the hand-written builder) timed one block's keys (129 netuids x the series maps,
 * plus the plain items) on Finney's metadata: spec 424, 653 keys in 9.1 ms with the decoration (14 µs a key)
 * against 0.26 ms by hand; spec 219, 138 keys in 2.8 ms against 0.08 ms. A block costs one state_queryStorageAt
 * request, and the public endpoints allow about one request a second (see --rps in cli.ts).
 */
import { Metadata, Option, TypeRegistry } from '@polkadot/types';
import { decorateStorage } from '@polkadot/types/metadata/decorate';
import type { StorageEntry } from '@polkadot/types/primitive/types';
import type { Codec } from '@polkadot/types/types';
import { compactStripLength, hexToU8a, stringCamelCase, u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

export class MalformedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedError';
  }
}

export interface ItemInfo {
  pallet: string;
  item: string;
  /** twox128(prefix) ++ twox128(item) */
  prefix: string;
  kind: 'plain' | 'map';
  /** the hasher of a single-key map (Identity, Twox64Concat, ...), else null */
  hasher: string | null;
  /** byte width of the map key when it is an unsigned integer (u16 NetUid etc.), else null */
  keyUintBytes: number | null;
  valueType: string;
  optional: boolean;
  fallback: Uint8Array;
  /** @polkadot/types' decorated entry: builds the item's keys */
  entry: StorageEntry;
}

/** decorated storage entries by camelCase pallet and item name */
type StorageEntries = Record<string, Record<string, StorageEntry> | undefined>;

const UINT_BYTES: Record<string, number> = { U8: 1, U16: 2, U32: 4, U64: 8, U128: 16 };

/**
 * A type registry holding a runtime's metadata. Its transaction extensions are declared (they do not matter for
 * reading storage; declaring them silences polkadot.js' warning). Shared with the Finney-like test node.
 */
export function metadataRegistry(bytes: Uint8Array | `0x${string}`): { registry: TypeRegistry; metadata: Metadata } {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  const x = metadata.asLatest.extrinsic as unknown as Record<
    string,
    Array<{ identifier: { toString(): string } }> | undefined
  >;
  const ext = Object.fromEntries(
    (x.signedExtensions ?? x.transactionExtensions ?? []).map((e) => [
      e.identifier.toString(),
      { extrinsic: {}, payload: {} },
    ]),
  );
  registry.setMetadata(metadata, undefined, ext);
  return { registry, metadata };
}

/** Runtime.of's runtimes, by spec, SS58 prefix and metadata, oldest first */
const BUILT = new Map<string, Runtime>();

export class Runtime {
  readonly specVersion: number;
  readonly registry: TypeRegistry;
  readonly ss58: number;
  /** Timestamp.MinimumPeriod (ms): consecutive blocks' timestamps differ by at least this */
  readonly minimumPeriodMs: number | null;
  /** Aura slot duration (ms) when the runtime has Aura: a block's slot is floor(timestamp / slot) and slots increase */
  readonly slotMs: number | null;
  readonly #items = new Map<string, ItemInfo | null>();
  readonly #metadata: Metadata;
  /** decorated lazily, per pallet */
  readonly #storage: StorageEntries;

  /**
   * The runtime of this metadata, built once per process: decoding a runtime's metadata and its storage entries takes
   * 100-300 ms, and a process that runs the snapshot command more than once (the tests, `npm run bench:snapshot`)
   * reads the same runtimes again. A Runtime does not change once built (its item lookups are a memo of the metadata).
   */
  static of(specVersion: number, metadataHex: string, ss58 = 42): Runtime {
    const key = `${specVersion}:${ss58}:${metadataHex}`;
    let rt = BUILT.get(key);
    if (!rt) {
      rt = new Runtime(specVersion, metadataHex, ss58);
      BUILT.set(key, rt);
      // the oldest out beyond 16 (about 8 MB each)
      if (BUILT.size > 16) BUILT.delete(BUILT.keys().next().value!);
    }
    return rt;
  }

  constructor(specVersion: number, metadataHex: string, ss58 = 42) {
    this.specVersion = specVersion;
    this.ss58 = ss58;
    try {
      ({ registry: this.registry, metadata: this.#metadata } = metadataRegistry(metadataHex as `0x${string}`));
      this.#storage = decorateStorage(
        this.registry,
        this.#metadata.asLatest,
        this.#metadata.version,
      ) as unknown as StorageEntries;
    } catch (e) {
      throw new MalformedError(`metadata of spec ${specVersion} does not decode: ${(e as Error).message}`);
    }
    const mp = this.constant('Timestamp', 'MinimumPeriod');
    this.minimumPeriodMs = mp === null ? null : Number(mp);
    const hasAura = this.#pallet('Aura') !== undefined;
    const slot = this.constant('Aura', 'SlotDuration');
    // FRAME's pallet_aura: slot duration = MinimumPeriod * 2 unless configured (newer runtimes expose it).
    this.slotMs = !hasAura
      ? null
      : slot !== null
        ? Number(slot)
        : this.minimumPeriodMs !== null
          ? this.minimumPeriodMs * 2
          : null;
  }

  #pallet(name: string) {
    return this.#metadata.asLatest.pallets.find((p) => p.name.toString() === name);
  }

  /** A numeric constant, or null when absent. */
  constant(pallet: string, name: string): bigint | null {
    const c = this.#pallet(pallet)?.constants.find((k) => k.name.toString() === name);
    if (!c) return null;
    const v = this.registry.createTypeUnsafe(this.registry.createLookupType(c.type), [c.value.toU8a(true)]);
    try {
      return asBigInt(v);
    } catch {
      return null;
    }
  }

  /** Storage item info, or null when this runtime has no such item. */
  item(pallet: string, item: string): ItemInfo | null {
    const id = `${pallet}.${item}`;
    if (this.#items.has(id)) return this.#items.get(id)!;
    let info: ItemInfo | null = null;
    const p = this.#pallet(pallet);
    const storage = p?.storage.isSome ? p.storage.unwrap() : null;
    const entry = storage?.items.find((i) => i.name.toString() === item);
    const fn = entry ? this.#storage[stringCamelCase(pallet)]?.[stringCamelCase(item)] : undefined;
    if (entry && fn) {
      if (fn.meta.name.toString() !== item)
        throw new MalformedError(
          `metadata of spec ${this.specVersion}: ${pallet}.${item} decorates as ${fn.meta.name}`,
        );
      const lookup = this.registry.lookup;
      const base = {
        pallet,
        item,
        prefix: u8aToHex(fn.keyPrefix()),
        optional: entry.modifier.isOptional,
        fallback: entry.fallback.toU8a(true),
        entry: fn,
      };
      if (entry.type.isPlain) {
        info = {
          ...base,
          kind: 'plain',
          hasher: null,
          keyUintBytes: null,
          valueType: this.registry.createLookupType(entry.type.asPlain),
        };
      } else {
        const m = entry.type.asMap;
        const hashers = m.hashers.map((h) => h.type.toString());
        let keyUintBytes: number | null = null;
        if (hashers.length === 1) {
          let def = lookup.getSiType(m.key).def;
          // unwrap transparent newtypes such as NetUid(u16)
          while (def.isComposite && def.asComposite.fields.length === 1)
            def = lookup.getSiType(def.asComposite.fields[0].type).def;
          if (def.isPrimitive) keyUintBytes = UINT_BYTES[def.asPrimitive.type] ?? null;
        }
        info = {
          ...base,
          kind: 'map',
          hasher: hashers.length === 1 ? hashers[0] : null,
          keyUintBytes,
          valueType: this.registry.createLookupType(m.value),
        };
      }
    }
    this.#items.set(id, info);
    return info;
  }

  /** The item if it is a plain value, else null (absent, or a map in this runtime). */
  plain(pallet: string, item: string): ItemInfo | null {
    const i = this.item(pallet, item);
    return i && i.kind === 'plain' ? i : null;
  }

  /** The item if it is a map keyed by one unsigned integer (netuid), else null. */
  uintMap(pallet: string, item: string): ItemInfo | null {
    const i = this.item(pallet, item);
    return i && i.kind === 'map' && i.hasher && i.keyUintBytes ? i : null;
  }

  /** The storage key of a plain item, or of a netuid-keyed map's entry `key`; throws on a key its type cannot hold. */
  keyOf(info: ItemInfo, key?: number): string {
    if (info.kind === 'plain') return info.prefix;
    if (key === undefined || !info.hasher || !info.keyUintBytes)
      throw new Error(`${info.pallet}.${info.item} needs an integer key`);
    try {
      // the decorated entry returns the key with a SCALE length prefix (it is Bytes underneath)
      return u8aToHex(compactStripLength(info.entry(key))[1]);
    } catch (e) {
      throw new RangeError(`${info.pallet}.${info.item}[${key}]: ${(e as Error).message}`, { cause: e });
    }
  }

  /**
   * The integer key (netuid) of `key`, a storage key of the map `info` (e.g. from state_getKeysPaged), decoded by
   * @polkadot/types from the map's own key type; throws MalformedError unless `key` is exactly such a key.
   */
  netuidOfKey(info: ItemInfo, key: string): number {
    const k = key.toLowerCase();
    let n: number | null = null;
    if (info.kind === 'map' && info.keyUintBytes && k.startsWith(info.prefix)) {
      try {
        const sk = this.registry.createType('StorageKey', k);
        sk.setMeta(info.entry.meta);
        n = Number(asBigInt(sk.args[0]));
      } catch {
        n = null;
      }
    }
    // decoding does not look at trailing bytes: the key rebuilt from the netuid must be the same key
    if (n === null || !Number.isSafeInteger(n) || this.keyOf(info, n) !== k)
      throw new MalformedError(`${info.pallet}.${info.item}: …${k.slice(-24)} is not a key of this map`);
    return n;
  }

  /**
   * Decode a raw value with this runtime's types. Returns null for an Optional item with no value; a
   * ValueQuery item with no value decodes its declared default. Throws MalformedError on bytes that do not
   * decode exactly (pedantic: re-encoding must give the same bytes).
   */
  decode(info: ItemInfo, hex: string | null): Codec | null {
    if (hex === null && info.optional) return null;
    const bytes = hex === null ? info.fallback : hexToU8a(hex);
    try {
      return this.registry.createTypeUnsafe(info.valueType, [bytes], { isPedantic: true });
    } catch (e) {
      throw new MalformedError(
        `${info.pallet}.${info.item}: value ${describeHex(hex)} does not decode as ${info.valueType}: ${(e as Error).message}`,
      );
    }
  }

  address(codec: Codec): string {
    const u8a = codec.toU8a(true);
    if (u8a.length !== 32) throw new MalformedError(`expected a 32-byte account id, got ${u8a.length} bytes`);
    return encodeAddress(u8a, this.ss58);
  }
}

function describeHex(hex: string | null): string {
  return hex === null ? '(none)' : hex.length > 24 ? `${hex.slice(0, 22)}…` : hex;
}

/** Unsigned integer value of a codec (u8..u128, or a newtype wrapping one). */
export function asBigInt(c: Codec): bigint {
  const anyc = c as unknown as {
    toBigInt?: () => bigint;
    toArray?: () => unknown;
    size?: number;
    values?: () => Iterable<Codec>;
  };
  if (typeof anyc.toBigInt === 'function') return anyc.toBigInt();
  // transparent newtypes (TaoBalance, NetUid, ...) may decode as a one-field struct or tuple
  if (c instanceof Map && c.size === 1) return asBigInt([...c.values()][0] as Codec);
  if (Array.isArray(c) && c.length === 1) return asBigInt(c[0] as Codec);
  throw new MalformedError(`expected an integer, got ${c.toRawType()}`);
}

/** The value inside an `Option` (null for None), or the codec itself when it is not an Option. */
export function unwrapOption(c: Codec): Codec | null {
  return c instanceof Option ? (c.isSome ? c.unwrap() : null) : c;
}

export function asBool(c: Codec): boolean {
  const j = c.toPrimitive();
  if (typeof j !== 'boolean') throw new MalformedError(`expected a bool, got ${c.toRawType()}`);
  return j;
}

export function asVec(c: Codec): Codec[] {
  if (!Array.isArray(c)) throw new MalformedError(`expected a vector, got ${c.toRawType()}`);
  return c as Codec[];
}

/** Bytes as UTF-8 text (lossy for invalid sequences). */
export function asText(c: Codec): string {
  return new TextDecoder('utf-8').decode(bytesOf(c));
}

function bytesOf(c: Codec): Uint8Array {
  // Bytes / Vec<u8>: the SCALE encoding without the length prefix
  const anyc = c as unknown as { toU8a: (bare?: boolean) => Uint8Array };
  return anyc.toU8a(true);
}

/** A struct field by its snake_case or camelCase name. */
export function field(c: Codec, name: string): Codec | null {
  if (!(c instanceof Map)) return null;
  const camel = name.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
  return ((c as Map<string, Codec>).get(camel) ?? (c as Map<string, Codec>).get(name) ?? null) as Codec | null;
}

export function publicKeyHex(c: Codec): string {
  return u8aToHex(c.toU8a(true));
}
