// A double of the GitHub Actions cache service, v1 protocol (REST under `{url}_apis/artifactcache/`), the one
// BuildKit 0.13 (`--cache-to/--cache-from type=gha`) and act's cache server speak. In memory, on 127.0.0.1 with an
// ephemeral port. With the `docker` buildx driver the requests come from dockerd on the host, so 127.0.0.1 works.
//
// Routes (exactly what BuildKit's client, tonistiigi/go-actions-cache, uses):
//   GET   {url}_apis/artifactcache/cache?keys=k1,k2&version=V  → 204 miss | 200 {cacheKey, scope, archiveLocation}
//         each key is tried in order, first exactly, then as a prefix (newest entry first); only committed entries
//         with the same version count.
//   POST  {url}_apis/artifactcache/caches {key, version}          → 201 {cacheId} | 409 when key+version exists
//   PATCH {url}_apis/artifactcache/caches/{id}  Content-Range: bytes a-b/*  (chunks, any order)  → 204
//   POST  {url}_apis/artifactcache/caches/{id} {size}             → 204 (commit; 400 when the bytes don't add up)
//   GET   {archiveLocation} [Range: bytes=N- | bytes=N-M]         → 200 | 206 with Content-Range | 416
// The API routes require `Authorization: Bearer {token}` (401 otherwise); the archive URL, like the real service's
// pre-signed blob URL, does not. Only 429 is retried by BuildKit: `failNext` lets a test inject errors.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GhaCacheStats {
  /** GET of an archive (each ranged re-request counts). */
  downloads: number;
  /** PATCH chunks received. */
  uploads: number;
  /** Successful commits. */
  commits: number;
  /** Reservations (POST caches) that got a cacheId. */
  reservations: number;
  /** Reservations refused with 409 because the key existed. */
  conflicts: number;
  lookups: { hit: number; miss: number };
  bytesUploaded: number;
  bytesDownloaded: number;
  /** Requests refused with 401 (missing or wrong bearer token). */
  unauthorized: number;
}

export interface GhaCacheEntryInfo {
  id: number;
  key: string;
  version: string;
  size: number;
  committed: boolean;
}

export interface GhaCacheRequestLog {
  method: string;
  path: string;
  status: number;
}

export interface GhaCacheDouble {
  /** ACTIONS_CACHE_URL: `http://127.0.0.1:{port}/{runner-path}/`, always ending with '/'. */
  url: string;
  /** ACTIONS_RUNTIME_TOKEN: a well-formed JWT (HS256 with a throwaway key) with `ac`, `exp`, `nbf`, `iat`. */
  token: string;
  /** Live counters (mutated in place as requests arrive). */
  stats: GhaCacheStats;
  /** Every request seen, in order. */
  requests: GhaCacheRequestLog[];
  /** The entries stored, oldest first. */
  entries(): GhaCacheEntryInfo[];
  /** Answer the next `count` API requests (not archive downloads) with `status` (e.g. 429 or 500). */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

export interface GhaCacheDoubleOptions {
  /** The `ac` claim's scopes; default `[{ Scope: 'refs/heads/main', Permission: 3 }]` (1 read, 2 write). */
  scopes?: { Scope: string; Permission: number }[];
  /** Token lifetime in seconds; default 6 h. */
  ttlSeconds?: number;
  /** Accept any bearer token, as act's cache server does (it checks none). */
  anyToken?: boolean;
}

interface Entry {
  id: number;
  key: string;
  version: string;
  committed: boolean;
  chunks: { start: number; data: Buffer }[];
  data?: Buffer;
  createdAt: Date;
  /** Creation order: "newest first" must not depend on the clock's resolution. */
  seq: number;
}

const API = '_apis/artifactcache/';

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A JWT BuildKit accepts: it parses without verifying the signature and needs `ac` (a JSON string), `exp`, `nbf`. */
export function makeCacheToken(
  scopes: { Scope: string; Permission: number }[] = [{ Scope: 'refs/heads/main', Permission: 3 }],
  ttlSeconds = 6 * 3600,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      ac: JSON.stringify(scopes),
      iat: now - 60,
      nbf: now - 60,
      exp: now + ttlSeconds,
      iss: 'gha-cache-double',
    }),
  );
  const signature = createHmac('sha256', randomBytes(32)).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export async function startGhaCacheDouble(options: GhaCacheDoubleOptions = {}): Promise<GhaCacheDouble> {
  const token = makeCacheToken(options.scopes, options.ttlSeconds);
  const runnerPath = `gha-cache-double-${randomBytes(4).toString('hex')}/`;
  const archiveSecret = randomBytes(8).toString('hex');
  const entries: Entry[] = [];
  const requests: GhaCacheRequestLog[] = [];
  const stats: GhaCacheStats = {
    downloads: 0,
    uploads: 0,
    commits: 0,
    reservations: 0,
    conflicts: 0,
    lookups: { hit: 0, miss: 0 },
    bytesUploaded: 0,
    bytesDownloaded: 0,
    unauthorized: 0,
  };
  let failures: { status: number; count: number } | undefined;
  let nextId = 1;
  let seq = 0;
  let origin = '';

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
  };
  // go-actions-cache maps errors by `typeKey`/`message`; AlreadyExists must be recognisable (os.ErrExist).
  const apiError = (res: ServerResponse, status: number, message: string, typeKey: string) =>
    send(res, status, { message, typeKey, typeName: typeKey, errorCode: 0 });

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts)));
      req.on('error', reject);
    });

  const find = (keys: string[], version: string): Entry | undefined => {
    const committed = entries.filter((e) => e.committed && e.version === version);
    const newestFirst = [...committed].sort((a, b) => b.seq - a.seq);
    for (const key of keys) {
      const exact = newestFirst.find((e) => e.key === key);
      if (exact) return exact;
      const prefixed = newestFirst.find((e) => e.key.startsWith(key));
      if (prefixed) return prefixed;
    }
    return undefined;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, route: string, query: URLSearchParams) => {
    const bearer = req.headers.authorization?.startsWith('Bearer ') === true;
    if (options.anyToken ? !bearer : req.headers.authorization !== `Bearer ${token}`) {
      stats.unauthorized++;
      return apiError(res, 401, 'missing or wrong bearer token', 'UnauthorizedException');
    }
    if (failures && failures.count > 0) {
      failures.count--;
      return apiError(res, failures.status, `injected failure ${failures.status}`, 'InjectedFailure');
    }
    if (req.method === 'GET' && route === 'cache') {
      const keys = (query.get('keys') ?? '').split(',').filter(Boolean);
      const version = query.get('version') ?? '';
      if (keys.length === 0) return apiError(res, 400, 'keys is required', 'ArgumentException');
      const hit = find(keys, version);
      if (!hit) {
        stats.lookups.miss++;
        return send(res, 204);
      }
      stats.lookups.hit++;
      return send(res, 200, {
        cacheKey: hit.key,
        scope: 'refs/heads/main',
        cacheVersion: hit.version,
        creationTime: hit.createdAt.toISOString(),
        archiveLocation: `${origin}/_archive/${archiveSecret}/${hit.id}`,
      });
    }
    if (req.method === 'POST' && route === 'caches') {
      let body: { key?: unknown; version?: unknown };
      try {
        body = JSON.parse((await readBody(req)).toString('utf8'));
      } catch {
        return apiError(res, 400, 'body is not JSON', 'ArgumentException');
      }
      if (typeof body.key !== 'string' || body.key === '' || typeof body.version !== 'string') {
        return apiError(res, 400, 'key and version are required', 'ArgumentException');
      }
      if (entries.some((e) => e.key === body.key && e.version === body.version)) {
        stats.conflicts++;
        return apiError(
          res,
          409,
          `Cache already exists. Scope: refs/heads/main, Key: ${body.key}, Version: ${body.version}`,
          'ArtifactCacheItemAlreadyExistsException',
        );
      }
      const entry: Entry = {
        id: nextId++,
        key: body.key,
        version: body.version,
        committed: false,
        chunks: [],
        createdAt: new Date(),
        seq: seq++,
      };
      entries.push(entry);
      stats.reservations++;
      return send(res, 201, { cacheId: entry.id });
    }
    const idMatch = /^caches\/(\d+)$/.exec(route);
    if (idMatch) {
      const entry = entries.find((e) => e.id === Number(idMatch[1]));
      if (!entry) return apiError(res, 404, `no cache ${idMatch[1]}`, 'ArtifactCacheNotFoundException');
      if (entry.committed) return apiError(res, 400, `cache ${entry.id} is committed`, 'ArgumentException');
      if (req.method === 'PATCH') {
        const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '');
        if (!range) return apiError(res, 400, 'Content-Range must be "bytes a-b/*"', 'ArgumentException');
        const data = await readBody(req);
        const start = Number(range[1]);
        if (Number(range[2]) - start + 1 !== data.length) {
          return apiError(res, 400, `Content-Range ${range[0]} but ${data.length} bytes`, 'ArgumentException');
        }
        entry.chunks.push({ start, data });
        stats.uploads++;
        stats.bytesUploaded += data.length;
        return send(res, 204);
      }
      if (req.method === 'POST') {
        let body: { size?: unknown };
        try {
          body = JSON.parse((await readBody(req)).toString('utf8'));
        } catch {
          return apiError(res, 400, 'body is not JSON', 'ArgumentException');
        }
        if (typeof body.size !== 'number') return apiError(res, 400, 'size is required', 'ArgumentException');
        const data = Buffer.alloc(body.size);
        let covered = 0;
        for (const c of [...entry.chunks].sort((a, b) => a.start - b.start)) {
          if (c.start !== covered || c.start + c.data.length > body.size) {
            return apiError(res, 400, `chunks do not cover 0-${body.size - 1} contiguously`, 'ArgumentException');
          }
          c.data.copy(data, c.start);
          covered += c.data.length;
        }
        if (covered !== body.size) {
          return apiError(res, 400, `size ${body.size} but ${covered} bytes uploaded`, 'ArgumentException');
        }
        entry.data = data;
        entry.chunks = [];
        entry.committed = true;
        stats.commits++;
        return send(res, 204);
      }
    }
    return apiError(res, 404, `no route ${req.method} ${API}${route}`, 'NotFound');
  };

  const handleArchive = (req: IncomingMessage, res: ServerResponse, id: number): void => {
    const entry = entries.find((e) => e.id === id && e.committed);
    if (!entry?.data || req.method !== 'GET') return send(res, 404);
    stats.downloads++;
    const size = entry.data.length;
    const range = req.headers.range;
    if (!range) {
      stats.bytesDownloaded += size;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) });
      res.end(entry.data);
      return;
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(range);
    const start = m ? Number(m[1]) : NaN;
    const end = m && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (!m || start >= size || end < start) {
      return send(res, 416, undefined, { 'content-range': `bytes */${size}` });
    }
    const slice = entry.data.subarray(start, end + 1);
    stats.bytesDownloaded += slice.length;
    res.writeHead(206, {
      'content-type': 'application/octet-stream',
      'content-length': String(slice.length),
      'content-range': `bytes ${start}-${end}/${size}`,
    });
    res.end(slice);
  };

  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log: GhaCacheRequestLog = { method: req.method ?? '', path: u.pathname, status: 0 };
    requests.push(log);
    res.on('finish', () => (log.status = res.statusCode));
    const apiPrefix = `/${runnerPath}${API}`;
    const archivePrefix = `/_archive/${archiveSecret}/`;
    let work: Promise<void> | void;
    if (u.pathname.startsWith(apiPrefix)) {
      work = handleApi(req, res, u.pathname.slice(apiPrefix.length), u.searchParams);
    } else if (u.pathname.startsWith(archivePrefix)) {
      work = handleArchive(req, res, Number(u.pathname.slice(archivePrefix.length)));
    } else {
      work = send(res, 404);
    }
    Promise.resolve(work).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { message: String(err), typeKey: 'InternalError' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/${runnerPath}`,
    token,
    stats,
    requests,
    entries: () =>
      entries.map((e) => ({
        id: e.id,
        key: e.key,
        version: e.version,
        size: e.data?.length ?? 0,
        committed: e.committed,
      })),
    failNext: (status, count = 1) => {
      failures = { status, count };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
