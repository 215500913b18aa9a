/**
 * Recording the outcome of a snapshot attempt in <out>/status.json (schema: src/model/status.ts), atomically.
 * Only the nightly job records it (it sets TAOPROOF_RECORD_STATUS=1): a contributor's offline or failed local run
 * must not put a failure banner on every page nor leave `git status` dirty.
 * Run directly to record a failure the snapshot could not record itself (killed, timed out in CI):
 *   npx node scripts/snapshot/status.ts --out public/data --failed "message" [--unless-since ISO]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SnapshotStatus } from '../../src/model/status.ts';
import { readExisting, SNAPSHOT_NAME } from './write.ts';
import { writeAllOrNothing } from '../atomic-write.ts';
import { withManifest } from '../data-manifest.ts';

const STATUS_NAME = 'status.json';

/** The environment variable that makes `npm run snapshot` record its outcome in status.json (set by nightly.yml). */
const RECORD_STATUS_ENV = 'TAOPROOF_RECORD_STATUS';

export function shouldRecordStatus(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[RECORD_STATUS_ENV] === '1';
}

/** The last line of a failed run: what is left in `dir`, and how old it is. */
export function untouchedLine(dir: string): string {
  const file = join(dir, SNAPSHOT_NAME);
  let prev;
  try {
    prev = readExisting(dir);
  } catch {
    return `snapshot: failed; ${file} is untouched (it does not pass validation: fix it, or rebuild it with --replace)`;
  }
  if (prev === null) return `snapshot: failed; nothing was written to ${file}`;
  const from = prev.head
    ? `${prev.head.timestamp.slice(0, 10)}, block #${prev.head.number}, kind ${prev.kind}`
    : `${prev.source.generatedAt.slice(0, 10)}, kind ${prev.kind}: figures cited from publications, no chain reads`;
  return `snapshot: failed; ${file} is untouched (last good data from ${from})`;
}

export function readStatus(dir: string): SnapshotStatus | null {
  const file = join(dir, STATUS_NAME);
  if (!existsSync(file)) return null;
  try {
    return SnapshotStatus.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null; // a bad status file is replaced
  }
}

export function recordStatus(
  dir: string,
  outcome: { ok: true } | { ok: false; error: string },
  now = new Date(),
): SnapshotStatus {
  const prev = readStatus(dir);
  const at = now.toISOString();
  const status: SnapshotStatus = outcome.ok
    ? { statusVersion: 1, lastAttempt: at, lastSuccess: at, error: null }
    : {
        statusVersion: 1,
        lastAttempt: at,
        lastSuccess: prev?.lastSuccess ?? null,
        error: outcome.error.split('\n')[0].slice(0, 500) || 'unknown error',
      };
  SnapshotStatus.parse(status);
  writeAllOrNothing(
    withManifest(dir, [{ file: join(dir, STATUS_NAME), data: `${JSON.stringify(status, null, 1)}\n` }]),
  );
  return status;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'public/data' },
      failed: { type: 'string' },
      'unless-since': { type: 'string' },
    },
  });
  if (!values.failed) {
    process.stderr.write('usage: node scripts/snapshot/status.ts --out DIR --failed MESSAGE [--unless-since ISO]\n');
    process.exit(2);
  }
  const prev = readStatus(values.out!);
  if (values['unless-since'] && prev && prev.lastAttempt >= new Date(values['unless-since']).toISOString()) {
    process.stdout.write(`status: already recorded (${prev.error ?? 'success'})\n`);
  } else {
    recordStatus(values.out!, { ok: false, error: values.failed });
    process.stdout.write(`status: recorded failure: ${values.failed}\n`);
  }
}
