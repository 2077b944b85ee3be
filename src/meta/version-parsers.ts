// The SemVer and PEP 440 parsers, loaded only when a tag rule needs them: together they add ~1 ms to a cold start
// (semver builds its regular expressions when loaded), and most runs use neither. The caller awaits
// loadVersionParsers(rules) before the synchronous, pure computeMeta; a rule whose parser was not loaded is a bug.
import type { TagRule } from './rules.js';

type SemverParse = typeof import('semver/functions/parse.js');
type Pep440 = typeof import('@renovatebot/pep440/lib/version.js');

const loaded: { semver?: SemverParse; pep440?: Pick<Pep440, 'clean' | 'explain'> } = {};

export async function loadVersionParsers(rules: readonly Pick<TagRule, 'type'>[]): Promise<void> {
  const types = new Set(rules.map((r) => r.type));
  if (types.has('semver') && !loaded.semver) loaded.semver = (await import('semver/functions/parse.js')).default;
  if (types.has('pep440') && !loaded.pep440) {
    const { clean, explain } = await import('@renovatebot/pep440/lib/version.js');
    loaded.pep440 = { clean, explain };
  }
}

export function semverParser(): SemverParse {
  if (!loaded.semver) throw new Error('internal error: loadVersionParsers() was not awaited for a type=semver rule');
  return loaded.semver;
}

export function pep440Parser(): Pick<Pep440, 'clean' | 'explain'> {
  if (!loaded.pep440) throw new Error('internal error: loadVersionParsers() was not awaited for a type=pep440 rule');
  return loaded.pep440;
}
