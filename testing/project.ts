/**
 * Throwaway copies of the project, for build tests that corrupt data or content and for `npm run preview:synthetic`
 * (scratchProject): the real tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** What `astro build` reads from the project, and testing/, which scripts/ import (node_modules is linked, not copied). */
const BUILD_INPUTS = [
  'src',
  'content',
  'public',
  'scripts',
  'testing',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];
/**
 * What the build's up-front check (`checkProject` in src/checks/check.ts) reads from a project folder: the data and
 * content files, and the pages and layout (for the site's paths and anchors). The code it checks them against
 * (charts, verdicts) is the one the test imports.
 */
const CHECK_INPUTS = ['content', 'public', 'src/pages', 'src/layouts'];

/** A scratch copy of the whole project, to build with `build()`. */
export function tempProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taoproof-'));
  for (const name of BUILD_INPUTS) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** A scratch copy of what the check reads (CHECK_INPUTS) only, for `checkProject(dir, …)` in the test's own process. */
export function tempContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taoproof-content-'));
  for (const name of CHECK_INPUTS) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  return dir;
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `astro build` in `dir` with the Node running the tests (22, from node_modules). */
export function build(dir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  // without colour codes (Astro colours its labels when it sees a terminal or CI=true)
  return { status: r.status, output: stripVTControlCharacters(`${r.stdout}\n${r.stderr}`) };
}

/** The data files a build reads from public/data, copied from a snapshot's output folder. */
const DATA_FILES = ['snapshot.json', 'subnets-daily.json'] as const;

/**
 * A scratch copy of the project whose public/data holds the snapshot in `dataDir` (written by `npm run snapshot --
 * --out dataDir`). The real tree is not touched: the copy is built and previewed in its own folder.
 */
export function scratchProject(dataDir: string): string {
  if (!existsSync(join(dataDir, 'snapshot.json')))
    throw new Error(`${join(dataDir, 'snapshot.json')}: no snapshot to preview`);
  const project = tempProject();
  for (const f of DATA_FILES) {
    const target = join(project, 'public/data', f);
    rmSync(target, { force: true });
    if (existsSync(join(dataDir, f))) copyFileSync(join(dataDir, f), target);
  }
  // the proof files of the data's blocks, if any (the site offers its in-browser check only for blocks that have one)
  const proofs = join(project, 'public/data/proofs');
  rmSync(proofs, { recursive: true, force: true });
  if (existsSync(join(dataDir, 'proofs'))) cpSync(join(dataDir, 'proofs'), proofs, { recursive: true });
  return project;
}

/** Build the scratch copy; throws with the build's last lines when it fails. Returns the built site's folder and the build's output. */
export function buildScratch(project: string): { dist: string; output: string } {
  const r = build(project);
  if (r.status !== 0) throw new Error(`preview build failed:\n${r.output.slice(-3000)}`);
  return { dist: join(project, 'dist'), output: r.output };
}
