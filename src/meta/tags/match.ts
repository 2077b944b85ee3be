import { InputError } from '../../errors.js';
import { versionSource } from './source.js';
import type { TagProducer } from './types.js';

/** The rule's pattern as a RegExp: `/source/flags` or a plain regular expression. */
export function matchRegExp(pattern: string, line: string): RegExp {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  try {
    return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern);
  } catch (err) {
    throw new InputError('tags', line, `pattern=<regular expression> (${(err as Error).message})`);
  }
}

/** type=match: a capture group of a regular expression matched against the Git tag (or value). */
export const matchTag: TagProducer = (rule, env, scope) => {
  const re = matchRegExp(rule.pattern!, rule.line);
  const raw = versionSource(rule, env, scope, true);
  if (raw === undefined) return undefined;
  const m = raw.match(re);
  if (!m) {
    env.warn(`${rule.pattern} does not match ${raw}.`);
    return undefined;
  }
  const value = m[rule.group];
  if (value === undefined) {
    env.warn(`Group ${rule.group} does not exist for ${rule.pattern} pattern.`);
    return undefined;
  }
  return { value, latest: true };
};
