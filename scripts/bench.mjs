// npm run bench: speed and memory, measured (never asserted in tests). Every part prints the machine's cores and
// load with its figures, runs its contenders interleaved and reports medians.
//  --startup  dry-run start-up: the MLflow rules through the bundle vs bare `node -e 0`, same Node 24 (goal ≤ 1.5×);
//             beside it an empty ES module (the floor of any ESM entry) and Node's compile cache cold and warm.
//  --publish  the whole run: a warm two-platform publish, main + post, vs docker login + buildx build --push +
//             logout (goal ≤ 1.25×), and the action's own time outside Docker (scripts/bench-publish.mjs).
//  --merge    mode: merge (legs collected through the artifact service, index under 3 tags, read back) vs
//             imagetools create + inspect (goal ≤ 1.3×) (scripts/bench-merge.mjs).
//  --cache    a model-shaped image rebuilt from the GitHub cache after clearing the local build cache, warm/cold
//             (goal ≤ 0.25) (scripts/bench-docker.mjs).
// No argument runs them all; --publish, --merge and --cache need the test environment (bash scripts/test-env.sh).
// The bundle is dist/index.js, or PUBLISH_IMAGE_DIST. BENCH_RUNS (start-up, default 31), BENCH_PUBLISH_ROUNDS,
// BENCH_TRACED_ROUNDS and BENCH_MERGE_ROUNDS (default 9, 3, 9) set the number of rounds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DIST, machine, median, ms, NODE, ROOT, RUNS, runnerEnv, timeOnce } from './bench-lib.mjs';

// exactly what the MLflow image's rules were in .github/workflows/mlflow-image-publish.yml's single-job version
const MLFLOW = {
  context: '.',
  file: 'dockerfile.mlflow',
  images: 'ghcr.io/octo-org/publish-image/mlflow',
  platforms: 'linux/amd64,linux/arm64',
  tags: 'type=ref,event=branch\ntype=ref,event=pr\ntype=sha,prefix={{branch}}-\ntype=raw,value=latest,enable={{is_default_branch}}',
  push: 'true',
  'usage-service': 'mlflow-web',
  'usage-port': '5000:5000',
  'dry-run': 'true',
  summary: 'true',
  'sep-tags': '\n',
};

function startup() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const env = runnerEnv(dir, MLFLOW);
  const esm = join(dir, 'esm');
  spawnSync('mkdir', ['-p', esm]);
  writeFileSync(join(esm, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(esm, 'empty.js'), '');
  const cache = join(dir, 'compile-cache');
  const contenders = {
    'node -e 0': () => timeOnce(['-e', '0'], { PATH: process.env.PATH }),
    'empty ES module': () => timeOnce([join(esm, 'empty.js')], { PATH: process.env.PATH }),
    bundle: () => timeOnce([DIST], env),
    'bundle, compile cache cold': () => {
      rmSync(cache, { recursive: true, force: true });
      return timeOnce([DIST], { ...env, NODE_COMPILE_CACHE: cache });
    },
    'bundle, compile cache warm': () => timeOnce([DIST], { ...env, NODE_COMPILE_CACHE: cache }),
  };
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 3; i++) for (const n of names) contenders[n](); // the page cache, and a first compile cache
  const before = machine();
  for (let i = 0; i < RUNS; i++) {
    for (const n of i % 2 ? [...names].reverse() : names) samples[n].push(ms(contenders[n]()));
  }
  const after = machine();
  // max RSS varies by a few MB from run to run (when the heap grows): the median of 7
  const maxRss = (args, e) =>
    median(
      Array.from({ length: 7 }, () =>
        Number(
          spawnSync('/usr/bin/time', ['-f', '%M', NODE, ...args], { env: e, encoding: 'utf8' })
            .stderr.trim()
            .split('\n')
            .pop(),
        ),
      ),
    );
  const rss = maxRss([DIST], env);
  const bareRss = maxRss(['-e', '0'], { PATH: process.env.PATH });
  rmSync(dir, { recursive: true, force: true });
  const base = median(samples['node -e 0']);
  console.log(`dry-run start-up (MLflow rules), bundle ${relative(ROOT, DIST)}, ${RUNS} interleaved runs, medians:`);
  console.log(`  before: ${before}`);
  console.log(`  after:  ${after}`);
  for (const n of names) {
    const m = median(samples[n]);
    const note =
      n === 'bundle'
        ? `   (goal <= 1.5x; what every run on a runner sees: no compile cache; max RSS ${rss} KB vs ${bareRss} KB)`
        : '';
    console.log(`  ${n.padEnd(28)} ${m.toFixed(1).padStart(6)} ms   ${(m / base).toFixed(2)}x${note}`);
  }
  return median(samples.bundle) / base;
}

const only = process.argv[2];
const parts = ['--startup', '--publish', '--merge', '--cache'];
if (only && !parts.includes(only)) {
  console.error(`usage: node scripts/bench.mjs [${parts.join('|')}]`);
  process.exit(2);
}
if (!only || only === '--startup') startup();
if (!only || only === '--publish') await (await import('./bench-publish.mjs')).publishBench();
if (!only || only === '--merge') await (await import('./bench-merge.mjs')).mergeBench();
if (!only || only === '--cache') await (await import('./bench-docker.mjs')).cacheBench();
