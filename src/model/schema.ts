/**
 * The one schema for taoproof's data files, used by the snapshot writer (`scripts/`), the site build and the
 * tests. A snapshot (`public/data/snapshot.json`) holds the values of the report, of kind `chain` (read from
 * Finney), `cited` (figures cited from publications, no chain reads) or `synthetic` (a test node's). The reference
 * file (`content/reference.yaml`, served as `public/data/reference.json`) holds the figures cited from
 * publications, the article's own figures among them, and dated events.
 *
 * Rules that hold for every value:
 * - amounts are decimal strings (RAO for TAO, alpha-RAO for alpha; 1 TAO = 1e9 RAO), never floats;
 * - every value carries its provenance: a block number + hash + storage item, or a citation;
 * - `null` means "this storage item does not exist in that block's runtime", never zero.
 */
import { z } from 'zod';
import { CITED_BY, SNAPSHOT_KINDS } from './provenance.ts';
import { BlockNumber, ClaimId, Hash32, IsoDate, IsoDateTime, KebabId, BibEntryId, Ss58 } from './ids.ts';

export { SCHEMA_VERSION } from './version.ts';
import { SCHEMA_VERSION } from './version.ts';
import { CURRENT_FIELD_NAMES, SERIES_FIELD_NAMES, UNITS, type CurrentField, type SeriesField } from './series.ts';
import { columnNames, SUBNET_COLUMNS, type ColumnKind, type DailyColumn, type SubnetColumns } from './columns.ts';

/** Unsigned decimal integer, e.g. an amount in RAO: `"5380000000000000"`. */
export const UInt = z.string().regex(/^(0|[1-9]\d*)$/, { error: 'expected a decimal integer string' });
/** Decimal number, possibly fractional or negative, e.g. a ratio: `"0.7"`. */
export const Decimal = z.string().regex(/^-?(0|[1-9]\d*)(\.\d+)?$/, { error: 'expected a decimal number string' });
/** `Pallet.Item`, optionally with a key or a note: `SubtensorModule.SubnetTAO[0]`, `Σ SubtensorModule.SubnetTAO[netuid>0]`. */
export const StorageItem = z.string().regex(/^(Σ )?[A-Z][A-Za-z]*\.[A-Z][A-Za-z0-9]*/, {
  error: 'expected a storage item as Pallet.Item',
});

/** What a value is measured in. `u16-fraction` is raw/65535, `u64-fraction` raw/(2^64-1). */
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;
const INTEGER_UNITS: readonly Unit[] = ['rao', 'alpha-rao', 'count', 'block', 'u16-fraction', 'u64-fraction'];

/*
 * A value's provenance: `Source` is where one value comes from, read from the chain (`ChainSource`) or cited
 * (`CitedSource`); the data files call it `source`. The word names nothing else in code: the bibliography's entries
 * are `BibEntry` (content/sources.yaml, ./content.ts), the run that wrote a file `WriterRun`, the subtensor code a
 * break or runtime note points to `SubtensorCode` (./code-ref.ts), and an essay line an error names `EssayLine`.
 */

/** Read from the chain: the block it was read at and the storage item. */
export const ChainSource = z.object({
  kind: z.literal('chain'),
  block: BlockNumber,
  hash: Hash32,
  item: StorageItem,
});
/**
 * A link a page shows: http: or https: only, so a `javascript:` or `data:` URL in a data or content file can never
 * become a link a reader clicks.
 */
export const WebUrl = z.url({ protocol: /^https?$/, error: 'expected an http: or https: URL' });

/** Cited from a publication. `by: "article"` marks the critique's own figures. */
export const CitedSource = z.object({
  kind: z.literal('cited'),
  by: z.enum(CITED_BY),
  /** id of the entry in `content/sources.yaml` */
  ref: BibEntryId,
  url: WebUrl,
  title: z.string().min(1),
  quote: z.string().optional(),
});
export const Source = z.discriminatedUnion('kind', [ChainSource, CitedSource]);
export type ChainSource = z.infer<typeof ChainSource>;
export type CitedSource = z.infer<typeof CitedSource>;
export type Source = z.infer<typeof Source>;

/** One value with its unit and provenance. `value: null`: the item is absent from that runtime. */
export const Quantity = z
  .object({ value: Decimal.nullable(), unit: Unit, source: Source })
  .refine((q) => q.value === null || !INTEGER_UNITS.includes(q.unit) || UInt.safeParse(q.value).success, {
    error: 'expected a decimal integer string for an integer unit',
    path: ['value'],
  });
export type Quantity = z.infer<typeof Quantity>;

export const ChainIdentity = z.object({
  name: z.string().min(1),
  genesisHash: Hash32,
  ss58Prefix: z.number().int().nonnegative(),
  decimals: z.number().int().nonnegative(),
  symbol: z.string().min(1),
});

export const Head = z.object({
  number: BlockNumber,
  hash: Hash32,
  timestamp: IsoDateTime,
  specVersion: z.number().int().nonnegative(),
});

export const SnapshotKind = z.enum(SNAPSHOT_KINDS);
export type SnapshotKind = z.infer<typeof SnapshotKind>;

export { SERIES_FIELDS, SERIES_FIELD_NAMES, type SeriesField } from './series.ts';

/** A point's values, one per series of the table in ./series.ts: absent key = not read, null = not in that runtime. */
const seriesValues = z
  .object(
    Object.fromEntries(SERIES_FIELD_NAMES.map((f) => [f, Decimal.nullable().optional()])) as Record<
      SeriesField,
      z.ZodOptional<z.ZodNullable<typeof Decimal>>
    >,
  )
  .strict();

/** One day of the series: read at a block (chain), or cited (reference points carry a source instead). */
export const SeriesPoint = z
  .object({
    date: IsoDate,
    block: BlockNumber.nullable(),
    hash: Hash32.nullable(),
    specVersion: z.number().int().nonnegative().nullable(),
    source: CitedSource.optional(),
    values: seriesValues,
  })
  .refine((p) => (p.block !== null && p.hash !== null) || p.source !== undefined, {
    error: 'expected either block and hash (read from chain) or a cited source',
  });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** A subnet's id. */
const Netuid = z.number().int().nonnegative();

/** The zod schema of a column's written value, by kind (./columns.ts). */
const COLUMN_VALUE = {
  amount: UInt,
  number: z.number().int().nonnegative(),
  text: z.string(),
  account: Ss58,
  'struct-text': z.string(),
} as const satisfies Record<ColumnKind, z.ZodType>;
type ColumnValueSchema = typeof COLUMN_VALUE;

/** The zod shape of a row of `columns`: the netuid, then each column's value, null when absent from the runtime. */
type SubnetRowShape<T extends SubnetColumns, K extends keyof T> = { netuid: typeof Netuid } & {
  [C in K]: z.ZodNullable<ColumnValueSchema[T[C]['kind']]>;
};

/**
 * The schema of a per-subnet row, derived from a column table (`SUBNET_COLUMNS`, or a test's): every column, or with
 * `'daily'` only those read at every sampled block (subnets-daily.json). Keys in table order, netuid first.
 */
export function subnetRowSchema<T extends SubnetColumns>(columns: T): z.ZodObject<SubnetRowShape<T, keyof T>>;
export function subnetRowSchema<T extends SubnetColumns>(
  columns: T,
  only: 'daily',
): z.ZodObject<SubnetRowShape<T, DailyColumn<T>>>;
export function subnetRowSchema(columns: SubnetColumns, only: 'all' | 'daily' = 'all') {
  return z.object({
    netuid: Netuid,
    ...Object.fromEntries(columnNames(columns, only).map((k) => [k, COLUMN_VALUE[columns[k].kind].nullable()])),
  });
}

/** A row of `snapshot.subnets.rows`: every column of ./columns.ts, read at the head block. */
export const SubnetRow = subnetRowSchema(SUBNET_COLUMNS);
export type SubnetRow = z.infer<typeof SubnetRow>;

const AtBlock = { block: BlockNumber, hash: Hash32 };
export const Subnets = z.object({ ...AtBlock, rows: z.array(SubnetRow) });

export const Governance = z.object({
  ...AtBlock,
  /** Sudo.Key, null when the runtime has no Sudo pallet or no key */
  sudoKey: Ss58.nullable(),
  /** TriumvirateMembers.Members; null when the runtime has no such pallet (spec < 122 or >= 334) */
  triumvirate: z.array(Ss58).nullable(),
  /** SenateMembers.Members; null when absent */
  senate: z.array(Ss58).nullable(),
  /** Aura.Authorities as hex public keys */
  authorities: z.array(Hash32).nullable(),
});

/** Values at the head block: the series marked `current` in ./series.ts, each with its unit and provenance. */
export const Current = z
  .object(Object.fromEntries(CURRENT_FIELD_NAMES.map((f) => [f, Quantity])) as Record<CurrentField, typeof Quantity>)
  .partial()
  .strict();
export type Current = z.infer<typeof Current>;

/** One issue per dated entry that does not come strictly after the one before it. */
function increasingDates(list: ReadonlyArray<{ date: string }>, key: string, ctx: z.RefinementCtx): void {
  for (let i = 1; i < list.length; i++)
    if (list[i].date <= list[i - 1].date)
      ctx.addIssue({
        code: 'custom',
        path: [key, i, 'date'],
        message: `expected dates in increasing order, after ${list[i - 1].date}`,
      });
}

/**
 * How a file's chain values were checked (null in a `cited` file). `values: "proven"`: every value was decoded from a
 * `state_getReadProof` reply verified under the state root of a header that hashes to its block and carries its
 * number; `"unproven"`: read on the node's word (`--trust-node`, or written before schema version 4), refused by a
 * production build. `hashes: "confirmed"`: the head's and every sampled block's hash was confirmed by an endpoint of
 * another operator; `"single-source"`: only one operator was asked. `operators`: who answered, read from first.
 */
export const Verification = z.object({
  values: z.enum(['proven', 'unproven']),
  hashes: z.enum(['confirmed', 'single-source']),
  operators: z.array(z.string().min(1)),
});
export type Verification = z.infer<typeof Verification>;

const verificationRequired = (s: { kind: SnapshotKind; verification: Verification | null }, ctx: z.RefinementCtx) => {
  if (s.kind !== 'cited' && s.verification === null)
    ctx.addIssue({
      code: 'custom',
      path: ['verification'],
      message: `expected how the values were checked for kind "${s.kind}"`,
    });
};

/**
 * An exact runtime upgrade the report reads "before" (scripts/snapshot/upgrades.ts finds it between two sampled days
 * whose runtimes differ): the first block run by the new runtime, and `before`, the values at its parent, the last
 * block run by the old runtime, read and proven like a sampled day's (`before.date` is that block's UTC date).
 */
export const Upgrade = z
  .object({
    /** the runtime spec that executed `firstBlock` */
    specVersion: z.number().int().nonnegative(),
    firstBlock: BlockNumber,
    firstHash: Hash32,
    /** Timestamp.Now of `firstBlock`, and its UTC date */
    timestamp: IsoDateTime,
    date: IsoDate,
    before: SeriesPoint,
  })
  .superRefine((u, ctx) => {
    const b = u.before;
    if (b.block !== u.firstBlock - 1 || b.hash === null)
      ctx.addIssue({
        code: 'custom',
        path: ['before', 'block'],
        message: `expected the parent of the first block, #${u.firstBlock - 1}, with its hash`,
      });
    if (b.specVersion === null || b.specVersion >= u.specVersion)
      ctx.addIssue({
        code: 'custom',
        path: ['before', 'specVersion'],
        message: `expected the old runtime's spec, below ${u.specVersion}`,
      });
    if (u.timestamp.slice(0, 10) !== u.date)
      ctx.addIssue({ code: 'custom', path: ['date'], message: `expected the date of the timestamp ${u.timestamp}` });
  });
export type Upgrade = z.infer<typeof Upgrade>;

/** The fields every file of values read (or cited) begins with: its schema version, kind and how it was checked. */
const READ_FILE = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: SnapshotKind,
  verification: Verification.nullable(),
};

/**
 * The run that wrote a snapshot file: the endpoint(s) it read (or "content/reference.yaml" for a `cited` file), the
 * tool and when. Not a value's provenance (`Source`), which each value carries.
 */
export const WriterRun = z.object({
  endpoint: z.string().min(1),
  tool: z.string().min(1),
  generatedAt: IsoDateTime,
});
export type WriterRun = z.infer<typeof WriterRun>;

export const SnapshotV2 = z
  .object({
    ...READ_FILE,
    chain: ChainIdentity,
    /** head block the snapshot was read at; null only for `cited` files */
    head: Head.nullable(),
    /** the run that wrote the file (the JSON field's name is `source`, kept from schema version 1) */
    source: WriterRun,
    current: Current,
    series: z.array(SeriesPoint),
    /** the exact runtime upgrades the report reads "before" (at least dTAO's), by block; [] in a `cited` file */
    upgrades: z.array(Upgrade),
    subnets: Subnets.nullable(),
    governance: Governance.nullable(),
  })
  .superRefine((s, ctx) => {
    if (s.kind !== 'cited' && s.head === null)
      ctx.addIssue({ code: 'custom', path: ['head'], message: `expected a head block for kind "${s.kind}"` });
    verificationRequired(s, ctx);
    increasingDates(s.series, 'series', ctx);
    for (let i = 1; i < s.upgrades.length; i++)
      if (s.upgrades[i].firstBlock <= s.upgrades[i - 1].firstBlock)
        ctx.addIssue({
          code: 'custom',
          path: ['upgrades', i, 'firstBlock'],
          message: `expected blocks in increasing order, after ${s.upgrades[i - 1].firstBlock}`,
        });
    if (s.kind === 'cited' && s.upgrades.length > 0)
      ctx.addIssue({ code: 'custom', path: ['upgrades'], message: 'expected no chain reads in a "cited" snapshot' });
    if (s.kind === 'chain') {
      const cited = s.series.findIndex((p) => p.source !== undefined);
      if (cited >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['series', cited, 'source'],
          message: 'expected chain-read points only in a "chain" snapshot',
        });
    }
  });
export type Snapshot = z.infer<typeof SnapshotV2>;
export const Snapshot = SnapshotV2;

/**
 * `public/data/subnets-daily.json`: per-subnet pool values at the first block of each UTC day (the blocks of
 * `snapshot.series`), kept out of `snapshot.json` so that file stays small. `null`: the storage item does not
 * exist in that block's runtime (e.g. before dTAO), never zero.
 */
export const SubnetDayRow = subnetRowSchema(SUBNET_COLUMNS, 'daily');
export type SubnetDayRow = z.infer<typeof SubnetDayRow>;

/** One sampled day: the block it was read at and a row per existing subnet (netuids from NetworksAdded). */
export const SubnetsDay = z.object({
  date: IsoDate,
  block: BlockNumber,
  hash: Hash32,
  specVersion: z.number().int().nonnegative(),
  subnets: z.array(SubnetDayRow),
});
export type SubnetsDay = z.infer<typeof SubnetsDay>;

export const SubnetsDaily = z
  .object({
    ...READ_FILE,
    chain: z.object({ genesisHash: Hash32 }),
    days: z.array(SubnetsDay),
  })
  .superRefine((s, ctx) => {
    verificationRequired(s, ctx);
    increasingDates(s.days, 'days', ctx);
    s.days.forEach((d, i) => {
      for (let j = 1; j < d.subnets.length; j++)
        if (d.subnets[j].netuid <= d.subnets[j - 1].netuid)
          ctx.addIssue({
            code: 'custom',
            path: ['days', i, 'subnets', j, 'netuid'],
            message: `expected netuids in increasing order, after ${d.subnets[j - 1].netuid}`,
          });
    });
  });
export type SubnetsDaily = z.infer<typeof SubnetsDaily>;

/** A figure cited from a publication (or from the article itself), as held in `content/reference.yaml`. */
export const Figure = z.object({
  id: KebabId,
  label: z.string().min(1),
  value: Decimal,
  unit: Unit,
  /** the date the figure describes */
  asOf: IsoDate.nullable(),
  /** series field it can be drawn against, if any */
  field: z.enum(SERIES_FIELD_NAMES as [SeriesField, ...SeriesField[]]).optional(),
  /** claim ids (C01...) this figure belongs to */
  claims: z.array(ClaimId).default([]),
  source: CitedSource,
});
export type Figure = z.infer<typeof Figure>;

export const Event = z.object({
  id: KebabId,
  date: IsoDate,
  label: z.string().min(1),
  source: CitedSource,
});
export type Event = z.infer<typeof Event>;

export const Reference = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  figures: z.array(Figure),
  events: z.array(Event),
});
export type Reference = z.infer<typeof Reference>;

/**
 * What every chart and every verdict reads: the parsed snapshot (public/data/snapshot.json) and the cited figures
 * (content/reference.yaml). Built once per build by src/site/data.ts, and in the browser by src/client/live.ts.
 */
export interface ReportData {
  snapshot: Snapshot;
  reference: Reference;
}
