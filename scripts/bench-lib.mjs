// Shared by the benchmarks: paths, medians, and a runner-like environment for dist/index.js.
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputEnvName } from '../src/runner.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
/** The bundle measured; PUBLISH_IMAGE_DIST points at another build (as in the e2e tests). */
export const DIST = process.env.PUBLISH_IMAGE_DIST ?? join(ROOT, 'dist/index.js');
export const RUNS = Number(process.env.BENCH_RUNS ?? 31);

export const median = (xs) => {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return s[Math.floor(s.length / 2)];
};
export const ms = (ns) => Number(ns) / 1e6;

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
