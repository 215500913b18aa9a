/** A fake Finney node for the snapshot reader's tests: one block's storage, served through the RpcClient interface. */
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
