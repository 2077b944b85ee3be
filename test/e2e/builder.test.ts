// The builder decision on a real engine that cannot do everything: a second dockerd on its own socket with the
// classic image store (no containerd snapshotter). A single-platform push uses its default builder; a
// two-platform build needs a docker-container builder, which the action creates and the post step removes.
// (The docker-container builder's BuildKit image cannot be pulled here, so that build fails at bootstrap: the
// test points the builder at a local image that does not exist, so nothing is fetched from outside.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { event } from '../fixtures/events.js';
import { runAction, visible } from './helpers/action.js';
import { registryGet, sh } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';

let env: TestEnv;
let dockerd: ChildProcess | undefined;
let host = '';
let stateDir = '';
const nonce = randomBytes(6).toString('hex');

/** A second engine: classic store (vfs), no bridge, no iptables, its own containerd namespace and socket. */
async function startClassicDockerd(): Promise<void> {
  const dir = mkdtempSync('/tmp/pi-dockerd2-');
  stateDir = dir;
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'daemon.json'), '{}');
  host = `unix://${dir}/docker.sock`;
  dockerd = spawn(
    '/usr/sbin/dockerd',
    [
      '--config-file',
      join(dir, 'daemon.json'),
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      join(dir, 'docker.pid'),
      '--host',
      host,
      '--storage-driver',
      'vfs',
      '--bridge',
      'none',
      '--iptables=false',
      '--ip-masq=false',
      '--containerd-namespace',
      'publish-image-classic',
      '--containerd-plugins-namespace',
      'publish-image-classic-plugins',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const info = await sh(env.docker, ['--host', host, 'info', '--format', '{{json .DriverStatus}}']);
    if (info.code === 0) {
      if (info.stdout.includes('io.containerd.snapshotter'))
        throw new Error('the second dockerd uses the containerd store');
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the second dockerd did not start');
}

async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  if (!dockerd) await startClassicDockerd();
}

afterAll(async () => {
  if (!dockerd) return;
  const exited = new Promise((r) => dockerd!.once('exit', r));
  dockerd.kill('SIGTERM');
  await exited;
  // dockerd leaves its network namespace mounted; unmount it so the state directory can go
  await sh('umount', [join(stateDir, 'exec/netns/default')]);
  rmSync(stateDir, { recursive: true, force: true });
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
    expect(job.main.stdout).toMatch(/Builder default \(driver docker\): buildx/);
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
    expect(errors[0]).toMatch(/Inspecting the buildx builder failed/);
    expect(job.main.state.createdBuilder).toBe('publish-image-1234567890');
    expect(job.post?.stdout).toContain('Removed builder publish-image-1234567890');
    const containers = await sh(env.docker, ['--host', host, 'ps', '-a', '--format', '{{.Names}}']);
    expect(containers.stdout).not.toContain('publish-image-1234567890');
    const builders = await sh(env.docker, ['--host', host, 'buildx', 'ls']);
    expect(builders.stdout).not.toContain('publish-image-1234567890');
  });
});
