import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerHash, headerProblem, type RpcHeader } from '../../scripts/snapshot/header.ts';

const FILE = '../shared/real-data/bittensor-sdk-rpc-headers.json';
interface Recorded {
  network: string;
  number: number;
  hash: string;
  parentHash: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digestLogs: string[];
}
const recorded: Recorded[] = existsSync(FILE)
  ? (JSON.parse(readFileSync(FILE, 'utf8')) as { headers: Recorded[] }).headers.filter((h) => h.network !== 'testnet')
  : [];
const rpc = (h: Recorded): RpcHeader => ({
  parentHash: h.parentHash,
  number: `0x${h.number.toString(16)}`,
  stateRoot: h.stateRoot,
  extrinsicsRoot: h.extrinsicsRoot,
  digest: { logs: h.digestLogs },
});

describe.skipIf(!recorded.length)(`block header hash (${FILE})`, () => {
  it('every Finney header hashes to its recorded hash', () => {
    expect(recorded.length).toBe(49);
    for (const h of recorded) expect(headerHash(rpc(h)), `#${h.number}`).toBe(h.hash);
    for (const h of recorded) expect(headerProblem(rpc(h), h.number, h.hash)).toBeNull();
  });

  it('a header with one byte or its number changed does not', () => {
    for (const h of recorded.slice(0, 10)) {
      const r = rpc(h);
      const flipped = { ...r, stateRoot: r.stateRoot.slice(0, -1) + (r.stateRoot.endsWith('0') ? '1' : '0') };
      expect(headerHash(flipped)).not.toBe(h.hash);
      expect(headerProblem(flipped, h.number, h.hash)).toMatch(/hashes to 0x[0-9a-f]{64}, not to the block hash/);
      const log = r.digest.logs[0];
      const digest = { logs: [log.slice(0, -1) + (log.endsWith('0') ? '1' : '0'), ...r.digest.logs.slice(1)] };
      expect(headerHash({ ...r, digest })).not.toBe(h.hash);
      const renumbered = { ...r, number: `0x${(h.number + 1).toString(16)}` };
      expect(headerHash(renumbered)).not.toBe(h.hash);
      expect(headerProblem(renumbered, h.number, h.hash)).toBe(
        `header of ${h.hash} carries number ${h.number + 1}, not ${h.number}`,
      );
      expect(headerProblem(r, h.number + 1, h.hash)).toMatch(/carries number/);
    }
  });
});
