/**
 * Migrations for the versioned data files, oldest first. Each takes a file of version N and returns version N + 1,
 * so an old committed file keeps loading after the schema moves on. Add one to each table whenever SCHEMA_VERSION
 * changes.
 */
import { SCHEMA_VERSION } from './version.ts';

type Json = Record<string, unknown>;
type Migrations = Record<number, (file: Json) => Json>;

/**
 * v2 called the kind of a snapshot built from cited figures alone `reference`, the word that also names the cited
 * figures themselves (content/reference.yaml); v3 calls that kind `cited`. Files without a kind only change version.
 */
const citedKind = (file: Json): Json => ({
  ...file,
  schemaVersion: 3,
  ...(file.kind === 'reference' ? { kind: 'cited' } : {}),
});

/**
 * v4 says how a file's chain values were checked (`verification`). Chain and synthetic files written before were read
 * on the node's word, from one operator: unproven and single-source. A cited file reads no chain: null.
 */
const verification = (file: Json): Json => ({
  ...file,
  schemaVersion: 4,
  verification: file.kind === 'cited' ? null : { values: 'unproven', hashes: 'single-source', operators: [] },
});

/** public/data/snapshot.json */
const SNAPSHOT_MIGRATIONS: Migrations = {
  /**
   * v1 is the shape sketched in the design notes: `head.block` (now `head.number`) and `source.endpoints`
   * as a list (now `source.endpoint`, the one endpoint that answered).
   */
  1: (file) => {
    const head = file.head as Json | null | undefined;
    const source = file.source as Json | undefined;
    const { block, ...restHead } = head ?? {};
    const { endpoints, ...restSource } = source ?? {};
    return {
      ...file,
      schemaVersion: 2,
      head: head ? { number: block, ...restHead } : head,
      source: source
        ? { ...restSource, endpoint: Array.isArray(endpoints) ? String(endpoints[0] ?? '') : restSource.endpoint }
        : source,
    };
  },
  2: citedKind,
  3: verification,
};

/** public/data/subnets-daily.json, which began at version 2 */
export const SUBNETS_DAILY_MIGRATIONS: Migrations = { 2: citedKind, 3: verification };

/** content/reference.yaml, which began at version 2 */
export const REFERENCE_MIGRATIONS: Migrations = { 2: citedKind, 3: (file) => ({ ...file, schemaVersion: 4 }) };

export class MigrationError extends Error {}

/** Bring a parsed file up to SCHEMA_VERSION with its table of migrations; leaves current files untouched. */
export function migrate(file: unknown, migrations: Migrations = SNAPSHOT_MIGRATIONS): unknown {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return file;
  let out = file as Json;
  if (typeof out.schemaVersion !== 'number') return out; // the schema reports the missing or bad field
  let version: number = out.schemaVersion;
  if (version > SCHEMA_VERSION)
    throw new MigrationError(
      `schemaVersion: expected at most ${SCHEMA_VERSION}, received ${version} (written by a newer taoproof; update this checkout)`,
    );
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new MigrationError(`schemaVersion: no migration from version ${version}`);
    out = step(out);
    version = out.schemaVersion as number;
  }
  return out;
}
