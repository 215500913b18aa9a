/**
 * Read proofs (`state_getReadProof`): the values of storage keys proven under a block's state root.
 *
 * The trie is checked by a kept implementation: `decode_proof` of @acala-network/chopsticks-executor (smoldot's
 * `decode_and_verify_proof`, Rust compiled to wasm) verifies every node's hash and lists the values it proves under
 * the root. It does not say whether a key it does not list is absent from the state or merely not covered by the
 * proof, so each key is also walked from the root through the proof's nodes (`walk` of src/verify/trie.ts, Substrate's
 * node codec: sp-trie `NodeCodec`, state versions 0 and 1, the same code the site's in-browser verifier runs): a key is proven absent only when the walk reaches the place where it would
 * be and finds nothing there. A value the walk finds must be the one `decode_proof` lists, and a key `decode_proof`
 * lists must be found by the walk: the two implementations check each other.
 */
import * as executor from '@acala-network/chopsticks-executor';
import { u8aToHex } from '@polkadot/util';
import { decodeNode, nodesByHash, ProofError, walk, type DecodedNode } from '../../src/verify/trie.ts';

// the walk is the browser verifier's own (src/verify/trie.ts): one node codec for the CLI and the site
export { nodesByHash, ProofError, walk, type WalkResult } from '../../src/verify/trie.ts';

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
  const decoded = new Map<Uint8Array, DecodedNode | 'empty'>(); // each node decoded once for all the keys
  for (const key of keys) {
    const r = walk(root, nodes, key, decoded);
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
  const decoded = new Map<Uint8Array, DecodedNode | 'empty'>(); // each node decoded once for all the keys
  for (const k of keys) {
    walk(root, view, k, decoded);
    for (const [h, n] of tracking) used.set(h, n);
    tracking.clear();
  }
  return [...used.values()].map((n) => u8aToHex(n));
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
