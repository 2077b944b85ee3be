// The read side (src/context.ts) without root or Docker: event payloads from files, the REST fallback for
// repository metadata against the GitHub API double on 127.0.0.1, and what the runtime offers (cache service,
// OIDC, act). Every run pins SOURCE_DATE_EPOCH, so no case depends on the real clock.
import { InputError } from '../../src/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContext, repoMetadataFrom, runClock, type Context } from '../../src/context.js';
import type { Env } from '../../src/runner.js';
import { startFaultProxy } from '../doubles/fault-proxy.js';
import { startGitHubApiDouble, type GitHubApiDouble } from '../doubles/github-api.js';
import { event, SHA, type EventFixture } from '../fixtures/events.js';

const dir = mkdtempSync(join(tmpdir(), 'context-test-'));
let files = 0;
function payloadFile(payload: unknown): string {
  const p = join(dir, `event-${files++}.json`);
  writeFileSync(p, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return p;
}

const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
const PROC = { pid: 4242, home: '/home/runner' };

let api: GitHubApiDouble;
beforeAll(async () => {
  api = await startGitHubApiDouble({ repository: 'octo-org/publish-image-demo' });
});
afterAll(() => api.close());

function baseEnv(over: Env = {}): Env {
  return {
    GITHUB_REPOSITORY: 'octo-org/publish-image',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/master',
    GITHUB_SHA: SHA,
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '99',
    GITHUB_API_URL: api.url,
    SOURCE_DATE_EPOCH: EPOCH,
    ...over,
  };
}

async function read(over: Env, token = 'ghs_token'): Promise<{ ctx: Context; requests: typeof api.requests }> {
  const before = api.requests.length;
  const ctx = await readContext(baseEnv(over), token, PROC);
  return { ctx, requests: api.requests.slice(before) };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('the event payload', () => {
  it('is read from GITHUB_EVENT_PATH with the GITHUB_* facts; a complete repository needs no request', async () => {
    const payload = event('push-master');
    const { ctx, requests } = await read({ GITHUB_EVENT_PATH: payloadFile(payload) });
    expect(ctx).toMatchObject({
      eventName: 'push',
      ref: 'refs/heads/master',
      sha: SHA,
      payload,
      actor: 'octocat',
      repository: 'octo-org/publish-image',
      serverUrl: 'https://github.com',
      runId: '99',
      runAttempt: 1,
      visibility: 'public',
      pr: undefined,
      warnings: [],
    });
    expect(ctx.repo).toEqual({
      name: 'publish-image',
      description: 'One step to publish a container image',
      htmlUrl: 'https://github.com/octo-org/publish-image',
      license: 'MIT',
      defaultBranch: 'master',
    });
    expect(requests).toEqual([]);
  });

  it('a missing file is an error naming the variable and the path', async () => {
    const path = join(dir, 'no-such-event.json');
    await expect(readContext(baseEnv({ GITHUB_EVENT_PATH: path }), '', PROC)).rejects.toThrow(
      `Could not read the event payload at GITHUB_EVENT_PATH=${path}: ENOENT: no such file or directory, open '${path}'`,
    );
  });

  it('a file that is not JSON is an error with the parser message', async () => {
    const path = payloadFile('{"ref": ');
    let parserMessage = '';
    try {
      JSON.parse('{"ref": ');
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    await expect(readContext(baseEnv({ GITHUB_EVENT_PATH: path }), '', PROC)).rejects.toThrow(
      `Could not read the event payload at GITHUB_EVENT_PATH=${path}: ${parserMessage}`,
    );
  });

  it('the commit date is the head commit timestamp, else the run clock', async () => {
    const tag = await read({ GITHUB_EVENT_PATH: payloadFile(event('push-tag')), GITHUB_REF: 'refs/tags/v1.2.3' });
    expect(tag.ctx.commitDate.toISOString()).toBe('2026-11-20T09:11:12.000Z');
    expect(tag.ctx.now.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const schedule = await read({ GITHUB_EVENT_PATH: payloadFile(event('schedule')), GITHUB_EVENT_NAME: 'schedule' });
    expect(schedule.ctx.commitDate.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('repository metadata: the REST fallback', () => {
  const demo = { GITHUB_REPOSITORY: 'octo-org/publish-image-demo' };

  it('no payload: GET /repos/{owner}/{repo} with the token as a bearer', async () => {
    const { ctx, requests } = await read(demo);
    expect(ctx.repo).toEqual({
      name: 'publish-image-demo',
      description: 'A model image published with publish-image',
      htmlUrl: 'https://github.com/octo-org/publish-image-demo',
      license: 'MIT',
      defaultBranch: 'main',
    });
    expect(ctx.warnings).toEqual([]);
    expect(requests).toEqual([
      {
        method: 'GET',
        path: '/repos/octo-org/publish-image-demo',
        query: '',
        hasAuth: true,
        authScheme: 'bearer',
        authValue: 'ghs_token',
        userAgent: 'publish-image',
        body: undefined,
      },
    ]);
  });

  it("through the runner's HTTP proxy when one is set", async () => {
    const proxy = await startFaultProxy({ target: new URL(api.url).host });
    try {
      const { ctx, requests } = await read({ ...demo, http_proxy: proxy.url });
      expect(ctx.repo.defaultBranch).toBe('main');
      expect(requests).toHaveLength(1);
      expect(proxy.requests.map((r) => [r.viaProxy, r.path])).toEqual([[true, '/repos/octo-org/publish-image-demo']]);
    } finally {
      await proxy.close();
    }
  });

  it('without a token the request carries no Authorization header', async () => {
    const { requests } = await read(demo, '');
    expect(requests.map((r) => [r.path, r.hasAuth])).toEqual([['/repos/octo-org/publish-image-demo', false]]);
  });

  it('a payload repository without html_url or default_branch is completed from the API', async () => {
    const { ctx, requests } = await read({
      ...demo,
      GITHUB_EVENT_PATH: payloadFile({ repository: { name: 'publish-image-demo', description: 'from payload' } }),
    });
    expect(requests).toHaveLength(1);
    expect(ctx.repo.description).toBe('A model image published with publish-image');
  });

  it('404: a warning, and what the payload had', async () => {
    const { ctx, requests } = await read({
      GITHUB_REPOSITORY: 'octo-org/missing',
      GITHUB_EVENT_PATH: payloadFile({ repository: { name: 'missing', description: 'only this' } }),
    });
    expect(requests.map((r) => r.path)).toEqual(['/repos/octo-org/missing']);
    expect(ctx.repo).toEqual({
      name: 'missing',
      description: 'only this',
      htmlUrl: undefined,
      license: undefined,
      defaultBranch: undefined,
    });
    expect(ctx.warnings).toEqual([
      'Repository metadata for octo-org/missing is unavailable (HTTP 404); the description, url and license labels are left out.',
    ]);
  });

  it('404 without a payload: the name from GITHUB_REPOSITORY', async () => {
    const { ctx } = await read({ GITHUB_REPOSITORY: 'octo-org/missing' });
    expect(ctx.repo).toEqual({ name: 'missing' });
  });

  it('unreachable API: a warning, no failure', async () => {
    const port = await closedPort();
    const { ctx } = await read({ ...demo, GITHUB_API_URL: `http://127.0.0.1:${port}/` });
    expect(ctx.repo).toEqual({ name: 'publish-image-demo' });
    expect(ctx.warnings).toEqual([
      `Repository metadata for octo-org/publish-image-demo is unavailable (connect ECONNREFUSED 127.0.0.1:${port}); the description, url and license labels are left out.`,
    ]);
  });

  it('a body without a name: a warning', async () => {
    api.setRepo({ name: '' });
    try {
      const { ctx } = await read(demo);
      expect(ctx.warnings).toEqual([
        'Repository metadata for octo-org/publish-image-demo is unavailable (response has no repository name); the description, url and license labels are left out.',
      ]);
    } finally {
      api.setRepo({});
    }
  });

  const bodies = [
    {
      name: 'NOASSERTION is no license',
      body: { name: 'r', license: { spdx_id: 'NOASSERTION' }, html_url: 'https://x', default_branch: 'main' },
      expected: { name: 'r', description: undefined, htmlUrl: 'https://x', license: undefined, defaultBranch: 'main' },
    },
    {
      name: 'master_branch when default_branch is absent (old payloads)',
      body: { name: 'r', description: 'd', license: null, master_branch: 'trunk' },
      expected: { name: 'r', description: 'd', htmlUrl: undefined, license: undefined, defaultBranch: 'trunk' },
    },
    {
      name: 'empty strings are absent values',
      body: { name: 'r', description: '', html_url: '', default_branch: '' },
      expected: { name: 'r', description: undefined, htmlUrl: undefined, license: undefined, defaultBranch: undefined },
    },
    { name: 'no name, no metadata', body: { description: 'd' }, expected: undefined },
  ];
  for (const c of bodies) it(`repoMetadataFrom: ${c.name}`, () => expect(repoMetadataFrom(c.body)).toEqual(c.expected));
});

describe('visibility', () => {
  const cases = [
    { name: 'visibility field', repository: { visibility: 'internal', private: true }, expected: 'internal' },
    { name: 'private: true', repository: { private: true }, expected: 'private' },
    { name: 'private: false', repository: { private: false }, expected: 'public' },
    { name: 'neither', repository: {}, expected: undefined },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const repository = { name: 'r', html_url: 'https://github.com/o/r', default_branch: 'main', ...c.repository };
      const { ctx } = await read({ GITHUB_EVENT_PATH: payloadFile({ repository }) });
      expect(ctx.visibility).toBe(c.expected);
    });
  }
});

describe('pull requests', () => {
  const cases: {
    name: string;
    fixture: EventFixture;
    eventName: string;
    actor?: string;
    expected: Context['pr'];
  }[] = [
    {
      name: 'same repository',
      fixture: 'pull-request',
      eventName: 'pull_request',
      expected: { number: 42, headRepo: 'octo-org/publish-image', baseRepo: 'octo-org/publish-image', fork: false },
    },
    {
      name: 'from a fork',
      fixture: 'pull-request-fork',
      eventName: 'pull_request',
      expected: { number: 42, headRepo: 'forker/publish-image', baseRepo: 'octo-org/publish-image', fork: true },
    },
    {
      name: 'pull_request_target from a fork',
      fixture: 'pull-request-fork',
      eventName: 'pull_request_target',
      expected: { number: 42, headRepo: 'forker/publish-image', baseRepo: 'octo-org/publish-image', fork: true },
    },
    {
      // Dependabot's branches live in the repository itself: not a fork (plan/ reads the actor for its token)
      name: 'from Dependabot',
      fixture: 'pull-request',
      eventName: 'pull_request',
      actor: 'dependabot[bot]',
      expected: { number: 42, headRepo: 'octo-org/publish-image', baseRepo: 'octo-org/publish-image', fork: false },
    },
    {
      name: 'a push carrying a pull_request key is no PR',
      fixture: 'pull-request',
      eventName: 'push',
      expected: undefined,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { ctx } = await read({
        GITHUB_EVENT_PATH: payloadFile(event(c.fixture)),
        GITHUB_EVENT_NAME: c.eventName,
        GITHUB_REF: 'refs/pull/42/merge',
        ...(c.actor ? { GITHUB_ACTOR: c.actor } : {}),
      });
      expect(ctx.pr).toEqual(c.expected);
      expect(ctx.actor).toBe(c.actor ?? 'octocat');
    });
  }

  it('repository names differing only in case are the same repository', async () => {
    const payload = event('pull-request-fork') as { pull_request: { head: { repo: { full_name: string } } } };
    payload.pull_request.head.repo.full_name = 'Octo-Org/Publish-Image';
    const { ctx } = await read({ GITHUB_EVENT_PATH: payloadFile(payload), GITHUB_EVENT_NAME: 'pull_request' });
    expect(ctx.pr?.fork).toBe(false);
  });
});

describe('runtime', () => {
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJhYyI6IltdIn0.c2ln';
  const cacheCases = [
    { name: 'no runtime token: none', env: { ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' }, expected: { kind: 'none' } },
    {
      name: 'v1: ACTIONS_CACHE_URL',
      env: { ACTIONS_RUNTIME_TOKEN: JWT, ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' },
      expected: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: true },
    },
    {
      name: 'v2: ACTIONS_CACHE_SERVICE_V2 with ACTIONS_RESULTS_URL wins over v1',
      env: {
        ACTIONS_RUNTIME_TOKEN: JWT,
        ACTIONS_CACHE_URL: 'http://127.0.0.1:1/',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:2/',
        ACTIONS_CACHE_SERVICE_V2: 'true',
      },
      expected: { kind: 'v2', url: 'http://127.0.0.1:2/', tokenIsJwt: true },
    },
    {
      name: 'v2 flag without a results URL: v1',
      env: { ACTIONS_RUNTIME_TOKEN: JWT, ACTIONS_CACHE_URL: 'http://127.0.0.1:1/', ACTIONS_CACHE_SERVICE_V2: 'true' },
      expected: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: true },
    },
    {
      name: 'only a results URL: v2',
      env: { ACTIONS_RUNTIME_TOKEN: JWT, ACTIONS_RESULTS_URL: 'http://127.0.0.1:2/' },
      expected: { kind: 'v2', url: 'http://127.0.0.1:2/', tokenIsJwt: true },
    },
    { name: 'a token but no service URL: none', env: { ACTIONS_RUNTIME_TOKEN: JWT }, expected: { kind: 'none' } },
    {
      name: "act's plain-string token is no JWT",
      env: { ACTIONS_RUNTIME_TOKEN: 'token', ACTIONS_CACHE_URL: 'http://127.0.0.1:1/', ACT: 'true' },
      expected: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: false },
    },
    {
      name: 'two segments are no JWT',
      env: { ACTIONS_RUNTIME_TOKEN: 'a.b', ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' },
      expected: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: false },
    },
  ];
  for (const c of cacheCases) {
    it(`cache service: ${c.name}`, async () => {
      const { ctx } = await read({ GITHUB_EVENT_PATH: payloadFile(event('push-master')), ...c.env });
      expect(ctx.runtime.cache).toEqual(c.expected);
    });
  }

  const flags = [
    { name: 'act', env: { ACT: 'true' }, expected: { act: true, oidc: false, artifacts: false } },
    { name: 'ACT=1 is not act', env: { ACT: '1' }, expected: { act: false, oidc: false, artifacts: false } },
    {
      name: 'OIDC needs both URL and token',
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:3/', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' },
      expected: { act: false, oidc: true, artifacts: false },
    },
    {
      name: 'OIDC URL alone is no OIDC',
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:3/' },
      expected: { act: false, oidc: false, artifacts: false },
    },
    {
      name: 'artifacts: results URL with a runtime token',
      env: { ACTIONS_RESULTS_URL: 'http://127.0.0.1:2/', ACTIONS_RUNTIME_TOKEN: JWT },
      expected: { act: false, oidc: false, artifacts: true },
    },
  ];
  for (const c of flags) {
    it(c.name, async () => {
      const { ctx } = await read({ GITHUB_EVENT_PATH: payloadFile(event('push-master')), ...c.env });
      expect(ctx.runtime).toMatchObject(c.expected);
    });
  }

  it('directories, instance name and runner facts', async () => {
    const { ctx } = await read({
      GITHUB_EVENT_PATH: payloadFile(event('push-master')),
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_JOB: 'build image',
      RUNNER_TEMP: '/runner/_temp',
      RUNNER_NAME: 'GitHub Actions 7',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'ARM64',
    });
    expect(ctx.runAttempt).toBe(2);
    expect(ctx.runtime).toMatchObject({
      runnerTemp: '/runner/_temp',
      dockerConfig: '/home/runner/.docker',
      instance: '99-2-build-image-4242',
      runner: { name: 'GitHub Actions 7', os: 'Linux', arch: 'ARM64' },
    });
  });

  it('defaults: TMPDIR then /tmp; DOCKER_CONFIG when set; a local instance name', async () => {
    const tmp = await read({ GITHUB_EVENT_PATH: payloadFile(event('push-master')), GITHUB_RUN_ID: '', TMPDIR: '/t' });
    expect(tmp.ctx.runtime).toMatchObject({
      runnerTemp: '/t',
      dockerConfig: '/home/runner/.docker',
      instance: 'local-4242',
    });
    const cfg = await read({ GITHUB_EVENT_PATH: payloadFile(event('push-master')), DOCKER_CONFIG: '/cfg' });
    expect(cfg.ctx.runtime).toMatchObject({ runnerTemp: '/tmp', dockerConfig: '/cfg' });
  });
});

describe('runClock', () => {
  const fallback = () => new Date('2030-05-06T07:08:09Z');
  const cases = [
    {
      name: 'SOURCE_DATE_EPOCH in seconds',
      env: { SOURCE_DATE_EPOCH: '1700000000' },
      expected: '2023-11-14T22:13:20.000Z',
    },
    { name: 'zero is the epoch', env: { SOURCE_DATE_EPOCH: '0' }, expected: '1970-01-01T00:00:00.000Z' },
    { name: 'unset: the fallback', env: {}, expected: '2030-05-06T07:08:09.000Z' },
    {
      name: 'not a number: the fallback',
      env: { SOURCE_DATE_EPOCH: 'yesterday' },
      expected: '2030-05-06T07:08:09.000Z',
    },
    { name: 'negative: the fallback', env: { SOURCE_DATE_EPOCH: '-5' }, expected: '2030-05-06T07:08:09.000Z' },
    { name: 'fractional: the fallback', env: { SOURCE_DATE_EPOCH: '1.5' }, expected: '2030-05-06T07:08:09.000Z' },
  ];
  for (const c of cases) it(c.name, () => expect(runClock(c.env, fallback).toISOString()).toBe(c.expected));
});

describe('DOCKER_METADATA_* settings', () => {
  const cases = [
    {
      name: 'defaults',
      env: {},
      expected: { prHeadSha: false, shortShaLength: 7, annotationLevels: ['manifest'] },
      given: false,
    },
    {
      name: 'PR head sha in any case, a short sha length, levels trimmed',
      env: {
        DOCKER_METADATA_PR_HEAD_SHA: 'TRUE',
        DOCKER_METADATA_SHORT_SHA_LENGTH: '12',
        DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest, index,,',
      },
      expected: { prHeadSha: true, shortShaLength: 12, annotationLevels: ['manifest', 'index'] },
      given: true,
    },
    {
      name: 'yes is not true; an empty levels setting means the default, as in metadata-action',
      env: { DOCKER_METADATA_PR_HEAD_SHA: 'yes', DOCKER_METADATA_ANNOTATIONS_LEVELS: '' },
      expected: { prHeadSha: false, shortShaLength: 7, annotationLevels: ['manifest'] },
      given: false,
    },
  ];
  for (const bad of ['0', 'seven', '-3', '7.5']) {
    it(`DOCKER_METADATA_SHORT_SHA_LENGTH=${bad} is an error naming the setting, as metadata-action throws`, async () => {
      await expect(
        read({ GITHUB_EVENT_PATH: payloadFile(event('push-master')), DOCKER_METADATA_SHORT_SHA_LENGTH: bad }),
      ).rejects.toThrow(
        new InputError('DOCKER_METADATA_SHORT_SHA_LENGTH', bad, 'a positive whole number of characters, e.g. 7'),
      );
    });
  }
  for (const c of cases) {
    it(c.name, async () => {
      const { ctx } = await read({ GITHUB_EVENT_PATH: payloadFile(event('push-master')), ...c.env });
      expect(ctx.settings).toEqual(c.expected);
      expect(ctx.annotationLevelsGiven).toBe(c.given);
    });
  }
});
