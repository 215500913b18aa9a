/**
 * Storage values from their SCALE bytes, for the types the proof files name (`public/data/proofs/<block>.json`,
 * field `type`): unsigned integers as decimal strings (RAO stays exact), `bool`, `Compact<uN>`, byte strings, and
 * account ids as SS58 addresses (prefix 42, as the site shows them). Each decode must use every byte.
 */
import { bytesToHex, concat, Reader, leToBigInt } from './bytes.ts';
import { blake2 } from './hash.ts';

/** A decoded value: a decimal string, a boolean, a text, or a list of them (a Vec). */
export type Value = string | boolean | Value[];

const UINT = /^u(8|16|32|64|128)$/;
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes: Uint8Array): string {
  let n = leToBigInt(bytes.slice().reverse());
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** The SS58 address of a 32-byte account id (simple prefix < 64; Bittensor's is 42). */
export function ss58(id: Uint8Array, prefix = 42): string {
  if (id.length !== 32) throw new Error(`an account id has 32 bytes, got ${id.length}`);
  if (prefix < 0 || prefix > 63) throw new Error(`SS58 prefix ${prefix} is not a simple one`);
  const body = concat(new Uint8Array([prefix]), id);
  const sum = blake2(concat(new TextEncoder().encode('SS58PRE'), body), 64);
  return base58(concat(body, sum.subarray(0, 2)));
}

function read(r: Reader, type: string): Value {
  const t = type.replace(/\s+/g, '');
  const uint = UINT.exec(t);
  if (uint) return leToBigInt(r.take(Number(uint[1]) / 8)).toString();
  if (/^Compact<u(8|16|32|64|128)>$/.test(t)) return r.compact().toString();
  if (t === 'bool') {
    const b = r.byte();
    if (b > 1) throw new Error(`a bool is 0 or 1, got ${b}`);
    return b === 1;
  }
  if (t === 'AccountId32' || t === 'AccountId') return ss58(r.take(32));
  if (t === 'H256') return bytesToHex(r.take(32));
  if (t === 'Bytes' || t === 'Vec<u8>') return bytesToHex(r.lengthPrefixed());
  const vec = /^Vec<(.+)>$/.exec(t);
  if (vec) return Array.from({ length: r.length() }, () => read(r, vec[1]));
  throw new Error(`the verifier does not decode the type ${type}`);
}

/** The value of SCALE hex bytes of type `type`; throws on a type it does not know, too few or too many bytes. */
export function decodeValue(bytes: Uint8Array, type: string): Value {
  const r = new Reader(bytes);
  let v: Value;
  try {
    v = read(r, type);
  } catch (e) {
    throw new Error(`the ${type} value ${bytesToHex(bytes)} does not decode: ${(e as Error).message}`, { cause: e });
  }
  if (!r.done()) throw new Error(`the ${type} value ${bytesToHex(bytes)} has ${bytes.length - r.pos} bytes too many`);
  return v;
}
