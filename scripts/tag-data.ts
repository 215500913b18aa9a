/**
 * `npm run tag-data`: version the nightly data. When public/data differs from the last commit, it appends what changed
 * (src/data/versions.ts `versionEntry`: flipped verdicts, corrected statements, replies received, head values that
 * moved by more than 1%) to public/data/versions.json, commits public/data and tags that commit `data-YYYY-MM-DD`
 * (annotated, so `git push --follow-tags` pushes it). With no change under public/data it does nothing. /changes/
 * lists the versions from versions.json (CI checks the repository out shallow, without tags).
 *
 *   node scripts/tag-data.ts [--cwd <repository>] [--date YYYY-MM-DD] [--record-only]
 *
 * `--record-only` writes versions.json and prints the line, and leaves the commit and the tag to the caller: the
 * nightly job records in its snapshot job (which has Node) and commits and tags in its commit job (git only, the one
 * job allowed to write to the repository).
 *
 * Prints one line: `tag-data: data-2026-12-03: 2 verdicts, 0 statements, 3 numbers, 0 replies changed (block …)`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorrections, parseVerdictHistory, VERDICTS_FILE } from '../src/data/corrections.ts';
import { loadReplies, REPLIES_FILE } from '../src/data/replies.ts';
import {
  loadVersions,
  nextTag,
  parseVersions,
  versionEntry,
  VERSIONS_FILE,
  type DataState,
} from '../src/data/versions.ts';
import { parseSnapshot, SNAPSHOT_FILE } from '../src/data/load.ts';
import { ISO_DATE } from '../src/model/ids.ts';
import { writeAtomic } from './snapshot/write.ts';

const DATA_DIR = 'public/data';

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: r.status === 0 ? r.stdout : `${r.stderr}`.trim() };
}
function gitOrThrow(cwd: string, args: string[]): string {
  const r = git(cwd, args);
  if (!r.ok) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.out;
}

/** The data as committed at HEAD (each file null when HEAD lacks it) and as in the working tree. */
function dataAt(cwd: string, read: (file: string) => string | null): DataState {
  const snap = read(SNAPSHOT_FILE);
  const verdicts = read(VERDICTS_FILE);
  return {
    snapshot: snap === null ? null : parseSnapshot(JSON.parse(snap), SNAPSHOT_FILE),
    verdicts: verdicts === null ? null : parseVerdictHistory(JSON.parse(verdicts), VERDICTS_FILE),
  };
}

export async function run(
  argv: string[] = [],
  { now = new Date() }: { now?: Date } = {},
): Promise<{ tag: string | null; message: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cwd: { type: 'string', default: process.cwd() },
      date: { type: 'string' },
      'record-only': { type: 'boolean', default: false },
    },
  });
  const cwd = values.cwd!;
  const date = values.date ?? now.toISOString().slice(0, 10);
  if (!ISO_DATE.test(date)) throw new Error(`--date: expected YYYY-MM-DD, received "${date}"`);
  if (gitOrThrow(cwd, ['status', '--porcelain', '--', DATA_DIR]).trim() === '')
    return { tag: null, message: `tag-data: no change under ${DATA_DIR}: nothing to tag` };

  const hasHead = git(cwd, ['rev-parse', '--verify', 'HEAD']).ok;
  const before = dataAt(cwd, (f) => {
    if (!hasHead) return null;
    const r = git(cwd, ['show', `HEAD:${f}`]);
    return r.ok ? r.out : null;
  });
  const after = dataAt(cwd, (f) => (existsSync(join(cwd, f)) ? readFileSync(join(cwd, f), 'utf8') : null));
  const versionsFile = join(cwd, VERSIONS_FILE);
  const versions = loadVersions(versionsFile);
  const tags = new Set([
    ...gitOrThrow(cwd, ['tag', '--list', 'data-*']).split('\n').filter(Boolean),
    ...versions.versions.map((v) => v.tag),
  ]);
  const tag = nextTag(date, tags);
  const corrections = join(cwd, 'content/corrections.yaml');
  const entry = versionEntry(before, after, {
    tag,
    date,
    since: versions.versions.at(-1)?.date ?? null,
    corrections: existsSync(corrections) ? loadCorrections(corrections) : [],
    replies: loadReplies(join(cwd, REPLIES_FILE)),
  });
  const next = { ...versions, versions: [...versions.versions, entry] };
  const text = `${JSON.stringify(next, null, 1)}\n`;
  parseVersions(JSON.parse(text), VERSIONS_FILE); // never write a file the build would refuse
  writeAtomic(versionsFile, text);

  const block = entry.data.block === null ? 'cited figures, no block' : `block ${entry.data.block}`;
  const summary = `${entry.verdicts.length} verdicts, ${entry.statements.length} statements, ${entry.numbers.length} numbers, ${entry.replies.length} replies changed (${block})`;
  const message = `tag-data: ${tag}: ${summary}`;
  if (values['record-only']) return { tag, message };
  gitOrThrow(cwd, ['add', '-A', '--', DATA_DIR]);
  gitOrThrow(cwd, ['commit', '-q', '-m', `data: nightly snapshot ${date} (${tag})`, '-m', summary]);
  gitOrThrow(cwd, ['tag', '-a', tag, '-m', `taoproof data ${tag}: ${summary}`]);
  return { tag, message };
}

if (import.meta.main) {
  try {
    console.log((await run(process.argv.slice(2))).message);
  } catch (e) {
    console.error(`tag-data: ${(e as Error).message}`);
    process.exit(1);
  }
}
