import { render } from '../expressions.js';
import { shortSha } from '../refs.js';
import type { TagProducer } from './types.js';

/** type=raw: the value (with global expressions). */
export const rawTag: TagProducer = (rule, _env, scope) => ({
  value: render(rule.value, scope, 'tags', rule.line),
  latest: false,
});

/** type=sha: the commit, short (settings.shortShaLength) or long; prefix `sha-` by default. */
export const shaTag: TagProducer = (rule, env) => {
  const sha = env.ctx.sha;
  if (!sha) return undefined;
  return { value: rule.format === 'long' ? sha : shortSha(sha, env.ctx.settings.shortShaLength), latest: false };
};
