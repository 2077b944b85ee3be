// GitHub Actions OIDC token endpoint double (the ACTIONS_ID_TOKEN_REQUEST_URL side), on 127.0.0.1.
//
//   GET /token?api-version=2.0&audience=<aud>   Authorization: bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>
//   → 200 {"value": "<RS256 JWT>"}
//
// The JWT is GitHub-shaped (iss https://token.actions.githubusercontent.com, sub repo:owner/repo:ref:…, workflow_ref,
// job_workflow_ref, runner_environment, …) and signed with a key generated here. The issuer is an https host, so
// its discovery document and JWKS cannot be served from here: the sigstore preload serves them inside the action's
// process from the JWKS this double exports (`preloadEnv()` → SIGSTORE_DOUBLE_OIDC_JWKS).
import { generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface OidcDoubleOptions {
  /** owner/repo; default `octo-org/publish-image-demo`. */
  repository?: string;
  /** default refs/heads/main */
  ref?: string;
  /** default 40 hex chars derived from nothing in particular */
  sha?: string;
  /** path of the workflow file; default `.github/workflows/x.yml` */
  workflowPath?: string;
  eventName?: string;
  runId?: string;
  runAttempt?: string;
  issuer?: string;
  /** Extra or overriding claims. */
  claims?: Record<string, unknown>;
  /** Token lifetime in seconds (default 600). */
  ttlSeconds?: number;
}

export interface OidcClaims {
  iss: string;
  sub: string;
  repository: string;
  repository_owner: string;
  repository_id: string;
  repository_owner_id: string;
  repository_visibility: string;
  ref: string;
  ref_type: string;
  sha: string;
  workflow: string;
  workflow_ref: string;
  workflow_sha: string;
  job_workflow_ref: string;
  job_workflow_sha: string;
  runner_environment: string;
  event_name: string;
  run_id: string;
  run_number: string;
  run_attempt: string;
  actor: string;
  actor_id: string;
  [claim: string]: unknown;
}

export interface OidcRequest {
  audience: string | null;
  authorized: boolean;
  path: string;
}

export interface OidcDouble {
  /** Value for ACTIONS_ID_TOKEN_REQUEST_URL (already has `?api-version=2.0`, like the real one). */
  requestUrl: string;
  /** Value for ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  issuer: string;
  /** Claims put in every token (plus aud, iat, nbf, exp, jti). */
  claims: OidcClaims;
  /** Expected certificate identity: SAN (workflow ref URL) and issuer. */
  identity: { subjectAlternativeName: string; issuer: string };
  /** The signing key (RSA 2048) and its public JWK as served in the JWKS. */
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwks: { keys: Record<string, unknown>[] };
  /** Mint a token for an audience directly (what the endpoint returns). */
  token(audience: string): string;
  /** Every request the endpoint received. */
  requests: OidcRequest[];
  /** ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN. */
  env(): Record<string, string>;
  /** Env for the sigstore preload: the issuer's JWKS (and issuer URL). */
  preloadEnv(): Record<string, string>;
  close(): Promise<void>;
}

export async function startOidcDouble(opts: OidcDoubleOptions = {}): Promise<OidcDouble> {
  const repository = opts.repository ?? 'octo-org/publish-image-demo';
  const [owner] = repository.split('/');
  const ref = opts.ref ?? 'refs/heads/main';
  const sha = opts.sha ?? 'a3c1f2e4b5d697881234567890abcdef12345678';
  const workflowPath = opts.workflowPath ?? '.github/workflows/x.yml';
  const issuer = opts.issuer ?? GITHUB_ACTIONS_ISSUER;
  const workflowRef = `${repository}/${workflowPath}@${ref}`;
  const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  const claims: OidcClaims = {
    iss: issuer,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_owner: owner,
    repository_id: '123456789',
    repository_owner_id: '987654',
    repository_visibility: 'public',
    ref,
    ref_type: refType,
    ref_protected: 'false',
    sha,
    workflow: 'x',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    runner_environment: 'github-hosted',
    event_name: opts.eventName ?? 'push',
    run_id: opts.runId ?? '4242424242',
    run_number: '7',
    run_attempt: opts.runAttempt ?? '1',
    actor: 'octocat',
    actor_id: '583231',
    head_ref: '',
    base_ref: '',
    ...opts.claims,
  };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const jwks = { keys: [jwk as Record<string, unknown>] };
  const requestToken = `oidc-request-${randomBytes(12).toString('hex')}`;
  const ttl = opts.ttlSeconds ?? 600;

  const token = (audience: string): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid, x5t: kid };
    const payload = { jti: randomUUID(), aud: audience, ...claims, iat: now - 5, nbf: now - 5, exp: now + ttl };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(signingInput), privateKey);
    return `${signingInput}.${b64url(signature)}`;
  };

  const requests: OidcRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = req.headers.authorization ?? '';
    const authorized = /^bearer\s+/i.test(auth) && auth.replace(/^bearer\s+/i, '') === requestToken;
    const audience = url.searchParams.get('audience');
    requests.push({ audience, authorized, path: url.pathname });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/token') return send(404, { message: 'Not Found' });
    if (!authorized) return send(401, { message: 'Bad credentials' });
    // GitHub's default audience is the repository owner's URL.
    return send(200, { count: 1, value: token(audience ?? `https://github.com/${owner}`) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const requestUrl = `http://127.0.0.1:${port}/token?api-version=2.0`;

  return {
    requestUrl,
    requestToken,
    issuer,
    claims,
    identity: { subjectAlternativeName: `https://github.com/${workflowRef}`, issuer },
    privateKey,
    publicKey,
    kid,
    jwks,
    token,
    requests,
    env: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
    preloadEnv: () => ({ SIGSTORE_DOUBLE_OIDC_JWKS: JSON.stringify(jwks), SIGSTORE_DOUBLE_OIDC_ISSUER: issuer }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}
