// The build context as build-push-action reads it: a path, a URL, or `{{defaultContext}}` — the repository at this
// run's commit as a Git context (`<server>/<owner>/<repo>.git#<sha>`), optionally with `:<subdir>`, e.g.
// `{{defaultContext}}:api`. BuildKit then clones it itself, so a private repository needs the github-token as the
// `GIT_AUTH_TOKEN.<host>` build secret, which build-push-action passes the same way.
import type { Context } from '../context.js';

const TEMPLATE = /\{\{\s*defaultContext\s*\}\}/g;

export function usesDefaultContext(value: string): boolean {
  // nearly every context is a plain path: no expression to compile the pattern for. search, unlike test, neither
  // reads nor moves the global pattern's lastIndex.
  return value.includes('{{') && value.search(TEMPLATE) >= 0;
}

/**
 * The Git context of this run: the event's commit (a pull request's merge commit, or its head commit when
 * DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF is set — the same rule as build-push-action).
 */
export function defaultGitContext(
  ctx: Pick<Context, 'serverUrl' | 'repository' | 'sha' | 'ref' | 'payload' | 'prHeadRef'>,
): string {
  let commit = ctx.sha || ctx.ref;
  if (ctx.prHeadRef && ctx.ref.startsWith('refs/pull/')) {
    const head = ctx.payload.pull_request?.head?.sha;
    commit = typeof head === 'string' ? head : ctx.ref.replace(/\/merge$/, '/head');
  }
  return `${ctx.serverUrl}/${ctx.repository}.git#${commit}`;
}

export function renderDefaultContext(value: string, gitContext: string): string {
  return value.replace(TEMPLATE, gitContext);
}

/** The build secret that lets BuildKit clone the repository: `GIT_AUTH_TOKEN.<server host>`. */
export function gitAuthSecretId(serverUrl: string): string {
  return `GIT_AUTH_TOKEN.${new URL(serverUrl).host}`;
}
