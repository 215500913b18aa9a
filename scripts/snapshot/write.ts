/**
 * Files in --out: the snapshot and the per-subnet daily values (`subnets-daily.json`), each validated, then
 * written atomically (temp file, fsync, rename), and a checkpoint of a backfill in progress (`.snapshot-checkpoint.json`, same atomic write), so that an interrupted run
 * resumes without refetching and without a missing or duplicated day. Nothing here writes over a file in place.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DataFileError, parseOrThrow } from '../../src/data/errors.ts';
import { loadSnapshot, loadSubnetsDaily, parseSnapshot } from '../../src/data/load.ts';
import { Hash32, SeriesPoint, SubnetsDaily, SubnetsDay, type Snapshot } from '../../src/data/schema.ts';

export const SNAPSHOT_NAME = 'snapshot.json';
export const SUBNETS_DAILY_NAME = 'subnets-daily.json';
export const CHECKPOINT_NAME = '.snapshot-checkpoint.json';

/** Write `text` to `file` atomically: a temp file beside it, fsync, rename. A crash leaves the old file. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = openSync(join(file, '..'), 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    /* directory fsync is best effort */
  }
}

/** Remove temp files left by killed runs (`*.PID.tmp` whose process is gone). */
export function removeStaleTemps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = /^(snapshot\.json|subnets-daily\.json|\.snapshot-checkpoint\.json)\.(\d+)\.tmp$/.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    let alive = pid === process.pid;
    if (!alive)
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
    if (!alive) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Validate `text` (JSON) with `parse` and write it atomically; on failure keep it as `<name>.err`. */
function writeValidated(
  dir: string,
  name: string,
  what: string,
  text: string,
  parse: (json: unknown, file: string) => unknown,
): string {
  const file = join(dir, name);
  try {
    parse(JSON.parse(text), file);
  } catch (e) {
    writeFileSync(`${file}.err`, text);
    if (e instanceof DataFileError)
      throw new DataFileError(file, [
        `the new ${what} fails validation (kept as ${name}.err, old file untouched): ${e.problems[0]}`,
        ...e.problems.slice(1),
      ]);
    throw e;
  }
  writeAtomic(file, text);
  rmSync(`${file}.err`, { force: true });
  return file;
}

/** Validate a snapshot with the schema and write it atomically; on failure keep it as `snapshot.json.err`. */
export function writeSnapshot(dir: string, snapshot: Snapshot): string {
  return writeValidated(dir, SNAPSHOT_NAME, 'snapshot', `${JSON.stringify(snapshot, null, 1)}\n`, parseSnapshot);
}

/** Validate the per-subnet daily values and write them atomically (`subnets-daily.json`; `.err` on failure). */
export function writeSubnetsDaily(dir: string, data: SubnetsDaily): string {
  // one day per line: the file grows by a day a night and stays diffable
  const days = data.days.map((d) => JSON.stringify(d)).join(',\n  ');
  const text = `{"schemaVersion": ${data.schemaVersion}, "kind": ${JSON.stringify(data.kind)}, "verification": ${JSON.stringify(data.verification)}, "chain": ${JSON.stringify(data.chain)}, "days": [${days ? `\n  ${days}\n` : ''}]}\n`;
  return writeValidated(dir, SUBNETS_DAILY_NAME, 'per-subnet daily file', text, (json, file) =>
    parseOrThrow(SubnetsDaily, json, file),
  );
}

/** The existing snapshot, validated; null when there is none. Throws a DataFileError when it is invalid. */
export function readExisting(dir: string): Snapshot | null {
  const file = join(dir, SNAPSHOT_NAME);
  return existsSync(file) ? loadSnapshot(file) : null;
}

/** The existing `subnets-daily.json`, validated; null when there is none. Throws a DataFileError when it is invalid. */
export function readExistingSubnets(dir: string): SubnetsDaily | null {
  return loadSubnetsDaily(join(dir, SUBNETS_DAILY_NAME));
}

export const Checkpoint = z.object({
  checkpointVersion: z.literal(1),
  genesisHash: Hash32,
  /** days fetched so far by an unfinished run (not yet in snapshot.json) */
  points: z.array(SeriesPoint),
  /** their per-subnet values, and those of known days re-read at their block (not yet in subnets-daily.json) */
  subnets: z.array(SubnetsDay).optional(),
  /** how the run checked its values (absent in a checkpoint of an older run: unproven); a run resumes only its own kind */
  values: z.enum(['proven', 'unproven']).optional(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

type Values = 'proven' | 'unproven';

function checkpointOf(dir: string, genesisHash: string, values: Values): Checkpoint | null {
  const file = join(dir, CHECKPOINT_NAME);
  if (!existsSync(file)) return null;
  let cp: Checkpoint;
  try {
    cp = parseOrThrow(Checkpoint, JSON.parse(readFileSync(file, 'utf8')), file);
  } catch {
    return null; // an unreadable checkpoint only costs refetching
  }
  return cp.genesisHash === genesisHash && (cp.values ?? 'unproven') === values ? cp : null;
}

export function readCheckpoint(dir: string, genesisHash: string, values: Values = 'proven'): SeriesPoint[] {
  return checkpointOf(dir, genesisHash, values)?.points ?? [];
}

/** Per-subnet days of the checkpoint (none in a checkpoint written before subnets-daily.json existed). */
export function readCheckpointSubnets(dir: string, genesisHash: string, values: Values = 'proven'): SubnetsDay[] {
  return checkpointOf(dir, genesisHash, values)?.subnets ?? [];
}

export function writeCheckpoint(
  dir: string,
  genesisHash: string,
  points: SeriesPoint[],
  subnets: SubnetsDay[] = [],
  values: Values = 'proven',
): void {
  const byDate = <T extends { date: string }>(list: T[]) => [...list].sort((a, b) => (a.date < b.date ? -1 : 1));
  const cp: Checkpoint = {
    checkpointVersion: 1,
    genesisHash,
    points: byDate(points),
    subnets: byDate(subnets),
    values,
  };
  writeAtomic(join(dir, CHECKPOINT_NAME), JSON.stringify(cp));
}

export function removeCheckpoint(dir: string): void {
  rmSync(join(dir, CHECKPOINT_NAME), { force: true });
}
