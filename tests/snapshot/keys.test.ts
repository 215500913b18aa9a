import { describe, expect, it } from 'vitest';
import { blockHashKey, decodeCompact, decodeLastRuntimeUpgrade, decodeU64, hashKey, mapKey, storagePrefix, uintLE } from '../../scripts/snapshot/keys.ts';
import { u8aToHex } from '@polkadot/util';

describe('storage keys', () => {
  it('builds the well-known prefixes', () => {
    // System.Account and Timestamp.Now prefixes are fixed across every Substrate chain
    expect(storagePrefix('System', 'Account')).toBe('0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9');
    expect(storagePrefix('Timestamp', 'Now')).toBe('0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb');
  });

  it('encodes netuid keys with the Identity hasher as u16 little-endian', () => {
    const prefix = storagePrefix('SubtensorModule', 'SubnetTAO');
    expect(mapKey(prefix, 'Identity', uintLE(0x0102, 2))).toBe(`${prefix}0201`);
  });

  it('puts the hash before the key for the Concat hashers', () => {
    const key = uintLE(7, 2);
    expect(u8aToHex(hashKey('Twox64Concat', key)).slice(-4)).toBe('0700');
    expect(hashKey('Twox64Concat', key)).toHaveLength(10);
    expect(hashKey('Blake2_128Concat', key)).toHaveLength(18);
    expect(u8aToHex(hashKey('Blake2_128Concat', key)).slice(-4)).toBe('0700');
  });

  it('builds System.BlockHash keys (Twox64Concat of a u32)', () => {
    expect(blockHashKey(1)).toBe(`${storagePrefix('System', 'BlockHash')}${u8aToHex(hashKey('Twox64Concat', uintLE(1, 4))).slice(2)}`);
  });

  it('refuses values that do not fit', () => {
    expect(() => uintLE(65536, 2)).toThrow(RangeError);
    expect(() => uintLE(-1, 2)).toThrow(RangeError);
  });

  it('decodes SCALE compact integers in all four modes', () => {
    expect(decodeCompact(Uint8Array.from([0x04]))).toEqual([1n, 1]);
    expect(decodeCompact(Uint8Array.from([0x9d, 0x01]))).toEqual([103n, 2]);
    expect(decodeCompact(Uint8Array.from([0x02, 0x00, 0x01, 0x00]))).toEqual([16384n, 4]);
    expect(decodeCompact(Uint8Array.from([0x03, 0xff, 0xff, 0xff, 0xff]))).toEqual([4294967295n, 5]);
    expect(() => decodeCompact(Uint8Array.from([0x01]))).toThrow(/truncated/);
  });

  it('decodes System.LastRuntimeUpgrade as the node stores it', () => {
    // read from the spec-103 and spec-218 runtimes
    expect(decodeLastRuntimeUpgrade('0x9d01386e6f64652d73756274656e736f72')).toEqual({ specVersion: 103, specName: 'node-subtensor' });
    expect(decodeLastRuntimeUpgrade('0x6903386e6f64652d73756274656e736f72')).toEqual({ specVersion: 218, specName: 'node-subtensor' });
    expect(() => decodeLastRuntimeUpgrade('0x9d01386e6f64')).toThrow();
  });

  it('decodes u64 values strictly', () => {
    expect(decodeU64('0x571b8e11a2010000')).toBe(1795590855511n);
    expect(() => decodeU64('0x010203')).toThrow(/8 bytes/);
  });
});
