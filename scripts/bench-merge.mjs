// The merge benchmark: what a fan-out's merge job waits for, against the bare commands doing the same work. Needs
// the test environment (bash scripts/test-env.sh).
//
// Once, at the start: two build legs of the bundled action (`mode: build`, linux/amd64 and linux/arm64 of
// test/fixtures/contexts/multiarch, as two jobs of one run) push their image by digest to the htpasswd registry and
// hand their results over as artifacts (the artifact service double on 127.0.0.1).
// Then, interleaved, the order alternating, after one warm-up round of each:
//   action: `mode: merge` main + post, as test/e2e/helpers/action.ts runs them: list and download the two leg
//           results through the artifact double, create the index under 3 tags, read every tag back (attest: false;
//           attesting needs GitHub's OIDC and Sigstore, which the bare commands do not do either).
//   bare:   docker buildx imagetools create -t <img>:<t>×3 <img>@<d1> <img>@<d2>, then docker buildx imagetools
//           inspect <img>:<t1> — with the digests already at hand and a login made beforehand, outside the timing
//           (a bare merge job would also need a login step; the action's figure includes its own).
// Medians and their ratio (goal ≤ 1.3×). Beside them, the same merge given the two digests by the `digests` input
// (no artifact service): what collecting the legs through the artifacts costs.
//
//   node scripts/bench-merge.mjs          BENCH_MERGE_ROUNDS=9 by default
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { startArtifactService } from '../test/doubles/artifact-service.ts';
import { runAction } from '../test/e2e/helpers/action.ts';
import { multiarchPushInputs, requireTestEnv } from '../test/e2e/helpers/env.ts';
import { event } from '../test/fixtures/events.ts';
import { DIST, DOCKER, interleave, machine, median, ROOT, THREE_TAGS, timed } from './bench-lib.mjs';

const ROUNDS = Number(process.env.BENCH_MERGE_ROUNDS ?? 9);
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

/** One job of the run: its own runner token for the artifact service (same run, its own job id). */
function job(env, artifacts, run, repo, nonce, inputs) {
  return {
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    inputs: {
      ...multiarchPushInputs(env, repo, nonce),
      tags: THREE_TAGS.rules,
      platforms: PLATFORMS.join(','),
      attest: 'false',
      ...inputs,
    },
    env: {
      GITHUB_RUN_ID: run,
      ACTIONS_RESULTS_URL: artifacts.url,
      ACTIONS_RUNTIME_TOKEN: artifacts.token(run, `${inputs.mode}-${randomUUID()}`),
    },
  };
}

async function ok(promise, what) {
  const j = await promise;
  if (j.main.code !== 0 || (j.post && j.post.code !== 0)) {
    throw new Error(`${what} failed:\n${j.main.stdout.slice(-3000)}\n${j.post?.stdout ?? ''}`);
  }
  return j;
}

export async function mergeBench() {
  const env = await requireTestEnv();
  const artifacts = await startArtifactService();
  const nonce = randomBytes(4).toString('hex');
  const repo = `bench/merge-${nonce}`;
  const image = `${env.registryAuth}/${repo}`;
  const run = String(Date.now());
  const config = mkdtempSync(join(tmpdir(), 'bench-merge-bare-'));
  const dockerEnv = { ...process.env, DOCKER_CONFIG: config };
  try {
    console.log(
      `\nmerge: two legs (pushed once by the action's mode: build) → index under 3 tags, ${env.registryAuth} ` +
        `(htpasswd); bundle ${relative(ROOT, DIST)}`,
    );
    const digests = {};
    for (const platform of PLATFORMS) {
      const leg = await ok(
        runAction(job(env, artifacts, run, repo, nonce, { mode: 'build', platforms: platform })),
        `the ${platform} leg`,
      );
      digests[platform] = leg.main.outputs.digest;
    }
    await timed(DOCKER, ['login', '--username', env.registryUser, '--password-stdin', env.registryAuth], {
      env: dockerEnv,
      input: env.registryPassword,
    });
    const merge = (inputs) => async () => {
      const t0 = performance.now();
      const j = await ok(runAction(job(env, artifacts, run, repo, nonce, { mode: 'merge', ...inputs })), 'the merge');
      const t = performance.now() - t0;
      const pushed = j.main.outputs['pushed-tags']?.split('\n') ?? [];
      if (pushed.length !== THREE_TAGS.names.length || !/from 2 legs/.test(j.main.summary)) {
        throw new Error(`the merge did not put the index of 2 legs under 3 tags:\n${j.main.summary}`);
      }
      return t;
    };
    const action = merge({});
    const given = merge({ digests: PLATFORMS.map((p) => `${p}=${digests[p]}`).join('\n') });
    const bare = async () => {
      const tags = THREE_TAGS.names.flatMap((t) => ['-t', `${image}:bare-${t}`]);
      const sources = PLATFORMS.map((p) => `${image}@${digests[p]}`);
      let t = await timed(DOCKER, ['buildx', 'imagetools', 'create', ...tags, ...sources], { env: dockerEnv });
      t += await timed(DOCKER, ['buildx', 'imagetools', 'inspect', `${image}:bare-${THREE_TAGS.names[0]}`], {
        env: dockerEnv,
      });
      return t;
    };
    console.log(`  before: ${machine()}`);
    const samples = await interleave({ action, bare, given }, { rounds: ROUNDS, warmup: 1 });
    console.log(`  after:  ${machine()}`);
    const a = median(samples.action);
    const b = median(samples.bare);
    const f = (ms) => `${Math.round(ms)}`.padStart(6);
    console.log(
      `  action mode: merge, main + post             ${f(a)} ms   [${samples.action.map(Math.round).join(' ')}]`,
    );
    console.log(
      `  bare imagetools create ×3 tags + inspect    ${f(b)} ms   [${samples.bare.map(Math.round).join(' ')}]`,
    );
    console.log(
      `  ratio                                       ${(a / b).toFixed(2)}x   (goal <= 1.3x; medians of ${ROUNDS} interleaved rounds after 1 warm-up)`,
    );
    const g = median(samples.given);
    console.log(
      `  beside it: mode: merge given the digests (no artifact service) ${f(g)} ms ` +
        `(${(g / b).toFixed(2)}x; collecting the legs from the artifact service costs ${Math.round(a - g)} ms)`,
    );
    return { action: a, bare: b, ratio: a / b };
  } finally {
    await timed(DOCKER, ['logout', env.registryAuth], { env: dockerEnv }).catch(() => undefined);
    rmSync(config, { recursive: true, force: true });
    await artifacts.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mergeBench().catch((e) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
  });
}
