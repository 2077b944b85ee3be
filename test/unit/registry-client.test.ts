// The registry client against a small distribution-API double on 127.0.0.1 with a Bearer token service (the
// scheme of ghcr.io and Docker Hub, which the test environment's htpasswd registries do not speak; Basic auth and
// the real registry are covered in test/e2e/registry-client.test.ts). Injected clock and sleep: no real waiting.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/registry/errors.js';
import { Registries } from '../../src/registry/session.js';
import { describeRetry, type RetryNotice } from '../../src/registry/client.js';

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const PASSWORD = 'pw-secret-4711';
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [],
});

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  auth?: string;
}

type Override = (req: IncomingMessage, url: URL, res: ServerResponse, body: Buffer) => boolean;

/** A registry double: a token service at /token, Bearer-protected /v2/ with manifests, blobs and uploads in memory. */
class Double {
  server!: Server;
  host = '';
  seen: Seen[] = [];
  tokens = new Map<string, string[]>();
  manifests = new Map<string, { bytes: Buffer; type: string }>();
  blobs = new Map<string, Buffer>();
  uploads = new Map<string, string>();
  expiresIn = 300;
  override?: Override;
  private n = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.seen = [];
    this.tokens.clear();
    this.manifests.clear();
    this.blobs.clear();
    this.uploads.clear();
    this.override = undefined;
    this.expiresIn = 300;
    this.n = 0;
  }

  requests(path?: string): Seen[] {
    return this.seen.filter((s) => path === undefined || s.path === path);
  }

  private challenge(res: ServerResponse, scope: string): void {
    res.writeHead(401, {
      'www-authenticate': `Bearer realm="http://${this.host}/token",service="double",scope="${scope}"`,
      'content-type': 'application/json',
    });
    res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', `http://${this.host}`);
    this.seen.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      auth: req.headers.authorization,
    });
    if (this.override?.(req, url, res, body)) return;
    if (url.pathname === '/token') {
      if (req.headers.authorization !== `Basic ${Buffer.from(`octo:${PASSWORD}`).toString('base64')}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"incorrect username or password"}');
        return;
      }
      const token = `tok-${++this.n}`;
      this.tokens.set(token, url.searchParams.getAll('scope'));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ token, expires_in: this.expiresIn }));
      return;
    }
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const [, repo, what, ref] = m;
    const push = req.method !== 'GET' && req.method !== 'HEAD';
    const needed = `repository:${repo}:${push ? 'pull,push' : 'pull'}`;
    const granted = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, '')) ?? [];
    const ok = granted.some((g) => g === needed || (!push && g === `repository:${repo}:pull,push`));
    if (!ok) return this.challenge(res, needed);
    if (what === 'manifests') {
      if (req.method === 'PUT') {
        const digest = sha(body);
        const entry = { bytes: body, type: String(req.headers['content-type']) };
        this.manifests.set(`${repo}@${digest}`, entry);
        this.manifests.set(`${repo}:${ref}`, entry);
        res.writeHead(201, { 'docker-content-digest': digest }).end();
        return;
      }
      const entry = this.manifests.get(`${repo}${ref.startsWith('sha256:') ? '@' : ':'}${ref}`);
      if (!entry) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
        return;
      }
      res.writeHead(200, {
        'content-type': entry.type,
        'docker-content-digest': sha(entry.bytes),
        'content-length': entry.bytes.length,
      });
      res.end(req.method === 'HEAD' ? undefined : entry.bytes);
      return;
    }
    // blobs
    if (ref === 'uploads/' && req.method === 'POST') {
      const mount = url.searchParams.get('mount');
      const from = url.searchParams.get('from');
      if (mount && from && this.blobs.has(`${from}@${mount}`)) {
        this.blobs.set(`${repo}@${mount}`, this.blobs.get(`${from}@${mount}`)!);
        res.writeHead(201, { location: `/v2/${repo}/blobs/${mount}` }).end();
        return;
      }
      const id = `u${++this.n}`;
      this.uploads.set(id, repo);
      res.writeHead(202, { location: `/v2/${repo}/blobs/uploads/${id}?_state=abc%2Bdef` }).end();
      return;
    }
    if (ref.startsWith('uploads/') && req.method === 'PUT') {
      const id = ref.slice('uploads/'.length);
      const digest = url.searchParams.get('digest') ?? '';
      if (!this.uploads.has(id) || url.searchParams.get('_state') !== 'abc+def') {
        res.writeHead(404).end('{"errors":[{"code":"BLOB_UPLOAD_UNKNOWN","message":"blob upload unknown"}]}');
        return;
      }
      if (sha(body) !== digest) {
        res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID","message":"digest did not match"}]}');
        return;
      }
      this.uploads.delete(id);
      this.blobs.set(`${repo}@${digest}`, body);
      res.writeHead(201, { 'docker-content-digest': digest }).end();
      return;
    }
    const blob = this.blobs.get(`${repo}@${ref}`);
    if (!blob) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': blob.length }).end(req.method === 'HEAD' ? undefined : blob);
  }
}

const double = new Double();
let clock = Date.parse('2026-12-01T10:00:00Z');
let waits: number[] = [];
let notices: RetryNotice[] = [];
let open: Registries[] = [];

function session(credential = true, registry = double.host): Registries {
  const r = new Registries({
    credentials: credential ? [{ registry, username: 'octo', password: PASSWORD }] : [],
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    onRetry: (n) => notices.push(n),
  });
  open.push(r);
  return r;
}

beforeAll(() => double.start());
afterAll(() => new Promise<void>((r) => double.server.close(() => r())));
beforeEach(async () => {
  double.reset();
  await Promise.all(open.map((r) => r.close()));
  open = [];
  waits = [];
  notices = [];
});

function putManifest(repo: string, tag: string, bytes = MANIFEST): string {
  const b = Buffer.from(bytes);
  double.manifests.set(`${repo}:${tag}`, { bytes: b, type: 'application/vnd.oci.image.index.v1+json' });
  double.manifests.set(`${repo}@${sha(b)}`, { bytes: b, type: 'application/vnd.oci.image.index.v1+json' });
  return sha(b);
}

describe('Bearer tokens', () => {
  it('answers the challenge with a pull token for the repository, and hashes what it is served', async () => {
    const digest = putManifest('octo/app', '1.0');
    const client = session().client(double.host);
    const m = await client.getManifest('octo/app', '1.0');
    expect(m).toMatchObject({ digest, mediaType: 'application/vnd.oci.image.index.v1+json', size: MANIFEST.length });
    expect(double.requests('/token').map((s) => s.query.getAll('scope'))).toEqual([['repository:octo/app:pull']]);
    expect(double.requests('/token')[0].query.get('service')).toBe('double');
    expect(double.seen.at(-1)).toMatchObject({ path: '/v2/octo/app/manifests/1.0', auth: 'Bearer tok-1' });
  });

  it('keeps one token per scope: a second read asks for none, a push asks for pull,push, which then serves reads', async () => {
    putManifest('octo/app', '1.0');
    const client = session().client(double.host);
    await client.getManifest('octo/app', '1.0');
    expect(await client.findManifest('octo/app', '1.0')).toMatchObject({ size: MANIFEST.length });
    expect(await client.findManifest('octo/app', 'absent')).toBeUndefined();
    expect(double.requests('/token')).toHaveLength(1);
    await client.putManifest('octo/app', '2.0', Buffer.from(MANIFEST), 'application/vnd.oci.image.index.v1+json');
    expect(double.requests('/token').map((s) => s.query.getAll('scope'))).toEqual([
      ['repository:octo/app:pull'],
      ['repository:octo/app:pull,push'],
    ]);
    // the scheme is known now: the push token was fetched before the PUT, not after a 401
    expect(double.requests('/v2/octo/app/manifests/2.0').map((s) => s.auth)).toEqual(['Bearer tok-2']);
    // another repository needs its own token
    putManifest('octo/other', '1.0');
    await client.getManifest('octo/other', '1.0');
    expect(double.requests('/token')).toHaveLength(3);
  });

  it('concurrent reads that need one token share its request', async () => {
    putManifest('octo/app', '1.0');
    const client = session().client(double.host);
    await client.hasBlob('octo/app', sha('x')); // the scheme is known: tokens are fetched before sending
    double.tokens.clear();
    await Promise.all(Array.from({ length: 6 }, () => client.getManifest('octo/app', '1.0')));
    // one for the first blob check, one after the revocation, shared by the six reads
    expect(double.requests('/token')).toHaveLength(2);
  });

  it('renews a token when it expires (by the injected clock)', async () => {
    putManifest('octo/app', '1.0');
    double.expiresIn = 60;
    const client = session().client(double.host);
    await client.getManifest('octo/app', '1.0');
    clock += 45_000;
    await client.getManifest('octo/app', '1.0');
    expect(double.requests('/token')).toHaveLength(1);
    clock += 10_000; // 55 s: within the 10 s margin
    await client.getManifest('octo/app', '1.0');
    expect(double.requests('/token')).toHaveLength(2);
  });

  it('renews a token the registry stopped accepting once; a 401 with the fresh one is final', async () => {
    putManifest('octo/app', '1.0');
    const client = session().client(double.host);
    await client.getManifest('octo/app', '1.0');
    double.tokens.clear(); // every issued token revoked
    await client.getManifest('octo/app', '1.0');
    expect(double.requests('/token')).toHaveLength(2);
    double.override = (req, url, res) => {
      if (!url.pathname.startsWith('/v2/')) return false;
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${double.host}/token",service="double"` }).end();
      return true;
    };
    const error = await client.getManifest('octo/app', '1.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as Error).message).toBe(
      `GET ${double.host}/v2/octo/app/manifests/1.0 failed (HTTP 401, not authorized): the registry refused the credentials of octo`,
    );
    expect(notices).toEqual([]);
  });

  it('says the token service refused the credentials, without the password', async () => {
    const r = new Registries({
      credentials: [{ registry: double.host, username: 'octo', password: 'wrong-password-123' }],
      now: () => clock,
      sleep: async () => {},
      onRetry: (n) => notices.push(n),
    });
    open.push(r);
    const error = await r
      .client(double.host)
      .getManifest('octo/app', '1.0')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 401, method: 'GET' });
    expect((error as Error).message).toBe(
      `GET ${double.host}/token failed (HTTP 401, not authorized): the token service ${double.host} refused the credentials of octo: {"details":"incorrect username or password"}`,
    );
    expect((error as Error).message).not.toContain('wrong-password-123');
    expect(notices).toEqual([]);
  });

  it('asks the token service anonymously without credentials (public pulls)', async () => {
    double.override = (req, url, res) => {
      if (url.pathname !== '/token') return false;
      expect(req.headers.authorization).toBeUndefined();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"anon"}');
      double.tokens.set('anon', url.searchParams.getAll('scope'));
      return true;
    };
    putManifest('library/busybox', 'latest');
    const m = await session(false).client(double.host).getManifest('library/busybox', 'latest');
    expect(m.digest).toBe(sha(MANIFEST));
  });

  it('a Basic challenge without credentials for the registry: an auth error saying so', async () => {
    double.override = (req, url, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Registry Realm"' }).end();
      return true;
    };
    const error = await session(false)
      .client(double.host)
      .getManifest('octo/app', '1.0')
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `GET ${double.host}/v2/octo/app/manifests/1.0 failed (HTTP 401, not authorized): the registry asks for credentials and this run has none for it`,
    );
  });
});

describe('retries', () => {
  /** Answers the first `n` manifest requests with `status` and `headers`, then lets the double answer. */
  function failFirst(n: number, status: number, headers: Record<string, string> = {}): void {
    let left = n;
    double.override = (req, url, res) => {
      if (!url.pathname.includes('/manifests/') || left === 0) return false;
      left--;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(`{"errors":[{"code":"E${status}","message":"injected ${status}"}]}`);
      return true;
    };
  }

  it('429 with Retry-After in seconds, then 503 with Retry-After as an HTTP date: waits what was asked', async () => {
    putManifest('octo/app', '1.0');
    const client = session().client(double.host);
    failFirst(1, 429, { 'retry-after': '7' });
    await client.getManifest('octo/app', '1.0');
    failFirst(1, 503, { 'retry-after': new Date(clock + 20_000).toUTCString() });
    await client.getManifest('octo/app', '1.0');
    expect(waits).toEqual([7000, 20_000]);
    expect(notices.map((n) => ({ status: n.status, attempt: n.attempt, asked: n.asked, waitMs: n.waitMs }))).toEqual([
      { status: 429, attempt: 1, asked: true, waitMs: 7000 },
      { status: 503, attempt: 1, asked: true, waitMs: 20_000 },
    ]);
  });

  it('500 every time: backs off 0.5, 1, 2 s, then fails naming registry, method, path, status and attempts', async () => {
    const client = session().client(double.host);
    await client.hasBlob('octo/app', sha('x')); // learn the scheme first
    failFirst(100, 500);
    const error = await client
      .putManifest('octo/app', 'v1', Buffer.from(MANIFEST), 'application/vnd.oci.image.index.v1+json')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'server',
      status: 500,
      attempts: 4,
      method: 'PUT',
      path: '/v2/octo/app/manifests/v1',
    });
    expect((error as Error).message).toBe(
      `PUT ${double.host}/v2/octo/app/manifests/v1 failed (HTTP 500, registry error after 4 attempts): E500: injected 500`,
    );
    expect(waits).toEqual([500, 1000, 2000]);
    expect(double.requests('/v2/octo/app/manifests/v1')).toHaveLength(4);
  });

  const finals: { name: string; status: number; kind: string }[] = [
    { name: '404 is not retried', status: 404, kind: 'not-found' },
    { name: '403 is not retried', status: 403, kind: 'auth' },
    { name: '400 is not retried', status: 400, kind: 'rejected' },
  ];
  for (const c of finals) {
    it(c.name, async () => {
      const client = session().client(double.host);
      await client.hasBlob('octo/app', sha('x'));
      failFirst(100, c.status);
      const error = await client.getManifest('octo/app', '1.0').catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: c.kind, status: c.status, attempts: 1 });
      expect(double.requests('/v2/octo/app/manifests/1.0')).toHaveLength(1);
      expect(waits).toEqual([]);
    });
  }

  it('a refused connection: retried, then a network error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await session(false, host)
      .client(host)
      .getManifest('octo/app', '1.0')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', attempts: 4 });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^GET ${host}/v2/octo/app/manifests/1\\.0 failed \\(network error after 4 attempts\\): .*\\(ECONNREFUSED\\)$`,
      ),
    );
    expect(notices.map((n) => n.networkCode)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
  });
});

describe('integrity', () => {
  it('refuses a manifest whose bytes are not the digest asked for', async () => {
    const digest = putManifest('octo/app', '1.0');
    double.manifests.set(`octo/app@${digest}`, { bytes: Buffer.from('{"tampered":true}'), type: 'application/json' });
    const error = await session()
      .client(double.host)
      .getManifest('octo/app', digest)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'integrity' });
    expect((error as Error).message).toBe(
      `GET ${double.host}/v2/octo/app/manifests/${digest} failed (integrity check failed): the registry served a manifest whose digest is ${sha('{"tampered":true}')}`,
    );
  });
});

describe('limits', () => {
  it('refuses a manifest larger than the 4 MiB the spec allows', async () => {
    const client = session().client(double.host);
    await client.hasBlob('octo/app', sha('x'));
    double.override = (req, url, res) => {
      if (!url.pathname.includes('/manifests/')) return false;
      res
        .writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
        .end(Buffer.alloc(5 * 1024 * 1024, 32));
      return true;
    };
    const error = await client.getManifest('octo/app', 'huge').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rejected', status: 200 });
    expect((error as Error).message).toBe(
      `GET ${double.host}/v2/octo/app/manifests/huge failed (HTTP 200, rejected): the answer is larger than the 4194304 bytes accepted`,
    );
  });
});

describe('blob uploads', () => {
  const bytes = Buffer.from('layer bytes');
  const blob = { digest: sha(bytes), size: bytes.length, open: () => bytes };

  it('uploads a missing blob: POST a session, PUT the bytes with the digest (the session state kept intact)', async () => {
    const client = session().client(double.host);
    expect(await client.uploadBlob('octo/app', blob)).toBe('uploaded');
    expect(double.blobs.get(`octo/app@${blob.digest}`)).toEqual(bytes);
    const put = double.seen.find((s) => s.method === 'PUT')!;
    expect(put.query.get('digest')).toBe(blob.digest);
    // the same bytes again: only a HEAD
    const before = double.seen.length;
    expect(await client.uploadBlob('octo/app', blob)).toBe('exists');
    expect(double.seen.slice(before).map((s) => s.method)).toEqual(['HEAD']);
  });

  it('mounts from another repository of the registry, with a token for both', async () => {
    const client = session().client(double.host);
    await client.uploadBlob('octo/app', blob);
    expect(await client.uploadBlob('octo/mirror', blob, ['octo/app'])).toBe('mounted');
    const mountToken = double.requests('/token').at(-1)!.query.getAll('scope');
    expect(mountToken).toEqual(['repository:octo/mirror:pull,push', 'repository:octo/app:pull']);
    expect(double.seen.filter((s) => s.method === 'PUT')).toHaveLength(1);
  });

  it('uploads when the mount is refused (202: the registry opened a session instead)', async () => {
    const client = session().client(double.host);
    expect(await client.uploadBlob('octo/mirror', blob, ['octo/nowhere'])).toBe('uploaded');
    expect(double.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('opens a new session when the registry lost the first', async () => {
    const client = session().client(double.host);
    await client.hasBlob('octo/app', blob.digest);
    let lost = false;
    double.override = (req) => {
      if (req.method !== 'PUT' || lost) return false;
      lost = true;
      double.uploads.clear();
      return false;
    };
    expect(await client.uploadBlob('octo/app', blob)).toBe('uploaded');
    expect(double.seen.filter((s) => s.method === 'POST')).toHaveLength(2);
  });
});

describe('redirects', () => {
  it('follows a blob redirect to another host without the registry credentials', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const cdnSeen: (string | undefined)[] = [];
    const cdn = createServer((req, res) => {
      cdnSeen.push(req.headers.authorization);
      res.writeHead(200).end(config);
    });
    await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', r));
    try {
      const cdnHost = `127.0.0.1:${(cdn.address() as AddressInfo).port}`;
      double.override = (req, url, res) => {
        if (!url.pathname.includes('/blobs/sha256:')) return false;
        if (!req.headers.authorization) return false; // let the double challenge first
        res.writeHead(307, { location: `http://${cdnHost}/signed?sig=1` }).end();
        return true;
      };
      const got = await session().client(double.host).getBlob('octo/app', sha(config));
      expect(got).toEqual(config);
      expect(cdnSeen).toEqual([undefined]);
    } finally {
      await new Promise<void>((r) => cdn.close(() => r()));
    }
  });
});

describe('describeRetry', () => {
  const cases: { name: string; notice: RetryNotice; expected: string }[] = [
    {
      name: 'a rate limit, waiting what the registry asked',
      notice: {
        registry: 'ghcr.io',
        method: 'PUT',
        path: '/v2/o/a/manifests/1.0',
        status: 429,
        attempt: 1,
        maxAttempts: 4,
        waitMs: 7000,
        asked: true,
      },
      expected:
        'Registry ghcr.io: PUT /v2/o/a/manifests/1.0 answered HTTP 429; retrying in 7 s as it asked (attempt 2 of 4)',
    },
    {
      name: 'a reset connection, backing off',
      notice: {
        registry: '127.0.0.1:5000',
        method: 'HEAD',
        path: '/v2/o/a/blobs/sha256:1',
        networkCode: 'ECONNRESET',
        attempt: 2,
        maxAttempts: 4,
        waitMs: 1000,
        asked: false,
      },
      expected:
        'Registry 127.0.0.1:5000: HEAD /v2/o/a/blobs/sha256:1 failed (ECONNRESET); retrying in 1 s (attempt 3 of 4)',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(describeRetry(c.notice)).toBe(c.expected);
    });
  }
});
