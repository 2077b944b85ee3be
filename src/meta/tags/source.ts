import { render } from '../expressions.js';
import { isTagRef, tagName } from '../refs.js';
import type { TagRule } from '../rules.js';
import type { Scope } from '../template.js';
import type { TagEnv } from './types.js';

/**
 * The version text a semver/pep440/match rule reads: its `value` (rendered) when given, else the Git tag on a
 * tag ref (slashes as `-` unless `keepSlashes`); undefined when the rule does not apply.
 */
export function versionSource(rule: TagRule, env: TagEnv, scope: Scope, keepSlashes = false): string | undefined {
  if (rule.value.length > 0) return render(rule.value, scope, 'tags', rule.line);
  if (!isTagRef(env.ctx.ref)) return undefined;
  const tag = tagName(env.ctx.ref);
  return keepSlashes ? tag : tag.replace(/\//g, '-');
}
