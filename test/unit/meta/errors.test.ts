import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { computeMeta } from '../../../src/meta/index.js';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { events, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  /** the input the error names, and the text it reports as given */
  expected: { input: string; given: string };
}

const ctx = events.pushTag('v1.2.3');
const tagLine = (line: string): Case['inputs'] => metaInputs({ tags: [line] });

const cases: Case[] = [
  {
    name: 'unknown tag type',
    context: ctx,
    inputs: tagLine('type=foo,value=x'),
    expected: { input: 'tags', given: 'type=foo,value=x' },
  },
  {
    name: 'semver without pattern',
    context: ctx,
    inputs: tagLine('type=semver'),
    expected: { input: 'tags', given: 'type=semver' },
  },
  {
    name: 'pep440 without pattern',
    context: ctx,
    inputs: tagLine('type=pep440,value=1.0'),
    expected: { input: 'tags', given: 'type=pep440,value=1.0' },
  },
  {
    name: 'match without pattern',
    context: ctx,
    inputs: tagLine('type=match,group=1'),
    expected: { input: 'tags', given: 'type=match,group=1' },
  },
  {
    name: 'match with a bad group',
    context: ctx,
    inputs: tagLine('type=match,pattern=v(.*),group=one'),
    expected: { input: 'tags', given: 'type=match,pattern=v(.*),group=one' },
  },
  {
    name: 'match with a bad regular expression',
    context: ctx,
    inputs: tagLine('type=match,pattern=v(.*'),
    expected: { input: 'tags', given: 'type=match,pattern=v(.*' },
  },
  {
    name: 'raw without value',
    context: ctx,
    inputs: tagLine('type=raw'),
    expected: { input: 'tags', given: 'type=raw' },
  },
  {
    name: 'ref without event',
    context: ctx,
    inputs: tagLine('type=ref'),
    expected: { input: 'tags', given: 'type=ref' },
  },
  {
    name: 'ref with an unknown event',
    context: ctx,
    inputs: tagLine('type=ref,event=push'),
    expected: { input: 'tags', given: 'type=ref,event=push' },
  },
  {
    name: 'sha with an unknown format',
    context: ctx,
    inputs: tagLine('type=sha,format=medium'),
    expected: { input: 'tags', given: 'type=sha,format=medium' },
  },
  {
    name: 'enable=maybe',
    context: ctx,
    inputs: tagLine('type=sha,enable=maybe'),
    expected: { input: 'tags', given: 'type=sha,enable=maybe' },
  },
  {
    name: 'enable rendering to something else',
    context: ctx,
    inputs: tagLine('type=sha,enable={{tag}}'),
    expected: { input: 'tags', given: 'type=sha,enable={{tag}}' },
  },
  {
    name: 'enable is checked even when the rule would not apply',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=semver,pattern={{version}},enable=yes'),
    expected: { input: 'tags', given: 'type=semver,pattern={{version}},enable=yes' },
  },
  {
    name: 'bad priority',
    context: ctx,
    inputs: tagLine('type=sha,priority=high'),
    expected: { input: 'tags', given: 'type=sha,priority=high' },
  },
  {
    name: 'unknown attribute',
    context: ctx,
    inputs: tagLine('type=semver,patern={{version}}'),
    expected: { input: 'tags', given: 'type=semver,patern={{version}}' },
  },
  {
    name: 'bad tz attribute',
    context: ctx,
    inputs: tagLine('type=raw,value=x,tz=Mars/Base'),
    expected: { input: 'tags', given: 'type=raw,value=x,tz=Mars/Base' },
  },
  {
    name: 'unknown expression in a value',
    context: ctx,
    inputs: tagLine('type=raw,value={{brnch}}'),
    expected: { input: 'tags', given: 'type=raw,value={{brnch}}' },
  },
  {
    name: 'unknown expression in a semver pattern',
    context: ctx,
    inputs: tagLine('type=semver,pattern={{branch}}'),
    expected: { input: 'tags', given: 'type=semver,pattern={{branch}}' },
  },
  {
    name: 'unknown time zone in {{date}}',
    context: ctx,
    inputs: tagLine("type=raw,value={{date 'YYYY' tz='Nowhere/City'}}"),
    expected: { input: 'tags', given: "type=raw,value={{date 'YYYY' tz='Nowhere/City'}}" },
  },
  {
    name: 'unknown {{date}} attribute',
    context: ctx,
    inputs: tagLine("type=raw,value={{date 'YYYY' zone='UTC'}}"),
    expected: { input: 'tags', given: "type=raw,value={{date 'YYYY' zone='UTC'}}" },
  },
  {
    name: 'unclosed expression',
    context: ctx,
    inputs: tagLine('type=raw,value={{branch'),
    expected: { input: 'tags', given: 'type=raw,value={{branch' },
  },
  {
    name: 'block helper',
    context: ctx,
    inputs: tagLine('type=raw,value={{#if tag}}x{{/if}}'),
    expected: { input: 'tags', given: 'type=raw,value={{#if tag}}x{{/if}}' },
  },
  {
    name: 'flavor latest=sometimes',
    context: ctx,
    inputs: metaInputs({ flavor: ['latest=sometimes'] }),
    expected: { input: 'flavor', given: 'latest=sometimes' },
  },
  {
    name: 'flavor unknown key',
    context: ctx,
    inputs: metaInputs({ flavor: ['lastest=true'] }),
    expected: { input: 'flavor', given: 'lastest=true' },
  },
  {
    name: 'flavor entry without =',
    context: ctx,
    inputs: metaInputs({ flavor: ['latest'] }),
    expected: { input: 'flavor', given: 'latest' },
  },
  {
    name: 'flavor onlatest not a boolean',
    context: ctx,
    inputs: metaInputs({ flavor: ['prefix=a-,onlatest=yes'] }),
    expected: { input: 'flavor', given: 'prefix=a-,onlatest=yes' },
  },
  {
    name: 'flavor onlatest alone',
    context: ctx,
    inputs: metaInputs({ flavor: ['onlatest=true'] }),
    expected: { input: 'flavor', given: 'onlatest=true' },
  },
  {
    name: 'flavor unknown expression in prefix',
    context: ctx,
    inputs: metaInputs({ tags: ['type=ref,event=tag'], flavor: ['prefix={{nope}}-'] }),
    expected: { input: 'flavor', given: '{{nope}}-' },
  },
  {
    name: 'label without =',
    context: ctx,
    inputs: metaInputs({ labels: ['maintainer'] }),
    expected: { input: 'labels', given: 'maintainer' },
  },
  {
    name: 'label with an empty key',
    context: ctx,
    inputs: metaInputs({ labels: ['=value'] }),
    expected: { input: 'labels', given: '=value' },
  },
  {
    name: 'label with an unknown expression',
    context: ctx,
    inputs: metaInputs({ labels: ['a={{nope}}'] }),
    expected: { input: 'labels', given: 'a={{nope}}' },
  },
  {
    name: 'annotation without =',
    context: ctx,
    inputs: metaInputs({ annotations: ['org.example'] }),
    expected: { input: 'annotations', given: 'org.example' },
  },
  {
    name: 'image with a space',
    context: ctx,
    inputs: metaInputs({ images: ['user/my app'] }),
    expected: { input: 'images', given: 'user/my app' },
  },
  {
    name: 'image with a tag',
    context: ctx,
    inputs: metaInputs({ images: ['user/app:1.0'] }),
    expected: { input: 'images', given: 'user/app:1.0' },
  },
  {
    name: 'image enable=maybe',
    context: ctx,
    inputs: metaInputs({ images: ['name=user/app,enable=maybe'] }),
    expected: { input: 'images', given: 'name=user/app,enable=maybe' },
  },
  {
    name: 'image unknown attribute',
    context: ctx,
    inputs: metaInputs({ images: ['name=user/app,tag=1'] }),
    expected: { input: 'images', given: 'name=user/app,tag=1' },
  },
  {
    name: 'image with an empty name',
    context: ctx,
    inputs: metaInputs({ images: ['name=,enable=true'] }),
    expected: { input: 'images', given: 'name=,enable=true' },
  },
];

describe('input errors', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    let error: unknown;
    try {
      computeMeta(inputs, context);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.input).toBe(expected.input);
    expect(e.given).toBe(expected.given);
    expect(e.expected.length).toBeGreaterThan(0);
    expect(e.message).toContain(`Input "${expected.input}"`);
  });
});
