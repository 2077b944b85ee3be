// The GitHub cache benchmark (npm run bench -- --cache; needs bash scripts/test-env.sh): an image shaped like the
// example model (a slow dependency layer, then the code; test/fixtures/contexts/model-like) published by the
// bundled action cold, exporting its layers to the GitHub cache (v1 double on 127.0.0.1), then published again on a
// fresh engine — a second dockerd with an empty build cache, as a new runner has — importing them from the GitHub
// cache. The shared engine's build cache is never pruned (other work on this machine relies on it): the cold build
// misses it through a new NONCE build arg, and the warm build runs where it never existed.
// The fresh engine has the containerd image store, as the shared one (the classic store's BuildKit knows no `gha`
// cache importer, so test/e2e/helpers/classic-engine.ts cannot serve), a native snapshotter in a temporary data
// root, no bridge and no iptables. The cache inputs are given explicitly, one scope for both runs.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGhaCacheDouble } from '../test/doubles/gha-cache.ts';
import { runAction } from '../test/e2e/helpers/action.ts';
import { requireTestEnv } from '../test/e2e/helpers/env.ts';
import { event } from '../test/fixtures/events.ts';
import { machine, timed } from './bench-lib.mjs';

/** A second dockerd with an empty build cache, on its own socket and data root; `stop` removes every trace. */
async function freshEngine(docker) {
  const dir = mkdtempSync('/tmp/bench-dockerd-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(
    join(dir, 'daemon.json'),
    JSON.stringify({ features: { 'containerd-snapshotter': true }, bridge: 'none', iptables: false, 'ip-masq': false }),
  );
  const host = `unix://${dir}/docker.sock`;
  const namespace = `bench-fresh-${dir.slice(-6).toLowerCase()}`;
  const dockerd = spawn(
    '/usr/sbin/dockerd',
    [
      ...['--config-file', join(dir, 'daemon.json'), '--data-root', join(dir, 'data'), '--storage-driver', 'native'],
      ...['--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'docker.pid'), '--host', host],
      ...['--containerd-namespace', namespace, '--containerd-plugins-namespace', `${namespace}-plugins`],
    ],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    if (dockerd.exitCode === null) {
      const exited = new Promise((r) => dockerd.once('exit', r));
      dockerd.kill('SIGTERM');
      await exited;
    }
    // dockerd leaves its network namespace mounted; unmount it so the directory can go
    await timed('umount', [join(dir, 'exec/netns/default')]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (
      await timed(docker, ['--host', host, 'info'], {}).then(
        () => true,
        () => false,
      )
    )
      return { host, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the fresh dockerd did not start (${host})`);
}

async function publish(env, cache, inputs, extraEnv) {
  const t0 = performance.now();
  const job = await runAction({
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    inputs,
    env: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: cache.token, ...extraEnv },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (job.main.code !== 0) throw new Error(`the publish failed:\n${job.main.stdout.slice(-3000)}`);
  return { seconds, cached: (job.main.stdout.match(/^#\d+ CACHED/gm) ?? []).length };
}

export async function cacheBench() {
  const env = await requireTestEnv();
  const cache = await startGhaCacheDouble({ scopes: [{ Scope: 'refs/heads/master', Permission: 3 }] });
  const nonce = randomBytes(6).toString('hex');
  const scope = `bench-model-${nonce}`;
  const inputs = {
    images: `${env.registryAuth}/bench/model-${nonce}`,
    registry: env.registryAuth,
    username: env.registryUser,
    password: env.registryPassword,
    context: 'test/fixtures/contexts/model-like',
    network: 'host',
    'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
    tags: 'type=sha',
    'cache-from': `type=gha,scope=${scope}`,
  };
  const home = mkdtempSync(join(tmpdir(), 'bench-cache-home-'));
  let engine;
  try {
    console.log('\nrebuild from the GitHub cache on a fresh engine (model-shaped image, one platform):');
    console.log(`  before: ${machine()}`);
    const cold = await publish(env, cache, {
      ...inputs,
      'cache-to': `type=gha,mode=max,scope=${scope},ignore-error=true`,
    });
    engine = await freshEngine(env.docker);
    const downloads = cache.stats.downloads;
    const warm = await publish(env, cache, inputs, { DOCKER_HOST: engine.host, HOME: home });
    console.log(`  after:  ${machine()}`);
    console.log(
      `  cold ${cold.seconds.toFixed(2)} s (shared engine); warm ${warm.seconds.toFixed(2)} s (fresh engine: ` +
        `${warm.cached} steps CACHED, ${cache.stats.downloads - downloads} cache downloads)`,
    );
    console.log(`  warm/cold ratio ${(warm.seconds / cold.seconds).toFixed(2)}   (goal <= 0.25)`);
    return warm.seconds / cold.seconds;
  } finally {
    await engine?.stop();
    rmSync(home, { recursive: true, force: true });
    await cache.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cacheBench().catch((e) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
  });
}
