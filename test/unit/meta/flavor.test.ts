import { describe, expect, test } from 'vitest';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: { tags: string[]; latest: boolean };
}

const cases: Case[] = [
  {
    name: 'latest=auto on a semver tag',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['latest=auto'] }),
    expected: { tags: ['user/app:1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'latest=false on a semver tag',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['latest=false'] }),
    expected: { tags: ['user/app:1.2.3'], latest: false },
  },
  {
    name: 'latest=true on a branch',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ flavor: ['latest=true'] }),
    expected: { tags: ['user/app:dev', 'user/app:latest'], latest: true },
  },
  {
    name: 'latest=true on a pre-release',
    context: events.pushTag('v2.0.0-rc.1'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['latest=true'] }),
    expected: { tags: ['user/app:2.0.0-rc.1', 'user/app:latest'], latest: true },
  },
  {
    name: 'latest=true without any tag adds nothing',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['latest=true'] }),
    expected: { tags: [], latest: false },
  },
  {
    name: 'latest=auto on a branch (ref) gives none',
    context: events.pushBranch('master'),
    inputs: metaInputs({ tags: ['type=ref,event=branch'] }),
    expected: { tags: ['user/app:master'], latest: false },
  },
  {
    name: 'latest=auto with raw gives none',
    context: events.pushTag('v1.0.0'),
    inputs: metaInputs({ tags: ['type=raw,value=x'] }),
    expected: { tags: ['user/app:x'], latest: false },
  },
  {
    name: 'latest=auto with match gives latest',
    context: events.pushTag('v1.0.0'),
    inputs: metaInputs({ tags: ['type=match,pattern=\\d.\\d'] }),
    expected: { tags: ['user/app:1.0', 'user/app:latest'], latest: true },
  },
  {
    name: 'latest=auto with schedule gives none',
    context: events.schedule(),
    inputs: metaInputs({ tags: ['type=schedule'] }),
    expected: { tags: ['user/app:nightly'], latest: false },
  },
  {
    name: 'latest=auto with pep440 final',
    context: events.pushTag('1.0.0'),
    inputs: metaInputs({ tags: ['type=pep440,pattern={{version}}'] }),
    expected: { tags: ['user/app:1.0.0', 'user/app:latest'], latest: true },
  },
  {
    name: 'prefix applies to all tags, not latest',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}', 'type=sha'], flavor: ['prefix=app-'] }),
    expected: { tags: ['user/app:app-1.2.3', 'user/app:sha-860c190', 'user/app:latest'], latest: true },
  },
  {
    name: 'prefix on ref tags',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}', 'type=ref,event=tag'], flavor: ['prefix=app-'] }),
    expected: { tags: ['user/app:app-1.2.3', 'user/app:app-v1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'prefix with onlatest=true',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['prefix=app-,onlatest=true'] }),
    expected: { tags: ['user/app:app-1.2.3', 'user/app:app-latest'], latest: true },
  },
  {
    name: 'a prefix keeps every = (then sanitised)',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['prefix=a=b'] }),
    expected: { tags: ['user/app:a-b1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'suffix applies to all tags',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({
      tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}'],
      flavor: ['suffix=-alpine'],
    }),
    expected: { tags: ['user/app:1.2.3-alpine', 'user/app:1-alpine', 'user/app:latest'], latest: true },
  },
  {
    name: 'suffix with onlatest=true',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['suffix=-alpine,onlatest=true'] }),
    expected: { tags: ['user/app:1.2.3-alpine', 'user/app:latest-alpine'], latest: true },
  },
  {
    name: 'prefix and suffix on latest, separate lines',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({
      tags: ['type=semver,pattern={{version}}'],
      flavor: ['latest=auto', 'prefix=a-,onlatest=true', 'suffix=-z,onlatest=false'],
    }),
    expected: { tags: ['user/app:a-1.2.3-z', 'user/app:a-latest'], latest: true },
  },
  {
    name: 'rule prefix/suffix override the flavor',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({
      tags: ['type=semver,pattern={{version}},prefix=v,suffix='],
      flavor: ['prefix=app-', 'suffix=-alpine'],
    }),
    expected: { tags: ['user/app:v1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'flavor prefix with an expression',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=sha'], flavor: ['suffix=-{{branch}}'] }),
    expected: { tags: ['user/app:sha-860c190-dev'], latest: false },
  },
  {
    name: 'sha keeps its own default prefix over the flavor prefix',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=sha', 'type=ref,event=branch'], flavor: ['prefix=x-'] }),
    expected: { tags: ['user/app:x-dev', 'user/app:sha-860c190'], latest: false },
  },
  {
    name: 'latest=true with raw value latest is not duplicated',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=raw,value=latest'], flavor: ['latest=true'] }),
    expected: { tags: ['user/app:latest'], latest: true },
  },
];

describe('flavor', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    expect(result.tags).toEqual(expected.tags);
    expect(result.version.latest).toBe(expected.latest);
  });
});
