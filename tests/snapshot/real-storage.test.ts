/**
 * Raw Finney storage values recorded by others (../shared/real-data/bittensor-sdk-rpc-storage.json: keys, values and
 * blocks from the bittensor SDK's recorded RPC replies) decode through the reader's own decoding (runtime.ts, read.ts)
 * with the metadata of the runtime that executed their block (specs 315, 320, 343 in ../shared/chain/metadata/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { BlockState } from '../../scripts/snapshot/read.ts';
import { Runtime } from '../../scripts/snapshot/runtime.ts';

const FILE = '../shared/real-data/bittensor-sdk-rpc-storage.json';
const METADATA = process.env.TAOPROOF_METADATA_DIR ?? '../shared/chain/metadata';
interface Entry {
  network: string;
  blockNumber: number;
  blockHash: string;
  item: string;
  key: string;
  value: string | null;
}
const entries: Entry[] = existsSync(FILE)
  ? (JSON.parse(readFileSync(FILE, 'utf8')) as Entry[]).filter((e) => e.network !== 'testnet')
  : [];
/**
 * The runtime that executed a block, from ../shared/real-data/finney-spec-version-brackets.csv: 315 up to 6,522,269,
 * 320 from 6,530,367 (its parent's spec) to 6,553,223, 343 at 6,852,690 (its parent's spec).
 */
const specOf = (n: number) => (n <= 6_522_269 ? 315 : n <= 6_553_223 ? 320 : 343);
const runtimes = new Map<number, Runtime>();
const runtime = (spec: number) => {
  let rt = runtimes.get(spec);
  if (!rt) {
    rt = new Runtime(spec, u8aToHex(readFileSync(path.join(METADATA, `finney-${spec}.scale`))));
    runtimes.set(spec, rt);
  }
  return rt;
};

describe.skipIf(!entries.length || !existsSync(METADATA))(`real Finney storage values (${FILE})`, () => {
  it('every value decodes exactly with its block runtime, under a key of its item', () => {
    expect(entries.length).toBe(534);
    const specs = new Set<number>();
    for (const e of entries) {
      const spec = specOf(e.blockNumber);
      specs.add(spec);
      const rt = runtime(spec);
      const [pallet, item] = e.item.split('.');
      const info = rt.item(pallet, item);
      expect(info, `${e.item} at spec ${spec}`).not.toBeNull();
      expect(e.key.startsWith(info!.prefix), `${e.item}: ${e.key}`).toBe(true);
      const c = rt.decode(info!, e.value); // pedantic: re-encoding gives the same bytes
      if (e.value !== null) expect(u8aToHex(c!.toU8a()), `${e.item} #${e.blockNumber}`).toBe(e.value);
    }
    expect([...specs].sort()).toEqual([315, 320, 343]);
  });

  it("reads the netuid-keyed values as the snapshot does (BlockState's plain values)", () => {
    for (const e of entries.filter((x) => ['Swap.AlphaSqrtPrice', 'SubtensorModule.NetworksAdded'].includes(x.item))) {
      const rt = runtime(specOf(e.blockNumber));
      const [pallet, item] = e.item.split('.');
      const info = rt.uintMap(pallet, item)!;
      const netuid = rt.netuidOfKey(info, e.key);
      const state = new BlockState(e.blockNumber, e.blockHash);
      state.runtime = rt;
      state.raw.set(e.key, e.value);
      if (item === 'NetworksAdded') expect(state.flag([pallet, item], netuid)).toBe(true);
      // U64F64 as its raw bits: a positive integer below 2^128
      else expect(state.int([pallet, item], netuid)! > 0n, `${e.item}[${netuid}]`).toBe(true);
    }
  });
});
