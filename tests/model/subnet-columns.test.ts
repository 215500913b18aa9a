/**
 * A per-subnet column is one entry in `SUBNET_COLUMNS` (src/model/columns.ts): with two columns added to that table
 * and nothing else changed (the module is replaced by the table plus the columns, every other module loaded afresh),
 * the new columns reach the row schemas, the reader's item lists, the values the reader reads from a node, the rows
 * the builder writes, the proof file, and `npm run verify`, which re-checks each new field against the proof and
 * names it when a published value differs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { buildTrie } from '../../scripts/snapshot/proof.ts';
import { encodeHeader, headerHash, type RpcHeader } from '../../scripts/snapshot/header.ts';
import type * as Columns from '../../src/model/columns.ts';
import { SUBNET_COLUMNS as REAL_COLUMNS } from '../../src/model/columns.ts';
import { sm } from '../../src/model/series.ts';
import { SCHEMA_VERSION } from '../../src/model/version.ts';
import { fakeNode, H } from '../helpers/fake-rpc.ts';

const NETUID = ['netuid'] as const;
/** Two columns Finney declares that the report does not read: a daily amount and a head-only number. */
const ADDED = {
  volume: {
    label: 'Volume (RAO)',
    description: 'TAO traded through the pool since it was created.',
    kind: 'amount',
    unit: 'rao',
    args: NETUID,
    storage: [sm('SubnetVolume', 233)],
    daily: true,
  },
  tempo: {
    label: 'Tempo (blocks)',
    description: 'Blocks between two epochs of the subnet.',
    kind: 'number',
    unit: 'count',
    args: NETUID,
    storage: [sm('Tempo', null)],
    daily: false,
  },
} as const satisfies Columns.SubnetColumns;

/** The table with the added columns, and the row types derived from it (the modules below are typed by the real one). */
type Table = typeof REAL_COLUMNS & typeof ADDED;
type Row = Columns.SubnetRowOf<Table>;
type DayRow = Columns.SubnetRowOf<Table, Columns.DailyColumn<Table>>;

/** The modules that derive from the column table, loaded with `ADDED` appended to it. */
async function withAddedColumns() {
  vi.resetModules();
  vi.doMock('../../src/model/columns.ts', async (importOriginal) => {
    const real = await importOriginal<typeof Columns>();
    return { ...real, SUBNET_COLUMNS: { ...real.SUBNET_COLUMNS, ...ADDED } };
  });
  try {
    const [schema, read, build, proofFile, verify, days] = await Promise.all([
      import('../../src/model/schema.ts'),
      import('../../scripts/snapshot/read.ts'),
      import('../../scripts/snapshot/build.ts'),
      import('../../scripts/snapshot/proof-file.ts'),
      import('../../scripts/verify.ts'),
      import('../../scripts/snapshot/days.ts'),
    ]);
    return { schema, read, build, proofFile, verify, days };
  } finally {
    vi.doUnmock('../../src/model/columns.ts');
    vi.resetModules();
  }
}

const m = await withAddedColumns();
const real = await import('../../src/model/schema.ts');
const realRead = await import('../../scripts/snapshot/read.ts');

const META = new URL('../../../shared/chain/metadata/', import.meta.url);
const metadataHex = (spec: number) => u8aToHex(readFileSync(new URL(`finney-${spec}.scale`, META)));
const metadataMissing = ![218, 424].every((s) => existsSync(new URL(`finney-${s}.scale`, META)));

const names = (refs: ReadonlyArray<readonly [string, string]>) => refs.map(([p, i]) => `${p}.${i}`);

describe('a column added to SUBNET_COLUMNS', () => {
  test('is a field of the row schemas, in table order after the others; a daily one also of subnets-daily.json', () => {
    const before = Object.keys(real.SubnetRow.shape);
    expect(before).toEqual(['netuid', ...Object.keys(REAL_COLUMNS)]);
    expect(Object.keys(m.schema.SubnetRow.shape)).toEqual([...before, 'volume', 'tempo']);
    expect(Object.keys(m.schema.SubnetDayRow.shape)).toEqual([...Object.keys(real.SubnetDayRow.shape), 'volume']);
    const day = { netuid: 1, tao: '1', alphaIn: '2', alphaOut: '3' };
    expect(m.schema.SubnetDayRow.safeParse({ ...day, volume: '12' }).success).toBe(true);
    expect(m.schema.SubnetDayRow.safeParse({ ...day, volume: null }).success).toBe(true);
    // its kind decides its type: an amount is a decimal string, and a file without the field is refused
    expect(m.schema.SubnetDayRow.safeParse({ ...day, volume: 12 }).success).toBe(false);
    expect(m.schema.SubnetDayRow.safeParse(day).success).toBe(false);
    expect(real.SubnetDayRow.safeParse(day).success).toBe(true);
  });

  test("is in the reader's item lists: a daily column at every sampled block, a head-only one at the head", () => {
    expect(names(m.read.SERIES_MAPS)).toEqual([...names(realRead.SERIES_MAPS), 'SubtensorModule.SubnetVolume']);
    expect(names(m.read.HEAD_MAPS)).toEqual([...names(realRead.HEAD_MAPS), 'SubtensorModule.Tempo']);
    expect(m.read.GLOBAL_ITEMS).toEqual(realRead.GLOBAL_ITEMS);
  });

  describe.skipIf(metadataMissing)('read from a node, written, and re-checked by verify', () => {
    const dirs: string[] = [];
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    /**
     * A node of runtime `spec` at block `n` whose storage is proven by a real trie under its header's state root, read
     * by the reader (`Reader`, with the added columns' item lists), written as the snapshot writes it (rows, proof
     * file), into a data directory for `npm run verify`.
     */
    async function published(spec: number) {
      const n = 4_900_000;
      const hashes = new Map<number, string>();
      const { client, store } = fakeNode(
        spec,
        metadataHex(spec),
        n,
        (q, put) => {
          const s = q.subtensorModule;
          put(s.totalNetworks, 2);
          for (const i of [0, 1]) {
            put(s.networksAdded, true, i);
            put(s.tempo, 360 + i, i);
            if (spec >= 233) {
              put(s.subnetTAO, 1_000_000_000n * BigInt(i + 1), i);
              put(s.subnetVolume, 7_000_000_000_000n + BigInt(i), i);
            }
          }
        },
        (k) => hashes.get(k) ?? H(k),
      );
      const trie = await buildTrie(store.entries());
      const header: RpcHeader = {
        parentHash: H(n - 1),
        number: n,
        stateRoot: trie.root,
        extrinsicsRoot: H(0),
        digest: { logs: [] },
      };
      const hash = headerHash(header);
      hashes.set(n, hash);
      // the fake node serves no proofs: the block's values are read on its word, then proven here under the header
      const reader = new m.read.Reader(client, 42, { minCandidates: 16, trustNode: true });
      const state = await reader.read(n, null);
      await reader.readHeadDetails(state);
      Object.assign(state, { stateRoot: trie.root, header: u8aToHex(encodeHeader(header)), proven: true });
      for (const node of trie.nodes) state.proofNodes.add(node);

      const dir = mkdtempSync(join(tmpdir(), 'taoproof-columns-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'proofs'));
      writeFileSync(join(dir, 'proofs', `${n}.json`), m.proofFile.proofFileText(state, true));
      const verification = { values: 'proven', hashes: 'single-source', operators: ['fake'] } as const;
      const timestamp = new Date(state.ts).toISOString();
      const snapshot = {
        schemaVersion: SCHEMA_VERSION,
        kind: 'synthetic',
        verification,
        chain: { name: 'fake', genesisHash: H(0), ss58Prefix: 42, decimals: 9, symbol: 'TAO' },
        head: { number: n, hash, timestamp, specVersion: spec },
        source: { endpoint: 'fake', tool: 'test', generatedAt: timestamp },
        current: {},
        series: [],
        upgrades: [],
        subnets: { block: n, hash, rows: m.build.subnetRows(state) as Row[] },
        governance: null,
      };
      const daily = {
        schemaVersion: SCHEMA_VERSION,
        kind: 'synthetic',
        verification,
        chain: { genesisHash: H(0) },
        days: [m.build.subnetsDay(state, m.days.dateOf(state.ts))].map((d) => ({
          ...d,
          subnets: d.subnets as DayRow[],
        })),
      };
      const write = () => {
        writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
        writeFileSync(join(dir, 'subnets-daily.json'), JSON.stringify(daily));
      };
      write();
      return { dir, snapshot, daily, write, n };
    }

    test('finney-424: the values the node holds, each re-checked by verify, which names a changed one', async () => {
      const { dir, snapshot, daily, write, n } = await published(424);
      expect(snapshot.subnets.rows.map((r) => [r.netuid, r.volume, r.tempo])).toEqual([
        [0, '7000000000000', 360],
        [1, '7000000000001', 361],
      ]);
      // alphaIn/alphaOut are not set: their maps are ValueQuery, so a declared item without an entry reads 0
      expect(daily.days[0].subnets).toEqual([
        { netuid: 0, tao: '1000000000', alphaIn: '0', alphaOut: '0', volume: '7000000000000' },
        { netuid: 1, tao: '2000000000', alphaIn: '0', alphaOut: '0', volume: '7000000000001' },
      ]);
      const listed = JSON.parse(readFileSync(join(dir, 'proofs', `${n}.json`), 'utf8')).values as Array<{
        item: string;
        args: number[];
      }>;
      for (const item of ['SubtensorModule.SubnetVolume', 'SubtensorModule.Tempo'])
        expect(listed.filter((v) => v.item === item).map((v) => v.args)).toEqual([[0], [1]]);

      const ok = await m.verify.run({ dir });
      expect(ok.failures).toEqual([]);
      // each row's columns (9 + 2) and each day row's (3 + 1), besides the netuid lists, hashes and head
      const rowFields = Object.keys(REAL_COLUMNS).length + 2;
      const dayFields = Object.keys(real.SubnetDayRow.shape).length - 1 + 1;
      expect(ok.checked).toBe(2 * rowFields + 2 * dayFields + /* netuids */ 2 + /* head */ 3 + /* day hash */ 1);

      snapshot.subnets.rows[1].tempo = 99;
      daily.days[0].subnets[0].volume = '7000000000002';
      write();
      const changed = await m.verify.run({ dir });
      expect(changed.failures).toEqual([
        `${join(dir, 'snapshot.json')}: subnets.rows[1].tempo: published 99, proof of block ${n} holds 361`,
        `${join(dir, 'subnets-daily.json')}: days[0].subnets[0].volume: published 7000000000002, proof of block ${n} holds 7000000000000`,
      ]);
    });

    test('finney-218: an item absent from the runtime is null, never zero, and verified as such', async () => {
      const { dir, snapshot, daily } = await published(218);
      expect(snapshot.subnets.rows.map((r) => [r.netuid, r.volume, r.tempo])).toEqual([
        [0, null, 360],
        [1, null, 361],
      ]);
      expect(daily.days[0].subnets.map((r) => r.volume)).toEqual([null, null]);
      expect((await m.verify.run({ dir })).failures).toEqual([]);
    });
  });
});
