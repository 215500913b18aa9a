import { describe, expect, it } from 'vitest';
import { blockHashKey, decodeHash, decodeLastRuntimeUpgrade, decodeU64, FIXED } from '../../scripts/snapshot/keys.ts';

// The keys are also checked against @polkadot/types' decoration of Finney's real metadata in
// metadata-conformance.test.ts; these pin them to values published outside this project.
describe('fixed storage keys', () => {
  it('builds the well-known keys', () => {
    // the same on every FRAME chain; each appears as a literal in public Substrate tooling (e.g. Timestamp.Now in the
    // Substrate docs' state_getStorage example, System.LastRuntimeUpgrade in fork-off-substrate scripts)
    expect(FIXED.now).toBe('0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb');
    expect(FIXED.lastRuntimeUpgrade).toBe('0x26aa394eea5630e07c48ae0c9558cef7f9cce9c888469bb1a0dceaa129672ef8');
  });

  it('builds System.BlockHash keys: Twox64Concat of the u32 block number', () => {
    // System.BlockHash[0] (where the genesis hash is stored), a literal in many Substrate clients
    expect(blockHashKey(0)).toBe(
      '0x26aa394eea5630e07c48ae0c9558cef7a44704b568d21667356a5a050c118746b4def25cfda6ef3a00000000',
    );
    expect(blockHashKey(0).startsWith(FIXED.blockHashPrefix)).toBe(true);
    expect(blockHashKey(0x01020304).endsWith('04030201')).toBe(true);
    expect(blockHashKey(1)).not.toBe(blockHashKey(2));
  });

  it('refuses block numbers a u32 cannot hold', () => {
    expect(() => blockHashKey(2 ** 32)).toThrow(/too large/);
    expect(() => blockHashKey(-1)).toThrow(/Negative/);
  });
});

describe('fixed storage values', () => {
  it('decodes System.LastRuntimeUpgrade as the node stores it', () => {
    // read from the spec-103 and spec-218 runtimes
    expect(decodeLastRuntimeUpgrade('0x9d01386e6f64652d73756274656e736f72')).toEqual({
      specVersion: 103,
      specName: 'node-subtensor',
    });
    expect(decodeLastRuntimeUpgrade('0x6903386e6f64652d73756274656e736f72')).toEqual({
      specVersion: 218,
      specName: 'node-subtensor',
    });
  });

  it.each([
    ['truncated', '0x9d01386e6f64'],
    ['with a trailing byte', '0x9d01386e6f64652d73756274656e736f7200'],
    ['with invalid UTF-8 in the name', '0x9d0108c328'],
    ['empty', '0x'],
  ])('refuses a LastRuntimeUpgrade value %s', (_, hex) => {
    expect(() => decodeLastRuntimeUpgrade(hex)).toThrow(
      /^LastRuntimeUpgrade: value 0x[0-9a-f]*… does not decode|^LastRuntimeUpgrade: value 0x[0-9a-f]* does not decode/,
    );
  });

  it('decodes u64 values strictly', () => {
    expect(decodeU64('0x571b8e11a2010000')).toBe(1795590855511n);
    expect(decodeU64('0xffffffffffffffff')).toBe(2n ** 64n - 1n);
    expect(() => decodeU64('0x010203')).toThrow(/8 bytes/);
  });

  it('takes 32-byte hashes only', () => {
    expect(decodeHash(`0x${'ab'.repeat(32)}`)).toBe(`0x${'ab'.repeat(32)}`);
    expect(() => decodeHash(`0x${'ab'.repeat(31)}`)).toThrow(/32-byte/);
  });
});
