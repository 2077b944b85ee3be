// A registry front on 127.0.0.1 that forwards to a real registry but answers the first N upload requests
// (POST/PUT/PATCH) with 503, as a registry having a bad moment does. Used to prove the push retry.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  /** host:port to use as the registry */
  host: string;
  /** how many requests were refused with 503 */
  refused: number;
  forwarded: number;
  close(): Promise<void>;
}

/**
 * Upload requests (POST/PUT/PATCH) are refused with 503 from the first one until `outageMs` later: an outage long
 * enough to outlast BuildKit's own retries, so the push fails and the action's retry is what recovers.
 */
export async function startFlakyProxy(target: string, outageMs: number): Promise<FlakyProxy> {
  const [targetHost, targetPort] = target.split(':');
  let outageEnds: number | undefined;
  const state = { refused: 0, forwarded: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const upload = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
    if (upload) outageEnds ??= Date.now() + outageMs;
    if (upload && Date.now() < outageEnds!) {
      state.refused++;
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNAVAILABLE","message":"service unavailable"}]}');
      return;
    }
    state.forwarded++;
    const upstream = request(
      {
        host: targetHost,
        port: Number(targetPort),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target },
      },
      (up) => {
        // Location headers point at the upstream; rewrite them to come back through the proxy.
        const headers = { ...up.headers };
        if (typeof headers.location === 'string')
          headers.location = headers.location.replace(`//${target}`, `//${req.headers.host}`);
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    get refused() {
      return state.refused;
    },
    get forwarded() {
      return state.forwarded;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
