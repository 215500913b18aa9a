/**
 * Real full file systems for the reliability tests: a small tmpfs (needs root, as in CI and here) filled to a chosen
 * free space, and `ulimit -f` for a child process. Nothing is simulated: the kernel refuses the writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  /** bytes free now */
  free(): number;
  /** fill the file system until `bytes` are left free (a filler file) */
  leave(bytes: number): void;
  unmount(): void;
}

/** Mount a tmpfs of `kb` KiB; null (and the reason in `why`) when mounting is not permitted. */
export function mountTmpfs(kb: number): Tmpfs | { why: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'taoproof-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { why: `cannot mount a tmpfs (${(r.stderr || r.error?.message || '').trim()}): run the tests as root` };
  }
  const free = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    free,
    leave(bytes) {
      const filler = path.join(dir, '.filler');
      const n = free() - bytes;
      if (n > 0) writeFileSync(filler, Buffer.alloc(n, 0x20), { flag: 'a' });
    },
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh folder inside `root` (e.g. the tmpfs). */
export function subdir(root: string, name: string): string {
  const d = path.join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

/** Run `argv` (node and its arguments) under `ulimit -f <blocks>` (1 KiB blocks), in bash. */
export function underUlimit(blocks: number, argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const quoted = argv.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  return spawnSync('bash', ['-c', `ulimit -f ${blocks}; exec ${quoted}`], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}
