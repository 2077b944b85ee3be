// The HTTP layer under the registry client (and the merge's artifact reader): one keep-alive connection pool per registry (the registry, its token
// service and its blob CDN each reuse their connections across every call of a run), corporate proxies (self-hosted
// runners often sit behind one), and redirects followed the way registries need (blob downloads redirect to a
// storage host that must not see the registry's Authorization). The rules live here; the bytes move through one of
// two transports: Node's own http/https agents (http-node.ts) when no proxy is set — the usual runner, and nothing
// to load: undici's bundle costs ~50 ms of CPU to compile and start, taken from the build on a 2-core runner — and
// undici's proxy agent (http-proxy.ts) when HTTP(S)_PROXY is set, loaded only then.
import type { Readable } from 'node:stream';
import { NodeTransport } from './http-node.js';
import type { ProxyConfig } from './proxy.js';

export { proxyConfigFromEnv, type ProxyConfig } from './proxy.js';

export interface HttpTimeouts {
  connectMs: number;
  /** until the response headers arrive (a registry verifying a large upload answers late) */
  headersMs: number;
  /** between two chunks of a body */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 30_000, headersMs: 120_000, bodyMs: 120_000 };

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  /** bytes, or a function that opens the body again for each send (streams cannot be replayed) */
  body?: Uint8Array | (() => Readable | Uint8Array);
}

export interface HttpResponse {
  status: number;
  /** header names lower-cased; repeated headers joined with ", " */
  headers: Record<string, string>;
  /** the URL that answered (after redirects) */
  url: URL;
  /** the body, refusing more than `limit` bytes (a manifest is at most 4 MiB) */
  bytes(limit?: number): Promise<Buffer>;
  /** drops the body so the connection goes back to the pool */
  discard(): Promise<void>;
}

/** A request that got no HTTP answer: `code` is the system or undici code (ECONNREFUSED, UND_ERR_SOCKET …). */
export class NetworkError extends Error {
  constructor(
    readonly code: string,
    /** the system's words, secret-free ("connect ECONNREFUSED 127.0.0.1:1"); `message` adds the code */
    readonly reason: string,
  ) {
    super(code === 'UNKNOWN' ? reason : `${reason} (${code})`);
    this.name = 'NetworkError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function errorCode(e: unknown): string {
  const err = e as { code?: unknown; cause?: { code?: unknown }; errors?: { code?: unknown }[] };
  const code = err?.code ?? err?.cause?.code ?? err?.errors?.[0]?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** A short, secret-free description of a network failure: the message without proxy URLs. */
function describeNetworkError(e: unknown): string {
  const message = (e as Error)?.message ?? String(e);
  return message.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s@/]*@/gi, '//***@').replace(/\s+/g, ' ');
}

/** What a transport hands back: the status, the headers as received, and the body. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Buffer>;
  /** reads and drops what is left of the body, so the connection goes back to the pool */
  dump(): Promise<void>;
  /** drops the connection */
  destroy(): void;
}

/** Moves one request's bytes; redirects, limits and errors are HttpPool's. Fails with the system's error code. */
export interface Transport {
  send(url: URL, method: string, headers: Record<string, string>, body?: Readable | Uint8Array): Promise<RawResponse>;
  close(): Promise<void>;
}

/** One registry's connections: a keep-alive pool (through the proxy when one applies). */
export class HttpPool {
  private readonly transport: Promise<Transport>;

  constructor(proxy: ProxyConfig = {}, timeouts: HttpTimeouts = DEFAULT_TIMEOUTS) {
    this.transport =
      proxy.httpProxy || proxy.httpsProxy
        ? import('./http-proxy.js').then(({ ProxyTransport }) => new ProxyTransport(proxy, timeouts))
        : Promise.resolve(new NodeTransport(timeouts));
  }

  /** Sends one request; follows redirects of GET and HEAD, dropping Authorization when the origin changes. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const transport = await this.transport;
    let url = req.url;
    let headers = { ...(req.headers ?? {}) };
    for (let hop = 0; ; hop++) {
      let res: RawResponse;
      try {
        res = await transport.send(url, req.method, headers, typeof req.body === 'function' ? req.body() : req.body);
      } catch (e) {
        const code = errorCode(e);
        throw new NetworkError(code, describeNetworkError(e));
      }
      const location = res.headers.location;
      if (
        REDIRECTS.has(res.status) &&
        typeof location === 'string' &&
        (req.method === 'GET' || req.method === 'HEAD') &&
        hop < MAX_REDIRECTS
      ) {
        await res.dump();
        const next = new URL(location, url);
        if (next.origin !== url.origin) {
          headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
        }
        url = next;
        continue;
      }
      const raw = res;
      return {
        status: raw.status,
        headers: flatHeaders(raw.headers),
        url,
        async bytes(limit = Infinity) {
          const declared = Number(raw.headers['content-length']);
          if (Number.isFinite(declared) && declared > limit) {
            raw.destroy();
            throw new Error(`the response is ${declared} bytes, more than the ${limit} accepted`);
          }
          const chunks: Buffer[] = [];
          let total = 0;
          try {
            for await (const chunk of raw.body) {
              total += chunk.length;
              if (total > limit) {
                raw.destroy();
                throw new Error(`the response is more than the ${limit} bytes accepted`);
              }
              chunks.push(chunk);
            }
          } catch (e) {
            if ((e as Error).message.includes('bytes accepted')) throw e;
            const code = errorCode(e);
            throw new NetworkError(code, describeNetworkError(e));
          }
          return Buffer.concat(chunks);
        },
        async discard() {
          try {
            await raw.dump();
          } catch {
            // the connection is dropped instead of reused: nothing to report
          }
        },
      };
    }
  }

  async close(): Promise<void> {
    await (await this.transport).close();
  }
}
