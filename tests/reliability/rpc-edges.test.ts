/**
 * RPC edges (issue 16, item 7): a stray frame that is not JSON, or an unsolicited message, is logged once and
 * ignored; a reply over the size limit is refused before parsing with a message saying so (the limit is
 * configurable); a multi-megabyte hex reply under the limit does not overflow the stack in the hex check.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_MAX_REPLY_BYTES, RpcClient } from '../../scripts/snapshot/rpc.ts';
import { Reader } from '../../scripts/snapshot/read.ts';

const G = `0x${'45'.repeat(32)}`;
const servers: Array<() => void> = [];
afterEach(() => {
  for (const close of servers.splice(0)) close();
});

/** A node answering chain_getBlockHash(0) with G, and `answer` for the rest (frames sent as given, in order). */
async function node(answer: (method: string, id: number) => string[]) {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws: WebSocket) =>
    ws.on('message', (data) => {
      const { id, method, params } = JSON.parse(data.toString());
      if (method === 'chain_getBlockHash' && params[0] === 0)
        return ws.send(JSON.stringify({ jsonrpc: '2.0', id, result: G }));
      for (const frame of answer(method, id)) ws.send(frame);
    }),
  );
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  servers.push(() => (wss.close(), http.close(), http.closeAllConnections()));
  return `ws://127.0.0.1:${(http.address() as { port: number }).port}`;
}

const policy = { retries: 0, baseMs: 10, maxMs: 50, rateMs: 20 };
const client = (url: string, log: string[], more: { maxReplyBytes?: number; timeoutMs?: number } = {}) =>
  new RpcClient({
    endpoints: [url],
    timeoutMs: more.timeoutMs ?? 5000,
    concurrency: 1,
    policy,
    genesis: G,
    maxReplyBytes: more.maxReplyBytes,
    log: (l) => log.push(l),
  });
const ok = (id: number, result: unknown) => JSON.stringify({ jsonrpc: '2.0', id, result });

describe('frames that answer no request', () => {
  it('a stray non-JSON frame and unsolicited messages are logged once and ignored; the reply still arrives', async () => {
    const url = await node((_m, id) => [
      '<html>502 Bad Gateway</html>',
      JSON.stringify({ jsonrpc: '2.0', method: 'chain_newHead', params: { result: {} } }), // a notification
      ok(id + 1000, 'not yours'),
      '[1,2]',
      ok(id, 'ok'),
    ]);
    const log: string[] = [];
    const c = client(url, log);
    expect(await c.call('system_chain', [])).toBe('ok');
    expect(await c.call('system_chain', [])).toBe('ok');
    await c.close();
    expect(log).toEqual([
      `${url} sent a frame that is not JSON: "<html>502 Bad Gateway</html>" (ignored; further stray frames are not logged)`,
    ]);
  });

  it('a request whose only answer was a stray frame times out, quoting it', async () => {
    const url = await node(() => ['garbage']);
    const c = client(url, [], { timeoutMs: 300 });
    await expect(c.call('system_chain', [])).rejects.toThrow(
      `timed out after 300 ms waiting for system_chain from ${url}; meanwhile it sent a frame that is not JSON: "garbage"`,
    );
    await c.close();
  });
});

describe('reply size limit', () => {
  it('is 16 MB by default, well above Finney metadata (0.55 MB as JSON hex)', () => {
    expect(DEFAULT_MAX_REPLY_BYTES).toBe(16 * 1024 * 1024);
  });

  it('refuses a reply over the limit before parsing, saying so; a configured limit applies', async () => {
    const big = `0x${'ab'.repeat(1024 * 1024)}`; // 2 MB of hex
    const url = await node((_m, id) => [ok(id, big)]);
    const c = client(url, [], { maxReplyBytes: 1024 * 1024 });
    await expect(c.call('state_getMetadata', [])).rejects.toThrow(
      `${url} sent a reply over the 1 MB limit (--max-reply-mb); refused before parsing it`,
    );
    await c.close();
    const d = client(url, []);
    expect(((await d.call('state_getMetadata', [])) as string).length).toBe(big.length);
    await d.close();
  });

  it('a default-limit 20 MB reply is refused by the message, not a stack overflow', async () => {
    const url = await node((_m, id) => [ok(id, `0x${'ab'.repeat(10 * 1024 * 1024)}`)]);
    const c = client(url, []);
    await expect(c.call('state_getMetadata', [])).rejects.toThrow(/over the 16 MB limit/);
    await c.close();
  });

  it('a 12 MB hex metadata reply under the limit is checked as hex without "Maximum call stack size exceeded"', async () => {
    const url = await node((method, id) =>
      method === 'state_getMetadata' ? [ok(id, `0x${'ab'.repeat(6 * 1024 * 1024)}`)] : [ok(id, null)],
    );
    const c = client(url, []);
    const reader = new Reader(c, 42);
    const err = await reader.runtime(424, G).then(
      () => null,
      (e: Error) => e.message,
    );
    await c.close();
    expect(err).not.toBeNull();
    expect(err).not.toMatch(/Maximum call stack/);
    expect(err).not.toMatch(/expected hex metadata/);
  }, 60_000);
});

describe("a node's text in the CLI's output", () => {
  it('cannot start a workflow command on any line of stderr', async () => {
    // a rate-limit error first (its text goes to a "retrying" log line), then a node error that ends the run
    const hostile = 'Too many requests\n::error::pwned\r\n::stop-commands::abc\n  ::add-mask::x';
    let calls = 0;
    const url = await node((_m, id) => [
      JSON.stringify({
        jsonrpc: '2.0',
        id,
        error: calls++ < 3 ? { code: -32029, message: hostile } : { code: -32000, message: 'pruned\n::error::x' },
      }),
    ]);
    // the command scripts/snapshot.ts runs, in this process with its output captured (testing/snapshot-cli.ts)
    const { runCliInProcess } = await import('../../testing/snapshot-cli.ts');
    const { join } = await import('node:path');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'taoproof-sanitise-'));
    try {
      const r = await runCliInProcess(['--endpoint', url, '--genesis', 'any', '--out', out, '--retries', '0']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('pwned');
      for (const line of r.stderr.split(/\r\n|\r|\n/)) expect(line.trimStart(), line).not.toMatch(/^::/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
