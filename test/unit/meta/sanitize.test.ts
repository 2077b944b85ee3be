import { describe, expect, test } from 'vitest';
import { isValidImageName, sanitizeTag } from '../../../src/meta/index.js';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs } from './helpers.js';

describe('sanitizeTag', () => {
  const cases = [
    { name: 'slash becomes dash', input: 'feature/login', expected: 'feature-login' },
    { name: 'upper case is kept', input: 'Feature-ABC', expected: 'Feature-ABC' },
    { name: 'runs of invalid characters become one dash', input: 'a  b//c@#d', expected: 'a-b-c-d' },
    { name: 'dots, dashes and underscores are kept', input: 'v1.2_3-x', expected: 'v1.2_3-x' },
    { name: 'leading dash removed', input: '-foo', expected: 'foo' },
    { name: 'leading dots removed', input: '..foo', expected: 'foo' },
    { name: 'leading invalid characters removed', input: '/foo', expected: 'foo' },
    { name: 'leading underscore kept', input: '_foo', expected: '_foo' },
    { name: 'non-ASCII becomes dash', input: 'café', expected: 'caf-' },
    { name: 'cut to 128 characters', input: 'a'.repeat(200), expected: 'a'.repeat(128) },
    { name: 'nothing valid left', input: '///', expected: '' },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(sanitizeTag(input)).toBe(expected);
  });
});

describe('isValidImageName', () => {
  const cases = [
    { name: 'docker hub user/app', input: 'user/app', expected: true },
    { name: 'single component', input: 'app', expected: true },
    { name: 'ghcr with nesting', input: 'ghcr.io/owner/group/app', expected: true },
    { name: 'registry with port', input: 'localhost:5000/app', expected: true },
    { name: 'separators', input: 'my_org/my__app-x.y', expected: true },
    { name: 'upper case', input: 'User/App', expected: false },
    { name: 'space', input: 'user/my app', expected: false },
    { name: 'tag included', input: 'user/app:1.0', expected: false },
    { name: 'trailing slash', input: 'user/app/', expected: false },
    { name: 'leading separator', input: 'user/-app', expected: false },
    { name: 'empty', input: '', expected: false },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(isValidImageName(input)).toBe(expected);
  });
});

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: { tags: string[] };
}

const cases: Case[] = [
  {
    name: 'branch with slashes and upper case',
    context: events.pushBranch('Feature/Login'),
    inputs: metaInputs(),
    expected: { tags: ['user/app:Feature-Login'] },
  },
  {
    name: 'invalid characters in a raw value',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=raw,value=foo bar!baz'] }),
    expected: { tags: ['user/app:foo-bar-baz'] },
  },
  {
    name: 'image name lower-cased',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: ['GHCR.io/Owner/App'] }),
    expected: { tags: ['ghcr.io/owner/app:dev'] },
  },
  {
    name: 'very long branch cut to 128',
    context: events.pushBranch('b'.repeat(150)),
    inputs: metaInputs(),
    expected: { tags: [`user/app:${'b'.repeat(128)}`] },
  },
  {
    name: 'prefix expression empty on PR leaves no leading dash',
    context: events.pullRequest(),
    inputs: metaInputs({ tags: ['type=sha,prefix={{branch}}-'] }),
    expected: { tags: ['user/app:860c190'] },
  },
  {
    name: 'latest with an invalid flavor prefix is sanitised',
    context: events.pushTag('v1.0.0'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['prefix=my/,onlatest=true'] }),
    expected: { tags: ['user/app:my-1.0.0', 'user/app:my-latest'] },
  },
];

describe('sanitising in computeMeta', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    expect(compute(inputs, context).tags).toEqual(expected.tags);
  });
});
