// type=semver: a SemVer Git tag (or value) through the pattern; pre-releases give only the full version.
import { semverParser } from '../version-parsers.js';
import { render } from '../expressions.js';
import type { SemverRule } from '../rules.js';
import { isRawStatement } from '../template.js';
import { versionSource } from './source.js';
import type { TagProducer } from './types.js';

const EXPECTED = 'a valid semver pattern';

export const semverTag: TagProducer<SemverRule> = (rule, env, scope) => {
  const raw = versionSource(rule, env, scope);
  if (raw === undefined) return undefined;
  const v = semverParser(env.parsers)(raw);
  if (!v) {
    env.warn(rule, `${raw} is not a valid semver (https://semver.org/); no tag`);
    return undefined;
  }
  const prerelease = v.prerelease.length > 0;
  const pattern = prerelease && !isRawStatement(rule.pattern) ? '{{version}}' : rule.pattern;
  const value = render(
    pattern,
    {
      raw: v.raw,
      version: v.version,
      major: v.major,
      minor: v.minor,
      patch: v.patch,
      // Handlebars renders these arrays joined by "," (then sanitised to "-" in a tag), as metadata-action shows
      prerelease: v.prerelease.join(','),
      build: v.build.join(','),
    },
    'tags',
    rule.line,
    EXPECTED,
  );
  return { value, latest: !prerelease };
};
