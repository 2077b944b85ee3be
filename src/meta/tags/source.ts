// The text a semver/pep440/match rule reads its version from.
import { render } from '../expressions.js';
import { isTagRef, tagName } from '../refs.js';
import type { MatchRule, Pep440Rule, SemverRule } from '../rules.js';
import type { Scope } from '../template.js';
import type { TagEnv } from './types.js';

/** The rule's `value` (rendered) when given, else the Git tag on a tag ref; undefined when the rule does not apply. */
export function rawSource(rule: SemverRule | Pep440Rule | MatchRule, env: TagEnv, scope: Scope): string | undefined {
  if (rule.value.length > 0) return render(rule.value, scope, 'tags', rule.line);
  return isTagRef(env.ctx.ref) ? tagName(env.ctx.ref) : undefined;
}

/**
 * The version text of a semver/pep440 rule, as metadata-action reads it: the raw source, narrowed to group 1 of
 * `match=` when it matches (a warning when not: the whole text is used), then slashes as `-`.
 */
export function versionSource(rule: SemverRule | Pep440Rule, env: TagEnv, scope: Scope): string | undefined {
  let raw = rawSource(rule, env, scope);
  if (raw === undefined) return undefined;
  if (rule.match) {
    const m = raw.match(rule.match.regex);
    if (!m) {
      env.warn(rule, `match=${rule.match.source} does not match ${raw}; the whole text is used`);
    } else if (m[1] === undefined) {
      env.warn(rule, `group 1 of match=${rule.match.source} captured nothing in ${raw}; no tag`);
      return undefined;
    } else {
      raw = m[1];
    }
  }
  return raw.replace(/\//g, '-');
}
