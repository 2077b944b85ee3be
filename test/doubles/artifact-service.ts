// A double of GitHub's artifact service (the v4 backend behind @actions/artifact 2+, upload-artifact@v4+ and act's
// --artifact-server-path), in memory on 127.0.0.1 with an ephemeral port, so jobs of a simulated run can hand files
// to each other through the real library. The artifact service cannot run here; this speaks its protocol.
//
// Twirp, JSON (protobuf field names in requests; proto3 JSON, int64 as strings, in responses), Authorization:
// Bearer <ACTIONS_RUNTIME_TOKEN>, under `{url}twirp/github.actions.results.api.v1.ArtifactService/`:
//   CreateArtifact       {workflow_run_backend_id, workflow_job_run_backend_id, name, version, mime_type?,
//                         expires_at?}                               → {ok, signed_upload_url} | 409 already_exists
//   FinalizeArtifact     {…ids, name, size, hash?}                   → {ok, artifact_id}  (size and sha256 checked)
//   ListArtifacts        {…ids, name_filter?, id_filter?}            → {artifacts: [{workflow_run_backend_id,
//                         workflow_job_run_backend_id, database_id, name, size, created_at, digest}]}
//   GetSignedArtifactURL {…ids of the artifact, name}                → {signed_url} | 404 not_found
//   DeleteArtifact       {…ids of the artifact, name}                → {ok, artifact_id} | 404 not_found
// Errors are Twirp's: {code, msg} with the matching HTTP status; the library shows `msg` and retries only
// 429/500/502/503/504.
// Runs are the isolation boundary, as on GitHub: the token's `scp` claim (`Actions.Results:<run>:<job>`) names the
// run and job; a request whose body names another run is refused (403), ListArtifacts shows every finalized,
// unexpired artifact of the token's run (any job) and nothing of other runs, and names are unique per run.
// Creating and finalizing are the token's own job's business; reading takes the artifact's own ids, which the
// library copies from the listing.
//
// Blob storage, as Azure's SDK (BlockBlobClient.uploadStream) speaks it, at signed URLs (no bearer; the `sig` query
// parameter is checked, an upload URL cannot read and a download URL cannot write):
//   PUT {upload}&comp=block&blockid=<base64>  (body: the block)         → 201
//   PUT {upload}&comp=blocklist  <BlockList><Latest>id</Latest>…</…>    → 201 (the blob: those blocks in order)
//   GET {download}                                                       → 200 application/zip, the zip uploaded
// The library zips the files; the double stores the bytes as uploaded and serves them back unchanged.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';

export type TwirpMethod =
  'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | 'DeleteArtifact';

const METHODS: readonly TwirpMethod[] = [
  'CreateArtifact',
  'FinalizeArtifact',
  'ListArtifacts',
  'GetSignedArtifactURL',
  'DeleteArtifact',
];

export interface ArtifactServiceStats {
  /** Twirp calls answered, by method (failures included). */
  calls: Record<TwirpMethod, number>;
  /** Blocks staged (PUT comp=block). */
  blocks: number;
  /** Block lists committed (PUT comp=blocklist). */
  commits: number;
  /** Blob downloads served. */
  downloads: number;
  bytesUploaded: number;
  bytesDownloaded: number;
  /** Requests refused for a missing, forged or expired runtime token (401). */
  unauthorized: number;
  /** Requests refused because their body named another run or job than the token (403). */
  forbidden: number;
  /** CreateArtifact refused because the run already has an artifact of that name (409). */
  conflicts: number;
  /** Blob requests refused for a bad signature or permission. */
  badSignatures: number;
  /** Calls answered with an injected failure (failNext). */
  injected: number;
}

export interface ArtifactRequestLog {
  method: string;
  /** the URL path (signed query strings are not kept) */
  path: string;
  /** the Twirp method, or 'blob' */
  call: TwirpMethod | 'blob';
  /** the run and job of the bearer token, when it was valid */
  run?: string;
  job?: string;
  status: number;
}

export interface ArtifactInfo {
  id: number;
  run: string;
  job: string;
  name: string;
  size: number;
  /** sha256:<hex> of the stored bytes (once committed) */
  digest?: string;
  finalized: boolean;
  createdAt: Date;
  expiresAt?: Date;
}

export interface ArtifactServiceDouble {
  /** ACTIONS_RESULTS_URL: `http://127.0.0.1:{port}/` (the library keeps only the origin). */
  url: string;
  /**
   * ACTIONS_RUNTIME_TOKEN for one job of one run: a JWT with scp `Actions.Results:<runId>:<jobId>`. `claims` adds
   * others, e.g. the `ac` cache scopes BuildKit reads, so one token serves the cache and the artifacts, as on GitHub.
   */
  token(runId: string, jobId: string, options?: { ttlSeconds?: number; claims?: Record<string, unknown> }): string;
  /** Live counters (mutated in place as requests arrive). */
  stats: ArtifactServiceStats;
  /** Every request seen, in order. */
  requests: ArtifactRequestLog[];
  /** Artifacts stored (all runs, or one run), in creation order. */
  artifacts(runId?: string): ArtifactInfo[];
  /** The bytes stored for an artifact (the library's zip). */
  content(id: number): Buffer | undefined;
  /**
   * Answer the next `count` Twirp calls (of `method` only, when given) with `status` and a Twirp error body.
   * 429 and 5xx are retried by the library (3 s, then ~4.5 s … between five attempts); 4xx fail at once.
   */
  failNext(status: number, options?: { count?: number; method?: TwirpMethod; message?: string }): void;
  close(): Promise<void>;
}

export interface ArtifactServiceOptions {
  /** The clock for created_at, expiry and token lifetimes; default the system clock. */
  now?: () => Date;
}

interface Artifact {
  id: number;
  run: string;
  job: string;
  name: string;
  createdAt: Date;
  expiresAt?: Date;
  blocks: Map<string, Buffer>;
  data?: Buffer;
  finalized: boolean;
}

// Plain fields, not parameter properties: the double also runs under Node's type stripping (scripts, local runs).
class TwirpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Twirp's error codes for the HTTP statuses a test injects. */
const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  501: 'unimplemented',
  503: 'unavailable',
  504: 'deadline_exceeded',
};

/** The characters the library (and the service) refuse in artifact names. */
const INVALID_NAME = /[":<>|*?\r\n\\/]/;

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export async function startArtifactService(options: ArtifactServiceOptions = {}): Promise<ArtifactServiceDouble> {
  const now = options.now ?? (() => new Date());
  const tokenKey = randomBytes(32);
  const signingKey = randomBytes(32);
  const artifacts: Artifact[] = [];
  const requests: ArtifactRequestLog[] = [];
  const stats: ArtifactServiceStats = {
    calls: Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<TwirpMethod, number>,
    blocks: 0,
    commits: 0,
    downloads: 0,
    bytesUploaded: 0,
    bytesDownloaded: 0,
    unauthorized: 0,
    forbidden: 0,
    conflicts: 0,
    badSignatures: 0,
    injected: 0,
  };
  let failures: { status: number; count: number; method?: TwirpMethod; message?: string } | undefined;
  let nextId = 1;
  let origin = '';

  const token = (
    runId: string,
    jobId: string,
    opts: { ttlSeconds?: number; claims?: Record<string, unknown> } = {},
  ): string => {
    // The library splits scp on spaces, then on ':' into exactly three parts.
    for (const [what, id] of [
      ['run', runId],
      ['job', jobId],
    ]) {
      if (!/^[\w.-]+$/.test(id)) throw new Error(`${what} id ${JSON.stringify(id)}: use letters, digits, . _ -`);
    }
    const iat = Math.floor(now().getTime() / 1000);
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({
        scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runId}:${jobId}`,
        iat: iat - 60,
        nbf: iat - 60,
        exp: iat + (opts.ttlSeconds ?? 6 * 3600),
        iss: 'artifact-service-double',
        ...opts.claims,
      }),
    );
    const signature = createHmac('sha256', tokenKey).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  };

  /** The (run, job) of a bearer token this double minted and that has not expired. */
  const identify = (authorization: string | undefined): { run: string; job: string } | undefined => {
    const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
    if (!m) return undefined;
    const expected = createHmac('sha256', tokenKey).update(`${m[1]}.${m[2]}`).digest();
    const given = Buffer.from(m[3], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8')) as { scp: string; exp: number };
    if (claims.exp * 1000 <= now().getTime()) return undefined;
    const scope = claims.scp.split(' ').find((s) => s.startsWith('Actions.Results:'));
    const [, run, job] = scope?.split(':') ?? [];
    return run && job ? { run, job } : undefined;
  };

  const sign = (permission: 'cw' | 'r', id: number, expires: string) =>
    createHmac('sha256', signingKey).update(`${permission}\n${id}\n${expires}`).digest('hex');

  const signedUrl = (permission: 'cw' | 'r', a: Artifact): string => {
    const expires = new Date(now().getTime() + 3600_000).toISOString();
    const q = new URLSearchParams({ sv: '2023-11-03', se: expires, sr: 'b', sp: permission });
    q.set('sig', sign(permission, a.id, expires));
    // Azure's path style for IP hosts: /<account>/<container>/<blob>
    return `${origin}/devstoreaccount1/actions-results/${encodeURIComponent(a.run)}/${a.id}.zip?${q}`;
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts)));
      req.on('error', reject);
    });

  const sendJson = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const live = (a: Artifact) => a.finalized && (!a.expiresAt || a.expiresAt.getTime() > now().getTime());

  const monolith = (a: Artifact) => ({
    workflow_run_backend_id: a.run,
    workflow_job_run_backend_id: a.job,
    database_id: String(a.id),
    name: a.name,
    size: String(a.data?.length ?? 0),
    created_at: a.createdAt.toISOString(),
    ...(a.data ? { digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}` } : {}),
  });

  const str = (body: Record<string, unknown>, field: string): string => {
    const v = body[field];
    if (typeof v !== 'string' || v === '') throw new TwirpError(400, 'invalid_argument', `${field} is required`);
    return v;
  };

  /** The request's run must be the token's; `ownJob` also requires the token's job (creating, finalizing). */
  const scoped = (who: { run: string; job: string }, body: Record<string, unknown>, ownJob: boolean) => {
    const run = str(body, 'workflow_run_backend_id');
    const job = str(body, 'workflow_job_run_backend_id');
    if (run !== who.run || (ownJob && job !== who.job)) {
      stats.forbidden++;
      throw new TwirpError(403, 'permission_denied', `the runtime token does not grant access to run ${run}`);
    }
    return { run, job };
  };

  const findFinalized = (run: string, job: string, name: string) => {
    const a = artifacts.find((x) => x.run === run && x.job === job && x.name === name && live(x));
    if (!a) throw new TwirpError(404, 'not_found', `artifact ${name} not found`);
    return a;
  };

  const twirp = async (method: TwirpMethod, who: { run: string; job: string }, body: Record<string, unknown>) => {
    switch (method) {
      case 'CreateArtifact': {
        const { run, job } = scoped(who, body, true);
        const name = str(body, 'name');
        if (INVALID_NAME.test(name)) throw new TwirpError(400, 'invalid_argument', `invalid artifact name ${name}`);
        if (body.version !== 4 && body.version !== 7) {
          throw new TwirpError(400, 'invalid_argument', `unsupported artifact version ${String(body.version)}`);
        }
        if (artifacts.some((a) => a.run === run && a.name === name)) {
          stats.conflicts++;
          throw new TwirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
        }
        const expiresAt = typeof body.expires_at === 'string' ? new Date(body.expires_at) : undefined;
        const a: Artifact = {
          id: nextId++,
          run,
          job,
          name,
          createdAt: now(),
          expiresAt,
          blocks: new Map(),
          finalized: false,
        };
        artifacts.push(a);
        return { ok: true, signed_upload_url: signedUrl('cw', a) };
      }
      case 'FinalizeArtifact': {
        const { run, job } = scoped(who, body, true);
        const name = str(body, 'name');
        const a = artifacts.find((x) => x.run === run && x.job === job && x.name === name && !x.finalized);
        if (!a) throw new TwirpError(404, 'not_found', `no artifact ${name} is being uploaded by this job`);
        if (!a.data) throw new TwirpError(412, 'failed_precondition', `artifact ${name}: no blob was committed`);
        if (String(body.size) !== String(a.data.length)) {
          throw new TwirpError(400, 'invalid_argument', `size ${String(body.size)} but ${a.data.length} bytes stored`);
        }
        const digest = `sha256:${createHash('sha256').update(a.data).digest('hex')}`;
        if (body.hash !== undefined && body.hash !== digest) {
          throw new TwirpError(400, 'invalid_argument', `hash ${String(body.hash)} does not match the stored bytes`);
        }
        a.finalized = true;
        return { ok: true, artifact_id: String(a.id) };
      }
      case 'ListArtifacts': {
        const { run } = scoped(who, body, false);
        const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
        const idFilter = body.id_filter !== undefined ? String(body.id_filter) : undefined;
        const listed = artifacts.filter(
          (a) =>
            a.run === run &&
            live(a) &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === idFilter),
        );
        return { artifacts: listed.map(monolith) };
      }
      case 'GetSignedArtifactURL': {
        const { run, job } = scoped(who, body, false);
        return { signed_url: signedUrl('r', findFinalized(run, job, str(body, 'name'))) };
      }
      case 'DeleteArtifact': {
        const { run, job } = scoped(who, body, false);
        const a = findFinalized(run, job, str(body, 'name'));
        artifacts.splice(artifacts.indexOf(a), 1);
        return { ok: true, artifact_id: String(a.id) };
      }
    }
  };

  const handleTwirp = async (
    req: IncomingMessage,
    res: ServerResponse,
    method: TwirpMethod,
    log: ArtifactRequestLog,
  ) => {
    stats.calls[method]++;
    try {
      if (req.method !== 'POST') throw new TwirpError(404, 'bad_route', `${req.method} is not a Twirp call`);
      const who = identify(req.headers.authorization);
      if (!who) {
        stats.unauthorized++;
        throw new TwirpError(401, 'unauthenticated', 'missing, invalid or expired runtime token');
      }
      log.run = who.run;
      log.job = who.job;
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new TwirpError(415, 'bad_route', 'this service speaks Twirp JSON only');
      }
      if (failures && failures.count > 0 && (!failures.method || failures.method === method)) {
        failures.count--;
        stats.injected++;
        const code = TWIRP_CODES[failures.status] ?? 'internal';
        throw new TwirpError(failures.status, code, failures.message ?? `injected failure ${failures.status}`);
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>;
      } catch {
        throw new TwirpError(400, 'malformed', 'the body is not JSON');
      }
      sendJson(res, 200, await twirp(method, who, body));
    } catch (err) {
      if (!(err instanceof TwirpError)) throw err;
      sendJson(res, err.status, { code: err.code, msg: err.message });
    }
  };

  const azureError = (res: ServerResponse, status: number, code: string, message: string) => {
    res
      .writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
      .end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  };

  const handleBlob = async (req: IncomingMessage, res: ServerResponse, id: number, q: URLSearchParams) => {
    const a = artifacts.find((x) => x.id === id);
    const permission = q.get('sp');
    const expires = q.get('se') ?? '';
    const sig = q.get('sig') ?? '';
    const wants = req.method === 'GET' ? 'r' : 'cw';
    const valid =
      a !== undefined &&
      permission === wants &&
      sig === sign(wants, id, expires) &&
      new Date(expires).getTime() > now().getTime();
    if (!valid || !a) {
      stats.badSignatures++;
      return azureError(res, 403, 'AuthenticationFailed', 'Signature or permission does not allow this request.');
    }
    const headers = { 'x-ms-request-id': randomBytes(8).toString('hex'), 'x-ms-version': '2023-11-03' };
    if (req.method === 'PUT' && q.get('comp') === 'block') {
      if (a.data) return azureError(res, 409, 'BlobImmutable', 'The blob is already committed.');
      const blockId = q.get('blockid');
      if (!blockId) return azureError(res, 400, 'MissingRequiredQueryParameter', 'blockid is required.');
      const data = await readBody(req);
      a.blocks.set(blockId, data);
      stats.blocks++;
      stats.bytesUploaded += data.length;
      return res.writeHead(201, { ...headers, 'x-ms-request-server-encrypted': 'true' }).end();
    }
    if (req.method === 'PUT' && q.get('comp') === 'blocklist') {
      if (a.data) return azureError(res, 409, 'BlobImmutable', 'The blob is already committed.');
      const xml = (await readBody(req)).toString('utf8');
      const ids = [...xml.matchAll(/<(Latest|Uncommitted)>([^<]*)<\/\1>/g)].map((m) => m[2]);
      const parts: Buffer[] = [];
      for (const blockId of ids) {
        const block = a.blocks.get(blockId);
        if (!block) return azureError(res, 400, 'InvalidBlockList', `Block ${blockId} was not staged.`);
        parts.push(block);
      }
      a.data = Buffer.concat(parts);
      a.blocks.clear();
      stats.commits++;
      return res
        .writeHead(201, {
          ...headers,
          etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
          'last-modified': now().toUTCString(),
          'x-ms-request-server-encrypted': 'true',
        })
        .end();
    }
    if (req.method === 'GET' && a.data && a.finalized) {
      stats.downloads++;
      stats.bytesDownloaded += a.data.length;
      return res
        .writeHead(200, {
          ...headers,
          'content-type': 'application/zip',
          'content-length': String(a.data.length),
          'content-disposition': `attachment; filename="${a.id}.zip"`,
        })
        .end(a.data);
    }
    return azureError(res, 400, 'UnsupportedRequest', `${req.method} ${q.get('comp') ?? ''} is not supported here.`);
  };

  const twirpPrefix = `/twirp/${ARTIFACT_SERVICE}/`;
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log: ArtifactRequestLog = { method: req.method ?? '', path: u.pathname, call: 'blob', status: 0 };
    requests.push(log);
    res.on('finish', () => (log.status = res.statusCode));
    let work: Promise<void> | undefined;
    const blob = /^\/devstoreaccount1\/actions-results\/[^/]+\/(\d+)\.zip$/.exec(u.pathname);
    if (u.pathname.startsWith(twirpPrefix)) {
      const method = METHODS.find((m) => m === u.pathname.slice(twirpPrefix.length));
      if (method) {
        log.call = method;
        work = handleTwirp(req, res, method, log);
      } else {
        sendJson(res, 404, { code: 'bad_route', msg: `no method ${u.pathname}` });
      }
    } else if (blob) {
      work = handleBlob(req, res, Number(blob[1]), u.searchParams).then(() => undefined);
    } else {
      azureError(res, 404, 'ResourceNotFound', 'The specified resource does not exist.');
    }
    Promise.resolve(work).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(err) });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    token,
    stats,
    requests,
    artifacts: (runId) =>
      artifacts
        .filter((a) => runId === undefined || a.run === runId)
        .map((a) => ({
          id: a.id,
          run: a.run,
          job: a.job,
          name: a.name,
          size: a.data?.length ?? 0,
          digest: a.data ? `sha256:${createHash('sha256').update(a.data).digest('hex')}` : undefined,
          finalized: a.finalized,
          createdAt: a.createdAt,
          expiresAt: a.expiresAt,
        })),
    content: (id) => artifacts.find((a) => a.id === id)?.data,
    failNext: (status, opts = {}) => {
      failures = { status, count: opts.count ?? 1, method: opts.method, message: opts.message };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
