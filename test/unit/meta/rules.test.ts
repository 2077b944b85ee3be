// The parsed rules are one shape per tag type, parsed once and handed to computeMeta with the version parsers
// their types need; computeMeta neither re-reads the `tags` lines nor loads anything itself.
import { describe, expect, test } from 'vitest';
import {
  computeMeta,
  loadVersionParsers,
  parseTagRule,
  parseTagRules,
  type TagRule,
  type TagType,
} from '../../../src/meta/index.js';
import { events, metaInputs, PARSERS } from './helpers.js';

const base = { priority: 0, enable: 'true', prefix: undefined, suffix: undefined, tz: 'UTC', warnings: [] };

const shapes: Array<{ name: string; input: string; expected: TagRule }> = [
  {
    name: 'schedule: default pattern',
    input: 'type=schedule',
    expected: { ...base, line: 'type=schedule', type: 'schedule', priority: 1000, pattern: 'nightly' },
  },
  {
    name: 'semver: pattern, value and match',
    input: 'type=semver,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$',
    expected: {
      ...base,
      line: 'type=semver,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$',
      type: 'semver',
      priority: 900,
      pattern: '{{version}}',
      value: 'p1/v1.0.0',
      match: { source: 'v(\\d.\\d.\\d)$', regex: /v(\d.\d.\d)$/ },
    },
  },
  {
    name: 'pep440: an empty match= is no match',
    input: 'type=pep440,pattern={{major}},match=',
    expected: {
      ...base,
      line: 'type=pep440,pattern={{major}},match=',
      type: 'pep440',
      priority: 900,
      pattern: '{{major}}',
      value: '',
    },
  },
  {
    name: 'match: a /regex/flags pattern and a group',
    input: 'type=match,pattern=/V(\\d+)/i,group=1',
    expected: {
      ...base,
      line: 'type=match,pattern=/V(\\d+)/i,group=1',
      type: 'match',
      priority: 800,
      pattern: { source: '/V(\\d+)/i', regex: /V(\d+)/i },
      group: 1,
      value: '',
    },
  },
  {
    name: 'edge: the default branch',
    input: 'type=edge',
    expected: { ...base, line: 'type=edge', type: 'edge', priority: 700, branch: '' },
  },
  {
    name: 'ref: pr gets the pr- prefix',
    input: 'type=ref,event=pr',
    expected: { ...base, line: 'type=ref,event=pr', type: 'ref', priority: 600, event: 'pr', prefix: 'pr-' },
  },
  {
    name: 'raw: a bare line is the value',
    input: 'foo',
    expected: { ...base, line: 'foo', type: 'raw', priority: 200, value: 'foo' },
  },
  {
    name: 'sha: the sha- prefix, long format, tz and a priority in exponent form',
    input: 'type=sha,format=long,tz=Asia/Tokyo,priority=1e3,suffix=-x',
    expected: {
      ...base,
      line: 'type=sha,format=long,tz=Asia/Tokyo,priority=1e3,suffix=-x',
      type: 'sha',
      priority: 1000,
      format: 'long',
      prefix: 'sha-',
      suffix: '-x',
      tz: 'Asia/Tokyo',
    },
  },
  {
    name: 'a field with nothing before = is a bare value, as metadata-action reads it',
    input: 'type=raw,=foo',
    expected: { ...base, line: 'type=raw,=foo', type: 'raw', priority: 200, value: '=foo' },
  },
];

describe('parseTagRule: one shape per type', () => {
  test.each(shapes)('$name', ({ input, expected }) => {
    expect(parseTagRule(input)).toEqual(expected);
  });
});

describe('parseTagRules', () => {
  test('sorted by priority, input order among equals; the defaults when empty', () => {
    const cases = [
      {
        name: 'mixed',
        input: ['type=raw,value=a', 'type=sha', 'type=raw,value=b,priority=-1.5', 'type=semver,pattern={{raw}}'],
        expected: ['semver', 'raw:a', 'sha', 'raw:b'],
      },
      { name: 'empty', input: [], expected: ['schedule', 'ref:branch', 'ref:tag', 'ref:pr'] },
    ];
    for (const c of cases) {
      const names = parseTagRules(c.input).map((r) =>
        r.type === 'raw' ? `raw:${r.value}` : r.type === 'ref' ? `ref:${r.event}` : r.type,
      );
      expect(names, c.name).toEqual(c.expected);
    }
  });
});

describe('loadVersionParsers: only what the rules need', () => {
  const cases: Array<{ name: string; types: TagType[]; expected: string[] }> = [
    { name: 'no version rule', types: ['raw', 'sha', 'ref', 'schedule', 'match', 'edge'], expected: [] },
    { name: 'semver', types: ['semver', 'raw'], expected: ['semver'] },
    { name: 'pep440', types: ['pep440'], expected: ['pep440'] },
    { name: 'both', types: ['pep440', 'semver'], expected: ['semver', 'pep440'] },
  ];
  test.each(cases)('$name', async ({ types, expected }) => {
    const parsers = await loadVersionParsers(types.map((type) => ({ type })));
    expect(Object.keys(parsers)).toEqual(expected);
  });
});

describe('computeMeta takes the rules and parsers it is given', () => {
  test('the rules, not inputs.tags', () => {
    const result = computeMeta(metaInputs({ tags: ['type=raw,value=ignored'] }), events.pushBranch('dev'), {
      rules: parseTagRules(['type=sha']),
      parsers: {},
    });
    expect(result.tags).toEqual(['user/app:sha-860c190']);
  });

  const missing = [
    {
      name: 'semver',
      line: 'type=semver,pattern={{version}}',
      expected: 'internal error: no semver parser; pass the result of loadVersionParsers(rules) to computeMeta',
    },
    {
      name: 'pep440',
      line: 'type=pep440,pattern={{version}}',
      expected: 'internal error: no pep440 parser; pass the result of loadVersionParsers(rules) to computeMeta',
    },
  ];
  test.each(missing)('a missing $name parser fails on every event (here a branch push)', ({ line, expected }) => {
    const rules = parseTagRules([line]);
    expect(() => computeMeta(metaInputs(), events.pushBranch('dev'), { rules, parsers: {} })).toThrow(expected);
    expect(computeMeta(metaInputs(), events.pushBranch('dev'), { rules, parsers: PARSERS }).tags).toEqual([]);
  });
});
