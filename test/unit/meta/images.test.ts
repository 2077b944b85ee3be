import { describe, expect, test } from 'vitest';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: { images: string[]; tags: string[] };
}

const ctx = events.pushBranch('dev');
const cases: Case[] = [
  {
    name: 'one name per line',
    context: ctx,
    inputs: metaInputs({ images: ['name/foo', 'ghcr.io/name/bar'] }),
    expected: { images: ['name/foo', 'ghcr.io/name/bar'], tags: ['name/foo:dev', 'ghcr.io/name/bar:dev'] },
  },
  {
    name: 'name= form',
    context: ctx,
    inputs: metaInputs({ images: ['name=name/foo', 'name=ghcr.io/name/bar'] }),
    expected: { images: ['name/foo', 'ghcr.io/name/bar'], tags: ['name/foo:dev', 'ghcr.io/name/bar:dev'] },
  },
  {
    name: 'enable=false drops an image',
    context: ctx,
    inputs: metaInputs({ images: ['name=name/foo,enable=false', 'name=ghcr.io/name/bar,enable=true'] }),
    expected: { images: ['ghcr.io/name/bar'], tags: ['ghcr.io/name/bar:dev'] },
  },
  {
    name: 'comma-separated names on one line',
    context: ctx,
    inputs: metaInputs({ images: ['name/foo,ghcr.io/name/bar'] }),
    expected: { images: ['name/foo', 'ghcr.io/name/bar'], tags: ['name/foo:dev', 'ghcr.io/name/bar:dev'] },
  },
  {
    name: 'a comma-separated line next to other lines is still several images',
    context: ctx,
    inputs: metaInputs({ images: ['name/foo,name/bar', 'ghcr.io/name/baz'] }),
    expected: {
      images: ['name/foo', 'name/bar', 'ghcr.io/name/baz'],
      tags: ['name/foo:dev', 'name/bar:dev', 'ghcr.io/name/baz:dev'],
    },
  },
  {
    name: 'names are lower-cased',
    context: ctx,
    inputs: metaInputs({ images: ['Name/Foo'] }),
    expected: { images: ['name/foo'], tags: ['name/foo:dev'] },
  },
  {
    name: 'registry with a port',
    context: ctx,
    inputs: metaInputs({ images: ['localhost:5000/foo'] }),
    expected: { images: ['localhost:5000/foo'], tags: ['localhost:5000/foo:dev'] },
  },
  {
    name: 'all disabled: bare tags',
    context: ctx,
    inputs: metaInputs({ images: ['name=name/foo,enable=false'] }),
    expected: { images: [], tags: ['dev'] },
  },
  {
    name: 'tags per image in image order, latest last',
    context: events.pushTag('v1.0.0'),
    inputs: metaInputs({ images: ['a/x', 'b/y'], tags: ['type=semver,pattern={{version}}', 'type=sha'] }),
    expected: {
      images: ['a/x', 'b/y'],
      tags: ['a/x:1.0.0', 'a/x:sha-860c190', 'a/x:latest', 'b/y:1.0.0', 'b/y:sha-860c190', 'b/y:latest'],
    },
  },
];

describe('images', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    expect(result.images).toEqual(expected.images);
    expect(result.tags).toEqual(expected.tags);
  });
});
