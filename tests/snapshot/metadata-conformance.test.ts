/**
 * The snapshot reader against Finney's real runtime metadata (../shared/chain/metadata, see its README): for every
 * file, (a) every storage key the reader builds equals the key @polkadot/types' own decoration of that metadata
 * builds, (b) values encoded with that runtime's own types decode to the same numbers and strings through the
 * reader (Runtime.decode, BlockState.plain/entry/sum, asBigInt/asText/field), (c) an item the runtime lacks comes
 * out absent (undefined / null), never 0. The item lists are the reader's own (read.ts), not copies.
 * TAOPROOF_METADATA_DIR overrides the folder (e.g. to check the skip message).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata/decorate';
import type { DecoratedMeta } from '@polkadot/types/metadata/decorate/types';
import type { StorageEntry } from '@polkadot/types/primitive/types';
import type { Codec } from '@polkadot/types/types';
import { compactStripLength, stringCamelCase, u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { blockHashKey, FIXED } from '../../scripts/snapshot/keys.ts';
import { BlockState, GLOBAL_ITEMS, HEAD_MAPS, Reader, SERIES_MAPS, type ItemRef } from '../../scripts/snapshot/read.ts';
import type { RpcClient } from '../../scripts/snapshot/rpc.ts';
import { fakeRpc } from '../helpers/fake-rpc.ts';
import { itemName, SERIES } from '../../src/model/series.ts';
import { asBigInt, asBool, asText, asVec, field, publicKeyHex, Runtime } from '../../scripts/snapshot/runtime.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const METADATA_DIR = process.env.TAOPROOF_METADATA_DIR ?? path.resolve(repoRoot, '../shared/chain/metadata');

/** metadata version of each file, from the folder's README (the table's "metadata version" column) */
const METADATA_VERSION: Record<number, number> = {
  218: 15,
  219: 14,
  315: 15,
  320: 15,
  343: 15,
  365: 16,
  393: 16,
  424: 16,
};

/** Items a runtime lacks, from the folder's README and ../shared/reference/subtensor.md (sections 3 and 5.1). */
const ABSENT: Array<{ ref: ItemRef; specs: (spec: number) => boolean; why: string }> = [
  { ref: ['SubtensorModule', 'SubnetTAO'], specs: (s) => s < 233, why: 'dTAO (spec 233) added it' },
  { ref: ['SubtensorModule', 'SubnetAlphaIn'], specs: (s) => s < 233, why: 'dTAO (spec 233) added it' },
  { ref: ['SubtensorModule', 'SubnetAlphaOut'], specs: (s) => s < 233, why: 'dTAO (spec 233) added it' },
  { ref: ['SubtensorModule', 'SubnetIdentitiesV3'], specs: (s) => s < 283, why: 'added at spec 283' },
  { ref: ['SubtensorModule', 'SubnetIdentitiesV2'], specs: (s) => s < 233, why: 'dTAO (spec 233) added it' },
  { ref: ['SubtensorModule', 'SubnetIdentities'], specs: (s) => s >= 361, why: 'removed at spec 361' },
  { ref: ['SubtensorModule', 'SubnetIdentitiesV2'], specs: (s) => s >= 361, why: 'removed at spec 361' },
  {
    ref: ['SubtensorModule', 'PendingRootDivs'],
    specs: (s) => s < 233 || s >= 334,
    why: 'dTAO (spec 233) added it, spec 334 removed it',
  },
  { ref: ['SenateMembers', 'Members'], specs: (s) => s >= 334, why: 'governance pallets removed at spec 334' },
  { ref: ['TriumvirateMembers', 'Members'], specs: (s) => s >= 334, why: 'governance pallets removed at spec 334' },
];

const NETUIDS = [0, 1, 64, 127, 128, 65535];
const BLOCKS = [0, 1, 4_898_328, 2 ** 32 - 1];

function metadataMissing(): string | null {
  if (existsSync(METADATA_DIR) && readdirSync(METADATA_DIR).some((f) => f.endsWith('.scale'))) return null;
  return (
    `metadata conformance tests skipped: no *.scale file in ${METADATA_DIR}. It holds Finney's runtime metadata ` +
    '(finney-<spec>.scale, raw SCALE bytes starting with "meta"; see its README); put it in ../shared/chain/metadata/ ' +
    'beside this repository, or point TAOPROOF_METADATA_DIR at it.'
  );
}

const missing = metadataMissing();
if (missing) console.warn(missing);
const files = missing
  ? []
  : readdirSync(METADATA_DIR)
      .filter((f) => f.endsWith('.scale'))
      .sort();

/** @polkadot/types' own view of one metadata file: the reference the reader is checked against. */
function reference(hex: string) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, hex as `0x${string}`);
  registry.setMetadata(metadata, undefined, undefined, true); // no warning about Subtensor's own signed extensions
  return { registry, metadata, decorated: expandMetadata(registry, metadata) };
}

function entryOf(d: DecoratedMeta, [pallet, item]: ItemRef): StorageEntry | undefined {
  const e = (d.query as Record<string, Record<string, StorageEntry> | undefined>)[stringCamelCase(pallet)]?.[
    stringCamelCase(item)
  ];
  if (e) expect(e.meta.name.toString(), `${pallet}.${item}`).toBe(item);
  return e;
}

/** The key as the decoration builds it (the entry function returns it with a SCALE length prefix). */
function libKey(e: StorageEntry, ...args: unknown[]): string {
  return u8aToHex(compactStripLength(e(...args))[1]);
}

/** Bit width of a map's key type when it is an unsigned integer (NetUid(u16) unwrapped), else null. */
function keyBits(registry: TypeRegistry, e: StorageEntry): number | null {
  if (!e.meta.type.isMap || e.meta.type.asMap.hashers.length !== 1) return null;
  let def = registry.lookup.getSiType(e.meta.type.asMap.key).def;
  while (def.isComposite && def.asComposite.fields.length === 1)
    def = registry.lookup.getSiType(def.asComposite.fields[0].type).def;
  if (!def.isPrimitive) return null;
  const m = /^U(8|16|32|64|128)$/.exec(def.asPrimitive.type);
  return m ? Number(m[1]) : null;
}

function valueType(registry: TypeRegistry, e: StorageEntry): string {
  const t = e.meta.type;
  return registry.createLookupType(t.isPlain ? t.asPlain : t.asMap.value);
}

/** Bytes / Vec<u8> take a hex string as the raw bytes (a Uint8Array would be read as length-prefixed SCALE) */
const utf8Hex = (s: string) => u8aToHex(new TextEncoder().encode(s));

const ACCOUNTS = [1, 2, 3].map((i) => Uint8Array.from({ length: 32 }, (_, j) => (i * 37 + j * 11) % 256));
const ADDRESSES = ACCOUNTS.map((a) => encodeAddress(a, 42));

type Kind = 'int' | 'bool' | 'accounts' | 'authorities' | 'account' | 'text' | 'identity';
/**
 * How each item the reader reads is checked. A daily series summed or read as a number (every entry of the series
 * table, src/model/series.ts, except counts of a Vec) is an unsigned integer, so a series added to the table needs no
 * line here; the items below are the others.
 */
const INTEGER_SERIES_ITEMS = new Set(
  Object.values(SERIES).flatMap((d) => (d.aggregate === 'count' ? [] : d.storage.map(itemName))),
);
const KIND: Record<string, Kind> = {
  ...Object.fromEntries([...INTEGER_SERIES_ITEMS].map((i) => [i, 'int' as const])),
  'SubtensorModule.SubnetAlphaIn': 'int',
  'SubtensorModule.SubnetAlphaOut': 'int',
  'SubtensorModule.SubnetMechanism': 'int',
  'SubtensorModule.NetworkRegisteredAt': 'int',
  'SubtensorModule.NetworksAdded': 'bool',
  'SenateMembers.Members': 'accounts',
  'TriumvirateMembers.Members': 'accounts',
  'Aura.Authorities': 'authorities',
  'Sudo.Key': 'account',
  'SubtensorModule.SubnetOwner': 'account',
  'SubtensorModule.TokenSymbol': 'text',
  'SubtensorModule.SubnetIdentitiesV3': 'identity',
  'SubtensorModule.SubnetIdentitiesV2': 'identity',
  'SubtensorModule.SubnetIdentities': 'identity',
};

/**
 * A sample value for an item (varied by `seed`), its encoding with the runtime's own registry, and a check of what
 * the reader decoded.
 */
function sample(
  registry: TypeRegistry,
  type: string,
  kind: Kind,
  seed: number,
): { hex: string; check: (c: Codec, rt: Runtime) => void } {
  const enc = (v: unknown) => u8aToHex(registry.createType(type, v).toU8a());
  switch (kind) {
    case 'int': {
      const bytes = registry.createType(type).toU8a().length;
      // the largest value of the width minus the seed: every byte of the encoding matters
      const v = (1n << BigInt(8 * bytes)) - 1n - BigInt(seed);
      return { hex: enc(v), check: (c) => expect(asBigInt(c)).toBe(v) };
    }
    case 'bool': {
      const v = seed % 2 === 0;
      return { hex: enc(v), check: (c) => expect(asBool(c)).toBe(v) };
    }
    case 'accounts':
      return { hex: enc(ACCOUNTS), check: (c, rt) => expect(asVec(c).map((a) => rt.address(a))).toEqual(ADDRESSES) };
    case 'authorities':
      return {
        hex: enc(ACCOUNTS.slice(0, 2)),
        check: (c) => expect(asVec(c).map(publicKeyHex)).toEqual(ACCOUNTS.slice(0, 2).map((a) => u8aToHex(a))),
      };
    case 'account':
      return { hex: enc(ACCOUNTS[seed % 3]), check: (c, rt) => expect(rt.address(c)).toBe(ADDRESSES[seed % 3]) };
    case 'text': {
      const v = `τα${seed}`;
      return { hex: enc(utf8Hex(v)), check: (c) => expect(asText(c)).toBe(v) };
    }
    case 'identity': {
      const name = `Subnet ${seed} ✓`;
      const v = { subnetName: utf8Hex(name), githubRepo: utf8Hex('https://example.org/x') };
      return {
        hex: enc(v),
        check: (c) => {
          const f = field(c, 'subnet_name');
          expect(f).not.toBeNull();
          expect(asText(f!)).toBe(name);
        },
      };
    }
  }
}

describe.skipIf(missing !== null)('the reader on Finney runtime metadata', () => {
  it('has a file for each runtime of the README table, and only those', () => {
    expect(files.map((f) => Number(/^finney-(\d+)\.scale$/.exec(f)?.[1]))).toEqual(
      Object.keys(METADATA_VERSION).map(Number),
    );
  });

  describe.each(files)('%s', (file) => {
    const spec = Number(/^finney-(\d+)\.scale$/.exec(file)![1]);
    const hex = u8aToHex(readFileSync(path.join(METADATA_DIR, file)));
    const ref = reference(hex);
    const rt = new Runtime(spec, hex);
    const lists = [...GLOBAL_ITEMS, ...SERIES_MAPS, ...HEAD_MAPS];

    it('is the metadata version its README says, of that spec', () => {
      expect(ref.metadata.version).toBe(METADATA_VERSION[spec]);
      // the runtime's own System.Version constant names the spec
      expect((ref.decorated.consts.system.version as unknown as { specVersion: Codec }).specVersion.toString()).toBe(
        String(spec),
      );
      expect(rt.specVersion).toBe(spec);
    });

    it('reads the timing constants the day search relies on', () => {
      expect(rt.minimumPeriodMs).toBe(Number(ref.decorated.consts.timestamp.minimumPeriod.toString()));
      const aura = ref.decorated.consts.aura as Record<string, Codec> | undefined;
      if (aura?.slotDuration) expect(rt.slotMs).toBe(Number(aura.slotDuration.toString()));
      else expect(rt.slotMs).toBe(rt.minimumPeriodMs! * 2);
    });

    it('builds the fixed keys as the decoration does', () => {
      const q = ref.decorated.query;
      expect(FIXED.lastRuntimeUpgrade).toBe(libKey(q.system.lastRuntimeUpgrade));
      expect(FIXED.now).toBe(libKey(q.timestamp.now));
      expect(FIXED.blockHashPrefix).toBe(u8aToHex(q.system.blockHash.keyPrefix()));
      for (const n of BLOCKS) expect(blockHashKey(n), `System.BlockHash[${n}]`).toBe(libKey(q.system.blockHash, n));
    });

    it('builds every key of every item the reader reads as the decoration does', () => {
      let mapsChecked = 0;
      for (const r of GLOBAL_ITEMS) {
        const e = entryOf(ref.decorated, r);
        const info = rt.plain(r[0], r[1]);
        if (!e || !e.meta.type.isPlain) expect(info, `${r.join('.')} is not a plain item at spec ${spec}`).toBeNull();
        else expect(rt.keyOf(info!), r.join('.')).toBe(libKey(e));
      }
      for (const r of [...SERIES_MAPS, ...HEAD_MAPS]) {
        const e = entryOf(ref.decorated, r);
        const bits = e ? keyBits(ref.registry, e) : null;
        const info = rt.uintMap(r[0], r[1]);
        if (bits === null) {
          expect(info, `${r.join('.')} is not an integer-keyed map at spec ${spec}`).toBeNull();
          continue;
        }
        expect(info, r.join('.')).not.toBeNull();
        expect(info!.prefix).toBe(u8aToHex(e!.keyPrefix()));
        for (const n of NETUIDS.filter((x) => x < 2 ** bits))
          expect(rt.keyOf(info!, n), `${r.join('.')}[${n}]`).toBe(libKey(e!, n));
        mapsChecked++;
      }
      expect(mapsChecked).toBeGreaterThan(0);
    });

    it("builds a block's whole key list as the decoration does", () => {
      const reader = new Reader({} as RpcClient); // key building needs no client
      const netuids = [0, 1, 64, 127, 128, 65535];
      const lib = (refs: readonly ItemRef[], plain: boolean) =>
        refs.flatMap((r) => {
          const e = entryOf(ref.decorated, r);
          if (!e) return [];
          if (plain) return e.meta.type.isPlain ? [libKey(e)] : [];
          return keyBits(ref.registry, e) === null ? [] : netuids.map((n) => libKey(e, n));
        });
      const sorted = (a: string[]) => [...a].sort();
      expect(sorted(reader.seriesKeys(rt, netuids))).toEqual(
        sorted([...lib(GLOBAL_ITEMS, true), ...lib(SERIES_MAPS, false)]),
      );
      expect(sorted(reader.mapKeys(rt, HEAD_MAPS, netuids))).toEqual(sorted(lib(HEAD_MAPS, false)));
      // NetUid is a u16 on the wire in every runtime (a transparent newtype where it exists), so netuid 65535 has a key
      expect(keyBits(ref.registry, entryOf(ref.decorated, ['SubtensorModule', 'NetworksAdded'])!)).toBe(16);
    });

    it('reads the netuid back from a key the decoration built (keys listed by state_getKeysPaged)', () => {
      for (const r of [...SERIES_MAPS, ...HEAD_MAPS]) {
        const e = entryOf(ref.decorated, r);
        const info = rt.uintMap(r[0], r[1]);
        if (!e || !info) continue;
        for (const n of NETUIDS.filter((x) => x < 2 ** keyBits(ref.registry, e)!))
          expect(rt.netuidOfKey(info, libKey(e, n)), `${r.join('.')}[${n}]`).toBe(n);
      }
      const added = rt.uintMap('SubtensorModule', 'NetworksAdded')!;
      const other = rt.uintMap('SubtensorModule', 'NetworkRegisteredAt')!;
      expect(() =>
        rt.netuidOfKey(added, `${libKey(entryOf(ref.decorated, ['SubtensorModule', 'NetworksAdded'])!, 5)}00`),
      ).toThrow(/is not a key of this map/);
      expect(() => rt.netuidOfKey(added, rt.keyOf(other, 5))).toThrow(/NetworksAdded: .* is not a key of this map/);
      expect(() => rt.netuidOfKey(added, added.prefix)).toThrow(/is not a key of this map/);
    });

    it('refuses a netuid its key type cannot hold', () => {
      const info = rt.uintMap('SubtensorModule', 'NetworksAdded')!;
      expect(() => rt.keyOf(info, 65536)).toThrow();
      expect(() => rt.keyOf(info, -1)).toThrow();
    });

    it("decodes values encoded with the runtime's own types to the same numbers and strings", () => {
      const state = new BlockState(1, `0x${'11'.repeat(32)}`);
      state.runtime = rt;
      state.netuids = NETUIDS.filter((n) => n < 2 ** 16);
      const checks: Array<() => void> = [];
      let checked = 0;
      for (const r of lists) {
        const e = entryOf(ref.decorated, r);
        if (!e) continue;
        const kind = KIND[r.join('.')];
        expect(kind, `no sample for ${r.join('.')}: add it to KIND`).toBeDefined();
        const type = valueType(ref.registry, e);
        if (e.meta.type.isPlain) {
          const s = sample(ref.registry, type, kind, 7);
          state.raw.set(libKey(e), s.hex);
          checks.push(() => {
            const c = state.plain(r);
            expect(c, r.join('.')).toBeTruthy();
            s.check(c!, rt);
          });
        } else if (keyBits(ref.registry, e) !== null) {
          const samples = state.netuids.map((n, i) => {
            const s = sample(ref.registry, type, kind, i + 1);
            state.raw.set(libKey(e, n), s.hex);
            return s;
          });
          checks.push(() =>
            state.netuids!.forEach((n, i) => {
              const c = state.entry(r, n);
              expect(c, `${r.join('.')}[${n}]`).toBeTruthy();
              samples[i].check(c!, rt);
            }),
          );
          if (kind === 'int') {
            const values = samples.map(
              (_, i) => (1n << BigInt(8 * ref.registry.createType(type).toU8a().length)) - 2n - BigInt(i),
            );
            const total = values.reduce((a, b) => a + b, 0n);
            checks.push(() => {
              expect(state.sum(r), `sum of ${r.join('.')}`).toBe(total);
              expect(state.sum(r, true), `sum of ${r.join('.')} without root`).toBe(total - values[0]);
            });
          }
        }
      }
      for (const c of checks) {
        c();
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    });

    it('reads no value of an Optional item as null, and a missing value item as its declared default', () => {
      const state = new BlockState(1, `0x${'22'.repeat(32)}`);
      state.runtime = rt;
      state.netuids = [0, 3];
      for (const r of lists) {
        const e = entryOf(ref.decorated, r);
        if (!e || (e.meta.type.isMap && keyBits(ref.registry, e) === null)) continue;
        const keys = e.meta.type.isPlain ? [libKey(e)] : state.netuids.map((n) => libKey(e, n));
        for (const k of keys) state.raw.set(k, null);
        const got = e.meta.type.isPlain ? state.plain(r) : state.entry(r, 3);
        if (e.meta.modifier.isOptional) expect(got, r.join('.')).toBeNull();
        else expect(u8aToHex(got!.toU8a()), r.join('.')).toBe(u8aToHex(e.meta.fallback.toU8a(true)));
      }
    });

    it('reads an item this runtime lacks as absent, never 0', () => {
      const state = new BlockState(1, `0x${'33'.repeat(32)}`);
      state.runtime = rt;
      state.netuids = [0, 1];
      let absent = 0;
      for (const r of lists) {
        if (entryOf(ref.decorated, r)) continue;
        absent++;
        expect(rt.item(r[0], r[1]), r.join('.')).toBeNull();
        expect(state.plain(r), r.join('.')).toBeUndefined();
        expect(state.entry(r, 1), r.join('.')).toBeUndefined();
        expect(state.sum(r), r.join('.')).toBeNull();
      }
      for (const a of ABSENT.filter((x) => x.specs(spec))) {
        expect(entryOf(ref.decorated, a.ref), `${a.ref.join('.')} at spec ${spec}: ${a.why}`).toBeUndefined();
        expect(state.entry(a.ref, 1) ?? state.plain(a.ref), `${a.ref.join('.')} at spec ${spec}`).toBeUndefined();
      }
      // present where no rule says absent
      const lacking = new Set(ABSENT.filter((x) => x.specs(spec)).map((x) => x.ref.join('.')));
      for (const a of ABSENT.filter((x) => !lacking.has(x.ref.join('.'))))
        expect(entryOf(ref.decorated, a.ref), `${a.ref.join('.')} at spec ${spec}`).toBeDefined();
      if (spec < 233 || spec >= 334) expect(absent).toBeGreaterThan(0);
    });
  });
});

describe.skipIf(missing !== null)('Reader.read on Finney runtime metadata', () => {
  it.each(files.filter((f) => /finney-(219|424)\.scale$/.test(f)))(
    '%s: finds the runtime, the subnets beyond the candidates and their values',
    async (file) => {
      const spec = Number(/^finney-(\d+)\.scale$/.exec(file)![1]);
      const hex = u8aToHex(readFileSync(path.join(METADATA_DIR, file)));
      const { registry, decorated } = reference(hex);
      const q = decorated.query as Record<string, Record<string, StorageEntry>>;
      const N = 5000;
      const hashes = new Map(
        Array.from({ length: 4 }, (_, i) => [N - i, `0x${String(N - i).padStart(64, '0')}`] as const),
      );
      const storage = new Map<string, string>();
      const put = (e: StorageEntry, value: unknown, ...args: unknown[]) =>
        storage.set(libKey(e, ...args), u8aToHex(registry.createType(valueType(registry, e), value).toU8a()));
      storage.set(
        libKey(q.system.lastRuntimeUpgrade),
        u8aToHex(
          registry.createType('LastRuntimeUpgradeInfo', { specVersion: spec, specName: 'node-subtensor' }).toU8a(),
        ),
      );
      put(q.timestamp.now, 1_700_000_000_000n);
      for (const [n, h] of hashes) if (n < N) put(q.system.blockHash, h, n);
      // subnets 0, 1, 2 and 200: 200 is beyond the 64 netuids read blindly, found through NetworksAdded's keys
      const netuids = [0, 1, 2, 200];
      for (const n of netuids) put(q.subtensorModule.networksAdded, true, n);
      put(q.subtensorModule.totalNetworks, netuids.length);
      const tao = entryOf(decorated, ['SubtensorModule', 'SubnetTAO']); // absent before dTAO
      if (tao) for (const n of netuids) put(tao, 1000n * BigInt(n) + 7n, n);
      // keys from the runtime's decoration, values from its own types (@polkadot/types)
      const { client, calls } = fakeRpc({
        metadataHex: hex,
        spec,
        storage,
        blockHash: (n) => hashes.get(n) ?? null,
      });

      // the fake node serves no proofs (they are tested against the Finney-like node, tests/chain/finney-like.test.ts)
      const state = await new Reader(client, 42, { trustNode: true }).read(N, null);
      expect(state.specVersion).toBe(spec);
      expect(state.ts).toBe(1_700_000_000_000);
      expect(state.netuids).toEqual(netuids);
      expect(calls).toContain('state_getKeysPaged');
      if (tao) expect(state.sum(['SubtensorModule', 'SubnetTAO'], true)).toBe(1000n * (1n + 2n + 200n) + 3n * 7n);
      else expect(state.sum(['SubtensorModule', 'SubnetTAO'], true)).toBeNull();
      expect(state.int(['SubtensorModule', 'TotalNetworks'])).toBe(4n);
    },
  );
});
