import { describe, expect, test } from 'vitest';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs, SHA } from './helpers.js';

const defaults = (version: string, revision = SHA): string[] => [
  'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
  'org.opencontainers.image.description=This your first repo!',
  'org.opencontainers.image.licenses=MIT',
  `org.opencontainers.image.revision=${revision}`,
  'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
  'org.opencontainers.image.title=Hello-World',
  'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
  `org.opencontainers.image.version=${version}`,
];

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: { labels?: string[]; annotations?: string[] };
}

const cases: Case[] = [
  {
    name: 'labels: the eight defaults, sorted by key',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'] }),
    expected: { labels: defaults('1.2.3') },
  },
  {
    name: 'labels: version empty without tags',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'] }),
    expected: { labels: defaults('') },
  },
  {
    name: 'labels: missing repository facts give empty values',
    context: events.pushBranch('dev', {
      repo: { name: 'x', description: undefined, htmlUrl: undefined, license: undefined },
    }),
    inputs: metaInputs(),
    expected: {
      labels: [
        'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
        'org.opencontainers.image.description=',
        'org.opencontainers.image.licenses=',
        `org.opencontainers.image.revision=${SHA}`,
        'org.opencontainers.image.source=',
        'org.opencontainers.image.title=x',
        'org.opencontainers.image.url=',
        'org.opencontainers.image.version=dev',
      ],
    },
  },
  {
    name: 'labels: custom labels override defaults and are added',
    context: events.pushBranch('dev'),
    inputs: metaInputs({
      labels: [
        'maintainer=CrazyMax',
        'org.opencontainers.image.title=MyCustomTitle',
        'org.opencontainers.image.vendor=MyCompany',
      ],
    }),
    expected: {
      labels: [
        'maintainer=CrazyMax',
        ...defaults('dev').map((l) =>
          l.startsWith('org.opencontainers.image.title=') ? 'org.opencontainers.image.title=MyCustomTitle' : l,
        ),
        'org.opencontainers.image.vendor=MyCompany',
      ].sort((a, b) => a.split('=')[0].localeCompare(b.split('=')[0], 'en')),
    },
  },
  {
    name: 'labels: value with = and spaces, and an empty value',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ labels: ['a.b=x=y z', 'org.opencontainers.image.licenses='] }),
    expected: {
      labels: [
        'a.b=x=y z',
        ...defaults('dev').map((l) =>
          l.startsWith('org.opencontainers.image.licenses=') ? 'org.opencontainers.image.licenses=' : l,
        ),
      ],
    },
  },
  {
    name: 'labels: expressions in custom labels',
    context: events.pushBranch('dev'),
    inputs: metaInputs({
      labels: ["org.opencontainers.image.created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}", 'x.branch={{branch}}'],
    }),
    expected: {
      labels: [
        ...defaults('dev').map((l) =>
          l.startsWith('org.opencontainers.image.created=')
            ? 'org.opencontainers.image.created=2020-01-08T15:04:05.000Z'
            : l,
        ),
        'x.branch=dev',
      ],
    },
  },
  {
    name: 'labels: sorted in code-unit order (capitals first), not by locale',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ labels: ['a.b=1', 'Maintainer=x', 'org.opencontainers.image.Zeta=2'] }),
    expected: {
      labels: ['Maintainer=x', 'a.b=1', 'org.opencontainers.image.Zeta=2', ...defaults('dev')],
    },
  },
  {
    name: 'labels: no HTML escaping',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ labels: ['org.opencontainers.image.description=Tom & Jerry <"quoted">'] }),
    expected: {
      labels: defaults('dev').map((l) =>
        l.startsWith('org.opencontainers.image.description=')
          ? 'org.opencontainers.image.description=Tom & Jerry <"quoted">'
          : l,
      ),
    },
  },
  {
    name: 'labels: revision is the PR head with prHeadSha',
    context: events.pullRequest({ settings: { prHeadSha: true } }),
    inputs: metaInputs(),
    expected: { labels: defaults('pr-15', 'a9c8c5828b91be19d9728548b24759e352367ef1') },
  },
  {
    name: 'annotations: defaults at manifest level',
    context: events.pushBranch('dev'),
    inputs: metaInputs(),
    expected: { annotations: defaults('dev').map((l) => `manifest:${l}`) },
  },
  {
    name: 'annotations: several levels',
    context: events.pushBranch('dev', { settings: { annotationLevels: ['manifest', 'index'] } }),
    inputs: metaInputs(),
    expected: {
      annotations: [...defaults('dev').map((l) => `manifest:${l}`), ...defaults('dev').map((l) => `index:${l}`)],
    },
  },
  {
    name: 'annotations: empty level list means manifest',
    context: events.pushBranch('dev', { settings: { annotationLevels: [] } }),
    inputs: metaInputs(),
    expected: { annotations: defaults('dev').map((l) => `manifest:${l}`) },
  },
  {
    name: 'annotations: custom override at each level',
    context: events.pushBranch('dev', { settings: { annotationLevels: ['index'] } }),
    inputs: metaInputs({ annotations: ['org.opencontainers.image.description=Custom'] }),
    expected: {
      annotations: defaults('dev').map(
        (l) =>
          `index:${l.startsWith('org.opencontainers.image.description=') ? 'org.opencontainers.image.description=Custom' : l}`,
      ),
    },
  },
  {
    name: 'annotations: explicit level on a custom key',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ annotations: ['index:org.example.note=hello'] }),
    expected: { annotations: [...defaults('dev').map((l) => `manifest:${l}`), 'index:org.example.note=hello'] },
  },
  {
    name: 'annotations: labels do not leak into annotations',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ labels: ['only.label=x'] }),
    expected: { annotations: defaults('dev').map((l) => `manifest:${l}`) },
  },
];

describe('labels and annotations', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    if (expected.labels) expect(result.labels).toEqual(expected.labels);
    if (expected.annotations) expect(result.annotations).toEqual(expected.annotations);
  });
});
