/**
 * The storage keys and values read before a block's runtime is known (pure): their layout is the same in every
 * FRAME runtime (frame_system, pallet_timestamp). Every other key is built by @polkadot/types from the block's own
 * metadata (runtime.ts). A key is `twox128(pallet prefix) ++ twox128(item) ++ hasher(SCALE(key))`;
 * tests/snapshot/metadata-conformance.test.ts checks these against @polkadot/types' decoration of Finney's metadata.
 */
import { TypeRegistry } from '@polkadot/types';
import type { LastRuntimeUpgradeInfo } from '@polkadot/types/interfaces';
import { hexToU8a, u8aConcat, u8aToBigInt, u8aToHex } from '@polkadot/util';
import { HASH32 } from '../../src/model/id-patterns.ts';
import { xxhashAsU8a } from '@polkadot/util-crypto';

/** the types every FRAME chain shares (u32, LastRuntimeUpgradeInfo): no metadata needed */
const base = new TypeRegistry();

function storagePrefix(pallet: string, item: string): string {
  return u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(item, 128)));
}

/** Keys that have the same layout in every FRAME runtime, read before the block's runtime is known. */
export const FIXED = {
  lastRuntimeUpgrade: storagePrefix('System', 'LastRuntimeUpgrade'),
  now: storagePrefix('Timestamp', 'Now'),
  blockHashPrefix: storagePrefix('System', 'BlockHash'),
} as const;

/** System.BlockHash[n] (Twox64Concat of the u32 block number), present for the last BlockHashCount blocks. */
export function blockHashKey(n: number): string {
  const key = base.createType('u32', n).toU8a();
  return FIXED.blockHashPrefix + u8aToHex(u8aConcat(xxhashAsU8a(key, 64), key)).slice(2);
}

/**
 * System.LastRuntimeUpgrade value: `Option<LastRuntimeUpgradeInfo { spec_version: Compact<u32>, spec_name: String }>`
 * stored without the Option byte. Pedantic: trailing or missing bytes and invalid UTF-8 throw.
 */
export function decodeLastRuntimeUpgrade(hex: string): { specVersion: number; specName: string } {
  try {
    const v = base.createTypeUnsafe<LastRuntimeUpgradeInfo>('LastRuntimeUpgradeInfo', [hexToU8a(hex)], {
      isPedantic: true,
    });
    return { specVersion: v.specVersion.unwrap().toNumber(), specName: v.specName.toString() };
  } catch (e) {
    throw new RangeError(
      `LastRuntimeUpgrade: value ${hex.length > 24 ? `${hex.slice(0, 22)}…` : hex} does not decode: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/** A u64 little-endian value (e.g. Timestamp.Now) from hex; throws unless exactly 8 bytes. */
export function decodeU64(hex: string): bigint {
  const bytes = hexToU8a(hex);
  if (bytes.length !== 8) throw new RangeError(`expected 8 bytes for a u64, got ${bytes.length}`);
  return u8aToBigInt(bytes, { isLe: true, isNegative: false });
}

/** A 32-byte hash from hex; throws unless exactly 32 bytes. */
export function decodeHash(hex: string): string {
  if (!HASH32.test(hex)) throw new RangeError(`expected a 32-byte hash, got ${hex.slice(0, 20)}`);
  return hex;
}
