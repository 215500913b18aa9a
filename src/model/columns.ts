/**
 * The one table of per-subnet columns: the rows of `snapshot.subnets.rows` (read at the head block) and, for the
 * columns marked `daily`, of `subnets-daily.json` (read at every sampled block). Pure data without zod, so browser
 * code can import it. Everything else is derived from it, as from `SERIES` (./series.ts):
 * - the zod row schemas and their TypeScript types (`subnetRowSchema` in ./schema.ts: `SubnetRow`, `SubnetDayRow`);
 * - the reader's per-subnet item lists (`itemLists` in scripts/snapshot/read.ts: `SERIES_MAPS`, `HEAD_MAPS`);
 * - the builder's rows (`subnetRowsOf` in scripts/snapshot/build.ts), which decode each column as its `kind` says;
 * - the fields `npm run verify` re-checks against the proofs (`subnetFields` in scripts/verify.ts);
 * - the provenance strings the charts and verdicts cite (`SUBNET_ITEMS`) and the runtime-changes table.
 *
 * Adding a per-subnet column is one entry here plus its test (tests/model/subnet-columns.test.ts shows a column
 * added to a table reaching the schema, the reader, the builder and verify). The order of the entries is the order
 * of the keys in the written rows: a new column goes last, so that rows written before keep their bytes.
 */
import { sm, type StorageSpan, type UnitName } from './series.ts';

/**
 * How a column's SCALE value is decoded and written:
 * - `amount`: an unsigned integer (u64, u128 or a newtype of one), written as a decimal string (`"5380000000000"`);
 * - `number`: a small unsigned integer (u8..u64: a block number, an enum tag), written as a JSON number;
 * - `text`: bytes, written as UTF-8 text;
 * - `account`: an account id (or an Option of one), written as an SS58 address;
 * - `struct-text`: the UTF-8 text of the field `field` of an Option of a struct (a subnet's identity).
 */
export const COLUMN_KINDS = ['amount', 'number', 'text', 'account', 'struct-text'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** The TypeScript type of a written value of each kind (null: the item is absent from the block's runtime). */
export interface ColumnValue {
  amount: string;
  number: number;
  text: string;
  account: string;
  'struct-text': string;
}

/** One per-subnet column. Its storage items are netuid-keyed maps (`args`: the netuid, the only key today). */
export interface SubnetColumnDef {
  label: string;
  /** for readers and the schema's documentation: what the value is */
  description: string;
  kind: ColumnKind;
  /** for `struct-text`: the struct's field */
  field?: string;
  /** what an `amount` or `number` is measured in; null for text and accounts */
  unit: UnitName | null;
  /** the map's key arguments */
  args: readonly ['netuid'];
  /**
   * the items, newest first when several hold the same thing in different specs (a block reads the first its runtime
   * declares); each span's `fromSpec` is the first runtime that has it
   */
  storage: readonly StorageSpan[];
  /** read at every sampled block (subnets-daily.json), not only at the head */
  daily: boolean;
}

/** A table of columns, as `SUBNET_COLUMNS` is (a test may build another). */
export type SubnetColumns = Readonly<Record<string, SubnetColumnDef>>;

const NETUID = ['netuid'] as const;

export const SUBNET_COLUMNS = {
  name: {
    label: 'Name',
    description: 'The subnet’s name from its identity (subnet_name), as its owner set it.',
    kind: 'struct-text',
    field: 'subnet_name',
    unit: null,
    args: NETUID,
    storage: [sm('SubnetIdentitiesV3', 283), sm('SubnetIdentitiesV2', 233, 360), sm('SubnetIdentities', 195, 360)],
    daily: false,
  },
  symbol: {
    label: 'Token symbol',
    description: 'The symbol of the subnet’s alpha token.',
    kind: 'text',
    unit: null,
    args: NETUID,
    storage: [sm('TokenSymbol', 233)],
    daily: false,
  },
  mechanism: {
    label: 'Mechanism (0 static, 1 dynamic pool)',
    description: '0 = static/root (price 1), 1 = dynamic pool; null before dTAO.',
    kind: 'number',
    unit: null,
    args: NETUID,
    storage: [sm('SubnetMechanism', 233)],
    daily: false,
  },
  owner: {
    label: 'Owner (coldkey)',
    description: 'The coldkey that owns the subnet and receives the owner cut.',
    kind: 'account',
    unit: null,
    args: NETUID,
    storage: [sm('SubnetOwner', 133)],
    daily: false,
  },
  registeredAt: {
    label: 'Registered at block',
    description: 'The block at which the subnet was registered.',
    kind: 'number',
    unit: 'block',
    args: NETUID,
    storage: [sm('NetworkRegisteredAt', 133)],
    daily: false,
  },
  tao: {
    label: 'TAO reserve (RAO)',
    description: 'TAO reserve of the pool.',
    kind: 'amount',
    unit: 'rao',
    args: NETUID,
    storage: [sm('SubnetTAO', 233)],
    daily: true,
  },
  alphaIn: {
    label: 'Alpha reserve (alpha-RAO)',
    description: 'Alpha reserve of the pool.',
    kind: 'amount',
    unit: 'alpha-rao',
    args: NETUID,
    storage: [sm('SubnetAlphaIn', 233)],
    daily: true,
  },
  alphaOut: {
    label: 'Alpha outstanding (alpha-RAO)',
    description: 'Alpha outstanding: held by stakers, outside the pool.',
    kind: 'amount',
    unit: 'alpha-rao',
    args: NETUID,
    storage: [sm('SubnetAlphaOut', 233)],
    daily: true,
  },
  taoInEmission: {
    label: 'TAO injected in the last block (RAO)',
    description: 'TAO injected into the pool in the last block (not a daily total).',
    kind: 'amount',
    unit: 'rao',
    args: NETUID,
    storage: [sm('SubnetTaoInEmission', 233)],
    daily: false,
  },
} as const satisfies SubnetColumns;
export type SubnetColumn = keyof typeof SUBNET_COLUMNS;

/** The names of a table's columns, in table order; with `daily`, only those read at every sampled block. */
export function columnNames<T extends SubnetColumns>(
  columns: T,
  only: 'all' | 'daily' = 'all',
): Array<keyof T & string> {
  return Object.keys(columns).filter((k) => only === 'all' || columns[k].daily);
}

/** The columns of a table read at every sampled block. */
export type DailyColumn<T extends SubnetColumns> = { [K in keyof T]: T[K]['daily'] extends true ? K : never }[keyof T];

/** A written row of a table: the netuid, then each column's value or null (absent from the block's runtime). */
export type SubnetRowOf<T extends SubnetColumns, K extends keyof T = keyof T> = { netuid: number } & {
  -readonly [C in K]: ColumnValue[T[C]['kind']] | null;
};

/** The storage item a column cites in provenance: `SubtensorModule.SubnetTAO`; for several spans, the newest and a note. */
export function columnItem(c: SubnetColumnDef): string {
  const [newest, ...older] = c.storage;
  const base = newest.item.replace(/V\d+$/, '');
  const others = older.map((s) =>
    s.item.startsWith(base) ? s.item.slice(base.length) || 'V1' : `${s.pallet}.${s.item}`,
  );
  return `${newest.pallet}.${newest.item}${others.length ? ` (or ${others.join('/')})` : ''}${c.field ? `.${c.field}` : ''}`;
}

/** Storage items behind the columns of the per-subnet table, as cited in provenance. */
export const SUBNET_ITEMS = Object.fromEntries(
  Object.entries(SUBNET_COLUMNS).map(([k, c]) => [k, columnItem(c)]),
) as Record<SubnetColumn, string>;
