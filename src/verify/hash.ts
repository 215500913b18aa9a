/**
 * The hashes Substrate uses, for the browser's verifier: blake2b (@noble/hashes) for block hashes, trie nodes and
 * the Blake2_128Concat hasher; xxHash64 (twox) for storage prefixes and Twox64Concat, written here (a few lines of
 * BigInt arithmetic, checked against @polkadot/util-crypto in tests/verify/hash.test.ts).
 */
import { blake2b } from '@noble/hashes/blake2';
import { bigIntToLe, concat } from './bytes.ts';

export const blake2 = (data: Uint8Array, bytes: number): Uint8Array => blake2b(data, { dkLen: bytes });
export const blake2_256 = (data: Uint8Array): Uint8Array => blake2(data, 32);

const M = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M;
const round = (acc: bigint, input: bigint) => (rotl((acc + input * P2) & M, 31n) * P1) & M;
const merge = (acc: bigint, v: bigint) => ((acc ^ round(0n, v)) * P1 + P4) & M;

function le(data: Uint8Array, at: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[at + i]);
  return v;
}

/** xxHash64 of `data` with `seed`. */
export function xxhash64(data: Uint8Array, seed: bigint): bigint {
  const len = data.length;
  let at = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = (seed + P1 + P2) & M;
    let v2 = (seed + P2) & M;
    let v3 = seed;
    let v4 = (seed - P1) & M;
    for (; at + 32 <= len; at += 32) {
      v1 = round(v1, le(data, at, 8));
      v2 = round(v2, le(data, at + 8, 8));
      v3 = round(v3, le(data, at + 16, 8));
      v4 = round(v4, le(data, at + 24, 8));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & M;
    for (const v of [v1, v2, v3, v4]) h = merge(h, v);
  } else h = (seed + P5) & M;
  h = (h + BigInt(len)) & M;
  for (; at + 8 <= len; at += 8) h = (rotl(h ^ round(0n, le(data, at, 8)), 27n) * P1 + P4) & M;
  if (at + 4 <= len) {
    h = (rotl(h ^ ((le(data, at, 4) * P1) & M), 23n) * P2 + P3) & M;
    at += 4;
  }
  for (; at < len; at++) h = (rotl(h ^ ((BigInt(data[at]) * P5) & M), 11n) * P1) & M;
  h ^= h >> 33n;
  h = (h * P2) & M;
  h ^= h >> 29n;
  h = (h * P3) & M;
  return h ^ (h >> 32n);
}

/** Substrate's twox-(64·n) hash: n xxHash64 rounds with seeds 0..n-1, each little-endian. */
export function twox(data: Uint8Array, bits: 64 | 128): Uint8Array {
  return concat(...Array.from({ length: bits / 64 }, (_, i) => bigIntToLe(xxhash64(data, BigInt(i)), 8)));
}
