// The fan-out through the bundled action, as three jobs of one run: `mode: matrix` → two `mode: build` legs, each
// its own process with its own RUNNER_TEMP, HOME and Docker config, as if on two machines (the amd64 leg on the
// second engine, which has the classic image store; the arm64 leg on the main engine, under QEMU) → `mode: merge`.
// They share only the registries, the GitHub cache double and the artifact service double. The merge creates the
// index under every tag of two images in two registries, reads them back and attests once (Sigstore doubles).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactServiceDouble } from '../doubles/artifact-service.js';
import { startGhaCacheDouble, type GhaCacheDouble } from '../doubles/gha-cache.js';
import { startGitHubApiDouble, type GitHubApiDouble } from '../doubles/github-api.js';
import { startOidcDouble, type OidcDouble } from '../doubles/oidc.js';
import { event, SHA } from '../fixtures/events.js';
import { everything, ROOT, runAction, visible, type JobRun, type RunnerEnv } from './helpers/action.js';
import { startClassicEngine, type ClassicEngine } from './helpers/classic-engine.js';
import { registryGet } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';

const PRELOAD = join(ROOT, 'test/doubles/sigstore-preload.mjs');
const REPOSITORY = 'octo-org/publish-image';
const nonce = randomBytes(6).toString('hex');
const repo = `octo-org/fanout-${nonce}`;
const TAGS = ['master', `sha-${SHA.slice(0, 7)}`, 'latest'];
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

let env: TestEnv;
let cache: GhaCacheDouble;
let artifacts: ArtifactServiceDouble;
let oidc: OidcDouble;
let gh: GitHubApiDouble;
let classic: ClassicEngine;
const work = mkdtempSync(join(tmpdir(), 'fanout-e2e-'));

// Set up inside the tests: a failing beforeAll makes vitest report the tests as skipped.
async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  cache ??= await startGhaCacheDouble({ anyToken: true });
  artifacts ??= await startArtifactService();
  oidc ??= await startOidcDouble({
    repository: REPOSITORY,
    ref: 'refs/heads/master',
    workflowPath: '.github/workflows/publish.yml',
  });
  gh ??= await startGitHubApiDouble({ repository: REPOSITORY });
  classic ??= await startClassicEngine(env.docker);
}

afterAll(async () => {
  await Promise.all([cache?.close(), artifacts?.close(), oidc?.close(), gh?.close(), classic?.stop()]);
});

const auth = () => ({ user: env.registryUser, password: env.registryPassword });
const images = (suffix = '') => [`${env.registryAuth}/${repo}${suffix}`, `${env.registryOpen}/${repo}${suffix}`];

interface Job {
  mode: 'matrix' | 'build' | 'merge';
  run: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  pr?: 'fork';
}

/** One job of the run: its own runner token (same run, its own job id), HOME and RUNNER_TEMP. */
function job({ mode, run, inputs = {}, env: extra = {}, pr }: Job): RunnerEnv {
  const jobId = `${mode}-${randomUUID()}`;
  const token = artifacts.token(run, jobId, {
    claims: { ac: JSON.stringify([{ Scope: 'refs/heads/master', Permission: 3 }]) },
  });
  const home = mkdtempSync(join(work, 'home-'));
  return {
    eventName: pr ? 'pull_request' : 'push',
    ref: pr ? 'refs/pull/42/merge' : 'refs/heads/master',
    event: pr ? event('pull-request-fork') : event('push-master'),
    repository: REPOSITORY,
    ...(mode === 'merge' ? { nodeArgs: ['--import', PRELOAD] } : {}),
    inputs: {
      images: images().join('\n'),
      registry: env.registryAuth,
      username: env.registryUser,
      password: env.registryPassword,
      context: 'test/fixtures/contexts/multiarch',
      platforms: PLATFORMS.join(','),
      network: 'host',
      'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
      tags: 'type=ref,event=branch\ntype=ref,event=pr\ntype=sha\ntype=raw,value=latest,enable={{is_default_branch}}',
      'github-token': 'ghs_fanoutTestToken00000000000000000000',
      mode,
      ...inputs,
    },
    env: {
      HOME: home,
      SOURCE_DATE_EPOCH: '1767225600',
      GITHUB_RUN_ID: run,
      RUNNER_NAME: `runner-${mode}`,
      ACTIONS_RESULTS_URL: artifacts.url,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_URL: cache.url,
      ...(mode === 'merge' ? { ...gh.env(), ...oidc.env(), ...oidc.preloadEnv() } : {}),
      SIGSTORE_DOUBLE_TRUSTED_ROOT: join(work, 'trusted_root.json'),
      SIGSTORE_DOUBLE_LOG: join(work, 'sigstore.log'),
      ...extra,
    },
  };
}

/** The amd64 leg runs on the classic engine: no cache export there, so its cache is read from the registry only. */
function leg(run: string, platform: string, inputs: Record<string, string> = {}, pr?: 'fork'): RunnerEnv {
  const onClassic = platform === 'linux/amd64';
  return job({
    mode: 'build',
    run,
    pr,
    inputs: {
      platforms: platform,
      ...(onClassic ? { 'cache-from': `type=registry,ref=${env.registryOpen}/${repo}-cache:amd64` } : {}),
      ...inputs,
    },
    env: onClassic ? { DOCKER_HOST: classic.host, RUNNER_NAME: 'classic-engine' } : { RUNNER_NAME: 'main-engine' },
  });
}

function ok(j: JobRun): JobRun {
  expect(j.main.code, visible(j.main.stdout)).toBe(0);
  return j;
}

describe('fan-out: matrix → build legs on two engines → merge', () => {
  const run = String(Date.now());
  let legs: Record<string, JobRun> = {};
  let merged: JobRun;

  it('mode: matrix gives one leg per platform, each with its native runner', async () => {
    await setup();
    const m = ok(await runAction(job({ mode: 'matrix', run })));
    expect(JSON.parse(m.main.outputs.matrix)).toEqual({
      include: [
        { platform: 'linux/amd64', runner: 'ubuntu-24.04', pair: 'linux-amd64' },
        { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', pair: 'linux-arm64' },
      ],
    });
    expect(m.main.stdout).not.toContain('[command]');
    expect(m.main.outputs.tags.split('\n')).toHaveLength(TAGS.length * 2);
  });

  it('two legs as two machines: each pushes its platform by digest and hands its result on', async () => {
    await setup();
    const [amd, arm] = await Promise.all(PLATFORMS.map((p) => runAction(leg(run, p))));
    legs = { 'linux/amd64': ok(amd), 'linux/arm64': ok(arm) };
    for (const [platform, j] of Object.entries(legs)) {
      const digest = j.main.outputs.digest;
      expect(digest, platform).toMatch(/^sha256:[0-9a-f]{64}$/);
      // by digest in both repositories, no tag
      for (const [registry, creds] of [
        [env.registryAuth, auth()],
        [env.registryOpen, undefined],
      ] as const) {
        const m = await registryGet(registry, `${repo}/manifests/${digest}`, creds);
        expect(m.status, `${registry} ${platform}`).toBe(200);
        expect(m.digest).toBe(digest);
      }
      expect(j.main.summary).toContain(`Leg ${platform} pushed by digest`);
    }
    // the classic engine cannot push by digest or export an OCI archive: docker save; the main engine: OCI archive
    expect(legs['linux/amd64'].main.summary).toContain('from `docker save`');
    expect(legs['linux/arm64'].main.summary).toContain("from buildx's OCI archive");
    expect(artifacts.artifacts(run)).toHaveLength(2);
    // the arm64 leg wrote its own scope in the shared cache
    expect(cache.entries().some((e) => e.key.includes('linux-arm64'))).toBe(true);
    for (const j of Object.values(legs)) expect(everything(j)).not.toContain(env.registryPassword);
  });

  it('mode: merge creates one index under every tag of both images, verifies it and attests it once', async () => {
    await setup();
    const attestationsBefore = gh.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/attestations'),
    ).length;
    merged = ok(await runAction(job({ mode: 'merge', run })));
    const index = merged.main.outputs.digest;
    expect(index).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const [registry, creds] of [
      [env.registryAuth, auth()],
      [env.registryOpen, undefined],
    ] as const) {
      for (const tag of TAGS) {
        const m = await registryGet(registry, `${repo}/manifests/${tag}`, creds);
        expect(m.digest, `${registry}:${tag}`).toBe(index);
        const entries = (m.json.manifests as any[]).map((e) => [
          `${e.platform.os}/${e.platform.architecture}`,
          e.digest,
        ]);
        // each platform's entry is exactly the leg's digest
        expect(Object.fromEntries(entries)).toEqual({
          'linux/amd64': legs['linux/amd64'].main.outputs.digest,
          'linux/arm64': legs['linux/arm64'].main.outputs.digest,
        });
        // the index-level annotations
        expect(m.json.annotations).toMatchObject({
          'org.opencontainers.image.revision': SHA,
          'org.opencontainers.image.source': `https://github.com/${REPOSITORY}`,
          'org.opencontainers.image.created': '2026-01-01T00:00:00.000Z',
        });
      }
    }
    // the labels are in each platform's image config; the arm64 leg (OCI archive) carries its manifest annotations
    const index0 = await registryGet(env.registryOpen, `${repo}/manifests/${index}`);
    for (const entry of index0.json.manifests as any[]) {
      const manifest = await registryGet(env.registryOpen, `${repo}/manifests/${entry.digest}`);
      const config = await registryGet(env.registryOpen, `${repo}/blobs/${manifest.json.config.digest}`);
      expect(config.json.config.Labels).toMatchObject({ 'org.opencontainers.image.revision': SHA });
      expect(config.json.architecture).toBe(entry.platform.architecture);
      if (entry.platform.architecture === 'arm64') {
        expect(manifest.json.annotations).toMatchObject({ 'org.opencontainers.image.revision': SHA });
      }
    }
    // outputs as a publish gives them
    expect(merged.main.outputs.tags.split('\n').sort()).toEqual(
      images()
        .flatMap((i) => TAGS.map((t) => `${i}:${t}`))
        .sort(),
    );
    expect(merged.main.outputs['pushed-tags'].split('\n')).toHaveLength(TAGS.length * 2);
    // attested once, for both image names
    const posts = gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/attestations'));
    expect(posts.length - attestationsBefore).toBe(1);
    expect(merged.main.outputs['attestation-id']).toMatch(/^\d+$/);
    // the summary: a row per leg with its runner, digest and build time (under a second it reads `800ms`)
    const s = merged.main.summary;
    expect(s).toContain('Published (merged from 2 legs)');
    for (const [platform, runner] of [
      ['linux/amd64', 'classic-engine'],
      ['linux/arm64', 'main-engine'],
    ]) {
      expect(s).toMatch(
        new RegExp(
          `\\| \`${platform}\` \\| \`${runner}\` \\| \`${legs[platform].main.outputs.digest}\` \\| (?:[0-9.]+s|[0-9]+ms) \\|`,
        ),
      );
    }
    // the merge needs no Docker CLI and no Docker config
    expect(merged.main.stdout).not.toContain('[command]docker');
    expect(merged.post?.stdout ?? '').not.toContain('Logged out');
    expect(everything(merged)).not.toContain(env.registryPassword);
  });

  it('a re-run of the merge gives the same index digest (idempotent)', async () => {
    await setup();
    const again = ok(await runAction(job({ mode: 'merge', run, inputs: { attest: 'false' } })));
    expect(again.main.outputs.digest).toBe(merged.main.outputs.digest);
  });

  it('a platform without a leg result fails clearly, naming it', async () => {
    await setup();
    const j = await runAction(
      job({ mode: 'merge', run, inputs: { platforms: 'linux/amd64,linux/arm64,linux/riscv64', attest: 'false' } }),
    );
    expect(j.main.code).toBe(1);
    const errors = j.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      'No leg result for linux/riscv64: the merge needs one per platform of `platforms` (found linux/amd64, linux/arm64',
    );
  });

  it('a leg digest absent from the registry fails clearly before any tag is written', async () => {
    await setup();
    const absent = `sha256:${'0'.repeat(64)}`;
    const j = await runAction(
      job({
        mode: 'merge',
        run,
        inputs: { digests: `linux/arm64=${absent}`, tags: 'type=raw,value=never', attest: 'false' },
      }),
    );
    expect(j.main.code).toBe(1);
    expect(j.main.stdout).toContain(
      `Cannot create the index: The linux/arm64 leg's image ${absent} is not in ${env.registryAuth}/${repo}`,
    );
    expect((await registryGet(env.registryOpen, `${repo}/manifests/never`)).status).toBe(404);
  });

  it('two images in one run never mix: each merge collects its own legs', async () => {
    await setup();
    const other = { images: images('-other').join('\n') };
    ok(await runAction(leg(run, 'linux/arm64', other)));
    const a = ok(await runAction(job({ mode: 'merge', run, inputs: { attest: 'false' } })));
    expect(a.main.outputs.digest).toBe(merged.main.outputs.digest);
    const b = ok(
      await runAction(job({ mode: 'merge', run, inputs: { ...other, platforms: 'linux/arm64', attest: 'false' } })),
    );
    const m = await registryGet(env.registryOpen, `${repo}-other/manifests/master`);
    expect(m.digest).toBe(b.main.outputs.digest);
    expect((m.json.manifests as any[]).map((e) => e.platform.architecture)).toEqual(['arm64']);
  });

  it('a fork pull request: the leg builds only (no push, no artifact); the merge says so and touches nothing', async () => {
    await setup();
    const prRun = `${run}-pr`;
    const l = ok(await runAction(leg(prRun, 'linux/arm64', {}, 'fork')));
    expect(l.main.outputs.digest).toBe('');
    expect(l.main.stdout).toMatch(/::notice::Build only: pull request #42 comes from the fork/);
    expect(artifacts.artifacts(prRun)).toHaveLength(0);
    const m = ok(await runAction(job({ mode: 'merge', run: prRun, pr: 'fork' })));
    expect(m.main.stdout).toMatch(/::notice::Nothing to merge: the legs did not push/);
    expect(m.main.summary).toContain('Nothing to merge');
    expect((await registryGet(env.registryOpen, `${repo}/manifests/pr-42`)).status).toBe(404);
  });
});
