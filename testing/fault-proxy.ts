/**
 * A WebSocket proxy in front of the local node that injects faults: latency, dropped connections, a node that
 * goes away, a stalled node, malformed replies. Counts the client's requests by method.
 */
import WebSocket, { WebSocketServer } from 'ws';
import { freePort } from './chopsticks.ts';

export interface Faults {
  /** delay before forwarding each request, ms */
  latencyMs?: number;
  /** close the client's connection after this many requests on it (every connection) */
  dropEvery?: number;
  /** after this many requests in total: refuse everything (connections closed and refused) */
  downAfter?: number;
  /** after this many requests in total: accept but never answer */
  stallAfter?: number;
  /** rewrite the reply to a request: return the text to send instead, or null to leave it */
  corrupt?: (method: string, reply: string, n: number) => string | null;
}

export class FaultProxy {
  readonly port: number;
  readonly url: string;
  readonly counts: Record<string, number> = {};
  total = 0;
  faults: Faults = {};
  readonly #server: WebSocketServer;
  readonly #upstream: string;
  readonly #sockets = new Set<WebSocket>();

  private constructor(port: number, server: WebSocketServer, upstream: string) {
    this.port = port;
    this.url = `ws://127.0.0.1:${port}`;
    this.#server = server;
    this.#upstream = upstream;
    server.on('connection', (client) => this.#onClient(client));
  }

  static async start(upstream: string): Promise<FaultProxy> {
    const port = await freePort();
    const server = await new Promise<WebSocketServer>((resolve, reject) => {
      const s: WebSocketServer = new WebSocketServer({ port, host: '127.0.0.1' }, () => resolve(s));
      s.on('error', reject);
    });
    return new FaultProxy(port, server, upstream);
  }

  set(faults: Faults): void {
    this.faults = faults;
    this.total = 0;
    for (const k of Object.keys(this.counts)) delete this.counts[k];
  }

  #down(): boolean {
    return this.faults.downAfter !== undefined && this.total >= this.faults.downAfter;
  }

  #onClient(client: WebSocket) {
    if (this.#down()) {
      client.terminate();
      return;
    }
    this.#sockets.add(client);
    const upstream = new WebSocket(this.#upstream);
    this.#sockets.add(upstream);
    const methods = new Map<number, string>();
    const queue: string[] = [];
    let perConn = 0;
    const closeBoth = () => {
      client.terminate();
      upstream.terminate();
    };
    upstream.on('open', () => {
      for (const m of queue.splice(0)) upstream.send(m);
    });
    upstream.on('error', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('message', (data) => {
      let text = data.toString();
      let id: number | undefined;
      try {
        id = (JSON.parse(text) as { id?: number }).id;
      } catch {
        /* pass through */
      }
      const method = id !== undefined ? (methods.get(id) ?? '') : '';
      const replaced = this.faults.corrupt?.(method, text, this.total);
      if (replaced !== null && replaced !== undefined) text = replaced;
      if (client.readyState === WebSocket.OPEN) client.send(text);
    });
    client.on('message', (data) => {
      const text = data.toString();
      this.total++;
      perConn++;
      if (this.#down()) {
        this.#dropAll();
        return;
      }
      if (this.faults.stallAfter !== undefined && this.total > this.faults.stallAfter) return; // swallowed
      try {
        const msg = JSON.parse(text) as { id: number; method: string };
        methods.set(msg.id, msg.method);
        this.counts[msg.method] = (this.counts[msg.method] ?? 0) + 1;
      } catch {
        /* forwarded as is */
      }
      if (this.faults.dropEvery !== undefined && perConn > this.faults.dropEvery) {
        closeBoth();
        return;
      }
      const forward = () => {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
        else queue.push(text);
      };
      if (this.faults.latencyMs) setTimeout(forward, this.faults.latencyMs);
      else forward();
    });
  }

  #dropAll() {
    for (const s of this.#sockets) s.terminate();
    this.#sockets.clear();
  }

  async stop(): Promise<void> {
    this.#dropAll();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }
}
