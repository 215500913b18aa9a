/**
 * Proof files for tests, in the snapshot's format (`public/data/proofs/<block>.json`, format 1): the values are
 * SCALE-encoded by @polkadot/types, put in a state trie by chopsticks (`buildTrie`, with unrelated entries around
 * them), proven with `proofOf`, and the state root placed in a header encoded by @polkadot/types, whose blake2-256
 * is the block hash. Nothing here uses the verifier's own encoders except `storageKey`, whose keys
 * tests/verify/key.test.ts checks against Finney's.
 */
import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { encodeHeader, headerHash } from '../../scripts/snapshot/header.ts';
import { buildTrie, nodesByHash, proofOf } from '../../scripts/snapshot/proof.ts';
import { storageKey } from '../../src/verify/key.ts';
import { rng } from './random.ts';

const registry = new TypeRegistry();

export interface FixtureValue {
  item: string;
  args: number[];
  type: string;
  /** the value to encode (a number, bigint, string or list, as @polkadot/types takes it); undefined: absent */
  value?: unknown;
}

export interface ProofFile {
  format: 1;
  block: number;
  hash: string;
  header: string;
  nodes: string[];
  values: Array<{ item: string; args: number[]; key: string; type: string }>;
}

/** A block `number` whose state holds `values` (and noise), and its proof file. */
export async function proofFixture(number: number, values: FixtureValue[], seed = number): Promise<ProofFile> {
  const r = rng(seed);
  const entries = new Map<string, string>();
  for (const v of values)
    if (v.value !== undefined)
      entries.set(storageKey(v.item, v.args), u8aToHex(registry.createType(v.type, v.value).toU8a()));
  // unrelated state around them, some under the same prefixes
  for (let i = 0; i < 40; i++) {
    const near = [...entries.keys()][r.int(entries.size || 1)] ?? '0x';
    const key = u8aToHex(
      Uint8Array.from([...Buffer.from(near.slice(2, 2 + 2 * r.int(34)), 'hex'), ...r.bytes(1 + r.int(8))]),
    );
    if (!entries.has(key)) entries.set(key, u8aToHex(r.bytes(r.int(48))));
  }
  const trie = await buildTrie(entries);
  const keys = values.map((v) => storageKey(v.item, v.args));
  const rpcHeader = {
    parentHash: u8aToHex(r.bytes(32)),
    number,
    stateRoot: trie.root,
    extrinsicsRoot: u8aToHex(r.bytes(32)),
    digest: { logs: ['0x0661757261' + '20' + u8aToHex(r.bytes(8)).slice(2)] },
  };
  return {
    format: 1,
    block: number,
    hash: headerHash(rpcHeader),
    header: u8aToHex(encodeHeader(rpcHeader)),
    nodes: proofOf(trie.root, nodesByHash(trie.nodes), keys),
    values: values.map((v, i) => ({ item: v.item, args: v.args, key: keys[i], type: v.type })),
  };
}
