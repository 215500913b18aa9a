/**
 * Published proofs (`public/data/proofs/<block>.json`, format 1, described in docs/proofs.md): for each chain block
 * that a published value comes from, its header and the trie nodes that prove every value published from it, so
 * that anyone can re-check the numbers offline (`npm run verify`, scripts/verify.ts) or in the browser.
 *
 * A file is built from a proven BlockState (read.ts): the values are those the snapshot publishes from the block
 * (Timestamp.Now, the runtime's spec, the series' plain items, the per-subnet maps of the existing netuids, and at
 * the head the subnets table's maps), each with its storage key and a self-contained SCALE type; the nodes are the
 * union of those keys' paths in the block's proofs (`proofOf`), sorted, so a file is reproducible byte for byte.
 */
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { z } from 'zod';
import { nodesByHash, proofOf } from './proof.ts';
import { GLOBAL_ITEMS, HEAD_MAPS, SERIES_MAPS, type BlockState, type ItemRef } from './read.ts';
import type { ItemInfo, Runtime } from './runtime.ts';

export const PROOFS_DIR = 'proofs';
export const PROOF_FORMAT = 1;

const Hex = z.string().regex(/^0x([0-9a-f]{2})*$/);
export const ProofValue = z.object({
  item: z.string().regex(/^\w+\.\w+$/),
  args: z.array(z.union([z.number(), z.string()])),
  key: Hex,
  type: z.string().min(1),
  /** a ValueQuery item's declared default (SCALE hex), used when the key is proven absent; absent for OptionQuery */
  default: Hex.optional(),
});
export type ProofValue = z.infer<typeof ProofValue>;
export const ProofFile = z.object({
  format: z.literal(PROOF_FORMAT),
  block: z.number().int().nonnegative(),
  hash: z.string().regex(/^0x[0-9a-f]{64}$/),
  header: Hex,
  nodes: z.array(Hex),
  values: z.array(ProofValue),
});
export type ProofFile = z.infer<typeof ProofFile>;

export const proofFileName = (block: number) => `${block}.json`;

/** Items read outside the series table: the block's timestamp and the spec of the runtime that executed it. */
export const TIMESTAMP: ItemRef = ['Timestamp', 'Now'];
export const RUNTIME_UPGRADE: ItemRef = ['System', 'LastRuntimeUpgrade'];

const base = new TypeRegistry();

/**
 * A proof file's header (SCALE hex, `Header<u32, BlakeTwo256>`): its hash (blake2-256 of the bytes), number and
 * state root. Throws when the bytes are not exactly one header.
 */
export function decodeHeaderHex(hex: string): { hash: string; number: number; stateRoot: string } {
  const h = base.createType('Header', hexToU8a(hex)) as unknown as {
    number: { toNumber(): number };
    stateRoot: { toHex(): string };
    toHex(): string;
  };
  if (h.toHex() !== hex.toLowerCase()) throw new Error('the header has bytes beyond its end');
  return { hash: blake2AsHex(hex, 256), number: h.number.toNumber(), stateRoot: h.stateRoot.toHex() };
}
function known(name: string): boolean {
  try {
    base.createTypeUnsafe(name, []);
    return true;
  } catch {
    return false;
  }
}

/**
 * The value type of `info` as a type string a bare @polkadot/types registry decodes (no metadata): the runtime's
 * own type, with every name only the metadata knows (e.g. `SpConsensusAuraSr25519AppSr25519Public`) replaced by its
 * definition (`[u8;32]`); `AccountId` is written `AccountId32`.
 */
const portable = new WeakMap<Runtime, Map<string, string>>();
export function portableType(rt: Runtime, info: ItemInfo): string {
  let cache = portable.get(rt);
  if (!cache) portable.set(rt, (cache = new Map()));
  const id = `${info.pallet}.${info.item}`;
  let t = cache.get(id);
  if (t === undefined) cache.set(id, (t = portableOf(rt, info)));
  return t;
}

function portableOf(rt: Runtime, info: ItemInfo): string {
  const resolve = (raw: string, depth: number): string =>
    raw.replace(/\b[A-Z]\w*\b(?!<)/g, (name) => {
      if (name === 'AccountId') return 'AccountId32';
      if (known(name) || depth > 8) return name;
      return resolve(rt.registry.createTypeUnsafe(name, []).toRawType(), depth + 1);
    });
  return resolve(rt.registry.createTypeUnsafe(info.valueType, []).toRawType(), 0);
}

/** The keys a block publishes values of, in a fixed order, with their item, args and info. */
function published(state: BlockState, head: boolean): Array<{ ref: ItemRef; args: number[]; info: ItemInfo }> {
  const rt = state.runtime;
  const out: Array<{ ref: ItemRef; args: number[]; info: ItemInfo }> = [];
  for (const ref of [TIMESTAMP, RUNTIME_UPGRADE, ...GLOBAL_ITEMS]) {
    const info = rt.plain(ref[0], ref[1]);
    if (info) out.push({ ref, args: [], info });
  }
  for (const ref of head ? [...SERIES_MAPS, ...HEAD_MAPS] : SERIES_MAPS) {
    const info = rt.uintMap(ref[0], ref[1]);
    if (info) for (const n of state.netuids ?? []) out.push({ ref, args: [n], info });
  }
  return out;
}

/**
 * The proof file of a proven, complete block state (`head`: with the subnets table's maps), as its text. Throws
 * when the state was not proven or a published key was not read with its proof.
 */
export function proofFileText(state: BlockState, head: boolean): string {
  if (!state.proven || !state.stateRoot || !state.header)
    throw new Error(`internal: block ${state.number} was not read with proofs`);
  const values: ProofValue[] = [];
  const keys: string[] = [];
  for (const { ref, args, info } of published(state, head)) {
    const key = args.length ? state.runtime.keyOf(info, args[0]) : state.runtime.keyOf(info);
    if (!state.raw.has(key)) throw new Error(`internal: ${ref.join('.')} was not read at block ${state.number}`);
    keys.push(key);
    const v: ProofValue = { item: ref.join('.'), args, key, type: portableType(state.runtime, info) };
    if (!info.optional) v.default = u8aToHex(info.fallback);
    values.push(v);
  }
  const nodes = proofOf(state.stateRoot, nodesByHash([...state.proofNodes]), keys).sort();
  return formatProofFile({
    format: PROOF_FORMAT,
    block: state.number,
    hash: state.hash,
    header: state.header,
    nodes,
    values,
  });
}

/** One node and one value per line: diffable, and byte-identical for the same block and values. */
export function formatProofFile(f: ProofFile): string {
  const list = (xs: unknown[]) => (xs.length ? `[\n${xs.map((x) => JSON.stringify(x)).join(',\n')}\n]` : '[]');
  return `{"format": ${f.format}, "block": ${f.block}, "hash": ${JSON.stringify(f.hash)}, "header": ${JSON.stringify(f.header)},\n"nodes": ${list(f.nodes)},\n"values": ${list(f.values)}}\n`;
}
