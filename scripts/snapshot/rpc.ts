/**
 * A small JSON-RPC client over WebSocket for the snapshot: endpoint failover, per-request timeout, retries with
 * backoff (longer on HTTP 429 / rate errors), bounded concurrency, a genesis check on every connection and a
 * count of every request sent (the cost that matters on public endpoints).
 *
 * Why not @polkadot/api's ApiPromise and WsProvider (checked against @polkadot/api 16.5.6 in node_modules): the
 * snapshot's budget is requests to public endpoints that allow about one a second, and this client gives what
 * those do not:
 *  - request counts per method (`stats.byMethod`, printed in the summary and the bench); WsProvider counts only a
 *    total, and answers some repeated requests from its own cache;
 *  - a batched `chain_getBlockHash([n1, n2, ...])`: Reader.hashOf in read.ts sends every block number asked in
 *    the same tick as one call; ApiPromise's `rpc.chain.getBlockHash` takes one optional BlockNumber;
 *  - pacing (`--rps`) and back-off on HTTP 429 and rate-limit errors, halving the pace and honouring Retry-After
 *    from the refused WebSocket upgrade (`#pace`, `#rateLimited`); WsProvider only reconnects after a fixed delay;
 *  - a genesis check on every endpoint it connects to (`#connection`: chain_getBlockHash(0) against --genesis and
 *    against the other endpoints), so a fallback endpoint serving another chain is refused; ApiPromise reads the
 *    genesis hash once, and WsProvider's endpoint list rotates on reconnect without a check;
 *  - one `state_queryStorageAt` per block for all its keys (Reader.ensure), decoded with the block's own runtime
 *    fetched once per spec (runtime.ts); ApiPromise's `api.at(hash)` costs a `chain_getHeader` and a
 *    `state_getRuntimeVersion` per new block hash to find that block's registry (Init.js, _getBlockRegistryViaHash).
 */
import WebSocket from 'ws';
import {
  classifyRpcError,
  classifySocketError,
  parseRetryAfter,
  retryDelay,
  type FailureKind,
  type RetryPolicy,
} from './retry.ts';

export class RpcError extends Error {
  readonly kind: FailureKind;
  readonly retryAfterMs: number | null;
  constructor(kind: FailureKind, message: string, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'RpcError';
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface RpcOptions {
  endpoints: string[];
  /** requests per second to start with (0 = unpaced); halved on every rate-limit error, recovered slowly */
  rps?: number;
  timeoutMs: number;
  concurrency: number;
  policy: RetryPolicy;
  /** expected genesis hash; null accepts any chain */
  genesis: string | null;
  /** largest reply accepted, in bytes (default DEFAULT_MAX_REPLY_BYTES): a longer frame is refused before parsing */
  maxReplyBytes?: number;
  log?: (line: string) => void;
}

/** 16 MiB: well above Finney's largest reply, a runtime's metadata (0.55 MB as JSON hex). */
export const DEFAULT_MAX_REPLY_BYTES = 16 * 1024 * 1024;

const mb = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: RpcError) => void;
  timer: NodeJS.Timeout;
  method: string;
}

class Connection {
  readonly endpoint: string;
  readonly ws: WebSocket;
  readonly pending = new Map<number, Pending>();
  readonly ready: Promise<void>;
  closed: RpcError | null = null;
  #nextId = 1;
  #timeoutMs: number;
  #log: (line: string) => void;
  /** the last frame that was not a reply to a request (not JSON, or unsolicited), quoted; logged once */
  #stray: string | null = null;

  constructor(
    endpoint: string,
    timeoutMs: number,
    maxReplyBytes = DEFAULT_MAX_REPLY_BYTES,
    log: (line: string) => void = () => {},
  ) {
    this.endpoint = endpoint;
    this.#timeoutMs = timeoutMs;
    this.#log = log;
    // ws reads a frame's length from its header and refuses one over maxPayload before buffering or parsing it
    this.ws = new WebSocket(endpoint, {
      handshakeTimeout: timeoutMs,
      maxPayload: maxReplyBytes,
      perMessageDeflate: false,
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => {
        const status = res.statusCode ?? 0;
        const err =
          status === 429
            ? new RpcError(
                'rate',
                `${endpoint} answered HTTP 429 (rate limited)`,
                parseRetryAfter(res.headers['retry-after'] as string | undefined),
              )
            : new RpcError('transport', `${endpoint} answered HTTP ${status} to the WebSocket upgrade`);
        this.#fail(err);
        reject(err);
        res.resume();
      });
      this.ws.on('error', (e) => {
        if ((e as NodeJS.ErrnoException).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
          const err = new RpcError(
            'malformed',
            `${endpoint} sent a reply over the ${mb(maxReplyBytes)} limit (--max-reply-mb); refused before parsing it`,
          );
          this.#fail(err);
          reject(err);
          return;
        }
        const kind = classifySocketError((e as NodeJS.ErrnoException).code);
        const why =
          kind === 'unreachable'
            ? `its host name does not resolve (${(e as Error).message}); offline?`
            : (e as Error).message;
        const err = new RpcError(kind, `cannot reach ${endpoint}: ${why}`);
        this.#fail(err);
        reject(err);
      });
      this.ws.on('close', (code) => {
        const err = new RpcError('transport', `connection to ${endpoint} closed (code ${code})`);
        this.#fail(err);
        reject(err);
      });
    });
    this.ready.catch(() => {});
    this.ws.on('message', (data) => this.#onMessage(data.toString()));
  }

  #fail(err: RpcError) {
    if (this.closed) return;
    this.closed = err;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
    try {
      this.ws.terminate();
    } catch {
      /* already gone */
    }
  }

  close() {
    this.#fail(new RpcError('transport', `connection to ${this.endpoint} closed by the client`));
  }

  /**
   * A frame that answers no request (not JSON, not a JSON-RPC object, a notification, an unknown id) is ignored and
   * logged once per connection: one stray frame does not end the run. A request it should have answered times out,
   * and the timeout's message quotes the stray frame.
   */
  #ignore(what: string, text: string) {
    this.#stray = `${what}: ${JSON.stringify(text.slice(0, 60))}`;
    if (this.#strayLogged) return;
    this.#strayLogged = true;
    this.#log(`${this.endpoint} sent ${this.#stray} (ignored; further stray frames are not logged)`);
  }
  #strayLogged = false;

  #onMessage(text: string) {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.#ignore('a frame that is not JSON', text);
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.#ignore('a frame that is not a JSON-RPC object', text);
      return;
    }
    const m = msg as { id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } };
    const p = typeof m.id === 'number' ? this.pending.get(m.id) : undefined;
    if (!p) {
      this.#ignore('an unsolicited message (no request of that id)', text);
      return;
    }
    this.pending.delete(m.id as number);
    clearTimeout(p.timer);
    if (m.error !== undefined) {
      const code = typeof m.error?.code === 'number' ? m.error.code : 0;
      const message = typeof m.error?.message === 'string' ? m.error.message : JSON.stringify(m.error);
      p.reject(
        new RpcError(
          classifyRpcError(code, message),
          `${p.method} failed on ${this.endpoint}: ${message} (code ${code})`,
        ),
      );
    } else if (!('result' in m)) {
      p.reject(new RpcError('malformed', `${this.endpoint} replied to ${p.method} with neither result nor error`));
    } else p.resolve(m.result);
  }

  async send(method: string, params: unknown[]): Promise<unknown> {
    await this.ready;
    if (this.closed) throw this.closed;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        const err = new RpcError(
          'transport',
          `timed out after ${this.#timeoutMs} ms waiting for ${method} from ${this.endpoint}${this.#stray ? `; meanwhile it sent ${this.#stray}` : ''}`,
        );
        reject(err);
        this.#fail(err); // a stalled connection is dropped; the retry opens a new one
      }, this.#timeoutMs);
      this.pending.set(id, { resolve, reject, timer, method });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }), (e) => {
        if (e) this.#fail(new RpcError('transport', `cannot send to ${this.endpoint}: ${e.message}`));
      });
    });
  }
}

/** Counters for the summary and the benchmark. */
export interface RpcStats {
  requests: number;
  retries: number;
  failovers: number;
  byMethod: Record<string, number>;
}

export class RpcClient {
  readonly stats: RpcStats = { requests: 0, retries: 0, failovers: 0, byMethod: {} };
  readonly #opts: RpcOptions;
  /** endpoint order for new calls: an endpoint that failed moves to the back */
  #order: string[];
  readonly #conns = new Map<string, Promise<Connection>>();
  #active = 0;
  readonly #queue: Array<() => void> = [];
  #closed = false;
  /** the endpoint that answered last (for the snapshot's source.endpoint) */
  lastEndpoint: string | null = null;
  /** every endpoint that answered at least once, in order */
  readonly used: string[] = [];
  genesisHash: string | null = null;

  /** minimum ms between request starts: adaptive, grows on rate-limit errors */
  #intervalMs: number;
  readonly #minIntervalMs: number;
  #nextAt = 0;
  #okStreak = 0;

  constructor(opts: RpcOptions) {
    this.#opts = opts;
    this.#order = [...opts.endpoints];
    this.#minIntervalMs = opts.rps ? 1000 / opts.rps : 0;
    this.#intervalMs = this.#minIntervalMs;
  }

  /** current pace in requests per second (Infinity when unpaced) */
  get rps(): number {
    return this.#intervalMs > 0 ? 1000 / this.#intervalMs : Infinity;
  }

  async #pace() {
    if (this.#intervalMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.#nextAt);
    this.#nextAt = at + this.#intervalMs;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }

  #rateLimited() {
    this.#okStreak = 0;
    const before = this.#intervalMs;
    this.#intervalMs = Math.min(5000, Math.max(this.#intervalMs * 2, 500));
    if (this.#intervalMs !== before)
      this.#opts.log?.(`rate limited: slowing down to ${this.rps.toFixed(2)} requests/s`);
  }

  #succeeded() {
    if (this.#intervalMs > this.#minIntervalMs && ++this.#okStreak >= 50) {
      this.#okStreak = 0;
      this.#intervalMs = Math.max(this.#minIntervalMs, this.#intervalMs * 0.8);
      if (this.#intervalMs < 1) this.#intervalMs = this.#minIntervalMs;
    }
  }

  async #acquire() {
    if (this.#active < this.#opts.concurrency) {
      this.#active++;
      return;
    }
    await new Promise<void>((r) => this.#queue.push(r));
  }

  #release() {
    const next = this.#queue.shift();
    if (next) next();
    else this.#active--;
  }

  #count(method: string) {
    this.stats.requests++;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
  }

  async #connection(endpoint: string): Promise<Connection> {
    let p = this.#conns.get(endpoint);
    if (p) {
      const c = await p.catch(() => null);
      if (c && !c.closed) return c;
      this.#conns.delete(endpoint);
    }
    p = (async () => {
      const c = new Connection(endpoint, this.#opts.timeoutMs, this.#opts.maxReplyBytes, this.#opts.log);
      await c.ready;
      this.#count('chain_getBlockHash');
      const g = await c.send('chain_getBlockHash', [0]);
      if (typeof g !== 'string' || !/^0x[0-9a-f]{64}$/.test(g)) {
        c.close();
        throw new RpcError('malformed', `${endpoint} returned ${JSON.stringify(g)} as its genesis hash`);
      }
      if (this.#opts.genesis !== null && g !== this.#opts.genesis) {
        c.close();
        throw new RpcError(
          'fatal',
          `${endpoint} is not the expected chain: genesis ${g}, expected ${this.#opts.genesis} (pass --genesis ${g} or --genesis any to accept it)`,
        );
      }
      if (this.genesisHash !== null && g !== this.genesisHash) {
        c.close();
        throw new RpcError(
          'fatal',
          `${endpoint} serves another chain (genesis ${g}) than the other endpoints (${this.genesisHash})`,
        );
      }
      this.genesisHash = g;
      return c;
    })();
    this.#conns.set(endpoint, p);
    try {
      return await p;
    } catch (e) {
      this.#conns.delete(endpoint);
      throw e;
    }
  }

  /** Call `method`, validating the result with `check` (which throws a message on a bad shape). */
  async call<T = unknown>(method: string, params: unknown[], check?: (result: unknown) => T): Promise<T> {
    return (await this.callFrom(method, params, check)).result;
  }

  /** `call`, also naming the endpoint that answered (for errors about what it answered). */
  async callFrom<T = unknown>(
    method: string,
    params: unknown[],
    check?: (result: unknown) => T,
  ): Promise<{ result: T; endpoint: string }> {
    if (this.#closed) throw new RpcError('fatal', 'client closed');
    await this.#acquire();
    try {
      return await this.#callWithFailover(method, params, check);
    } finally {
      this.#release();
    }
  }

  async #callWithFailover<T>(
    method: string,
    params: unknown[],
    check?: (result: unknown) => T,
  ): Promise<{ result: T; endpoint: string }> {
    const errors: string[] = [];
    const order = [...this.#order];
    for (let e = 0; e < order.length; e++) {
      const endpoint = order[e];
      if (e > 0) this.stats.failovers++;
      for (let attempt = 0; ; attempt++) {
        try {
          const conn = await this.#connection(endpoint);
          await this.#pace();
          this.#count(method);
          const result = await conn.send(method, params);
          let out: T;
          try {
            out = check ? check(result) : (result as T);
          } catch (err) {
            throw new RpcError(
              'malformed',
              `${endpoint} replied to ${method} with an unexpected result: ${(err as Error).message}`,
            );
          }
          this.#succeeded();
          this.lastEndpoint = endpoint;
          if (!this.used.includes(endpoint)) this.used.push(endpoint);
          return { result: out, endpoint };
        } catch (err) {
          const rpcErr =
            err instanceof RpcError ? err : new RpcError('transport', String((err as Error)?.message ?? err));
          if (rpcErr.kind === 'fatal' || this.#closed) throw rpcErr;
          if (rpcErr.kind === 'rate') this.#rateLimited();
          // rate limits are expected on public endpoints: a few more attempts, at the slower pace
          const policy =
            rpcErr.kind === 'rate'
              ? { ...this.#opts.policy, retries: this.#opts.policy.retries + 5 }
              : this.#opts.policy;
          const delay = retryDelay(rpcErr.kind, attempt + 1, policy, Math.random(), rpcErr.retryAfterMs);
          if (delay === null) {
            errors.push(rpcErr.message);
            // demote the failing endpoint for later calls
            if (this.#order[0] === endpoint && this.#order.length > 1)
              this.#order = [...this.#order.slice(1), endpoint];
            break;
          }
          this.stats.retries++;
          this.#opts.log?.(`retrying ${method} in ${delay} ms: ${rpcErr.message}`);
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    }
    const last = errors.at(-1) ?? 'no endpoint';
    const kind: FailureKind = errors.length ? 'transport' : 'fatal';
    throw new RpcError(kind, order.length > 1 ? `all ${order.length} endpoints failed; last: ${last}` : last);
  }

  async close() {
    this.#closed = true;
    for (const p of this.#conns.values()) (await p.catch(() => null))?.close();
    this.#conns.clear();
  }
}
