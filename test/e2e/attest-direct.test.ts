// attestImages() for real, in a child process under Node 24, the way dist/index.js runs:
//
//   node --import test/doubles/sigstore-preload.mjs <ncc bundle of a driver that `await import('src/attest.js')`>
//
// with a runner-like environment: the OIDC token endpoint double (127.0.0.1), the GitHub REST double
// (GITHUB_API_URL, 127.0.0.1), Sigstore + the OIDC issuer's discovery/JWKS intercepted in-process by the preload,
// and a real registry (docker-registry 2.8, htpasswd auth, no referrers API → referrers tag schema).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestEnv } from './helpers/env.js';
import { startGitHubApiDouble, type GitHubApiDouble } from '../doubles/github-api.js';
import { startOidcDouble, type OidcDouble } from '../doubles/oidc.js';
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  SLSA_PROVENANCE_V1,
  verifyBundle,
} from './helpers/verify-bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE24 = path.join(ROOT, 'node_modules/.bin/node');
const NCC = path.join(ROOT, 'node_modules/.bin/ncc');
const PRELOAD = path.join(ROOT, 'test/doubles/sigstore-preload.mjs');
const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const REPOSITORY = 'octo-org/publish-image-demo';

// Registry: the test environment's (scripts/test-env.sh): htpasswd auth on one port, open on another.
interface TestRegistry {
  host: string; // 127.0.0.1:port
  username: string;
  password: string;
}

// Plain HTTP image upload: config blob + one layer + an OCI manifest.
function auth(reg: TestRegistry): Record<string, string> {
  if (!reg.username) return {};
  return { authorization: `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}` };
}
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function uploadBlob(reg: TestRegistry, repo: string, blob: Buffer): Promise<string> {
  const digest = sha256(blob);
  const post = await fetch(`http://${reg.host}/v2/${repo}/blobs/uploads/`, {
    method: 'POST',
    headers: { ...auth(reg) },
  });
  if (post.status !== 202) throw new Error(`blob upload start: ${post.status} ${await post.text()}`);
  const location = new URL(post.headers.get('location')!, `http://${reg.host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    body: new Uint8Array(blob),
    headers: { ...auth(reg), 'content-type': 'application/octet-stream' },
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return digest;
}

async function pushTestImage(reg: TestRegistry, repo: string): Promise<string> {
  const tar = Buffer.alloc(1024); // an empty tar archive: two zero blocks
  const layer = gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.source': `https://github.com/${REPOSITORY}` } },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }),
  );
  const configDigest = await uploadBlob(reg, repo, config);
  const layerDigest = await uploadBlob(reg, repo, layer);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
  });
  const put = await fetch(`http://${reg.host}/v2/${repo}/manifests/v1`, {
    method: 'PUT',
    body: manifest,
    headers: { ...auth(reg), 'content-type': OCI_MANIFEST },
  });
  if (put.status !== 201) throw new Error(`manifest upload: ${put.status} ${await put.text()}`);
  const digest = sha256(manifest);
  expect(put.headers.get('docker-content-digest')).toBe(digest);
  return digest;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** Referrers of `digest`: the referrers API when the registry has it, else the referrers tag schema. */
async function referrersOf(
  reg: TestRegistry,
  repo: string,
  digest: string,
): Promise<{ via: string; manifests: Descriptor[] }> {
  const headers = { ...auth(reg), accept: OCI_INDEX };
  const api = await fetch(`http://${reg.host}/v2/${repo}/referrers/${digest}`, { headers });
  if (api.status === 200)
    return { via: 'referrers-api', manifests: ((await api.json()) as { manifests: Descriptor[] }).manifests };
  const tag = await fetch(`http://${reg.host}/v2/${repo}/manifests/${digest.replace(':', '-')}`, { headers });
  if (tag.status !== 200) return { via: 'none', manifests: [] };
  return { via: 'tag-schema', manifests: ((await tag.json()) as { manifests: Descriptor[] }).manifests };
}

async function getJson(
  reg: TestRegistry,
  repo: string,
  kind: 'manifests' | 'blobs',
  ref: string,
  accept = OCI_MANIFEST,
) {
  const r = await fetch(`http://${reg.host}/v2/${repo}/${kind}/${ref}`, { headers: { ...auth(reg), accept } });
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// The child process: an ncc bundle of a driver that lazily imports src/attest.ts, like dist/index.js will.
function buildDriver(workDir: string): string {
  const dir = path.join(workDir, 'driver');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
      },
      files: ['driver.ts'],
    }),
  );
  writeFileSync(
    path.join(dir, 'driver.ts'),
    [
      `const { attestImages } = await import(${JSON.stringify(path.join(ROOT, 'src/attest.js'))});`,
      `try {`,
      `  const outcome = await attestImages(JSON.parse(process.env.ATTEST_OPTS as string));`,
      `  process.stdout.write('ATTEST_RESULT=' + JSON.stringify(outcome) + '\\n');`,
      `} catch (err: any) {`,
      `  process.stdout.write('::error::' + err.message + '\\n');`,
      `  process.exitCode = 1;`,
      `}`,
      '',
    ].join('\n'),
  );
  const out = path.join(dir, 'dist');
  const r = spawnSync(NODE24, [NCC, 'build', path.join(dir, 'driver.ts'), '-o', out, '--target', 'es2022', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`ncc build of the attest driver failed:\n${r.stdout}\n${r.stderr}`);
  return path.join(out, 'index.js');
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outcome?: {
    attestationId?: string;
    attestationUrl?: string;
    bundlePath: string;
    referrers: { subject: string; digest: string }[];
  };
  error?: string;
}

// ---------------------------------------------------------------------------------------------------------------
const workDir = mkdtempSync(path.join(os.tmpdir(), 'attest-direct-'));
let oidc: OidcDouble;
let gh: GitHubApiDouble;
let registry: TestRegistry;
let openRegistry: TestRegistry;
let driver: string;
const trustedRoot = path.join(workDir, 'trusted_root.json');
const sigstoreLog = path.join(workDir, 'sigstore.log');
const home = path.join(workDir, 'home');

function runAttest(
  opts: Record<string, unknown>,
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  const runnerTemp = path.join(workDir, `runner-temp-${name}`);
  mkdirSync(runnerTemp, { recursive: true });
  const eventPath = path.join(workDir, `event-${name}.json`);
  writeFileSync(
    eventPath,
    JSON.stringify({
      ref: 'refs/heads/main',
      after: oidc.claims.sha,
      repository: {
        full_name: REPOSITORY,
        name: 'publish-image-demo',
        owner: { login: 'octo-org' },
        private: false,
        visibility: 'public',
      },
    }),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...oidc.env(),
    ...oidc.preloadEnv(),
    ...gh.env(),
    SIGSTORE_DOUBLE_TRUSTED_ROOT: trustedRoot,
    SIGSTORE_DOUBLE_LOG: sigstoreLog,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${gh.url}/graphql`,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: oidc.claims.sha,
    GITHUB_WORKFLOW: 'x',
    GITHUB_WORKFLOW_REF: oidc.claims.workflow_ref,
    GITHUB_RUN_ID: oidc.claims.run_id,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTOR: 'octocat',
    GITHUB_JOB: 'publish',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ATTEST_OPTS: JSON.stringify({
      bundleDir: runnerTemp,
      urlBase: `https://github.com/${REPOSITORY}/attestations/`,
      ...opts,
    }),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    const child = spawn(NODE24, ['--import', PRELOAD, driver], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const res = /^ATTEST_RESULT=(.*)$/m.exec(stdout);
      const err = /^::error::(.*)$/m.exec(stdout);
      resolve({ code, stdout, stderr, outcome: res ? JSON.parse(res[1]) : undefined, error: err?.[1] });
    });
  });
}

function sigstoreCalls(): {
  pid: number;
  host: string;
  method: string;
  path: string;
  status: number;
  refused?: boolean;
}[] {
  if (!existsSync(sigstoreLog)) return [];
  return readFileSync(sigstoreLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const expectedSAN = () => oidc.identity.subjectAlternativeName;

beforeAll(async () => {
  oidc = await startOidcDouble({ repository: REPOSITORY });
  gh = await startGitHubApiDouble({ repository: REPOSITORY });
  const testEnv = await requireTestEnv();
  registry = { host: testEnv.registryAuth, username: testEnv.registryUser, password: testEnv.registryPassword };
  openRegistry = { host: testEnv.registryOpen, username: '', password: '' };
  driver = buildDriver(workDir);
}, 180_000);

afterAll(async () => {
  await oidc?.close();
  await gh?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('attestImages (direct, Node 24, Sigstore preload)', () => {
  it('the doubles hand out a GitHub-shaped identity', () => {
    expect(expectedSAN()).toBe(`https://github.com/${REPOSITORY}/.github/workflows/x.yml@refs/heads/main`);
    expect(oidc.claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      sub: `repo:${REPOSITORY}:ref:refs/heads/main`,
    });
  });

  it('public repo: signs with public-good (Fulcio + Rekor), stores it with the API, attaches it to every image', async () => {
    const suffix = randomBytes(4).toString('hex');
    const repoA = `attest-direct/app-${suffix}`;
    const repoB = `attest-direct/app-${suffix}-mirror`;
    const digest = await pushTestImage(registry, repoA);
    expect(await pushTestImage(registry, repoB)).toBe(digest);
    const hex = digest.slice('sha256:'.length);

    // A decoy ~/.docker/config.json with wrong credentials: the push must use only the credentials passed in.
    mkdirSync(path.join(home, '.docker'), { recursive: true });
    writeFileSync(
      path.join(home, '.docker/config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from('decoy:wrong-password').toString('base64') } } }),
    );
    const before = gh.requests.length;
    const run = await runAttest(
      {
        subjects: [
          { name: `${registry.host}/${repoA}`, digest },
          { name: `${registry.host}/${repoB}`, digest },
        ],
        githubToken: 'ghs_attest_direct_token',
        pushToRegistry: true,
        credentials: [{ registry: registry.host, username: registry.username, password: registry.password }],
      },
      'public',
    );
    expect(run.error, run.stdout + run.stderr).toBeUndefined();
    expect(run.code).toBe(0);
    const outcome = run.outcome!;

    // Outputs: id from the API double, URL on the server URL, bundle under RUNNER_TEMP.
    expect(outcome.attestationId).toBe(String(gh.attestations.at(-1)!.id));
    expect(outcome.attestationUrl).toBe(`https://github.com/${REPOSITORY}/attestations/${outcome.attestationId}`);
    expect(outcome.bundlePath).toBe(path.join(workDir, 'runner-temp-public', `attestation-${hex}.json`));
    const bundleText = readFileSync(outcome.bundlePath, 'utf8');
    const bundle = JSON.parse(bundleText);
    expect(bundle.mediaType).toBe(BUNDLE_MEDIA_TYPE);

    // The bundle verifies against the doubles' trust root with the workflow identity.
    const verified = verifyBundle(outcome.bundlePath, {
      trustedRootPath: trustedRoot,
      subjectAlternativeName: expectedSAN(),
      issuer: oidc.identity.issuer,
      sigstore: 'public-good',
    });
    expect(verified.tlogEntries).toBe(1);
    expect(verified.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(verified.statement._type).toBe(IN_TOTO_STATEMENT_V1);
    expect(verified.statement.predicateType).toBe(SLSA_PROVENANCE_V1);
    expect(verified.statement.subject).toEqual([
      { name: `${registry.host}/${repoA}`, digest: { sha256: hex } },
      { name: `${registry.host}/${repoB}`, digest: { sha256: hex } },
    ]);
    const pred = verified.statement.predicate;
    expect(pred.buildDefinition.externalParameters.workflow).toEqual({
      ref: 'refs/heads/main',
      repository: `https://github.com/${REPOSITORY}`,
      path: '.github/workflows/x.yml',
    });
    expect(pred.buildDefinition.resolvedDependencies[0].digest.gitCommit).toBe(oidc.claims.sha);
    expect(pred.runDetails.builder.id).toBe(expectedSAN());
    expect(pred.runDetails.metadata.invocationId).toBe(
      `https://github.com/${REPOSITORY}/actions/runs/${oidc.claims.run_id}/attempts/1`,
    );
    expect(verified.certificateExtensions['1.3.6.1.4.1.57264.1.12']).toBe(`https://github.com/${REPOSITORY}`);
    expect(verified.certificateExtensions['1.3.6.1.4.1.57264.1.13']).toBe(oidc.claims.sha);
    expect(verified.certificateExtensions['1.3.6.1.4.1.57264.1.11']).toBe('github-hosted');

    // The GitHub double got exactly one attestation POST, with the token, carrying this bundle (the other POSTs are
    // the storage records, one per image).
    const posts = gh.requests.slice(before).filter((r) => r.method === 'POST' && r.path.endsWith('/attestations'));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      path: `/repos/${REPOSITORY}/attestations`,
      hasAuth: true,
      authValue: 'ghs_attest_direct_token',
    });
    expect(gh.attestations.at(-1)!.bundle).toEqual(bundle);

    // The OIDC endpoint was asked with the request token, for @actions/attest's claims ("nobody") and Fulcio.
    expect(oidc.requests.every((r) => r.authorized)).toBe(true);
    expect(oidc.requests.map((r) => r.audience)).toEqual(expect.arrayContaining(['nobody', 'sigstore']));

    // Sigstore traffic stayed in the process: Fulcio + Rekor (public-good), the issuer's discovery + JWKS; nothing refused.
    const calls = sigstoreCalls();
    expect(calls.filter((c) => c.refused)).toEqual([]);
    expect(calls.map((c) => `${c.host}${c.path}`)).toEqual(
      expect.arrayContaining([
        'fulcio.sigstore.dev/api/v2/signingCert',
        'rekor.sigstore.dev/api/v1/log/entries',
        'token.actions.githubusercontent.com/.well-known/openid-configuration',
        'token.actions.githubusercontent.com/.well-known/jwks',
      ]),
    );

    // Each image has the bundle as a referrer (docker-registry 2.8 has no referrers API → tag schema).
    expect(outcome.referrers.map((r) => r.subject)).toEqual([
      `${registry.host}/${repoA}@${digest}`,
      `${registry.host}/${repoB}@${digest}`,
    ]);
    for (const [i, repo] of [repoA, repoB].entries()) {
      const { via, manifests } = await referrersOf(registry, repo, digest);
      // docker-registry 2.8 (ours and the shared one) has no referrers API: @sigstore/oci falls back to the tag.
      expect(via).toBe('tag-schema');
      const ref = manifests.find((m) => m.artifactType === BUNDLE_MEDIA_TYPE);
      expect(ref, JSON.stringify(manifests)).toBeDefined();
      expect(ref!.digest).toBe(outcome.referrers[i].digest);
      expect(ref!.annotations?.['dev.sigstore.bundle.predicateType']).toBe(SLSA_PROVENANCE_V1);
      const manifest = JSON.parse((await getJson(registry, repo, 'manifests', ref!.digest)).toString());
      expect(manifest.artifactType).toBe(BUNDLE_MEDIA_TYPE);
      expect(manifest.subject.digest).toBe(digest);
      expect(manifest.layers[0].mediaType).toBe(BUNDLE_MEDIA_TYPE);
      const blob = await getJson(registry, repo, 'blobs', manifest.layers[0].digest, '*/*');
      expect(JSON.parse(blob.toString())).toEqual(bundle);
    }
  });

  it('a tampered bundle fails verification (payload byte, signature byte, wrong identity)', async () => {
    const run = await runAttest(
      {
        subjects: [{ name: '127.0.0.1:5999/attest-direct/tamper', digest: `sha256:${'1f'.repeat(32)}` }],
        githubToken: 'ghs_attest_direct_token',
        pushToRegistry: false,
        credentials: [],
        sigstore: 'public-good',
      },
      'tamper',
    );
    expect(run.error, run.stdout + run.stderr).toBeUndefined();
    const bundle = JSON.parse(readFileSync(run.outcome!.bundlePath, 'utf8'));
    const opts = { trustedRootPath: trustedRoot, subjectAlternativeName: expectedSAN(), issuer: oidc.identity.issuer };
    expect(() => verifyBundle(bundle, opts)).not.toThrow();

    // Flip one byte of the DSSE payload (the subject digest changes): signature and Rekor payload hash no longer match.
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
    const at = payload.indexOf(Buffer.from('1f1f1f'));
    expect(at).toBeGreaterThan(0);
    payload[at] = '2'.charCodeAt(0);
    const tamperedPayload = structuredClone(bundle);
    tamperedPayload.dsseEnvelope.payload = payload.toString('base64');
    expect(() => verifyBundle(tamperedPayload, opts)).toThrow(/payload hash mismatch|signature/);

    // Flip one bit of the signature.
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
    sig[sig.length - 5] ^= 0x01;
    const tamperedSig = structuredClone(bundle);
    tamperedSig.dsseEnvelope.signatures[0].sig = sig.toString('base64');
    expect(() => verifyBundle(tamperedSig, opts)).toThrow(/signature/);

    // Untouched bundle, but another workflow's identity.
    expect(() =>
      verifyBundle(bundle, {
        ...opts,
        subjectAlternativeName: `https://github.com/${REPOSITORY}/.github/workflows/other.yml@refs/heads/main`,
      }),
    ).toThrow(/identity/);
    // …or another issuer.
    expect(() => verifyBundle(bundle, { ...opts, issuer: 'https://token.actions.example.com' })).toThrow(
      /identity|issuer/,
    );
  });

  it('sigstore: github → Fulcio + RFC 3161 timestamp (no Rekor), still verifies', async () => {
    const digest = `sha256:${'2e'.repeat(32)}`;
    const run = await runAttest(
      {
        subjects: [{ name: 'ghcr.io/octo-org/publish-image-demo', digest }],
        githubToken: 'ghs_attest_direct_token',
        pushToRegistry: false,
        credentials: [],
        sigstore: 'github',
      },
      'github',
    );
    expect(run.error, run.stdout + run.stderr).toBeUndefined();
    const verified = verifyBundle(run.outcome!.bundlePath, {
      trustedRootPath: trustedRoot,
      subjectAlternativeName: expectedSAN(),
      issuer: oidc.identity.issuer,
      sigstore: 'github',
    });
    expect(verified.tlogEntries).toBe(0);
    expect(verified.timestamps).toBe(1);
    expect(verified.statement.subject).toEqual([
      { name: 'ghcr.io/octo-org/publish-image-demo', digest: { sha256: '2e'.repeat(32) } },
    ]);
    const mine = sigstoreCalls().filter(
      (c) => c.host === 'fulcio.githubapp.com' || c.host === 'timestamp.githubapp.com',
    );
    expect(mine.length).toBeGreaterThanOrEqual(2);
  });

  it('push without a login for that registry fails with a clear message (and ignores ~/.docker/config.json)', async () => {
    const repo = `attest-direct/nologin-${randomBytes(4).toString('hex')}`;
    const digest = await pushTestImage(registry, repo);
    // The decoy config now holds the RIGHT credentials: if they were read, the push would succeed.
    mkdirSync(path.join(home, '.docker'), { recursive: true });
    writeFileSync(
      path.join(home, '.docker/config.json'),
      JSON.stringify({
        auths: {
          [registry.host]: { auth: Buffer.from(`${registry.username}:${registry.password}`).toString('base64') },
        },
      }),
    );
    const run = await runAttest(
      {
        subjects: [{ name: `${registry.host}/${repo}`, digest }],
        githubToken: 'ghs_attest_direct_token',
        pushToRegistry: true,
        credentials: [{ registry: 'ghcr.io', username: 'octocat', password: 'not-for-this-registry' }],
      },
      'nologin',
    );
    expect(run.code).toBe(1);
    expect(run.error).toMatch(new RegExp(`attaching the attestation to ${registry.host}/${repo}@${digest} failed`));
    expect(run.error).toMatch(/No login was configured/);
    expect((await referrersOf(registry, repo, digest)).manifests).toEqual([]);
  });

  it('credentials passed for a registry that needs none (open registry): attaches anonymously', async () => {
    const repo = `attest-direct/open-${randomBytes(4).toString('hex')}`;
    const digest = await pushTestImage(openRegistry, repo);
    const run = await runAttest(
      {
        subjects: [{ name: `${openRegistry.host}/${repo}`, digest }],
        githubToken: 'ghs_attest_direct_token',
        pushToRegistry: true,
        credentials: [{ registry: openRegistry.host, username: 'someone', password: 'something' }],
        sigstore: 'public-good',
      },
      'open',
    );
    expect(run.error, run.stdout + run.stderr).toBeUndefined();
    const { manifests } = await referrersOf(openRegistry, repo, digest);
    expect(manifests.map((m) => m.digest)).toEqual([run.outcome!.referrers[0].digest]);
  });

  it('attestations API refusing (403) names the missing permission', async () => {
    gh.setAttestationStatus(403);
    try {
      const run = await runAttest(
        {
          subjects: [{ name: 'ghcr.io/octo-org/publish-image-demo', digest: `sha256:${'3d'.repeat(32)}` }],
          githubToken: 'ghs_attest_direct_token',
          pushToRegistry: false,
          credentials: [],
          sigstore: 'public-good',
        },
        'forbidden',
      );
      expect(run.code).toBe(1);
      expect(run.error).toMatch(/attestations: write/);
    } finally {
      gh.setAttestationStatus(undefined);
    }
  });

  it('no OIDC token (no id-token: write) fails before any network call', async () => {
    const [ghBefore, sigstoreBefore] = [gh.requests.length, sigstoreCalls().length];
    const run = await runAttest(
      {
        subjects: [{ name: 'ghcr.io/octo-org/publish-image-demo', digest: `sha256:${'4c'.repeat(32)}` }],
        githubToken: 'ghs_attest_direct_token',
        pushToRegistry: false,
        credentials: [],
      },
      'no-oidc',
      { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' },
    );
    expect(run.code).toBe(1);
    expect(run.error).toMatch(/id-token: write/);
    expect(gh.requests.length).toBe(ghBefore);
    expect(sigstoreCalls().length).toBe(sigstoreBefore);
  });
});
