// The HTTP layer under the registry client: one keep-alive connection pool per registry (undici's Agent keeps a
// pool per origin, so the registry, its token service and its blob CDN each reuse their connections across every
// call of a run), corporate proxies (self-hosted runners often sit behind one), and redirects followed the way
// registries need (blob downloads redirect to a storage host that must not see the registry's Authorization).
// undici rather than the global fetch: fetch cannot take a proxy per call, and its body handling adds a copy.
// Only the registry code imports this, and main.ts imports the registry code lazily: a dry-run never loads undici.
import type { Readable } from 'node:stream';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';

/** The proxy settings of the runner (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); empty means none. */
export interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * Proxy settings from an environment (the one index.ts hands down). Lower-case names win, as curl, Go and undici
 * read them; an empty value disables a proxy.
 */
export function proxyConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ProxyConfig {
  const pick = (name: string) => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';
  return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') };
}

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
    message: string,
  ) {
    super(message);
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

/** A short, secret-free description of a network failure: the code and the message, without proxy URLs. */
function describeNetworkError(e: unknown, code: string): string {
  const message = (e as Error)?.message ?? String(e);
  const cleaned = message.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s@/]*@/gi, '//***@').replace(/\s+/g, ' ');
  return code === 'UNKNOWN' ? cleaned : `${cleaned} (${code})`;
}

/** One registry's connections: a keep-alive pool (through the proxy when one applies). */
export class HttpPool {
  private readonly dispatcher: Dispatcher;

  constructor(
    proxy: ProxyConfig = {},
    private readonly timeouts: HttpTimeouts = DEFAULT_TIMEOUTS,
  ) {
    const agentOptions = {
      keepAliveTimeout: 30_000,
      connections: 8,
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    };
    // Empty strings, never undefined: undici falls back to the process environment for undefined, and this code decides
    // which environment counts (index.ts's).
    this.dispatcher =
      proxy.httpProxy || proxy.httpsProxy
        ? new EnvHttpProxyAgent({
            ...agentOptions,
            httpProxy: proxy.httpProxy ?? '',
            httpsProxy: proxy.httpsProxy ?? '',
            noProxy: proxy.noProxy ?? '',
            // plain-http registries through an http proxy in absolute form: proxies often allow CONNECT to 443 only
            proxyTunnel: false,
          })
        : new Agent(agentOptions);
  }

  /** Sends one request; follows redirects of GET and HEAD, dropping Authorization when the origin changes. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url;
    let headers = { ...(req.headers ?? {}) };
    for (let hop = 0; ; hop++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url, {
          dispatcher: this.dispatcher,
          method: req.method as Dispatcher.HttpMethod,
          headers,
          body: typeof req.body === 'function' ? req.body() : req.body,
          headersTimeout: this.timeouts.headersMs,
          bodyTimeout: this.timeouts.bodyMs,
        });
      } catch (e) {
        const code = errorCode(e);
        throw new NetworkError(code, describeNetworkError(e, code));
      }
      const location = res.headers.location;
      if (
        REDIRECTS.has(res.statusCode) &&
        typeof location === 'string' &&
        (req.method === 'GET' || req.method === 'HEAD') &&
        hop < MAX_REDIRECTS
      ) {
        await res.body.dump();
        const next = new URL(location, url);
        if (next.origin !== url.origin) {
          headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
        }
        url = next;
        continue;
      }
      const body = res.body;
      return {
        status: res.statusCode,
        headers: flatHeaders(res.headers),
        url,
        async bytes(limit = Infinity) {
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > limit) {
            await body.dump();
            throw new Error(`the response is ${declared} bytes, more than the ${limit} accepted`);
          }
          const chunks: Buffer[] = [];
          let total = 0;
          try {
            for await (const chunk of body) {
              total += (chunk as Buffer).length;
              if (total > limit) {
                body.destroy();
                throw new Error(`the response is more than the ${limit} bytes accepted`);
              }
              chunks.push(chunk as Buffer);
            }
          } catch (e) {
            if ((e as Error).message.includes('bytes accepted')) throw e;
            const code = errorCode(e);
            throw new NetworkError(code, describeNetworkError(e, code));
          }
          return Buffer.concat(chunks);
        },
        async discard() {
          try {
            await body.dump();
          } catch {
            // the connection is dropped instead of reused: nothing to report
          }
        },
      };
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
