import { render } from '../expressions.js';
import type { TagProducer } from './types.js';

/** type=schedule: on schedule events, the pattern (default `nightly`) with {{date}} expressions. */
export const scheduleTag: TagProducer = (rule, env, scope) => {
  if (!/schedule/.test(env.ctx.eventName)) return undefined;
  return { value: render(rule.pattern ?? 'nightly', scope, 'tags', rule.line), latest: false };
};
