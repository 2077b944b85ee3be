import { describe, expect, it } from 'vitest';
import type { BuilderInputs } from '../../src/inputs/builder.js';
import {
  DEFAULT_BUILDKITD_FLAGS,
  describeBuilderPlan,
  planBuilder,
  type BuilderChoice,
  type BuilderPlanFacts,
} from '../../src/plan/builder.js';

const FACTS: BuilderPlanFacts = {
  workDir: '/runner/_temp/publish-image-42',
  createName: 'publish-image-42',
  platforms: ['linux/amd64', 'linux/arm64'],
  needs: { multiPlatform: true, cacheExport: true },
};
const FILES = '/runner/_temp/publish-image-42/buildx';

function inputs(over: Partial<BuilderInputs> = {}): BuilderInputs {
  return {
    node: { platforms: [], driverOpts: [] },
    append: [],
    tls: [],
    use: false,
    cleanup: true,
    keepState: false,
    qemu: { image: 'docker.io/tonistiigi/binfmt:latest' },
    ...over,
  };
}

const FLAGS = ['--buildkitd-flags', DEFAULT_BUILDKITD_FLAGS];

interface ChoiceCase {
  name: string;
  inputs: BuilderInputs;
  expected: BuilderChoice;
}

const choices: ChoiceCase[] = [
  {
    name: 'nothing set: the current builder, else a docker-container builder on the host network',
    inputs: inputs(),
    expected: {
      kind: 'current',
      unusedIfCurrent: [],
      fallback: {
        name: 'publish-image-42',
        driver: 'docker-container',
        create: [
          'buildx',
          'create',
          '--name',
          'publish-image-42',
          '--driver',
          'docker-container',
          '--driver-opt',
          'network=host',
          ...FLAGS,
        ],
        append: [],
        files: [],
        filesDir: FILES,
        probe: [],
        remove: ['buildx', 'rm', 'publish-image-42'],
      },
    },
  },
  {
    name: 'driver-opts with a network: kept as given, no network=host added',
    inputs: inputs({ node: { platforms: [], driverOpts: ['network=buildnet', 'image=moby/buildkit:v0.20.0'] } }),
    expected: {
      kind: 'current',
      unusedIfCurrent: ['driver-opts'],
      fallback: {
        name: 'publish-image-42',
        driver: 'docker-container',
        create: [
          'buildx',
          'create',
          '--name',
          'publish-image-42',
          '--driver',
          'docker-container',
          '--driver-opt',
          'network=buildnet',
          '--driver-opt',
          'image=moby/buildkit:v0.20.0',
          ...FLAGS,
        ],
        append: [],
        files: [],
        filesDir: FILES,
        probe: [],
        remove: ['buildx', 'rm', 'publish-image-42'],
      },
    },
  },
  {
    name: 'builder alone: that builder, as it is',
    inputs: inputs({ name: 'ci' }),
    expected: { kind: 'named', name: 'ci', source: 'builder' },
  },
  {
    name: 'BUILDX_BUILDER: the builder buildx would use anyway',
    inputs: inputs({ envBuilder: 'from-env' }),
    expected: { kind: 'named', name: 'from-env', source: 'BUILDX_BUILDER' },
  },
  {
    name: 'the builder input wins over BUILDX_BUILDER',
    inputs: inputs({ name: 'ci', envBuilder: 'from-env' }),
    expected: { kind: 'named', name: 'ci', source: 'builder' },
  },
  { name: 'driver: docker', inputs: inputs({ driver: 'docker' }), expected: { kind: 'docker' } },
  {
    name: 'docker-container with flags, a config file, fixed platforms, use, keep-state and a context endpoint',
    inputs: inputs({
      driver: 'docker-container',
      name: 'bk',
      node: {
        endpoint: 'remote-ctx',
        platforms: ['linux/amd64', 'linux/arm64'],
        driverOpts: ['image=moby/buildkit:v0.20.0'],
        buildkitdFlags: '--debug',
        buildkitdConfig: { kind: 'file', path: '.github/buildkitd.toml' },
      },
      use: true,
      keepState: true,
    }),
    expected: {
      kind: 'create',
      reuseExisting: true,
      create: {
        name: 'bk',
        driver: 'docker-container',
        create: [
          'buildx',
          'create',
          '--name',
          'bk',
          '--driver',
          'docker-container',
          '--driver-opt',
          'network=host',
          '--driver-opt',
          'image=moby/buildkit:v0.20.0',
          '--buildkitd-flags',
          '--debug',
          '--platform',
          'linux/amd64,linux/arm64',
          '--use',
          '--config',
          '.github/buildkitd.toml',
          'remote-ctx',
        ],
        append: [],
        files: [],
        filesDir: FILES,
        probe: [],
        remove: ['buildx', 'rm', '--keep-state', 'bk'],
      },
    },
  },
  {
    name: 'remote with TLS for both nodes, an inline config and an appended node; cleanup: false',
    inputs: inputs({
      driver: 'remote',
      node: {
        endpoint: 'tcp://buildkitd.example:1234',
        platforms: [],
        driverOpts: ['servername=buildkitd'],
        buildkitdConfig: { kind: 'inline', text: 'debug = true' },
      },
      append: [
        { name: 'arm', endpoint: 'tcp://arm.example:1234', platforms: ['linux/arm64'], driverOpts: [] },
        { endpoint: 'docker-container://bk', platforms: [], driverOpts: [], buildkitdFlags: '--debug' },
      ],
      tls: [
        { node: 0, cacert: 'CA0', cert: 'CERT0', key: 'KEY0' },
        { node: 1, cacert: 'CA1' },
      ],
      cleanup: false,
    }),
    expected: {
      kind: 'create',
      reuseExisting: false,
      create: {
        name: 'publish-image-42',
        driver: 'remote',
        create: [
          'buildx',
          'create',
          '--name',
          'publish-image-42',
          '--driver',
          'remote',
          '--driver-opt',
          'servername=buildkitd',
          '--driver-opt',
          `cacert=${FILES}/node0-cacert.pem`,
          '--driver-opt',
          `cert=${FILES}/node0-cert.pem`,
          '--driver-opt',
          `key=${FILES}/node0-key.pem`,
          '--config',
          `${FILES}/buildkitd-node0.toml`,
          'tcp://buildkitd.example:1234',
        ],
        append: [
          [
            'buildx',
            'create',
            '--name',
            'publish-image-42',
            '--append',
            '--node',
            'arm',
            '--driver-opt',
            `cacert=${FILES}/node1-cacert.pem`,
            '--platform',
            'linux/arm64',
            'tcp://arm.example:1234',
          ],
          [
            'buildx',
            'create',
            '--name',
            'publish-image-42',
            '--append',
            '--buildkitd-flags',
            '--debug',
            'docker-container://bk',
          ],
        ],
        files: [
          { path: `${FILES}/node0-cacert.pem`, content: 'CA0', secret: true },
          { path: `${FILES}/node0-cert.pem`, content: 'CERT0', secret: true },
          { path: `${FILES}/node0-key.pem`, content: 'KEY0', secret: true },
          { path: `${FILES}/buildkitd-node0.toml`, content: 'debug = true', secret: false },
          { path: `${FILES}/node1-cacert.pem`, content: 'CA1', secret: true },
        ],
        filesDir: FILES,
        probe: ['tcp://buildkitd.example:1234', 'tcp://arm.example:1234'],
        remove: undefined,
      },
    },
  },
  {
    name: 'kubernetes: default buildkitd flags, driver options, an appended node named for its deployment',
    inputs: inputs({
      driver: 'kubernetes',
      node: { platforms: ['linux/amd64'], driverOpts: ['namespace=buildkit', 'replicas=2'] },
      append: [{ name: 'arm', platforms: ['linux/arm64'], driverOpts: ['nodeselector=kubernetes.io/arch=arm64'] }],
    }),
    expected: {
      kind: 'create',
      reuseExisting: false,
      create: {
        name: 'publish-image-42',
        driver: 'kubernetes',
        create: [
          'buildx',
          'create',
          '--name',
          'publish-image-42',
          '--driver',
          'kubernetes',
          '--driver-opt',
          'namespace=buildkit',
          '--driver-opt',
          'replicas=2',
          ...FLAGS,
          '--platform',
          'linux/amd64',
        ],
        append: [
          [
            'buildx',
            'create',
            '--name',
            'publish-image-42',
            '--append',
            '--node',
            'arm',
            '--driver-opt',
            'nodeselector=kubernetes.io/arch=arm64',
            ...FLAGS,
            '--platform',
            'linux/arm64',
          ],
        ],
        files: [],
        filesDir: FILES,
        probe: [],
        remove: ['buildx', 'rm', 'publish-image-42'],
      },
    },
  },
  {
    name: 'a unix socket of a remote node is probed too',
    inputs: inputs({
      driver: 'remote',
      node: { endpoint: 'unix:///run/buildkit/buildkitd.sock', platforms: [], driverOpts: [] },
    }),
    expected: {
      kind: 'create',
      reuseExisting: false,
      create: {
        name: 'publish-image-42',
        driver: 'remote',
        create: [
          'buildx',
          'create',
          '--name',
          'publish-image-42',
          '--driver',
          'remote',
          'unix:///run/buildkit/buildkitd.sock',
        ],
        append: [],
        files: [],
        filesDir: FILES,
        probe: ['unix:///run/buildkit/buildkitd.sock'],
        remove: ['buildx', 'rm', 'publish-image-42'],
      },
    },
  },
];

interface NoticeCase {
  name: string;
  inputs: BuilderInputs;
  expected: string[];
}

const notices: NoticeCase[] = [
  { name: 'none by default', inputs: inputs(), expected: [] },
  {
    name: 'creation inputs with a named builder',
    inputs: inputs({
      name: 'ci',
      node: { platforms: ['linux/amd64'], driverOpts: ['image=x'], buildkitdFlags: '--debug' },
      keepState: true,
    }),
    expected: [
      'driver-opts, buildkitd-flags, builder-platforms, keep-state ignored: they shape a builder this run creates, and the builder "ci" is used as it is (set driver to create one).',
    ],
  },
  {
    name: 'TLS material for a node that does not use it',
    inputs: inputs({
      driver: 'docker-container',
      node: { endpoint: 'tcp://docker.example:2376', platforms: [], driverOpts: [] },
      tls: [{ node: 0, key: 'KEY' }],
    }),
    expected: [
      'BUILDER_NODE_0_AUTH_TLS_* ignored: only a remote node with a tcp:// endpoint uses TLS files (node 0 is docker-container at tcp://docker.example:2376).',
    ],
  },
  {
    name: 'TLS material for a remote node over ssh',
    inputs: inputs({
      driver: 'remote',
      node: { endpoint: 'ssh://me@buildkitd', platforms: [], driverOpts: [] },
      tls: [{ node: 0, cacert: 'CA' }],
    }),
    expected: [
      'BUILDER_NODE_0_AUTH_TLS_* ignored: only a remote node with a tcp:// endpoint uses TLS files (node 0 is remote at ssh://me@buildkitd).',
    ],
  },
];

describe('planBuilder', () => {
  for (const c of choices) {
    it(c.name, () => {
      expect(planBuilder(c.inputs, FACTS).choice).toEqual(c.expected);
    });
  }
  for (const c of notices) {
    it(`notices: ${c.name}`, () => {
      expect(planBuilder(c.inputs, FACTS).notices).toEqual(c.expected);
    });
  }
  it('carries the platforms, the needs and the binfmt image to the effect', () => {
    const plan = planBuilder(inputs({ qemu: { image: '127.0.0.1:5000/binfmt:v9' } }), {
      ...FACTS,
      needs: { multiPlatform: true, cacheExport: false, pushByDigest: true, cacheV2: true },
    });
    expect({ platforms: plan.platforms, needs: plan.needs, qemuImage: plan.qemuImage }).toEqual({
      platforms: ['linux/amd64', 'linux/arm64'],
      needs: { multiPlatform: true, cacheExport: false, pushByDigest: true, cacheV2: true },
      qemuImage: '127.0.0.1:5000/binfmt:v9',
    });
  });
  it('a work dir with a trailing slash gives the same file paths', () => {
    const plan = planBuilder(
      inputs({
        driver: 'remote',
        node: { endpoint: 'tcp://a:1', platforms: [], driverOpts: [] },
        tls: [{ node: 0, key: 'K' }],
      }),
      { ...FACTS, workDir: `${FACTS.workDir}/` },
    );
    expect(plan.choice.kind === 'create' && plan.choice.create.files.map((f) => f.path)).toEqual([
      `${FILES}/node0-key.pem`,
    ]);
  });
});

describe('describeBuilderPlan', () => {
  interface DescribeCase {
    name: string;
    inputs: BuilderInputs;
    expected: string[];
  }
  const cases: DescribeCase[] = [
    {
      name: 'the current builder with its fallback',
      inputs: inputs(),
      expected: [
        'the current builder if it can build this, else:',
        `  docker buildx create --name publish-image-42 --driver docker-container --driver-opt network=host --buildkitd-flags '${DEFAULT_BUILDKITD_FLAGS}'`,
        '  post: docker buildx rm publish-image-42',
      ],
    },
    { name: 'a named builder', inputs: inputs({ name: 'ci' }), expected: ['the builder ci (from builder)'] },
    {
      name: 'the docker driver',
      inputs: inputs({ driver: 'docker' }),
      expected: ["the current Docker context's builder (driver docker)"],
    },
    {
      name: 'a remote builder with TLS files, never their content',
      inputs: inputs({
        driver: 'remote',
        name: 'far',
        node: { endpoint: 'tcp://a:1', platforms: [], driverOpts: [] },
        tls: [{ node: 0, key: 'THE-PRIVATE-KEY' }],
        cleanup: false,
      }),
      expected: [
        'the builder far if it exists, else:',
        `  write 1 file(s) under ${FILES} (mode 0600)`,
        `  docker buildx create --name far --driver remote --driver-opt key=${FILES}/node0-key.pem tcp://a:1`,
        '  post: the builder is kept (cleanup: false)',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(describeBuilderPlan(planBuilder(c.inputs, FACTS))).toEqual(c.expected);
    });
  }
});
