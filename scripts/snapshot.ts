/**
 * `npm run snapshot`: read the Bittensor chain into public/data/snapshot.json. See docs/snapshot.md and
 * `npm run snapshot -- --help`. Logic lives in scripts/snapshot/ (cli, rpc, keys, runtime, read, days,
 * history, build, write).
 */
import { HELP, parseCli, UsageError } from './snapshot/cli.ts';
import { interrupt, run } from './snapshot/main.ts';
import { safeLine } from './snapshot/sanitize.ts';
import { recordStatus, shouldRecordStatus, untouchedLine } from './snapshot/status.ts';

/** The error as one line that cannot start a workflow command (node-supplied text is in it). */
function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const lines = msg.split('\n').filter(Boolean);
  return safeLine(
    lines.length > 1 ? `${lines[0]} (and ${lines.length - 1} more problems)` : (lines[0] ?? 'unknown error'),
  );
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`snapshot: ${e.message}\nRun with --help for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const s = await run(opts);
    if (shouldRecordStatus()) recordStatus(opts.out, { ok: true });
    if (opts.json) process.stdout.write(`${JSON.stringify(s)}\n`);
    else
      process.stdout.write(
        `snapshot: wrote ${s.file} (${s.kind}): head #${s.head.number} ${s.head.timestamp}, ${s.days} days (${s.fetched} fetched, ${s.reused} reused), ${s.requests} requests in ${s.seconds.toFixed(1)} s\n`,
      );
    return 0;
  } catch (e) {
    process.stderr.write(`snapshot: error: ${oneLine(e)}\n`);
    if (process.env.SNAPSHOT_DEBUG) console.error(e);
    if (shouldRecordStatus())
      try {
        recordStatus(opts.out, { ok: false, error: oneLine(e) });
      } catch {
        /* the output directory may not exist or be writable: the error above is the report */
      }
    process.stderr.write(`${untouchedLine(opts.out)}\n`);
    return 1;
  }
}

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

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`snapshot: error: ${oneLine(e)}\n`);
    process.exit(1);
  },
);
