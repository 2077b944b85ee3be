// The process audit: every process a warm publish starts, with its start, wall time and overlap with the others,
// and the action's own time outside them. The publish is the whole-run benchmark's (scripts/bench-publish.mjs): the
// bundled action's main and post steps, as test/e2e/helpers/action.ts runs them, pushing
// test/fixtures/contexts/multiarch for two platforms under 3 tags to the test environment's htpasswd registry with
// the GitHub cache double. Needs `bash scripts/test-env.sh`.
//
//   npm run trace                  # 3 traced jobs after one warm-up: the table of the median job
//   TRACE_RUNS=7 npm run trace     # more jobs; PUBLISH_IMAGE_DIST=… for another bundle
//
// Two recorders, so nothing escapes (scripts/bench-lib.mjs): a `docker` shim first on PATH (bash; logs each docker
// process with $EPOCHREALTIME, whoever starts it) and a preload in each step's Node process that wraps
// child_process.spawn (every process the action starts, whatever its path: docker, docker-buildx run directly, git,
// aws …). A docker row is the shim's (its own start and end); other rows are the preload's. What those processes
// start in turn (the docker CLI's plugin calls, buildx's git calls) is not recorded; to see it, run this script under
// `strace -f -qq -e trace=execve -o execve.txt`.
import { relative } from 'node:path';
import { actionJob, publishSetup, tracedJob } from './bench-publish.mjs';
import { DIST, machine, median, ROOT } from './bench-lib.mjs';

const RUNS = Number(process.env.TRACE_RUNS ?? 3);
const msf = (s) => `${Math.round(s * 1000)}`.padStart(6);

function printStep(s) {
  console.log(`\n${s.name}: ${msf(s.wall).trim()} ms wall, ${msf(s.inside).trim()} ms inside processes`);
  console.log(`${'start'.padStart(6)} ${'wall'.padStart(6)} ${'overlap'.padStart(7)}  call`);
  for (const r of s.rows) {
    const overlap = s.rows
      .filter((o) => o !== r)
      .reduce((sum, o) => sum + Math.max(0, Math.min(o.end, r.end) - Math.max(o.start, r.start)), 0);
    const call = r.call.length > 110 ? `${r.call.slice(0, 107)}...` : r.call;
    console.log(`${msf(r.start - s.start)} ${msf(r.end - r.start)} ${msf(overlap).padStart(7)}  ${call}`);
  }
  console.log(
    `${msf(s.own)}        (the action's own time outside any process: Node start, read, plan, verify, summary)`,
  );
}

async function main() {
  const { env, cache, nonce, repos } = await publishSetup('trace');
  try {
    console.log(
      `bundle ${relative(ROOT, DIST)}; ${RUNS} traced job(s) after one warm-up; ${env.registryAuth}/${repos.action}, 3 tags`,
    );
    console.log(machine());
    await actionJob(env, cache, repos.action, nonce); // warm-up: the same build, so the traced jobs hit the cache
    const jobs = [];
    for (let i = 0; i < RUNS; i++) {
      const { main: m, post } = await tracedJob(env, cache, repos.action, nonce);
      jobs.push([m, post]);
    }
    const total = (j) => j[0].wall + j[1].wall;
    const mid = [...jobs].sort((a, b) => total(a) - total(b))[Math.floor(jobs.length / 2)];
    for (const s of mid) printStep(s);
    const m = (pick) => msf(median(jobs.map(pick))).trim();
    console.log(
      `\nmedians of ${RUNS}: job ${m(total)} ms = main ${m((j) => j[0].wall)} ms + post ${m((j) => j[1].wall)} ms`,
    );
    console.log(
      `  main: start → buildx build ${m((j) => j[0].beforeBuild)} ms own time, buildx build ${m((j) => j[0].build)} ms, ` +
        `buildx exit → done ${m((j) => j[0].afterBuild)} ms own time; post: ${m((j) => j[1].own)} ms own time`,
    );
    console.log(machine());
  } finally {
    await cache.close();
  }
}

main().catch((e) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
