/**
 * Walking a key through a read proof (Substrate's base-16 Patricia trie, sp-trie `NodeCodec`, state versions 0 and
 * 1): the one walk shared by the snapshot (scripts/snapshot/proof.ts, which also checks it against chopsticks'
 * `decode_proof`) and the browser's verifier. A key is proven absent only when the walk reaches the place where it
 * would be and finds nothing there; a node the proof lacks on the way is reported, never taken for absence.
 */
import { bytesToHex, hexToBytes, Reader } from './bytes.ts';
import { blake2_256 } from './hash.ts';

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

export interface DecodedNode {
  partial: number[];
  /** inline value, or a 32-byte hash of the value (state version 1: values over 32 bytes), or none */
  value: { inline: Uint8Array } | { hash: string } | null;
  /** per nibble: a child node's hash, its inline encoding, or null (leaves have none) */
  children: Array<{ hash: string } | { inline: Uint8Array } | null>;
}

/** A node from its bytes (sp-trie node_header.rs and node_codec.rs); throws on anything else. */
export function decodeNode(bytes: Uint8Array): DecodedNode | 'empty' {
  const c = new Reader(bytes);
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
  if (kind === 'leaf' || kind === 'branch-value') value = { inline: c.lengthPrefixed() };
  else if (kind === 'leaf-hashed' || kind === 'branch-hashed') value = { hash: bytesToHex(c.take(32)) };
  const children: DecodedNode['children'] = Array.from({ length: 16 }, () => null);
  for (let i = 0; i < 16; i++) {
    if (!(bits & (1 << i))) continue;
    const ref = c.lengthPrefixed();
    children[i] = ref.length === 32 ? { hash: bytesToHex(ref) } : { inline: ref };
  }
  if (!c.done()) throw new Error('trailing bytes after the node');
  return { partial, value, children };
}

/** The proof's nodes by their blake2-256 hash (lowercase hex). */
export function nodesByHash(proof: readonly string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const n of proof) {
    const bytes = hexToBytes(n);
    out.set(bytesToHex(blake2_256(bytes)), bytes);
  }
  return out;
}

/**
 * Walk from `root` to `key` through the proof's nodes (Substrate's trie layout, state version 0 or 1). `decoded`: the
 * nodes decoded by earlier walks over the same (unchanged) node bytes, for a caller walking many keys through one
 * proof; each node is then decoded once instead of once per key that passes through it.
 */
export function walk(
  root: string,
  nodes: ReadonlyMap<string, Uint8Array>,
  key: string,
  decoded?: Map<Uint8Array, DecodedNode | 'empty'>,
): WalkResult {
  const path = nibblesOf(hexToBytes(key));
  let at = 0;
  const rootBytes = nodes.get(root.toLowerCase());
  if (!rootBytes) return { kind: 'missing', what: `the root node ${root} is not in the proof` };
  let bytes: Uint8Array = rootBytes;
  for (;;) {
    let node: DecodedNode | 'empty' | undefined = decoded?.get(bytes);
    if (!node) {
      try {
        node = decodeNode(bytes);
      } catch (e) {
        throw new ProofError(`a trie node does not decode: ${(e as Error).message}`, key);
      }
      decoded?.set(bytes, node);
    }
    if (node === 'empty') return { kind: 'absent' };
    for (let i = 0; i < node.partial.length; i++) if (path[at + i] !== node.partial[i]) return { kind: 'absent' }; // the key leaves the trie here
    at += node.partial.length;
    if (at === path.length) {
      if (!node.value) return { kind: 'absent' };
      if ('inline' in node.value) return { kind: 'value', value: bytesToHex(node.value.inline) };
      const v = nodes.get(node.value.hash);
      return v
        ? { kind: 'value', value: bytesToHex(v) }
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
