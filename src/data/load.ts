/** Reading data files from disk: the only I/O of the data layer. Everything after this is pure. */
import { existsSync, readFileSync } from 'node:fs';
import { SnapshotStatus, STATUS_FILE } from '../model/status.ts';
import { parse as parseYaml } from 'yaml';
import { migrate, MigrationError, REFERENCE_MIGRATIONS, SUBNETS_DAILY_MIGRATIONS } from '../model/migrate.ts';
import { DataFileError, parseOrThrow } from './errors.ts';
import { Reference, Snapshot, SubnetsDaily } from '../model/schema.ts';

export const SNAPSHOT_FILE = 'public/data/snapshot.json';
export const SUBNETS_DAILY_FILE = 'public/data/subnets-daily.json';

/** A JSON file's value; a file that cannot be read or parsed is a DataFileError naming it. */
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataFileError(file, [`cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataFileError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
}

/** Migrate a file of an older schema version with its table; a failure names the file. */
function migrated(json: unknown, file: string, migrations?: Parameters<typeof migrate>[1]): unknown {
  try {
    return migrate(json, migrations);
  } catch (e) {
    if (e instanceof MigrationError) throw new DataFileError(file, [e.message]);
    throw e;
  }
}

/** Parse a snapshot already read as JSON: migrate old versions, then validate. */
export function parseSnapshot(json: unknown, file = SNAPSHOT_FILE): Snapshot {
  return parseOrThrow(Snapshot, migrated(json, file), file);
}

export function loadSnapshot(file = SNAPSHOT_FILE): Snapshot {
  return parseSnapshot(readJson(file), file);
}

export const REFERENCE_SOURCE = 'content/reference.yaml';

/** The curated reference figures, validated; `yaml` with merge keys for the shared article source. */
export function loadReferenceYaml(file = REFERENCE_SOURCE): Reference {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'), { merge: true });
  } catch (e) {
    throw new DataFileError(file, [`not valid YAML: ${(e as Error).message}`]);
  }
  return parseOrThrow(Reference, migrated(doc, file, REFERENCE_MIGRATIONS), file);
}

/** The last snapshot attempt's outcome (written by the nightly job), or null when the file does not exist. */
export function loadStatus(file = STATUS_FILE): SnapshotStatus | null {
  if (!existsSync(file)) return null;
  return parseOrThrow(SnapshotStatus, readJson(file), file);
}

/** Per-subnet daily values (`subnets-daily.json`), validated; null when the file does not exist. */
export function loadSubnetsDaily(file = SUBNETS_DAILY_FILE): SubnetsDaily | null {
  if (!existsSync(file)) return null;
  return parseOrThrow(SubnetsDaily, migrated(readJson(file), file, SUBNETS_DAILY_MIGRATIONS), file);
}
