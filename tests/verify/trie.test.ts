/**
 * The browser's trie walk (src/verify/trie.ts) against an independent implementation, chopsticks-executor's wasm
 * build of smoldot's trie (`calculate_state_root`, `create_proof`, `decode_proof`), on thousands of generated tries
 * (seeded, so every run checks the same ones): state versions 0 and 1, values inline and over 32 bytes (hashed in
 * version 1), keys of many lengths with shared prefixes and keys that are prefixes of others, absent keys, tampered
 * nodes (each must fail) and foreign roots.
 */
import * as executor from '@acala-network/chopsticks-executor';
import { describe, expect, test } from 'vitest';
import { buildTrie, proofOf } from '../../scripts/snapshot/proof.ts';
import { bytesToHex, hexToBytes } from '../../src/verify/bytes.ts';
import { nodesByHash, ProofError, walk } from '../../src/verify/trie.ts';
import { rng, type Rng } from './random.ts';
import { buildTrieV } from './trie-builder.ts';

const TRIES = 2000;
const VALUE_LENGTHS = [0, 1, 2, 8, 16, 31, 32, 33, 34, 64, 100, 300];

function entriesOf(r: Rng): Array<[string, string]> {
  const prefixes = [new Uint8Array(), r.bytes(1), r.bytes(2), r.bytes(32), r.bytes(32)];
  const keys = new Set<string>();
  const n = 1 + r.int(r.pick([3, 12, 40]));
  while (keys.size < n) {
    const existing = [...keys];
    if (existing.length && r.next() < 0.15) {
      // a prefix or an extension of a key already there: branches with values
      const k = hexToBytes(r.pick(existing));
      keys.add(
        bytesToHex(
          r.next() < 0.5 ? k.subarray(0, r.int(k.length + 1)) : Uint8Array.from([...k, ...r.bytes(1 + r.int(4))]),
        ),
      );
    } else keys.add(bytesToHex(Uint8Array.from([...r.pick(prefixes), ...r.bytes(r.int(r.pick([2, 9, 40])))])));
  }
  return [...keys].map((k) => [k, bytesToHex(r.bytes(r.pick(VALUE_LENGTHS)))]);
}

/** Keys not in the trie: random, a present key changed in its last nibble, extended or shortened. */
function absentKeys(r: Rng, entries: Array<[string, string]>): string[] {
  const present = new Set(entries.map(([k]) => k));
  const out = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const k = hexToBytes(r.pick(entries)[0]);
    const cands = [
      bytesToHex(r.bytes(r.int(40))),
      k.length ? bytesToHex(Uint8Array.from([...k.subarray(0, -1), k[k.length - 1] ^ (1 + r.int(15))])) : '0x00',
      bytesToHex(Uint8Array.from([...k, r.int(256)])),
      bytesToHex(k.subarray(0, Math.max(0, k.length - 1 - r.int(3)))),
    ];
    for (const c of cands) if (!present.has(c)) out.add(c);
  }
  return [...out];
}

async function decodeProof(root: string, proof: string[]): Promise<Map<string, string> | Error> {
  try {
    const listed = (await executor.decode_proof(root, proof)) as Array<[string, string]>;
    return new Map(listed.map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function walkOrError(root: string, nodes: ReadonlyMap<string, Uint8Array>, key: string) {
  try {
    return walk(root, nodes, key);
  } catch (e) {
    if (e instanceof ProofError) return { kind: 'error' as const, what: e.message };
    throw e;
  }
}

describe('trie walk against chopsticks (smoldot)', () => {
  test(`${TRIES} generated tries, state versions 0 and 1`, { timeout: 300_000 }, async () => {
    const r = rng(0x7a0);
    const counts = { tries: 0, present: 0, absent: 0, hashedValues: 0, tampered: 0, foreign: 0 };
    let previousRoot: string | null = null;
    for (let t = 0; t < TRIES; t++) {
      const version = (t % 2) as 0 | 1;
      const entries = entriesOf(r);
      const values = new Map(entries);
      const built = buildTrieV(entries, version);
      // our writer's root is smoldot's: the nodes below are the real layout's
      expect(built.root, `trie ${t}`).toBe(await executor.calculate_state_root(entries, version));
      let all = built.nodes;
      if (version === 0) {
        const theirs = await buildTrie(entries); // chopsticks' own nodes for version 0
        expect(theirs.root).toBe(built.root);
        all = theirs.nodes;
      }
      const byHash = nodesByHash(all);
      const present = entries.map(([k]) => k).filter(() => r.next() < 0.5);
      if (!present.length) present.push(entries[0][0]);
      const absent = absentKeys(r, entries);
      const keys = [...present, ...absent];
      const proof = r.next() < 0.2 ? all : proofOf(built.root, byHash, keys);
      const nodes = nodesByHash(proof);
      const decoded = await decodeProof(built.root, proof);
      expect(decoded, `trie ${t}: decode_proof`).toBeInstanceOf(Map);
      const listed = decoded as Map<string, string>;
      // each key's walk and decode_proof's listing, compared for the whole trie at once (one assertion per trie, not
      // per key: the diff names the key)
      const isPresent = new Set(present);
      expect(
        keys.map((k) => [k, walk(built.root, nodes, k)]),
        `trie ${t}: the walk`,
      ).toEqual(keys.map((k) => [k, isPresent.has(k) ? { kind: 'value', value: values.get(k) } : { kind: 'absent' }]));
      expect(
        keys.map((k) => [k, listed.has(k), listed.get(k)]),
        `trie ${t}: decode_proof`,
      ).toEqual(keys.map((k) => (isPresent.has(k) ? [k, true, values.get(k)] : [k, false, undefined])));
      for (const k of present) if (version === 1 && hexToBytes(values.get(k)!).length > 32) counts.hashedValues++;
      // every value decode_proof lists under the root, the walk finds
      const others = [...listed];
      expect(
        others.map(([k]) => [k, walk(built.root, nodes, k)]),
        `trie ${t}: values decode_proof lists`,
      ).toEqual(others.map(([k, v]) => [k, { kind: 'value', value: v }]));
      counts.present += present.length;
      counts.absent += absent.length;

      // a tampered node on a key's path: the walk must not give the value, nor may decode_proof
      const key = r.pick(present);
      const path = proofOf(built.root, byHash, [key]);
      const i = r.int(path.length);
      const bytes = hexToBytes(path[i]);
      bytes[r.int(bytes.length)] ^= 1 + r.int(255);
      const tampered = path.map((n, j) => (j === i ? bytesToHex(bytes) : n));
      const w = walkOrError(built.root, nodesByHash(tampered), key);
      expect(w.kind, `trie ${t}: tampered node ${i} of the path to ${key}`).not.toBe('value');
      const theirs = await decodeProof(built.root, tampered);
      if (theirs instanceof Map) expect(theirs.get(key)).toBeUndefined();
      counts.tampered++;

      // a root from another trie: nothing is proven under it
      if (previousRoot && previousRoot !== built.root) {
        expect(walk(previousRoot, nodes, key).kind).toBe('missing');
        counts.foreign++;
      }
      previousRoot = built.root;
      counts.tries++;
    }
    console.log('trie walk vs chopsticks:', JSON.stringify(counts));
    expect(counts.hashedValues).toBeGreaterThan(500);
  });

  test('a node that does not decode names the key', () => {
    const root = bytesToHex(new Uint8Array(32));
    const nodes = new Map([[root, new Uint8Array([0x44, 0x01])]]); // a leaf whose partial key ends early
    expect(() => walk(root, nodes, '0x01')).toThrow(/does not decode: ends early/);
  });
});
