/**
 * Files in --out: the snapshot and the per-subnet daily values (`subnets-daily.json`), each validated, and the proof
 * files of their blocks (`proofs/<block>.json`), then
 * written atomically (temp file, fsync, rename), and a checkpoint of a backfill in progress (`.snapshot-checkpoint.json`, same atomic write), so that an interrupted run
 * resumes without refetching and without a missing or duplicated day. Nothing here writes over a file in place.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DataFileError, parseOrThrow } from '../../src/data/errors.ts';
import { loadSnapshot, loadSubnetsDaily, parseSnapshot } from '../../src/data/load.ts';
import { Hash32 } from '../../src/model/ids.ts';
import { SeriesPoint, SubnetsDaily, SubnetsDay, type Snapshot } from '../../src/model/schema.ts';
import { writeAllOrNothing, writeAtomic, WriteError } from '../atomic-write.ts';
import { withManifest } from '../data-manifest.ts';
import { PROOFS_DIR, proofFileName } from './proof-file.ts';

export { writeAtomic };

export const SNAPSHOT_NAME = 'snapshot.json';
export const SUBNETS_DAILY_NAME = 'subnets-daily.json';
export const CHECKPOINT_NAME = '.snapshot-checkpoint.json';

/** Remove temp files left by killed runs (`*.PID.tmp` whose process is gone). */
export function removeStaleTemps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m =
      /^(snapshot\.json|subnets-daily\.json|\.snapshot-checkpoint\.json|status\.json|verdicts\.json|SHA256SUMS)\.(\d+)\.tmp$/.exec(
        name,
      );
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

/** A file to write: `text` validated with `parse` now (kept as `<name>.err` when invalid) and again as read back. */
function validated(
  dir: string,
  name: string,
  what: string,
  text: string,
  parse: (json: unknown, file: string) => unknown,
): { file: string; data: string; validate: (bytes: Buffer) => void } {
  const file = join(dir, name);
  try {
    parse(JSON.parse(text), file);
  } catch (e) {
    try {
      writeFileSync(`${file}.err`, text);
    } catch {
      /* a full disk: the message below still names the problem */
    }
    if (e instanceof DataFileError)
      throw new DataFileError(file, [
        `the new ${what} fails validation (kept as ${name}.err, old file untouched): ${e.problems[0]}`,
        ...e.problems.slice(1),
      ]);
    throw e;
  }
  return { file, data: text, validate: (bytes) => void parse(JSON.parse(bytes.toString('utf8')), file) };
}

const snapshotFile = (dir: string, snapshot: Snapshot) =>
  validated(dir, SNAPSHOT_NAME, 'snapshot', `${JSON.stringify(snapshot, null, 1)}\n`, parseSnapshot);

function subnetsFile(dir: string, data: SubnetsDaily) {
  // one day per line: the file grows by a day a night and stays diffable
  const days = data.days.map((d) => JSON.stringify(d)).join(',\n  ');
  const text = `{"schemaVersion": ${data.schemaVersion}, "kind": ${JSON.stringify(data.kind)}, "verification": ${JSON.stringify(data.verification)}, "chain": ${JSON.stringify(data.chain)}, "days": [${days ? `\n  ${days}\n` : ''}]}\n`;
  return validated(dir, SUBNETS_DAILY_NAME, 'per-subnet daily file', text, (json, file) =>
    parseOrThrow(SubnetsDaily, json, file),
  );
}

/**
 * Write files validated by `validated` (and proof files) and the manifest listing them, all or nothing; then drop
 * their stale `.err` files and the files of `removed` (relative to `dir`, left out of the manifest).
 */
function writeValidated(
  dir: string,
  files: ReturnType<typeof validated>[],
  more: Array<{ file: string; data: string }> = [],
  removed: ReadonlySet<string> = new Set(),
): void {
  writeAllOrNothing(withManifest(dir, [...files, ...more], removed));
  for (const f of files) rmSync(`${f.file}.err`, { force: true });
  for (const name of removed) rmSync(join(dir, name), { force: true });
}

/**
 * The proof files to write with the data: `files` (block -> text, scripts/snapshot/proof-file.ts) are written; of
 * the existing ones, those of `referenced` blocks are kept and the others removed. Null (a --trust-node run, whose
 * data is unproven): no proof file is written and the existing ones are removed.
 */
export interface ProofFiles {
  files: ReadonlyMap<number, string>;
  referenced: ReadonlySet<number>;
}

function proofChanges(dir: string, proofs: ProofFiles | null) {
  const pdir = join(dir, PROOFS_DIR);
  const write = [...(proofs?.files ?? new Map<number, string>())]
    .filter(([n]) => proofs!.referenced.has(n))
    .map(([n, data]) => ({ file: join(pdir, proofFileName(n)), data }));
  const removed = new Set<string>();
  if (existsSync(pdir))
    for (const name of readdirSync(pdir)) {
      const m = /^(\d+)\.json$/.exec(name);
      if (!m || !proofs?.referenced.has(Number(m[1]))) removed.add(`${PROOFS_DIR}/${name}`);
    }
  if (write.length) mkdirSync(pdir, { recursive: true });
  return { write, removed };
}

/** Validate a snapshot with the schema and write it atomically; on failure keep it as `snapshot.json.err`. */
export function writeSnapshot(dir: string, snapshot: Snapshot): string {
  const f = snapshotFile(dir, snapshot);
  writeValidated(dir, [f]);
  return f.file;
}

/** Validate the per-subnet daily values and write them atomically (`subnets-daily.json`; `.err` on failure). */
export function writeSubnetsDaily(dir: string, data: SubnetsDaily): string {
  const f = subnetsFile(dir, data);
  writeValidated(dir, [f]);
  return f.file;
}

/**
 * Both data files or neither, with their proof files (`proofs/<block>.json`): each is validated, staged in full and
 * read back before any is renamed, so a full disk or a bad file leaves the previous files (proofs included) as they
 * were; proof files of blocks no longer referenced are removed after the renames. (A kill between the two renames leaves a pair whose
 * days differ: the build's check refuses it, and the next run rewrites both.)
 */
export function writeDataFiles(
  dir: string,
  snapshot: Snapshot,
  subnets: SubnetsDaily,
  proofs: ProofFiles | null = null,
): [string, string] {
  const files = [snapshotFile(dir, snapshot), subnetsFile(dir, subnets)];
  const { write, removed } = proofChanges(dir, proofs);
  writeValidated(dir, files, write, removed);
  return [files[0].file, files[1].file];
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
  checkpointVersion: z.literal(2),
  genesisHash: Hash32,
  /** days fetched so far by an unfinished run (not yet in snapshot.json) */
  points: z.array(SeriesPoint),
  /** their per-subnet values, and those of known days re-read at their block (not yet in subnets-daily.json) */
  subnets: z.array(SubnetsDay),
  /** how the run checked its values (absent: unproven); a run resumes only a checkpoint of its own kind */
  values: z.enum(['proven', 'unproven']).optional(),
  /** sha256 of what the checkpoint claims (checkpointSum): an edited checkpoint is refused and its days re-read */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** The checksum of a checkpoint's claims: its chain, its points and its per-subnet days, as written. */
export function checkpointSum(cp: Pick<Checkpoint, 'genesisHash' | 'points' | 'subnets' | 'values'>): string {
  const claims = [cp.genesisHash, cp.points, cp.subnets, ...(cp.values === undefined ? [] : [cp.values])];
  return createHash('sha256').update(JSON.stringify(claims)).digest('hex');
}

/** The checkpoint of an interrupted run of this chain; null when absent, of another chain, or refused (logged). */
type Values = 'proven' | 'unproven';

function checkpointOf(
  dir: string,
  genesisHash: string,
  log: (line: string) => void,
  values: Values,
): Checkpoint | null {
  const file = join(dir, CHECKPOINT_NAME);
  if (!existsSync(file)) return null;
  let cp: Checkpoint;
  try {
    cp = parseOrThrow(Checkpoint, JSON.parse(readFileSync(file, 'utf8')), file);
  } catch (e) {
    // an unreadable checkpoint only costs refetching
    log(`${file}: refused, its days are read again: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
  if (checkpointSum(cp) !== cp.sha256) {
    log(`${file}: refused, its days are read again: sha256 of its contents is not the one it records (edited?)`);
    return null;
  }
  return cp.genesisHash === genesisHash && (cp.values ?? 'unproven') === values ? cp : null;
}

export function readCheckpoint(
  dir: string,
  genesisHash: string,
  log: (line: string) => void = () => {},
  values: Values = 'proven',
): SeriesPoint[] {
  return checkpointOf(dir, genesisHash, log, values)?.points ?? [];
}

/** Per-subnet days of the checkpoint. */
export function readCheckpointSubnets(dir: string, genesisHash: string, values: Values = 'proven'): SubnetsDay[] {
  return checkpointOf(dir, genesisHash, () => {}, values)?.subnets ?? [];
}

export function writeCheckpoint(
  dir: string,
  genesisHash: string,
  points: SeriesPoint[],
  subnets: SubnetsDay[] = [],
  values: Values = 'proven',
): void {
  const byDate = <T extends { date: string }>(list: T[]) => [...list].sort((a, b) => (a.date < b.date ? -1 : 1));
  const claims = { genesisHash, points: byDate(points), subnets: byDate(subnets), values };
  const cp: Checkpoint = { checkpointVersion: 2, ...claims, sha256: checkpointSum(claims) };
  writeAtomic(join(dir, CHECKPOINT_NAME), JSON.stringify(cp));
}

export function removeCheckpoint(dir: string): void {
  rmSync(join(dir, CHECKPOINT_NAME), { force: true });
}

const LOCK_NAME = '.snapshot.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

/**
 * One run at a time on `dir`: create `<dir>/.snapshot.lock` (exclusively) with this process's pid. A lock whose
 * process is gone is stale: removed (logged) and taken. A live holder (this process included: two runs in one
 * process) stops this run with a LockError naming it.
 * Returns the release function.
 */
export function acquireLock(dir: string, log: (line: string) => void = () => {}): () => void {
  const file = join(dir, LOCK_NAME);
  const mine = `${JSON.stringify({ pid: process.pid, started: new Date().toISOString(), argv: process.argv.slice(1).join(' ') })}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new WriteError(file, (e as NodeJS.ErrnoException).code ?? 'EIO');
      let held: { pid?: unknown; started?: unknown; argv?: unknown } = {};
      try {
        held = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* unreadable (killed while writing it): stale */
      }
      const pid = typeof held.pid === 'number' ? held.pid : null;
      if (pid !== null && alive(pid))
        throw new LockError(
          `${file}: another snapshot run holds ${dir} (pid ${pid}, started ${String(held.started)}: ${String(held.argv)}); wait for it to end (if pid ${pid} is not a snapshot, remove the file)`,
        );
      log(`${file}: removed a stale lock (${pid === null ? 'unreadable' : `pid ${pid} is not running`})`);
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, mine);
      fsyncSync(fd);
    } catch (e) {
      rmSync(file, { force: true });
      throw new WriteError(file, (e as NodeJS.ErrnoException).code ?? 'EIO');
    } finally {
      closeSync(fd);
    }
    return () => rmSync(file, { force: true });
  }
  throw new LockError(`${file}: could not take the lock (another run keeps taking it)`);
}
