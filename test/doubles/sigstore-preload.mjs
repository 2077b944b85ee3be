// Sigstore + OIDC-issuer doubles inside the action's process. ESM preload:
//
//   node --import /work/main/test/doubles/sigstore-preload.mjs dist/index.js
//
// Installs nock interceptors (nothing listens, nothing leaves the process):
//   https://fulcio.sigstore.dev, https://fulcio.githubapp.com   POST /api/v2/signingCert  (@sigstore/mock CA + CT log)
//   https://rekor.sigstore.dev                                  POST /api/v1/log/entries  (@sigstore/mock tlog)
//   https://timestamp.githubapp.com, https://timestamp.sigstore.dev  POST /api/v1/timestamp (@sigstore/mock TSA)
//   <issuer>/.well-known/openid-configuration and <issuer>/.well-known/jwks (https jwks_uri)
// and allows real connections to loopback only (127.0.0.1, localhost, and the names in SIGSTORE_DOUBLE_ALLOW_HOSTS);
// any other host fails with nock's NetConnectNotAllowedError.
//
// Configuration (env, set by the test; all optional except the JWKS for attestations to work):
//   SIGSTORE_DOUBLE_OIDC_JWKS      JSON JWKS of the OIDC double (test/doubles/oidc.ts preloadEnv())
//   SIGSTORE_DOUBLE_OIDC_ISSUER    issuer URL (default https://token.actions.githubusercontent.com)
//   SIGSTORE_DOUBLE_TRUSTED_ROOT   path of a Sigstore trusted_root.json; this process's CA, CT log, Rekor and TSA keys
//                                  are MERGED into it at start-up (so main + post processes, or several runs, can share
//                                  one file and every bundle still verifies)
//   SIGSTORE_DOUBLE_LOG            path of a JSON-lines log of every intercepted or refused request
//   SIGSTORE_DOUBLE_ALLOW_HOSTS    comma-separated host names the test machine maps to 127.0.0.1 (e.g. the Docker Hub
//                                  stand-in of scripts/test-env.sh), reachable like loopback
//
// Fidelity notes:
// - Fulcio checks the OIDC token like the real one: RS256 signature against the JWKS, iss, aud contains "sigstore",
//   exp. The certificate SAN is https://github.com/<job_workflow_ref> for the GitHub issuer (as real Fulcio does),
//   else the `sub` claim; the GitHub extensions come from the token's claims (mock Fulcio in strict mode).
// - Rekor stores what real Rekor stores for a dsse v0.0.1 entry (envelopeHash, payloadHash, signatures[{signature,
//   verifier}]) rather than the proposed entry, or @sigstore/verify fails with "signature count mismatch".
// - The TSA's genTime is whole seconds (see below), or @sigstore/verify fails now and then with "invalid time".
import { createHash, createPublicKey, generateKeyPairSync, verify as cryptoVerify } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nock from 'nock';

const require = createRequire(import.meta.url);
// Deep imports on purpose: @sigstore/mock's index pulls in its own nock 13, which would patch http a second time.
const { initializeCA, initializeCTLog, fulcioHandler } = require('@sigstore/mock/dist/fulcio/index.js');
const { initializeTLog, rekorHandler } = require('@sigstore/mock/dist/rekor/index.js');
const { initializeTSA, tsaHandler } = require('@sigstore/mock/dist/timestamp/index.js');

const FULCIO_URLS = ['https://fulcio.sigstore.dev', 'https://fulcio.githubapp.com'];
const REKOR_URL = 'https://rekor.sigstore.dev';
const TSA_URLS = ['https://timestamp.githubapp.com', 'https://timestamp.sigstore.dev'];
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const SAN_CLAIM = 'x_fulcio_san';

const env = process.env;
const issuer = (env.SIGSTORE_DOUBLE_OIDC_ISSUER || GITHUB_ISSUER).replace(/\/+$/, '');
const jwks = env.SIGSTORE_DOUBLE_OIDC_JWKS ? JSON.parse(env.SIGSTORE_DOUBLE_OIDC_JWKS) : undefined;
const logPath = env.SIGSTORE_DOUBLE_LOG;

function log(entry) {
  if (!logPath) return;
  try {
    appendFileSync(logPath, JSON.stringify({ pid: process.pid, ...entry }) + '\n');
  } catch {
    /* logging must never break the action */
  }
}

const ec = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const keys = { ca: ec(), ctlog: ec(), rekor: ec(), tsa: ec() };

const ctlog = await initializeCTLog(keys.ctlog);
const ca = await initializeCA(keys.ca, ctlog);
const tlog = await initializeTLog(REKOR_URL, keys.rekor);
const tsa = await initializeTSA(keys.tsa);
// The mock TSA writes genTime with milliseconds as asn1js prints them (".45Z" for 450 ms), but @sigstore/core only
// parses exactly three fraction digits: one timestamp in ten would fail with "invalid time". Whole seconds instead.
tsa.getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);

const fulcio = fulcioHandler(ca, { strict: true, subjectClaim: SAN_CLAIM });
const rekor = rekorHandler(tlog, { strict: true });
const timestamp = tsaHandler(tsa, { strict: true });

// ---- trusted root ------------------------------------------------------------------------------------------------
if (env.SIGSTORE_DOUBLE_TRUSTED_ROOT) writeTrustedRoot(env.SIGSTORE_DOUBLE_TRUSTED_ROOT);

function writeTrustedRoot(file) {
  const start = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const der = (key) => key.publicKey.export({ format: 'der', type: 'spki' });
  const b64 = (buf) => Buffer.from(buf).toString('base64');
  const keyId = (buf) => createHash('sha256').update(buf).digest('base64');
  const mine = {
    tlogs: [
      {
        baseUrl: REKOR_URL,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(der(keys.rekor)), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: keyId(der(keys.rekor)) },
      },
    ],
    certificateAuthorities: FULCIO_URLS.map((uri) => ({
      subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
      uri,
      certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
      validFor: { start },
    })),
    ctlogs: [
      {
        baseUrl: 'https://ctfe.sigstore.dev/test',
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(ctlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: b64(ctlog.logID) },
      },
    ],
    timestampAuthorities: TSA_URLS.map((uri) => ({
      subject: { organization: 'sigstore.mock', commonName: 'tsa' },
      uri,
      certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
      validFor: { start },
    })),
  };
  let root = { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1' };
  if (existsSync(file)) {
    try {
      root = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      /* unreadable → start over */
    }
  }
  for (const k of Object.keys(mine)) root[k] = [...(root[k] || []), ...mine[k]];
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(root, null, 2));
  renameSync(tmp, file);
}

// ---- Fulcio: verify the OIDC token like the real service, then let the mock CA issue --------------------------------
function checkToken(token) {
  const parts = String(token || '').split('.');
  if (parts.length !== 3) throw new Error('malformed OIDC token');
  const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  if (!jwks) throw new Error('no JWKS configured for the OIDC issuer (SIGSTORE_DOUBLE_OIDC_JWKS)');
  const jwk = jwks.keys.find((k) => !header.kid || k.kid === header.kid);
  if (!jwk || header.alg !== 'RS256') throw new Error(`no key for kid ${header.kid} / alg ${header.alg}`);
  const ok = cryptoVerify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(parts[2], 'base64url'),
  );
  if (!ok) throw new Error('OIDC token signature does not verify');
  if (claims.iss !== issuer) throw new Error(`unexpected issuer ${claims.iss}`);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes('sigstore')) throw new Error(`audience ${claims.aud} is not "sigstore"`);
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) throw new Error('OIDC token expired');
  return claims;
}

async function fulcioFn(body) {
  let json;
  try {
    json = JSON.parse(body);
    const claims = checkToken(json.credentials?.oidcIdentityToken);
    const san =
      claims.iss === GITHUB_ISSUER && claims.job_workflow_ref
        ? `https://github.com/${claims.job_workflow_ref}`
        : claims.sub;
    // The mock CA only decodes the token; hand it the claims plus the SAN it should certify.
    const [h, , s] = json.credentials.oidcIdentityToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...claims, [SAN_CLAIM]: san })).toString('base64url');
    json.credentials.oidcIdentityToken = `${h}.${payload}.${s}`;
  } catch (e) {
    return { statusCode: 401, response: JSON.stringify({ code: 16, message: `fulcio double: ${e.message}` }) };
  }
  return fulcio.fn(JSON.stringify(json));
}

// ---- Rekor: store what real Rekor stores --------------------------------------------------------------------------
const sha256hex = (data) => createHash('sha256').update(data).digest('hex');

function canonicalRekorEntry(proposed) {
  if (proposed?.kind !== 'dsse' || !proposed.spec?.proposedContent) return proposed;
  const { envelope, verifiers } = proposed.spec.proposedContent;
  const env = JSON.parse(envelope);
  if (!Array.isArray(env.signatures) || env.signatures.length !== verifiers.length) {
    throw new Error('dsse: signatures and verifiers differ in number');
  }
  return {
    apiVersion: proposed.apiVersion || '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256hex(envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256hex(Buffer.from(env.payload, 'base64')) },
      signatures: env.signatures.map((sig, i) => ({ signature: sig.sig, verifier: verifiers[i] })),
    },
  };
}

async function rekorFn(body) {
  let entry;
  try {
    entry = canonicalRekorEntry(JSON.parse(body));
  } catch (e) {
    return { statusCode: 400, response: JSON.stringify({ code: 400, message: `rekor double: ${e.message}` }) };
  }
  return rekor.fn(JSON.stringify(entry));
}

// ---- wiring -----------------------------------------------------------------------------------------------------
async function requestOf(args) {
  const [first, second] = args;
  if (first && typeof first === 'object' && typeof first.text === 'function') {
    return { uri: new URL(first.url).pathname, text: await first.text() };
  }
  const text =
    typeof second === 'string' ? second : Buffer.isBuffer(second) ? second.toString('utf8') : JSON.stringify(second);
  return { uri: String(first), text };
}

function intercept(base, route, fn) {
  nock(base)
    .persist()
    .post(route)
    // nock ≥ 15.0.5 passes one fetch Request; older versions pass (uri, body). Handle both.
    .reply(async function (...args) {
      const { uri, text } = await requestOf(args);
      const r = await fn(text);
      log({
        host: new URL(base).host,
        method: 'POST',
        path: uri,
        status: r.statusCode,
        ...(r.statusCode >= 400 ? { error: String(r.response) } : {}),
      });
      return [r.statusCode, r.response, { 'Content-Type': r.contentType || 'application/json' }];
    });
}

for (const url of FULCIO_URLS) intercept(url, fulcio.path, fulcioFn);
intercept(REKOR_URL, rekor.path, rekorFn);
for (const url of TSA_URLS) intercept(url, timestamp.path, (b) => timestamp.fn(b));

if (jwks) {
  const issuerURL = new URL(issuer);
  const base = issuerURL.origin;
  const prefix = issuerURL.pathname.replace(/\/+$/, '');
  const discovery = {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks`,
    subject_types_supported: ['public', 'pairwise'],
    response_types_supported: ['id_token'],
    claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository', 'workflow_ref'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid'],
  };
  nock(base)
    .persist()
    .get(`${prefix}/.well-known/openid-configuration`)
    .reply(200, () => {
      log({ host: issuerURL.host, method: 'GET', path: `${prefix}/.well-known/openid-configuration`, status: 200 });
      return discovery;
    })
    .get(`${prefix}/.well-known/jwks`)
    .reply(200, () => {
      log({ host: issuerURL.host, method: 'GET', path: `${prefix}/.well-known/jwks`, status: 200 });
      return jwks;
    });
}

const loopbackNames = (env.SIGSTORE_DOUBLE_ALLOW_HOSTS || '').split(',').filter(Boolean);
const isLoopback = (host) =>
  /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host) || loopbackNames.includes(host.replace(/:\d+$/, ''));
nock.disableNetConnect();
nock.enableNetConnect(isLoopback);
nock.emitter.on('no match', (req) => {
  const host = req?.options?.host || req?.host || req?.hostname || (req?.url ? new URL(req.url).host : undefined);
  if (host && isLoopback(host)) return;
  log({ refused: true, host, method: req?.method, path: req?.path });
});
