/**
 * `npm run snapshot`: read the Bittensor chain into public/data/snapshot.json. See docs/snapshot.md and
 * `npm run snapshot -- --help`. Logic lives in scripts/snapshot/ (command, cli, rpc, keys, runtime, read, days,
 * history, build, write).
 */
import { oneLine, snapshotCommand } from './snapshot/command.ts';
import { interrupt } from './snapshot/main.ts';

// Interrupted: the checkpoint is written now (what was fetched since the last one would be lost otherwise), and
// the message says what was actually written.
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    let saved = 'no backfill under way, so no checkpoint written';
    try {
      if (interrupt.flush) saved = interrupt.flush();
    } catch (e) {
      saved = `the checkpoint could not be written: ${oneLine(e)}`;
    }
    interrupt.release?.();
    process.stderr.write(`snapshot: interrupted (${sig}); previous files untouched; ${saved}\n`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });

snapshotCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`snapshot: error: ${oneLine(e)}\n`);
    process.exit(1);
  },
);
