// The fan-out as nektos/act runs it, through the bundled action: `mode: matrix` → one `mode: build` leg per entry of
// the matrix output (as act evaluates `strategy.matrix: ${{ fromJSON(needs.prepare.outputs.matrix) }}` when the job
// starts) → `mode: merge`. act itself cannot run here (its runner images come from Docker Hub), so each job gets the
// environment act gives a job, reproduced from act's source (nektos/act: pkg/runner/run_context.go
// setActionRuntimeVars, pkg/common/auth.go CreateAuthorizationToken, cmd/root.go):
// - ACT=true; no RUNNER_NAME; GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT 1 (act's defaults without --env);
// - with --artifact-server-path: ACTIONS_RUNTIME_URL = ACTIONS_RESULTS_URL = act's artifact server, and
//   ACTIONS_RUNTIME_TOKEN = one JWT for every job of the run: scp `Actions.Results:<run>:<run>`, TaskID/RunID/JobID,
//   `ac` = `[{"Scope":"","Permission":2}]` (a JSON string, which BuildKit's cache client reads), nbf now, exp +24 h;
// - always ACTIONS_CACHE_URL (act's v1 cache server, which checks no token); never ACTIONS_ID_TOKEN_REQUEST_* or
//   ACTIONS_CACHE_SERVICE_V2.
// Both legs use the host's engine (act bind-mounts its socket into every job container). act's artifact server
// speaks the v4 protocol of the artifact service double, with one difference in what it answers that matters here:
// its ListArtifacts entries carry no `digest`, so the merge downloads without a hash to check; a small proxy in
// front of the double answers the listing that way.
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACT_SERVICE, startArtifactService, type ArtifactServiceDouble } from '../doubles/artifact-service.js';
import { startGhaCacheDouble, type GhaCacheDouble } from '../doubles/gha-cache.js';
import { event, SHA } from '../fixtures/events.js';
import { everything, runAction, visible, type JobRun, type RunnerEnv } from './helpers/action.js';
import { registryGet } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';

const REPOSITORY = 'octo-org/publish-image';
const nonce = randomBytes(6).toString('hex');
const repo = `octo-org/act-${nonce}`;
const PLATFORMS = 'linux/amd64,linux/arm64';
// the MLflow workflow's rules: on a push to master, master, latest and master-<sha7>
const RULES = [
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=sha,prefix={{branch}}-',
  'type=raw,value=latest,enable={{is_default_branch}}',
].join('\n');
const TAGS = ['master', 'latest', `master-${SHA.slice(0, 7)}`];
/** act's run id when none is given (`--env GITHUB_RUN_ID=…`): every act invocation is run 1. */
const RUN = '1';

let env: TestEnv;
let cache: GhaCacheDouble;
let artifacts: ArtifactServiceDouble;
let actServer: { url: string; listings: number; server: Server };
const work = mkdtempSync(join(tmpdir(), 'act-fanout-e2e-'));

/** act's artifact server as the library sees it: the double's protocol, ListArtifacts entries without `digest`. */
async function startActArtifactServer(target: string): Promise<typeof actServer> {
  const upstream = new URL(target);
  const state = { url: '', listings: 0, server: undefined as unknown as Server };
  state.server = createServer((req, res) => {
    const listing = req.url === `/twirp/${ARTIFACT_SERVICE}/ListArtifacts`;
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        if (!listing || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { artifacts: Record<string, unknown>[] };
          for (const a of body.artifacts) delete a.digest;
          state.listings++;
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        });
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/`;
  return state;
}

// Set up inside the tests: a failing beforeAll makes vitest report the tests as skipped.
async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  cache ??= await startGhaCacheDouble({ anyToken: true });
  artifacts ??= await startArtifactService();
  actServer ??= await startActArtifactServer(artifacts.url);
}

afterAll(async () => {
  await Promise.all([
    cache?.close(),
    artifacts?.close(),
    actServer && new Promise((resolve) => actServer.server.close(resolve)),
  ]);
});

/** act's runtime token: the same claims as CreateAuthorizationToken(run, run, run), for every job of the run. */
function actRuntimeToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const id = Number(RUN);
  return artifacts.token(RUN, RUN, {
    claims: {
      scp: `Actions.Results:${RUN}:${RUN}`,
      TaskID: id,
      RunID: id,
      JobID: id,
      ac: JSON.stringify([{ Scope: '', Permission: 2 }]),
      nbf: now,
      exp: now + 24 * 3600,
      iat: undefined,
      iss: undefined,
    },
  });
}

interface ActJob {
  job: 'prepare' | 'build' | 'merge';
  inputs: Record<string, string>;
  /** act started with --artifact-server-path */
  artifactServer?: boolean;
}

/** One job as act runs it: its own container (HOME, RUNNER_TEMP), the run's environment. */
function actJob({ job, inputs, artifactServer = true }: ActJob): RunnerEnv {
  const token = actRuntimeToken();
  return {
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    repository: REPOSITORY,
    inputs: {
      images: `${env.registryAuth}/${repo}`,
      registry: env.registryAuth,
      username: env.registryUser,
      password: env.registryPassword,
      context: 'test/fixtures/contexts/multiarch',
      network: 'host',
      'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
      tags: RULES,
      'github-token': 'ghs_actFanoutTestToken000000000000000000',
      ...inputs,
    },
    env: {
      ACT: 'true',
      HOME: mkdtempSync(join(work, 'home-')),
      GITHUB_RUN_ID: RUN,
      GITHUB_RUN_NUMBER: RUN,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: job,
      ACTIONS_CACHE_URL: cache.url,
      ...(artifactServer
        ? { ACTIONS_RUNTIME_URL: actServer.url, ACTIONS_RESULTS_URL: actServer.url, ACTIONS_RUNTIME_TOKEN: token }
        : {}),
    },
  };
}

function ok(j: JobRun): JobRun {
  expect(j.main.code, visible(j.main.stdout)).toBe(0);
  return j;
}

describe('the fan-out under act (--artifact-server-path), through the bundled action', () => {
  let entries: { platform: string; runner: string; pair: string }[] = [];
  const legs: Record<string, JobRun> = {};

  it('prepare: the matrix output, as act evaluates fromJSON(needs.prepare.outputs.matrix) into one leg per entry', async () => {
    await setup();
    const prepare = ok(await runAction(actJob({ job: 'prepare', inputs: { mode: 'matrix', platforms: PLATFORMS } })));
    const matrix = JSON.parse(prepare.main.outputs.matrix) as { include: typeof entries };
    expect(matrix).toEqual({
      include: [
        { platform: 'linux/amd64', runner: 'ubuntu-24.04', pair: 'linux-amd64' },
        { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', pair: 'linux-arm64' },
      ],
    });
    entries = matrix.include;
    expect(prepare.main.stdout).not.toContain('[command]');
  });

  it("build: both legs on the host's engine push by digest, cache with act's token and hand their results over", async () => {
    await setup();
    expect(entries).toHaveLength(2);
    const runs = await Promise.all(
      entries.map((e) => runAction(actJob({ job: 'build', inputs: { mode: 'build', platforms: e.platform } }))),
    );
    entries.forEach((e, i) => (legs[e.platform] = ok(runs[i])));
    for (const [platform, j] of Object.entries(legs)) {
      const digest = j.main.outputs.digest;
      expect(digest, platform).toMatch(/^sha256:[0-9a-f]{64}$/);
      const m = await registryGet(env.registryAuth, `${repo}/manifests/${digest}`, {
        user: env.registryUser,
        password: env.registryPassword,
      });
      expect(m.status, platform).toBe(200);
      expect(m.digest).toBe(digest);
      // act's runtime token is a JWT BuildKit's cache client accepts: no "No GitHub cache" notice
      expect(j.main.stdout).not.toContain('No GitHub cache');
      expect(j.main.stdout).toContain(`Leg result for ${platform} handed to the merge job as artifact`);
    }
    // one run, one job id for every job (act's token): both results are artifacts of run 1, job 1
    expect(artifacts.artifacts(RUN).map((a) => [a.job, a.finalized])).toEqual([
      [RUN, true],
      [RUN, true],
    ]);
    // each leg exported its own cache scope to act's (v1) cache server
    for (const pair of ['linux-amd64', 'linux-arm64']) {
      expect(
        cache.entries().some((e) => e.committed && e.key.includes(`act-${nonce}-${pair}`)),
        pair,
      ).toBe(true);
    }
    for (const j of Object.values(legs)) expect(everything(j)).not.toContain(env.registryPassword);
  });

  it('merge: collects both legs from the listing act answers (no digests), one index under every tag, no attestation', async () => {
    await setup();
    expect(Object.keys(legs)).toHaveLength(2);
    const listingsBefore = actServer.listings;
    const merged = ok(
      await runAction(actJob({ job: 'merge', inputs: { mode: 'merge', platforms: PLATFORMS, 'usage-port': '80:80' } })),
    );
    expect(actServer.listings).toBeGreaterThan(listingsBefore);
    const index = merged.main.outputs.digest;
    expect(index).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const tag of TAGS) {
      const m = await registryGet(env.registryAuth, `${repo}/manifests/${tag}`, {
        user: env.registryUser,
        password: env.registryPassword,
      });
      expect(m.digest, tag).toBe(index);
      const platforms = Object.fromEntries(
        (m.json.manifests as { platform: { os: string; architecture: string }; digest: string }[]).map((e) => [
          `${e.platform.os}/${e.platform.architecture}`,
          e.digest,
        ]),
      );
      expect(platforms).toEqual({
        'linux/amd64': legs['linux/amd64'].main.outputs.digest,
        'linux/arm64': legs['linux/arm64'].main.outputs.digest,
      });
    }
    expect(merged.main.outputs['pushed-tags'].split('\n').sort()).toEqual(
      TAGS.map((t) => `${env.registryAuth}/${repo}:${t}`).sort(),
    );
    // act gives no OIDC token: the index is published and not attested, with a notice
    expect(merged.main.stdout).toContain('::notice::Build-provenance attestation skipped: this run has no OIDC token;');
    expect(merged.main.outputs['attestation-id'] ?? '').toBe('');
    // act sets no RUNNER_NAME: the legs' rows name the runner by OS and architecture
    const summary = merged.main.summary;
    expect(summary).toContain('Published (merged from 2 legs)');
    for (const platform of Object.keys(legs)) {
      expect(summary).toMatch(
        new RegExp(`\\| \`${platform}\` \\| Linux X64 \\| \`${legs[platform].main.outputs.digest}\` \\|`),
      );
    }
    expect(everything(merged)).not.toContain(env.registryPassword);
  });

  it('without --artifact-server-path the merge fails at once, saying which act flag hands the legs over', async () => {
    await setup();
    const j = await runAction(
      actJob({
        job: 'merge',
        artifactServer: false,
        inputs: { mode: 'merge', platforms: PLATFORMS, tags: 'type=raw,value=no-artifact-server' },
      }),
    );
    expect(j.main.code).toBe(1);
    const errors = visible(j.main.stdout)
      .split('\n')
      .filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([
      expect.stringContaining(
        "mode build and mode merge hand the legs' results over through the run's artifact service, and this job " +
          'has none (ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set). Under act, start it with ' +
          '--artifact-server-path <dir> (e.g. --artifact-server-path /tmp/artifacts).',
      ),
    ]);
    const m = await registryGet(env.registryAuth, `${repo}/manifests/no-artifact-server`, {
      user: env.registryUser,
      password: env.registryPassword,
    });
    expect(m.status).toBe(404);
  });
});
