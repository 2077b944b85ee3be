// Builders for the engine's inputs and context: a fixed clock (2020-01-10T00:30:00Z), repository
// octocat/Hello-World with default branch `master`, and one context per kind of GitHub event; and `compute`, the
// engine as the action runs it (rules parsed once, both version parsers loaded).
import { computeMeta, loadVersionParsers, parseTagRules, type MetaOutcome } from '../../../src/meta/index.js';
import type { EventPayload, MetaContext, MetaInputs, MetaSettings } from '../../../src/meta/types.js';

/** Both version parsers, as loadVersionParsers gives them for rules of both types. */
export const PARSERS = await loadVersionParsers([{ type: 'semver' }, { type: 'pep440' }]);

/** parseTagRules + computeMeta, as main.ts and the plan call them. */
export function compute(inputs: MetaInputs, context: MetaContext): MetaOutcome {
  return computeMeta(inputs, context, { rules: parseTagRules(inputs.tags), parsers: PARSERS });
}

export const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';
export const PR_HEAD_SHA = 'a9c8c5828b91be19d9728548b24759e352367ef1';
export const NOW = new Date('2020-01-10T00:30:00Z');
export const COMMIT_DATE = new Date('2020-01-08T15:04:05Z');

export interface ContextOverrides extends Partial<Omit<MetaContext, 'settings' | 'repo'>> {
  settings?: Partial<MetaSettings>;
  repo?: Partial<MetaContext['repo']>;
}

export function metaContext(o: ContextOverrides = {}): MetaContext {
  return {
    eventName: o.eventName ?? 'push',
    ref: o.ref ?? 'refs/heads/dev',
    sha: o.sha ?? SHA,
    payload: o.payload ?? {},
    repo: {
      name: 'Hello-World',
      description: 'This your first repo!',
      htmlUrl: 'https://github.com/octocat/Hello-World',
      license: 'MIT',
      defaultBranch: 'master',
      ...o.repo,
    },
    now: o.now ?? NOW,
    commitDate: o.commitDate ?? COMMIT_DATE,
    settings: { prHeadSha: false, shortShaLength: 7, annotationLevels: ['manifest'], ...o.settings },
  };
}

export function metaInputs(o: Partial<MetaInputs> = {}): MetaInputs {
  return { images: ['user/app'], tags: [], flavor: [], labels: [], annotations: [], ...o };
}

const prPayload = (extra: EventPayload = {}): EventPayload => ({
  number: 15,
  pull_request: {
    number: 15,
    head: { sha: PR_HEAD_SHA, ref: 'feature/login', repo: { full_name: 'octocat/Hello-World' } },
    base: { sha: SHA, ref: 'master', repo: { full_name: 'octocat/Hello-World' } },
  },
  repository: { default_branch: 'master' },
  ...extra,
});

/** Contexts for the usual events. */
export const events = {
  pushBranch: (branch = 'dev', o: ContextOverrides = {}) =>
    metaContext({ eventName: 'push', ref: `refs/heads/${branch}`, ...o }),
  pushDefault: (o: ContextOverrides = {}) =>
    metaContext({
      eventName: 'push',
      ref: 'refs/heads/master',
      payload: { repository: { default_branch: 'master' } },
      ...o,
    }),
  pushTag: (tag: string, o: ContextOverrides = {}) => metaContext({ eventName: 'push', ref: `refs/tags/${tag}`, ...o }),
  pullRequest: (o: ContextOverrides = {}) =>
    metaContext({ eventName: 'pull_request', ref: 'refs/pull/15/merge', payload: prPayload(), ...o }),
  /** GITHUB_REF of pull_request_target is the base branch */
  pullRequestTarget: (o: ContextOverrides = {}) =>
    metaContext({ eventName: 'pull_request_target', ref: 'refs/heads/master', payload: prPayload(), ...o }),
  schedule: (o: ContextOverrides = {}) => metaContext({ eventName: 'schedule', ref: 'refs/heads/master', ...o }),
  workflowDispatch: (branch = 'master', o: ContextOverrides = {}) =>
    metaContext({ eventName: 'workflow_dispatch', ref: `refs/heads/${branch}`, ...o }),
};
