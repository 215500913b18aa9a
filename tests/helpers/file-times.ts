/**
 * A vitest reporter for CI's log: after the run, every test file with its time, slowest first, and when it started
 * and ended after the run's start, so a slow one is seen and so is a stretch where one file runs alone (`npm test`
 * adds it beside the default reporter).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class FileTimes implements Reporter {
  #start = Date.now();
  #queued = new Map<string, number>();
  #ended = new Map<string, number>();

  onTestModuleQueued(m: TestModule): void {
    this.#queued.set(m.moduleId, Date.now());
  }

  onTestModuleEnd(m: TestModule): void {
    this.#ended.set(m.moduleId, Date.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const at = (t: number | undefined) => (t === undefined ? '?' : ((t - this.#start) / 1000).toFixed(0));
    const rows = modules.map((m) => ({ m, ms: m.diagnostic().duration, state: m.state() })).sort((a, b) => b.ms - a.ms);
    const total = rows.reduce((n, r) => n + r.ms, 0);
    const lines = rows.map(
      (r) =>
        `${(r.ms / 1000).toFixed(1).padStart(7)} s  ${`${at(this.#queued.get(r.m.moduleId))}-${at(this.#ended.get(r.m.moduleId))} s`.padStart(11)}  ${r.m.relativeModuleId}${r.state === 'passed' ? '' : `  (${r.state})`}`,
    );
    process.stdout.write(
      `\nTime per test file, slowest first (${rows.length} files, ${(total / 1000).toFixed(1)} s in all, run in parallel; from-to: seconds after the run's start):\n${lines.join('\n')}\n`,
    );
  }
}
