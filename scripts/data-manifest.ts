/**
 * `public/data/SHA256SUMS`: the sha256 of every data file (snapshot.json, subnets-daily.json, verdicts.json,
 * status.json, the proof files `proofs/<block>.json`), in the format of `sha256sum`, so `cd public/data && sha256sum -c SHA256SUMS` checks
 * them without Node. Renewed by every writer of public/data (the snapshot, `npm run verdicts`, the status record,
 * `npm run snapshot:cited`) and by `npm run data:manifest`; checked by the nightly job before it commits or builds,
 * and by tests/data/manifest.test.ts against the committed files.
 *
 *   node scripts/data-manifest.ts [--dir public/data] [--check]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from './atomic-write.ts';

export const MANIFEST_NAME = 'SHA256SUMS';

/** Sub-directories of `dir` whose files the manifest covers too, named `<sub>/<file>`: the published proofs. */
export const DATA_SUBDIRS = ['proofs'];

/**
 * Files of `dir` the manifest covers: the published regular files, and those of DATA_SUBDIRS; not the manifest,
 * temp, rejected (.err) or lock files, nor dotfiles (the checkpoint of an unfinished backfill is working state).
 */
export function dataFiles(dir: string): string[] {
  const published = (d: string, prefix: string) =>
    readdirSync(d)
      .filter(
        (n) =>
          n !== MANIFEST_NAME && !n.startsWith('.') && !/\.(tmp|err|lock)$/.test(n) && statSync(join(d, n)).isFile(),
      )
      .map((n) => prefix + n);
  const subs = DATA_SUBDIRS.filter((s) => existsSync(join(dir, s)) && statSync(join(dir, s)).isDirectory());
  return [...published(dir, ''), ...subs.flatMap((s) => published(join(dir, s), `${s}/`))].sort();
}

const digest = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const sha256 = (file: string) => digest(readFileSync(file));

/**
 * The manifest's text for the files in `dir`, with `pending` (name -> contents about to be written) in place of
 * theirs and without `removed` (names about to be deleted).
 */
export function manifestText(
  dir: string,
  pending: Record<string, string | Uint8Array> = {},
  removed: ReadonlySet<string> = new Set(),
): string {
  const names = [...new Set([...dataFiles(dir), ...Object.keys(pending)])].filter((n) => !removed.has(n)).sort();
  return names.map((n) => `${n in pending ? digest(pending[n]) : sha256(join(dir, n))}  ${n}\n`).join('');
}

type FileToWrite = { file: string; data: string | Uint8Array; validate?: (bytes: Buffer) => void };

/**
 * `files` (in `dir` or its DATA_SUBDIRS) and the manifest that lists them (without `removed`, names relative to
 * `dir` about to be deleted), to be written together, all or nothing.
 */
export function withManifest(
  dir: string,
  files: FileToWrite[],
  removed: ReadonlySet<string> = new Set(),
): FileToWrite[] {
  const pending = Object.fromEntries(files.map((f) => [relative(dir, f.file).split(sep).join('/'), f.data]));
  return [...files, { file: join(dir, MANIFEST_NAME), data: manifestText(dir, pending, removed) }];
}

/** Write `<dir>/SHA256SUMS` for the files now in `dir`. */
export function writeManifest(dir: string): string {
  const file = join(dir, MANIFEST_NAME);
  writeAtomic(file, manifestText(dir));
  return file;
}

/** One problem per file whose sha256 differs from the manifest's, is missing, or is not listed; [] when they agree. */
export function checkManifest(dir: string): string[] {
  const file = join(dir, MANIFEST_NAME);
  if (!existsSync(file)) return [`${file}: missing (run npm run data:manifest)`];
  const listed = new Map<string, string>();
  const problems: string[] = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (!m) problems.push(`${file}:${i + 1}: expected "<sha256>  <name>", received ${JSON.stringify(line)}`);
    else listed.set(m[2], m[1]);
  }
  const present = new Set(dataFiles(dir));
  for (const [name, hash] of listed) {
    if (!present.has(name)) problems.push(`${file}: lists ${name}, which is not in ${dir}`);
    else if (sha256(join(dir, name)) !== hash)
      problems.push(`${join(dir, name)}: sha256 ${sha256(join(dir, name))} differs from ${hash} in ${file}`);
  }
  for (const name of present)
    if (!listed.has(name)) problems.push(`${join(dir, name)}: not listed in ${file} (run npm run data:manifest)`);
  return problems;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: 'public/data' }, check: { type: 'boolean', default: false } },
  });
  if (values.check) {
    const problems = checkManifest(values.dir!);
    for (const p of problems) console.error(`data-manifest: ${p}`);
    if (problems.length) process.exit(1);
    console.log(`data-manifest: ${join(values.dir!, MANIFEST_NAME)}: every file matches`);
  } else console.log(`data-manifest: wrote ${writeManifest(values.dir!)}`);
}
