/** Bytes, hex and SCALE's compact integers for the browser's verifier (no @polkadot/* on the client path). */

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/;

/** the value of a hex digit's char code (the string is checked with HEX first) */
const NIBBLE = new Uint8Array(128);
for (let i = 0; i < 16; i++) {
  NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
  NIBBLE['0123456789ABCDEF'.charCodeAt(i)] = i;
}
/** each byte's two lowercase hex digits (a trie walk turns thousands of 32-byte hashes into hex) */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function hexToBytes(hex: string): Uint8Array {
  if (!HEX.test(hex))
    throw new Error(`expected 0x-prefixed hex, got ${hex.length > 24 ? `${hex.slice(0, 22)}…` : hex}`);
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0, j = 2; i < out.length; i++, j += 2)
    out[i] = (NIBBLE[hex.charCodeAt(j)] << 4) | NIBBLE[hex.charCodeAt(j + 1)];
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '0x';
  for (let i = 0; i < bytes.length; i++) s += BYTE_HEX[bytes[i]];
  return s;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An unsigned little-endian integer of `bytes`. */
export function leToBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}

/** `n` as `size` little-endian bytes; throws when it does not fit. */
export function bigIntToLe(n: bigint, size: number): Uint8Array {
  if (n < 0n || n >> BigInt(8 * size) !== 0n) throw new RangeError(`${n} does not fit in ${size} bytes`);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** A SCALE reader over bytes: every read throws "ends early" past the end. */
export class Reader {
  pos = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('ends early');
    return this.bytes[this.pos++];
  }
  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.bytes.length) throw new Error('ends early');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** SCALE `Compact<uN>`: single, two, four bytes or big-integer mode. */
  compact(): bigint {
    const first = this.byte();
    switch (first & 0b11) {
      case 0:
        return BigInt(first >> 2);
      case 1:
        return leToBigInt(new Uint8Array([first, this.byte()])) >> 2n;
      case 2:
        return leToBigInt(new Uint8Array([first, ...this.take(3)])) >> 2n;
      default:
        return leToBigInt(this.take((first >> 2) + 4));
    }
  }
  /** A compact length that fits in a number (a Vec's or a byte string's). */
  length(): number {
    const n = this.compact();
    if (n > BigInt(this.bytes.length - this.pos)) throw new Error('ends early');
    return Number(n);
  }
  /** `Vec<u8>`: compact length, then the bytes. */
  lengthPrefixed(): Uint8Array {
    return this.take(this.length());
  }
  done(): boolean {
    return this.pos === this.bytes.length;
  }
}
