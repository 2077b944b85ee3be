// The whole-run benchmark: what the user waits for in a warm two-platform publish, against the bare commands doing
// the same work. Needs the test environment (bash scripts/test-env.sh).
//
//   action: the bundled action's main and post steps, run as test/e2e/helpers/action.ts runs them (two Node 24
//           processes with the runner's env, state, output and summary files), publishing
//           test/fixtures/contexts/multiarch for linux/amd64 + linux/arm64 under 3 tags to the htpasswd registry, with
//           the GitHub cache (v1 double on 127.0.0.1).
//   bare:   docker login --password-stdin + docker buildx build --push with the same platforms, build args, 3 tags
//           and cache flags (--cache-from/--cache-to type=gha with a scope of its own, as the action plans one) and
//           --provenance false (as the action passes; BuildKit's provenance would add work only the bare does)
//           + docker logout, in a throwaway DOCKER_CONFIG.
//   bare, same image: the same commands with the action's labels and annotations (from its own outputs), `created`
//           being the time of each run as in the action (metadata-action's meaning): the image, its manifests and
//           index are new on every run, as the action's are, where the plain bare run pushes the same image again.
// Interleaved rounds, the order alternating, after one warm-up round of each; medians and their ratio (goal ≤ 1.25×).
// The second figure is the action's own time outside any process it starts, from separate traced rounds (a `docker`
// shim and a spawn recorder, scripts/bench-lib.mjs), so the recorders never slow the measured rounds.
//
//   node scripts/bench-publish.mjs          BENCH_PUBLISH_ROUNDS=9 BENCH_TRACED_ROUNDS=3 by default
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGhaCacheDouble } from '../test/doubles/gha-cache.ts';
import { runAction } from '../test/e2e/helpers/action.ts';
import { multiarchPushInputs, requireTestEnv } from '../test/e2e/helpers/env.ts';
import { event } from '../test/fixtures/events.ts';
import { cacheScope } from '../src/plan/cache.ts';
import {
  DIST,
  DOCKER,
  dockerShim,
  interleave,
  machine,
  median,
  readTrace,
  ROOT,
  spawnPreload,
  stepFigures,
  THREE_TAGS,
  timed,
} from './bench-lib.mjs';

const ROUNDS = Number(process.env.BENCH_PUBLISH_ROUNDS ?? 9);
const TRACED = Number(process.env.BENCH_TRACED_ROUNDS ?? 3);
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

/** One job of the action (main + post); milliseconds. Fails loudly unless every tag was pushed and read back. */
export async function actionJob(env, cache, repo, nonce, trace) {
  const t0 = performance.now();
  const job = await runAction({
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    inputs: { ...multiarchPushInputs(env, repo, nonce), tags: THREE_TAGS.rules },
    env: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: cache.token, ...trace?.env },
    nodeArgs: trace?.nodeArgs,
  });
  const t = performance.now() - t0;
  const pushed = job.main.outputs['pushed-tags']?.split('\n') ?? [];
  if (job.main.code !== 0 || !job.post || job.post.code !== 0 || pushed.length !== THREE_TAGS.names.length) {
    throw new Error(`the action's publish failed:\n${job.main.stdout.slice(-3000)}\n${job.post?.stdout ?? ''}`);
  }
  if (!/GitHub cache v1/.test(job.main.summary)) throw new Error('the action planned no GitHub cache');
  return t;
}

/** The labels and annotations the action gives this image (its outputs), for the bare run of the same image. */
async function actionMetadata(env, repo, nonce) {
  const job = await runAction({
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    inputs: { ...multiarchPushInputs(env, repo, nonce), tags: THREE_TAGS.rules, 'dry-run': 'true' },
  });
  const lines = (name) => job.main.outputs[name]?.split('\n').filter(Boolean) ?? [];
  return { labels: lines('labels'), annotations: lines('annotations') };
}

/** Metadata lines with `created` set to now, as the action sets it on every run. */
const createdNow = (lines) =>
  lines.map((l) => l.replace(/(org\.opencontainers\.image\.created=).*/, `$1${new Date().toISOString()}`));

/**
 * The same publish as bare commands; milliseconds. `parts` collects each command's own time; `meta` adds the
 * action's labels and annotations.
 */
async function bareJob(env, cache, repo, nonce, parts, meta) {
  const config = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const image = `${env.registryAuth}/${repo}`;
  const scope = cacheScope(image, PLATFORMS);
  const dockerEnv = {
    ...process.env,
    DOCKER_CONFIG: config,
    ACTIONS_CACHE_URL: cache.url,
    ACTIONS_RUNTIME_TOKEN: cache.token,
  };
  const argv = [
    ['buildx', 'build', '--platform', PLATFORMS.join(','), '--network', 'host'],
    ['--build-arg', `BASE=${env.baseImage}`, '--build-arg', `NONCE=${nonce}`],
    THREE_TAGS.names.flatMap((t) => ['--tag', `${image}:${t}`]),
    ['--cache-from', `type=gha,scope=${scope}`, '--cache-to', `type=gha,mode=max,scope=${scope},ignore-error=true`],
    meta ? createdNow(meta.labels).flatMap((l) => ['--label', l]) : [],
    meta ? createdNow(meta.annotations).flatMap((a) => ['--annotation', a]) : [],
    ['--provenance', 'false', '--push', 'test/fixtures/contexts/multiarch'],
  ].flat();
  const login = await timed(DOCKER, ['login', '--username', env.registryUser, '--password-stdin', env.registryAuth], {
    env: dockerEnv,
    input: env.registryPassword,
  });
  const build = await timed(DOCKER, argv, { env: dockerEnv });
  const logout = await timed(DOCKER, ['logout', env.registryAuth], { env: dockerEnv });
  rmSync(config, { recursive: true, force: true });
  parts?.push({ login, build, logout });
  return login + build + logout;
}

/** A traced job: every process main and post start, and the action's own time outside them (bench-lib.mjs). */
export async function tracedJob(env, cache, repo, nonce, extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-trace-'));
  const log = join(dir, 'trace.log');
  const trace = {
    env: { PATH: `${dockerShim(dir, log)}:${process.env.PATH}`, ...extraEnv },
    nodeArgs: ['--import', spawnPreload(dir, log)],
  };
  await actionJob(env, cache, repo, nonce, trace);
  const { steps, rows } = readTrace(log);
  const [main, post] = stepFigures(steps, rows);
  rmSync(dir, { recursive: true, force: true });
  return { main, post };
}

const f = (ms) => `${Math.round(ms)}`.padStart(6);

/** The test environment, a GitHub cache double and fresh repositories (a nonce) for the action and the bare run. */
export async function publishSetup(prefix = 'bench') {
  const env = await requireTestEnv();
  const cache = await startGhaCacheDouble({ scopes: [{ Scope: 'refs/heads/master', Permission: 3 }] });
  const nonce = randomBytes(4).toString('hex');
  const repos = { action: `${prefix}/publish-${nonce}`, bare: `${prefix}/bare-${nonce}` };
  return { env, cache, nonce, repos };
}

export async function publishBench() {
  const { env, cache, nonce, repos } = await publishSetup();
  try {
    console.log(
      `\nwhole run: warm two-platform publish of test/fixtures/contexts/multiarch, 3 tags, ${env.registryAuth} ` +
        `(htpasswd), GitHub cache (v1 double); bundle ${relative(ROOT, DIST)}`,
    );
    console.log(`  before: ${machine()}`);
    const bareParts = [];
    const meta = await actionMetadata(env, repos.action, nonce);
    const samples = await interleave(
      {
        action: () => actionJob(env, cache, repos.action, nonce),
        bare: () => bareJob(env, cache, repos.bare, nonce, bareParts),
        same: () => bareJob(env, cache, `${repos.bare}-labelled`, nonce, undefined, meta),
      },
      { rounds: ROUNDS, warmup: 1 },
    );
    console.log(`  after:  ${machine()}`);
    const a = median(samples.action);
    const b = median(samples.bare);
    console.log(
      `  action main + post                        ${f(a)} ms   [${samples.action.map(Math.round).join(' ')}]`,
    );
    console.log(`  bare login + build --push + logout        ${f(b)} ms   [${samples.bare.map(Math.round).join(' ')}]`);
    console.log(
      `  ratio                                     ${(a / b).toFixed(2)}x   (goal <= 1.25x; medians of ${ROUNDS} interleaved rounds after 1 warm-up)`,
    );
    const same = median(samples.same);
    console.log(
      `  bare, same image (+ the action's labels and annotations) ${f(same)} ms   ` +
        `[${samples.same.map(Math.round).join(' ')}]   ratio ${(a / same).toFixed(2)}x`,
    );
    const bp = (k) => Math.round(median(bareParts.slice(-ROUNDS).map((p) => p[k])));
    console.log(
      `    bare, each command: login ${bp('login')} ms, build --push ${bp('build')} ms, logout ${bp('logout')} ms`,
    );
    const traced = [];
    for (let i = 0; i < TRACED; i++) traced.push(await tracedJob(env, cache, repos.action, nonce));
    const m = (pick) => median(traced.map(pick)) * 1000;
    const before = m((t) => t.main.beforeBuild);
    const after = m((t) => t.main.afterBuild);
    const post = m((t) => t.post.own);
    console.log(
      `  the action's own time outside any process it starts (median of ${TRACED} traced jobs): ` +
        `main start → buildx ${Math.round(before)} ms + buildx exit → done ${Math.round(after)} ms + post ${Math.round(post)} ms ` +
        `= ${Math.round(before + after + post)} ms (goal <= 250 ms)`,
    );
    // each kind of process the steps started (its first two words), with its median wall time
    const rows = (t) => [...t.main.rows, ...t.post.rows];
    const kind = (call) => call.split(' ').slice(0, 2).join(' ');
    const kinds = [...new Set(traced.flatMap((t) => rows(t).map((r) => kind(r.call))))];
    const wall = (k) => (t) => rows(t).reduce((sum, r) => sum + (kind(r.call) === k ? r.end - r.start : 0), 0);
    console.log(
      `    the action's processes: ${kinds.map((k) => `${k} ${Math.round(m(wall(k)))} ms`).join(', ')}; ` +
        `${m((t) => rows(t).length) / 1000} in all`,
    );
    return { action: a, bare: b, ratio: a / b, sameImageRatio: a / same, own: before + after + post };
  } finally {
    await cache.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  publishBench().catch((e) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
  });
}
