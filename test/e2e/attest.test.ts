// Attestation through the bundled action, offline: a real push to the auth registry, then @actions/attest
// against a local OIDC endpoint, Sigstore from @sigstore/mock (intercepted in the action's process by the preload)
// and a GitHub REST double. The written bundle is verified with @sigstore/verify against the mock's trust root.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startGitHubApiDouble, type GitHubApiDouble } from '../doubles/github-api.js';
import { startOidcDouble, type OidcDouble } from '../doubles/oidc.js';
import { event } from '../fixtures/events.js';
import { everything, ROOT, runAction, visible, type RunnerEnv } from './helpers/action.js';
import { registryGet } from './helpers/docker.js';
import { multiarchPushInputs, requireTestEnv, type TestEnv } from './helpers/env.js';
import { SLSA_PROVENANCE_V1, verifyBundle } from './helpers/verify-bundle.js';

const PRELOAD = join(ROOT, 'test/doubles/sigstore-preload.mjs');
const REPOSITORY = 'octo-org/publish-image';
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const nonce = randomBytes(6).toString('hex');
const repo = `octo-org/attested-${nonce}`;

let env: TestEnv;
let oidc: OidcDouble;
let gh: GitHubApiDouble;
const work = mkdtempSync(join(tmpdir(), 'attest-e2e-'));
const trustedRoot = join(work, 'trusted_root.json');

// Set up inside the tests: a failing beforeAll makes vitest report the tests as skipped.
async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  oidc ??= await startOidcDouble({
    repository: REPOSITORY,
    ref: 'refs/heads/master',
    workflowPath: '.github/workflows/publish.yml',
  });
  gh ??= await startGitHubApiDouble({ repository: REPOSITORY });
}

afterAll(async () => {
  await oidc?.close();
  await gh?.close();
});

function attestRun(inputs: Record<string, string> = {}, withOidc = true): RunnerEnv {
  return {
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    repository: REPOSITORY,
    nodeArgs: ['--import', PRELOAD],
    inputs: {
      ...multiarchPushInputs(env, repo, nonce),
      tags: 'type=ref,event=branch',
      'github-token': 'ghs_attestTestToken000000000000000000',
      ...inputs,
    },
    env: {
      ...gh.env(),
      ...(withOidc ? oidc.env() : {}),
      ...oidc.preloadEnv(),
      SIGSTORE_DOUBLE_TRUSTED_ROOT: trustedRoot,
      SIGSTORE_DOUBLE_LOG: join(work, 'sigstore.log'),
    },
  };
}

describe('attestation through dist/index.js', () => {
  let digest = '';
  let bundlePath = '';

  it('attests the pushed digest, stores it with the API, attaches it to the image, links it in the summary', async () => {
    await setup();
    const job = await runAction(attestRun());
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    digest = job.main.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const o = job.main.outputs;
    expect(o['attestation-id']).toMatch(/^\d+$/);
    expect(o['attestation-url']).toBe(`https://github.com/${REPOSITORY}/attestations/${o['attestation-id']}`);
    bundlePath = o['bundle-path'];
    expect(bundlePath.startsWith(job.runnerTemp)).toBe(true);
    expect(existsSync(bundlePath)).toBe(true);
    // the GitHub API double received the bundle, with the token
    const posts = gh.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${REPOSITORY}/attestations`);
    expect(posts).toHaveLength(1);
    expect(posts[0].hasAuth).toBe(true);
    // the bundle is attached in the registry (referrers tag schema: docker-registry 2.8 has no referrers API)
    const auth = { user: env.registryUser, password: env.registryPassword };
    const referrers = await registryGet(env.registryAuth, `${repo}/manifests/${digest.replace(':', '-')}`, auth);
    expect(referrers.status).toBe(200);
    const artifacts = (referrers.json.manifests as any[]).filter((m) => m.artifactType === BUNDLE_TYPE);
    expect(artifacts).toHaveLength(1);
    const manifest = await registryGet(env.registryAuth, `${repo}/manifests/${artifacts[0].digest}`, auth);
    expect(manifest.json.subject.digest).toBe(digest);
    // GitHub is told where the image is stored (artifact metadata API)
    expect(gh.storageRecords).toHaveLength(1);
    expect(gh.storageRecords[0]).toMatchObject({
      owner: 'octo-org',
      record: { name: `${env.registryAuth}/${repo}`, digest, registry_url: `https://${env.registryAuth}` },
    });
    // the summary links the attestation; no secret anywhere
    expect(job.main.summary).toContain(o['attestation-url']);
    expect(everything(job)).not.toContain(env.registryPassword);
    expect(everything(job)).not.toContain('ghs_attestTestToken000000000000000000');
  });

  it('the bundle verifies: signature, workflow identity, subject digest = pushed digest', async () => {
    await setup();
    const result = verifyBundle(bundlePath, {
      trustedRootPath: trustedRoot,
      subjectAlternativeName: oidc.identity.subjectAlternativeName,
      issuer: oidc.identity.issuer,
    });
    expect(result.statement.predicateType).toBe(SLSA_PROVENANCE_V1);
    expect(result.statement.subject).toEqual([
      { name: `${env.registryAuth}/${repo}`, digest: { sha256: digest.slice('sha256:'.length) } },
    ]);
    expect(oidc.identity.subjectAlternativeName).toContain('.github/workflows/publish.yml@refs/heads/master');
  });

  it('a tampered bundle fails verification', async () => {
    await setup();
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8');
    const other = 'f'.repeat(64);
    bundle.dsseEnvelope.payload = Buffer.from(payload.replace(digest.slice(7), other)).toString('base64');
    const tampered = join(work, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(bundle));
    expect(() =>
      verifyBundle(tampered, {
        trustedRootPath: trustedRoot,
        subjectAlternativeName: oidc.identity.subjectAlternativeName,
        issuer: oidc.identity.issuer,
      }),
    ).toThrow(/mismatch|signature/i);
  });

  it('without artifact-metadata: write the storage record is skipped with a warning naming the permission', async () => {
    await setup();
    gh.setStorageRecordStatus(403);
    try {
      const job = await runAction(attestRun({ tags: 'type=raw,value=no-storage-record', platforms: 'linux/amd64' }));
      expect(job.main.code, visible(job.main.stdout)).toBe(0);
      expect(job.main.outputs['attestation-id']).toMatch(/^\d+$/);
      expect(job.main.stdout).toMatch(/::warning::No storage record for .*artifact-metadata: write/);
    } finally {
      gh.setStorageRecordStatus(undefined);
    }
  });

  it('no OIDC token (no id-token: write): pushes, skips the attestation with a notice naming the permission', async () => {
    await setup();
    const job = await runAction(attestRun({ tags: 'type=raw,value=no-oidc', platforms: 'linux/amd64' }, false));
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toMatch(
      /::notice::Build-provenance attestation skipped: this run has no OIDC token; add `permissions: id-token: write`/,
    );
    expect(job.main.outputs.digest).toMatch(/^sha256:/);
    expect(job.main.outputs['attestation-id']).toBeUndefined();
  });

  it('attest: true without an OIDC token: an error before anything is pushed', async () => {
    await setup();
    const job = await runAction(
      attestRun({ attest: 'true', tags: 'type=raw,value=must-attest', platforms: 'linux/amd64' }, false),
    );
    expect(job.main.code).toBe(1);
    const errors = job.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/"attest".*id-token: write/);
    const m = await registryGet(env.registryAuth, `${repo}/manifests/must-attest`, {
      user: env.registryUser,
      password: env.registryPassword,
    });
    expect(m.status).toBe(404);
  });
});
