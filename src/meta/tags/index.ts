// Turns the sorted tag rules into the version: main tag, other tags, and whether `latest` is added.
import { globalScope, render } from '../expressions.js';
import type { TagRule } from '../rules.js';
import { sanitizeTag } from '../sanitize.js';
import type { Scope } from '../template.js';
import { InputError } from '../../errors.js';
import type { Version } from '../types.js';
import { matchTag } from './match.js';
import { pep440Tag } from './pep440.js';
import { rawTag, shaTag } from './raw.js';
import { edgeTag, refTag } from './ref.js';
import { scheduleTag } from './schedule.js';
import { semverTag } from './semver.js';
import type { Candidate, TagEnv } from './types.js';

export type { TagEnv, Candidate, TagProducer } from './types.js';

/** The candidate of one rule, by its type. */
function produce(rule: TagRule, env: TagEnv, scope: Scope): Candidate | undefined {
  switch (rule.type) {
    case 'schedule':
      return scheduleTag(rule, env, scope);
    case 'semver':
      return semverTag(rule, env, scope);
    case 'pep440':
      return pep440Tag(rule, env, scope);
    case 'match':
      return matchTag(rule, env, scope);
    case 'edge':
      return edgeTag(rule, env, scope);
    case 'ref':
      return refTag(rule, env, scope);
    case 'raw':
      return rawTag(rule, env, scope);
    case 'sha':
      return shaTag(rule, env, scope);
  }
}

/** Whether the rule is enabled: its `enable` template must render to `true` or `false`. */
export function isEnabled(rule: TagRule, scope: Scope): boolean {
  const rendered = render(rule.enable, scope, 'tags', rule.line).trim();
  if (rendered === 'true') return true;
  if (rendered === 'false') return false;
  throw new InputError(
    'tags',
    rule.line,
    `enable=true or enable=false (or an expression giving one), got "${rendered}"`,
  );
}

/** prefix/suffix: the rule's own when it has one, else the flavor's. */
export function withAffixes(value: string, rule: TagRule, env: TagEnv, scope: Scope): string {
  const affix = (own: string | undefined, flavor: string): string => {
    if (own !== undefined) return own && render(own, scope, 'tags', rule.line);
    return flavor && render(flavor, scope, 'flavor', flavor);
  };
  return `${affix(rule.prefix, env.flavor.prefix)}${value}${affix(rule.suffix, env.flavor.suffix)}`;
}

export function computeVersion(rules: readonly TagRule[], env: TagEnv): Version {
  let main: string | undefined;
  const partial: string[] = [];
  let latest: boolean | undefined;
  for (const rule of rules) {
    const scope = globalScope(env.ctx, rule.tz);
    if (!isEnabled(rule, scope)) continue;
    const candidate = produce(rule, env, scope);
    if (!candidate || candidate.value.length === 0) continue;
    const text = withAffixes(candidate.value, rule, env, scope);
    const tag = sanitizeTag(text);
    if (tag.length === 0) {
      env.warn(rule, `the tag ${JSON.stringify(text)} has no valid tag characters; skipped`);
      continue;
    }
    if (main === undefined) main = tag;
    else if (tag !== main && !partial.includes(tag)) partial.push(tag);
    if (latest === undefined) {
      latest = env.flavor.latest === 'auto' ? candidate.latest : env.flavor.latest === 'true';
    }
  }
  return { main, partial, latest: latest ?? false };
}
