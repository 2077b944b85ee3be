// The Docker half of `npm run bench` (needs the test environment: bash scripts/test-env.sh).
//  - overhead: the action's own time outside Docker on a real build and push. A `docker` shim on PATH logs when
//    each docker command starts and ends (bash's $EPOCHREALTIME, no extra process); the action's wall time minus
//    the time inside docker commands, split at the `buildx build` call: start → buildx spawned, buildx exit → done.
//  - warm/cold: an image shaped like the example model (slow dependency layer, then code) built cold, then again
//    after `docker buildx prune -af`, served from the GitHub cache (v1 double on 127.0.0.1).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGhaCacheDouble } from '../test/doubles/gha-cache.ts';
import { DIST, median, NODE, ROOT, runnerEnv } from './bench-lib.mjs';

const REPEAT = Number(process.env.BENCH_DOCKER_RUNS ?? 5);

function testEnv() {
  const text = readFileSync('/tmp/publish-image-test-env/env', 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => /^([A-Z0-9_]+)=(.*)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
}

function shim(dir, log) {
  const real = spawnSync('bash', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim();
  const bin = join(dir, 'shim');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'docker'),
    `#!/bin/bash\necho "start $EPOCHREALTIME $$ $1 $2" >> ${log}\n${real} "$@"\nrc=$?\necho "end $EPOCHREALTIME $$" >> ${log}\nexit $rc\n`,
  );
  chmodSync(join(bin, 'docker'), 0o755);
  return bin;
}

function runAction(env) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now() / 1000;
    const child = spawn(NODE, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const t1 = Date.now() / 1000;
      if (code !== 0) reject(new Error(`action exited ${code}:\n${out.slice(-3000)}`));
      else resolve({ t0, t1, out });
    });
  });
}

function dockerIntervals(log) {
  const open = new Map();
  const spans = [];
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const [kind, t, pid, a, b] = line.split(' ');
    if (kind === 'start') open.set(pid, { start: Number(t), what: `${a} ${b ?? ''}`.trim() });
    else spans.push({ ...open.get(pid), end: Number(t) });
  }
  return spans.sort((x, y) => x.start - y.start);
}

function inputsFor(e, context, extra = {}) {
  return {
    images: `${e.REGISTRY_AUTH}/bench/app-${randomBytes(4).toString('hex')}`,
    registry: e.REGISTRY_AUTH,
    username: e.REGISTRY_USER,
    password: readFileSync(e.REGISTRY_PASSWORD_FILE, 'utf8').trim(),
    context,
    network: 'host',
    tags: 'type=ref,event=branch\ntype=sha',
    summary: 'true',
    logout: 'true',
    ...extra,
  };
}

async function overhead(e) {
  const rows = [];
  for (let i = 0; i < REPEAT; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-overhead-'));
    const log = join(dir, 'docker.log');
    writeFileSync(log, '');
    const bin = shim(dir, log);
    const env = runnerEnv(
      dir,
      inputsFor(e, join(ROOT, 'test/fixtures/contexts/multiarch'), {
        'build-args': `BASE=${e.BASE_IMAGE}`,
        platforms: 'linux/amd64,linux/arm64',
      }),
      {
        PATH: `${bin}:${process.env.PATH}`,
      },
    );
    const { t0, t1 } = await runAction(env);
    const spans = dockerIntervals(log);
    const build = spans.find((s) => s.what === 'buildx build');
    // time covered by at least one docker command (the action runs some at once: count overlaps once)
    const inside = (from, to) => {
      let covered = 0;
      let reach = from;
      for (const s of spans.filter((x) => x.start >= from && x.end <= to)) {
        if (s.end > reach) {
          covered += s.end - Math.max(s.start, reach);
          reach = s.end;
        }
      }
      return covered;
    };
    rows.push({
      before: build.start - t0 - inside(t0, build.start),
      after: t1 - build.end - inside(build.end, t1),
      dockerBefore: inside(t0, build.start),
      build: build.end - build.start,
    });
  }
  const m = (k) => median(rows.map((r) => r[k]));
  console.log(`\naction overhead outside Docker, real two-platform build + push, median of ${REPEAT}:`);
  console.log(
    `  start → buildx spawned   ${(m('before') * 1000).toFixed(0)} ms   (+ ${(m('dockerBefore') * 1000).toFixed(0)} ms in docker login/version/inspect/info)`,
  );
  console.log(`  buildx exit → done        ${(m('after') * 1000).toFixed(0)} ms   (verify, outputs, summary)`);
  console.log(`  total                     ${((m('before') + m('after')) * 1000).toFixed(0)} ms   (target <= 250 ms)`);
  console.log(`  buildx build itself       ${(m('build') * 1000).toFixed(0)} ms`);
}

async function warmCold(e) {
  const cache = await startGhaCacheDouble();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cache-'));
    const nonce = randomBytes(6).toString('hex');
    const inputs = inputsFor(e, join(ROOT, 'test/fixtures/contexts/model-like'), {
      'build-args': `BASE=${e.BASE_IMAGE}\nNONCE=${nonce}`,
    });
    const env = () =>
      runnerEnv(mkdtempSync(join(dir, 'run-')), inputs, {
        ACTIONS_CACHE_URL: cache.url,
        ACTIONS_RUNTIME_TOKEN: cache.token,
      });
    const prune = () => spawnSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' });
    prune();
    const cold = await runAction(env());
    prune();
    const warm = await runAction(env());
    const cached = (warm.out.match(/^#\d+ CACHED/gm) ?? []).length;
    const c = cold.t1 - cold.t0;
    const w = warm.t1 - warm.t0;
    console.log('\nrebuild from the GitHub cache (model-shaped image, local build cache cleared in between):');
    console.log(
      `  cold ${c.toFixed(2)} s, warm ${w.toFixed(2)} s (${cached} steps CACHED, ${cache.stats.downloads} cache downloads)`,
    );
    console.log(`  warm/cold ratio ${(w / c).toFixed(2)}   (target <= 0.25)`);
  } finally {
    await cache.close();
  }
}

export async function dockerBench() {
  const e = testEnv();
  await overhead(e);
  await warmCold(e);
}
