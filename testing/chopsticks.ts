/**
 * A local subtensor node for the chain tests: chopsticks running the real runtimes in ../shared/chain, plus
 * the dev calls that seed a known history (values with dev_setStorage, days with dev_timeTravel, blocks with
 * dev_newBlock) and a real runtime upgrade (sudo(system.setCode)).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { ROOT } from './project.ts';

/** the runtimes' chain specs; TAOPROOF_CHAIN_DIR overrides it (e.g. to check the skip message) */
export const CHAIN_DIR = process.env.TAOPROOF_CHAIN_DIR ?? path.resolve(ROOT, '../shared/chain');
export const SPEC_103 = path.join(CHAIN_DIR, 'testfinney-103.json');
export const SPEC_218 = path.join(CHAIN_DIR, 'raonet-218.json');

/** Why the chain tests cannot run here, or null when they can. */
export function chainMissing(): string | null {
  const missing = [SPEC_103, SPEC_218].filter((f) => !existsSync(f));
  if (!missing.length) return null;
  return (
    `chain tests skipped: ${missing.join(', ')} not found. They are the raw chain specs of opentensor/subtensor ` +
    '(chainspecs/raw_spec_testfinney.json saved as testfinney-103.json, and scripts/specs/raonet.json at the ' +
    'spec-218 commit of 2025-01-04 saved as raonet-218.json); put them in ../shared/chain/ beside this repository.'
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export const NODE22 = process.execPath;

export interface LocalNode {
  port: number;
  url: string;
  proc: ChildProcess;
  /** the last 16 KB chopsticks printed (its block builder logs a failed block there, and carries on) */
  output(): string;
  stop(): Promise<void>;
}

/** Start chopsticks from a raw chain spec; resolves once it listens. */
export async function startNode(spec: string, extra: string[] = []): Promise<LocalNode> {
  const port = await freePort();
  const bin = path.join(ROOT, 'node_modules/@acala-network/chopsticks/chopsticks.cjs');
  const proc = spawn(
    NODE22,
    [bin, '--genesis', spec, '--host', '127.0.0.1', '--port', String(port), '--build-block-mode', 'Manual', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chopsticks did not start in 60 s:\n${out.slice(-2000)}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('RPC listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chopsticks exited (${code}):\n${out.slice(-2000)}`));
    });
  });
  // later output: the last 16 KB, for a test's failure message
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-16_384));
  proc.stdout!.removeAllListeners('data').on('data', keep);
  proc.stderr!.removeAllListeners('data').on('data', keep);
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    proc,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export function storageKey(pallet: string, item: string): string {
  return xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
}

/** Dev-mode control of a chopsticks node. */
export class Dev {
  readonly api: ApiPromise;
  constructor(api: ApiPromise) {
    this.api = api;
  }

  static async connect(url: string): Promise<Dev> {
    const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
    return new Dev(api);
  }

  rpc<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    return (
      this.api as unknown as { _rpcCore: { provider: { send: (m: string, p: unknown[]) => Promise<T> } } }
    )._rpcCore.provider.send(method, params);
  }

  /**
   * Build `count` blocks. Chopsticks' block builder logs a failed build and answers as if it had built (the head stays
   * where it was): the blocks missing are asked for again, twice at most, then it throws.
   */
  async newBlock(count = 1): Promise<void> {
    const want = (await this.head()).number + count;
    for (let attempt = 0, left = count; left > 0; attempt++) {
      if (attempt === 3)
        throw new Error(
          `chopsticks built ${count - left} of ${count} blocks (its output says why: LocalNode.output())`,
        );
      await this.rpc('dev_newBlock', [{ count: left }]);
      left = want - (await this.head()).number;
    }
  }

  async timeTravel(ms: number): Promise<void> {
    await this.rpc('dev_timeTravel', [ms]);
  }

  async setStorage(values: Record<string, unknown> | Array<[string, string | null]>): Promise<void> {
    await this.rpc('dev_setStorage', [values]);
  }

  async head(): Promise<{ number: number; hash: string }> {
    const h = await this.rpc<{ number: string }>('chain_getHeader', []);
    const hash = await this.rpc<string>('chain_getBlockHash', [parseInt(h.number, 16)]);
    return { number: parseInt(h.number, 16), hash };
  }

  async hashOf(n: number): Promise<string> {
    return this.rpc<string>('chain_getBlockHash', [n]);
  }

  /** Raw storage value at a block (no polkadot.js decoding or caching). */
  async raw(key: string, hash: string): Promise<string | null> {
    return this.rpc<string | null>('state_getStorage', [key, hash]);
  }

  async timestampAt(hash: string): Promise<number> {
    const v = await this.raw(storageKey('Timestamp', 'Now'), hash);
    return v ? Number(leU64(v)) : 0;
  }

  async specAt(n: number): Promise<number> {
    // the runtime that executed block n is the code in the state of block n-1
    const h = await this.hashOf(Math.max(0, n - 1));
    return (await this.rpc<{ specVersion: number }>('state_getRuntimeVersion', [h])).specVersion;
  }

  /** Runtime upgrade for real: make //Alice sudo, then sudo(system.setCode(wasm)) and build two blocks. */
  async upgrade(specFile: string): Promise<void> {
    const code = (JSON.parse(readFileSync(specFile, 'utf8')) as { genesis: { raw: { top: Record<string, string> } } })
      .genesis.raw.top['0x3a636f6465'];
    const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
    await this.setStorage({
      Sudo: { Key: alice.address },
      System: { Account: [[[alice.address], { providers: 1, data: { free: '1000000000000000000' } }]] },
    });
    const api = this.api;
    const tx = api.tx.sudo.sudoUncheckedWeight(api.tx.system.setCode(code), { refTime: 0, proofSize: 0 } as never);
    await tx.signAndSend(alice);
    await this.newBlock(); // includes setCode: still executed by the old runtime
    await this.newBlock(); // first block of the new runtime (its migrations run here)
  }

  async close(): Promise<void> {
    await this.api.disconnect();
  }
}

export function leU64(hex: string): bigint {
  const b = Buffer.from(hex.slice(2), 'hex');
  if (b.length !== 8) throw new Error(`not a u64: ${hex}`);
  return b.readBigUInt64LE(0);
}
