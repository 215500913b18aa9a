/**
 * Raw storage keys (pure). A key is `twox128(pallet prefix) ++ twox128(item) ++ hasher(SCALE(key))`; the hashers
 * come from the metadata of the block's own runtime (see runtime.ts), never from a table.
 */
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';

export type Hasher = 'Identity' | 'Twox64Concat' | 'Blake2_128Concat' | 'Twox128' | 'Twox256' | 'Blake2_128' | 'Blake2_256';

export function storagePrefix(pallet: string, item: string): string {
  return u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(item, 128)));
}

export function hashKey(hasher: Hasher, data: Uint8Array): Uint8Array {
  switch (hasher) {
    case 'Identity':
      return data;
    case 'Twox64Concat':
      return u8aConcat(xxhashAsU8a(data, 64), data);
    case 'Blake2_128Concat':
      return u8aConcat(blake2AsU8a(data, 128), data);
    case 'Twox128':
      return xxhashAsU8a(data, 128);
    case 'Twox256':
      return xxhashAsU8a(data, 256);
    case 'Blake2_128':
      return blake2AsU8a(data, 128);
    case 'Blake2_256':
      return blake2AsU8a(data, 256);
  }
}

/** Little-endian unsigned integer of `bytes` bytes (SCALE fixed-width). */
export function uintLE(value: number | bigint, bytes: number): Uint8Array {
  let v = BigInt(value);
  if (v < 0n || v >= 1n << BigInt(8 * bytes)) throw new RangeError(`${value} does not fit in ${bytes} bytes`);
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Key of a single-key map entry. */
export function mapKey(prefix: string, hasher: Hasher, encodedKey: Uint8Array): string {
  return prefix + u8aToHex(hashKey(hasher, encodedKey)).slice(2);
}

/** Keys that have the same layout in every FRAME runtime, read before the block's runtime is known. */
export const FIXED = {
  lastRuntimeUpgrade: storagePrefix('System', 'LastRuntimeUpgrade'),
  now: storagePrefix('Timestamp', 'Now'),
  blockHashPrefix: storagePrefix('System', 'BlockHash'),
} as const;

/** System.BlockHash[n] (Twox64Concat, u32 block number), present for the last BlockHashCount blocks. */
export function blockHashKey(n: number): string {
  return mapKey(FIXED.blockHashPrefix, 'Twox64Concat', uintLE(n, 4));
}

/** SCALE compact integer at the start of `bytes`: [value, length in bytes]. */
export function decodeCompact(bytes: Uint8Array): [bigint, number] {
  if (bytes.length === 0) throw new RangeError('empty compact');
  const mode = bytes[0] & 3;
  if (mode === 0) return [BigInt(bytes[0] >> 2), 1];
  if (mode === 1) {
    if (bytes.length < 2) throw new RangeError('truncated compact');
    return [BigInt((bytes[0] | (bytes[1] << 8)) >> 2), 2];
  }
  if (mode === 2) {
    if (bytes.length < 4) throw new RangeError('truncated compact');
    return [BigInt(((bytes[0] | (bytes[1] << 8) | (bytes[2] << 16)) >>> 2) + bytes[3] * 2 ** 22), 4];
  }
  const n = (bytes[0] >> 2) + 4;
  if (bytes.length < 1 + n) throw new RangeError('truncated compact');
  let v = 0n;
  for (let i = n; i >= 1; i--) v = (v << 8n) | BigInt(bytes[i]);
  return [v, 1 + n];
}

/** System.LastRuntimeUpgrade value: `Option<{ spec_version: Compact<u32>, spec_name: String }>` stored without the Option byte. */
export function decodeLastRuntimeUpgrade(hex: string): { specVersion: number; specName: string } {
  const bytes = hexToU8a(hex);
  const [spec, a] = decodeCompact(bytes);
  const [len, b] = decodeCompact(bytes.subarray(a));
  const end = a + b + Number(len);
  if (end !== bytes.length) throw new RangeError(`LastRuntimeUpgrade: expected ${end} bytes, got ${bytes.length}`);
  return { specVersion: Number(spec), specName: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(a + b, end)) };
}

/** A u64 little-endian value (e.g. Timestamp.Now) from hex; throws unless exactly 8 bytes. */
export function decodeU64(hex: string): bigint {
  const bytes = hexToU8a(hex);
  if (bytes.length !== 8) throw new RangeError(`expected 8 bytes for a u64, got ${bytes.length}`);
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}

/** A 32-byte hash from hex; throws unless exactly 32 bytes. */
export function decodeHash(hex: string): string {
  if (!/^0x[0-9a-f]{64}$/.test(hex)) throw new RangeError(`expected a 32-byte hash, got ${hex.slice(0, 20)}`);
  return hex;
}
