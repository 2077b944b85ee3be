// The tag/label engine: metadata-action compatible tags, labels and annotations, computed purely from the
// inputs and the context (no environment, clock or network).
//
//   const rules = parseTagRules(inputs.tags);          // checks every rule and template, whatever the event
//   const parsers = await loadVersionParsers(rules);   // only the SemVer/PEP 440 parsers the rules need
//   const meta = computeMeta(inputs, ctx, { rules, parsers });
import { computedScope, globalScope, inputWarning, render } from './expressions.js';
import { parseFlavor, type Flavor } from './flavor.js';
import { parseImages } from './images.js';
import { checkKeyValues, computeAnnotations, computeLabels, defaultLabels } from './labels.js';
import { defaultBranch, effectiveContext } from './refs.js';
import type { TagRule } from './rules.js';
import { sanitizeTag } from './sanitize.js';
import { computeVersion } from './tags/index.js';
import type { MetaContext, MetaInputs, MetaResult, Version } from './types.js';
import { pep440Parser, semverParser, type VersionParsers } from './version-parsers.js';

export type * from './types.js';
export {
  parseTagRules,
  parseTagRule,
  DEFAULT_PRIORITIES,
  DEFAULT_TAG_LINES,
  TAG_TYPES,
  type TagRule,
  type TagType,
  type ScheduleRule,
  type SemverRule,
  type Pep440Rule,
  type MatchRule,
  type EdgeRule,
  type RefRule,
  type RawRule,
  type ShaRule,
} from './rules.js';
export { parseFlavor, type Flavor } from './flavor.js';
export { parseImages } from './images.js';
export { sanitizeTag, isValidImageName, MAX_TAG_LENGTH } from './sanitize.js';
export { formatDate } from './dateformat.js';
export { loadVersionParsers, type VersionParsers } from './version-parsers.js';
export { effectiveContext, isDefaultBranch } from './refs.js';
export { checkBuildValues, metaScope, renderBuildValue, type MetaScope } from './build-values.js';

/** The parsed `tags` input and the version parsers its rules need (see loadVersionParsers). */
export interface TagSetup {
  readonly rules: readonly TagRule[];
  readonly parsers: VersionParsers;
}

/** The inputs computeMeta reads itself; the `tags` lines arrive parsed, in TagSetup. */
export type MetaSources = Omit<MetaInputs, 'tags'>;

/** MetaResult plus the warnings for the user: what metadata-action would print, and what it ignores silently. */
export interface MetaOutcome extends MetaResult {
  warnings: string[];
}

/** The `latest` tag name with the flavor's prefix/suffix when `onlatest=true`. */
function latestTagName(flavor: Flavor, render: (s: string) => string): string {
  const prefix = flavor.prefixLatest ? render(flavor.prefix) : '';
  const suffix = flavor.suffixLatest ? render(flavor.suffix) : '';
  return sanitizeTag(`${prefix}latest${suffix}`);
}

/** Tag names in output order: main, the others, then `latest` (no duplicates). */
export function tagNamesOf(version: Version, latestName: string): string[] {
  if (version.main === undefined) return [];
  const names = [version.main, ...version.partial];
  if (version.latest && !names.includes(latestName)) names.push(latestName);
  return names;
}

export function computeMeta(inputs: MetaSources, context: MetaContext, tags: TagSetup): MetaOutcome {
  const ctx = effectiveContext(context);
  const warnings: string[] = tags.rules.flatMap((r) => r.warnings);
  const warn = (message: string) => warnings.push(message);
  // a missing parser is a caller's bug: fail on every event, not only on the tag push that needs it
  if (tags.rules.some((r) => r.type === 'semver')) semverParser(tags.parsers);
  if (tags.rules.some((r) => r.type === 'pep440')) pep440Parser(tags.parsers);

  // everything is parsed and checked before anything renders
  const images = parseImages(inputs.images);
  const flavor = parseFlavor(inputs.flavor, warn);
  checkKeyValues(inputs.labels, 'labels', warn);
  checkKeyValues(inputs.annotations, 'annotations', warn);

  const version = computeVersion(tags.rules, {
    ctx,
    flavor,
    defaultBranch: defaultBranch(ctx),
    parsers: tags.parsers,
    warn: (rule, message) => warn(inputWarning('tags', rule.line, message)),
  });

  const scope = globalScope(ctx);
  const renderFlavor = (s: string) => (s ? render(s, scope, 'flavor', s) : '');
  const tagNames = tagNamesOf(version, latestTagName(flavor, renderFlavor));
  const imageNames = images.filter((i) => i.enable).map((i) => i.name);
  const tagRefs =
    imageNames.length > 0 ? imageNames.flatMap((img) => tagNames.map((t) => `${img}:${t}`)) : [...tagNames];

  const defaults = defaultLabels(ctx, version.main);
  const computed = computedScope(ctx, version.main ?? '');
  const levels = ctx.settings.annotationLevels.filter((l) => l.trim() !== '');
  return {
    version,
    images: imageNames,
    tags: tagRefs,
    tagNames,
    labels: computeLabels(defaults, inputs.labels, computed, warn),
    annotations: computeAnnotations(
      defaults,
      inputs.annotations,
      levels.length > 0 ? levels : ['manifest'],
      computed,
      warn,
    ),
    warnings,
  };
}
