import * as executor from '@acala-network/chopsticks-executor';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { buildTrie, nodesByHash, proofOf, proofRoot, verifyProof, walk } from '../../scripts/snapshot/proof.ts';

/** deterministic pseudo-random bytes */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
const hex = (bytes: number[]) => u8aToHex(Uint8Array.from(bytes));

/** keys with shared prefixes and many lengths, values inline and over 32 bytes */
function randomState(seed: number, size: number): Map<string, string> {
  const r = rng(seed);
  const prefixes = [[0x26, 0xaa], [0x26, 0xab], [0x65, 0x8f, 0xaa], [0x01]];
  const out = new Map<string, string>();
  while (out.size < size) {
    const p = prefixes[Math.floor(r() * prefixes.length)];
    const key = [...p, ...Array.from({ length: Math.floor(r() * 6) }, () => Math.floor(r() * 256))];
    const len = r() < 0.3 ? 33 + Math.floor(r() * 60) : 1 + Math.floor(r() * 16);
    out.set(hex(key), hex(Array.from({ length: len }, () => Math.floor(r() * 256))));
  }
  return out;
}

describe('read proofs (scripts/snapshot/proof.ts) against chopsticks-executor', () => {
  it('proves every present value and every absent key of generated tries, for the whole state and subsets', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const state = randomState(seed, 5 + seed * 3);
      const { root, nodes } = await buildTrie(state);
      expect(root).toBe(await executor.calculate_state_root([...state], 0));
      const keys = [...state.keys()];
      const r = rng(seed * 7);
      const absent = Array.from({ length: 20 }, () =>
        hex([0x26, 0xaa, ...Array.from({ length: Math.floor(r() * 5) }, () => Math.floor(r() * 256))]),
      ).filter((k) => !state.has(k));
      const all = await verifyProof(root, nodes, [...keys, ...absent]);
      for (const k of keys) expect(all.get(k)).toBe(state.get(k));
      for (const k of absent) expect(all.get(k)).toBeNull();
      // a proof of a few keys proves them (and the absences on the same paths) with fewer nodes
      const some = keys.filter(() => r() < 0.3).concat(absent.slice(0, 3));
      const proof = proofOf(root, nodesByHash(nodes), some);
      expect(proof.length).toBeLessThanOrEqual(nodes.length);
      const part = await verifyProof(root, proof, some);
      for (const k of some) expect(part.get(k)).toBe(state.get(k) ?? null);
    }
  });

  it('refuses a proof under another root, without a node it needs, with a changed byte, or with an extra node', async () => {
    const state = randomState(99, 60);
    const { root, nodes } = await buildTrie(state);
    const keys = [...state.keys()];
    const other = await buildTrie(randomState(98, 60));
    // another root: nothing is covered
    await expect(verifyProof(other.root, nodes, keys.slice(0, 1))).rejects.toThrow(/root node .* is not in the proof/);
    // a self-consistent proof of another state, under this root
    await expect(verifyProof(root, other.nodes, keys.slice(0, 1))).rejects.toThrow(/not in the proof/);
    // each node left out: some key is no longer covered (never "absent")
    for (let i = 0; i < nodes.length; i++) {
      const without = nodes.filter((_, j) => j !== i);
      await expect(verifyProof(root, without, keys), `node ${i}`).rejects.toThrow(
        /the proof does not|not in the proof/,
      );
    }
    // one byte of a node changed: the node no longer hashes to its reference
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const last = n.slice(-2) === 'ff' ? '00' : 'ff';
      const tampered = nodes.map((x, j) => (j === i ? x.slice(0, -2) + last : x));
      await expect(verifyProof(root, tampered, keys), `node ${i}`).rejects.toThrow();
    }
    await expect(verifyProof(root, [...nodes, '0x1234'], keys)).rejects.toThrow(/does not decode: UnusedProofEntry/);
  });

  it('finds the root a proof hangs from (a probe read without its header), and none when a node was changed', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const state = randomState(seed, 4 + seed * 4);
      const { root, nodes } = await buildTrie(state);
      const r = rng(seed * 13);
      const some = [...state.keys()].filter(() => r() < 0.4);
      const proof = proofOf(root, nodesByHash(nodes), some.length ? some : [...state.keys()].slice(0, 1));
      expect(proofRoot(proof), `seed ${seed}`).toBe(root);
      expect(proofRoot([...proof].reverse()), `seed ${seed}`).toBe(root);
      if (proof.length < 2) continue;
      // one byte of a non-root node changed: it and the root are both unreferenced, so no root is told
      const i = proof.findIndex((n) => blake2AsHex(n, 256) !== root);
      const tampered = proof.map((x, j) => (j === i ? x.slice(0, -2) + (x.endsWith('ff') ? '00' : 'ff') : x));
      expect(proofRoot(tampered), `seed ${seed}`).toBeNull();
    }
    expect(proofRoot([])).toBeNull();
  });

  it('reads a state version 1 node whose value is hashed, as the kept implementation does', async () => {
    // a one-entry trie: a leaf with a hashed value (header 0b001 + 5 bits of nibble count), and the value node
    const key = Uint8Array.from([0x26, 0xaa, 0x39, 0x4e]);
    const value = Uint8Array.from({ length: 70 }, (_, i) => i);
    const leaf = u8aConcat([0b00100000 | (key.length * 2)], key, blake2AsU8a(value, 256));
    const root = blake2AsHex(leaf, 256);
    expect(root).toBe(await executor.calculate_state_root([[u8aToHex(key), u8aToHex(value)]], 1));
    const proof = [u8aToHex(leaf), u8aToHex(value)];
    const got = await verifyProof(root, proof, [u8aToHex(key), '0x26aa394f']);
    expect(got.get(u8aToHex(key))).toBe(u8aToHex(value));
    expect(got.get('0x26aa394f')).toBeNull();
    // without the value node the value is not proven (neither present nor absent)
    expect(walk(root, nodesByHash([u8aToHex(leaf)]), u8aToHex(key))).toMatchObject({ kind: 'missing' });
    await expect(verifyProof(root, [u8aToHex(leaf)], [u8aToHex(key)])).rejects.toThrow(
      /value node .* is not in the proof/,
    );
  });
});
