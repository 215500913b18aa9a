/** Run the snapshot CLI as a child process, as CI does. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
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
    proc.on('close', (code, signal) => {
      let summary = null;
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (last.startsWith('{'))
        try {
          summary = JSON.parse(last);
        } catch {
          /* not a summary */
        }
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, summary });
    });
  });
  return { proc, done };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/** The error line the CLI printed (the one-line cause). */
export function errorLine(r: CliResult): string {
  return r.stderr.split('\n').find((l) => l.startsWith('snapshot: error:')) ?? '';
}
