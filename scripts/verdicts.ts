/**
 * `npm run verdicts`: record the verdict of every checkable claim computed from the chain snapshot, and log each
 * verdict the new chain data flipped, in public/data/verdicts.json (schema `VerdictHistory`,
 * src/data/corrections.ts). The nightly job runs it before the snapshot (same block: verdicts changed by the code
 * since the last night are recorded without an entry) and after it (new block: each flipped verdict gets an entry
 * dated with the head block's date and naming the block), then commits the file with the data.
 *
 * Only `chain` data dates a verdict: with `cited` or `synthetic` data nothing is written. A first run records the
 * verdicts, and an entry for each that differs from the verdict of the cited figures (the committed default the site
 * showed before any chain data). The file is validated before it is written, all or nothing (scripts/atomic-write.ts).
 *
 * The verdicts are the build's: the data is loaded as src/site/data.ts loads it (the snapshot and
 * content/reference.yaml), and the verdict functions are the build's own registry (src/claims/index.ts).
 */
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseVerdictHistory, loadVerdictHistory, verdictChanges, VERDICTS_FILE } from '../src/data/corrections.ts';
import type { AutomaticCorrection, VerdictHistory } from '../src/model/corrections.ts';
import { VERDICT_FNS } from '../src/claims/index.ts';
import type { Verdict } from '../src/claims/types.ts';
import { DataFileError } from '../src/data/errors.ts';
import { citedSnapshot } from '../src/data/cited-snapshot.ts';
import { loadReferenceYaml, loadSnapshot, REFERENCE_SOURCE } from '../src/data/load.ts';
import type { ReportData } from '../src/model/schema.ts';
import { writeAllOrNothing } from './atomic-write.ts';
import { withManifest } from './data-manifest.ts';

const ROOT = join(import.meta.dirname, '..');
const HELP = `npm run verdicts [-- --dir public/data] [--reference content/reference.yaml]

Computes every verdict from <dir>/snapshot.json and records it in <dir>/verdicts.json, with an entry for each
verdict that changed since the recorded block. Writes nothing unless the snapshot's kind is "chain".`;

const list = (ids: string[]) =>
  ids.length > 6 ? `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more` : ids.join(', ');

/** Run once; returns the one line that says what was done. Throws (a DataFileError names the file) on bad input. */
export async function run(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string', default: dirname(VERDICTS_FILE) },
      reference: { type: 'string', default: REFERENCE_SOURCE },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return HELP;
  const snapshotFile = join(values.dir, 'snapshot.json');
  const file = join(values.dir, 'verdicts.json'); // public/data/verdicts.json (VERDICTS_FILE) by default
  const snapshot = loadSnapshot(snapshotFile);
  if (snapshot.kind !== 'chain' || !snapshot.head)
    return `verdicts: ${snapshotFile} holds kind "${snapshot.kind}" data, and only chain data dates a verdict: ${file} not written`;
  const data = { snapshot, reference: loadReferenceYaml(values.reference) };
  const fns = VERDICT_FNS;
  const verdictsOf = (d: ReportData): Record<string, Verdict> =>
    Object.fromEntries(
      Object.keys(fns)
        .sort()
        .map((id) => [id, fns[id](d).verdict]),
    );
  const verdicts = verdictsOf(data);
  const head = snapshot.head;
  const at = { number: head.number, hash: head.hash, date: head.timestamp.slice(0, 10) };
  const where = `block ${head.number.toLocaleString('en-US')} (${at.date})`;
  const previous = loadVerdictHistory(file);
  const write = (h: VerdictHistory) => {
    const text = `{\n "verdictsVersion": ${h.verdictsVersion},\n "kind": "chain",\n "block": ${JSON.stringify(h.block)},\n "verdicts": ${JSON.stringify(h.verdicts)},\n "changes": [${h.changes.map((c) => `\n  ${JSON.stringify(c)}`).join(',')}${h.changes.length ? '\n ' : ''}]\n}\n`;
    parseVerdictHistory(JSON.parse(text), file); // never write a file the build would refuse
    writeAllOrNothing(withManifest(values.dir, [{ file, data: text }])); // with public/data/SHA256SUMS
  };
  const count = Object.keys(verdicts).length;
  const changed = (made: AutomaticCorrection[]) => made.map((c) => `${c.claim} ${c.old} → ${c.new}`).join('; ');
  if (!previous) {
    // before the first chain data, the site's verdicts were those of the cited figures (the committed default,
    // npm run snapshot:cited): each verdict the chain data changes is a change readers saw, so it is logged
    const cited = verdictsOf({
      snapshot: citedSnapshot(data.reference, snapshot.source.generatedAt),
      reference: data.reference,
    });
    const made = verdictChanges(cited, verdicts, { date: at.date, block: at.number }, 'cited') as AutomaticCorrection[];
    write({ verdictsVersion: 1, kind: 'chain', block: at, verdicts, changes: made });
    return `verdicts: ${file}: first record, ${count} verdicts at ${where}; ${made.length ? `${made.length} changed from the cited figures: ${changed(made)}` : 'none changed from the cited figures'}`;
  }
  const differ = [...new Set([...Object.keys(previous.verdicts), ...Object.keys(verdicts)])]
    .sort()
    .filter((id) => previous.verdicts[id] !== verdicts[id]);
  if (head.number < previous.block.number)
    throw new DataFileError(snapshotFile, [
      `head.number: the data is at block ${head.number}, older than the verdicts recorded in ${file} at block ${previous.block.number}; ${file} left as it was`,
    ]);
  if (head.number === previous.block.number) {
    if (head.hash !== previous.block.hash)
      throw new DataFileError(snapshotFile, [
        `head.hash: block ${head.number} is ${head.hash} here but ${previous.block.hash} in ${file}; ${file} left as it was`,
      ]);
    if (!differ.length) return `verdicts: ${file}: unchanged, same data (${where}), ${count} verdicts as recorded`;
    write({ ...previous, verdicts });
    return `verdicts: ${file}: same data (${where}), so no entry; the code changed ${list(differ)}: recorded as current (log a code change in content/corrections.yaml)`;
  }
  const made = verdictChanges(previous.verdicts, verdicts, {
    date: at.date,
    block: at.number,
  }) as AutomaticCorrection[];
  write({ ...previous, block: at, verdicts, changes: [...previous.changes, ...made] });
  return made.length
    ? `verdicts: ${file}: ${made.length} verdict${made.length > 1 ? 's' : ''} changed at ${where}: ${changed(made)}`
    : `verdicts: ${file}: no verdict changed at ${where} (${count} verdicts, ${previous.changes.length} changes so far)`;
}

if (import.meta.main) {
  try {
    console.log(await run(process.argv.slice(2)));
  } catch (e) {
    console.error(`verdicts: ${(e as Error).message.replaceAll(`${ROOT}/`, '')}`);
    process.exit(1);
  }
}
