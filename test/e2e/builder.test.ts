// The builder on real engines. Through the bundled action: a second dockerd on its own socket with the classic image
// store (no containerd snapshotter), where a single-platform push keeps its default builder and a two-platform
// build needs a docker-container builder, created and removed by the post step. Directly through the builder
// modules (the setup-buildx inputs are not wired into the bundle's flow yet): the fast probes (buildx's store, the
// Engine API, binfmt_misc, the plugin binary) against the CLI on the main engine, the fallbacks (DOCKER_HOST at the
// second engine, a Docker context, plain tcp), and a remote builder whose endpoint does not answer.
// (A docker-container builder's BuildKit image cannot be pulled here, so its boot fails: the tests point it at a
// local image that does not exist, so nothing is fetched from outside.)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { event } from '../fixtures/events.js';
import { everything, runAction, visible } from './helpers/action.js';
import { registryGet, sh } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';
import { startClassicEngine, type ClassicEngine } from './helpers/classic-engine.js';
import { createDockerConfig } from '../../src/docker/config.js';
import { setBaseEnvironment } from '../../src/exec.js';
import { removeBuilder, setUpBuilder, type BuilderFacts } from '../../src/docker/builder.js';
import { parseBuildxVersion, parseEngineInfo, parseInspect } from '../../src/docker/builder-facts.js';
import { buildxVersion } from '../../src/docker/buildx-plugin.js';
import { engineEndpoint, engineFactsFromApi } from '../../src/docker/engine-api.js';
import { readBuilderInputs } from '../../src/inputs/builder.js';
import { planBuilder } from '../../src/plan/builder.js';
import { stdout } from '../../src/runner.js';

let env: TestEnv;
let engine: ClassicEngine | undefined;
let host = '';
const nonce = randomBytes(6).toString('hex');

async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  if (!engine) {
    engine = await startClassicEngine(env.docker);
    host = engine.host;
  }
}

afterAll(async () => {
  proxy?.close();
  await engine?.stop();
});

const run = (inputs: Record<string, string>) =>
  runAction({
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    inputs: {
      context: 'test/fixtures/contexts/multiarch',
      network: 'host',
      'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
      tags: 'type=raw,value=classic',
      ...inputs,
    },
    env: { DOCKER_HOST: host },
  });

describe('builder selection on an engine without the containerd image store', () => {
  it('a single-platform push uses the default docker builder', async () => {
    await setup();
    const job = await run({ images: `${env.registryOpen}/classic/single-${nonce}`, platforms: 'linux/amd64' });
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    // the buildx version is in the line only when its probe has answered by then: the build never waits for it
    expect(job.main.stdout).toMatch(/Builder default \(driver docker\): (buildx [^,\n]+, )?BuildKit of Docker Engine /);
    expect(job.main.stdout).not.toContain('Creating a docker-container builder');
    const m = await registryGet(env.registryOpen, `classic/single-${nonce}/manifests/classic`);
    expect(m.digest).toBe(job.main.outputs.digest);
  });

  it('a two-platform build creates a docker-container builder, and the post step removes it', async () => {
    await setup();
    const job = await run({
      images: `${env.registryOpen}/classic/multi-${nonce}`,
      platforms: 'linux/amd64,linux/arm64',
      'driver-opts': `image=${env.registryOpen}/test/no-such-buildkit:latest`,
    });
    expect(job.main.stdout).toContain(
      'Creating a docker-container builder: the docker driver without the containerd image store cannot build several platforms',
    );
    // BuildKit's image is not available here: the builder cannot start, and the step says which step failed
    expect(job.main.code).toBe(1);
    const errors = job.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    // the name comes from the plan (run id and more); the state names it for the post step
    const created = job.main.state.createdBuilder;
    expect(created).toMatch(/^publish-image-1234567890\S*$/);
    expect(errors[0]).toContain(`Booting the builder ${created} (driver docker-container) failed`);
    expect(job.post?.stdout).toContain(`Removed builder ${created}`);
    const containers = await sh(env.docker, ['--host', host, 'ps', '-a', '--format', '{{.Names}}']);
    expect(containers.stdout).not.toContain(created);
    const builders = await sh(env.docker, ['--host', host, 'buildx', 'ls']);
    expect(builders.stdout).not.toContain(created);
  });
});

// --- the builder modules, called directly ---

let proxy: Server | undefined;
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A run's DOCKER_CONFIG over a fresh user config, so builders created here never touch ~/.docker. */
async function runConfig(prepareUser?: (dir: string) => Promise<void>) {
  const work = mkdtempSync('/tmp/pi-builder-run-');
  scratch.push(work);
  const user = join(work, 'user-docker');
  mkdirSync(user);
  await prepareUser?.(user);
  return { work, dockerConfig: createDockerConfig(work, user) };
}

/** What the action prints while fn runs (log.info, warnings …), and fn's result or error. */
async function captured<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: Error; printed: string }> {
  let printed = '';
  const write = stdout.write;
  stdout.write = (t: string) => {
    printed += t;
  };
  try {
    return { value: await fn(), printed };
  } catch (e) {
    return { error: e as Error, printed };
  } finally {
    stdout.write = write;
  }
}

/** The environment the action hands its child processes (src/index.ts does so from process.env). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  setBaseEnvironment({ ...process.env, ...vars });
  try {
    return await fn();
  } finally {
    setBaseEnvironment({ ...process.env });
  }
}
setBaseEnvironment({ ...process.env });

async function builderFor(
  run: { work: string; dockerConfig: string },
  inputs: Record<string, string>,
  platforms: string[],
  dockerEnv: Record<string, string>,
  tlsEnv: Record<string, string> = {},
  needs: { cacheV2?: boolean } = {},
) {
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const plan = planBuilder(await readBuilderInputs({ ...inputEnv, ...tlsEnv }), {
    workDir: run.work,
    createName: `pi-builder-${nonce}-${randomBytes(2).toString('hex')}`,
    platforms,
    needs: { multiPlatform: platforms.length > 1, cacheExport: false, ...needs },
  });
  const states: string[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  const result = await withEnv(dockerEnv, () =>
    captured(() =>
      setUpBuilder(plan, {
        dockerConfig: run.dockerConfig,
        env: { ...process.env, ...dockerEnv },
        onCleanup: (s) => states.push(s),
        warnings,
        notices,
      }),
    ),
  );
  return { plan, ...result, states, warnings, notices };
}

/** The CLI's view of the engine: `docker info` (the JSON /info answers), its platform checked against `docker version`. */
async function cliEngineFacts(dockerEnv: Record<string, string> = {}) {
  const [info, version] = await Promise.all([
    sh(env.docker, ['info', '--format', '{{json .}}'], { env: dockerEnv }),
    sh(env.docker, ['version', '--format', '{{json .Server}}'], { env: dockerEnv }),
  ]);
  expect(info.code, info.stderr).toBe(0);
  expect(version.code, version.stderr).toBe(0);
  const facts = parseEngineInfo(JSON.parse(info.stdout));
  const server = JSON.parse(version.stdout) as { Os: string; Arch: string; Version: string };
  expect([facts.platform, facts.version]).toEqual([`${server.Os}/${server.Arch}`, server.Version]);
  return facts;
}

/** os/arch of each platform (micro-architecture levels aside; arm keeps its variant). */
const archs = (platforms: string[]) =>
  [...new Set(platforms.map((p) => (p.startsWith('linux/arm/') ? p : p.split('/').slice(0, 2).join('/'))))].sort();

describe('fast probes on the main engine', () => {
  it('give the same facts as the CLI: engine, buildx version, the current builder and its platforms', async () => {
    env = await requireTestEnv();
    const run = await runConfig();
    const endpoint = engineEndpoint({});
    expect(endpoint.kind).toBe('unix');
    const [api, cli] = await Promise.all([
      engineFactsFromApi(endpoint as Extract<typeof endpoint, { kind: 'unix' }>),
      cliEngineFacts(),
    ]);
    expect(api).toEqual(cli);

    const plugin = await buildxVersion(run.dockerConfig);
    const cliVersion = await sh(env.docker, ['buildx', 'version']);
    expect(plugin.version).toBe(parseBuildxVersion(cliVersion.stdout));
    expect(plugin.via).toMatch(/\/docker-buildx$/);

    const fast = await builderFor(run, {}, [], {});
    expect(fast.error).toBeUndefined();
    const inspected = parseInspect((await sh(env.docker, ['buildx', 'inspect', '--bootstrap', 'default'])).stdout);
    const f = fast.value as BuilderFacts;
    expect(f.source).toBe('engine-api');
    expect({ name: f.name, driver: f.driver, containerdStore: f.containerdStore }).toEqual({
      name: inspected.name,
      driver: inspected.driver,
      containerdStore: cli.containerdStore,
    });
    // BuildKit also lists amd64 levels (it runs CPUID); the architectures are the same
    expect(archs(f.platforms)).toEqual(archs(inspected.platforms));
    expect(f.platforms.every((p) => inspected.platforms.includes(p))).toBe(true);

    // and the same builder read the slow way (no environment: every question to the CLI and BuildKit)
    const slowPlan = planBuilder(await readBuilderInputs({}), {
      workDir: run.work,
      createName: 'unused',
      platforms: [],
      needs: { multiPlatform: true, cacheExport: true },
    });
    const slow = await captured(() =>
      setUpBuilder(slowPlan, { dockerConfig: run.dockerConfig, onCleanup: () => {}, warnings: [], notices: [] }),
    );
    expect(slow.value?.source).toBe('buildkit');
    const pick = (b: BuilderFacts) => ({
      name: b.name,
      driver: b.driver,
      containerdStore: b.containerdStore,
      pushByDigest: b.pushByDigest,
      created: b.created,
      engineVersion: b.engineVersion,
      archs: archs(b.platforms),
    });
    expect(pick(f)).toEqual(pick(slow.value as BuilderFacts));
    // the version is not waited for before the build unless cache v2 depends on it: known if already answered
    expect([plugin.version, 'unknown']).toContain(f.buildxVersion);
    const shown = f.buildxVersion === 'unknown' ? '' : `buildx ${plugin.version}, `;
    expect(fast.printed).toContain(
      `Builder default (driver docker, containerd image store): ${shown}BuildKit of Docker Engine ${cli.version}`,
    );
    const v2 = await builderFor(run, {}, [], {}, {}, { cacheV2: true });
    expect((v2.value as BuilderFacts).buildxVersion).toBe(plugin.version);
  });
});

describe('fallbacks: the same classic engine reached three ways', () => {
  it('DOCKER_HOST at its socket: the Engine API finds the classic store; one platform keeps the default builder', async () => {
    await setup();
    const run = await runConfig();
    const one = await builderFor(run, {}, ['linux/amd64'], { DOCKER_HOST: host });
    expect(one.error).toBeUndefined();
    expect(one.value).toMatchObject({
      name: 'default',
      driver: 'docker',
      containerdStore: false,
      source: 'engine-api',
      created: false,
    });
    expect(one.states).toEqual([]);
    const cli = await cliEngineFacts({ DOCKER_HOST: host });
    expect(one.value?.engineVersion).toBe(cli.version);
  });

  it('a Docker context: the CLI and BuildKit are asked, and decide the same (two platforms: create a builder)', async () => {
    await setup();
    const context = `pi-classic-${nonce}`;
    // the user's context; the run's config links the user's contexts, as the action's does
    const ctx = await runConfig(async (user) => {
      const made = await sh(env.docker, ['context', 'create', context, '--docker', `host=${host}`], {
        env: { DOCKER_CONFIG: user },
      });
      expect(made.code, made.stderr).toBe(0);
    });

    const one = await builderFor(ctx, {}, ['linux/amd64'], { DOCKER_CONTEXT: context });
    expect(one.error).toBeUndefined();
    expect(one.value).toMatchObject({ name: context, driver: 'docker', containerdStore: false, source: 'buildkit' });

    const two = await builderFor(
      ctx,
      { 'driver-opts': `image=${env.registryOpen}/test/no-such-buildkit:${nonce}` },
      ['linux/amd64', 'linux/arm64'],
      { DOCKER_CONTEXT: context },
    );
    expect(two.printed).toContain(
      'Creating a docker-container builder: the docker driver without the containerd image store cannot build several platforms',
    );
    expect(two.error?.message).toMatch(/^Booting the builder pi-builder-\w+-\w+ \(driver docker-container\) failed/);
    const name = two.plan.choice.kind === 'current' ? two.plan.choice.fallback.name : '';
    expect(two.states).toEqual([name]);
    const removed = await withEnv({ DOCKER_CONTEXT: context }, () =>
      captured(() => removeBuilder(two.states[0], ctx.dockerConfig)),
    );
    expect(removed.printed).toBe(`Removed builder ${name}\n`);
    const containers = await sh(env.docker, ['--host', host, 'ps', '-a', '--format', '{{.Names}}']);
    expect(containers.stdout).not.toContain(name);
  });

  it('plain tcp (a byte proxy on 127.0.0.1 in front of its socket): the Engine API over tcp, BuildKit for the builder', async () => {
    await setup();
    const socket = host.replace(/^unix:\/\//, '');
    proxy = createServer((client) => {
      const upstream = connect(socket);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', () => r()));
    const tcp = `tcp://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const endpoint = engineEndpoint({ DOCKER_HOST: tcp });
    expect(endpoint.kind).toBe('tcp');
    const api = await engineFactsFromApi(endpoint as Extract<typeof endpoint, { kind: 'tcp' }>);
    expect(api).toEqual(await cliEngineFacts({ DOCKER_HOST: host }));

    const run = await runConfig();
    const one = await builderFor(run, {}, ['linux/amd64'], { DOCKER_HOST: tcp });
    expect(one.error).toBeUndefined();
    expect(one.value).toMatchObject({ name: 'default', driver: 'docker', containerdStore: false, source: 'buildkit' });
  });
});

describe('a remote builder whose endpoint does not answer', () => {
  it('fails at once with one error naming the endpoint; the post step removes the builder and its TLS files', async () => {
    env = await requireTestEnv();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const endpoint = `tcp://127.0.0.1:${port}`;
    const key = `-----BEGIN PRIVATE KEY-----\nPI${nonce}KEYMATERIAL0000000000\n-----END PRIVATE KEY-----\n`;
    const run = await runConfig();
    const remote = await builderFor(
      run,
      { driver: 'remote', builder: `pi-remote-${nonce}`, endpoint },
      ['linux/amd64'],
      {},
      {
        BUILDER_NODE_0_AUTH_TLS_CACERT: `-----BEGIN CERTIFICATE-----\nPI${nonce}CA\n-----END CERTIFICATE-----\n`,
        BUILDER_NODE_0_AUTH_TLS_CERT: `-----BEGIN CERTIFICATE-----\nPI${nonce}CERT\n-----END CERTIFICATE-----\n`,
        BUILDER_NODE_0_AUTH_TLS_KEY: key,
      },
    );
    const name = `pi-remote-${nonce}`;
    expect(remote.error?.message).toBe(
      `The remote BuildKit endpoint ${endpoint} (ECONNREFUSED) of the builder ${name} does not answer. Check the endpoint input and that buildkitd listens there.`,
    );
    const files = join(run.work, 'buildx');
    expect(remote.states.at(-1)).toBe(JSON.stringify({ filesDir: files, name, remove: ['buildx', 'rm', name] }));
    for (const part of ['cacert', 'cert', 'key']) {
      const file = join(files, `node0-${part}.pem`);
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    }
    expect(readFileSync(join(files, 'node0-key.pem'), 'utf8')).toBe(key);
    const listed = await sh(env.docker, ['buildx', 'ls'], { env: { DOCKER_CONFIG: run.dockerConfig } });
    expect(listed.stdout).toContain(name);
    // the key's body appears nowhere the runner shows or keeps
    for (const text of [remote.printed, remote.error?.message ?? '', ...remote.states, ...remote.warnings]) {
      expect(text).not.toContain(`PI${nonce}KEYMATERIAL`);
    }

    const post = await captured(() => removeBuilder(remote.states.at(-1) as string, run.dockerConfig));
    expect(post.printed).toBe(`Removed builder ${name}\nRemoved ${files}\n`);
    expect(existsSync(files)).toBe(false);
    const after = await sh(env.docker, ['buildx', 'ls'], { env: { DOCKER_CONFIG: run.dockerConfig } });
    expect(after.stdout).not.toContain(name);
  });
});

describe('a remote builder through the action', () => {
  it('driver: remote at a dead endpoint: one error naming it, nothing built, the post step removes builder and files', async () => {
    env = await requireTestEnv();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const endpoint = `tcp://127.0.0.1:${port}`;
    const userConfig = mkdtempSync('/tmp/pi-builder-user-');
    scratch.push(userConfig);
    const keyBody = `PI${nonce}ACTIONKEY000000000000`;
    const job = await runAction({
      eventName: 'push',
      ref: 'refs/heads/master',
      event: event('push-master'),
      inputs: {
        images: `${env.registryOpen}/remote/dead-${nonce}`,
        context: 'test/fixtures/contexts/multiarch',
        network: 'host',
        'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
        tags: 'type=raw,value=remote',
        platforms: 'linux/amd64',
        driver: 'remote',
        endpoint,
      },
      env: {
        DOCKER_CONFIG: userConfig,
        BUILDER_NODE_0_AUTH_TLS_CACERT: `-----BEGIN CERTIFICATE-----\nPI${nonce}CA\n-----END CERTIFICATE-----\n`,
        BUILDER_NODE_0_AUTH_TLS_CERT: `-----BEGIN CERTIFICATE-----\nPI${nonce}CERT\n-----END CERTIFICATE-----\n`,
        BUILDER_NODE_0_AUTH_TLS_KEY: `-----BEGIN PRIVATE KEY-----\n${keyBody}\n-----END PRIVATE KEY-----\n`,
      },
    });
    expect(job.main.code, visible(job.main.stdout)).toBe(1);
    const errors = job.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    const state = JSON.parse(job.main.state.createdBuilder) as { name: string; filesDir: string; remove: string[] };
    expect(state.name).toMatch(/^publish-image-1234567890\S*$/);
    expect(errors[0]).toContain(
      `The remote BuildKit endpoint ${endpoint} (ECONNREFUSED) of the builder ${state.name} does not answer. Check the endpoint input and that buildkitd listens there.`,
    );
    expect(job.main.stdout).not.toContain('buildx build');
    expect(job.post?.stdout).toContain(`Removed builder ${state.name}`);
    expect(job.post?.stdout).toContain(`Removed ${state.filesDir}`);
    expect(existsSync(state.filesDir)).toBe(false);
    const listed = await sh(env.docker, ['buildx', 'ls'], { env: { DOCKER_CONFIG: userConfig } });
    expect(listed.stdout).not.toContain(state.name);
    expect(everything(job)).not.toContain(keyBody);
  });
});
