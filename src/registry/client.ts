// A client for one registry over the OCI distribution API: what this action needs to push an image by digest,
// create an index under tags and read tags back. Answers the registry's auth challenge (Basic for htpasswd
// registries, the Bearer token service of ghcr.io, Docker Hub and most others) with the credential the action logged
// in with, keeping one token per scope; retries what passes (retry.ts); and checks every digest it is served.
import { HttpPool, NetworkError, type HttpResponse } from './http.js';
import { preferredChallenge } from './challenge.js';
import { kindOfStatus, registryErrorDetail, RegistryError } from './errors.js';
import { registryApiBase, type Credential } from './identity.js';
import { decideRetry, parseRetryAfter, type RetryPolicy, type SendOutcome } from './retry.js';
import { digestOf, MANIFEST_ACCEPT, manifestMediaType, parseManifestBytes } from './oci.js';
import type { Readable } from 'node:stream';

/** The spec's limit for a manifest; a registry serving more is broken or hostile. */
const MANIFEST_LIMIT = 4 * 1024 * 1024;

export type RegistryAction = 'pull' | 'push';

/** `repository:<name>:<actions>`: what a Bearer token is asked for. */
export interface Scope {
  repository: string;
  actions: readonly RegistryAction[];
}

export function scopeString(s: Scope): string {
  return `repository:${s.repository}:${[...s.actions].sort().join(',')}`;
}

/** A retry about to happen, for the log. */
export interface RetryNotice {
  registry: string;
  method: string;
  path: string;
  status?: number;
  networkCode?: string;
  /** the send that failed (1-based) and how many are allowed */
  attempt: number;
  maxAttempts: number;
  waitMs: number;
  /** the wait is what the registry asked for (Retry-After) */
  asked: boolean;
}

export function describeRetry(n: RetryNotice): string {
  const what = n.status !== undefined ? `answered HTTP ${n.status}` : `failed (${n.networkCode})`;
  const wait = `${Math.round(n.waitMs / 100) / 10} s${n.asked ? ' as it asked' : ''}`;
  return `Registry ${n.registry}: ${n.method} ${n.path} ${what}; retrying in ${wait} (attempt ${n.attempt + 1} of ${n.maxAttempts})`;
}

export interface ClientOptions {
  credential?: Pick<Credential, 'username' | 'password'>;
  pool: HttpPool;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  onRetry?: (notice: RetryNotice) => void;
}

export interface FetchedManifest {
  /** computed from the bytes served */
  digest: string;
  mediaType: string;
  size: number;
  bytes: Buffer;
  body: Record<string, unknown>;
}

/** A blob to upload: its descriptor and a way to read it (again, for a retry). */
export interface BlobSource {
  digest: string;
  size: number;
  open: () => Readable | Buffer;
}

export type BlobPushOutcome = 'exists' | 'mounted' | 'uploaded';

interface CallOptions {
  method: string;
  /** a path under /v2/ (`<name>/manifests/<ref>`) or an absolute URL the registry handed out (upload locations) */
  target: string | URL;
  scopes: readonly Scope[];
  /** statuses returned to the caller; any other is a failure (retried when it passes) */
  accept: readonly number[];
  headers?: Record<string, string>;
  body?: Buffer | (() => Readable | Buffer);
  /** read the body inside the retry loop (a connection dropped mid-body is retried like any other) */
  read?: boolean;
  /** the most bytes `read` accepts */
  readLimit?: number;
}

interface CallResult {
  res: HttpResponse;
  bytes?: Buffer;
}

interface BearerToken {
  token: string;
  scopes: Set<string>;
  expiresAt: number;
}

const basic = (c: Pick<Credential, 'username' | 'password'>) =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

export class RegistryClient {
  private scheme: 'unknown' | 'basic' | 'bearer' = 'unknown';
  private bearer?: { realm: URL; service?: string };
  private tokens: BearerToken[] = [];
  private readonly pendingTokens = new Map<string, Promise<BearerToken>>();
  private readonly base: string;

  constructor(
    /** canonical registry (identity.ts) */
    readonly registry: string,
    private readonly opts: ClientOptions,
  ) {
    this.base = registryApiBase(registry);
  }

  // ---- manifests ------------------------------------------------------------------------------------------------

  /** The manifest a tag or digest names; its digest is computed from the bytes (and must match a digest asked for). */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    const path = `${repository}/manifests/${reference}`;
    const { res, bytes } = await this.call({
      method: 'GET',
      target: path,
      scopes: [{ repository, actions: ['pull'] }],
      accept: [200],
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      read: true,
    });
    const digest = digestOf(bytes!, reference.includes(':') ? reference : 'sha256:');
    if (reference.includes(':') && digest !== reference) {
      throw new RegistryError({
        kind: 'integrity',
        registry: this.registry,
        method: 'GET',
        path: `/v2/${path}`,
        detail: `the registry served a manifest whose digest is ${digest}`,
      });
    }
    const body = parseManifestBytes(bytes!, `The manifest ${this.registry}/${repository}@${digest}`);
    return {
      digest,
      mediaType: manifestMediaType(body, res.headers['content-type']),
      size: bytes!.length,
      bytes: bytes!,
      body,
    };
  }

  /**
   * The manifest a tag or digest names, or undefined when the registry does not have it. A GET, not a HEAD:
   * undici closes the connection after every HEAD (against servers that send a body anyway), and a manifest is a
   * few kilobytes, so reading it costs less than a new connection (and a TLS handshake) per check.
   */
  async findManifest(repository: string, reference: string): Promise<FetchedManifest | undefined> {
    try {
      return await this.getManifest(repository, reference);
    } catch (e) {
      if (e instanceof RegistryError && e.kind === 'not-found') return undefined;
      throw e;
    }
  }

  /**
   * Learn the registry's auth scheme and fetch the token a push to `repository` needs, ahead of time: the merge does
   * this while it collects the legs, so the index's first PUT does not wait for the challenge round trips. Never
   * throws — a real problem shows up, with its message, on the call that needs it.
   */
  async warmUp(repository: string, reference: string): Promise<void> {
    try {
      await this.findManifest(repository, reference);
      if (this.scheme === 'bearer') await this.authorization([{ repository, actions: ['pull', 'push'] }]);
    } catch {
      // left for the real call to report
    }
  }

  /** PUT a manifest under a tag or its digest; returns its digest (checked against the registry's). */
  async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const digest = digestOf(bytes);
    const path = `${repository}/manifests/${reference}`;
    const { res } = await this.call({
      method: 'PUT',
      target: path,
      scopes: [{ repository, actions: ['pull', 'push'] }],
      accept: [200, 201, 202],
      headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
      body: bytes,
    });
    await res.discard();
    const served = res.headers['docker-content-digest'];
    if (served && served !== digest && served.startsWith('sha256:')) {
      throw new RegistryError({
        kind: 'integrity',
        registry: this.registry,
        method: 'PUT',
        path: `/v2/${path}`,
        detail: `the registry stored the manifest as ${served}, not ${digest}`,
      });
    }
    return digest;
  }

  // ---- blobs ----------------------------------------------------------------------------------------------------

  /** Whether the repository holds a blob (a HEAD: a blob can be large; its connection is not reused by undici). */
  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const { res } = await this.call({
      method: 'HEAD',
      target: `${repository}/blobs/${digest}`,
      scopes: [{ repository, actions: ['pull'] }],
      accept: [200, 404],
    });
    await res.discard();
    return res.status === 200;
  }

  /** A small blob (an image config) read whole and checked against its digest. */
  async getBlob(repository: string, digest: string, limit = MANIFEST_LIMIT): Promise<Buffer> {
    const path = `${repository}/blobs/${digest}`;
    const { bytes } = await this.call({
      method: 'GET',
      target: path,
      scopes: [{ repository, actions: ['pull'] }],
      accept: [200],
      read: true,
      readLimit: limit,
    });
    if (digestOf(bytes!, digest) !== digest) {
      throw new RegistryError({
        kind: 'integrity',
        registry: this.registry,
        method: 'GET',
        path: `/v2/${path}`,
        detail: `the registry served bytes whose digest is ${digestOf(bytes!, digest)}`,
      });
    }
    return bytes!;
  }

  /**
   * Puts a blob in a repository unless it is there: a cross-repository mount when another repository of this
   * registry holds it (no bytes sent), else a monolithic upload (POST a session, PUT the bytes with the digest).
   */
  async uploadBlob(repository: string, blob: BlobSource, mountFrom: readonly string[] = []): Promise<BlobPushOutcome> {
    if (await this.hasBlob(repository, blob.digest)) return 'exists';
    let location: URL | undefined;
    for (const from of mountFrom.filter((r) => r !== repository)) {
      const { res } = await this.call({
        method: 'POST',
        target: `${repository}/blobs/uploads/?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`,
        scopes: [
          { repository, actions: ['pull', 'push'] },
          { repository: from, actions: ['pull'] },
        ],
        accept: [201, 202],
        headers: { 'content-length': '0' },
      });
      await res.discard();
      if (res.status === 201) return 'mounted';
      // 202: the mount was refused, the registry opened an upload session instead
      location = this.uploadLocation(res, repository);
      break;
    }
    // A session the registry lost (restarted, expired) is opened again once.
    for (let session = 1; ; session++) {
      location ??= await this.startUpload(repository);
      const target = new URL(`${location.href}${location.search ? '&' : '?'}digest=${encodeURIComponent(blob.digest)}`);
      try {
        const { res } = await this.call({
          method: 'PUT',
          target,
          scopes: [{ repository, actions: ['pull', 'push'] }],
          accept: [201, 204],
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
          body: blob.open,
        });
        await res.discard();
        return 'uploaded';
      } catch (e) {
        if (session === 1 && e instanceof RegistryError && e.kind === 'not-found') {
          location = undefined;
          continue;
        }
        throw e;
      }
    }
  }

  private async startUpload(repository: string): Promise<URL> {
    const { res } = await this.call({
      method: 'POST',
      target: `${repository}/blobs/uploads/`,
      scopes: [{ repository, actions: ['pull', 'push'] }],
      accept: [202],
      headers: { 'content-length': '0' },
    });
    await res.discard();
    return this.uploadLocation(res, repository);
  }

  private uploadLocation(res: HttpResponse, repository: string): URL {
    const location = res.headers.location;
    if (!location) {
      throw new RegistryError({
        kind: 'rejected',
        registry: this.registry,
        method: 'POST',
        path: `/v2/${repository}/blobs/uploads/`,
        status: res.status,
        detail: 'the registry opened an upload session without a Location',
      });
    }
    return new URL(location, res.url);
  }

  // ---- requests, auth, retries ----------------------------------------------------------------------------------

  private urlFor(target: string | URL): URL {
    return target instanceof URL ? target : new URL(`${this.base}/v2/${target}`);
  }

  private fail(method: string, url: URL, init: Partial<ConstructorParameters<typeof RegistryError>[0]>): never {
    throw new RegistryError({
      kind: 'server',
      registry: this.registry,
      method,
      path: url.pathname,
      ...init,
    });
  }

  /**
   * One logical request: sent, answered to a 401 challenge once (a 401 after fresh credentials is final), and
   * retried while retry.ts says so. Returns the response when its status is one of `accept`.
   */
  private async call(o: CallOptions): Promise<CallResult> {
    const url = this.urlFor(o.target);
    const sameOrigin = url.origin === new URL(this.base).origin;
    const policy = this.opts.retry;
    let freshCredentials = false;
    for (let attempt = 1; ;) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      const authorization = sameOrigin ? await this.authorization(o.scopes) : undefined;
      if (authorization) headers.authorization = authorization;
      let outcome: SendOutcome;
      let res: HttpResponse | undefined;
      let detail: string | undefined;
      try {
        res = await this.opts.pool.send({ method: o.method, url, headers, body: o.body });
        if (res.status === 401 && sameOrigin) {
          const challenge = res.headers['www-authenticate'];
          await res.discard();
          // Basic credentials refused once are refused for good; a Bearer token may just have expired: renew once.
          if (freshCredentials || !challenge || authorization?.startsWith('Basic ')) {
            this.fail(o.method, url, {
              kind: 'auth',
              status: 401,
              attempts: attempt,
              detail: this.opts.credential
                ? `the registry refused the credentials of ${this.opts.credential.username}`
                : 'the registry asks for credentials and this run has none for it',
            });
          }
          await this.answerChallenge(challenge, o.scopes, o.method, url, authorization);
          freshCredentials = true;
          continue; // an auth round trip is not a retry
        }
        if (o.accept.includes(res.status)) {
          if (!o.read) return { res };
          const limit = o.readLimit ?? MANIFEST_LIMIT;
          const bytes = await res.bytes(limit).catch((e: unknown) => {
            if (e instanceof NetworkError) throw e;
            this.fail(o.method, url, {
              kind: 'rejected',
              status: res!.status,
              detail: `the answer is larger than the ${limit} bytes accepted`,
            });
          });
          return { res, bytes };
        }
        outcome = { status: res.status, retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.opts.now()) };
        detail = registryErrorDetail((await res.bytes(64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8'));
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        outcome = { networkCode: e.code };
        detail = e.message;
      }
      const decision = decideRetry(outcome, attempt, policy);
      if (decision.retry) {
        this.opts.onRetry?.({
          registry: this.registry,
          method: o.method,
          path: url.pathname,
          ...('status' in outcome ? { status: outcome.status } : { networkCode: outcome.networkCode }),
          attempt,
          maxAttempts: policy.maxAttempts,
          waitMs: decision.waitMs,
          asked: 'status' in outcome && outcome.retryAfterMs !== undefined,
        });
        await this.opts.sleep(decision.waitMs);
        attempt++;
        continue;
      }
      if (decision.why === 'wait-too-long') {
        detail = `the registry asks to wait ${Math.ceil(decision.askedMs! / 1000)} s, longer than the ${policy.maxWaitMs / 1000} s this action waits${detail ? `; ${detail}` : ''}`;
      }
      if ('networkCode' in outcome) this.fail(o.method, url, { kind: 'network', attempts: attempt, detail });
      this.fail(o.method, url, {
        kind: kindOfStatus(outcome.status),
        status: outcome.status,
        attempts: attempt,
        detail,
      });
    }
  }

  /** The Authorization header for these scopes, fetching a Bearer token when none cached covers them. */
  private async authorization(scopes: readonly Scope[]): Promise<string | undefined> {
    if (this.scheme === 'basic') return this.opts.credential && basic(this.opts.credential);
    if (this.scheme !== 'bearer') return undefined;
    const wanted = scopes.map(scopeString);
    const now = this.opts.now();
    this.tokens = this.tokens.filter((t) => t.expiresAt > now);
    const cached = this.tokens.find((t) => wanted.every((w) => covers(t.scopes, w)));
    if (cached) return `Bearer ${cached.token}`;
    return `Bearer ${(await this.fetchToken(wanted)).token}`;
  }

  /** `used`: the Authorization the refused request carried (a token fetched since then is tried before a new one). */
  private async answerChallenge(
    header: string,
    scopes: readonly Scope[],
    method: string,
    url: URL,
    used?: string,
  ): Promise<void> {
    const challenge = preferredChallenge(header);
    if (challenge?.scheme === 'basic') {
      if (!this.opts.credential) {
        this.fail(method, url, {
          kind: 'auth',
          status: 401,
          detail: 'the registry asks for credentials and this run has none for it',
        });
      }
      this.scheme = 'basic';
      return;
    }
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      let realm: URL;
      try {
        realm = new URL(challenge.params.realm);
      } catch {
        this.fail(method, url, {
          kind: 'auth',
          status: 401,
          detail: 'the registry names a token service that is not a URL',
        });
      }
      this.scheme = 'bearer';
      this.bearer = { realm, service: challenge.params.service };
      const wanted = scopes.map(scopeString);
      // The registry may name a scope of its own (insufficient_scope): ask for both.
      if (challenge.params.scope)
        for (const s of challenge.params.scope.split(' ')) if (s && !wanted.includes(s)) wanted.push(s);
      // Concurrent requests refused with one stale token: the first to get here renews it, the others (whose 401s may
      // arrive after the renewal has finished) use the renewed token instead of renewing it again.
      const now = this.opts.now();
      const renewedMeanwhile = (t: BearerToken) =>
        t.expiresAt > now && `Bearer ${t.token}` !== used && wanted.every((w) => covers(t.scopes, w));
      if (used?.startsWith('Bearer ') && this.tokens.some(renewedMeanwhile)) return;
      this.tokens = this.tokens.filter((t) => !wanted.some((w) => covers(t.scopes, w)));
      await this.fetchToken(wanted);
      return;
    }
    this.fail(method, url, {
      kind: 'auth',
      status: 401,
      detail: `the registry asks for an authentication scheme this action does not speak (${challenge?.scheme ?? 'none'})`,
    });
  }

  /** One token request per scope set at a time: concurrent calls that need the same token share its request. */
  private fetchToken(scopes: readonly string[]): Promise<BearerToken> {
    const key = [...scopes].sort().join(' ');
    let pending = this.pendingTokens.get(key);
    if (!pending) {
      pending = this.requestToken(scopes).finally(() => this.pendingTokens.delete(key));
      this.pendingTokens.set(key, pending);
    }
    return pending;
  }

  /** GET the token service (anonymous when no credential: public pulls from ghcr.io and Docker Hub work so). */
  private async requestToken(scopes: readonly string[]): Promise<BearerToken> {
    const { realm, service } = this.bearer!;
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    for (const s of scopes) url.searchParams.append('scope', s);
    const policy = this.opts.retry;
    for (let attempt = 1; ; attempt++) {
      let outcome: SendOutcome;
      let detail: string | undefined;
      try {
        const res = await this.opts.pool.send({
          method: 'GET',
          url,
          headers: this.opts.credential ? { authorization: basic(this.opts.credential) } : {},
        });
        if (res.status === 200) {
          const body = JSON.parse((await res.bytes(MANIFEST_LIMIT)).toString('utf8')) as {
            token?: string;
            access_token?: string;
            expires_in?: number;
          };
          const value = body.token ?? body.access_token;
          if (!value)
            this.fail('GET', url, { kind: 'auth', status: 200, detail: `the token service ${url.host} sent no token` });
          // The spec's default lifetime is 60 s; renew 10 s early so a token never expires in flight.
          const ttl = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60) * 1000;
          const token = {
            token: value,
            scopes: new Set(scopes),
            expiresAt: this.opts.now() + Math.max(ttl - 10_000, ttl / 2),
          };
          this.tokens.push(token);
          return token;
        }
        outcome = { status: res.status, retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.opts.now()) };
        detail = registryErrorDetail((await res.bytes(64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8'));
      } catch (e) {
        if (!(e instanceof NetworkError)) {
          if (e instanceof RegistryError) throw e;
          this.fail('GET', url, { kind: 'auth', detail: `the token service ${url.host} sent an unreadable answer` });
        }
        outcome = { networkCode: e.code };
        detail = e.message;
      }
      const decision = decideRetry(outcome, attempt, policy);
      if (decision.retry) {
        this.opts.onRetry?.({
          registry: this.registry,
          method: 'GET',
          path: url.pathname,
          ...('status' in outcome ? { status: outcome.status } : { networkCode: outcome.networkCode }),
          attempt,
          maxAttempts: policy.maxAttempts,
          waitMs: decision.waitMs,
          asked: 'status' in outcome && outcome.retryAfterMs !== undefined,
        });
        await this.opts.sleep(decision.waitMs);
        continue;
      }
      const who = this.opts.credential ? `the credentials of ${this.opts.credential.username}` : 'an anonymous request';
      const tokenDetail = `the token service ${url.host} refused ${who}${detail ? `: ${detail}` : ''}`;
      if ('networkCode' in outcome)
        this.fail('GET', url, { kind: 'network', attempts: attempt, detail: `token service ${url.host}: ${detail}` });
      const kind = outcome.status === 401 || outcome.status === 403 ? 'auth' : kindOfStatus(outcome.status);
      this.fail('GET', url, { kind, status: outcome.status, attempts: attempt, detail: tokenDetail });
    }
  }
}

/** A token granted for `repository:x:pull,push` also covers `repository:x:pull`. */
function covers(granted: Set<string>, wanted: string): boolean {
  if (granted.has(wanted)) return true;
  const [type, name, actions] = splitScope(wanted);
  for (const g of granted) {
    const [gt, gn, ga] = splitScope(g);
    if (gt === type && gn === name && actions.every((a) => ga.includes(a) || ga.includes('*'))) return true;
  }
  return false;
}

function splitScope(scope: string): [string, string, string[]] {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  return [scope.slice(0, first), scope.slice(first + 1, last), scope.slice(last + 1).split(',')];
}
