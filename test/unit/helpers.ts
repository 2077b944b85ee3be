// Builders for typed Inputs and Context in unit tests (a fixed clock, a real-shaped payload).
import type { Context } from '../../src/context.js';
import { loadVersionParsers, parseTagRules } from '../../src/meta/index.js';
import { plan, type Plan } from '../../src/plan/index.js';
import type { Inputs } from '../../src/inputs/index.js';
import { event, SHA, type EventFixture } from '../fixtures/events.js';

export const NOW = new Date('2026-01-01T00:00:00Z');

/** The builder inputs when none is given: the current builder, a docker-container builder when it cannot. */
export const NO_BUILDER_INPUTS: Inputs['builderSetup'] = {
  node: { platforms: [], driverOpts: [] },
  append: [],
  tls: [],
  use: false,
  cleanup: true,
  keepState: false,
  qemu: { image: 'tonistiigi/binfmt:latest' },
};

export function inputs(over: Partial<Inputs> = {}): Inputs {
  return {
    meta: { images: ['ghcr.io/octo-org/app'], tags: [], flavor: [], labels: [], annotations: [], ...over.meta },
    sepTags: '\n',
    sepLabels: '\n',
    sepAnnotations: '\n',
    login: { ecr: 'auto', registryAuth: [], logout: true, notices: [] },
    fanout: { mode: 'publish', runners: {}, digests: {} },
    builderSetup: NO_BUILDER_INPUTS,
    compat: { notices: [] },
    context: '.',
    platforms: [],
    load: false,
    buildArgs: [],
    secrets: [],
    cacheFrom: [],
    cacheTo: [],
    noCache: false,
    pull: false,
    outputs: [],
    buildContexts: [],
    ssh: [],
    secretFiles: [],
    secretEnvs: [],
    addHosts: [],
    allow: [],
    ulimits: [],
    noCacheFilters: [],
    secretValues: [],
    attest: 'auto',
    pushToRegistry: true,
    githubToken: 'ghs_token',
    dryRun: false,
    summary: true,
    ...over,
  };
}

/** The runtime a hosted runner offers (override per case). */
export function runtime(over: Partial<Context['runtime']> = {}): Context['runtime'] {
  return {
    act: false,
    oidc: true,
    cache: { kind: 'none' },
    runnerTemp: '/runner/temp',
    dockerConfig: '/home/runner/.docker',
    instance: '99-1-publish-4242',
    runner: { name: 'GitHub Actions 2', os: 'Linux', arch: 'X64' },
    artifacts: true,
    ...over,
  };
}

export function context(fixture: EventFixture = 'push-master', over: Partial<Context> = {}): Context {
  const payload = event(fixture) as Context['payload'];
  const refs: Record<EventFixture, [string, string]> = {
    'push-master': ['push', 'refs/heads/master'],
    'push-tag': ['push', 'refs/tags/v1.2.3'],
    'pull-request': ['pull_request', 'refs/pull/42/merge'],
    'pull-request-fork': ['pull_request', 'refs/pull/42/merge'],
    schedule: ['schedule', 'refs/heads/master'],
    'workflow-dispatch': ['workflow_dispatch', 'refs/heads/master'],
  };
  const [eventName, ref] = refs[fixture];
  const pr = payload.pull_request;
  return {
    eventName,
    ref,
    sha: SHA,
    payload,
    repo: {
      name: 'app',
      description: 'An app',
      htmlUrl: 'https://github.com/octo-org/app',
      license: 'MIT',
      defaultBranch: 'master',
    },
    now: NOW,
    commitDate: NOW,
    settings: { prHeadSha: false, shortShaLength: 7, annotationLevels: ['manifest'] },
    actor: 'octocat',
    repository: 'octo-org/app',
    serverUrl: 'https://github.com',
    runId: '99',
    runAttempt: 1,
    annotationLevelsGiven: false,
    prHeadRef: false,
    pr: pr
      ? {
          number: pr.number ?? 0,
          headRepo: pr.head?.repo?.full_name,
          baseRepo: pr.base?.repo?.full_name,
          fork: pr.head?.repo?.full_name !== pr.base?.repo?.full_name,
        }
      : undefined,
    runtime: runtime(),
    warnings: [],
    ...over,
  };
}

/** Both version parsers, loaded once for every unit test that plans. */
const PARSERS = await loadVersionParsers([{ type: 'semver' }, { type: 'pep440' }] as Parameters<
  typeof loadVersionParsers
>[0]);

/** The plan main.ts makes for these inputs: rules parsed, their version parsers at hand. */
export function planOf(i: Inputs, ctx: Context): Plan {
  return plan(i, ctx, { rules: parseTagRules(i.meta.tags), parsers: PARSERS });
}
