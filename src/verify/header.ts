/**
 * A block header from its SCALE bytes (Substrate's `Header<u32, BlakeTwo256>`: parent hash, compact number, state
 * root, extrinsics root, digest), decoded just enough to give its number and state root and to refuse bytes that
 * are not a header; its hash is blake2-256 over those bytes.
 */
import { bytesToHex, hexToBytes, Reader } from './bytes.ts';
import { blake2_256 } from './hash.ts';

export interface Header {
  parentHash: string;
  number: number;
  stateRoot: string;
  extrinsicsRoot: string;
  /** the digest items, each as its SCALE hex (`DigestItem`) */
  logs: string[];
  /** blake2-256 of the SCALE bytes: the block hash */
  hash: string;
}

/** DigestItem variants (sp-runtime generic/digest.rs): index -> how many engine-id + bytes fields follow. */
const DIGEST: Record<number, 'bytes' | 'engine-bytes' | 'none'> = {
  0: 'bytes', // Other
  4: 'engine-bytes', // Consensus
  5: 'engine-bytes', // Seal
  6: 'engine-bytes', // PreRuntime
  8: 'none', // RuntimeEnvironmentUpdated
};

/** The header of SCALE hex `hex`; throws a message naming the field that does not decode. */
export function decodeHeader(hex: string): Header {
  const bytes = hexToBytes(hex);
  const r = new Reader(bytes);
  const field = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (e) {
      throw new Error(`header.${name}: ${(e as Error).message}`, { cause: e });
    }
  };
  const parentHash = field('parentHash', () => bytesToHex(r.take(32)));
  const n = field('number', () => r.compact());
  if (n > 0xffffffffn) throw new Error(`header.number: ${n} is not a u32`);
  const stateRoot = field('stateRoot', () => bytesToHex(r.take(32)));
  const extrinsicsRoot = field('extrinsicsRoot', () => bytesToHex(r.take(32)));
  const logs = field('digest', () => {
    const out: string[] = [];
    const count = r.length();
    for (let i = 0; i < count; i++) {
      const start = r.pos;
      const kind = DIGEST[r.byte()];
      if (!kind) throw new Error(`log ${i}: unknown digest item 0x${bytes[start].toString(16)}`);
      if (kind === 'engine-bytes') r.take(4);
      if (kind !== 'none') r.lengthPrefixed();
      out.push(bytesToHex(bytes.subarray(start, r.pos)));
    }
    return out;
  });
  if (!r.done()) throw new Error(`header: ${bytes.length - r.pos} bytes after the digest`);
  return { parentHash, number: Number(n), stateRoot, extrinsicsRoot, logs, hash: bytesToHex(blake2_256(bytes)) };
}
