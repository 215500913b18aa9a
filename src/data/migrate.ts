/**
 * Migrations for snapshot files, oldest first. Each takes a file of version N and returns version N + 1, so
 * an old committed snapshot keeps loading after the schema moves on. Add one whenever SCHEMA_VERSION changes.
 */
import { SCHEMA_VERSION } from './version.ts';

type Json = Record<string, unknown>;

const migrations: Record<number, (file: Json) => Json> = {
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
};

export class MigrationError extends Error {}

/** Bring a parsed JSON file up to SCHEMA_VERSION; leaves current files untouched. */
export function migrate(file: unknown): unknown {
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
