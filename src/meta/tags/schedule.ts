// type=schedule: on schedule events, the pattern (default `nightly`) with the global expressions.
import { render } from '../expressions.js';
import type { ScheduleRule } from '../rules.js';
import type { TagProducer } from './types.js';

export const scheduleTag: TagProducer<ScheduleRule> = (rule, env, scope) => {
  if (!/schedule/.test(env.ctx.eventName)) return undefined;
  return { value: render(rule.pattern, scope, 'tags', rule.line), latest: false };
};
