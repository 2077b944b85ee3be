// The real pipeline through dist/index.js: login, builder, a two-platform build with an arm64 RUN under QEMU,
// push to a registry that needs auth, verification, GitHub cache through a v1 double, post-step cleanup, and the
// failure paths. Real dockerd, buildx, registry; nothing mocked but the GitHub cache service.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCacheToken, startGhaCacheDouble, type GhaCacheDouble } from '../doubles/gha-cache.js';
import { event, SHA } from '../fixtures/events.js';
import { everything, runAction, visible, type JobRun, type RunnerEnv } from './helpers/action.js';
import { registryGet, sh } from './helpers/docker.js';
import { multiarchPushInputs, requireTestEnv, type TestEnv } from './helpers/env.js';
import { startFaultProxy } from '../doubles/fault-proxy.js';
import { verifyPush } from '../../src/docker/verify.js';

let env: TestEnv;
let cache: GhaCacheDouble;
const nonce = randomBytes(6).toString('hex');
const repo = `octo-org/app-${nonce}`;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

function publishRun(over: Partial<RunnerEnv> & { inputs?: Record<string, string> } = {}): RunnerEnv {
  return {
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    repository: 'octo-org/publish-image',
    ...over,
    inputs: {
      ...multiarchPushInputs(env, repo, nonce),
      tags: 'type=ref,event=branch\ntype=sha',
      ...over.inputs,
    },
    env: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: cache.token, ...over.env },
  };
}

// Set up inside the tests, not in beforeAll: a failing beforeAll makes vitest report the tests as skipped.
async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  cache ??= await startGhaCacheDouble();
}

afterAll(async () => {
  await cache?.close();
});

describe('publish: two platforms, auth registry, GitHub cache', () => {
  let first: JobRun;

  it('builds, pushes and verifies a two-platform image with the computed tags', async () => {
    await setup();
    first = await runAction(publishRun());
    expect(first.main.code, visible(first.main.stdout)).toBe(0);
    const digest = first.main.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.main.outputs.imageid).toMatch(/^sha256:/);
    expect(JSON.parse(first.main.outputs.metadata)['containerimage.digest']).toBe(digest);
    const auth = { user: env.registryUser, password: env.registryPassword };
    // every tag resolves to the pushed digest: an index with both platforms
    for (const tag of ['master', `sha-${SHA.slice(0, 7)}`]) {
      const m = await registryGet(env.registryAuth, `${repo}/manifests/${tag}`, auth);
      expect(m.status).toBe(200);
      expect(m.digest).toBe(digest);
      const platforms = (m.json.manifests as any[]).map((x) => `${x.platform.os}/${x.platform.architecture}`);
      expect(platforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
      // provenance is off by default: no unknown/unknown attestation manifests
      expect(platforms).not.toContain('unknown/unknown');
    }
    // the OCI labels are in each platform's image config
    const index = await registryGet(env.registryAuth, `${repo}/manifests/${digest}`, auth);
    for (const entry of index.json.manifests as any[]) {
      const manifest = await registryGet(env.registryAuth, `${repo}/manifests/${entry.digest}`, auth);
      const config = await registryGet(env.registryAuth, `${repo}/blobs/${manifest.json.config.digest}`, auth);
      expect(config.json.config.Labels).toMatchObject({
        'org.opencontainers.image.revision': SHA,
        'org.opencontainers.image.version': 'master',
        'org.opencontainers.image.source': 'https://github.com/octo-org/publish-image',
        'org.opencontainers.image.licenses': 'MIT',
      });
      expect(config.json.architecture).toBe(entry.platform.architecture);
    }
    // the summary tells what happened
    expect(first.main.summary).toContain(digest);
    expect(first.main.summary).toMatch(/linux\/arm64/);
    // the GitHub cache was written
    expect(cache.stats.commits).toBeGreaterThan(0);
  });

  it('the pushed images run on both platforms (arm64 under QEMU)', async () => {
    await setup();
    const config = mkdtempSync(join(tmpdir(), 'pull-config-'));
    const login = await sh(
      env.docker,
      ['--config', config, 'login', '-u', env.registryUser, '--password-stdin', env.registryAuth],
      { input: env.registryPassword },
    );
    expect(login.code, login.stderr).toBe(0);
    const ref = `${env.registryAuth}/${repo}@${first.main.outputs.digest}`;
    for (const [platform, arch] of [
      ['linux/amd64', 'x86_64'],
      ['linux/arm64', 'aarch64'],
    ]) {
      const r = await sh(env.docker, [
        '--config',
        config,
        'run',
        '--rm',
        '--network',
        'none',
        '--pull',
        'always',
        '--platform',
        platform,
        ref,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(`built on ${arch} nonce ${nonce}`);
    }
    await sh(env.docker, ['--config', config, 'logout', env.registryAuth]);
  });

  it('a rebuild after clearing the local build cache is served from the GitHub cache', async () => {
    await setup();
    const pruned = await sh(env.docker, ['buildx', 'prune', '-af']);
    expect(pruned.code, pruned.stderr).toBe(0);
    const downloadsBefore = cache.stats.downloads;
    const second = await runAction(publishRun());
    expect(second.main.code, visible(second.main.stdout)).toBe(0);
    expect(cache.stats.lookups.hit).toBeGreaterThan(0);
    expect(cache.stats.downloads).toBeGreaterThan(downloadsBefore);
    expect(second.main.stdout).toContain('importing cache manifest from gha:');
    // both RUN steps (one per platform) come from the cache
    const runSteps = second.main.stdout.split('\n').filter((l) => /^#\d+ \[linux\/(amd64|arm64) \d\/\d\] RUN /.test(l));
    expect(runSteps.length).toBe(2);
    const cachedIds = new Set(
      second.main.stdout
        .split('\n')
        .map((l) => /^#(\d+) CACHED/.exec(l)?.[1])
        .filter(Boolean),
    );
    for (const step of runSteps) expect(cachedIds.has(/^#(\d+)/.exec(step)![1])).toBe(true);
    expect(second.main.summary).toMatch(/cached/i);
    expect(second.main.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('leaves no credential behind and never shows the password', async () => {
    await setup();
    for (const job of [first]) {
      expect(job.post?.code).toBe(0);
      expect(everything(job)).not.toContain(env.registryPassword);
      expect(job.main.stdout).toContain(`::add-mask::${env.registryPassword}`);
      const basic = Buffer.from(`${env.registryUser}:${env.registryPassword}`).toString('base64');
      for (const file of filesUnder(job.runnerTemp)) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toContain(env.registryPassword);
        expect(text, file).not.toContain(basic);
      }
      expect(existsSync(job.main.state.dockerConfig)).toBe(false);
      const userConfig = join(process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
      if (existsSync(userConfig)) expect(readFileSync(userConfig, 'utf8')).not.toContain(basic);
    }
  });
});

describe('publish: registries and runtimes', () => {
  it('pushes to two registries, logging in to the one that needs it through registry-auth', async () => {
    await setup();
    const job = await runAction(
      publishRun({
        inputs: {
          images: `${env.registryAuth}/${repo}-two\n${env.registryOpen}/${repo}-two`,
          registry: '',
          username: '',
          password: '',
          'registry-auth': `- registry: ${env.registryAuth}\n  username: ${env.registryUser}\n  password: ${env.registryPassword}\n`,
          tags: 'type=raw,value=two',
          platforms: 'linux/amd64',
        },
      }),
    );
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toContain(`Logging in to ${env.registryAuth} as ${env.registryUser} (registry-auth)`);
    expect(job.main.stdout).toContain('Verified 2 tag(s)');
    const digest = job.main.outputs.digest;
    expect(
      (
        await registryGet(env.registryAuth, `${repo}-two/manifests/two`, {
          user: env.registryUser,
          password: env.registryPassword,
        })
      ).digest,
    ).toBe(digest);
    expect((await registryGet(env.registryOpen, `${repo}-two/manifests/two`)).digest).toBe(digest);
    expect(everything(job)).not.toContain(env.registryPassword);
  });

  it('a build secret reaches RUN --mount=type=secret and is never shown, even when the Dockerfile prints it', async () => {
    await setup();
    const secret = `s3cr3t-${randomBytes(8).toString('hex')}`;
    const job = await runAction(
      publishRun({
        inputs: {
          context: 'test/fixtures/contexts/secret',
          secrets: `api_token=${secret}`,
          tags: 'type=raw,value=secret',
          platforms: 'linux/amd64',
        },
      }),
    );
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toContain('token is ***');
    expect(everything(job)).not.toContain(secret);
    expect(job.main.stdout).toContain('--secret id=api_token,env=PUBLISH_IMAGE_SECRET_0');
    // the secret was really mounted: the image holds its hash
    const config = mkdtempSync(join(tmpdir(), 'pull-config-'));
    await sh(env.docker, ['--config', config, 'login', '-u', env.registryUser, '--password-stdin', env.registryAuth], {
      input: env.registryPassword,
    });
    const run = await sh(env.docker, [
      '--config',
      config,
      'run',
      '--rm',
      '--network',
      'none',
      '--pull',
      'always',
      `${env.registryAuth}/${repo}:secret`,
    ]);
    expect(run.stdout.trim()).toBe(createHash('sha256').update(secret).digest('hex'));
    await sh(env.docker, ['--config', config, 'logout', env.registryAuth]);
  });

  it("under act (ACT=true, act's JWT runtime token, no OIDC token): cached through act's cache server, attestation skipped", async () => {
    await setup();
    // act's cache server checks no token; act hands out a JWT whose `ac` claim grants write on the empty scope
    const actCache = await startGhaCacheDouble({ anyToken: true });
    const actToken = makeCacheToken([{ Scope: '', Permission: 2 }]);
    try {
      const actRun = () =>
        runAction(
          publishRun({
            inputs: { tags: 'type=raw,value=act', platforms: 'linux/amd64' },
            env: { ACT: 'true', ACTIONS_CACHE_URL: actCache.url, ACTIONS_RUNTIME_TOKEN: actToken },
          }),
        );
      const first = await actRun();
      expect(first.main.code, visible(first.main.stdout)).toBe(0);
      expect(first.main.stdout).toContain(
        '::notice::Build-provenance attestation skipped: this run has no OIDC token; act offers no OIDC token, so runs under act cannot attest.',
      );
      expect(actCache.stats.commits).toBeGreaterThan(0);
      await sh(env.docker, ['buildx', 'prune', '-af']);
      const second = await actRun();
      expect(second.main.code, visible(second.main.stdout)).toBe(0);
      expect(second.main.stdout).toContain('importing cache manifest from gha:');
      expect(actCache.stats.lookups.hit).toBeGreaterThan(0);
    } finally {
      await actCache.close();
    }
  });

  it('cache service v2 with a buildx older than 0.21: a warning that the build runs without the GitHub cache', async () => {
    await setup();
    const job = await runAction(
      publishRun({
        inputs: { tags: 'type=raw,value=cache-v2', platforms: 'linux/amd64' },
        env: { ACTIONS_CACHE_URL: '', ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      }),
    );
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toMatch(
      /::warning::This runtime offers only the GitHub cache service v2, which buildx 0\.13\.\d+ cannot use/,
    );
  });
});

describe('publish: failure paths', () => {
  it('a wrong password: one clear error, nothing pushed, nothing left behind', async () => {
    await setup();
    const job = await runAction(
      publishRun({ inputs: { password: 'wrong-password-123', tags: 'type=raw,value=wrong-pw' } }),
    );
    expect(job.main.code).toBe(1);
    const errors = visible(job.main.stdout)
      .split('\n')
      .filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Login to ${env.registryAuth} as ${env.registryUser} failed`);
    expect(everything(job)).not.toContain('wrong-password-123');
    expect(job.main.stdout).not.toContain('docker buildx build');
    const m = await registryGet(env.registryAuth, `${repo}/manifests/wrong-pw`, {
      user: env.registryUser,
      password: env.registryPassword,
    });
    expect(m.status).toBe(404);
    expect(existsSync(job.main.state.dockerConfig)).toBe(false);
  });

  it('a registry that stays down: three attempts, then one clear error', async () => {
    await setup();
    // Every connection is reset before a byte is read: BuildKit's own retries fail, then the action's.
    const proxy = await startFaultProxy({ target: env.registryOpen, refuseConnections: Infinity });
    try {
      const job = await runAction(
        publishRun({
          inputs: {
            images: `${proxy.host}/${repo}-down`,
            registry: '',
            username: '',
            password: '',
            tags: 'type=raw,value=down',
            platforms: 'linux/amd64',
          },
        }),
      );
      expect(job.main.code).toBe(1);
      const unreachable = 'failed: The registry could not be reached \\(connection reset by peer\\)\\. Retrying';
      expect(job.main.stdout).toMatch(new RegExp(`::warning::Attempt 1 of 3 ${unreachable}`));
      expect(job.main.stdout).toMatch(new RegExp(`::warning::Attempt 2 of 3 ${unreachable}`));
      const errors = job.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /The registry could not be reached \(connection reset by peer\) \(after 3 attempts\)\./,
      );
      expect(proxy.refusedConnections).toBeGreaterThan(0);
      expect(proxy.requests).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('a registry that fails transiently: the push is retried and succeeds', async () => {
    await setup();
    // An outage counted in requests, not seconds: the next 5 manifest PUTs get 503. BuildKit 0.13 sends a
    // manifest 4 times before it gives up (retrying after 1, 2 and 4 s), so the first build attempt fails with the 4th
    // refusal and the action retries; the 5th refusal lands in the second attempt, whose BuildKit retry succeeds.
    // Any BuildKit that tries 3 to 5 times per manifest gives the same story: one failed attempt, then success.
    const proxy = await startFaultProxy({
      target: env.registryOpen,
      rules: [{ name: 'outage', match: { method: 'PUT', kind: 'manifest' }, fault: { status: 503 }, times: 5 }],
    });
    try {
      const job = await runAction(
        publishRun({
          inputs: {
            images: `${proxy.host}/${repo}-flaky`,
            registry: '',
            username: '',
            password: '',
            tags: 'type=raw,value=flaky',
            platforms: 'linux/amd64',
          },
        }),
      );
      expect(job.main.code, visible(job.main.stdout)).toBe(0);
      expect(proxy.hits('outage')).toBe(5);
      expect(job.main.stdout).toMatch(/::warning::Attempt 1 of 3 failed: The registry failed with HTTP 503\. Retrying/);
      expect(job.main.stdout).not.toMatch(/Attempt 2 of 3 failed/);
      const m = await registryGet(env.registryOpen, `${repo}-flaky/manifests/flaky`);
      expect(m.status).toBe(200);
      expect(m.digest).toBe(job.main.outputs.digest);
    } finally {
      await proxy.close();
    }
  });

  it('verification fails clearly when a tag does not resolve to the digest or lacks a platform', async () => {
    await setup();
    const logins = [
      {
        registry: env.registryAuth,
        username: env.registryUser,
        password: env.registryPassword,
        source: 'password' as const,
      },
    ];
    const tag = `${env.registryAuth}/${repo}:master`;
    const wrong = `sha256:${'0'.repeat(64)}`;
    await expect(verifyPush([tag], wrong, ['linux/amd64', 'linux/arm64'], logins)).rejects.toThrow(
      new RegExp(
        `${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} resolves to sha256:[0-9a-f]{64}, not the pushed ${wrong}`,
      ),
    );
    const { digest } = await registryGet(env.registryAuth, `${repo}/manifests/master`, {
      user: env.registryUser,
      password: env.registryPassword,
    });
    await expect(verifyPush([tag], digest, ['linux/amd64', 'linux/riscv64'], logins)).rejects.toThrow(
      /lacks platform\(s\) linux\/riscv64/,
    );
    await expect(verifyPush([tag], digest, ['linux/amd64', 'linux/arm64'], logins)).resolves.toMatchObject({
      platforms: expect.arrayContaining(['linux/amd64', 'linux/arm64']),
    });
  });

  it('a Dockerfile that fails: the build error, no retry', async () => {
    await setup();
    const job = await runAction(
      publishRun({
        inputs: { context: 'test/fixtures/contexts/failing', tags: 'type=raw,value=failing', platforms: 'linux/amd64' },
      }),
    );
    expect(job.main.code).toBe(1);
    expect(job.main.stdout).not.toMatch(/Attempt 1 of 3 failed/);
    const errors = job.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    // the cause first, then what to do, then buildx's own line
    expect(errors[0]).toContain('A build step failed: `/bin/sh -c echo "about to fail" && exit 3` exited with code 3.');
    expect(errors[0]).toMatch(/did not complete successfully/);
    expect(job.main.summary).toMatch(/fail/i);
    expect(existsSync(job.main.state.dockerConfig)).toBe(false);
  });

  it('a fork pull request: builds, but no login and no push, with a notice', async () => {
    await setup();
    const job = await runAction(
      publishRun({
        eventName: 'pull_request',
        ref: 'refs/pull/42/merge',
        event: event('pull-request-fork'),
        inputs: { tags: 'type=ref,event=pr', platforms: 'linux/amd64' },
      }),
    );
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toMatch(/::notice::Build only: pull request #42 comes from the fork/);
    expect(job.main.stdout).not.toContain('Logging in');
    expect(job.main.stdout).not.toContain('--push');
    expect(job.main.outputs.digest).toBe('');
    const m = await registryGet(env.registryAuth, `${repo}/manifests/pr-42`, {
      user: env.registryUser,
      password: env.registryPassword,
    });
    expect(m.status).toBe(404);
  });
});
