/** Retry policy (pure): which failures are worth retrying, and how long to wait before the next attempt. */

export type FailureKind =
  /** connection refused/closed, timeout: retry the same endpoint with backoff, then the next one */
  | 'transport'
  /** the host name does not resolve (DNS: ENOTFOUND, EAI_AGAIN): no retry here, try the next endpoint at once */
  | 'unreachable'
  /** HTTP 429 or a JSON-RPC rate-limit error: wait longer (Retry-After if given), then retry */
  | 'rate'
  /** the node answered with a JSON-RPC error (e.g. state pruned): try the next endpoint, no retry here */
  | 'server'
  /** the reply does not have the expected shape: try the next endpoint, no retry here */
  | 'malformed'
  /** not recoverable by retrying anywhere (wrong chain, bad arguments) */
  | 'fatal';

export interface RetryPolicy {
  /** attempts per endpoint after the first one */
  retries: number;
  baseMs: number;
  maxMs: number;
  /** minimum wait after a rate-limit error */
  rateMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { retries: 3, baseMs: 500, maxMs: 15_000, rateMs: 2_000 };

/**
 * Delay before retry number `attempt` (1-based) after a failure of `kind`, or null when the failure should not
 * be retried on this endpoint. `random` in [0,1) gives jitter (50-100% of the computed delay).
 */
export function retryDelay(
  kind: FailureKind,
  attempt: number,
  policy: RetryPolicy,
  random = Math.random(),
  retryAfterMs: number | null = null,
): number | null {
  if (kind === 'server' || kind === 'malformed' || kind === 'fatal' || kind === 'unreachable') return null;
  if (attempt > policy.retries) return null;
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(exp * (0.5 + random / 2));
  if (kind === 'rate')
    return Math.min(Math.max(policy.maxMs, policy.rateMs), Math.max(retryAfterMs ?? 0, policy.rateMs, jittered));
  return jittered;
}

const RATE_RE = /rate.?limit|too many requests|\b429\b|limit exceeded/i;

/** Classify a JSON-RPC error object sent by a node. */
export function classifyRpcError(code: number, message: string): FailureKind {
  if (code === 429 || code === -32029 || RATE_RE.test(message)) return 'rate';
  return 'server';
}

/**
 * DNS failures: the machine is offline or the name is wrong. Retrying the same name a few seconds later does not
 * help a contributor's run (18 retry lines before the error, issue 10), so these fail over at once.
 */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);

/** Classify a socket error (Node's `error.code`) raised while connecting. */
export function classifySocketError(code: string | undefined): FailureKind {
  return code !== undefined && DNS_CODES.has(code) ? 'unreachable' : 'transport';
}

/** Parse a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}
