/**
 * `node scripts/bench-keys.ts`: time to build one block's storage keys (129 netuids x the per-subnet series maps,
 * plus the plain items) with the project's own key building (twox128 prefixes + hasher + SCALE key, keys.ts)
 * and with @polkadot/types' storage decoration of the same metadata (decorateStorage: createType of the key type,
 * then the hasher), on the real Finney metadata in ../shared/chain/metadata. Figures are printed, not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { decorateStorage } from '@polkadot/types/metadata/decorate';
import { compactStripLength, stringCamelCase, u8aToHex } from '@polkadot/util';
import { mapKey, uintLE } from './snapshot/keys.ts';
import { Runtime } from './snapshot/runtime.ts';
import { GLOBAL_ITEMS, SERIES_MAPS } from './snapshot/read.ts';

const DIR = process.env.TAOPROOF_METADATA_DIR ?? path.resolve(import.meta.dirname, '../../shared/chain/metadata');
const NETUIDS = 129;
const ROUNDS = 50;
for (const spec of [219, 424]) {
  const file = path.join(DIR, `finney-${spec}.scale`);
  if (!existsSync(file)) throw new Error(`${file} not found`);
  const hex = u8aToHex(readFileSync(file));
  const rt = new Runtime(spec, hex);
  const registry = new TypeRegistry();
  const md = new Metadata(registry, hex as `0x${string}`);
  registry.setMetadata(md);
  const storage = decorateStorage(registry, md.asLatest, md.version);
  const maps = SERIES_MAPS.map(([p, i]) => rt.uintMap(p, i)).filter((x) => x !== null);
  const plains = GLOBAL_ITEMS.map(([p, i]) => rt.plain(p, i)).filter((x) => x !== null);
  const own = () => {
    const keys = plains.map((i) => rt.keyOf(i));
    for (let n = 0; n < NETUIDS; n++) for (const m of maps) keys.push(mapKey(m.prefix, m.hasher!, uintLE(n, m.keyUintBytes!)));
    return keys;
  };
  const fns = (list: typeof maps) => list.map((i) => (storage as any)[stringCamelCase(i.pallet)][stringCamelCase(i.item)]);
  const mapFns = fns(maps);
  const plainFns = fns(plains);
  const lib = () => {
    const keys = plainFns.map((f) => u8aToHex(compactStripLength(f())[1]));
    for (let n = 0; n < NETUIDS; n++) for (const f of mapFns) keys.push(u8aToHex(compactStripLength(f(n))[1]));
    return keys;
  };
  if (own().join() !== lib().join()) throw new Error(`spec ${spec}: the two ways build different keys`);
  for (const [name, fn] of [['own (keys.ts)', own], ['@polkadot/types decoration', lib]] as const) {
    fn();
    const t0 = performance.now();
    for (let r = 0; r < ROUNDS; r++) fn();
    const ms = (performance.now() - t0) / ROUNDS;
    console.log(`spec ${spec}: ${name}: ${own().length} keys per block in ${ms.toFixed(2)} ms (${((ms * 1000) / own().length).toFixed(1)} µs/key)`);
  }
}
