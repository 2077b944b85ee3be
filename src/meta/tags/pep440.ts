// type=pep440: a PEP 440 Git tag (or value) through the pattern; dev/pre/post releases give only the version.
import { pep440Parser } from '../version-parsers.js';
import { render } from '../expressions.js';
import type { Pep440Rule } from '../rules.js';
import { isRawStatement } from '../template.js';
import { versionSource } from './source.js';
import type { TagProducer } from './types.js';

const EXPECTED = 'a valid pep440 pattern';

export const pep440Tag: TagProducer<Pep440Rule> = (rule, env, scope) => {
  const raw = versionSource(rule, env, scope);
  if (raw === undefined) return undefined;
  const { clean, explain } = pep440Parser(env.parsers);
  const v = explain(raw);
  if (!v) {
    env.warn(rule, `${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/); no tag`);
    return undefined;
  }
  const version = clean(raw) ?? raw;
  if (v.is_prerelease || v.is_postrelease || v.is_devrelease) {
    return { value: isRawStatement(rule.pattern) ? raw : version, latest: false };
  }
  const value = render(
    rule.pattern,
    { raw, version, major: v.release[0] ?? 0, minor: v.release[1] ?? 0, patch: v.release[2] ?? 0 },
    'tags',
    rule.line,
    EXPECTED,
  );
  return { value, latest: true };
};
