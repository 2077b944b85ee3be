// Where a warm publish spends its time, process by process: runs the bundled action (main, then post) for a
// two-platform push of test/fixtures/contexts/multiarch to the test environment's auth registry with 3 tags, and
// prints every process it started with its start, wall time and overlap with the others.
//
//   node scripts/trace-docker.mjs                      # dist/index.js (PUBLISH_IMAGE_DIST=… for another bundle)
//   TRACE_RUNS=5 node scripts/trace-docker.mjs         # 5 traced runs: the table of the median one + medians
//
// Each traced job is followed by the bare equivalent (docker login, docker buildx build --push of the same tags,
// platforms and build args, docker logout, in a throwaway DOCKER_CONFIG), and the medians give the ratio the
// project aims at (a warm publish within 1.25× of the bare commands).
//
// Two recorders, so nothing escapes: a `docker` shim first on PATH (bash; logs each docker process with
// $EPOCHREALTIME, whoever starts it), and a preload in the action's Node process that wraps child_process.spawn
// (every process the action starts, whatever its path: docker, docker-buildx run directly, aws …). A docker row
// is the shim's (its own start and end); other rows are the preload's. Needs `bash scripts/test-env.sh`.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseFileCommands } from '../test/e2e/helpers/action.ts';
import { DIST, median, NODE, ROOT, runnerEnv } from './bench-lib.mjs';

const RUNS = Number(process.env.TRACE_RUNS ?? 1);
const ENV_FILE = process.env.PUBLISH_IMAGE_TEST_ENV_FILE ?? '/tmp/publish-image-test-env/env';

function testEnv() {
  const text = readFileSync(ENV_FILE, 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => /^([A-Z0-9_]+)=(.*)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
}

/** A `docker` first on PATH that logs start and end around the real one (no extra process: bash builtins only). */
function dockerShim(dir, log) {
  const real = spawnSync('bash', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim();
  if (!real) throw new Error('no docker on PATH');
  const bin = join(dir, 'shim');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'docker'),
    [
      '#!/bin/bash',
      `printf 'shim start %s %s %s\\n' "$EPOCHREALTIME" "$$" "docker $*" >> ${JSON.stringify(log)}`,
      `${JSON.stringify(real)} "$@"`,
      'rc=$?',
      `printf 'shim end %s %s %s\\n' "$EPOCHREALTIME" "$$" "$rc" >> ${JSON.stringify(log)}`,
      'exit $rc',
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'docker'), 0o755);
  return bin;
}

/** Loaded with --import into the action: records every spawn (argv, start, exit) in the same log. */
function spawnPreload(dir, log) {
  const file = join(dir, 'trace-spawn.mjs');
  writeFileSync(
    file,
    `import cp from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const log = ${JSON.stringify(log)};
const now = () => ((performance.timeOrigin + performance.now()) / 1000).toFixed(6);
const spawn = cp.spawn;
cp.spawn = function (command, args, options) {
  const started = now();
  const child = spawn.apply(this, arguments);
  const argv = [command, ...(Array.isArray(args) ? args : [])].join(' ').replace(/\\n/g, ' ');
  appendFileSync(log, 'spawn start ' + started + ' ' + child.pid + ' ' + argv + '\\n');
  child.once('exit', (code) => appendFileSync(log, 'spawn end ' + now() + ' ' + child.pid + ' ' + code + '\\n'));
  return child;
};
syncBuiltinESMExports();
`,
  );
  return file;
}

function runStep(env, preload) {
  return new Promise((resolve, reject) => {
    const t0 = (performance.timeOrigin + performance.now()) / 1000;
    const child = spawn(NODE, ['--import', preload, DIST], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const t1 = (performance.timeOrigin + performance.now()) / 1000;
      if (code !== 0) reject(new Error(`the action exited ${code}:\n${out.slice(-3000)}`));
      else resolve({ t0, t1, out });
    });
  });
}

function inputsFor(e, nonce, repo) {
  return {
    images: `${e.REGISTRY_AUTH}/${repo}`,
    registry: e.REGISTRY_AUTH,
    username: e.REGISTRY_USER,
    password: readFileSync(e.REGISTRY_PASSWORD_FILE, 'utf8').trim(),
    context: join(ROOT, 'test/fixtures/contexts/multiarch'),
    platforms: 'linux/amd64,linux/arm64',
    network: 'host',
    'build-args': `BASE=${e.BASE_IMAGE}\nNONCE=${nonce}`,
    tags: 'type=ref,event=branch\ntype=sha\ntype=raw,value=latest',
    summary: 'true',
    logout: 'true',
  };
}

/** The same publish as bare commands: login, build --push with the action's tags, logout. Seconds. */
function bare(e, nonce, repo) {
  const config = mkdtempSync(join(tmpdir(), 'trace-bare-'));
  const inputs = inputsFor(e, nonce, repo);
  const image = inputs.images;
  const tags = ['master', 'sha-860c190', 'latest'].flatMap((t) => ['--tag', `${image}:${t}`]);
  const docker = (args, input) => {
    const r = spawnSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: config }, input, stdio: 'pipe' });
    if (r.status !== 0) throw new Error(`docker ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  };
  const t0 = performance.now();
  docker(['login', '--username', inputs.username, '--password-stdin', inputs.registry], inputs.password);
  docker([
    'buildx',
    'build',
    '--platform',
    inputs.platforms,
    '--network',
    'host',
    '--build-arg',
    `BASE=${e.BASE_IMAGE}`,
    '--build-arg',
    `NONCE=${nonce}`,
    ...tags,
    '--push',
    inputs.context,
  ]);
  docker(['logout', inputs.registry]);
  const seconds = (performance.now() - t0) / 1000;
  rmSync(config, { recursive: true, force: true });
  return seconds;
}

/** One job: main, then post with the state main saved, each step traced into its own log. */
async function job(e, nonce, repo) {
  const dir = mkdtempSync(join(tmpdir(), 'trace-docker-'));
  const steps = [];
  let state = {};
  for (const name of ['main', 'post']) {
    const stepDir = join(dir, name);
    mkdirSync(stepDir);
    const log = join(stepDir, 'trace.log');
    writeFileSync(log, '');
    const inputs = inputsFor(e, nonce, repo);
    const env = runnerEnv(stepDir, inputs, {
      PATH: `${dockerShim(stepDir, log)}:${process.env.PATH}`,
      ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
    });
    const run = await runStep(env, spawnPreload(stepDir, log));
    if (name === 'main') state = parseFileCommands(readFileSync(join(stepDir, 'state'), 'utf8'));
    steps.push({ name, ...run, rows: rowsOf(log) });
  }
  return steps;
}

/** Log lines → one row per process: docker from the shim, everything else from the preload. */
function rowsOf(log) {
  const open = new Map();
  const rows = [];
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const [source, kind, t, pid, ...rest] = line.split(' ');
    const key = `${source}:${pid}`;
    if (kind === 'start') open.set(key, { source, start: Number(t), call: rest.join(' ') });
    else if (open.has(key)) {
      rows.push({ ...open.get(key), end: Number(t), code: rest[0] });
      open.delete(key);
    }
  }
  const docker = (r) => /(^|\/)docker$/.test(r.call.split(' ')[0]);
  return rows
    .filter((r) => r.source === 'shim' || !docker(r))
    .map((r) => ({ ...r, call: r.source === 'shim' ? r.call : r.call.replace(/^\S*\//, '') }))
    .sort((a, b) => a.start - b.start);
}

/** Seconds of [start, end) covered by at least one of the spans. */
function covered(spans, start, end) {
  const parts = spans
    .map((s) => [Math.max(s.start, start), Math.min(s.end, end)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [a, b] of parts) {
    if (b <= reach) continue;
    total += b - Math.max(a, reach);
    reach = b;
  }
  return total;
}

const msf = (s) => `${Math.round(s * 1000)}`.padStart(6);

function printJob(steps) {
  for (const s of steps) {
    const wall = s.t1 - s.t0;
    const inside = covered(s.rows, s.t0, s.t1);
    console.log(`\n${s.name}: ${Math.round(wall * 1000)} ms wall, ${Math.round(inside * 1000)} ms inside processes`);
    console.log(`${'start'.padStart(6)} ${'wall'.padStart(6)} ${'overlap'.padStart(7)}  call`);
    for (const r of s.rows) {
      const others = s.rows.filter((o) => o !== r);
      const overlap = covered(others, r.start, r.end);
      const call = r.call.length > 110 ? `${r.call.slice(0, 107)}...` : r.call;
      console.log(`${msf(r.start - s.t0)} ${msf(r.end - r.start)} ${msf(overlap).padStart(7)}  ${call}`);
    }
    console.log(`${msf(wall - inside)}        (outside any process: Node start, plan, verify, summary)`);
  }
}

async function main() {
  const e = testEnv();
  const nonce = randomBytes(4).toString('hex');
  const repo = `trace/app-${nonce}`;
  console.log(`bundle ${DIST}; ${RUNS} traced run(s) after one warm-up, ${e.REGISTRY_AUTH}/${repo}, 3 tags`);
  await job(e, nonce, repo); // warm-up: the same build, so the traced runs hit BuildKit's cache
  const jobs = [];
  const bares = [];
  for (let i = 0; i < RUNS; i++) {
    jobs.push(await job(e, nonce, repo));
    bares.push(bare(e, nonce, repo));
  }
  const total = (j) => j.reduce((sum, s) => sum + (s.t1 - s.t0), 0);
  const byTotal = [...jobs].sort((a, b) => total(a) - total(b));
  const mid = byTotal[Math.floor(byTotal.length / 2)];
  printJob(mid);
  const job1 = median(jobs.map(total));
  const bare1 = median(bares);
  console.log(
    `\njob (main + post) ${msf(job1)} ms; bare login + build --push + logout ${msf(bare1)} ms; ratio ${(job1 / bare1).toFixed(2)} (target ≤ 1.25; medians of ${RUNS})`,
  );
  if (RUNS > 1) {
    const main = jobs.map((j) => j[0]);
    const build = main.map((s) => {
      const b = s.rows.find((r) => r.call.startsWith('docker buildx build'));
      return b ? b.end - b.start : 0;
    });
    const before = main.map((s) => {
      const b = s.rows.find((r) => r.call.startsWith('docker buildx build'));
      return b ? b.start - s.t0 : 0;
    });
    console.log(`\nmedians of ${RUNS}: main ${msf(median(main.map((s) => s.t1 - s.t0)))} ms,`);
    console.log(`  start → buildx build spawned ${msf(median(before))} ms, buildx build ${msf(median(build))} ms,`);
    console.log(`  post ${msf(median(jobs.map((j) => j[1].t1 - j[1].t0)))} ms, job ${msf(median(jobs.map(total)))} ms`);
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exitCode = 1;
});
