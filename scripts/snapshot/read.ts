/**
 * Reading blocks: all the keys of one block in one call (per-subnet keys built from candidate netuids), decoded with
 * the metadata of the runtime that executed that block. Metadata is fetched once per runtime version. Block hashes
 * are fetched in batches (`chain_getBlockHash` takes a list).
 *
 * Every value a sampled block records is proven: read with `state_getReadProof` and verified (proof.ts) under the
 * state root of `chain_getHeader(hash)`, after checking that the header hashes to the hash and carries the block's
 * number (header.ts). Probes of the day search read `state_getReadProof` too, without the header: their values are
 * decoded under the root the proof's nodes hang from, unproven; when a probe turns out to be sampled (`complete`),
 * that same proof is checked under its header's state root, so a sampled block costs one call more than a probe (its
 * header), not a second read. With `trustNode` (nodes that serve no proofs) every read is `state_queryStorageAt` and
 * the data is labelled unproven.
 * Values leave a BlockState as plain values (bigint, number, string, lists of them, or null), decoded here only.
 */
import { asRpcHeader, encodeHeader, headerProblem } from './header.ts';
import { u8aToHex } from '@polkadot/util';
import { blockHashKey, decodeHash, decodeLastRuntimeUpgrade, decodeU64, FIXED } from './keys.ts';
import { ProofError, proofRoot, verifyProof } from './proof.ts';
import { RpcError, type RpcClient } from './rpc.ts';
import {
  asBigInt,
  asBool,
  asText,
  asVec,
  field,
  MalformedError,
  publicKeyHex,
  Runtime,
  unwrapOption,
  type ItemInfo,
} from './runtime.ts';
import { specOfRegistry, type MetadataCache } from './metadata-cache.ts';
import type { Codec } from '@polkadot/types/types';
import {
  GOVERNANCE_ITEMS,
  isPlainAggregate,
  NETUIDS_ITEM,
  SERIES,
  type SeriesDef,
  type StorageSpan,
} from '../../src/model/series.ts';
import { SUBNET_COLUMNS, type SubnetColumns } from '../../src/model/columns.ts';

export type ItemRef = readonly [pallet: string, item: string];

/** `[pallet, item]` of every span, in table order, without repeats. */
function refsOf(spans: Iterable<StorageSpan>): ItemRef[] {
  const seen = new Map<string, ItemRef>();
  for (const s of spans) seen.set(`${s.pallet}.${s.item}`, [s.pallet, s.item]);
  return [...seen.values()];
}
const seriesSpans = (plain: boolean) =>
  Object.values(SERIES as Record<string, SeriesDef>).flatMap((d) =>
    isPlainAggregate(d.aggregate) === plain ? d.storage : [],
  );
const subnetSpans = (columns: SubnetColumns, daily: boolean) =>
  Object.values(columns).flatMap((c) => (c.daily === daily ? c.storage : []));

/** What a block read asks for, derived from the series table and a per-subnet column table. */
export interface ItemLists {
  /** plain values read at every sampled block: the table's plain series (src/model/series.ts) and the governance extras */
  global: ItemRef[];
  /**
   * per-subnet maps read at every sampled block, in the block's one state_queryStorageAt call: NetworksAdded first
   * (it lists the netuids), then the per-subnet series (snapshot.json) and the daily columns (subnets-daily.json)
   */
  seriesMaps: ItemRef[];
  /** per-subnet maps read at the head only (the rest of the subnets table) */
  headMaps: ItemRef[];
}

/** The item lists of a column table (src/model/columns.ts `SUBNET_COLUMNS`, or a test's). */
export function itemLists(columns: SubnetColumns = SUBNET_COLUMNS): ItemLists {
  const global = refsOf([...seriesSpans(true), ...GOVERNANCE_ITEMS]);
  const seriesMaps = refsOf([NETUIDS_ITEM, ...seriesSpans(false), ...subnetSpans(columns, true)]);
  const headMaps = refsOf(subnetSpans(columns, false)).filter(
    ([p, i]) => !seriesMaps.some(([q, j]) => q === p && j === i),
  );
  return { global, seriesMaps, headMaps };
}

const ITEMS = itemLists();
/** The item lists of `SUBNET_COLUMNS` (see `ItemLists`). */
export const GLOBAL_ITEMS: ItemRef[] = ITEMS.global;
export const SERIES_MAPS: ItemRef[] = ITEMS.seriesMaps;
export const HEAD_MAPS: ItemRef[] = ITEMS.headMaps;

/** How many hashes of preceding blocks to read along with a block (System.BlockHash), saving hash lookups. */
const PARENT_HASHES = 64;
/** Keys per state_queryStorageAt call. */
const MAX_KEYS = 2000;

/**
 * A value read from a node failed its check (header, proof, or a probe's value differing from the proven one): the
 * run stops with this one line, naming the endpoint, the block, the key and what failed, and writes nothing.
 */
export class VerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerificationError';
  }
}

export class BlockState {
  readonly number: number;
  readonly hash: string;
  ts = 0;
  specVersion = 0;
  runtime!: Runtime;
  /** raw storage values by key (null: no value) */
  readonly raw = new Map<string, string | null>();
  /** existing netuids (from NetworksAdded), null when the runtime has no NetworksAdded */
  netuids: number[] | null = null;
  /** every series key of its runtime has been read and the netuids resolved (Reader.complete) */
  complete = false;
  /** the state root of the block's header, checked against its hash and number; null until proven */
  stateRoot: string | null = null;
  /** every value in `raw` is proven under `stateRoot` (and later reads are too) */
  proven = false;
  /** the checked header's SCALE encoding (hex); null until proven */
  header: string | null = null;
  /** every trie node of the proofs read at this block (the published proof file keeps those of its values) */
  readonly proofNodes = new Set<string>();
  /**
   * A probe's read: the nodes of its `state_getReadProof` replies, the root they hang from (proof.ts proofRoot) and
   * the endpoint that served them. Its values are unproven until the checked header names that root (Reader.complete).
   */
  probe: { nodes: string[]; root: string; endpoint: string } | null = null;

  constructor(number: number, hash: string) {
    this.number = number;
    this.hash = hash;
  }

  /** Decoded value of a plain item; undefined when absent from this runtime (or not a plain value here). */
  plain(ref: ItemRef): Codec | null | undefined {
    const info = this.runtime.plain(ref[0], ref[1]);
    if (!info) return undefined;
    return this.#decode(info, this.runtime.keyOf(info));
  }

  /** Decoded value of a netuid-keyed map entry; undefined when the map is absent from this runtime. */
  entry(ref: ItemRef, netuid: number): Codec | null | undefined {
    const info = this.runtime.uintMap(ref[0], ref[1]);
    if (!info) return undefined;
    return this.#decode(info, this.runtime.keyOf(info, netuid));
  }

  #decode(info: ItemInfo, key: string): Codec | null {
    if (!this.raw.has(key))
      throw new Error(`internal: ${info.pallet}.${info.item} was not read at block ${this.number}`);
    try {
      return this.runtime.decode(info, this.raw.get(key)!);
    } catch (e) {
      throw new MalformedError(`block ${this.number}: ${(e as Error).message}`);
    }
  }

  /** A plain item (netuid undefined) or a map entry, decoded by `as`; null when absent from the runtime or no value. */
  #get<T>(ref: ItemRef, netuid: number | undefined, as: (c: Codec) => T): T | null {
    const c = netuid === undefined ? this.plain(ref) : this.entry(ref, netuid);
    if (c === undefined || c === null) return null;
    try {
      return as(c);
    } catch (e) {
      throw new MalformedError(
        `block ${this.number}: ${ref.join('.')}${netuid === undefined ? '' : `[${netuid}]`}: ${(e as Error).message}`,
      );
    }
  }

  /** An unsigned integer (u8..u128 or a newtype of one); null when absent (never 0). */
  int(ref: ItemRef, netuid?: number): bigint | null {
    return this.#get(ref, netuid, asBigInt);
  }

  /** The length of a list item (e.g. a membership). */
  count(ref: ItemRef): number | null {
    return this.#get(ref, undefined, (c) => asVec(c).length);
  }

  /** A list of account ids, as SS58 addresses. */
  accounts(ref: ItemRef): string[] | null {
    return this.#get(ref, undefined, (c) => asVec(c).map((a) => this.runtime.address(a)));
  }

  /** One account id (or an Option of one), as an SS58 address. */
  account(ref: ItemRef, netuid?: number): string | null {
    return this.#get(ref, netuid, (c) => {
      const v = unwrapOption(c);
      return v === null ? null : this.runtime.address(v);
    });
  }

  /** A list of public keys (e.g. Aura authorities), as hex. */
  publicKeys(ref: ItemRef): string[] | null {
    return this.#get(ref, undefined, (c) => asVec(c).map(publicKeyHex));
  }

  /** Bytes as UTF-8 text. */
  text(ref: ItemRef, netuid?: number): string | null {
    return this.#get(ref, netuid, asText);
  }

  /** A bool map entry (NetworksAdded). */
  flag(ref: ItemRef, netuid: number): boolean | null {
    return this.#get(ref, netuid, asBool);
  }

  /**
   * A struct's text field in the first of `refs` (newest first) that this runtime declares as a netuid map; null
   * when none is declared, the entry has no value or no such field.
   */
  structText(refs: readonly ItemRef[], netuid: number, name: string): string | null {
    for (const ref of refs) {
      if (!this.runtime.uintMap(ref[0], ref[1])) continue; // not in this runtime: try the older map
      return this.#get(ref, netuid, (c) => {
        const v = unwrapOption(c);
        const f = v ? field(v, name) : null;
        return f ? asText(f) : null;
      });
    }
    return null;
  }

  /** Sum of a netuid map over existing netuids (optionally without root); null when the map is absent. */
  sum(ref: ItemRef, withoutRoot = false): bigint | null {
    if (!this.runtime.uintMap(ref[0], ref[1]) || this.netuids === null) return null;
    let total = 0n;
    for (const n of this.netuids) {
      if (withoutRoot && n === 0) continue;
      const v = this.int(ref, n);
      if (v === null) throw new MalformedError(`block ${this.number}: ${ref.join('.')}[${n}] has no value`);
      total += v;
    }
    return total;
  }
}

function isHex(v: unknown): v is string {
  // no capture group repeated per byte: V8 runs out of stack on that over a multi-megabyte reply
  return typeof v === 'string' && v.length % 2 === 0 && /^0x[0-9a-f]*$/i.test(v);
}

/** Validate a state_queryStorageAt reply: `[{ block, changes: [[key, value|null]] }]`, keys among those asked. */
function checkStorageAt(keys: readonly string[]) {
  const asked = new Set(keys);
  return (r: unknown): Map<string, string | null> => {
    if (!Array.isArray(r) || r.length !== 1) throw new Error('expected one change set');
    const set = r[0] as { changes?: unknown };
    if (!Array.isArray(set.changes)) throw new Error('expected changes');
    const out = new Map<string, string | null>();
    for (const c of set.changes) {
      if (!Array.isArray(c) || c.length !== 2 || !isHex(c[0]) || !(c[1] === null || isHex(c[1])))
        throw new Error('expected [key, value] pairs of hex');
      const key = c[0].toLowerCase();
      if (!asked.has(key)) throw new Error(`value for a key that was not asked: ${key.slice(0, 20)}…`);
      out.set(key, c[1]);
    }
    for (const k of keys) if (!out.has(k)) out.set(k, null); // a node may omit keys without a value
    return out;
  };
}

export interface ReaderOptions {
  /** netuids 0..candidates-1 are read blindly at every block; grows with the largest netuid seen */
  minCandidates?: number;
  log?: (line: string) => void;
  /** metadata kept on disk between runs (metadata-cache.ts); null: always fetched */
  metadataCache?: MetadataCache | null;
  /** read without proofs (`--trust-node`, for nodes that serve none): the data is then labelled unproven */
  trustNode?: boolean;
  /** called with each block state once complete and proven (the snapshot keeps its proof file) */
  onProven?: (state: BlockState) => void;
}

export class Reader {
  readonly client: RpcClient;
  readonly runtimes = new Map<number, Promise<Runtime>>();
  readonly hashes = new Map<number, string>();
  #hashWaiters = new Map<number, Array<{ resolve: (h: string) => void; reject: (e: unknown) => void }>>();
  #hashFlushPending = false;
  #maxNetuid = 0;
  #minCandidates: number;
  #latestSpec: number | null = null;
  #ss58: number;
  #metadataCache: MetadataCache | null;
  readonly trustNode: boolean;
  readonly onProven: ((state: BlockState) => void) | null;
  log: (line: string) => void;

  constructor(client: RpcClient, ss58 = 42, opts: ReaderOptions = {}) {
    this.client = client;
    this.#ss58 = ss58;
    this.#minCandidates = opts.minCandidates ?? 64;
    this.log = opts.log ?? (() => {});
    this.#metadataCache = opts.metadataCache ?? null;
    this.trustNode = opts.trustNode ?? false;
    this.onProven = opts.onProven ?? null;
  }

  get candidates(): number {
    return Math.max(this.#minCandidates, this.#maxNetuid + 33);
  }

  /** Block hash by number; requests made in the same tick go out as one chain_getBlockHash([...]) call. */
  hashOf(n: number): Promise<string> {
    const known = this.hashes.get(n);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const list = this.#hashWaiters.get(n) ?? [];
      list.push({ resolve, reject });
      this.#hashWaiters.set(n, list);
      if (!this.#hashFlushPending) {
        this.#hashFlushPending = true;
        setImmediate(() => this.#flushHashes());
      }
    });
  }

  async #flushHashes() {
    this.#hashFlushPending = false;
    const waiters = this.#hashWaiters;
    this.#hashWaiters = new Map();
    const numbers = [...waiters.keys()];
    try {
      const hashes = await this.client.call('chain_getBlockHash', [numbers], (r) => {
        if (!Array.isArray(r) || r.length !== numbers.length) throw new Error(`expected ${numbers.length} hashes`);
        return r.map((h, i) => {
          if (h === null) throw new RangeError(`block ${numbers[i]} is not known to the node`);
          return decodeHash(h as string);
        });
      });
      numbers.forEach((n, i) => {
        this.hashes.set(n, hashes[i]);
        for (const w of waiters.get(n)!) w.resolve(hashes[i]);
      });
    } catch (e) {
      for (const list of waiters.values()) for (const w of list) w.reject(e);
    }
  }

  #versionAt(hash: string): Promise<number> {
    return this.client.call('state_getRuntimeVersion', [hash], (r) => {
      const v = (r as { specVersion?: unknown })?.specVersion;
      if (typeof v !== 'number') throw new Error('expected specVersion');
      return v;
    });
  }

  /** Runtime (metadata) of spec `spec`, fetched at `codeHash` (a block whose post-state code is that runtime). */
  runtime(spec: number, codeHash: string): Promise<Runtime> {
    let p = this.runtimes.get(spec);
    if (!p) {
      p = (async () => {
        const cached = this.#metadataCache?.get(spec, (hex) => Runtime.of(spec, hex, this.#ss58));
        if (cached) return cached;
        // the metadata names its own spec version (System.Version): no state_getRuntimeVersion call needed
        const metadata = await this.#metadataAt(codeHash);
        const rt = Runtime.of(spec, metadata, this.#ss58);
        let version: number;
        try {
          version = specOfRegistry(rt.registry);
        } catch (e) {
          throw new MalformedError(`metadata at ${codeHash}: ${(e as Error).message}`);
        }
        if (version !== spec)
          throw new MalformedError(`runtime at ${codeHash} is spec ${version} (its System.Version), expected ${spec}`);
        this.log(`runtime spec ${spec}: metadata loaded`);
        this.#metadataCache?.put(spec, metadata, rt.registry);
        return rt;
      })();
      p.catch(() => this.runtimes.delete(spec));
      this.runtimes.set(spec, p);
    }
    return p;
  }

  /**
   * Load the runtime whose code is in the state of `hash` (the one that executes the next block, and almost
   * always the one that executed `hash` itself); returns its spec version, to be used as the guess for `hash`.
   */
  async preload(hash: string): Promise<number> {
    const cache = this.#metadataCache;
    if (cache) {
      // with a metadata cache: the version first, the metadata only when it is not cached
      const spec = await this.#versionAt(hash);
      if (!this.runtimes.has(spec)) {
        const p = (async () => {
          const cached = cache.get(spec, (hex) => Runtime.of(spec, hex, this.#ss58));
          if (cached) return cached;
          const metadata = await this.#metadataAt(hash);
          const rt = Runtime.of(spec, metadata, this.#ss58);
          this.log(`runtime spec ${spec}: metadata loaded`);
          cache.put(spec, metadata, rt.registry);
          return rt;
        })();
        p.catch(() => this.runtimes.delete(spec));
        this.runtimes.set(spec, p);
        await p;
      }
      return spec;
    }
    const [spec, metadata] = await Promise.all([this.#versionAt(hash), this.#metadataAt(hash)]);
    if (!this.runtimes.has(spec)) {
      this.log(`runtime spec ${spec}: metadata loaded`);
      this.runtimes.set(spec, Promise.resolve(Runtime.of(spec, metadata, this.#ss58)));
    }
    return spec;
  }

  #metadataAt(hash: string): Promise<string> {
    return this.client.call('state_getMetadata', [hash], (r) => {
      if (!isHex(r)) throw new Error('expected hex metadata');
      return r;
    });
  }

  /** Timestamp.Now at block n only (one small call once the hash is known). */
  async timestampOf(n: number): Promise<number> {
    const hash = await this.hashOf(n);
    const v = await this.client.call('state_queryStorageAt', [[FIXED.now], hash], checkStorageAt([FIXED.now]));
    const now = v.get(FIXED.now);
    try {
      return now ? Number(decodeU64(now)) : 0;
    } catch (e) {
      throw new MalformedError(`block ${n}: Timestamp.Now: ${(e as Error).message}`);
    }
  }

  /** Keys of the daily series at a block executed by `rt`. */
  seriesKeys(rt: Runtime, netuids: Iterable<number>): string[] {
    const keys: string[] = [];
    for (const [p, i] of GLOBAL_ITEMS) {
      const info = rt.plain(p, i);
      if (info) keys.push(rt.keyOf(info));
    }
    const maps = SERIES_MAPS.map(([p, i]) => rt.uintMap(p, i)).filter((x): x is ItemInfo => x !== null);
    for (const n of netuids) for (const info of maps) keys.push(rt.keyOf(info, n));
    return keys;
  }

  mapKeys(rt: Runtime, refs: readonly ItemRef[], netuids: Iterable<number>): string[] {
    const maps = refs.map(([p, i]) => rt.uintMap(p, i)).filter((x): x is ItemInfo => x !== null);
    const keys: string[] = [];
    for (const n of netuids) for (const info of maps) keys.push(rt.keyOf(info, n));
    return keys;
  }

  /**
   * Fetch the keys a block state does not hold yet, in as few calls as possible: with their proofs, verified under
   * the checked header's root once the block is proven (sampled), else (a probe) under the proof's own root, to be
   * proven if the block is sampled; with `state_queryStorageAt` only with `trustNode`.
   */
  async ensure(state: BlockState, keys: readonly string[]): Promise<void> {
    const missing = [...new Set(keys.map((k) => k.toLowerCase()))].filter((k) => !state.raw.has(k));
    for (let i = 0; i < missing.length; i += MAX_KEYS) {
      const chunk = missing.slice(i, i + MAX_KEYS);
      const values = state.proven
        ? (await this.#proven(state, chunk)).values
        : this.trustNode
          ? await this.client.call('state_queryStorageAt', [chunk, state.hash], checkStorageAt(chunk))
          : await this.#probeRead(state, chunk);
      for (const [k, v] of values) state.raw.set(k, v);
    }
  }

  /**
   * A probe's values from `state_getReadProof` without the header (one call, as `state_queryStorageAt` would be):
   * decoded under the root the proof's nodes hang from, unproven. When the block turns out to be sampled, `#prove`
   * checks them under its header's state root, so the sampled block's values need no second read. A proof whose root
   * cannot be told (an altered node) is checked under the header at once, which names the key it fails for.
   */
  async #probeRead(state: BlockState, keys: string[]): Promise<Map<string, string | null>> {
    const { result: proof, endpoint } = await this.#readProof(state, keys);
    const root = proofRoot(proof) ?? (await this.#header(state));
    if (state.probe && state.probe.root !== root)
      throw new VerificationError(
        `${endpoint}: block ${state.number} (${state.hash}): two read proofs of the block hang from two roots, ${state.probe.root} and ${root}`,
      );
    const values = await this.#verified(state, root, proof, keys, endpoint);
    state.probe ??= { nodes: [], root, endpoint };
    state.probe.nodes.push(...proof);
    return values;
  }

  /** `state_getReadProof(keys, hash)`, its reply's shape checked; the endpoint that answered. */
  #readProof(state: BlockState, keys: string[]): Promise<{ result: string[]; endpoint: string }> {
    return this.client
      .callFrom('state_getReadProof', [keys, state.hash], (r) => {
        const p = r as { at?: unknown; proof?: unknown } | null;
        if (!p || !Array.isArray(p.proof) || !p.proof.every(isHex)) throw new Error('expected { at, proof: [hex] }');
        if (typeof p.at === 'string' && p.at.toLowerCase() !== state.hash)
          throw new Error(`proof is at ${p.at}, asked at ${state.hash}`);
        return p.proof as string[];
      })
      .catch((e: unknown) => {
        // the node answered state_getReadProof with an error (not a timeout or a rate limit): it serves no proofs
        if (e instanceof RpcError && /state_getReadProof failed on /.test(e.message))
          throw new RpcError(
            e.kind,
            `${e.message}; a node that serves no read proofs can be read only with --trust-node (its data is then labelled unproven)`,
          );
        throw e;
      });
  }

  /** The values of `keys` in `proof` under `root`; a failure names the endpoint, the block and the key. */
  async #verified(
    state: BlockState,
    root: string,
    proof: readonly string[],
    keys: readonly string[],
    endpoint: string,
  ): Promise<Map<string, string | null>> {
    try {
      return await verifyProof(root, proof, keys);
    } catch (e) {
      if (!(e instanceof ProofError)) throw e;
      const key = e.key ? ` key ${describeKey(state, e.key)}:` : '';
      throw new VerificationError(
        `${endpoint}: block ${state.number} (${state.hash}):${key} ${e.message} (state root ${root})`,
      );
    }
  }

  /** The block's header, checked to hash to its hash and to carry its number; sets `state.stateRoot`. */
  async #header(state: BlockState): Promise<string> {
    if (state.stateRoot) return state.stateRoot;
    const { result: header, endpoint } = await this.client.callFrom('chain_getHeader', [state.hash], (r) => {
      if (r === null) throw new Error(`block ${state.hash} is not known to the node`);
      return asRpcHeader(r);
    });
    const problem = headerProblem(header, state.number, state.hash);
    if (problem) throw new VerificationError(`${endpoint}: block ${state.number} (${state.hash}): ${problem}`);
    state.stateRoot = header.stateRoot.toLowerCase();
    state.header = u8aToHex(encodeHeader(header));
    return state.stateRoot;
  }

  /** `keys` read with `state_getReadProof` and verified under the block's checked state root. */
  async #proven(state: BlockState, keys: string[]): Promise<{ values: Map<string, string | null>; endpoint: string }> {
    const [root, { result: proof, endpoint }] = await Promise.all([this.#header(state), this.#readProof(state, keys)]);
    const values = await this.#verified(state, root, proof, keys, endpoint);
    for (const n of proof) state.proofNodes.add(n.toLowerCase());
    return { values, endpoint };
  }

  /**
   * Prove every value the block holds, then read the series keys it lacks with their proofs (per MAX_KEYS). The
   * values a probe read (`#probeRead`) are proven by checking the probe's own proof under the header's state root:
   * the header is the one more call a sampled block costs. A value that got into `raw` another way (none does today
   * without `trustNode`) is read again with its proof and must equal it.
   */
  async #prove(state: BlockState, more: readonly string[]): Promise<void> {
    const root = await this.#header(state);
    const probe = state.probe;
    const fromProbe = probe
      ? await this.#verified(state, root, probe.nodes, [...state.raw.keys()], probe.endpoint)
      : null;
    const again = [...state.raw.keys()].filter((k) => !fromProbe?.has(k));
    const check = (values: Map<string, string | null>, endpoint: string, how: string) => {
      for (const [k, v] of values) {
        if (state.raw.has(k) && state.raw.get(k) !== v)
          throw new VerificationError(
            `${endpoint}: block ${state.number} (${state.hash}): key ${describeKey(state, k)}: ${how} gave ${state.raw.get(k) ?? 'no value'}, the proof ${v ?? 'no value'}`,
          );
        state.raw.set(k, v);
      }
    };
    if (fromProbe) {
      check(fromProbe, probe!.endpoint, 'the probe');
      for (const n of probe!.nodes) state.proofNodes.add(n.toLowerCase());
    }
    const keys = [...new Set([...again, ...more.map((k) => k.toLowerCase()).filter((k) => !state.raw.has(k))])];
    for (let i = 0; i < keys.length; i += MAX_KEYS) {
      const { values, endpoint } = await this.#proven(state, keys.slice(i, i + MAX_KEYS));
      check(values, endpoint, 'an earlier read');
    }
    state.probe = null;
    state.proven = true;
  }

  /**
   * Read everything the daily series needs at block `n`. `guessSpec` is the runtime expected there (from a
   * neighbouring block): its keys go in the same call; a wrong guess costs one more call. With
   * `complete: false` (a probe of the day search, which needs only Timestamp.Now and the runtime), the keys a
   * wrong guess missed are not fetched yet: `complete(state)` fetches them if the block turns out to be sampled.
   */
  async read(
    n: number,
    guessSpec: number | null = this.#latestSpec,
    opts: { complete?: boolean } = {},
  ): Promise<BlockState> {
    const hash = await this.hashOf(n);
    const state = new BlockState(n, hash);
    const guess = guessSpec !== null ? await this.runtimes.get(guessSpec)?.catch(() => undefined) : undefined;
    const candidates = range(this.candidates);
    const fixed = [FIXED.lastRuntimeUpgrade, FIXED.now];
    for (let k = 1; k <= PARENT_HASHES && n - k >= 0; k++) fixed.push(blockHashKey(n - k));
    if (guess) state.runtime = guess; // names the keys of a failure; replaced by the block's own runtime below
    await this.ensure(state, [...fixed, ...(guess ? this.seriesKeys(guess, candidates) : [])]);

    for (let k = 1; k <= PARENT_HASHES && n - k >= 0; k++) {
      const h = state.raw.get(blockHashKey(n - k));
      if (h) this.hashes.set(n - k, decodeHash(h));
    }
    const lru = state.raw.get(FIXED.lastRuntimeUpgrade);
    const now = state.raw.get(FIXED.now);
    // the runtime that executed block n is the code in block n-1's state
    const codeHash = n === 0 ? hash : (this.hashes.get(n - 1) ?? (await this.hashOf(n - 1)));
    try {
      // Timestamp.Now is a ValueQuery (0 at genesis); LastRuntimeUpgrade is set by the first block of each runtime
      state.ts = now ? Number(decodeU64(now)) : 0;
      state.specVersion = lru ? decodeLastRuntimeUpgrade(lru).specVersion : await this.#versionAt(codeHash);
    } catch (e) {
      if (e instanceof RpcError) throw e;
      throw new MalformedError(`block ${n}: ${(e as Error).message}`);
    }
    state.runtime = await this.runtime(state.specVersion, codeHash);
    this.#latestSpec = state.specVersion;
    if (opts.complete === false) return state;
    return this.complete(state);
  }

  /** Fetch what `read(…, { complete: false })` left out (nothing when the runtime was guessed right) and resolve the netuids. */
  async complete(state: BlockState): Promise<BlockState> {
    if (state.complete) return state;
    const candidates = range(this.candidates);
    if (this.trustNode) await this.ensure(state, this.seriesKeys(state.runtime, candidates));
    else await this.#prove(state, this.seriesKeys(state.runtime, candidates));
    await this.#resolveNetuids(state, candidates.length);
    state.complete = true;
    if (state.proven) this.onProven?.(state);
    return state;
  }

  async #resolveNetuids(state: BlockState, candidateCount: number) {
    const rt = state.runtime;
    const added = rt.uintMap('SubtensorModule', 'NetworksAdded');
    if (!added) return;
    const ADDED: ItemRef = ['SubtensorModule', 'NetworksAdded'];
    let netuids: number[] = [];
    for (let n = 0; n < candidateCount; n++) if (state.flag(ADDED, n)) netuids.push(n);
    const total = state.int(['SubtensorModule', 'TotalNetworks']);
    const expected = total === null ? null : Number(total);
    const nearEdge = netuids.length > 0 && netuids[netuids.length - 1] >= candidateCount - 8;
    if ((expected !== null && expected !== netuids.length) || nearEdge) {
      // rare: subnets beyond the candidate range; enumerate NetworksAdded's keys
      netuids = await this.#enumerate(state, added);
      await this.ensure(state, this.seriesKeys(rt, netuids));
      netuids = netuids.filter((n) => state.flag(ADDED, n));
    }
    state.netuids = netuids;
    if (netuids.length) this.#maxNetuid = Math.max(this.#maxNetuid, netuids[netuids.length - 1]);
  }

  async #enumerate(state: BlockState, info: ItemInfo): Promise<number[]> {
    const out: number[] = [];
    let start: string | null = null;
    for (;;) {
      const page: string[] = await this.client.call(
        'state_getKeysPaged',
        [info.prefix, 1000, start, state.hash],
        (r) => {
          if (!Array.isArray(r) || !r.every(isHex)) throw new Error('expected a list of keys');
          return r as string[];
        },
      );
      for (const k of page) out.push(state.runtime.netuidOfKey(info, k));
      if (page.length < 1000) break;
      start = page[page.length - 1];
    }
    this.log(
      `block ${state.number}: ${out.length} subnets enumerated (beyond the ${this.candidates} candidates read blindly)`,
    );
    return out.sort((a, b) => a - b);
  }

  /** The subnets table's extra keys (head only). */
  async readHeadDetails(state: BlockState): Promise<void> {
    await this.ensure(state, this.mapKeys(state.runtime, HEAD_MAPS, state.netuids ?? []));
  }
}

/** A key as an error names it: the item and netuid when the block's runtime knows it, and the key itself. */
function describeKey(state: BlockState, key: string): string {
  const known: Record<string, string> = {
    [FIXED.now]: 'Timestamp.Now',
    [FIXED.lastRuntimeUpgrade]: 'System.LastRuntimeUpgrade',
  };
  let name = known[key] ?? null;
  if (!name && state.runtime)
    for (const [p, i] of [...GLOBAL_ITEMS, ...SERIES_MAPS, ...HEAD_MAPS]) {
      const info = state.runtime.item(p, i);
      if (info && key.startsWith(info.prefix)) {
        name = info.kind === 'plain' ? `${p}.${i}` : `${p}.${i}[…]`;
        break;
      }
    }
  return name ? `${name} ${key}` : key;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
