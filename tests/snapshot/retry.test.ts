import { describe, expect, it } from 'vitest';
import {
  classifyRpcError,
  classifySocketError,
  DEFAULT_POLICY,
  parseRetryAfter,
  retryDelay,
} from '../../scripts/snapshot/retry.ts';

const policy = { retries: 3, baseMs: 500, maxMs: 15_000, rateMs: 2_000 };

describe('retry policy', () => {
  it('backs off exponentially with jitter for transport errors, then gives up on this endpoint', () => {
    expect(retryDelay('transport', 1, policy, 0)).toBe(250);
    expect(retryDelay('transport', 1, policy, 0.999)).toBe(500);
    expect(retryDelay('transport', 3, policy, 0.999)).toBe(1999);
    expect(retryDelay('transport', 4, policy, 0.5)).toBeNull();
  });

  it('waits at least the rate-limit minimum, or Retry-After, capped', () => {
    expect(retryDelay('rate', 1, policy, 0)).toBe(2000);
    expect(retryDelay('rate', 1, policy, 0, 7000)).toBe(7000);
    expect(retryDelay('rate', 1, policy, 0, 600_000)).toBe(15_000);
  });

  it('classifies DNS failures as unreachable, other socket errors as transport', () => {
    expect(classifySocketError('ENOTFOUND')).toBe('unreachable');
    expect(classifySocketError('EAI_AGAIN')).toBe('unreachable');
    expect(classifySocketError('ECONNREFUSED')).toBe('transport');
    expect(classifySocketError('ECONNRESET')).toBe('transport');
    expect(classifySocketError(undefined)).toBe('transport');
  });

  it('does not retry server errors, malformed replies, unreachable hosts or fatal errors on the same endpoint', () => {
    for (const k of ['server', 'malformed', 'unreachable', 'fatal'] as const)
      expect(retryDelay(k, 1, policy)).toBeNull();
  });

  it('classifies rate-limit errors sent as JSON-RPC errors', () => {
    expect(classifyRpcError(-32029, 'x')).toBe('rate');
    expect(classifyRpcError(-32000, 'Too many requests')).toBe('rate');
    expect(classifyRpcError(-32000, 'RPC rate limit exceeded')).toBe('rate');
    expect(classifyRpcError(4003, 'State already discarded for 0x12')).toBe('server');
  });

  it('parses Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('has sane defaults', () => {
    expect(DEFAULT_POLICY.retries).toBeGreaterThan(0);
  });
});
