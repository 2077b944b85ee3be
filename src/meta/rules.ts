// `tags` input: one rule per line, `type=<type>,<attr>=<value>,...` (CSV), sorted by priority.
import { isValidTimeZone } from './dateformat.js';
import { fields } from './csv.js';
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

const ATTRIBUTES = [
  'type',
  'pattern',
  'value',
  'group',
  'prefix',
  'suffix',
  'enable',
  'priority',
  'format',
  'branch',
  'event',
  'tz',
] as const;
type Attribute = (typeof ATTRIBUTES)[number];

export interface TagRule {
  type: TagType;
  /** the input line, for error messages */
  line: string;
  priority: number;
  /** template deciding whether the rule applies; renders to `true` or `false` */
  enable: string;
  /** schedule/semver/pep440: template; match: regular expression */
  pattern?: string;
  /** custom value (template); '' = from the Git ref */
  value: string;
  /** match: capture group number */
  group: number;
  /** per-rule prefix/suffix templates; undefined = use the flavor's */
  prefix?: string;
  suffix?: string;
  /** ref */
  event?: RefEvent;
  /** sha */
  format: ShaFormat;
  /** edge: the branch; '' = the default branch */
  branch: string;
  /** default time zone for {{date}}/{{commit_date}} in this rule (extension) */
  tz: string;
}

const EXPECTED_RULE = 'type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,...';

export function parseTagRule(line: string): TagRule {
  const attrs: Partial<Record<Attribute, string>> = {};
  for (const f of fields(line, 'tags', EXPECTED_RULE)) {
    if (f.key === undefined) {
      attrs.value = f.value;
      continue;
    }
    if (!(ATTRIBUTES as readonly string[]).includes(f.key)) {
      throw new InputError(
        'tags',
        line,
        `${EXPECTED_RULE} (unknown attribute "${f.key}"; known: ${ATTRIBUTES.join(', ')})`,
      );
    }
    attrs[f.key as Attribute] = f.value;
  }
  const typeName = attrs.type ?? 'raw';
  if (!(TAG_TYPES as readonly string[]).includes(typeName)) {
    throw new InputError('tags', line, `a known type: type=${TAG_TYPES.join('|')}`);
  }
  const type = typeName as TagType;
  const has = (a: Attribute) => attrs[a] !== undefined;

  if ((type === 'semver' || type === 'pep440' || type === 'match') && !has('pattern')) {
    const example = type === 'match' ? 'type=match,pattern=v(.*),group=1' : `type=${type},pattern={{version}}`;
    throw new InputError('tags', line, `a pattern attribute, e.g. ${example}`);
  }
  if (type === 'raw' && !has('value')) {
    throw new InputError('tags', line, 'a value, e.g. type=raw,value=latest');
  }
  let event: RefEvent | undefined;
  if (type === 'ref') {
    if (!has('event')) throw new InputError('tags', line, 'an event attribute: type=ref,event=<branch|tag|pr>');
    if (!['branch', 'tag', 'pr'].includes(attrs.event!)) {
      throw new InputError('tags', line, 'event=branch, event=tag or event=pr');
    }
    event = attrs.event as RefEvent;
  }
  let format: ShaFormat = 'short';
  if (type === 'sha' && has('format')) {
    if (attrs.format !== 'short' && attrs.format !== 'long')
      throw new InputError('tags', line, 'format=short or format=long');
    format = attrs.format;
  }
  let group = 0;
  if (type === 'match' && has('group')) {
    if (!/^\d+$/.test(attrs.group!))
      throw new InputError('tags', line, 'group=<number of a capture group>, e.g. group=1');
    group = Number(attrs.group);
  }
  let priority = DEFAULT_PRIORITIES[type];
  if (has('priority')) {
    if (!/^-?\d+(\.\d+)?$/.test(attrs.priority!))
      throw new InputError('tags', line, 'priority=<number>, e.g. priority=1000');
    priority = Number(attrs.priority);
  }
  const tz = attrs.tz ?? 'UTC';
  if (has('tz') && !isValidTimeZone(tz)) {
    throw new InputError('tags', line, 'tz=<IANA time zone>, e.g. tz=Asia/Tokyo');
  }
  let prefix = attrs.prefix;
  if (prefix === undefined && type === 'ref' && event === 'pr') prefix = 'pr-';
  if (prefix === undefined && type === 'sha') prefix = 'sha-';

  return {
    type,
    line,
    priority,
    enable: attrs.enable ?? 'true',
    pattern: type === 'schedule' ? (attrs.pattern ?? 'nightly') : attrs.pattern,
    value: attrs.value ?? '',
    group,
    prefix,
    suffix: attrs.suffix,
    event,
    format,
    branch: attrs.branch ?? '',
    tz,
  };
}

/** Parse the `tags` input (the defaults when empty), highest priority first (stable for equal priorities). */
export function parseTagRules(lines: string[]): TagRule[] {
  const given = lines.filter((l) => l.trim() !== '');
  const rules = (given.length > 0 ? given : DEFAULT_TAG_LINES).map(parseTagRule);
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}
