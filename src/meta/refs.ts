// Reading the Git ref and commit the way metadata-action does.
import type { MetaContext } from './types.js';

/** The context as metadata-action sees it: pull_request_target uses the PR merge ref, and
 *  settings.prHeadSha swaps the commit for the PR head commit on pull_request* events. */
export function effectiveContext(ctx: MetaContext): MetaContext {
  let { ref, sha } = ctx;
  const pr = ctx.payload.pull_request;
  if (ctx.eventName === 'pull_request_target') {
    const number = typeof ctx.payload.number === 'number' ? ctx.payload.number : pr?.number;
    if (number !== undefined) ref = `refs/pull/${number}/merge`;
  }
  if (ctx.settings.prHeadSha && ctx.eventName.startsWith('pull_request') && pr?.head?.sha) {
    sha = pr.head.sha;
  }
  return ref === ctx.ref && sha === ctx.sha ? ctx : { ...ctx, ref, sha };
}

export const isBranchRef = (ref: string): boolean => ref.startsWith('refs/heads/');
export const isTagRef = (ref: string): boolean => ref.startsWith('refs/tags/');
export const isPullRef = (ref: string): boolean => ref.startsWith('refs/pull/');

/** `refs/heads/my/branch` → `my/branch`; '' when not a branch ref. */
export const branchName = (ref: string): string => (isBranchRef(ref) ? ref.slice('refs/heads/'.length) : '');
/** `refs/tags/v1.2.3` → `v1.2.3`; '' when not a tag ref. */
export const tagName = (ref: string): string => (isTagRef(ref) ? ref.slice('refs/tags/'.length) : '');
/** `refs/pull/42/merge` → `42`; '' when not a pull-request ref. */
export const pullName = (ref: string): string =>
  isPullRef(ref) ? ref.slice('refs/pull/'.length).replace(/\/merge$/, '') : '';

export function defaultBranch(ctx: MetaContext): string | undefined {
  const fromPayload = ctx.payload.repository?.default_branch;
  return ctx.repo.defaultBranch || (typeof fromPayload === 'string' ? fromPayload : undefined);
}

/** `{{is_default_branch}}`: the ref is the default branch, or the event always runs on it. */
export function isDefaultBranch(ctx: MetaContext): boolean {
  const branch = ctx.ref.replace(/^refs\/heads\//, '');
  if (branch === '') return false;
  const fromPayload = ctx.payload.repository?.default_branch;
  const def = typeof fromPayload === 'string' ? fromPayload : ctx.repo.defaultBranch;
  if (def !== undefined && def === branch) return true;
  // these events always run for the last commit on the default branch
  return /create|discussion|issues|schedule/.test(ctx.eventName);
}

export function shortSha(sha: string, length: number): string {
  return length >= sha.length ? sha : sha.slice(0, Math.max(0, Math.trunc(length)));
}
