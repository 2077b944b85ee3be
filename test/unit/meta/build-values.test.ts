// Templates in build inputs (build-args) and {{version}} in labels/annotations: what one step offers instead of
// `${{ steps.meta.outputs.version }}`. A value without `{{` must come out byte for byte.
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { checkBuildValues, metaScope, renderBuildValue } from '../../../src/meta/index.js';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs, PR_HEAD_SHA, SHA } from './helpers.js';

interface RenderCase {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  value: string;
  expected: string;
}

const semver = metaInputs({ tags: ['type=semver,pattern={{version}}', 'type=ref,event=branch'] });

const renderCases: RenderCase[] = [
  {
    name: '{{version}} on a tag push',
    context: events.pushTag('v1.2.3'),
    inputs: semver,
    value: 'VERSION={{version}}',
    expected: 'VERSION=1.2.3',
  },
  {
    name: '{{version}} is the main tag (a branch push)',
    context: events.pushBranch('feature/x'),
    inputs: semver,
    value: 'VERSION={{version}}',
    expected: 'VERSION=feature-x',
  },
  {
    name: '{{version}} is empty when no rule gives a tag',
    context: events.pullRequest(),
    inputs: semver,
    value: 'VERSION={{version}}',
    expected: 'VERSION=',
  },
  {
    name: 'global expressions, unsanitised',
    context: events.pushBranch('feature/x'),
    inputs: semver,
    value: 'REF={{branch}}@{{sha}}',
    expected: 'REF=feature/x@860c190',
  },
  {
    name: "{{date}} in the created label's format gives the created label",
    context: events.pushTag('v1.2.3'),
    inputs: semver,
    value: "BUILDTIME={{date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}",
    expected: 'BUILDTIME=2020-01-10T00:30:00.000Z',
  },
  {
    name: 'the effective context: pull_request_target reads the PR, DOCKER_METADATA_PR_HEAD_SHA the head commit',
    context: events.pullRequestTarget({ settings: { prHeadSha: true } }),
    inputs: metaInputs(),
    value: 'V={{version}} S={{sha}}',
    expected: `V=pr-15 S=${PR_HEAD_SHA.slice(0, 7)}`,
  },
  {
    name: '\\{{ is a literal pair of braces',
    context: events.pushBranch('dev'),
    inputs: metaInputs(),
    value: 'FORMAT=\\{{.Name}} {{branch}}',
    expected: 'FORMAT={{.Name}} dev',
  },
  // without `{{` nothing is read: these values come out as given
  ...[
    'PLAIN=value',
    'SPACES=  a  b  ',
    'QUOTES="a" \'b\' `c`',
    'BACKSLASH=\\{ \\n \\\\',
    'ONE_BRACE={branch} }} {',
    'DOLLAR=$HOME ${X} $(id)',
    'PERCENT=%0A %25 ::error::x',
    'UNICODE=ü 日本 \u200b',
    'CR=a\rb',
    'EQUALS=a=b==c',
    '',
  ].map((value) => ({
    name: `passed through byte for byte: ${JSON.stringify(value)}`,
    context: events.pushBranch('dev'),
    inputs: metaInputs(),
    value,
    expected: value,
  })),
];

describe('renderBuildValue', () => {
  test.each(renderCases)('$name', ({ context, inputs, value, expected }) => {
    const meta = compute(inputs, context);
    expect(checkBuildValues([value], 'build-args')).toEqual([]);
    expect(renderBuildValue(value, 'build-args', metaScope(context, meta.version))).toBe(expected);
  });
});

describe('checkBuildValues', () => {
  const errors = [
    {
      name: 'a Go template needs \\{{',
      values: ['FORMAT={{.Name}}'],
      expected:
        'Input "build-args": got "FORMAT={{.Name}}"; expected a valid template (write \\{{ for literal braces): cannot read ".Name" in "{{.Name}}"',
    },
    {
      name: 'a typo in a name',
      values: ['OK={{version}}', 'V={{versoin}}'],
      expected:
        'Input "build-args": got "V={{versoin}}"; expected a valid template (write \\{{ for literal braces): unknown expression "{{versoin}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{version}}, {{date}}, {{commit_date}})',
    },
    {
      name: 'an unknown zone',
      values: ["T={{date 'HH' tz='Mars/Olympus'}}"],
      expected:
        "Input \"build-args\": got \"T={{date 'HH' tz='Mars/Olympus'}}\"; expected a valid template (write \\{{ for literal braces): \"{{date 'HH' tz='Mars/Olympus'}}\": unknown time zone \"Mars/Olympus\" (an IANA name such as 'Asia/Tokyo')",
    },
  ];
  test.each(errors)('rejects $name', ({ values, expected }) => {
    let error: unknown;
    try {
      checkBuildValues(values, 'build-args');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(expected);
  });

  test('warns about an unquoted date format, naming the input and the value', () => {
    expect(checkBuildValues(['D={{date YYYYMMDD}}'], 'build-args')).toEqual([
      'Input "build-args": "D={{date YYYYMMDD}}": the format in "{{date YYYYMMDD}}" is not quoted; it is rendered as \'YYYYMMDD\' (metadata-action ignores it and renders moment\'s default format, e.g. 2020-01-10T00:30:00Z): write {{date \'YYYYMMDD\'}}',
    ]);
  });
});

describe('{{version}} in labels and annotations', () => {
  const cases = [
    {
      name: 'a label',
      context: events.pushTag('v1.2.3'),
      inputs: { ...semver, labels: ['org.opencontainers.image.ref.name={{version}}'] },
      expected: { label: 'org.opencontainers.image.ref.name=1.2.3', annotation: undefined },
    },
    {
      name: 'an annotation at its own level',
      context: events.pushTag('v1.2.3'),
      inputs: { ...semver, annotations: ['index:org.example.release=v{{version}}'] },
      expected: { label: undefined, annotation: 'index:org.example.release=v1.2.3' },
    },
    {
      name: 'empty without a tag',
      context: events.pullRequest(),
      inputs: { ...semver, labels: ['x.version=[{{version}}]'] },
      expected: { label: 'x.version=[]', annotation: undefined },
    },
  ];
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    expect(result.warnings).toEqual([]);
    if (expected.label) expect(result.labels).toContain(expected.label);
    if (expected.annotation) expect(result.annotations).toContain(expected.annotation);
    expect(result.labels).toContain(`org.opencontainers.image.revision=${SHA}`);
  });
});
