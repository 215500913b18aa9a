/** A fake Finney node for the snapshot reader's tests: one block's storage, served through the RpcClient interface. */
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata';
import type { DecoratedMeta } from '@polkadot/types/metadata/decorate/types';
import type { StorageEntry } from '@polkadot/types/primitive/types';
import { compactStripLength, u8aToHex } from '@polkadot/util';
import type { RpcClient } from '../../scripts/snapshot/rpc.ts';

export interface FakeRpcNode {
  /** the runtime's metadata, as state_getMetadata returns it */
  metadataHex: string;
  spec: number;
  /** storage key (lower-case hex) -> SCALE value (hex) */
  storage: Map<string, string>;
  /** chain_getBlockHash for one block number (null: no such block) */
  blockHash: (n: number) => string | null;
}

/**
 * Answers the calls Reader.read makes (chain_getBlockHash batched, state_getRuntimeVersion, state_getMetadata,
 * state_queryStorageAt, state_getKeysPaged) from `node`, and throws on any other. `calls` lists the methods asked.
 */
export function fakeRpc(node: FakeRpcNode): { client: RpcClient; calls: string[] } {
  const { metadataHex, spec, storage, blockHash } = node;
  const calls: string[] = [];
  const client = {
    async call(method: string, params: unknown[], check?: (r: unknown) => unknown) {
      calls.push(method);
      let r: unknown;
      if (method === 'chain_getBlockHash') r = (params[0] as number[]).map(blockHash);
      else if (method === 'state_getRuntimeVersion') r = { specVersion: spec };
      else if (method === 'state_getMetadata') r = metadataHex;
      else if (method === 'state_queryStorageAt')
        r = [
          {
            block: params[1],
            changes: (params[0] as string[]).map((k) => [k, storage.get(k.toLowerCase()) ?? null]),
          },
        ];
      else if (method === 'state_getKeysPaged') {
        const [prefix, count, after] = params as [string, number, string | null];
        r = [...storage.keys()]
          .filter((k) => k.startsWith(prefix) && (after === null || k > after))
          .sort()
          .slice(0, count);
      } else throw new Error(`fake node: ${method} not served`);
      return check ? check(r) : r;
    },
  };
  return { client: client as unknown as RpcClient, calls };
}

/** A block's hash in the fake nodes: its number, padded to 32 bytes. */
export const H = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

export type Query = DecoratedMeta['query'];

/**
 * A node at one block `n` of runtime `spec`, its storage built with @polkadot/types' decorated metadata (not by the
 * reader's key code); `blockHash` answers chain_getBlockHash (default `H`). `store` is its storage, key -> value.
 */
export function fakeNode(
  spec: number,
  hex: string,
  n: number,
  values: (q: Query, put: (entry: StorageEntry, value: unknown, ...keys: unknown[]) => void) => void,
  blockHash: (n: number) => string | null = H,
) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, hex as `0x${string}`);
  // transaction extensions do not matter for storage; declaring them keeps polkadot.js from warning
  const x = metadata.asLatest.extrinsic as unknown as Record<
    string,
    Array<{ identifier: { toString(): string } }> | undefined
  >;
  registry.setMetadata(
    metadata,
    undefined,
    Object.fromEntries(
      (x.signedExtensions ?? x.transactionExtensions ?? []).map((e) => [
        e.identifier.toString(),
        { extrinsic: {}, payload: {} },
      ]),
    ),
  );
  const q: Query = expandMetadata(registry, metadata).query;
  const store = new Map<string, string>();
  const put = (entry: StorageEntry, value: unknown, ...keys: unknown[]) => {
    const m = entry.meta.type;
    const type = registry.createLookupType(m.isPlain ? m.asPlain : m.asMap.value);
    store.set(
      u8aToHex(compactStripLength(keys.length === 1 ? entry(keys[0]) : entry())[1]),
      u8aToHex(registry.createType(type, value).toU8a()),
    );
  };
  put(q.system.lastRuntimeUpgrade, { specVersion: spec, specName: 'node-subtensor' });
  put(q.timestamp.now, Date.parse('2025-03-01T00:00:07Z'));
  for (let k = 1; k <= 3; k++) put(q.system.blockHash, H(n - k), n - k);
  values(q, put);
  const { client, calls } = fakeRpc({ metadataHex: hex, spec, storage: store, blockHash });
  return { client, q, calls, store };
}
