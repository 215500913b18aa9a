/**
 * Read proofs (`state_getReadProof`): the values of storage keys proven under a block's state root.
 *
 * The trie is checked by a kept implementation: `decode_proof` of @acala-network/chopsticks-executor (smoldot's
 * `decode_and_verify_proof`, Rust compiled to wasm) verifies every node's hash and lists the values it proves under
 * the root. It does not say whether a key it does not list is absent from the state or merely not covered by the
 * proof, so each key is also walked from the root through the proof's nodes (`walk`, Substrate's node codec: sp-trie
 * `NodeCodec`, state versions 0 and 1): a key is proven absent only when the walk reaches the place where it would
 * be and finds nothing there. A value the walk finds must be the one `decode_proof` lists, and a key `decode_proof`
 * lists must be found by the walk: the two implementations check each other.
 */
import * as executor from '@acala-network/chopsticks-executor';
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

export class ProofError extends Error {
  /** the key the failure concerns, when one does */
  readonly key: string | null;
  constructor(message: string, key: string | null = null) {
    super(message);
    this.name = 'ProofError';
    this.key = key;
  }
}

/** What the walk from the root finds for a key: its value, proven absence, or a node the proof lacks. */
export type WalkResult = { kind: 'value'; value: string } | { kind: 'absent' } | { kind: 'missing'; what: string };

function nibblesOf(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (const b of bytes) out.push(b >> 4, b & 0x0f);
  return out;
}

interface DecodedNode {
  partial: number[];
  /** inline value, or a 32-byte hash of the value (state version 1: values over 32 bytes), or none */
  value: { inline: Uint8Array } | { hash: string } | null;
  /** per nibble: a child node's hash, its inline encoding, or null (leaves have none) */
  children: Array<{ hash: string } | { inline: Uint8Array } | null>;
}

class Cursor {
  pos = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('node ends early');
    return this.bytes[this.pos++];
  }
  take(n: number): Uint8Array {
    if (this.pos + n > this.bytes.length) throw new Error('node ends early');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  compactBytes(): Uint8Array {
    const [len, n] = compactFromU8a(this.bytes.subarray(this.pos));
    this.pos += len;
    return this.take(n.toNumber());
  }
}

/** Substrate's node header: kind and partial key length (sp-trie node_header.rs). */
function decodeNode(bytes: Uint8Array): DecodedNode | 'empty' {
  const c = new Cursor(bytes);
  const first = c.byte();
  if (first === 0) {
    if (bytes.length !== 1) throw new Error('empty node with trailing bytes');
    return 'empty';
  }
  let kind: 'leaf' | 'branch' | 'branch-value' | 'leaf-hashed' | 'branch-hashed';
  let prefixBits: number;
  if (first >> 6 === 0b01) [kind, prefixBits] = ['leaf', 2];
  else if (first >> 6 === 0b10) [kind, prefixBits] = ['branch', 2];
  else if (first >> 6 === 0b11) [kind, prefixBits] = ['branch-value', 2];
  else if (first >> 5 === 0b001) [kind, prefixBits] = ['leaf-hashed', 3];
  else if (first >> 4 === 0b0001) [kind, prefixBits] = ['branch-hashed', 4];
  else throw new Error(`unknown node header 0x${first.toString(16)}`);
  const max = 0xff >> prefixBits;
  let size = first & max;
  if (size === max) {
    for (;;) {
      const n = c.byte();
      size += n;
      if (n < 255) break;
    }
  }
  const keyBytes = c.take(Math.ceil(size / 2));
  let partial = nibblesOf(keyBytes);
  if (size % 2 === 1) {
    if (partial[0] !== 0) throw new Error('partial key padding is not zero');
    partial = partial.slice(1);
  }
  const isBranch = kind.startsWith('branch');
  const bitmap = isBranch ? c.take(2) : null;
  const bits = bitmap ? bitmap[0] | (bitmap[1] << 8) : 0;
  if (isBranch && bits === 0) throw new Error('branch without children');
  let value: DecodedNode['value'] = null;
  if (kind === 'leaf' || kind === 'branch-value') value = { inline: c.compactBytes() };
  else if (kind === 'leaf-hashed' || kind === 'branch-hashed') value = { hash: u8aToHex(c.take(32)) };
  const children: DecodedNode['children'] = Array.from({ length: 16 }, () => null);
  for (let i = 0; i < 16; i++) {
    if (!(bits & (1 << i))) continue;
    const ref = c.compactBytes();
    children[i] = ref.length === 32 ? { hash: u8aToHex(ref) } : { inline: ref };
  }
  if (c.pos !== bytes.length) throw new Error('trailing bytes after the node');
  return { partial, value, children };
}

/** The proof's nodes by their blake2-256 hash. */
export function nodesByHash(proof: readonly string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const n of proof) out.set(blake2AsHex(n, 256), hexToU8a(n));
  return out;
}

/**
 * The root a proof's nodes hang from, without a header: the one node no other node of the proof refers to (a value
 * node of state version 1 is referred to by its leaf; a node that does not decode as a trie node refers to none).
 * Null when no node or more than one is unreferenced (a proof altered in one node leaves that node and the true
 * root unreferenced). A probe of the day search reads its values under this root, unproven; they are proven only
 * once the block's checked header names the same root (read.ts).
 */
export function proofRoot(proof: readonly string[]): string | null {
  const nodes = nodesByHash(proof);
  const referenced = new Set<string>();
  for (const bytes of nodes.values()) {
    let node: DecodedNode | 'empty';
    try {
      node = decodeNode(bytes);
    } catch {
      continue;
    }
    if (node === 'empty') continue;
    if (node.value && 'hash' in node.value) referenced.add(node.value.hash);
    for (const c of node.children) if (c && 'hash' in c) referenced.add(c.hash);
  }
  const roots = [...nodes.keys()].filter((h) => !referenced.has(h));
  return roots.length === 1 ? roots[0] : null;
}

/** Walk from `root` to `key` through the proof's nodes (Substrate's trie layout, state version 0 or 1). */
export function walk(root: string, nodes: ReadonlyMap<string, Uint8Array>, key: string): WalkResult {
  const path = nibblesOf(hexToU8a(key));
  let at = 0;
  let bytes = nodes.get(root.toLowerCase());
  if (!bytes) return { kind: 'missing', what: `the root node ${root} is not in the proof` };
  for (;;) {
    let node: DecodedNode | 'empty';
    try {
      node = decodeNode(bytes);
    } catch (e) {
      throw new ProofError(`a trie node does not decode: ${(e as Error).message}`, key);
    }
    if (node === 'empty') return { kind: 'absent' };
    for (let i = 0; i < node.partial.length; i++) if (path[at + i] !== node.partial[i]) return { kind: 'absent' }; // the key leaves the trie here
    at += node.partial.length;
    if (at === path.length) {
      if (!node.value) return { kind: 'absent' };
      if ('inline' in node.value) return { kind: 'value', value: u8aToHex(node.value.inline) };
      const v = nodes.get(node.value.hash);
      return v
        ? { kind: 'value', value: u8aToHex(v) }
        : { kind: 'missing', what: `the value node ${node.value.hash} is not in the proof` };
    }
    const child = node.children[path[at]];
    if (!child) return { kind: 'absent' };
    at += 1;
    if ('inline' in child) bytes = child.inline;
    else {
      const next = nodes.get(child.hash);
      if (!next) return { kind: 'missing', what: `the trie node ${child.hash} is not in the proof` };
      bytes = next;
    }
  }
}

/**
 * The values of `keys` (lowercase hex) under `root`, each proven present (its value) or proven absent (null), from
 * the proof's nodes. Throws ProofError naming the key when the proof does not decode, does not cover a key, or the
 * two implementations disagree.
 */
export async function verifyProof(
  root: string,
  proof: readonly string[],
  keys: readonly string[],
): Promise<Map<string, string | null>> {
  // the walk first: a node missing on a key's path is named with that key
  const nodes = nodesByHash(proof);
  const walked = new Map<string, string | null>();
  for (const key of keys) {
    const r = walk(root, nodes, key);
    if (r.kind === 'missing') throw new ProofError(`the proof does not cover the key: ${r.what}`, key);
    walked.set(key, r.kind === 'value' ? r.value.toLowerCase() : null);
  }
  let listed: Array<[string, string]>;
  try {
    listed = (await executor.decode_proof(root, proof)) as Array<[string, string]>;
  } catch (e) {
    throw new ProofError(`the proof does not decode: ${String((e as Error)?.message ?? e)}`);
  }
  const kept = new Map(listed.map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  for (const [key, value] of walked) {
    const theirs = kept.get(key) ?? null;
    if (value !== theirs)
      throw new ProofError(
        `the proof's decoders disagree: the walk finds ${value ?? 'no value'}, decode_proof ${theirs ?? 'no value'}`,
        key,
      );
  }
  return walked;
}

/** A proof of `entries` as the whole state (state version 0, values inline): its root and nodes (tests, test node). */
export async function buildTrie(entries: Iterable<[string, string]>): Promise<{ root: string; nodes: string[] }> {
  const [root, nodes] = (await executor.create_proof([], new Map(entries))) as [string, string[]];
  return { root, nodes };
}

/** The nodes on the paths from `root` to `keys` (and the value nodes they reach): a read proof of those keys. */
export function proofOf(root: string, allNodes: ReadonlyMap<string, Uint8Array>, keys: readonly string[]): string[] {
  const used = new Map<string, Uint8Array>();
  const tracking = new Map<string, Uint8Array>();
  const view: ReadonlyMap<string, Uint8Array> = {
    get: (h: string) => {
      const n = allNodes.get(h);
      if (n) tracking.set(h, n);
      return n;
    },
  } as ReadonlyMap<string, Uint8Array>;
  for (const k of keys) {
    walk(root, view, k);
    for (const [h, n] of tracking) used.set(h, n);
    tracking.clear();
  }
  return [...used.values()].map((n) => u8aToHex(n));
}
