// type=ref and type=edge: tags named after the Git ref.
import { branchName, isBranchRef, isPullRef, isTagRef, pullName, tagName } from '../refs.js';
import type { EdgeRule, RefRule } from '../rules.js';
import type { TagProducer } from './types.js';

/** type=ref: the branch, tag or pull-request number (prefix `pr-` by default) of the Git ref. */
export const refTag: TagProducer<RefRule> = (rule, env) => {
  const ref = env.ctx.ref;
  switch (rule.event) {
    case 'branch':
      return isBranchRef(ref) ? { value: branchName(ref), latest: false } : undefined;
    case 'tag':
      return isTagRef(ref) ? { value: tagName(ref), latest: true } : undefined;
    case 'pr':
      return isPullRef(ref) ? { value: pullName(ref), latest: false } : undefined;
  }
};

/** type=edge: `edge` on a push to the given branch (default: the repository's default branch). */
export const edgeTag: TagProducer<EdgeRule> = (rule, env) => {
  if (!isBranchRef(env.ctx.ref)) return undefined;
  const branch = rule.branch || env.defaultBranch;
  if (!branch || branch !== branchName(env.ctx.ref)) return undefined;
  return { value: 'edge', latest: false };
};
