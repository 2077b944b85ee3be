// The transport of a runner without a proxy: Node's own http/https agents, keep-alive, at most 8 connections per
// origin (the registry, its token service, its blob storage each get their own). Node's http stack is part of the
// runtime (the Engine API probe has loaded it already), so reading a few tags back costs no bundle to compile.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import type { HttpTimeouts, RawResponse, Transport } from './http.js';

const MAX_CONNECTIONS = 8;
/** an idle keep-alive connection is closed after this (the agent's socket timeout applies to free sockets only) */
const KEEP_ALIVE_MS = 30_000;
/** a discarded body larger than this is dropped with its connection rather than read */
const DRAIN_LIMIT = 64 * 1024;

function timeout(what: string, ms: number): Error {
  return Object.assign(new Error(`${what} within ${ms / 1000}s`), { code: 'ETIMEDOUT' });
}

export class NodeTransport implements Transport {
  private readonly agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: MAX_CONNECTIONS, timeout: KEEP_ALIVE_MS }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_CONNECTIONS, timeout: KEEP_ALIVE_MS }),
  };

  constructor(private readonly timeouts: HttpTimeouts) {}

  send(url: URL, method: string, headers: Record<string, string>, body?: Readable | Uint8Array): Promise<RawResponse> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    return new Promise<RawResponse>((resolve, reject) => {
      const req = send(url, { method, headers, agent: secure ? this.agents.https : this.agents.http });
      let answered = false;
      req.once('error', (e) => {
        if (!answered) reject(e);
      });
      // connecting has its own limit; afterwards the connection may stay silent for headersMs (until the answer)
      // and bodyMs (between two chunks of it): one idle timer with the longer of the two
      req.once('socket', (socket: Socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(
          () => req.destroy(timeout('no connection', this.timeouts.connectMs)),
          this.timeouts.connectMs,
        );
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      const idleMs = Math.max(this.timeouts.headersMs, this.timeouts.bodyMs);
      req.setTimeout(idleMs, () => req.destroy(timeout('no answer', idleMs)));
      req.once('response', (res: IncomingMessage) => {
        answered = true;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: res,
          dump: () => drain(res),
          destroy: () => void res.destroy(),
        });
      });
      if (body === undefined) req.end();
      else if (body instanceof Uint8Array) req.end(body);
      // an upload stream: a failing read destroys the request (and the reverse), reported through 'error'
      else pipeline(body, req, () => undefined);
    });
  }

  async close(): Promise<void> {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

/** Reads the rest of a small body so its connection is reused; a large one is dropped with its connection. */
function drain(res: IncomingMessage): Promise<void> {
  // a body already parsed (res.complete) must still be read to its end: only then is the connection free again
  if (res.readableEnded || res.destroyed) return Promise.resolve();
  if (Number(res.headers['content-length']) > DRAIN_LIMIT) {
    res.destroy();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    res.once('end', resolve);
    res.once('close', resolve);
    res.once('error', () => resolve());
    res.resume();
  });
}
