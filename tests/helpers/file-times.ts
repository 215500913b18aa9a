/**
 * A vitest reporter for CI's log: after the run, every test file with its time, slowest first, so a slow one is seen
 * (`npm test` adds it beside the default reporter).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class FileTimes implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules
      .map((m) => ({ file: m.relativeModuleId, ms: m.diagnostic().duration, state: m.state() }))
      .sort((a, b) => b.ms - a.ms);
    const total = rows.reduce((n, r) => n + r.ms, 0);
    const lines = rows.map(
      (r) => `${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.file}${r.state === 'passed' ? '' : `  (${r.state})`}`,
    );
    process.stdout.write(
      `\nTime per test file, slowest first (${rows.length} files, ${(total / 1000).toFixed(1)} s in all, run in parallel):\n${lines.join('\n')}\n`,
    );
  }
}
