// A registry front on 127.0.0.1 that forwards to a real registry of the test environment and injects the faults
// registries really produce, by rule: a status (500 on one tag's manifest PUT, 429 with Retry-After, a 401 after
// the first authenticated success), a reset connection, or a manifest served from another reference (a tag someone
// else moved between the push and the read-back), for the next K matching requests (count-based), for a window of
// time, or until another request is seen. It also refuses the first N connections (an outage by count)
// and records every request. dockerd/BuildKit push through it when an image name uses its host:port (127.0.0.0/8
// is an insecure registry for dockerd, so plain http works); the action's own client uses it the same way, and
// also as a forward proxy (HTTP_PROXY: absolute-form requests), which it records as `viaProxy`.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a rule applies to; every given field must match. */
export interface Match {
  method?: string | readonly string[];
  /** the kind of distribution API request */
  kind?: 'ping' | 'manifest' | 'blob' | 'upload' | 'other';
  /** repository name (`octo/app`) */
  repository?: string;
  /** a manifest reference: the tag or digest in /v2/<name>/manifests/<reference> */
  reference?: string;
  /** the request path (without query) */
  path?: RegExp;
}

export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** drop the connection without an answer (the client sees a reset) */
  | { reset: true }
  /** forward a manifest request for another reference (tag or digest) of the same repository: the registry's answer
   * for that one comes back, as if the tag had been moved there */
  | { serveReference: string };

export interface FaultRule {
  name: string;
  match: Match;
  fault: Fault;
  /** only the next `times` matching requests (count-based); default: every matching request */
  times?: number;
  /** only for this long after the rule first applies (time-based) */
  windowMs?: number;
  /** only once the proxy has forwarded a 2xx answer to a request that carried Authorization */
  afterAuthenticatedSuccess?: boolean;
  /** stops applying (for good) once a request matching this is seen after the rule first applied */
  until?: Match;
}

export interface RecordedRequest {
  seq: number;
  method: string;
  /** path and query as received (absolute-form requests reduced to their path) */
  url: string;
  path: string;
  kind: NonNullable<Match['kind']>;
  repository?: string;
  reference?: string;
  authorized: boolean;
  /** the request came in absolute form: the proxy was used as an HTTP proxy */
  viaProxy: boolean;
  /** the status answered (forwarded or injected); undefined for a reset */
  status?: number;
  /** the rule that answered instead of the registry */
  fault?: string;
  /** which accepted connection carried it (1-based, in order of acceptance) */
  connection: number;
}

export interface FaultProxyOptions {
  /** host:port of the registry behind the proxy (127.0.0.1 only) */
  target: string;
  rules?: FaultRule[];
  /** reset the first N connections before reading anything (Infinity: a registry that stays down) */
  refuseConnections?: number;
}

export interface FaultProxy {
  /** host:port to use as the registry */
  host: string;
  /** http://host:port, to use as HTTP_PROXY */
  url: string;
  readonly requests: readonly RecordedRequest[];
  /** connections reset by refuseConnections */
  readonly refusedConnections: number;
  /** connections accepted (refused ones included): how well a client reuses its connections */
  readonly connections: number;
  addRule(rule: FaultRule): void;
  clearRules(): void;
  /** how many requests a rule answered */
  hits(name: string): number;
  close(): Promise<void>;
}

function classify(path: string): Pick<RecordedRequest, 'kind' | 'repository' | 'reference'> {
  if (path === '/v2/' || path === '/v2') return { kind: 'ping' };
  const m = /^\/v2\/(.+)\/(manifests|blobs)\/(.+)$/.exec(path);
  if (!m) return { kind: 'other' };
  if (m[2] === 'manifests') return { kind: 'manifest', repository: m[1], reference: m[3] };
  if (m[3] === 'uploads' || m[3].startsWith('uploads/')) return { kind: 'upload', repository: m[1] };
  return { kind: 'blob', repository: m[1], reference: m[3] };
}

function matches(m: Match, r: Pick<RecordedRequest, 'method' | 'path' | 'kind' | 'repository' | 'reference'>): boolean {
  if (m.method !== undefined && ![m.method].flat().includes(r.method)) return false;
  if (m.kind !== undefined && m.kind !== r.kind) return false;
  if (m.repository !== undefined && m.repository !== r.repository) return false;
  if (m.reference !== undefined && m.reference !== r.reference) return false;
  if (m.path !== undefined && !m.path.test(r.path)) return false;
  return true;
}

interface RuleState {
  rule: FaultRule;
  hits: number;
  firstAt?: number;
  ended: boolean;
}

/** A rule the proxy could not apply is a mistake in the test: say so when it is given, not mid-request. */
function checked(rule: FaultRule): RuleState {
  if ('serveReference' in rule.fault && rule.match.kind !== 'manifest') {
    throw new Error(
      `fault rule ${rule.name}: serveReference applies to manifest requests only (match.kind: 'manifest')`,
    );
  }
  return { rule, hits: 0, ended: false };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const [targetHost] = options.target.split(':');
  if (targetHost !== '127.0.0.1' && targetHost !== 'localhost')
    throw new Error('the fault proxy forwards to 127.0.0.1 only');
  const rules: RuleState[] = (options.rules ?? []).map(checked);
  const requests: RecordedRequest[] = [];
  const hitsByName = new Map<string, number>();
  let authenticatedSuccess = false;
  let refused = 0;
  let connections = 0;
  const connectionIds = new WeakMap<Socket, number>();
  let seq = 0;

  const pick = (r: RecordedRequest): RuleState | undefined => {
    for (const s of rules) {
      if (s.ended) continue;
      if (s.firstAt !== undefined && s.rule.until && matches(s.rule.until, r)) {
        s.ended = true;
        continue;
      }
      if (!matches(s.rule.match, r)) continue;
      if (s.rule.afterAuthenticatedSuccess && !authenticatedSuccess) continue;
      if (s.rule.times !== undefined && s.hits >= s.rule.times) continue;
      const now = Date.now();
      if (s.rule.windowMs !== undefined && s.firstAt !== undefined && now - s.firstAt >= s.rule.windowMs) continue;
      s.firstAt ??= now;
      return s;
    }
    return undefined;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    const viaProxy = /^https?:\/\//i.test(raw);
    const url = new URL(raw, `http://${options.target}`);
    if (viaProxy && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      req.resume();
      res.writeHead(502).end('the fault proxy forwards to 127.0.0.1 only');
      return;
    }
    const upstreamHost = viaProxy ? url.host : options.target;
    const record: RecordedRequest = {
      seq: ++seq,
      method: req.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      path: url.pathname,
      ...classify(url.pathname),
      authorized: typeof req.headers.authorization === 'string',
      viaProxy,
      connection: connectionIds.get(req.socket) ?? 0,
    };
    requests.push(record);
    const state = pick(record);
    let upstreamPath = `${url.pathname}${url.search}`;
    if (state) {
      state.hits++;
      hitsByName.set(state.rule.name, (hitsByName.get(state.rule.name) ?? 0) + 1);
      record.fault = state.rule.name;
    }
    const fault = state?.rule.fault;
    if (fault && 'serveReference' in fault) {
      upstreamPath = `/v2/${record.repository}/manifests/${fault.serveReference}${url.search}`;
    } else if (fault) {
      req.resume();
      if ('reset' in fault) {
        req.socket.resetAndDestroy();
        return;
      }
      record.status = fault.status;
      const body =
        fault.body ?? JSON.stringify({ errors: [{ code: 'INJECTED', message: `injected by ${state!.rule.name}` }] });
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const [host, port] = upstreamHost.split(':');
    const upstream = request(
      {
        host,
        port: Number(port || 80),
        method: req.method,
        path: upstreamPath,
        headers: { ...req.headers, host: upstreamHost },
      },
      (up) => {
        record.status = up.statusCode;
        if (record.authorized && (up.statusCode ?? 0) >= 200 && (up.statusCode ?? 0) < 300) authenticatedSuccess = true;
        const headers = { ...up.headers };
        // Location headers name the registry; send the client back through the proxy.
        if (!viaProxy && typeof headers.location === 'string') {
          headers.location = headers.location.replace(`//${options.target}`, `//${req.headers.host}`);
        }
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      record.status = 502;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    connectionIds.set(socket, connections);
    if (refused < (options.refuseConnections ?? 0)) {
      refused++;
      socket.resetAndDestroy();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}`,
    requests,
    get refusedConnections() {
      return refused;
    },
    get connections() {
      return connections;
    },
    addRule: (rule) => rules.push(checked(rule)),
    clearRules: () => rules.splice(0),
    hits: (name) => hitsByName.get(name) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
