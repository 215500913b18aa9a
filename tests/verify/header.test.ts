/**
 * The verifier's header decoding and hash on Finney's real headers (../shared/real-data/bittensor-sdk-rpc-headers.json,
 * 49 Finney and 21 testnet): SCALE-encoded by @polkadot/types (scripts/snapshot/header.ts), each decodes to its own
 * number, roots and digest and hashes to its recorded hash. Bytes that are not a header are refused by field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, test } from 'vitest';
import { encodeHeader } from '../../scripts/snapshot/header.ts';
import { decodeHeader } from '../../src/verify/header.ts';
import { ROOT } from '../../testing/project.ts';

interface Recorded {
  network: string;
  number: number;
  hash: string;
  parentHash: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digestLogs: string[];
}
const FILE = path.resolve(ROOT, '../shared/real-data/bittensor-sdk-rpc-headers.json');
const headers = (JSON.parse(readFileSync(FILE, 'utf8')) as { headers: Recorded[] }).headers;
const scale = (h: Recorded) =>
  u8aToHex(
    encodeHeader({
      parentHash: h.parentHash,
      number: h.number,
      stateRoot: h.stateRoot,
      extrinsicsRoot: h.extrinsicsRoot,
      digest: { logs: h.digestLogs },
    }),
  );

describe('headers', () => {
  test('the 49 real Finney headers (and 21 testnet ones) hash to their recorded hashes', () => {
    expect(headers.filter((h) => h.network === 'finney')).toHaveLength(49);
    for (const h of headers) {
      const d = decodeHeader(scale(h));
      expect(d, `${h.network} block ${h.number}`).toEqual({
        parentHash: h.parentHash,
        number: h.number,
        stateRoot: h.stateRoot,
        extrinsicsRoot: h.extrinsicsRoot,
        logs: h.digestLogs,
        hash: h.hash,
      });
    }
  });

  test('bytes that are not a header are refused, naming the field', () => {
    const hex = scale(headers.find((h) => h.network === 'finney')!);
    expect(() => decodeHeader(`${hex}00`)).toThrow(/header: 1 bytes after the digest/);
    expect(() => decodeHeader(hex.slice(0, -2))).toThrow(/header\.digest: ends early/);
    expect(() => decodeHeader(hex.slice(0, 2 + 64 + 8 + 20))).toThrow(/header\.stateRoot: ends early/);
    // the first digest item's variant byte made 7 (not a DigestItem)
    const d = decodeHeader(hex);
    const body = hex.slice(0, hex.length - d.logs.map((l) => l.slice(2)).join('').length);
    expect(() => decodeHeader(`${body}07${hex.slice(body.length + 2)}`)).toThrow(
      /header\.digest: log 0: unknown digest item 0x7/,
    );
    expect(() => decodeHeader('0x12')).toThrow(/header\.parentHash: ends early/);
  });
});
