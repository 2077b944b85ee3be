// The transport behind a corporate proxy: undici's EnvHttpProxyAgent, which tunnels https through CONNECT, sends
// plain-http requests in absolute form and honours NO_PROXY per host. Loaded only when HTTP(S)_PROXY is set
// (http.ts); without one, Node's own agents carry the requests.
import type { Readable } from 'node:stream';
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import type { HttpTimeouts, ProxyConfig, RawResponse, Transport } from './http.js';

export class ProxyTransport implements Transport {
  private readonly dispatcher: Dispatcher;

  constructor(
    proxy: ProxyConfig,
    private readonly timeouts: HttpTimeouts,
  ) {
    // Empty strings, never undefined: undici falls back to the process environment for undefined, and this code
    // decides which environment counts (index.ts's).
    this.dispatcher = new EnvHttpProxyAgent({
      keepAliveTimeout: 30_000,
      connections: 8,
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      httpProxy: proxy.httpProxy ?? '',
      httpsProxy: proxy.httpsProxy ?? '',
      noProxy: proxy.noProxy ?? '',
      // plain-http registries through an http proxy in absolute form: proxies often allow CONNECT to 443 only
      proxyTunnel: false,
    });
  }

  async send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body?: Readable | Uint8Array,
  ): Promise<RawResponse> {
    const res = await request(url, {
      dispatcher: this.dispatcher,
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
    });
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.body as AsyncIterable<Buffer>,
      dump: () => res.body.dump(),
      destroy: () => void res.body.destroy(),
    };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
