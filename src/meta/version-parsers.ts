// The SemVer and PEP 440 parsers, loaded only when a tag rule needs them: together they add ~1 ms to a cold start
// (semver builds its regular expressions when loaded), and most runs use neither. The caller awaits
// loadVersionParsers(rules) and hands the result to the synchronous, pure computeMeta; nothing is cached here.
import type { TagRule } from './rules.js';

type SemverParse = typeof import('semver/functions/parse.js');
type Pep440 = Pick<typeof import('@renovatebot/pep440/lib/version.js'), 'clean' | 'explain'>;

/** The parsers the rules need; a parser no rule needs is absent. */
export interface VersionParsers {
  readonly semver?: SemverParse;
  readonly pep440?: Pep440;
}

export async function loadVersionParsers(rules: readonly Pick<TagRule, 'type'>[]): Promise<VersionParsers> {
  const types = new Set(rules.map((r) => r.type));
  const [semver, pep440] = await Promise.all([
    types.has('semver') ? import('semver/functions/parse.js') : undefined,
    types.has('pep440') ? import('@renovatebot/pep440/lib/version.js') : undefined,
  ]);
  return {
    ...(semver && { semver: semver.default }),
    ...(pep440 && { pep440: { clean: pep440.clean, explain: pep440.explain } }),
  };
}

const missing = (type: string) =>
  new Error(`internal error: no ${type} parser; pass the result of loadVersionParsers(rules) to computeMeta`);

export function semverParser(parsers: VersionParsers): SemverParse {
  if (!parsers.semver) throw missing('semver');
  return parsers.semver;
}

export function pep440Parser(parsers: VersionParsers): Pep440 {
  if (!parsers.pep440) throw missing('pep440');
  return parsers.pep440;
}
