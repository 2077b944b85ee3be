// `tags` input: one rule per line, `type=<type>,<attr>=<value>,...` (CSV), sorted by priority. Each rule is checked
// completely here (attributes, templates, time zones, regular expressions), whatever the event, so a typo fails the
// first run instead of the first tag push. Each type has its own rule shape, so a producer cannot read an attribute
// its type does not have.
import { isValidTimeZone } from './dateformat.js';
import { fields } from './csv.js';
import { check, GLOBAL_SCHEMA, inputWarning } from './expressions.js';
import type { TemplateSchema } from './template.js';
import { InputError } from '../errors.js';

export const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const;
export type TagType = (typeof TAG_TYPES)[number];
export type RefEvent = 'branch' | 'tag' | 'pr';
export type ShaFormat = 'short' | 'long';

/** Default priority of each type (higher first; the first tag is the version). */
export const DEFAULT_PRIORITIES: Record<TagType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

/** The rules used when the `tags` input is empty. */
export const DEFAULT_TAG_LINES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];

/** What every rule has. */
interface RuleBase {
  /** the input line, for messages */
  readonly line: string;
  readonly priority: number;
  /** template deciding whether the rule applies; renders to `true` or `false` */
  readonly enable: string;
  /** the rule's own prefix/suffix templates; undefined = the flavor's */
  readonly prefix?: string;
  readonly suffix?: string;
  /** default time zone of {{date}}/{{commit_date}} in this rule (extension) */
  readonly tz: string;
  /** what the line has that metadata-action accepts and ignores, said once per run */
  readonly warnings: readonly string[];
}

/** A regular expression as written (for messages) and compiled. */
export interface Pattern {
  readonly source: string;
  readonly regex: RegExp;
}

export interface ScheduleRule extends RuleBase {
  readonly type: 'schedule';
  /** template with the global expressions; default `nightly` */
  readonly pattern: string;
}

export interface VersionRule<T extends 'semver' | 'pep440'> extends RuleBase {
  readonly type: T;
  /** template with {{raw}}, {{version}}, {{major}}, … */
  readonly pattern: string;
  /** template giving the version text; '' = the Git tag */
  readonly value: string;
  /** capture group 1 of this expression replaces the version text (when it matches) */
  readonly match?: Pattern;
}
export type SemverRule = VersionRule<'semver'>;
export type Pep440Rule = VersionRule<'pep440'>;

export interface MatchRule extends RuleBase {
  readonly type: 'match';
  readonly pattern: Pattern;
  /** capture group number */
  readonly group: number;
  /** template giving the text to match; '' = the Git tag */
  readonly value: string;
}

export interface EdgeRule extends RuleBase {
  readonly type: 'edge';
  /** '' = the default branch */
  readonly branch: string;
}

export interface RefRule extends RuleBase {
  readonly type: 'ref';
  readonly event: RefEvent;
}

export interface RawRule extends RuleBase {
  readonly type: 'raw';
  /** template */
  readonly value: string;
}

export interface ShaRule extends RuleBase {
  readonly type: 'sha';
  readonly format: ShaFormat;
}

export type TagRule = ScheduleRule | SemverRule | Pep440Rule | MatchRule | EdgeRule | RefRule | RawRule | ShaRule;

/** Attributes every type reads (`tz` is this engine's extension). */
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix', 'tz'] as const;
/** Attributes each type reads besides the common ones. */
const OWN: Record<TagType, readonly string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format'],
};
const FLAVOR_KEYS = ['latest', 'onlatest'];

const EXPECTED_RULE = 'type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,...';

/** The template names of a version pattern (semver adds the parts its parser gives). */
const VERSION_SCHEMAS: Record<'semver' | 'pep440', TemplateSchema> = {
  semver: { values: ['raw', 'version', 'major', 'minor', 'patch', 'prerelease', 'build'], helpers: {} },
  pep440: { values: ['raw', 'version', 'major', 'minor', 'patch'], helpers: {} },
};
const VERSION_EXPECTED: Record<'semver' | 'pep440', string> = {
  semver: 'a valid semver pattern',
  pep440: 'a valid pep440 pattern',
};

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), for "did you mean". */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The attribute `key` is most likely a misspelling of, if any (short names must match exactly). */
function misspelled(key: string, known: readonly string[]): string | undefined {
  const limit = key.length <= 3 ? 0 : key.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const dist = editDistance(key, k);
    if (dist > 0 && dist < bestDistance) [best, bestDistance] = [k, dist];
  }
  return best;
}

/** A regular expression attribute: `/source/flags` (when `literal`) or a plain expression. */
function compile(source: string, line: string, expected: string, literal: boolean): Pattern {
  const slashed = literal ? /^\/(.+)\/(.*)$/.exec(source) : null;
  try {
    return { source, regex: slashed ? new RegExp(slashed[1], slashed[2]) : new RegExp(source) };
  } catch (err) {
    throw new InputError('tags', line, `${expected} (${(err as Error).message})`);
  }
}

/** How many capture groups a regular expression has. */
const groupCount = (re: RegExp): number => (new RegExp(`${re.source}|`, re.flags).exec('')?.length ?? 1) - 1;

type Templates = (names: string[], schema?: TemplateSchema, expected?: string) => void;

/** The attributes of a semver/pep440 rule. */
function versionAttributes<T extends 'semver' | 'pep440'>(
  type: T,
  get: (a: string) => string | undefined,
  line: string,
  templates: Templates,
): Pick<VersionRule<T>, 'type' | 'pattern' | 'value' | 'match'> {
  const pattern = get('pattern');
  if (pattern === undefined) {
    throw new InputError('tags', line, `a pattern attribute, e.g. type=${type},pattern={{version}}`);
  }
  templates(['pattern'], VERSION_SCHEMAS[type], VERSION_EXPECTED[type]);
  templates(['value']);
  const m = get('match');
  if (m === undefined || m === '') return { type, pattern, value: get('value') ?? '' };
  // metadata-action reads group 1 of a plain expression (no /…/flags form here)
  const expected = 'match=<regular expression whose group 1 is the version>, e.g. match=v(\\d.\\d.\\d)$';
  const match = compile(m, line, expected, false);
  if (groupCount(match.regex) < 1) throw new InputError('tags', line, `${expected} (it has no capture group)`);
  return { type, pattern, value: get('value') ?? '', match };
}

export function parseTagRule(line: string): TagRule {
  const attrs = new Map<string, string>();
  let bareValue: string | undefined;
  for (const f of fields(line, 'tags', EXPECTED_RULE)) {
    if (f.key === undefined) {
      bareValue = f.value;
      attrs.set('value', f.value);
    } else {
      if (f.key === 'value') bareValue = undefined;
      attrs.set(f.key, f.value);
    }
  }
  const typeName = attrs.get('type') ?? 'raw';
  if (!(TAG_TYPES as readonly string[]).includes(typeName)) {
    throw new InputError('tags', line, `a known type: type=${TAG_TYPES.join('|')}`);
  }
  const type = typeName as TagType;
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(inputWarning('tags', line, message));

  // metadata-action stores any attribute and reads only those of the rule's type: a key it ignores is a warning
  // here, except a near miss of a key the type reads, which would silently change what is published.
  const reads = [...COMMON, ...OWN[type]];
  for (const key of attrs.keys()) {
    if (reads.includes(key)) continue;
    const near = misspelled(key, reads);
    if (near !== undefined) {
      throw new InputError('tags', line, `${EXPECTED_RULE} (unknown attribute "${key}"; did you mean "${near}"?)`);
    }
    if (key === 'value' && bareValue !== undefined) {
      warn(`"${bareValue}" (a field without "=") is read as value=, which type=${type} does not use; it is ignored`);
    } else if (FLAVOR_KEYS.includes(key)) {
      warn(
        `${key}= is a flavor key and has no effect on a tag rule; it is ignored (remove it, or set it in the flavor input)`,
      );
    } else if (TAG_TYPES.some((t) => OWN[t].includes(key))) {
      warn(`${key}= has no effect on type=${type}; it is ignored (remove it)`);
    } else {
      warn(`unknown attribute "${key}" is ignored (remove it; type=${type} reads ${reads.join(', ')})`);
    }
  }

  const get = (a: string) => attrs.get(a);
  let priority = DEFAULT_PRIORITIES[type];
  const p = get('priority');
  if (p !== undefined) {
    if (p.trim() === '' || !Number.isFinite(Number(p))) {
      throw new InputError('tags', line, 'priority=<number>, e.g. priority=1000');
    }
    priority = Number(p);
  }
  const tz = get('tz') ?? 'UTC';
  if (!isValidTimeZone(tz)) {
    throw new InputError('tags', line, 'tz=<IANA time zone>, e.g. tz=Asia/Tokyo');
  }
  const enable = get('enable') ?? 'true';
  if (!enable.includes('{{') && enable !== 'true' && enable !== 'false') {
    throw new InputError('tags', line, 'enable=true or enable=false (or an expression giving one)');
  }
  const templates: Templates = (names, schema = GLOBAL_SCHEMA, expected) => {
    for (const name of names) {
      const source = get(name);
      if (source !== undefined) warnings.push(...check(source, schema, 'tags', line, expected));
    }
  };
  templates(['enable', 'prefix', 'suffix']);
  const defaultPrefix = type === 'sha' ? 'sha-' : type === 'ref' && get('event') === 'pr' ? 'pr-' : undefined;
  const base = {
    line,
    priority,
    enable,
    prefix: get('prefix') ?? defaultPrefix,
    suffix: get('suffix'),
    tz,
    warnings,
  };

  switch (type) {
    case 'schedule':
      templates(['pattern']);
      return { ...base, type, pattern: get('pattern') ?? 'nightly' };
    case 'semver':
      return { ...base, ...versionAttributes(type, get, line, templates) };
    case 'pep440':
      return { ...base, ...versionAttributes(type, get, line, templates) };
    case 'match': {
      const source = get('pattern');
      if (source === undefined) {
        throw new InputError('tags', line, 'a pattern attribute, e.g. type=match,pattern=v(.*),group=1');
      }
      const g = get('group') ?? '0';
      if (!/^\d+$/.test(g)) {
        throw new InputError('tags', line, 'group=<number of a capture group>, e.g. group=1');
      }
      templates(['value']);
      const pattern = compile(source, line, 'pattern=<regular expression>', true);
      return { ...base, type, pattern, group: Number(g), value: get('value') ?? '' };
    }
    case 'edge':
      return { ...base, type, branch: get('branch') ?? '' };
    case 'ref': {
      const event = get('event');
      if (event === undefined) {
        throw new InputError('tags', line, 'an event attribute: type=ref,event=<branch|tag|pr>');
      }
      if (event !== 'branch' && event !== 'tag' && event !== 'pr') {
        throw new InputError('tags', line, 'event=branch, event=tag or event=pr');
      }
      return { ...base, type, event };
    }
    case 'raw': {
      const value = get('value');
      if (value === undefined) throw new InputError('tags', line, 'a value, e.g. type=raw,value=latest');
      templates(['value']);
      return { ...base, type, value };
    }
    case 'sha': {
      const format = get('format') ?? 'short';
      if (format !== 'short' && format !== 'long') {
        throw new InputError('tags', line, 'format=short or format=long');
      }
      return { ...base, type, format };
    }
  }
}

/** Parse the `tags` input (the defaults when empty), highest priority first (stable for equal priorities). */
export function parseTagRules(lines: readonly string[]): TagRule[] {
  const given = lines.filter((l) => l.trim() !== '');
  const rules = (given.length > 0 ? given : DEFAULT_TAG_LINES).map(parseTagRule);
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}
