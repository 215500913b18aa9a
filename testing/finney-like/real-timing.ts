/**
 * Finney's real block times (2025), from the files in ../shared/real-data/ (see its README):
 * `finney-block-timestamps-2025.csv.gz` (174,976 recorded (block, Timestamp.Now) pairs, mostly every 10 blocks) and
 * `finney-day-start-blocks-2025.csv` (the real first block of 256 UTC days, with its timestamp).
 *
 * `RecordedTiming` (pure) gives every block a timestamp: exact at every recorded pair (day starts included), and
 * between two pairs a and c by Finney's own rules (pallet_aura: one block per 12-second slot at most, slots
 * strictly increasing; slot = floor(ts / 12000)): block a + k is in slot slot(a) + k, at the same offset within its
 * slot as a, and whatever time the span has beyond one slot a block is a stall just before c (the chain halted,
 * then resumed at c). So the block before a recorded block is never later than the recorded data allow, and a day
 * start's predecessor stays before midnight. A span with fewer slots than blocks (not seen in these files) is
 * interpolated linearly. Before the first pair and after the last, one block per slot.
 *
 * `loadFinneyTiming2025()` reads the two files (node:zlib for the .gz); null with a message when they are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from '../project.ts';

export const SLOT_MS = 12_000;

export const REAL_DATA_DIR = process.env.TAOPROOF_REAL_DATA_DIR ?? path.resolve(ROOT, '../shared/real-data');

export interface DayStart {
  date: string;
  block: number;
  ts: number;
}

/** "2025-02-18T00:00:00.001000+00:00" (UTC, up to microseconds) -> ms, rounded down to the millisecond */
export function parseUtc(s: string, where: string): number {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?:\+00:00|Z)$/.exec(s);
  if (!m) throw new Error(`${where}: not a UTC timestamp: ${JSON.stringify(s)}`);
  return Date.parse(`${m[1]}Z`) + Math.floor(Number((m[2] ?? '0').padEnd(6, '0')) / 1000);
}

/** Rows of `finney-block-timestamps-2025.csv` (header `block,timestamp_utc,…`) as [block, ms] pairs. */
export function parseTimestampsCsv(text: string, file = 'finney-block-timestamps-2025.csv'): [number, number][] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (!lines[0]?.startsWith('block,timestamp_utc'))
    throw new Error(`${file}: header: expected "block,timestamp_utc,…"`);
  return lines.slice(1).map((l, i) => {
    const [b, t] = l.split(',');
    const block = Number(b);
    if (!Number.isInteger(block) || block < 0)
      throw new Error(`${file}: row ${i + 2}: block: not a block number: ${b}`);
    return [block, parseUtc(t, `${file}: row ${i + 2}: timestamp_utc`)];
  });
}

/** Rows of `finney-day-start-blocks-2025.csv` (header `date_utc,first_block,first_block_timestamp_utc,…`). */
export function parseDayStartsCsv(text: string, file = 'finney-day-start-blocks-2025.csv'): DayStart[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (!lines[0]?.startsWith('date_utc,first_block,first_block_timestamp_utc'))
    throw new Error(`${file}: header: expected "date_utc,first_block,first_block_timestamp_utc,…"`);
  return lines.slice(1).map((l, i) => {
    const [date, b, t] = l.split(',');
    const block = Number(b);
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) throw new Error(`${file}: row ${i + 2}: date_utc: not a date: ${date}`);
    if (!Number.isInteger(block) || block < 1) throw new Error(`${file}: row ${i + 2}: first_block: ${b}`);
    return { date, block, ts: parseUtc(t, `${file}: row ${i + 2}: first_block_timestamp_utc`) };
  });
}

export class RecordedTiming {
  readonly blocks: Int32Array;
  readonly times: Float64Array;

  /** `pairs` in any order; a block recorded twice must carry the same timestamp; timestamps must rise with blocks. */
  constructor(pairs: Iterable<readonly [number, number]>) {
    const byBlock = new Map<number, number>();
    for (const [b, t] of pairs) {
      const had = byBlock.get(b);
      if (had !== undefined && had !== t)
        throw new Error(
          `block ${b} recorded at two times: ${new Date(had).toISOString()}, ${new Date(t).toISOString()}`,
        );
      byBlock.set(b, t);
    }
    const sorted = [...byBlock].sort((x, y) => x[0] - y[0]);
    if (!sorted.length) throw new Error('no recorded block times');
    this.blocks = Int32Array.from(sorted, (p) => p[0]);
    this.times = Float64Array.from(sorted, (p) => p[1]);
    for (let i = 1; i < sorted.length; i++)
      if (!(this.times[i] > this.times[i - 1]))
        throw new Error(`timestamps not increasing: block ${this.blocks[i - 1]} and block ${this.blocks[i]}`);
  }

  get first(): number {
    return this.blocks[0];
  }

  get last(): number {
    return this.blocks[this.blocks.length - 1];
  }

  /** Timestamp.Now of block n in ms (0 at genesis). */
  ts(n: number): number {
    if (n === 0) return 0;
    const { blocks, times } = this;
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid] < n) lo = mid + 1;
      else hi = mid;
    }
    if (lo < blocks.length && blocks[lo] === n) return times[lo];
    if (lo === 0) return times[0] - (blocks[0] - n) * SLOT_MS;
    const a = lo - 1;
    if (lo === blocks.length) return times[a] + (n - blocks[a]) * SLOT_MS;
    const [ba, ta, bc, tc] = [blocks[a], times[a], blocks[lo], times[lo]];
    const sa = Math.floor(ta / SLOT_MS);
    if (Math.floor(tc / SLOT_MS) - sa >= bc - ba) return (sa + (n - ba)) * SLOT_MS + (ta - sa * SLOT_MS);
    return ta + ((tc - ta) * (n - ba)) / (bc - ba);
  }
}

/** Finney's real 2025 timing and day starts, or a message naming the missing file. */
export function loadFinneyTiming2025(
  dir = REAL_DATA_DIR,
): { timing: RecordedTiming; dayStarts: DayStart[] } | { missing: string } {
  const ts = path.join(dir, 'finney-block-timestamps-2025.csv.gz');
  const ds = path.join(dir, 'finney-day-start-blocks-2025.csv');
  for (const f of [ts, ds])
    if (!existsSync(f))
      return {
        missing: `Finney's real 2025 block times: ${f} not found (see ../shared/real-data/README.md; TAOPROOF_REAL_DATA_DIR overrides the folder)`,
      };
  const dayStarts = parseDayStartsCsv(readFileSync(ds, 'utf8'));
  const pairs = parseTimestampsCsv(gunzipSync(readFileSync(ts)).toString('utf8'));
  const timing = new RecordedTiming([...pairs, ...dayStarts.map((d) => [d.block, d.ts] as const)]);
  return { timing, dayStarts };
}
