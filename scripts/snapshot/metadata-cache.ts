/**
 * Runtime metadata cached on disk between runs, so a resumed or repeated backfill fetches each runtime's
 * metadata once, ever (Finney's is 0.2-0.35 MB per runtime, one request each). Files are keyed by the chain's
 * genesis hash and the spec version: `<dir>/<genesis hash>/<spec>.scale` (the raw SCALE bytes, as
 * state_getMetadata returns them). A cached file is used only if it decodes and its own System.Version
 * constant names that spec version; otherwise it is removed and fetched again. Fetched metadata is stored
 * only after the same check.
 *
 * The directory: `TAOPROOF_METADATA_CACHE` if set (`off` disables the cache), else
 * `node_modules/.cache/taoproof/metadata` in the repository.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Registry } from '@polkadot/types/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { WriteError, writeAtomic } from '../atomic-write.ts';

/** A full or read-only disk ends the run (like every other write); other failures to cache are only logged. */
const DISK_FULL = new Set(['ENOSPC', 'EFBIG', 'EDQUOT', 'EROFS']);

export const DEFAULT_METADATA_CACHE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/.cache/taoproof/metadata',
);

/** The cache directory from the environment: null when disabled. */
export function metadataCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.TAOPROOF_METADATA_CACHE;
  if (v === 'off' || v === '0') return null;
  return v ? path.resolve(v) : DEFAULT_METADATA_CACHE;
}

/** The spec version that a runtime's metadata declares for itself (its System.Version constant). */
export function specOfRegistry(registry: Registry): number {
  const system = registry.metadata.pallets.find((p) => p.name.toString() === 'System');
  const c = system?.constants.find((k) => k.name.toString() === 'Version');
  if (!c) throw new Error('no System.Version constant');
  const v = registry.createTypeUnsafe(registry.createLookupType(c.type), [c.value.toU8a(true)]).toJSON() as {
    specVersion?: unknown;
  };
  if (typeof v?.specVersion !== 'number') throw new Error('System.Version has no specVersion');
  return v.specVersion;
}

export class MetadataCache {
  readonly dir: string;
  readonly log: (line: string) => void;
  /** cache hits and misses in this run (for the summary and the tests) */
  readonly stats = { hits: 0, misses: 0, invalid: 0, written: 0 };

  constructor(dir: string, genesisHash: string, log: (line: string) => void = () => {}) {
    if (!/^0x[0-9a-f]{64}$/.test(genesisHash)) throw new Error(`metadata cache: not a genesis hash: ${genesisHash}`);
    this.dir = path.join(dir, genesisHash);
    this.log = log;
  }

  file(spec: number): string {
    return path.join(this.dir, `${spec}.scale`);
  }

  /**
   * The cached runtime of `spec`: `build` decodes the cached bytes (e.g. into the reader's Runtime, so they are
   * decoded once); the result is used only if its System.Version names `spec`. Null when absent, or invalid
   * (then the file is removed, and the caller fetches the metadata again).
   */
  get<T extends { registry: Registry }>(spec: number, build: (hex: string) => T): T | null {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(this.file(spec));
    } catch {
      this.stats.misses++;
      return null;
    }
    let problem: string;
    try {
      const rt = build(u8aToHex(bytes));
      const declared = specOfRegistry(rt.registry);
      if (declared === spec) {
        this.stats.hits++;
        return rt;
      }
      problem = `it is the metadata of spec ${declared}`;
    } catch (e) {
      problem = `it does not decode: ${(e as Error).message}`;
    }
    this.stats.invalid++;
    this.stats.misses++;
    this.log(`metadata cache: ${this.file(spec)} ignored and removed: ${problem}`);
    rmSync(this.file(spec), { force: true });
    return null;
  }

  /**
   * Store fetched metadata (all or nothing, scripts/atomic-write.ts) if `registry` (its decoding) declares `spec`.
   * A full or read-only disk throws the WriteError (the run ends naming the file; TAOPROOF_METADATA_CACHE=off runs
   * without the cache); any other failure to write is logged, not fatal.
   */
  put(spec: number, hex: string, registry: Registry): void {
    try {
      const declared = specOfRegistry(registry);
      if (declared !== spec) {
        this.log(`metadata cache: the node's metadata for spec ${spec} declares spec ${declared}; not cached`);
        return;
      }
      mkdirSync(this.dir, { recursive: true });
      writeAtomic(this.file(spec), hexToU8a(hex));
      this.stats.written++;
    } catch (e) {
      if (e instanceof WriteError && DISK_FULL.has(e.code)) throw e;
      this.log(`metadata cache: cannot write ${this.file(spec)}: ${(e as Error).message}`);
    }
  }
}
