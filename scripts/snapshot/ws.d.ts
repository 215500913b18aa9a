/** Minimal types for the `ws` package (no @types/ws in the project): only what rpc.ts and the test proxy use. */
declare module 'ws' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ClientRequest } from 'node:http';
  type Data = Buffer | ArrayBuffer | Buffer[] | string;
  class WebSocket extends EventEmitter {
    static readonly OPEN: number;
    readonly readyState: number;
    constructor(address: string, options?: { handshakeTimeout?: number; maxPayload?: number; perMessageDeflate?: boolean });
    send(data: string | Buffer, cb?: (err?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    pause(): void;
    resume(): void;
    on(event: 'open', listener: () => void): this;
    on(event: 'message', listener: (data: Data, isBinary: boolean) => void): this;
    on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'unexpected-response', listener: (req: ClientRequest, res: IncomingMessage) => void): this;
    once(event: 'open', listener: () => void): this;
    once(event: 'close', listener: (code: number, reason: Buffer) => void): this;
    once(event: 'error', listener: (err: Error) => void): this;
    once(event: 'unexpected-response', listener: (req: ClientRequest, res: IncomingMessage) => void): this;
  }
  class WebSocketServer extends EventEmitter {
    constructor(options: { port?: number; host?: string; server?: import('node:http').Server; noServer?: boolean }, cb?: () => void);
    address(): { port: number } | string;
    close(cb?: (err?: Error) => void): void;
    readonly clients: Set<WebSocket>;
    handleUpgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer, cb: (ws: WebSocket) => void): void;
    on(event: 'connection', listener: (ws: WebSocket, req: IncomingMessage) => void): this;
    on(event: 'listening' | 'close', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }
  export { WebSocket, WebSocketServer };
  export default WebSocket;
}
