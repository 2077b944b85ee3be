// npm run bench: speed and memory, measured (never asserted in tests).
//  1. dry-run start-up: the MLflow workflow's rules through dist/index.js vs bare `node -e 0`, same Node 24,
//     interleaved runs, medians and their ratio (target ≤ 1.5×).
//  2. the action's own overhead outside Docker on a real build: action start → buildx spawned, buildx exit →
//     action done (target ≤ 0.25 s in total), measured through a docker shim that logs when it runs.
//  3. warm/cold: rebuilding an image shaped like the example model (dependency layer, then code) from the GitHub
//     cache (a v1 double) after clearing the local build cache, vs the cold build (target ≤ 0.25).
// Parts 2 and 3 need the test environment (bash scripts/test-env.sh); `--startup` runs part 1 alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, median, ms, NODE, RUNS, runnerEnv, timeOnce } from './bench-lib.mjs';

// exactly what .github/workflows/mlflow-image-publish.yml passes
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
  const bare = [];
  const action = [];
  for (let i = 0; i < 3; i++) timeOnce([DIST], env); // warm the page cache
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeOnce(['-e', '0'], { PATH: process.env.PATH }));
    action.push(timeOnce([DIST], env));
  }
  const b = ms(median(bare));
  const a = ms(median(action));
  const rss = spawnSync('/usr/bin/time', ['-f', '%M', NODE, DIST], { env, encoding: 'utf8' })
    .stderr.trim()
    .split('\n')
    .pop();
  console.log(
    `dry-run start-up (MLflow rules), ${RUNS} interleaved runs, medians on ${spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}:`,
  );
  console.log(`  node -e 0          ${b.toFixed(1)} ms`);
  console.log(`  dist/index.js      ${a.toFixed(1)} ms   (max RSS ${rss} KB)`);
  console.log(`  ratio              ${(a / b).toFixed(2)}x   (target <= 1.5x)`);
  return a / b;
}

const only = process.argv[2];
if (only === '--startup' || !only) startup();
if (!only || only === '--docker') {
  const { dockerBench } = await import('./bench-docker.mjs');
  await dockerBench();
}
