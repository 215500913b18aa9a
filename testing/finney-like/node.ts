/**
 * The Finney-like node: a JSON-RPC-over-WebSocket server answering the methods the snapshot CLI uses
 * (scripts/snapshot/rpc.ts, read.ts, main.ts), single and batched, from the chain model (model.ts, state.ts)
 * and the real Finney metadata (runtimes.ts). It counts requests by method. Its genesis hash is not Finney's, so
 * the CLI needs `--genesis <hash>` and marks its data `synthetic`.
 */
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { freePort } from '../chopsticks.ts';
import { ChainModel, type ModelOptions } from './model.ts';
import { Proofs } from './proofs.ts';
import { ChainState } from './state.ts';
import { UPGRADES_READ } from '../../src/model/upgrades.ts';

export interface FinneyLikeNode {
  url: string;
  model: ChainModel;
  state: ChainState;
  /** headers with real state roots and read proofs of the recorded blocks; its `lie` makes the node lie */
  proofs: Proofs;
  genesisHash: string;
  /** requests by method since start (or the last reset); a batch counts each of its calls */
  counts: Record<string, number>;
  /** bytes of the replies sent, in all and by method */
  bytesOut: number;
  bytesByMethod: Record<string, number>;
  /** ms added before each reply (a remote node's round trip) */
  latencyMs: number;
  total(): number;
  reset(): void;
  stop(): Promise<void>;
}

class RpcFault extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

export function handler(state: ChainState, proofs: Proofs) {
  const m = state.model;
  const blockOf = (hash: unknown): number => {
    if (hash === undefined || hash === null) return m.head;
    const n = typeof hash === 'string' ? m.numberOf(hash.toLowerCase()) : null;
    if (n === null)
      throw new RpcFault(4003, `Client error: UnknownBlock: Header was not found in the database: ${String(hash)}`);
    return n;
  };
  const hashOf = (v: unknown) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : NaN;
    if (!Number.isInteger(n) || n < 0) throw new RpcFault(-32602, `invalid block number ${JSON.stringify(v)}`);
    return n <= m.head ? proofs.blockHash(n) : null;
  };
  return (method: string, params: unknown[]): unknown => {
    switch (method) {
      case 'system_chain':
        return 'Bittensor (taoproof Finney-like test node)';
      case 'system_name':
        return 'taoproof-finney-like';
      case 'system_version':
        return '0.0.0';
      case 'system_properties':
        return { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' };
      case 'rpc_methods':
        return { methods: METHODS };
      case 'chain_getBlockHash': {
        const p = params[0];
        if (p === undefined || p === null) return m.hash(m.head);
        return Array.isArray(p) ? p.map(hashOf) : hashOf(p);
      }
      case 'chain_getFinalizedHead':
        return m.hash(m.finalized);
      case 'chain_getHeader':
        return proofs.servedHeader(blockOf(params[0]));
      case 'state_getRuntimeVersion':
        return state.index(m.codeSpecAt(blockOf(params[0]))).rt.version;
      case 'state_getMetadata':
        return state.index(m.codeSpecAt(blockOf(params[0]))).rt.metadataHex;
      case 'state_getStorage':
        return state.raw(blockOf(params[1]), String(params[0]));
      case 'state_queryStorageAt': {
        const keys = params[0];
        if (!Array.isArray(keys)) throw new RpcFault(-32602, 'expected a list of keys');
        const n = blockOf(params[1]);
        return [{ block: m.hash(n), changes: keys.map((k) => [String(k), proofs.storageAt(n, String(k))]) }];
      }
      case 'state_getReadProof': {
        const keys = params[0];
        if (!Array.isArray(keys) || !keys.length) throw new RpcFault(-32602, 'expected a list of keys');
        const n = blockOf(params[1]);
        return proofs.readProof(n, keys.map(String)).then((proof) => ({ at: m.hash(n), proof }));
      }
      case 'state_getKeysPaged': {
        const [prefix, count, start, at] = params as [string, number, string | null, string | undefined];
        return state.keysPaged(blockOf(at), String(prefix), Math.min(1000, Number(count)), start ?? null);
      }
    }
    throw new RpcFault(-32601, `Method not found: ${method}`);
  };
}

export const METHODS = [
  'system_chain',
  'system_name',
  'system_version',
  'system_properties',
  'rpc_methods',
  'chain_getBlockHash',
  'chain_getFinalizedHead',
  'chain_getHeader',
  'state_getRuntimeVersion',
  'state_getMetadata',
  'state_getStorage',
  'state_queryStorageAt',
  'state_getKeysPaged',
  'state_getReadProof',
];

/**
 * The blocks the snapshot reads with proofs at the runtime upgrades it records (scripts/snapshot/upgrades.ts): for each
 * spec of UPGRADES_READ, the first block of the first runtime at or after it, and that block's parent.
 */
export function upgradeBlocks(model: ChainModel): number[] {
  return UPGRADES_READ.flatMap((spec) => {
    const k = model.specs.findIndex((s) => s >= spec);
    return k > 0 ? [model.upgrades[k] - 1, model.upgrades[k]] : [];
  });
}

/** `provable`: blocks besides each day's first block, the heads and the upgrade blocks whose headers carry their real state root */
export async function startFinneyLike(
  options: ModelOptions & { provable?: Iterable<number> },
): Promise<FinneyLikeNode> {
  // blake2 and xxhash in WebAssembly: @polkadot/util-crypto falls back to its JavaScript ones until this resolves,
  // and building the day's tries hashed with those took most of a start's CPU (same hashes either way)
  await cryptoWaitReady();
  const model = new ChainModel(options);
  const state = new ChainState(model);
  const proofs = await Proofs.start(state, [...upgradeBlocks(model), ...(options.provable ?? [])]);
  const handle = handler(state, proofs);
  const port = await freePort();
  const server = await new Promise<WebSocketServer>((resolve, reject) => {
    const s: WebSocketServer = new WebSocketServer({ port, host: '127.0.0.1' }, () => resolve(s));
    s.on('error', reject);
  });
  const node: FinneyLikeNode = {
    url: `ws://127.0.0.1:${port}`,
    model,
    state,
    proofs,
    genesisHash: model.genesisHash,
    counts: {},
    bytesOut: 0,
    bytesByMethod: {},
    latencyMs: 0,
    total: () => Object.values(node.counts).reduce((a, b) => a + b, 0),
    reset: () => {
      for (const k of Object.keys(node.counts)) delete node.counts[k];
      for (const k of Object.keys(node.bytesByMethod)) delete node.bytesByMethod[k];
      node.bytesOut = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
  const one = async (req: unknown) => {
    const r = req as { id?: unknown; method?: unknown; params?: unknown };
    const id = r?.id ?? null;
    if (typeof r?.method !== 'string')
      return { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid request' } };
    node.counts[r.method] = (node.counts[r.method] ?? 0) + 1;
    try {
      return { jsonrpc: '2.0', id, result: await handle(r.method, Array.isArray(r.params) ? r.params : []) };
    } catch (e) {
      const code = e instanceof RpcFault ? e.code : -32603;
      return { jsonrpc: '2.0', id, error: { code, message: (e as Error).message } };
    }
  };
  server.on('connection', (ws: WebSocket) => {
    ws.on('message', async (data) => {
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        ws.send(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
        return;
      }
      const calls = Array.isArray(msg) ? msg : [msg];
      const replies = await Promise.all(calls.map(one));
      const reply = JSON.stringify(Array.isArray(msg) ? replies : replies[0]);
      node.bytesOut += Buffer.byteLength(reply);
      calls.forEach((c, i) => {
        const method = String((c as { method?: unknown })?.method);
        node.bytesByMethod[method] = (node.bytesByMethod[method] ?? 0) + Buffer.byteLength(JSON.stringify(replies[i]));
      });
      if (node.latencyMs > 0) setTimeout(() => ws.send(reply), node.latencyMs);
      else ws.send(reply);
    });
  });
  return node;
}
