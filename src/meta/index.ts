// The tag/label engine: metadata-action compatible tags, labels and annotations, computed purely from the
// inputs and the context (no environment, clock or network).
import { globalScope, render } from './expressions.js';
import { parseFlavor, type Flavor } from './flavor.js';
import { parseImages } from './images.js';
import { computeAnnotations, computeLabels, defaultLabels } from './labels.js';
import { defaultBranch, effectiveContext } from './refs.js';
import { parseTagRules } from './rules.js';
import { sanitizeTag } from './sanitize.js';
import { computeVersion } from './tags/index.js';
import type { MetaContext, MetaInputs, MetaResult, Version } from './types.js';

export type * from './types.js';
export {
  parseTagRules,
  parseTagRule,
  DEFAULT_PRIORITIES,
  DEFAULT_TAG_LINES,
  type TagRule,
  type TagType,
} from './rules.js';
export { parseFlavor, type Flavor } from './flavor.js';
export { parseImages } from './images.js';
export { sanitizeTag, isValidImageName, MAX_TAG_LENGTH } from './sanitize.js';
export { formatDate } from './dateformat.js';
export { loadVersionParsers } from './version-parsers.js';
export { effectiveContext, isDefaultBranch } from './refs.js';

/** MetaResult plus the warnings metadata-action would print (e.g. a Git tag that is not semver). */
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

export function computeMeta(inputs: MetaInputs, context: MetaContext): MetaOutcome {
  const ctx = effectiveContext(context);
  const warnings: string[] = [];
  const images = parseImages(inputs.images);
  const rules = parseTagRules(inputs.tags);
  const flavor = parseFlavor(inputs.flavor);

  const version = computeVersion(rules, {
    ctx,
    flavor,
    defaultBranch: defaultBranch(ctx),
    warn: (m) => warnings.push(m),
  });

  const scope = globalScope(ctx);
  const renderFlavor = (s: string) => (s ? render(s, scope, 'flavor', s) : '');
  const tagNames = tagNamesOf(version, latestTagName(flavor, renderFlavor));
  const imageNames = images.filter((i) => i.enable).map((i) => i.name);
  const tags = imageNames.length > 0 ? imageNames.flatMap((img) => tagNames.map((t) => `${img}:${t}`)) : [...tagNames];

  const defaults = defaultLabels(ctx, version.main);
  const levels = ctx.settings.annotationLevels.filter((l) => l.trim() !== '');
  return {
    version,
    images: imageNames,
    tags,
    tagNames,
    labels: computeLabels(defaults, inputs.labels, scope),
    annotations: computeAnnotations(defaults, inputs.annotations, levels.length > 0 ? levels : ['manifest'], scope),
    warnings,
  };
}
