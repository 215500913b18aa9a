/**
 * Files in --out: the snapshot (validated, then written atomically: temp file, fsync, rename) and a checkpoint
 * of a backfill in progress (`.snapshot-checkpoint.json`, same atomic write), so that an interrupted run
 * resumes without refetching and without a missing or duplicated day. Nothing here writes over a file in place.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DataFileError, parseOrThrow } from '../../src/data/errors.ts';
import { parseSnapshot } from '../../src/data/load.ts';
import { Hash32, SeriesPoint, type Snapshot } from '../../src/data/schema.ts';

export const SNAPSHOT_NAME = 'snapshot.json';
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
    const m = /^(snapshot\.json|\.snapshot-checkpoint\.json)\.(\d+)\.tmp$/.exec(name);
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

/** Validate a snapshot with the schema and write it atomically; on failure keep it as `snapshot.json.err`. */
export function writeSnapshot(dir: string, snapshot: Snapshot): string {
  const file = join(dir, SNAPSHOT_NAME);
  const text = `${JSON.stringify(snapshot, null, 1)}\n`;
  try {
    parseSnapshot(JSON.parse(text), file);
  } catch (e) {
    writeFileSync(`${file}.err`, text);
    if (e instanceof DataFileError) throw new DataFileError(file, [`the new snapshot fails validation (kept as ${SNAPSHOT_NAME}.err, old file untouched): ${e.problems[0]}`, ...e.problems.slice(1)]);
    throw e;
  }
  writeAtomic(file, text);
  rmSync(`${file}.err`, { force: true });
  return file;
}

/** The existing snapshot, validated; null when there is none. Throws a DataFileError when it is invalid. */
export function readExisting(dir: string): Snapshot | null {
  const file = join(dir, SNAPSHOT_NAME);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataFileError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  return parseSnapshot(json, file);
}

export const Checkpoint = z.object({
  checkpointVersion: z.literal(1),
  genesisHash: Hash32,
  /** days fetched so far by an unfinished run (not yet in snapshot.json) */
  points: z.array(SeriesPoint),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export function readCheckpoint(dir: string, genesisHash: string): SeriesPoint[] {
  const file = join(dir, CHECKPOINT_NAME);
  if (!existsSync(file)) return [];
  let cp: Checkpoint;
  try {
    cp = parseOrThrow(Checkpoint, JSON.parse(readFileSync(file, 'utf8')), file);
  } catch {
    return []; // an unreadable checkpoint only costs refetching
  }
  return cp.genesisHash === genesisHash ? cp.points : [];
}

export function writeCheckpoint(dir: string, genesisHash: string, points: SeriesPoint[]): void {
  const cp: Checkpoint = { checkpointVersion: 1, genesisHash, points: [...points].sort((a, b) => (a.date < b.date ? -1 : 1)) };
  writeAtomic(join(dir, CHECKPOINT_NAME), JSON.stringify(cp));
}

export function removeCheckpoint(dir: string): void {
  rmSync(join(dir, CHECKPOINT_NAME), { force: true });
}
