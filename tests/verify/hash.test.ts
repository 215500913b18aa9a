/** The verifier's hashes and SS58 against @polkadot/util-crypto, on seeded random inputs of every length up to 200. */
import { blake2AsU8a, encodeAddress, xxhashAsU8a } from '@polkadot/util-crypto';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes, Reader } from '../../src/verify/bytes.ts';
import { blake2, twox } from '../../src/verify/hash.ts';
import { ss58 } from '../../src/verify/value.ts';
import { rng } from './random.ts';

describe('hashes', () => {
  test('twox64 and twox128 equal @polkadot/util-crypto xxhashAsU8a for lengths 0..200', () => {
    const r = rng(1);
    for (let n = 0; n <= 200; n++) {
      const data = r.bytes(n);
      expect(bytesToHex(twox(data, 64)), `length ${n}`).toBe(bytesToHex(xxhashAsU8a(data, 64)));
      expect(bytesToHex(twox(data, 128)), `length ${n}`).toBe(bytesToHex(xxhashAsU8a(data, 128)));
    }
  });

  test('the storage prefix of SubtensorModule.TotalNetworks read from Finney', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(bytesToHex(twox(text('SubtensorModule'), 128)) + bytesToHex(twox(text('TotalNetworks'), 128)).slice(2)).toBe(
      '0x658faa385070e074c85bf6b568cf05555f3bb7bcd0a076a48abf8c256d221721',
    );
  });

  test('blake2b-128/256/512 equal @polkadot/util-crypto', () => {
    const r = rng(2);
    for (let n = 0; n <= 200; n += 7) {
      const data = r.bytes(n);
      for (const bits of [128, 256, 512] as const)
        expect(bytesToHex(blake2(data, bits / 8))).toBe(bytesToHex(blake2AsU8a(data, bits)));
    }
  });

  test('SS58 (prefix 42) equals @polkadot/util-crypto encodeAddress', () => {
    const r = rng(3);
    for (let i = 0; i < 200; i++) {
      const id = i === 0 ? new Uint8Array(32) : r.bytes(32);
      expect(ss58(id)).toBe(encodeAddress(id, 42));
    }
    expect(() => ss58(new Uint8Array(31))).toThrow(/32 bytes, got 31/);
  });

  test('compact integers in all four modes', () => {
    const cases: Array<[string, bigint]> = [
      ['0x00', 0n],
      ['0xfc', 63n],
      ['0x0101', 64n],
      ['0xfdff', 16383n],
      ['0x02000100', 16384n],
      ['0xfeffffff', 1073741823n],
      ['0x0300000040', 1073741824n],
      ['0x13ffffffffffffffff', 18446744073709551615n],
    ];
    for (const [hex, n] of cases) expect(new Reader(hexToBytes(hex)).compact(), hex).toBe(n);
    expect(() => new Reader(hexToBytes('0x0301')).compact()).toThrow(/ends early/);
    expect(() => hexToBytes('0x0')).toThrow(/expected 0x-prefixed hex/);
  });
});
