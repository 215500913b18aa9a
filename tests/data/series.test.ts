/**
 * The one table of series (src/model/series.ts) against Finney's real metadata (../shared/chain/metadata), and the
 * reader + builder derived from it, run on each of those runtimes through a fake node whose keys and values are
 * built by @polkadot/types' own storage decoration (not by the reader's key code).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, test } from 'vitest';
import { current, seriesPoint } from '../../scripts/snapshot/build.ts';
import { GLOBAL_ITEMS, HEAD_MAPS, Reader, SERIES_MAPS } from '../../scripts/snapshot/read.ts';
import { fakeNode, H } from '../helpers/fake-rpc.ts';
import { Runtime } from '../../scripts/snapshot/runtime.ts';
import { Current, SeriesPoint, SubnetDayRow, SubnetRow } from '../../src/model/schema.ts';
import {
  CURRENT_FIELD_NAMES,
  describeSeries,
  GOVERNANCE_ITEMS,
  isPlainAggregate,
  itemName,
  NETUIDS_ITEM,
  SERIES,
  SERIES_FIELD_NAMES,
  SERIES_FIELDS,
  type SeriesDef,
  type StorageSpan,
} from '../../src/model/series.ts';
import { SUBNET_COLUMNS, SUBNET_ITEMS } from '../../src/model/columns.ts';

const META_DIR = new URL('../../../shared/chain/metadata/', import.meta.url);
const files = existsSync(META_DIR) ? readdirSync(META_DIR).filter((f) => /^finney-\d+\.scale$/.test(f)) : [];
const specOf = (f: string) => Number(/(\d+)/.exec(f)![1]);
const metadataHex = (f: string) => u8aToHex(readFileSync(new URL(f, META_DIR)));
const defs = SERIES as Record<string, SeriesDef>;
const covers = (s: StorageSpan, spec: number) =>
  (s.fromSpec === null || spec >= s.fromSpec) && (s.toSpec === null || spec <= s.toSpec);

describe('the series table', () => {
  test('each series has a label, a description, a unit and spans that do not overlap', () => {
    for (const [f, d] of Object.entries(defs)) {
      expect(d.label.length, f).toBeGreaterThan(0);
      expect(d.description.length, f).toBeGreaterThan(20);
      expect(d.storage.length, f).toBeGreaterThan(0);
      const ranges = d.storage.map((s) => [s.fromSpec ?? 0, s.toSpec ?? Infinity]).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < ranges.length; i++)
        expect(ranges[i][0] > ranges[i - 1][1], `${f}: overlapping spans`).toBe(true);
      for (const s of d.storage)
        if (s.fromSpec !== null && s.toSpec !== null) expect(s.toSpec, f).toBeGreaterThanOrEqual(s.fromSpec);
    }
  });

  test('provenance strings are the ones committed data already cite', () => {
    // these strings are stored in snapshot files (current.*.source.item, chart CSVs): they must not drift
    expect(Object.fromEntries(SERIES_FIELD_NAMES.map((f) => [f, SERIES_FIELDS[f].item]))).toMatchObject({
      totalIssuance: 'SubtensorModule.TotalIssuance',
      balancesIssuance: 'Balances.TotalIssuance',
      totalStake: 'SubtensorModule.TotalStake',
      rootStake: 'SubtensorModule.SubnetTAO[0]',
      subnetTao: 'Σ SubtensorModule.SubnetTAO[netuid>0]',
      subnetCount: 'SubtensorModule.TotalNetworks',
      taoInEmission: 'Σ SubtensorModule.SubnetTaoInEmission',
      excessTao: 'Σ SubtensorModule.SubnetExcessTao',
      pendingRootDivs: 'Σ SubtensorModule.PendingRootDivs',
      taoWeight: 'SubtensorModule.TaoWeight',
      subnetOwnerCut: 'SubtensorModule.SubnetOwnerCut',
      senateSize: 'SenateMembers.Members',
      triumvirateSize: 'TriumvirateMembers.Members',
      authorityCount: 'Aura.Authorities',
    });
    expect(SUBNET_ITEMS.tao).toBe('SubtensorModule.SubnetTAO');
    expect(CURRENT_FIELD_NAMES).toEqual([
      'totalIssuance',
      'balancesIssuance',
      'totalStake',
      'rootStake',
      'subnetTao',
      'subnetCount',
      'taoWeight',
      'subnetOwnerCut',
    ]);
  });

  test('the schema takes its field lists from the table', () => {
    expect(Object.keys(SeriesPoint.shape.values.shape)).toEqual(SERIES_FIELD_NAMES);
    const point = {
      date: '2025-01-01',
      block: 1,
      hash: `0x${'a'.repeat(64)}`,
      specVersion: 218,
      values: Object.fromEntries(SERIES_FIELD_NAMES.map((f) => [f, '1'])),
    };
    expect(SeriesPoint.safeParse(point).success).toBe(true);
    expect(SeriesPoint.safeParse({ ...point, values: { ...point.values, notASeries: '1' } }).success).toBe(false);
    expect(Object.keys(Current.shape)).toEqual(CURRENT_FIELD_NAMES);
    expect(Object.keys(SubnetRow.shape)).toEqual(['netuid', ...Object.keys(SUBNET_COLUMNS)]);
    expect(Object.keys(SubnetDayRow.shape)).toEqual([
      'netuid',
      ...Object.entries(SUBNET_COLUMNS)
        .filter(([, c]) => c.daily)
        .map(([k]) => k),
    ]);
  });

  test('a point written before a series was added still validates: the new key is missing (not read), not null', () => {
    const values = Object.fromEntries(SERIES_FIELD_NAMES.filter((f) => f !== 'excessTao').map((f) => [f, '1']));
    const parsed = SeriesPoint.parse({
      date: '2025-01-01',
      block: 1,
      hash: `0x${'a'.repeat(64)}`,
      specVersion: 218,
      values,
    });
    expect('excessTao' in parsed.values).toBe(false);
  });

  test('the reader reads every item of the table, and only those', () => {
    const plain = Object.values(defs).flatMap((d) => (isPlainAggregate(d.aggregate) ? d.storage.map(itemName) : []));
    const maps = Object.values(defs).flatMap((d) => (isPlainAggregate(d.aggregate) ? [] : d.storage.map(itemName)));
    const columns = Object.values(SUBNET_COLUMNS).flatMap((c) => c.storage.map(itemName));
    const read = (refs: ReadonlyArray<readonly [string, string]>) => refs.map(([p, i]) => `${p}.${i}`);
    expect(new Set(read(GLOBAL_ITEMS))).toEqual(new Set([...plain, ...GOVERNANCE_ITEMS.map(itemName)]));
    expect(read(SERIES_MAPS)[0]).toBe(itemName(NETUIDS_ITEM));
    expect(new Set([...read(SERIES_MAPS), ...read(HEAD_MAPS)])).toEqual(
      new Set([itemName(NETUIDS_ITEM), ...maps, ...columns]),
    );
    expect(read(HEAD_MAPS).filter((i) => read(SERIES_MAPS).includes(i))).toEqual([]);
  });

  test('describeSeries names the label, the items with their specs and the unit', () => {
    expect(describeSeries('pendingRootDivs')).toMatch(
      /^Pending root dividends \(TAO\): .+ Read from SubtensorModule\.PendingRootDivs \(specs 233–333\), Σ over all netuids; RAO/,
    );
    expect(describeSeries('totalIssuance')).toContain('SubtensorModule.TotalIssuance (all specs)');
  });
});

describe.skipIf(files.length === 0)('spans against the real Finney metadata', () => {
  test.each(files)('%s declares exactly the items the table says for its spec, with the right shape', (file) => {
    const spec = specOf(file);
    const rt = new Runtime(spec, metadataHex(file));
    const problems: string[] = [];
    const check = (what: string, s: StorageSpan, plain: boolean) => {
      const info = plain ? rt.plain(s.pallet, s.item) : rt.uintMap(s.pallet, s.item);
      const declared = rt.item(s.pallet, s.item) !== null;
      if (covers(s, spec) && !info)
        problems.push(`${what}: ${itemName(s)} expected ${plain ? 'a plain value' : 'a netuid map'} at spec ${spec}`);
      if (!covers(s, spec) && declared)
        problems.push(
          `${what}: ${itemName(s)} declared at spec ${spec}, outside the table's ${s.fromSpec}..${s.toSpec}`,
        );
    };
    for (const [f, d] of Object.entries(defs)) for (const s of d.storage) check(f, s, isPlainAggregate(d.aggregate));
    for (const [c, d] of Object.entries(SUBNET_COLUMNS)) for (const s of d.storage) check(c, s, false);
    check('netuids', NETUIDS_ITEM, false);
    expect(problems).toEqual([]);
  });
});

// ---- the reader and builder, end to end on each real runtime ----

const ACC = (n: number) => `0x${n.toString(16).padStart(2, '0').repeat(32)}`;
const TAO = 1_000_000_000n;

describe.skipIf(files.length === 0)('reader and builder on the real runtimes', () => {
  test.each(files)(
    '%s: every series value, its absence where the runtime lacks the item, and the spec of the block',
    async (file) => {
      const spec = specOf(file);
      const dtao = spec >= 233;
      const gov = spec <= 333;
      const added = [0, 1, 3]; // netuid 2 is not added: its pool values must not be summed
      const tao = [500_000n * TAO, 30_000n * TAO, 99n * TAO, 12_000n * TAO];
      const inEm = [0n, 400_000_000n, 7n, 250_000_000n];
      const divs = [0n, 1_500n * TAO, 5n, 2_000n * TAO];
      const excess = [0n, 100_000_000n, 3n, 50_000_000n];
      const v411 = spec >= 411;
      const n = 4_900_000;
      const { client } = fakeNode(spec, metadataHex(file), n, (q, put) => {
        const sm = q.subtensorModule;
        put(sm.totalIssuance, 7_400_000n * TAO);
        put(q.balances.totalIssuance, 3_100_000n * TAO);
        put(sm.totalStake, 4_300_000n * TAO);
        put(sm.totalNetworks, added.length);
        put(sm.subnetOwnerCut, 11_796);
        put(q.aura.authorities, [ACC(1), ACC(2), ACC(3), ACC(4), ACC(5), ACC(6)]);
        for (const i of [0, 1, 2, 3]) put(sm.networksAdded, added.includes(i), i);
        if (gov) {
          put(q.senateMembers.members, [ACC(7), ACC(8)]);
          put(q.triumvirateMembers.members, [ACC(9), ACC(10), ACC(11)]);
        }
        if (dtao) {
          put(sm.taoWeight, 3_320_413_933_267_719_290n);
          for (const i of [0, 1, 2, 3]) {
            put(sm.subnetTAO, tao[i], i);
            put(sm.subnetTaoInEmission, inEm[i], i);
            put(sm.subnetAlphaIn, 10n * tao[i], i);
            put(sm.subnetAlphaOut, 20n * tao[i], i);
            if (gov) put(sm.pendingRootDivs, divs[i], i);
            if (v411) put(sm.subnetExcessTao, excess[i], i);
          }
        }
      });
      // the fake node serves no proofs (they are tested against the Finney-like node, tests/chain/finney-like.test.ts)
      const reader = new Reader(client, 42, { minCandidates: 16, trustNode: true });
      const state = await reader.read(n, null);
      const p = seriesPoint(state, '2025-03-01');
      expect(SeriesPoint.safeParse(p).success).toBe(true);
      expect(p).toMatchObject({ date: '2025-03-01', block: n, hash: H(n), specVersion: spec });
      const sum = (xs: bigint[], from: number) =>
        added
          .filter((i) => i >= from)
          .reduce((a, i) => a + xs[i], 0n)
          .toString();
      expect(p.values).toEqual({
        totalIssuance: (7_400_000n * TAO).toString(),
        balancesIssuance: (3_100_000n * TAO).toString(),
        totalStake: (4_300_000n * TAO).toString(),
        rootStake: dtao ? tao[0].toString() : null,
        subnetTao: dtao ? sum(tao, 1) : null,
        subnetCount: '3',
        taoInEmission: dtao ? sum(inEm, 0) : null,
        excessTao: v411 ? sum(excess, 0) : null,
        pendingRootDivs: dtao && gov ? sum(divs, 0) : null,
        taoWeight: dtao ? '3320413933267719290' : null,
        subnetOwnerCut: '11796',
        senateSize: gov ? '2' : null,
        triumvirateSize: gov ? '3' : null,
        authorityCount: '6',
      });
      const c = current(state);
      expect(Current.safeParse(c).success).toBe(true);
      expect(Object.keys(c)).toEqual(CURRENT_FIELD_NAMES);
      expect(c.rootStake).toEqual({
        value: dtao ? tao[0].toString() : null,
        unit: 'rao',
        source: { kind: 'chain', block: n, hash: H(n), item: 'SubtensorModule.SubnetTAO[0]' },
      });
      expect(c.subnetOwnerCut?.unit).toBe('u16-fraction');
    },
  );
});
