import { describe, expect, it } from 'vitest';
import { Progress } from '../../scripts/snapshot/progress.ts';

describe('Progress', () => {
  it('prints plain lines, at most once per interval, when not a TTY', () => {
    const out: string[] = [];
    const p = new Progress(3, () => 7, { tty: false, intervalMs: 60_000, write: (s) => out.push(s) });
    p.tick();
    p.tick();
    p.tick();
    p.end();
    expect(out).toHaveLength(2); // the first tick and the last (100%)
    expect(out[0]).toMatch(/^progress: days 1\/3 \(33%\), 7 requests, \d+ s elapsed, ETA \d+ s\n$/);
    expect(out[1]).toMatch(/days 3\/3 \(100%\)/);
  });

  it('rewrites one line on a TTY and ends it with a newline', () => {
    const out: string[] = [];
    const p = new Progress(2, () => 1, { tty: true, intervalMs: 0, write: (s) => out.push(s) });
    p.tick();
    p.tick();
    p.end();
    expect(out[0].startsWith('\r\x1b[2K')).toBe(true);
    expect(out.at(-1)).toBe('\n');
  });
});
