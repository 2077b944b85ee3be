import { describe, expect, test } from 'vitest';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaContext, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: string | undefined;
}

/** Each case renders one raw value; `expected` is the resulting tag (undefined = no tag). */
const raw = (value: string) => metaInputs({ images: [], tags: [`type=raw,value=${value}`] });

const cases: Case[] = [
  {
    name: '{{branch}} on push',
    context: events.pushBranch('my/branch'),
    inputs: raw('{{branch}}'),
    expected: 'my-branch',
  },
  { name: '{{branch}} is empty on a tag', context: events.pushTag('v1'), inputs: raw('x{{branch}}'), expected: 'x' },
  {
    name: '{{branch}} is empty on a pull request',
    context: events.pullRequest(),
    inputs: raw('x{{branch}}'),
    expected: 'x',
  },
  { name: '{{tag}} on a tag push', context: events.pushTag('v1.2.3'), inputs: raw('{{tag}}'), expected: 'v1.2.3' },
  { name: '{{tag}} is empty on a branch', context: events.pushBranch('dev'), inputs: raw('x{{tag}}'), expected: 'x' },
  { name: '{{sha}} is short', context: events.pushBranch('dev'), inputs: raw('{{sha}}'), expected: '860c190' },
  {
    name: '{{sha}} follows shortShaLength',
    context: events.pushBranch('dev', { settings: { shortShaLength: 10 } }),
    inputs: raw('{{sha}}'),
    expected: '860c1904a1',
  },
  {
    name: '{{base_ref}} on a pull request',
    context: events.pullRequest(),
    inputs: raw('{{base_ref}}'),
    expected: 'master',
  },
  {
    name: '{{base_ref}} on pull_request_target',
    context: events.pullRequestTarget(),
    inputs: raw('{{base_ref}}'),
    expected: 'master',
  },
  {
    name: '{{base_ref}} on a tag push with payload base_ref',
    context: events.pushTag('v1', { payload: { base_ref: 'refs/heads/main' } }),
    inputs: raw('{{base_ref}}'),
    expected: 'main',
  },
  {
    name: '{{base_ref}} empty on a branch push',
    context: events.pushBranch('dev'),
    inputs: raw('x{{base_ref}}'),
    expected: 'x',
  },
  {
    name: '{{is_default_branch}} on the default branch (payload)',
    context: events.pushDefault(),
    inputs: raw('{{is_default_branch}}'),
    expected: 'true',
  },
  {
    name: '{{is_default_branch}} on the default branch (repo metadata)',
    context: events.pushBranch('master'),
    inputs: raw('{{is_default_branch}}'),
    expected: 'true',
  },
  {
    name: '{{is_default_branch}} on another branch',
    context: events.pushBranch('dev'),
    inputs: raw('{{is_default_branch}}'),
    expected: 'false',
  },
  {
    name: '{{is_default_branch}} on a pull request',
    context: events.pullRequest(),
    inputs: raw('{{is_default_branch}}'),
    expected: 'false',
  },
  {
    name: '{{is_default_branch}} on a tag push',
    context: events.pushTag('v1'),
    inputs: raw('{{is_default_branch}}'),
    expected: 'false',
  },
  {
    name: '{{is_default_branch}} on schedule',
    context: events.schedule({ ref: 'refs/heads/x' }),
    inputs: raw('{{is_default_branch}}'),
    expected: 'true',
  },
  {
    name: '{{is_default_branch}} on issues',
    context: metaContext({ eventName: 'issues', ref: 'refs/heads/x' }),
    inputs: raw('{{is_default_branch}}'),
    expected: 'true',
  },
  {
    name: '{{is_default_branch}} with an empty ref',
    context: metaContext({ eventName: 'schedule', ref: '' }),
    inputs: raw('{{is_default_branch}}'),
    expected: 'false',
  },
  {
    name: '{{is_not_default_branch}} on the default branch',
    context: events.pushDefault(),
    inputs: raw('x{{is_not_default_branch}}'),
    expected: 'xfalse',
  },
  {
    name: '{{is_not_default_branch}} on another branch',
    context: events.pushBranch('dev'),
    inputs: raw('{{is_not_default_branch}}'),
    expected: 'true',
  },
  {
    name: '{{is_not_default_branch}} on a pull request',
    context: events.pullRequest(),
    inputs: raw('{{is_not_default_branch}}'),
    expected: 'true',
  },
  {
    name: '{{is_not_default_branch}} on schedule',
    context: events.schedule({ ref: 'refs/heads/x' }),
    inputs: raw('x{{is_not_default_branch}}'),
    expected: 'xfalse',
  },
  {
    name: '{{date}} default format in UTC is moment UTC mode (Z)',
    context: events.pushBranch('dev'),
    inputs: raw('{{date}}'),
    expected: '2020-01-10T00-30-00Z',
  },
  {
    name: '{{date}} default format in another zone has the offset',
    context: events.pushBranch('dev'),
    inputs: raw("{{date tz='Asia/Tokyo'}}"),
    expected: '2020-01-10T09-30-00-09-00',
  },
  {
    name: '{{date}} default format at a zero offset outside UTC is moment UTC mode too',
    context: events.pushBranch('dev'),
    inputs: raw("{{date tz='Europe/London'}}"),
    expected: '2020-01-10T00-30-00Z',
  },
  {
    name: '{{date}} in a raw value with tz',
    context: events.pushBranch('dev'),
    inputs: raw("{{date 'YYYYMMDDHH' tz='Europe/Paris'}}"),
    expected: '2020011001',
  },
  {
    name: '{{commit_date}}',
    context: events.pushBranch('dev'),
    inputs: raw("{{commit_date 'YYYY.MM.DD'}}"),
    expected: '2020.01.08',
  },
  {
    name: 'double-quoted format argument',
    context: events.pushBranch('dev'),
    inputs: raw('{{date "YYYY"}}'),
    expected: '2020',
  },
  { name: 'whitespace inside braces', context: events.pushBranch('dev'), inputs: raw('{{ branch }}'), expected: 'dev' },
  { name: 'comment is dropped', context: events.pushBranch('dev'), inputs: raw('a{{! note }}b'), expected: 'ab' },
  {
    name: 'escaped braces are literal (then sanitised)',
    context: events.pushBranch('dev'),
    inputs: raw('\\{{branch}}'),
    expected: 'branch-',
  },
];

describe('global expressions', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    expect(compute(inputs, context).version.main).toBe(expected);
  });
});
