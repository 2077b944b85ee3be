import { semverParser } from '../version-parsers.js';
import { render } from '../expressions.js';
import { isRawStatement } from '../template.js';
import { versionSource } from './source.js';
import type { TagProducer } from './types.js';

const EXPECTED = 'a pattern using {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}, {{prerelease}}, {{build}}';

/** type=semver: a SemVer Git tag (or value) through the pattern; pre-releases give only the full version. */
export const semverTag: TagProducer = (rule, env, scope) => {
  const raw = versionSource(rule, env, scope);
  if (raw === undefined) return undefined;
  const v = semverParser()(raw);
  if (!v) {
    env.warn(`${raw} is not a valid semver. More info: https://semver.org/`);
    return undefined;
  }
  const prerelease = v.prerelease.length > 0;
  const pattern = prerelease && !isRawStatement(rule.pattern!) ? '{{version}}' : rule.pattern!;
  const value = render(
    pattern,
    {
      raw: v.raw,
      version: v.version,
      major: v.major,
      minor: v.minor,
      patch: v.patch,
      prerelease: v.prerelease.join('.'),
      build: v.build.join('.'),
    },
    'tags',
    rule.line,
    EXPECTED,
  );
  return { value, latest: !prerelease };
};
