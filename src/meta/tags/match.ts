// type=match: a capture group of a regular expression matched against the Git tag (or value).
import { rawSource } from './source.js';
import type { MatchRule } from '../rules.js';
import type { TagProducer } from './types.js';

export const matchTag: TagProducer<MatchRule> = (rule, env, scope) => {
  const raw = rawSource(rule, env, scope);
  if (raw === undefined) return undefined;
  const m = raw.match(rule.pattern.regex);
  if (!m) {
    env.warn(rule, `${rule.pattern.source} does not match ${raw}; no tag`);
    return undefined;
  }
  const value = m[rule.group];
  if (value === undefined) {
    env.warn(rule, `group ${rule.group} does not exist for ${rule.pattern.source} in ${raw}; no tag`);
    return undefined;
  }
  return { value, latest: true };
};
