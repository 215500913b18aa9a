/**
 * Block headers (pure): a header's hash is blake2-256 over its SCALE encoding (Substrate's `Header<u32,
 * BlakeTwo256>`: parent hash, compact number, state root, extrinsics root, digest). Encoded with @polkadot/types'
 * own `Header` type, hashed with @polkadot/util-crypto. A header read from a node is accepted for a block only when
 * it hashes to that block's hash and carries the number asked for (`checkHeader`).
 */
import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

const registry = new TypeRegistry();

/** A header as `chain_getHeader` returns it (number as hex), digest logs as the SCALE hex of each `DigestItem`. */
export interface RpcHeader {
  parentHash: string;
  number: string | number;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

const HASH = /^0x[0-9a-f]{64}$/;

/** Throws a plain message unless `r` has the shape of a `chain_getHeader` reply. */
export function asRpcHeader(r: unknown): RpcHeader {
  const h = r as Partial<RpcHeader> | null;
  if (typeof h !== 'object' || h === null) throw new Error('expected a header');
  for (const f of ['parentHash', 'stateRoot', 'extrinsicsRoot'] as const)
    if (typeof h[f] !== 'string' || !HASH.test(h[f].toLowerCase()))
      throw new Error(`header.${f}: expected a 32-byte hash`);
  if (!(typeof h.number === 'number' || (typeof h.number === 'string' && /^0x[0-9a-f]+$/i.test(h.number))))
    throw new Error('header.number: expected a hex number');
  const logs = h.digest?.logs;
  if (!Array.isArray(logs) || !logs.every((l) => typeof l === 'string' && /^0x([0-9a-f]{2})*$/i.test(l)))
    throw new Error('header.digest.logs: expected a list of hex');
  return h as RpcHeader;
}

export function headerNumber(h: RpcHeader): number {
  return typeof h.number === 'number' ? h.number : parseInt(h.number, 16);
}

/** The SCALE encoding of a header. */
export function encodeHeader(h: RpcHeader): Uint8Array {
  return registry
    .createType('Header', {
      parentHash: h.parentHash,
      number: headerNumber(h),
      stateRoot: h.stateRoot,
      extrinsicsRoot: h.extrinsicsRoot,
      digest: { logs: h.digest.logs },
    })
    .toU8a();
}

/** blake2-256 of the header's SCALE encoding: the block hash. */
export function headerHash(h: RpcHeader): string {
  return u8aToHex(blake2AsU8a(encodeHeader(h), 256));
}

/**
 * The header's problem for block `number` with hash `hash`, or null when it hashes to `hash` and carries `number`.
 */
export function headerProblem(h: RpcHeader, number: number, hash: string): string | null {
  const n = headerNumber(h);
  if (n !== number) return `header of ${hash} carries number ${n}, not ${number}`;
  let computed: string;
  try {
    computed = headerHash(h);
  } catch (e) {
    return `header does not encode: ${(e as Error).message}`;
  }
  if (computed !== hash.toLowerCase()) return `header hashes to ${computed}, not to the block hash ${hash}`;
  return null;
}
