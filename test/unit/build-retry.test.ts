// The push retry schedule without real time and without Docker: a stand-in buildx plugin (in the run's Docker config,
// where build.ts finds it first; the same script as `docker` on PATH) fails the way buildx does (its stderr lines
// copied from real runs) a given number of times, and the clock records the waits.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, BuildError, MAX_ATTEMPTS, type Clock } from '../../src/docker/build.js';
import { setBaseEnvironment } from '../../src/exec.js';
import type { BuildPlan } from '../../src/plan/types.js';
import { stdout } from '../../src/runner.js';

const DIGEST = `sha256:${'d1'.repeat(32)}`;
let dir: string;
let printed: string[];
let write: typeof stdout.write;
const PATH = process.env.PATH;

/** A buildx that fails with `error` on its first `failures` calls, then writes buildx's metadata file. */
function fakeDocker(failures: number, error: string): void {
  const count = join(dir, 'count');
  writeFileSync(count, '0');
  const script = `#!/bin/sh
echo "$(basename "$0") $1 git-info=\${BUILDX_GIT_INFO-unset}" >> ${join(dir, 'programs')}
n=$(cat ${count}); n=$((n + 1)); echo $n > ${count}
if [ $n -le ${failures} ]; then echo '#9 pushing manifest for 127.0.0.1:5001/a:one@${DIGEST}'; echo '${error}' >&2; exit 1; fi
while [ $# -gt 0 ]; do if [ "$1" = --metadata-file ]; then echo '{"containerimage.digest":"${DIGEST}"}' > "$2"; fi; shift; done
`;
  mkdirSync(join(dir, 'config', 'cli-plugins'), { recursive: true });
  for (const program of [join(dir, 'docker'), join(dir, 'config', 'cli-plugins', 'docker-buildx')]) {
    writeFileSync(program, script);
    chmodSync(program, 0o755);
  }
}

const calls = () => Number(readFileSync(join(dir, 'count'), 'utf8'));

function fakeClock(): Clock & { waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
  };
}

function plan(extra: string[] = []): BuildPlan {
  return {
    argv: ['buildx', 'build', ...extra, '--push', '--metadata-file', join(dir, 'metadata.json'), '.'],
    env: {},
    metadataFile: join(dir, 'metadata.json'),
    iidFile: join(dir, 'iid.txt'),
    pushes: ['127.0.0.1:5001/a:one'],
  };
}

const request = (extra: string[] = []) => ({
  build: plan(extra),
  push: true,
  dockerConfig: join(dir, 'config'),
  secrets: [],
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  // @actions/exec finds the program on the test process's PATH; the child gets the action's environment
  process.env.PATH = `${dir}:${PATH}`;
  setBaseEnvironment({ PATH: `${dir}:${PATH}` });
  printed = [];
  write = stdout.write;
  stdout.write = (t) => void printed.push(t);
});

afterEach(() => {
  stdout.write = write;
  process.env.PATH = PATH;
  setBaseEnvironment({});
});

const RATE_LIMITED =
  'ERROR: failed to push 127.0.0.1:5001/a:one: unexpected status from PUT request to http://127.0.0.1:5001/v2/a/manifests/one: 429 Too Many Requests';
const SERVER_ERROR =
  'ERROR: failed to push 127.0.0.1:5001/a:one: unexpected status from PUT request to http://127.0.0.1:5001/v2/a/manifests/one: 503 Service Unavailable';
const REFUSED =
  'ERROR: failed to push 127.0.0.1:5001/a:one: unexpected status from HEAD request to http://127.0.0.1:5001/v2/a/manifests/one: 401 Unauthorized';

describe('the push retry', () => {
  it('a rate limit is waited out (5 s, then 10 s) and the third attempt succeeds', async () => {
    fakeDocker(2, RATE_LIMITED);
    const clock = fakeClock();
    const result = await build(request(), clock);
    expect(result).toMatchObject({ digest: DIGEST, attempts: 3 });
    expect(clock.waits).toEqual([5_000, 10_000]);
    expect(calls()).toBe(3);
    expect(printed.filter((l) => l.startsWith('::warning::'))).toEqual([
      `::warning::Attempt 1 of 3 failed: The registry is rate-limiting this push (429 Too Many Requests). Retrying in 5s. buildx: ${RATE_LIMITED.replace('ERROR: ', '')}\n`,
      `::warning::Attempt 2 of 3 failed: The registry is rate-limiting this push (429 Too Many Requests). Retrying in 10s. buildx: ${RATE_LIMITED.replace('ERROR: ', '')}\n`,
    ]);
  });

  it('a registry that keeps failing: three attempts, then one error with the cause and what the log showed', async () => {
    fakeDocker(MAX_ATTEMPTS, SERVER_ERROR);
    const clock = fakeClock();
    const e = await build(request(), clock).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(BuildError);
    const err = e as BuildError;
    expect(err.attempts).toBe(3);
    expect(err.failure.cause).toBe('registry');
    expect(err.message.split('\n')[0]).toBe('The registry failed with HTTP 503 (after 3 attempts).');
    // the push had started: the log named the new image and the tag, for the read-back the flow does next
    expect(err.pushedRefs).toEqual(['127.0.0.1:5001/a:one']);
    expect(clock.waits).toEqual([2_000, 4_000]);
  });

  it('refused credentials are never retried', async () => {
    fakeDocker(1, REFUSED);
    const clock = fakeClock();
    const e = (await build(request(), clock).catch((err: unknown) => err)) as BuildError;
    expect(e.failure.cause).toBe('auth');
    expect(e.attempts).toBe(1);
    expect(clock.waits).toEqual([]);
    expect(calls()).toBe(1);
  });

  it('runs the buildx plugin itself, not the CLI that would start it twice', async () => {
    fakeDocker(0, '');
    await build(request(), fakeClock());
    expect(readFileSync(join(dir, 'programs'), 'utf8')).toBe('docker-buildx build git-info=unset\n');
  });

  const gitInfoCases = [
    { name: 'provenance off: buildx asks git nothing', extra: ['--provenance', 'false'], expected: 'false' },
    { name: 'provenance on: the VCS facts are kept', extra: ['--provenance', 'mode=max'], expected: 'unset' },
  ];
  for (const c of gitInfoCases) {
    it(c.name, async () => {
      fakeDocker(0, '');
      await build(request(c.extra), fakeClock());
      expect(readFileSync(join(dir, 'programs'), 'utf8')).toBe(`docker-buildx build git-info=${c.expected}\n`);
    });
  }

  it('the build log is shown in a group and shielded from workflow commands', async () => {
    fakeDocker(0, '');
    await build(request(), fakeClock());
    expect(printed[0]).toBe('::group::Build\n');
    expect(printed.some((l) => l.startsWith('::stop-commands::'))).toBe(true);
    expect(printed.at(-1)).toBe('::endgroup::\n');
  });
});
