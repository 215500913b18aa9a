/** The RPC client against a tiny fake node: rate limits, HTTP 429, failover, wrong genesis, timeouts. */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { RpcClient, RpcError } from '../../scripts/snapshot/rpc.ts';

const G = `0x${'45'.repeat(32)}`;
const servers: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A fake node: answers chain_getBlockHash(0) with G, and `reply` for everything else. */
async function fakeNode(
  reply: (method: string, n: number) => { result?: unknown; error?: { code: number; message: string } } | 'silence',
  opts: { http429?: number } = {},
) {
  const http: Server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  let upgrades = 0;
  let n = 0;
  http.on('upgrade', (req, socket, head) => {
    if (upgrades++ < (opts.http429 ?? 0)) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      ws.on('message', (data) => {
        const { id, method, params } = JSON.parse(data.toString());
        if (method === 'chain_getBlockHash' && params[0] === 0)
          return ws.send(JSON.stringify({ jsonrpc: '2.0', id, result: G }));
        const r = reply(method, n++);
        if (r !== 'silence') ws.send(JSON.stringify({ jsonrpc: '2.0', id, ...r }));
      });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  servers.push({ close: () => (wss.close(), http.close(), http.closeAllConnections()) });
  return `ws://127.0.0.1:${(http.address() as { port: number }).port}`;
}

const policy = { retries: 2, baseMs: 10, maxMs: 50, rateMs: 20 };

describe('RpcClient', () => {
  it('retries rate-limit errors, slows its pace, and counts every request', async () => {
    const url = await fakeNode((_m, n) =>
      n < 2 ? { error: { code: -32029, message: 'Too many requests' } } : { result: 'ok' },
    );
    const c = new RpcClient({ endpoints: [url], timeoutMs: 2000, concurrency: 2, policy, genesis: G });
    expect(await c.call('system_chain', [])).toBe('ok');
    expect(c.stats.requests).toBe(4); // genesis check + 2 rate-limited + 1 ok
    expect(c.stats.retries).toBe(2);
    expect(c.rps).toBeLessThanOrEqual(2);
    await c.close();
  });

  it('retries an HTTP 429 on the WebSocket upgrade', async () => {
    const url = await fakeNode(() => ({ result: 'ok' }), { http429: 1 });
    const c = new RpcClient({ endpoints: [url], timeoutMs: 2000, concurrency: 1, policy, genesis: null });
    expect(await c.call('system_chain', [])).toBe('ok');
    expect(c.stats.retries).toBe(1);
    await c.close();
  });

  it('moves to the next endpoint on a node error (e.g. pruned state)', async () => {
    const pruned = await fakeNode(() => ({ error: { code: 4003, message: 'State already discarded' } }));
    const archive = await fakeNode(() => ({ result: 'old state' }));
    const c = new RpcClient({ endpoints: [pruned, archive], timeoutMs: 2000, concurrency: 1, policy, genesis: G });
    expect(await c.call('state_getStorage', ['0x00', G])).toBe('old state');
    expect(c.stats.failovers).toBe(1);
    expect(c.used).toEqual([archive]);
    await c.close();
  });

  it('refuses another chain at once, without retrying', async () => {
    const url = await fakeNode(() => ({ result: 'ok' }));
    const c = new RpcClient({
      endpoints: [url],
      timeoutMs: 2000,
      concurrency: 1,
      policy,
      genesis: `0x${'2f'.repeat(32)}`,
    });
    const err = (await c.call('system_chain', []).catch((e: unknown) => e)) as RpcError;
    expect(err).toBeInstanceOf(RpcError);
    expect(err.kind).toBe('fatal');
    expect(err.message).toMatch(/is not the expected chain: genesis 0x4545/);
    expect(c.stats.retries).toBe(0);
    await c.close();
  });

  it('times out a silent node, retries, then fails with the cause', async () => {
    const url = await fakeNode(() => 'silence');
    const c = new RpcClient({
      endpoints: [url],
      timeoutMs: 200,
      concurrency: 1,
      policy: { ...policy, retries: 1 },
      genesis: null,
    });
    await expect(c.call('system_chain', [])).rejects.toThrow(/timed out after 200 ms waiting for system_chain/);
    expect(c.stats.retries).toBe(1);
    await c.close();
  });

  it('fails over at once from a host name that does not resolve, without retry lines', async () => {
    // .invalid never resolves (RFC 2606): the same ENOTFOUND (or EAI_AGAIN offline) a contributor's machine gets
    const archive = await fakeNode(() => ({ result: 'ok' }));
    const lines: string[] = [];
    const c = new RpcClient({
      endpoints: ['ws://taoproof-unreachable.invalid:9944', archive],
      timeoutMs: 2000,
      concurrency: 1,
      policy,
      genesis: G,
      log: (l) => lines.push(l),
    });
    expect(await c.call('system_chain', [])).toBe('ok');
    expect(c.stats).toMatchObject({ retries: 0, failovers: 1 });
    expect(lines).toEqual([]);
    await c.close();

    const alone = new RpcClient({
      endpoints: ['ws://taoproof-unreachable.invalid:9944'],
      timeoutMs: 2000,
      concurrency: 1,
      policy,
      genesis: G,
      log: (l) => lines.push(l),
    });
    const err = (await alone.call('system_chain', []).catch((e: unknown) => e)) as RpcError;
    expect(err.message).toMatch(
      /^cannot reach ws:\/\/taoproof-unreachable\.invalid:9944: its host name does not resolve \(getaddrinfo (ENOTFOUND|EAI_AGAIN) taoproof-unreachable\.invalid\); offline\?$/,
    );
    expect(alone.stats.retries).toBe(0);
    expect(lines).toEqual([]);
    await alone.close();
  });

  it('validates result shapes', async () => {
    const url = await fakeNode(() => ({ result: 42 }));
    const c = new RpcClient({ endpoints: [url], timeoutMs: 2000, concurrency: 1, policy, genesis: null });
    await expect(
      c.call('system_chain', [], (r) => {
        if (typeof r !== 'string') throw new Error('expected a string');
        return r;
      }),
    ).rejects.toThrow(/unexpected result: expected a string/);
    await c.close();
  });
});
