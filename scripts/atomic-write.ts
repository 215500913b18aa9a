/**
 * The one writer of every file the project writes (snapshot.json, subnets-daily.json, verdicts.json, status.json,
 * the snapshot checkpoint, the metadata cache): all or nothing. Each file goes to a temp file beside it, written in
 * full (a short write is continued, never ignored), fsync'd, read back and compared byte for byte, validated, and
 * only then renamed over the old file; the directory is fsync'd after the rename. Several files can be staged first
 * and renamed together (`stage` + `commit`), so a full disk while writing the second leaves the first untouched too.
 *
 * A write that fails (ENOSPC, EFBIG, EDQUOT, EROFS, ...) removes its temp file and throws a WriteError whose message
 * is one line naming the file and the cause; the previous file is byte-identical. A process over its file size limit
 * (`ulimit -f`) is killed by SIGXFSZ unless it ignores the signal: importing this module ignores it, so the write
 * gets EFBIG instead and the run ends with that line.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

// SIGXFSZ would kill the process mid-write (no message, no clean-up); with a handler the write fails with EFBIG.
process.on('SIGXFSZ', () => {});

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EFBIG: 'file too large: over the process file size limit (ulimit -f, SIGXFSZ) or the file system',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'I/O error',
};

export class WriteError extends Error {
  readonly file: string;
  readonly code: string;
  constructor(file: string, code: string, detail?: string) {
    super(`${file}: not written: ${detail ?? CAUSES[code] ?? code} (${code}); the previous file is untouched`);
    this.name = 'WriteError';
    this.file = file;
    this.code = code;
  }
}

/** A temp file written in full, fsync'd, read back and validated, waiting for its rename. */
export interface Staged {
  file: string;
  tmp: string;
}

const tempOf = (file: string) => `${file}.${process.pid}.tmp`;

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? 'EIO';
}

/**
 * Write `data` to a temp file beside `file`, completely (looping over short writes), fsync it, read it back and
 * check it is byte-identical and passes `validate`. Throws a WriteError (temp file removed) on any failure.
 */
export function stage(file: string, data: string | Uint8Array, validate?: (bytes: Buffer) => void): Staged {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const tmp = tempOf(file);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      let off = 0;
      while (off < buf.length) {
        const n = writeSync(fd, buf, off, buf.length - off);
        if (n <= 0) throw new WriteError(file, 'ENOSPC', `the write stopped after ${off} of ${buf.length} bytes`);
        off += n;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const back = readFileSync(tmp);
    if (!back.equals(buf))
      throw new WriteError(file, 'EIO', `read back ${back.length} bytes that differ from the ${buf.length} written`);
    validate?.(back);
    return { file, tmp };
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof WriteError || !(e as NodeJS.ErrnoException)?.code) throw e; // a validation error stays as is
    throw new WriteError(file, codeOf(e));
  }
}

/** Remove staged temp files (after a failure to stage another file of the same set). */
export function discard(staged: Staged[]): void {
  for (const s of staged) rmSync(s.tmp, { force: true });
}

/** Rename staged files over their targets, in order, then fsync their directories. */
export function commit(staged: Staged[]): void {
  for (const [i, s] of staged.entries())
    try {
      renameSync(s.tmp, s.file);
    } catch (e) {
      discard(staged.slice(i));
      throw new WriteError(s.file, codeOf(e));
    }
  for (const d of new Set(staged.map((s) => dirname(s.file))))
    try {
      const fd = openSync(d, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      /* some file systems refuse a directory fsync (EINVAL); the rename itself is atomic */
    }
}

/** Stage every file, then rename them all; if any cannot be staged, none is renamed. */
export function writeAllOrNothing(
  files: Array<{ file: string; data: string | Uint8Array; validate?: (b: Buffer) => void }>,
): void {
  const staged: Staged[] = [];
  try {
    for (const f of files) staged.push(stage(f.file, f.data, f.validate));
  } catch (e) {
    discard(staged);
    throw e;
  }
  commit(staged);
}

/** Write one file all or nothing (see the module comment). */
export function writeAtomic(file: string, data: string | Uint8Array, validate?: (bytes: Buffer) => void): void {
  writeAllOrNothing([{ file, data, validate }]);
}
