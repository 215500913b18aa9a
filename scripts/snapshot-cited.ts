/**
 * `npm run snapshot:cited`: build the default `cited`-kind public/data/snapshot.json from the figures cited in
 * content/reference.yaml. It never overwrites a chain snapshot unless told `--force`. (The site serves the
 * figures themselves as /data/reference.json, built from the same file.)
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadReferenceYaml, readJson, SNAPSHOT_FILE } from '../src/data/load.ts';
import { citedSnapshot } from '../src/data/cited-snapshot.ts';
import { migrate } from '../src/model/migrate.ts';
import { writeSnapshot } from './snapshot/write.ts';

const args = new Set(process.argv.slice(2));
try {
  const ref = loadReferenceYaml();
  const existing = existsSync(SNAPSHOT_FILE) ? (migrate(readJson(SNAPSHOT_FILE)) as { kind?: string }) : null;
  if (existing && existing.kind !== 'cited' && !args.has('--force'))
    throw new Error(
      `${SNAPSHOT_FILE} holds kind "${existing.kind}" data; refusing to replace it with cited figures (use --force)`,
    );
  const snap = citedSnapshot(ref, new Date().toISOString());
  writeSnapshot(dirname(SNAPSHOT_FILE), snap);
  console.log(`${SNAPSHOT_FILE}: kind cited, ${snap.series.length} cited series points`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
