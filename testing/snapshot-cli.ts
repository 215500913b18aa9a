/**
 * Run the snapshot CLI: as a child process, as CI does (runCli, startCli), or in this process (runCliInProcess), the
 * same command (scripts/snapshot/command.ts) with its output captured, without a Node start and a new import of
 * polkadot.js per run. A test that is about the process itself (a signal, a stalled node, the exit code of
 * `node scripts/snapshot.ts`) uses a child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { oneLine, snapshotCommand } from '../scripts/snapshot/command.ts';
import type { Summary } from '../scripts/snapshot/main.ts';
import { NODE22 } from './chopsticks.ts';
import { ROOT } from './project.ts';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** the --json summary, when printed */
  summary: Summary | null;
}

export function startCli(
  args: string[],
  env: Record<string, string> = {},
): { proc: ChildProcess; done: Promise<CliResult> } {
  const t0 = Date.now();
  const proc = spawn(NODE22, [path.join(ROOT, 'scripts/snapshot.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, SNAPSHOT_PROGRESS_MS: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d) => (stdout += d));
  proc.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => {
    proc.on('close', (code, signal) => resolve(result(code, signal, stdout, stderr, t0)));
  });
  return { proc, done };
}

function result(
  code: number | null,
  signal: NodeJS.Signals | null,
  stdout: string,
  stderr: string,
  t0: number,
): CliResult {
  let summary = null;
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (last.startsWith('{'))
    try {
      summary = JSON.parse(last);
    } catch {
      /* not a summary */
    }
  return { code, signal, stdout, stderr, ms: Date.now() - t0, summary };
}

/** the last in-process run: the next waits for it (each sets process.env for its duration) */
let inProcess: Promise<unknown> = Promise.resolve();

/**
 * The CLI in this process: the command scripts/snapshot.ts runs, with `env` set in process.env for the run (as
 * runCli gives it to its child) and stdout and stderr captured. Runs in this process go one at a time (the
 * environment is the process's).
 */
export function runCliInProcess(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const go = async (): Promise<CliResult> => {
    const t0 = Date.now();
    const set = { SNAPSHOT_PROGRESS_MS: '1000', ...env };
    const saved = Object.fromEntries(Object.keys(set).map((k) => [k, process.env[k]]));
    Object.assign(process.env, set);
    let stdout = '';
    let stderr = '';
    let code: number;
    try {
      code = await snapshotCommand(args, {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        tty: false,
      });
    } catch (e) {
      // as scripts/snapshot.ts reports a crash of the command
      stderr += `snapshot: error: ${oneLine(e)}\n`;
      code = 1;
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    return result(code, null, stdout, stderr, t0);
  };
  const p = inProcess.then(go, go);
  inProcess = p.catch(() => {});
  return p;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/** The error line the CLI printed (the one-line cause). */
export function errorLine(r: CliResult): string {
  return r.stderr.split('\n').find((l) => l.startsWith('snapshot: error:')) ?? '';
}
