import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../testing/project.ts';
import { runCliInProcess } from '../../testing/snapshot-cli.ts';
import { FINNEY } from '../../src/data/chain.ts';
import {
  DEFAULT_ENDPOINTS,
  DEFAULT_OUT,
  FINNEY_FIRST_DAY,
  HELP,
  parseCli,
  UsageError,
} from '../../scripts/snapshot/cli.ts';

describe('parseCli', () => {
  it('defaults to Finney, public endpoints then the archive, public/data', () => {
    const o = parseCli([]);
    expect(o).toMatchObject({
      endpoints: DEFAULT_ENDPOINTS,
      out: DEFAULT_OUT,
      since: null,
      at: null,
      genesis: FINNEY.genesisHash,
      concurrency: 4,
      timeoutMs: 30_000,
      retries: 3,
    });
    expect(DEFAULT_ENDPOINTS[1]).toBe('wss://archive.chain.opentensor.ai:443');
  });

  it('takes repeated endpoints in order, --genesis any, numbers', () => {
    const o = parseCli([
      '--endpoint',
      'ws://a:1',
      '--endpoint',
      'wss://b',
      '--genesis',
      'any',
      '--concurrency',
      '2',
      '--timeout',
      '500',
      '--retries',
      '0',
      '--since',
      '2024-02-29',
      '--rps',
      '0.5',
    ]);
    expect(o).toMatchObject({
      endpoints: ['ws://a:1', 'wss://b'],
      genesis: null,
      concurrency: 2,
      timeoutMs: 500,
      retries: 0,
      since: '2024-02-29',
      rps: 0.5,
    });
  });

  it('takes --at as a number or a hash, and requires an explicit --out with it', () => {
    expect(parseCli(['--at', '123', '--out', 'x']).at).toBe(123);
    expect(parseCli(['--at', `0x${'AB'.repeat(32)}`, '--out', 'x']).at).toBe(`0x${'ab'.repeat(32)}`);
    expect(() => parseCli(['--at', '123'])).toThrow(/own --out/);
  });

  it.each([
    [['--since', '2024-02-30'], /--since expects a date/],
    [['--genesis', '0x12'], /--genesis expects/],
    [['--endpoint', 'http://x'], /ws:\/\/ or wss:\/\//],
    [['--concurrency', '0'], /positive integer/],
    [['--rps', 'fast'], /positive number/],
    [['--at', 'abc', '--out', 'x'], /--at expects/],
    [['--bogus'], /Unknown option/],
  ])('rejects %j', (args, msg) => {
    expect(() => parseCli(args)).toThrow(UsageError);
    expect(() => parseCli(args)).toThrow(msg);
  });

  describe("--since before Finney's first day", () => {
    it('is refused on Finney, saying what the chain cannot give and what to do instead', () => {
      for (const args of [
        ['--since', '2023-03-01'],
        ['--since', '2023-03-01', '--genesis', FINNEY.genesisHash.toUpperCase().replace('0X', '0x')],
      ]) {
        expect(() => parseCli(args)).toThrow(UsageError);
        expect(() => parseCli(args)).toThrow(
          /^--since 2023-03-01: Finney's first block dates from 2023-03-20 .*Nakamoto chain; the days before it exist only in pre-Finney \(Nakamoto\) records.*--since 2023-03-20 or later, or leave --since out/,
        );
      }
      expect(() => parseCli(['--since', '2021-11-21'])).toThrow(/Finney's first block dates from 2023-03-20/);
      expect(() => parseCli(['--since', '2023-03-19'])).toThrow(UsageError);
    });

    it('accepts Finney from its first day on', () => {
      expect(FINNEY_FIRST_DAY).toBe('2023-03-20');
      expect(parseCli(['--since', '2023-03-20']).since).toBe('2023-03-20');
      expect(parseCli(['--since', '2023-03-21']).since).toBe('2023-03-21');
    });

    it('leaves other chains alone: their first day is their own first block', () => {
      expect(parseCli(['--since', '2023-03-01', '--genesis', 'any']).since).toBe('2023-03-01');
      expect(parseCli(['--since', '2020-01-01', '--genesis', `0x${'12'.repeat(32)}`]).since).toBe('2020-01-01');
    });

    it('is documented in --help', () => {
      expect(HELP).toMatch(/--since YYYY-MM-DD[^\n]*\n[^\n]*not before 2023-03-20, Finney's first day/);
    });
  });
});

describe('npm run snapshot on a machine that cannot reach the node', () => {
  /** two endpoints whose host names do not resolve */
  const args = (out: string) => [
    '--endpoint',
    'ws://taoproof-unreachable.invalid:9944',
    '--endpoint',
    'wss://taoproof-archive.invalid',
    '--out',
    out,
  ];
  const cli = (out: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/snapshot.ts'), ...args(out)], {
      encoding: 'utf8',
      env: { ...process.env, TAOPROOF_RECORD_STATUS: '', ...env },
      timeout: 60_000,
    });

  it('fails fast, leaves the data and git untouched, and says so on its last line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'taoproof-offline-'));
    try {
      cpSync(join(ROOT, 'public/data/snapshot.json'), join(out, 'snapshot.json'));
      const before = readFileSync(join(out, 'snapshot.json'), 'utf8');
      const r = cli(out);
      expect(r.status).toBe(1);
      // fast = no retry rounds (wall time is a benchmark's business, not a test's)
      expect(r.stderr).not.toMatch(/retrying/);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^snapshot: error: all 2 endpoints failed; last: cannot reach wss:\/\/taoproof-archive\.invalid: its host name does not resolve/,
      );
      expect(lines[1]).toMatch(
        new RegExp(
          `^snapshot: failed; ${out}/snapshot\\.json is untouched \\(last good data from \\d{4}-\\d{2}-\\d{2}, kind cited: figures cited from publications, no chain reads\\)$`,
        ),
      );
      expect(readFileSync(join(out, 'snapshot.json'), 'utf8')).toBe(before);
      expect(readdirSync(out)).toEqual(['snapshot.json']); // no status.json: a local run records nothing

      // the nightly job's run records the failure: the same command in this process (no second Node start)
      const nightly = await runCliInProcess(args(out), { TAOPROOF_RECORD_STATUS: '1' });
      expect(nightly.code).toBe(1);
      const status = JSON.parse(readFileSync(join(out, 'status.json'), 'utf8')) as {
        error: string;
        lastSuccess: string | null;
      };
      expect(status.error).toMatch(/^all 2 endpoints failed; last: cannot reach wss:\/\/taoproof-archive\.invalid/);
      expect(status.lastSuccess).toBeNull();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 130_000); // two runs, the first stopped by spawnSync after 60 s: the test's own limit covers both
});
