import type { Flavor } from '../flavor.js';
import type { TagRule } from '../rules.js';
import type { Scope } from '../template.js';
import type { MetaContext } from '../types.js';

export interface TagEnv {
  /** the effective context (refs.effectiveContext) */
  ctx: MetaContext;
  flavor: Flavor;
  defaultBranch: string | undefined;
  warn: (message: string) => void;
}

/** A tag value produced by a rule, before prefix/suffix and sanitising. */
export interface Candidate {
  value: string;
  /** whether `latest=auto` adds `latest` when this is the first tag */
  latest: boolean;
}

export type TagProducer = (rule: TagRule, env: TagEnv, scope: Scope) => Candidate | undefined;
