// One registry identity, end to end: Docker Hub answers to docker.io, index.docker.io and registry-1.docker.io, and
// a run given `registry: index.docker.io` and images `docker.io/<org>/<app>` must log in, push, read back and
// attach its attestation with ONE credential, and never say it has none for docker.io. Docker Hub cannot be reached
// here: scripts/test-env.sh maps its three names to a TLS registry with htpasswd auth on 127.0.0.1:443 (a local CA,
// trusted by dockerd through /etc/docker/certs.d and by the action's Node through NODE_EXTRA_CA_CERTS). That registry
// refuses anonymous requests, so a read-back or an attachment without the credential would fail the run.
//
// The build runs on an engine of this test's own (test/e2e/helpers/classic-engine.ts) started with SSL_CERT_FILE set
// to the CA: dockerd checks a Docker Hub login against the system roots only (not certs.d), and the shared dockerd
// read those once, long before the CA existed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startGitHubApiDouble, type GitHubApiDouble } from '../doubles/github-api.js';
import { startOidcDouble, type OidcDouble } from '../doubles/oidc.js';
import { event } from '../fixtures/events.js';
import { everything, ROOT, runAction, visible } from './helpers/action.js';
import { startClassicEngine, type ClassicEngine } from './helpers/classic-engine.js';
import { parseEnvFile, requireTestEnv, type TestEnv } from './helpers/env.js';
import { verifyBundle } from './helpers/verify-bundle.js';

const PRELOAD = join(ROOT, 'test/doubles/sigstore-preload.mjs');
const REPOSITORY = 'octo-org/publish-image';
const HUB_NAMES = ['registry-1.docker.io', 'index.docker.io', 'docker.io'];
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const GITHUB_TOKEN = 'ghs_hubAliasTestToken0000000000000000000';
const nonce = randomBytes(5).toString('hex');
const org = `hub-${nonce}`;

let env: TestEnv;
let hub: { host: string; ca: Buffer; caFile: string };
let engine: ClassicEngine;
let oidc: OidcDouble;
let gh: GitHubApiDouble;
const work = mkdtempSync(join(tmpdir(), 'hub-alias-e2e-'));

interface Answer {
  status: number;
  digest: string;
  json: Record<string, any>;
}

/** GET from the Docker Hub stand-in over https (its CA), with Basic auth when given. */
function hubGet(host: string, path: string, auth?: { user: string; password: string }): Promise<Answer> {
  const accept = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
  ].join(', ');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        path: `/v2/${path}`,
        ca: hub.ca,
        headers: {
          accept,
          ...(auth
            ? { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          let json: Record<string, any> = {};
          try {
            json = JSON.parse(bytes.toString('utf8'));
          } catch {
            // an error page: leave empty
          }
          resolve({
            status: res.statusCode ?? 0,
            digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
            json,
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const HINT = 'Run `bash scripts/test-env.sh` (as root): it sets up the Docker Hub stand-in.';

// Set up inside the tests: a failing beforeAll makes vitest report the tests as skipped.
async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  if (!hub) {
    const vars = parseEnvFile(readFileSync(env.file, 'utf8'));
    if (!vars.REGISTRY_HUB || !vars.REGISTRY_HUB_CA) {
      throw new Error(`The e2e env file ${env.file} lacks REGISTRY_HUB, REGISTRY_HUB_CA. ${HINT}`);
    }
    hub = { host: vars.REGISTRY_HUB, caFile: vars.REGISTRY_HUB_CA, ca: readFileSync(vars.REGISTRY_HUB_CA) };
    // every alias resolves to the stand-in, its certificate is valid for each, and it wants credentials
    for (const name of HUB_NAMES) {
      const status = await hubGet(name, '').then(
        (a) => a.status,
        (e: Error) => e.message,
      );
      if (status !== 401) throw new Error(`https://${name}/v2/ answered ${status}, expected 401. ${HINT}`);
    }
  }
  engine ??= await startClassicEngine(env.docker, { env: { SSL_CERT_FILE: hub.caFile } });
  oidc ??= await startOidcDouble({
    repository: REPOSITORY,
    ref: 'refs/heads/master',
    workflowPath: '.github/workflows/publish.yml',
  });
  gh ??= await startGitHubApiDouble({ repository: REPOSITORY });
}

afterAll(async () => {
  await Promise.all([oidc?.close(), gh?.close()]);
  await engine?.stop();
});

describe('Docker Hub under its aliases', () => {
  it('registry: index.docker.io, image docker.io/<org>/<app>: one credential logs in, pushes, reads back and attests', async () => {
    await setup();
    const image = `docker.io/${org}/app`;
    const trustedRoot = join(work, 'trusted_root.json');
    const job = await runAction({
      eventName: 'push',
      ref: 'refs/heads/master',
      event: event('push-master'),
      repository: REPOSITORY,
      nodeArgs: ['--import', PRELOAD],
      inputs: {
        images: image,
        registry: 'index.docker.io',
        username: env.registryUser,
        password: env.registryPassword,
        context: 'test/fixtures/contexts/multiarch',
        platforms: 'linux/amd64',
        network: 'host',
        'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
        tags: 'type=raw,value=v1',
        'github-token': GITHUB_TOKEN,
      },
      env: {
        DOCKER_HOST: engine.host,
        NODE_EXTRA_CA_CERTS: hub.caFile,
        SIGSTORE_DOUBLE_ALLOW_HOSTS: HUB_NAMES.join(','),
        ...gh.env(),
        ...oidc.env(),
        ...oidc.preloadEnv(),
        SIGSTORE_DOUBLE_TRUSTED_ROOT: trustedRoot,
        SIGSTORE_DOUBLE_LOG: join(work, 'sigstore.log'),
      },
    });
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    const digest = job.main.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const creds = { user: env.registryUser, password: env.registryPassword };

    // one login, under the canonical name, and no "no credentials" notice anywhere
    expect(job.main.stdout.split('\n').filter((l) => l.startsWith('Logging in to '))).toEqual([
      `Logging in to docker.io as ${env.registryUser} (password)`,
    ]);
    expect(everything(job)).not.toContain('No credentials for');
    expect(job.main.summary).toContain(`| **Registry login** | \`docker.io\` as \`${env.registryUser}\` (password) |`);

    // pushed: the stand-in serves the tag at the digest, to the credential only
    const tag = await hubGet(hub.host, `${org}/app/manifests/v1`, creds);
    expect(tag.status).toBe(200);
    expect(tag.digest).toBe(digest);
    expect((await hubGet(hub.host, `${org}/app/manifests/v1`)).status).toBe(401);

    // read back (through the same credential: anonymous reads get 401 here)
    expect(job.main.stdout).toContain(`Verified 1 tag(s) → ${digest}`);
    expect(job.main.outputs['pushed-tags']).toBe(`${image}:v1`);

    // attested, and the bundle attached to the image as a referrer (referrers tag schema) with the same credential
    expect(job.main.outputs['attestation-id']).toMatch(/^\d+$/);
    expect(job.main.stdout).toMatch(
      new RegExp(`Attestation attached to ${image}@${digest} as referrer sha256:[0-9a-f]{64}`),
    );
    const referrers = await hubGet(hub.host, `${org}/app/manifests/${digest.replace(':', '-')}`, creds);
    expect(referrers.status).toBe(200);
    const bundles = (referrers.json.manifests as { artifactType?: string; digest: string }[]).filter(
      (m) => m.artifactType === BUNDLE_TYPE,
    );
    expect(bundles).toHaveLength(1);
    const referrer = await hubGet(hub.host, `${org}/app/manifests/${bundles[0].digest}`, creds);
    expect(referrer.json.subject.digest).toBe(digest);
    const verified = verifyBundle(job.main.outputs['bundle-path'], {
      trustedRootPath: trustedRoot,
      subjectAlternativeName: oidc.identity.subjectAlternativeName,
      issuer: oidc.identity.issuer,
    });
    expect(verified.statement.subject).toEqual([{ name: image, digest: { sha256: digest.slice('sha256:'.length) } }]);

    // the password is nowhere, and the post step cleaned up
    expect(everything(job)).not.toContain(env.registryPassword);
    expect(job.post?.code).toBe(0);
  });
});
