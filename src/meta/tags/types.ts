// What a tag producer gets and gives: the effective context, flavor and parsers in, one candidate tag out.
import type { Flavor } from '../flavor.js';
import type { TagRule } from '../rules.js';
import type { Scope } from '../template.js';
import type { MetaContext } from '../types.js';
import type { VersionParsers } from '../version-parsers.js';

export interface TagEnv {
  /** the effective context (refs.effectiveContext) */
  ctx: MetaContext;
  flavor: Flavor;
  defaultBranch: string | undefined;
  parsers: VersionParsers;
  /** a warning about one rule (the caller names the input and the line) */
  warn: (rule: TagRule, message: string) => void;
}

/** A tag value produced by a rule, before prefix/suffix and sanitising. */
export interface Candidate {
  value: string;
  /** whether `latest=auto` adds `latest` when this is the first tag */
  latest: boolean;
}

/** One function per tag type, typed by the rule it reads. */
export type TagProducer<R extends TagRule> = (rule: R, env: TagEnv, scope: Scope) => Candidate | undefined;
