/**
 * `npm run snapshot` as a function of its arguments: parse them, run, print the summary or the one-line error, and
 * return the exit code. scripts/snapshot.ts calls it with the process's own output (and exits with the code, and
 * handles SIGINT/SIGTERM); the tests call it in process (testing/snapshot-cli.ts runCliInProcess), capturing the
 * output, so a run costs no Node start-up and no new import of polkadot.js.
 */
import { HELP, parseCli, UsageError } from './cli.ts';
import { run } from './main.ts';
import { safeLine } from './sanitize.ts';
import { recordStatus, shouldRecordStatus, untouchedLine } from './status.ts';

export interface CommandOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** whether stderr is a terminal (the progress line then updates in place) */
  tty: boolean;
}

export const PROCESS_OUTPUT: CommandOutput = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  get tty() {
    return Boolean(process.stderr.isTTY);
  },
};

/** The error as one line that cannot start a workflow command (node-supplied text is in it). */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const lines = msg.split('\n').filter(Boolean);
  return safeLine(
    lines.length > 1 ? `${lines[0]} (and ${lines.length - 1} more problems)` : (lines[0] ?? 'unknown error'),
  );
}

/** The command: 0 on success, 1 when the run failed, 2 on a usage error. */
export async function snapshotCommand(argv: string[], out: CommandOutput = PROCESS_OUTPUT): Promise<number> {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      out.stderr(`snapshot: ${e.message}\nRun with --help for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    out.stdout(`${HELP}\n`);
    return 0;
  }
  try {
    const s = await run(opts, (l) => out.stderr(`${safeLine(l)}\n`), { write: out.stderr, tty: out.tty });
    if (shouldRecordStatus()) recordStatus(opts.out, { ok: true });
    if (opts.json) out.stdout(`${JSON.stringify(s)}\n`);
    else
      out.stdout(
        `snapshot: wrote ${s.file} (${s.kind}): head #${s.head.number} ${s.head.timestamp}, ${s.days} days (${s.fetched} fetched, ${s.reused} reused), ${s.requests} requests in ${s.seconds.toFixed(1)} s\n`,
      );
    return 0;
  } catch (e) {
    out.stderr(`snapshot: error: ${oneLine(e)}\n`);
    if (process.env.SNAPSHOT_DEBUG) console.error(e);
    if (shouldRecordStatus())
      try {
        recordStatus(opts.out, { ok: false, error: oneLine(e) });
      } catch {
        /* the output directory may not exist or be writable: the error above is the report */
      }
    out.stderr(`${untouchedLine(opts.out)}\n`);
    return 1;
  }
}
