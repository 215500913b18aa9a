/**
 * Hashes anchored by a second operator: the head's and every sampled block's hash, read from one operator's node, is
 * asked again of an endpoint run by another operator (`chain_getBlockHash([n1, n2, …])`, batched). A disagreement
 * stops the run and shows both answers; when no endpoint of another operator answers, the data is labelled
 * single-source.
 */
import { operatorOf } from '../../src/data/chain.ts';
import { VerificationError } from './read.ts';
import { RpcClient, RpcError } from './rpc.ts';
import { DEFAULT_POLICY } from './retry.ts';

export interface Anchoring {
  hashes: 'confirmed' | 'single-source';
  /** the operators of the endpoints read from, then of the one that confirmed */
  operators: string[];
}

/** Block numbers per chain_getBlockHash call. */
const BATCH = 500;

export async function confirmHashes(o: {
  /** endpoints that answered the reads */
  readFrom: string[];
  confirm: ReadonlyArray<{ url: string; operator: string }>;
  genesisHash: string;
  blocks: ReadonlyArray<{ number: number; hash: string }>;
  timeoutMs: number;
  retries: number;
  log: (line: string) => void;
}): Promise<Anchoring> {
  const readOps = [...new Set(o.readFrom.map((u) => operatorOf(u, o.confirm)))];
  const others = o.confirm.filter((c) => !readOps.includes(c.operator));
  if (o.confirm.length && !others.length)
    o.log(`--confirm: every endpoint given is run by ${readOps.join(', ')}, the operator read from`);
  const read = o.readFrom.join(', ');
  for (const c of others) {
    const client = new RpcClient({
      endpoints: [c.url],
      timeoutMs: o.timeoutMs,
      concurrency: 1,
      policy: { ...DEFAULT_POLICY, retries: o.retries },
      genesis: o.genesisHash,
      log: o.log,
    });
    try {
      for (let i = 0; i < o.blocks.length; i += BATCH) {
        const chunk = o.blocks.slice(i, i + BATCH);
        const theirs = await client.call('chain_getBlockHash', [chunk.map((b) => b.number)], (r) => {
          if (!Array.isArray(r) || r.length !== chunk.length) throw new Error(`expected ${chunk.length} hashes`);
          return r as unknown[];
        });
        chunk.forEach((b, j) => {
          if (theirs[j] !== b.hash)
            throw new VerificationError(
              `block ${b.number}: ${read} (${readOps.join(', ')}) answered ${b.hash}, ${c.url} (${c.operator}) answered ${JSON.stringify(theirs[j])}`,
            );
        });
      }
      o.log(`block hashes confirmed by ${c.url} (${c.operator}): ${o.blocks.length} blocks`);
      return { hashes: 'confirmed', operators: [...readOps, c.operator] };
    } catch (e) {
      if (e instanceof VerificationError || (e instanceof RpcError && e.kind === 'fatal')) throw e;
      o.log(`cannot confirm the block hashes with ${c.url} (${c.operator}): ${(e as Error).message}`);
    } finally {
      await client.close();
    }
  }
  o.log(`block hashes not confirmed by another operator: the data is labelled single-source (${readOps.join(', ')})`);
  return { hashes: 'single-source', operators: readOps };
}
