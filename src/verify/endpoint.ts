/**
 * Asking a Finney node of the reader's choice for a block's hash (`chain_getBlockHash`), over HTTPS JSON-RPC or a
 * WebSocket, so the reader need trust neither the site nor its snapshot's node for which block a hash is.
 */

/** Public Finney endpoints the page offers, with who runs each (the reader may type any other). */
export const PUBLIC_ENDPOINTS: ReadonlyArray<{ url: string; operator: string }> = [
  { url: 'wss://entrypoint-finney.opentensor.ai:443', operator: 'Opentensor Foundation' },
  { url: 'https://lite.chain.opentensor.ai', operator: 'Opentensor Foundation' },
];

const REQUEST = (n: number) => JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: [n] });

function resultOf(text: string, endpoint: string): string {
  let reply: { result?: unknown; error?: { message?: string } };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw new Error(`${endpoint} did not answer JSON`);
  }
  if (reply.error)
    throw new Error(`${endpoint} answered an error: ${reply.error.message ?? JSON.stringify(reply.error)}`);
  if (typeof reply.result !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(reply.result))
    throw new Error(`${endpoint} answered ${JSON.stringify(reply.result)}, not a block hash`);
  return reply.result.toLowerCase();
}

/** The hash `endpoint` gives for block `n`; throws a message naming the endpoint. */
export async function blockHashFrom(endpoint: string, n: number, timeoutMs = 15_000): Promise<string> {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    throw new Error(`${endpoint} is not a URL`);
  }
  if (u.protocol === 'https:' || u.protocol === 'http:') {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: REQUEST(n),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`${endpoint} answered HTTP ${res.status}`);
    return resultOf(await res.text(), endpoint);
  }
  if (u.protocol !== 'wss:' && u.protocol !== 'ws:') throw new Error(`${endpoint}: expected https:// or wss://`);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(endpoint);
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`${endpoint} did not answer in ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      ws.close();
    };
    ws.onopen = () => ws.send(REQUEST(n));
    ws.onerror = () => {
      done();
      reject(new Error(`${endpoint}: the connection failed`));
    };
    ws.onmessage = (m) => {
      done();
      try {
        resolve(resultOf(String(m.data), endpoint));
      } catch (e) {
        reject(e as Error);
      }
    };
  });
}
