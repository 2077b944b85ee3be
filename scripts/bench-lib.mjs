// Shared by the benchmarks and the process audit (scripts/bench*.mjs, scripts/trace-docker.mjs): the bundle under
// measurement, medians, interleaved rounds, the machine's load, a runner-like environment for a dry-run, the bare
// commands a user would run instead, and the recorders that time every process a step starts.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { inputEnvName } from '../src/runner.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
/** The bundle measured; PUBLISH_IMAGE_DIST points at another build (as in the e2e tests). */
export const DIST = process.env.PUBLISH_IMAGE_DIST ?? join(ROOT, 'dist/index.js');
export const RUNS = Number(process.env.BENCH_RUNS ?? 31);
/**
 * The bare commands run the docker the action runs: the first on PATH (here /usr/local/bin/docker, the CLI 28, before
 * the test environment's /usr/bin/docker 26), so both sides pay for the same CLI.
 */
export const DOCKER = 'docker';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return s[Math.floor(s.length / 2)];
};
export const ms = (ns) => Number(ns) / 1e6;
/** Milliseconds since an arbitrary origin, comparable across processes (the recorders log the same clock). */
export const nowMs = () => performance.timeOrigin + performance.now();

/** What the figures depend on besides the code: cores, load, Node. Printed with every benchmark. */
export function machine() {
  const [l1, l5, l15] = loadavg().map((l) => l.toFixed(2));
  return `${cpus().length} cores, load ${l1} ${l5} ${l15}, Node ${process.versions.node}`;
}

/**
 * Runs `rounds` rounds of every contender, interleaved, the order alternating each round (ABBA…) so a drift in
 * the machine's load falls on all of them alike; `warmup` rounds first, not counted. Each contender is an async
 * function returning milliseconds. Returns every sample per contender.
 */
export async function interleave(contenders, { rounds, warmup = 1, onRound } = {}) {
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    const round = {};
    for (const n of order) round[n] = await contenders[n]();
    if (r >= warmup) {
      for (const n of names) samples[n].push(round[n]);
      onRound?.(r - warmup + 1, round);
    }
  }
  return samples;
}

export function timeOnce(args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(NODE, args, { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const t = process.hrtime.bigint() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

export function runnerEnv(dir, inputs, extra = {}) {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  copyFileSync(join(ROOT, 'test/fixtures/events/push-master.json'), join(dir, 'event.json'));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REF: 'refs/heads/master',
    GITHUB_SHA: '860c1904a1ce19322e91ac35af1ab07466440c37',
    GITHUB_REPOSITORY: 'octo-org/publish-image',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: dir,
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v])),
    ...extra,
  };
}

/** The tags `type=ref,event=branch`, `type=sha` and `type=raw,value=latest` give a push to master. */
export const THREE_TAGS = {
  rules: 'type=ref,event=branch\ntype=sha\ntype=raw,value=latest',
  names: ['master', 'sha-860c190', 'latest'],
};

/**
 * Runs a command as a runner step would see it run (output captured, nothing on a terminal) and resolves with its
 * wall time in milliseconds; a non-zero exit rejects with the command's tail.
 */
export function timed(command, args, { env = process.env, input, cwd = ROOT } = {}) {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const t = performance.now() - t0;
      if (code === 0) resolvePromise(t);
      else reject(new Error(`${command} ${args.slice(0, 3).join(' ')} exited ${code}:\n${out.slice(-2000)}`));
    });
    // a child that exits without reading its stdin closes the pipe (EPIPE): its exit code says what happened
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

// ---- recorders: every process a step starts, with its start and end on one clock ----

/** A `docker` first on PATH that logs start and end around the real one (no extra process: bash builtins only). */
export function dockerShim(dir, log) {
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

/**
 * Loaded with --import into each step: logs the step's start (Node's time origin) and exit, and every process it
 * spawns (argv, start, exit), whatever its path: docker, docker-buildx run directly, git, aws …
 */
export function spawnPreload(dir, log) {
  const file = join(dir, 'trace-spawn.mjs');
  writeFileSync(
    file,
    `import cp from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const log = ${JSON.stringify(log)};
const now = () => ((performance.timeOrigin + performance.now()) / 1000).toFixed(6);
appendFileSync(log, 'step start ' + (performance.timeOrigin / 1000).toFixed(6) + ' ' + process.pid + '\\n');
process.on('exit', () => appendFileSync(log, 'step end ' + now() + ' ' + process.pid + '\\n'));
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

/**
 * A recorder log → the steps (in order, each {start, end} in seconds) and one row per process: docker from the
 * shim (its own start and end), everything else from the preload.
 */
export function readTrace(log) {
  const open = new Map();
  const rows = [];
  const steps = [];
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const [source, kind, t, pid, ...rest] = line.split(' ');
    const key = `${source}:${pid}`;
    if (source === 'step') {
      if (kind === 'start') steps.push({ pid, start: Number(t) });
      else {
        const s = steps.find((x) => x.pid === pid);
        if (s) s.end = Number(t);
      }
    } else if (kind === 'start') open.set(key, { source, start: Number(t), call: rest.join(' ') });
    else if (open.has(key)) {
      rows.push({ ...open.get(key), end: Number(t), code: rest[0] });
      open.delete(key);
    }
  }
  const docker = (r) => /(^|\/)docker$/.test(r.call.split(' ')[0]);
  return {
    steps,
    rows: rows
      .filter((r) => r.source === 'shim' || !docker(r))
      .map((r) => ({ ...r, call: r.source === 'shim' ? r.call : r.call.replace(/^\S*\//, '') }))
      .sort((a, b) => a.start - b.start),
  };
}

/** Seconds of [start, end) covered by at least one of the spans (overlapping processes count once). */
export function covered(spans, start, end) {
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

/** A traced job's main and post: wall, time inside processes, and the action's own time before and after buildx. */
export function stepFigures(steps, rows) {
  return steps.map((s, i) => {
    const mine = rows.filter((r) => r.start >= s.start && r.start < s.end);
    // through the CLI (`docker buildx build`, the shim's row) or the plugin run directly (`docker-buildx build`)
    const build = mine.find((r) => /^docker(-| )buildx build /.test(r.call));
    const inside = covered(mine, s.start, s.end);
    return {
      name: i === 0 ? 'main' : 'post',
      start: s.start,
      wall: s.end - s.start,
      inside,
      own: s.end - s.start - inside,
      build: build ? build.end - build.start : 0,
      beforeBuild: build ? build.start - s.start - covered(mine, s.start, build.start) : 0,
      afterBuild: build ? s.end - build.end - covered(mine, build.end, s.end) : 0,
      rows: mine,
    };
  });
}
