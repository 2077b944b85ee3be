// Turns the sorted tag rules into the version: main tag, other tags, and whether `latest` is added.
import { globalScope, render } from '../expressions.js';
import type { TagRule, TagType } from '../rules.js';
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
import type { TagEnv, TagProducer } from './types.js';

export type { TagEnv, Candidate, TagProducer } from './types.js';

const PRODUCERS: Record<TagType, TagProducer> = {
  schedule: scheduleTag,
  semver: semverTag,
  pep440: pep440Tag,
  match: matchTag,
  edge: edgeTag,
  ref: refTag,
  raw: rawTag,
  sha: shaTag,
};

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
  const prefix = rule.prefix ?? env.flavor.prefix;
  const suffix = rule.suffix ?? env.flavor.suffix;
  const pre = prefix
    ? render(
        prefix,
        scope,
        rule.prefix !== undefined ? 'tags' : 'flavor',
        rule.prefix !== undefined ? rule.line : prefix,
      )
    : '';
  const post = suffix
    ? render(
        suffix,
        scope,
        rule.suffix !== undefined ? 'tags' : 'flavor',
        rule.suffix !== undefined ? rule.line : suffix,
      )
    : '';
  return `${pre}${value}${post}`;
}

export function computeVersion(rules: TagRule[], env: TagEnv): Version {
  let main: string | undefined;
  const partial: string[] = [];
  let latest: boolean | undefined;
  for (const rule of rules) {
    const scope = globalScope(env.ctx, rule.tz);
    if (!isEnabled(rule, scope)) continue;
    const candidate = PRODUCERS[rule.type](rule, env, scope);
    if (!candidate || candidate.value.length === 0) continue;
    const tag = sanitizeTag(withAffixes(candidate.value, rule, env, scope));
    if (tag.length === 0) {
      env.warn(`Tag rule "${rule.line}" gave no valid tag characters; skipped.`);
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
