/** SCALE values decoded by the verifier (src/verify/value.ts) from @polkadot/types' encodings of seeded random values. */
import { TypeRegistry } from '@polkadot/types';
import { encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, test } from 'vitest';
import { hexToBytes } from '../../src/verify/bytes.ts';
import { decodeValue } from '../../src/verify/value.ts';
import { rng } from './random.ts';

const registry = new TypeRegistry();
const enc = (type: string, v: unknown) => registry.createType(type, v).toU8a();

describe('values', () => {
  test('unsigned integers and compacts of every width, to exact decimal strings', () => {
    const r = rng(5);
    for (const bits of [8, 16, 32, 64, 128]) {
      for (let i = 0; i < 200; i++) {
        const n = BigInt.asUintN(
          bits,
          [...r.bytes(bits / 8)].reduce((a, b) => (a << 8n) | BigInt(b), 0n) >> BigInt(r.int(bits)),
        );
        expect(decodeValue(enc(`u${bits}`, n), `u${bits}`)).toBe(n.toString());
        expect(decodeValue(enc(`Compact<u${bits}>`, n), `Compact<u${bits}>`)).toBe(n.toString());
      }
    }
  });

  test('bool, bytes and account lists (SS58, prefix 42)', () => {
    const r = rng(6);
    expect(decodeValue(enc('bool', true), 'bool')).toBe(true);
    expect(decodeValue(enc('bool', false), 'bool')).toBe(false);
    expect(decodeValue(enc('Bytes', '0x0102ff'), 'Vec<u8>')).toBe('0x0102ff');
    const ids = Array.from({ length: 12 }, () => r.bytes(32));
    expect(decodeValue(enc('Vec<AccountId32>', ids), 'Vec<AccountId32>')).toEqual(
      ids.map((id) => encodeAddress(id, 42)),
    );
    expect(decodeValue(enc('Vec<AccountId32>', []), 'Vec<AccountId32>')).toEqual([]);
  });

  test('too few or too many bytes, a bool out of range and an unknown type are refused', () => {
    expect(() => decodeValue(hexToBytes('0x0100'), 'u64')).toThrow(/the u64 value 0x0100 does not decode: ends early/);
    expect(() => decodeValue(hexToBytes('0x010000'), 'u16')).toThrow(/the u16 value 0x010000 has 1 bytes too many/);
    expect(() => decodeValue(hexToBytes('0x02'), 'bool')).toThrow(/a bool is 0 or 1, got 2/);
    expect(() => decodeValue(hexToBytes('0x08' + '00'.repeat(32)), 'Vec<AccountId32>')).toThrow(/ends early/);
    expect(() => decodeValue(hexToBytes('0x00'), 'Perbill')).toThrow(/does not decode the type Perbill/);
  });
});
