// Fan-out leg results through the run's artifacts, for real: every "job" is its own Node 24 process running an ncc
// bundle of a small driver over src/fanout/artifacts.ts (which loads @actions/artifact lazily, as dist/index.js
// will), with its own environment (ACTIONS_RESULTS_URL, a runtime token for its run and job) and its own temp dir,
// against the artifact service double on 127.0.0.1 (test/doubles/artifact-service.ts): CreateArtifact → Azure
// block upload → FinalizeArtifact; ListArtifacts → GetSignedArtifactURL → zip download.
// Needs nothing of the Docker test environment: the artifact service is the only party, and it cannot run here.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT_SERVICE, startArtifactService, type ArtifactServiceDouble } from '../doubles/artifact-service.js';
import type { CollectedLegs, UploadedLeg } from '../../src/fanout/artifacts.js';
import { legArtifactName } from '../../src/fanout/naming.js';
import { LEG_RESULT_SCHEMA, type LegResult } from '../../src/fanout/leg-result.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE24 = path.join(ROOT, 'node_modules/.bin/node');
const NCC = path.join(ROOT, 'node_modules/.bin/ncc');
const nonce = randomBytes(4).toString('hex');

// The driver: `upload` and `collect` call the module as main.ts will; `raw` uploads any file through the library
// itself (a foreign or broken artifact under a leg's name). Inside the repository (ignored .tmp/) so that it
// resolves @actions/artifact from the project's node_modules.
const DRIVER = `
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const env = process.env;
const arg = JSON.parse(env.DRIVER_ARG as string);
const workDir = env.DRIVER_WORK_DIR as string;
let value: unknown;
try {
  const fanout = await import(${JSON.stringify(path.join(ROOT, 'src/fanout/artifacts.js'))});
  const service = fanout.artifactServiceFrom(env);
  switch (process.argv[2]) {
    case 'upload':
      value = await fanout.uploadLegResult(arg, { workDir, service });
      break;
    case 'collect':
      value = await fanout.collectLegResults(arg, { workDir, service });
      break;
    case 'raw': {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const dir = path.join(workDir, 'raw');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, arg.file), arg.content);
      value = await new DefaultArtifactClient().uploadArtifact(arg.name, [path.join(dir, arg.file)], dir);
      break;
    }
    default:
      throw new Error('unknown command ' + process.argv[2]);
  }
  writeFileSync(env.DRIVER_RESULT as string, JSON.stringify({ ok: true, value }));
} catch (err: any) {
  writeFileSync(env.DRIVER_RESULT as string, JSON.stringify({ ok: false, name: err.name, error: err.message }));
  process.exitCode = 1;
}
`;

function buildDriver(): string {
  const dir = path.join(ROOT, '.tmp', 'e2e-artifacts-driver');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
      },
      files: ['driver.ts'],
    }),
  );
  writeFileSync(path.join(dir, 'driver.ts'), DRIVER);
  const out = path.join(dir, 'dist');
  const r = spawnSync(NODE24, [NCC, 'build', path.join(dir, 'driver.ts'), '-o', out, '--target', 'es2022', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`ncc build of the artifacts driver failed:\n${r.stdout}\n${r.stderr}`);
  return path.join(out, 'index.js');
}

interface Job {
  /** workflow_run_backend_id (GitHub uses UUIDs) */
  run: string;
  /** workflow_job_run_backend_id: every job, and every re-run of a job, has its own */
  job: string;
  /** override the environment the runner would give (e.g. none of the ACTIONS_* values) */
  env?: Record<string, string | undefined>;
}

interface JobRun<T> {
  code: number | null;
  stdout: string;
  stderr: string;
  result: { ok: true; value: T } | { ok: false; name: string; error: string };
  /** the runtime token the job was given (to check that no output shows it) */
  token?: string;
}

let service: ArtifactServiceDouble;
let driver: string | undefined;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'artifacts-e2e-'));
let jobs = 0;

function runJob<T>(job: Job, command: 'upload' | 'collect' | 'raw', arg: unknown): Promise<JobRun<T>> {
  const dir = path.join(workDir, `job-${++jobs}`);
  mkdirSync(dir, { recursive: true });
  const token = service.token(job.run, job.job);
  const env: Record<string, string | undefined> = {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: token,
    DRIVER_ARG: JSON.stringify(arg),
    DRIVER_WORK_DIR: dir,
    DRIVER_RESULT: path.join(dir, 'result.json'),
    ...job.env,
  };
  // built on first use inside a test, not in beforeAll: a failing build must fail the tests, not skip them
  driver ??= buildDriver();
  const definedEnv = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [driver!, command], { env: definedEnv, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const result = JSON.parse(readFileSync(definedEnv.DRIVER_RESULT, 'utf8'));
        resolve({ code, stdout, stderr, result, token: definedEnv.ACTIONS_RUNTIME_TOKEN });
      } catch {
        reject(new Error(`job ${job.job} (${command}) wrote no result; exit ${code}\n${stdout}\n${stderr}`));
      }
    });
  });
}

function value<T>(run: JobRun<T>): T {
  if (!run.result.ok) throw new Error(`job failed: ${run.result.error}\n${run.stdout}\n${run.stderr}`);
  expect(run.code).toBe(0);
  return run.result.value;
}

function failure(run: JobRun<unknown>): string {
  expect(run.result.ok).toBe(false);
  expect(run.code).toBe(1);
  return (run.result as { error: string }).error;
}

/** No output of a job shows its runtime token, and no line starts with a value from the result or the images. */
function expectClean(run: JobRun<unknown>, values: string[]): void {
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.token) expect(output).not.toContain(run.token);
  for (const line of output.split('\n')) {
    for (const v of values) expect(line.startsWith(v), `a log line starts with ${v}: ${line}`).toBe(false);
  }
}

function result(images: string[], platform: string, runAttempt = 1, fill = '1'): LegResult {
  return {
    schema: LEG_RESULT_SCHEMA,
    images,
    platform,
    pair: platform.replaceAll('/', '-'),
    digest: `sha256:${fill.repeat(64)}`,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: 480 + runAttempt,
    buildSeconds: 12.25,
    cache: { hits: 2, steps: 4 },
    builder: { name: `publish-image-${nonce}`, driver: 'docker-container' },
    runner: {
      name: `runner-${platform.split('/')[1]}`,
      os: 'Linux',
      arch: platform.endsWith('arm64') ? 'ARM64' : 'X64',
    },
    runAttempt,
  };
}

const imagesA = [`127.0.0.1:5000/e2e-${nonce}/web`, `ghcr.io/e2e-${nonce}/web`];
const imagesB = [`127.0.0.1:5000/e2e-${nonce}/worker`];

beforeAll(async () => {
  service = await startArtifactService();
});

afterAll(async () => {
  await service?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('leg results through the artifact service', () => {
  it('two legs of a run hand their results to the merge; a second image set of the run stays apart', async () => {
    const run = randomUUID();
    const amd64 = result(imagesA, 'linux/amd64', 1, 'a');
    const arm64 = result(imagesA, 'linux/arm64', 1, 'b');
    const other = result(imagesB, 'linux/amd64', 1, 'c');
    const calls = { ...service.stats.calls };
    const downloads = service.stats.downloads;

    const legs = await Promise.all([
      runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', amd64),
      runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', arm64),
      runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', other),
    ]);
    const uploaded = legs.map(value);
    expect(uploaded.map((u) => u.name)).toEqual([
      legArtifactName(imagesA, 'linux/amd64', 1),
      legArtifactName(imagesA, 'linux/arm64', 1),
      legArtifactName(imagesB, 'linux/amd64', 1),
    ]);
    // what the service stores is the library's zip of leg-result.json, byte for byte what the merge gets back
    for (const u of uploaded) {
      const stored = service.content(u.id)!;
      expect(stored.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      expect(stored.includes(Buffer.from('leg-result.json'))).toBe(true);
      expect(u.size).toBe(stored.length);
    }

    const mergeA = await runJob<CollectedLegs>({ run, job: randomUUID() }, 'collect', imagesA);
    expect(value(mergeA)).toEqual({
      legs: [
        { artifact: { id: uploaded[0].id, name: uploaded[0].name }, result: amd64 },
        { artifact: { id: uploaded[1].id, name: uploaded[1].name }, result: arm64 },
      ],
      superseded: [],
    });
    // the same image set named in another order and with tags finds the same legs
    const mergeA2 = await runJob<CollectedLegs>({ run, job: randomUUID() }, 'collect', [
      `ghcr.io/e2e-${nonce}/web:1.0`,
      `127.0.0.1:5000/e2e-${nonce}/web:latest`,
    ]);
    expect(value(mergeA2).legs.map((l) => l.result)).toEqual([amd64, arm64]);
    const mergeB = await runJob<CollectedLegs>({ run, job: randomUUID() }, 'collect', imagesB);
    expect(value(mergeB)).toEqual({
      legs: [{ artifact: { id: uploaded[2].id, name: uploaded[2].name }, result: other }],
      superseded: [],
    });

    expect(service.stats.calls.CreateArtifact - calls.CreateArtifact).toBe(3);
    expect(service.stats.calls.FinalizeArtifact - calls.FinalizeArtifact).toBe(3);
    expect(service.stats.calls.GetSignedArtifactURL - calls.GetSignedArtifactURL).toBe(5);
    expect(service.stats.downloads - downloads).toBe(5);
    // the legs ran at the same time: any creation order
    const stored = service.artifacts(run).map((a) => [a.name, a.finalized]);
    expect(stored.sort()).toEqual(uploaded.map((u) => [u.name, true]).sort());
    for (const j of [...legs, mergeA, mergeA2, mergeB]) {
      expectClean(j, [...imagesA, ...imagesB, ...uploaded.map((u) => u.name), amd64.digest]);
    }
  });

  it('another run sees none of them, and its token cannot reach into this run', async () => {
    const run = randomUUID();
    const job = randomUUID();
    const leg = value(await runJob<UploadedLeg>({ run, job }, 'upload', result(imagesA, 'linux/amd64')));

    const elsewhere = await runJob<CollectedLegs>({ run: randomUUID(), job: randomUUID() }, 'collect', imagesA);
    expect(value(elsewhere)).toEqual({ legs: [], superseded: [] });

    // the protocol itself: a token of another run naming this run's ids is refused
    const foreign = service.token(randomUUID(), randomUUID());
    const forbidden = service.stats.forbidden;
    for (const [method, body] of [
      ['ListArtifacts', { workflow_run_backend_id: run, workflow_job_run_backend_id: job }],
      ['GetSignedArtifactURL', { workflow_run_backend_id: run, workflow_job_run_backend_id: job, name: leg.name }],
    ] as const) {
      const r = await fetch(`${service.url}twirp/${ARTIFACT_SERVICE}/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${foreign}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({
        code: 'permission_denied',
        msg: `the runtime token does not grant access to run ${run}`,
      });
    }
    expect(service.stats.forbidden - forbidden).toBe(2);
  });

  it('a re-run leg replaces its first attempt; the leg that was not re-run keeps its result', async () => {
    const run = randomUUID();
    const amd64 = result(imagesA, 'linux/amd64', 1, 'a');
    const arm64First = result(imagesA, 'linux/arm64', 1, 'b');
    const arm64Rerun = result(imagesA, 'linux/arm64', 2, 'd');
    const first = await Promise.all([
      runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', amd64),
      runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', arm64First),
    ]);
    // a re-run job is the same run with a new job id and GITHUB_RUN_ATTEMPT 2
    const rerun = await runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', arm64Rerun);
    const [a, b1] = first.map(value);
    const b2 = value(rerun);
    expect(b2.name).toBe(legArtifactName(imagesA, 'linux/arm64', 2));

    const merge = await runJob<CollectedLegs>({ run, job: randomUUID() }, 'collect', imagesA);
    expect(value(merge)).toEqual({
      legs: [
        { artifact: { id: a.id, name: a.name }, result: amd64 },
        { artifact: { id: b2.id, name: b2.name }, result: arm64Rerun },
      ],
      superseded: [{ artifact: { id: b1.id, name: b1.name }, result: arm64First }],
    });
  });

  it('the same platform uploaded twice in one attempt is refused with a clear error', async () => {
    const run = randomUUID();
    const leg = result(imagesA, 'linux/amd64');
    value(await runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', leg));
    const conflicts = service.stats.conflicts;
    const again = await runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', {
      ...leg,
      digest: `sha256:${'f'.repeat(64)}`,
    });
    expect(failure(again)).toBe(
      `Could not upload the leg result for linux/amd64 (artifact "${legArtifactName(imagesA, 'linux/amd64', 1)}"): ` +
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with ' +
        'this name already exists on the workflow run. This run attempt already has a result for linux/amd64 of ' +
        'these images: build each platform in one leg only.',
    );
    expect(service.stats.conflicts - conflicts).toBe(1);
    expectClean(again, [...imagesA]);
  });

  it('a broken or misplaced result fails the merge naming its artifact', async () => {
    const cases = [
      {
        name: 'not a leg result',
        file: 'leg-result.json',
        content: JSON.stringify({ schema: LEG_RESULT_SCHEMA, images: [] }),
        artifact: legArtifactName(imagesA, 'linux/arm64', 1),
        expected: (n: string) =>
          `Leg result in artifact "${n}": "images" must be a non-empty list of image names, got []`,
      },
      {
        name: 'no leg-result.json inside',
        file: 'digest.txt',
        content: `sha256:${'e'.repeat(64)}`,
        artifact: legArtifactName(imagesA, 'linux/arm64', 1),
        expected: (n: string) => `Leg result in artifact "${n}": it holds no leg-result.json`,
      },
      {
        name: 'another platform under this name',
        file: 'leg-result.json',
        content: JSON.stringify(result(imagesA, 'linux/amd64')),
        artifact: legArtifactName(imagesA, 'linux/arm64', 1),
        expected: (n: string) =>
          `Leg result in artifact "${n}": it describes linux/amd64 of ${[...imagesA].sort().join(', ')} (attempt 1), ` +
          `which belongs in "${legArtifactName(imagesA, 'linux/amd64', 1)}"`,
      },
    ];
    for (const c of cases) {
      const run = randomUUID();
      value(await runJob({ run, job: randomUUID() }, 'raw', { name: c.artifact, file: c.file, content: c.content }));
      const merge = await runJob<CollectedLegs>({ run, job: randomUUID() }, 'collect', imagesA);
      expect(failure(merge), c.name).toBe(c.expected(c.artifact));
    }
  });

  it('a job without the artifact service is told what is missing, and nothing is sent', async () => {
    const requests = service.requests.length;
    const underAct = await runJob<CollectedLegs>(
      {
        run: randomUUID(),
        job: randomUUID(),
        env: { ACT: 'true', ACTIONS_RESULTS_URL: undefined, ACTIONS_RUNTIME_TOKEN: undefined },
      },
      'collect',
      imagesA,
    );
    expect(failure(underAct)).toBe(
      "mode build and mode merge hand the legs' results over through the run's artifact service, and this job has " +
        'none (ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set). Under act, start it with ' +
        '--artifact-server-path <dir> (e.g. --artifact-server-path /tmp/artifacts).',
    );
    const noUrl = await runJob<UploadedLeg>(
      { run: randomUUID(), job: randomUUID(), env: { ACTIONS_RESULTS_URL: undefined } },
      'upload',
      result(imagesA, 'linux/amd64'),
    );
    expect(failure(noUrl)).toBe(
      "mode build and mode merge hand the legs' results over through the run's artifact service, and this job has " +
        'none (ACTIONS_RESULTS_URL is not set). The runner sets both for every JavaScript action step of a GitHub ' +
        "Actions job; outside one, pass the legs' digests to the merge job with the `digests` input instead.",
    );
    expect(service.requests.length).toBe(requests);
    expectClean(noUrl, []);
  });

  it('the service refusing, unreachable or rejecting the token gives a clear error', async () => {
    const run = randomUUID();
    service.failNext(403, { method: 'ListArtifacts', message: 'Resource not accessible by integration' });
    const refused = await runJob<CollectedLegs>({ run, job: randomUUID() }, 'collect', imagesA);
    expect(failure(refused)).toBe(
      "Could not list this run's artifacts to collect the leg results: ListArtifacts: HTTP 403 Forbidden: " +
        'Resource not accessible by integration',
    );
    expectClean(refused, [...imagesA]);

    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const unreachable = await runJob<CollectedLegs>(
      { run, job: randomUUID(), env: { ACTIONS_RESULTS_URL: `http://127.0.0.1:${closed}/` } },
      'collect',
      imagesA,
    );
    expect(failure(unreachable)).toBe(
      "Could not list this run's artifacts to collect the leg results: the artifact service at " +
        `http://127.0.0.1:${closed} is unreachable (ECONNREFUSED)`,
    );

    // GitHub Enterprise Server has no v4 artifact service: the library refuses before sending anything
    const requests = service.requests.length;
    const ghes = await runJob<UploadedLeg>(
      { run, job: randomUUID(), env: { GITHUB_SERVER_URL: 'https://github.example.com' } },
      'upload',
      result(imagesA, 'linux/amd64'),
    );
    expect(failure(ghes)).toBe(
      `Could not upload the leg result for linux/amd64 (artifact "${legArtifactName(imagesA, 'linux/amd64', 1)}"): ` +
        '@actions/artifact v2.0.0+, upload-artifact@v4+ and download-artifact@v4+ are not currently supported on ' +
        "GHES. Hand the legs' digests to the merge job with the `digests` input instead.",
    );
    expect(service.requests.length).toBe(requests);

    // a token this service did not mint (e.g. expired or from elsewhere)
    const other = await startArtifactService();
    try {
      const forged = await runJob<UploadedLeg>(
        { run, job: randomUUID(), env: { ACTIONS_RUNTIME_TOKEN: other.token(run, 'job') } },
        'upload',
        result(imagesA, 'linux/amd64'),
      );
      expect(failure(forged)).toBe(
        `Could not upload the leg result for linux/amd64 (artifact "${legArtifactName(imagesA, 'linux/amd64', 1)}"): ` +
          'Failed to CreateArtifact: Received non-retryable error: Failed request: (401) Unauthorized: missing, ' +
          'invalid or expired runtime token.',
      );
    } finally {
      await other.close();
    }
  });

  it('a transient failure of the service is retried by the library', async () => {
    const run = randomUUID();
    const calls = service.stats.calls.CreateArtifact;
    const injected = service.stats.injected;
    service.failNext(503, { method: 'CreateArtifact' });
    const leg = value(await runJob<UploadedLeg>({ run, job: randomUUID() }, 'upload', result(imagesB, 'linux/arm64')));
    expect(leg.name).toBe(legArtifactName(imagesB, 'linux/arm64', 1));
    expect(service.stats.injected - injected).toBe(1);
    expect(service.stats.calls.CreateArtifact - calls).toBe(2);
    expect(service.artifacts(run).map((a) => a.finalized)).toEqual([true]);
  });
});
