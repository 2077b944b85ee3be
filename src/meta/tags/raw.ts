// type=raw and type=sha: values that need no Git tag.
import { render } from '../expressions.js';
import { shortSha } from '../refs.js';
import type { RawRule, ShaRule } from '../rules.js';
import type { TagProducer } from './types.js';

/** type=raw: the value (with global expressions). */
export const rawTag: TagProducer<RawRule> = (rule, _env, scope) => ({
  value: render(rule.value, scope, 'tags', rule.line),
  latest: false,
});

/** type=sha: the commit, short (settings.shortShaLength) or long; prefix `sha-` by default. */
export const shaTag: TagProducer<ShaRule> = (rule, env) => {
  const sha = env.ctx.sha;
  if (!sha) return undefined;
  return { value: rule.format === 'long' ? sha : shortSha(sha, env.ctx.settings.shortShaLength), latest: false };
};
