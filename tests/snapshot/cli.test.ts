import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS, DEFAULT_OUT, FINNEY_GENESIS, parseCli, UsageError } from '../../scripts/snapshot/cli.ts';

describe('parseCli', () => {
  it('defaults to Finney, public endpoints then the archive, public/data', () => {
    const o = parseCli([]);
    expect(o).toMatchObject({ endpoints: DEFAULT_ENDPOINTS, out: DEFAULT_OUT, since: null, at: null, genesis: FINNEY_GENESIS, concurrency: 4, timeoutMs: 30_000, retries: 3 });
    expect(DEFAULT_ENDPOINTS[1]).toBe('wss://archive.chain.opentensor.ai:443');
  });

  it('takes repeated endpoints in order, --genesis any, numbers', () => {
    const o = parseCli(['--endpoint', 'ws://a:1', '--endpoint', 'wss://b', '--genesis', 'any', '--concurrency', '2', '--timeout', '500', '--retries', '0', '--since', '2024-02-29', '--rps', '0.5']);
    expect(o).toMatchObject({ endpoints: ['ws://a:1', 'wss://b'], genesis: null, concurrency: 2, timeoutMs: 500, retries: 0, since: '2024-02-29', rps: 0.5 });
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
});
