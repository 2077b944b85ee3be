import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBuilderInputs, type BuilderInputs } from '../../src/inputs/builder.js';
import { inputEnvName, stdout } from '../../src/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'builder-inputs-'));
const CONFIG = join(dir, 'buildkitd.toml');
writeFileSync(CONFIG, '[worker.oci]\n  max-parallelism = 4\n');

const env = (inputs: Record<string, string>, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v])),
  ...extra,
});

let printed = '';
const realWrite = stdout.write;
beforeEach(() => {
  printed = '';
  stdout.write = (t: string) => {
    printed += t;
  };
});
afterEach(() => {
  stdout.write = realWrite;
});

const DEFAULTS: BuilderInputs = {
  node: { platforms: [], driverOpts: [] },
  append: [],
  tls: [],
  use: false,
  cleanup: true,
  keepState: false,
  qemu: { image: 'docker.io/tonistiigi/binfmt:latest' },
};

interface GoodCase {
  name: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  expected: Partial<BuilderInputs>;
}

const good: GoodCase[] = [
  {
    name: 'nothing set: the current builder when it can, defaults of setup-buildx otherwise',
    inputs: {},
    expected: {},
  },
  {
    name: 'builder alone names a builder or a context',
    inputs: { builder: 'my-ctx+1' },
    expected: { name: 'my-ctx+1' },
  },
  {
    name: 'BUILDX_BUILDER is kept apart from the input',
    inputs: {},
    env: { BUILDX_BUILDER: 'ci-builder' },
    expected: { envBuilder: 'ci-builder' },
  },
  {
    name: 'a remote builder with every node input',
    inputs: {
      driver: 'remote',
      builder: 'far',
      endpoint: 'tcp://buildkitd.example:1234',
      'driver-opts': 'servername=buildkitd\n# comment\ncacert=/etc/buildkit/ca.pem',
      'builder-platforms': 'linux/amd64, linux/arm64/v8, linux/arm',
    },
    expected: {
      name: 'far',
      driver: 'remote',
      node: {
        endpoint: 'tcp://buildkitd.example:1234',
        platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
        driverOpts: ['servername=buildkitd', 'cacert=/etc/buildkit/ca.pem'],
      },
    },
  },
  {
    name: 'the remote driver takes BUILDKIT_HOST when endpoint is empty, as buildx does',
    inputs: { driver: 'remote' },
    env: { BUILDKIT_HOST: 'unix:///run/buildkit/buildkitd.sock' },
    expected: {
      driver: 'remote',
      node: { endpoint: 'unix:///run/buildkit/buildkitd.sock', platforms: [], driverOpts: [] },
    },
  },
  {
    name: 'docker-container: flags, a config file, keep-state, use, cleanup',
    inputs: {
      driver: 'docker-container',
      endpoint: 'my-remote-context',
      'buildkitd-flags': "--debug --allow-insecure-entitlement 'network.host'",
      'buildkitd-config': CONFIG,
      'keep-state': 'true',
      use: 'true',
      cleanup: 'false',
    },
    expected: {
      driver: 'docker-container',
      node: {
        endpoint: 'my-remote-context',
        platforms: [],
        driverOpts: [],
        buildkitdFlags: "--debug --allow-insecure-entitlement 'network.host'",
        buildkitdConfig: { kind: 'file', path: CONFIG },
      },
      keepState: true,
      use: true,
      cleanup: false,
    },
  },
  {
    name: 'a docker-container node on a Docker host over tcp, port implied as the CLI does',
    inputs: { driver: 'docker-container', endpoint: 'tcp://docker.internal' },
    expected: {
      driver: 'docker-container',
      node: { endpoint: 'tcp://docker.internal', platforms: [], driverOpts: [] },
    },
  },
  {
    name: 'an inline config',
    inputs: { 'buildkitd-config-inline': 'debug = true\n[registry."docker.io"]\n  mirrors = ["mirror.gcr.io"]\n' },
    expected: {
      node: {
        platforms: [],
        driverOpts: [],
        buildkitdConfig: {
          kind: 'inline',
          text: 'debug = true\n[registry."docker.io"]\n  mirrors = ["mirror.gcr.io"]',
        },
      },
    },
  },
  {
    name: 'append nodes: every key, platforms as text or list, driver-opts as a list',
    inputs: {
      driver: 'remote',
      endpoint: 'tcp://10.0.0.1:1234',
      append: [
        '- name: arm',
        '  endpoint: tcp://arm.example:1234',
        '  platforms: linux/arm64,linux/arm/v7',
        '  driver-opts:',
        '    - default-load=true',
        '- endpoint: unix:///run/bk.sock',
        '  platforms: [linux/riscv64]',
        '  buildkitd-flags: --debug',
        `  buildkitd-config: ${CONFIG}`,
      ].join('\n'),
    },
    expected: {
      driver: 'remote',
      node: { endpoint: 'tcp://10.0.0.1:1234', platforms: [], driverOpts: [] },
      append: [
        {
          name: 'arm',
          endpoint: 'tcp://arm.example:1234',
          platforms: ['linux/arm64', 'linux/arm/v7'],
          driverOpts: ['default-load=true'],
        },
        {
          endpoint: 'unix:///run/bk.sock',
          platforms: ['linux/riscv64'],
          driverOpts: [],
          buildkitdFlags: '--debug',
          buildkitdConfig: { kind: 'file', path: CONFIG },
        },
      ],
    },
  },
  {
    name: 'TLS material per node from BUILDER_NODE_<i>_AUTH_TLS_*; nodes beyond the builder are not read',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', append: '- endpoint: tcp://b:2' },
    env: {
      BUILDER_NODE_0_AUTH_TLS_CACERT: 'CA0',
      BUILDER_NODE_0_AUTH_TLS_CERT: 'CERT0',
      BUILDER_NODE_0_AUTH_TLS_KEY: 'KEY0',
      BUILDER_NODE_1_AUTH_TLS_CACERT: 'CA1',
      BUILDER_NODE_2_AUTH_TLS_KEY: 'KEY2',
    },
    expected: {
      driver: 'remote',
      node: { endpoint: 'tcp://a:1', platforms: [], driverOpts: [] },
      append: [{ endpoint: 'tcp://b:2', platforms: [], driverOpts: [] }],
      tls: [
        { node: 0, cacert: 'CA0', cert: 'CERT0', key: 'KEY0' },
        { node: 1, cacert: 'CA1', cert: undefined, key: undefined },
      ],
    },
  },
  {
    name: 'a CA given as a driver option, the client pair from the environment',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', 'driver-opts': 'cacert=/etc/ssl/bk-ca.pem' },
    env: { BUILDER_NODE_0_AUTH_TLS_CERT: 'C', BUILDER_NODE_0_AUTH_TLS_KEY: 'K' },
    expected: {
      driver: 'remote',
      node: { endpoint: 'tcp://a:1', platforms: [], driverOpts: ['cacert=/etc/ssl/bk-ca.pem'] },
      tls: [{ node: 0, cacert: undefined, cert: 'C', key: 'K' }],
    },
  },
  {
    name: 'kubernetes with driver options and no endpoint',
    inputs: { driver: 'kubernetes', 'driver-opts': 'namespace=buildkit\nreplicas=2' },
    expected: {
      driver: 'kubernetes',
      node: { platforms: [], driverOpts: ['namespace=buildkit', 'replicas=2'] },
    },
  },
  { name: 'driver docker alone', inputs: { driver: 'docker', 'keep-state': 'false' }, expected: { driver: 'docker' } },
  {
    name: "setup-qemu-action's image: the binfmt image that registers QEMU",
    inputs: { image: '127.0.0.1:5000/mirror/binfmt:qemu-v9' },
    expected: { qemu: { image: '127.0.0.1:5000/mirror/binfmt:qemu-v9' } },
  },
];

interface BadCase {
  name: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  message: string;
}

const bad: BadCase[] = [
  {
    name: 'an unknown driver',
    inputs: { driver: 'cloud' },
    message:
      'Input "driver": got "cloud"; expected one of docker-container, remote, kubernetes, docker (or empty: the current builder when it can)',
  },
  {
    name: 'a builder name with a slash',
    inputs: { builder: 'team/builder' },
    message:
      'Input "builder": got "team/builder"; expected a buildx builder or Docker context name: letters, digits, . _ + -',
  },
  {
    name: 'creating a builder called default',
    inputs: { driver: 'docker-container', builder: 'default' },
    message:
      'Input "builder": got "default"; expected a builder name to create: a letter, then letters, digits, . _ - (not "default")',
  },
  {
    name: 'a builder to create that starts with a digit',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', builder: '1st' },
    message:
      'Input "builder": got "1st"; expected a builder name to create: a letter, then letters, digits, . _ - (not "default")',
  },
  {
    name: 'BUILDX_BUILDER with a space',
    inputs: {},
    env: { BUILDX_BUILDER: 'my builder' },
    message:
      'Input "builder (from BUILDX_BUILDER)": got "my builder"; expected a buildx builder or Docker context name',
  },
  {
    name: 'a remote driver without endpoint or BUILDKIT_HOST',
    inputs: { driver: 'remote' },
    message:
      'Input "endpoint": got ""; expected a BuildKit address: tcp://host:port, unix:///path, ssh://user@host, docker-container://name or kube-pod://name (the remote driver needs one)',
  },
  {
    name: 'a remote endpoint over http',
    inputs: { driver: 'remote', endpoint: 'http://buildkitd:1234' },
    message:
      'Input "endpoint": got "http://buildkitd:1234"; expected a BuildKit address: tcp://host:port, unix:///path, ssh://user@host, docker-container://name or kube-pod://name',
  },
  {
    name: 'a tcp endpoint without a port',
    inputs: { driver: 'remote', endpoint: 'tcp://buildkitd' },
    message:
      'Input "endpoint": got "tcp://buildkitd"; expected a BuildKit address: tcp://host:port, unix:///path, ssh://user@host, docker-container://name or kube-pod://name',
  },
  {
    name: 'a unix endpoint with a relative path',
    inputs: { driver: 'remote', endpoint: 'unix://run/bk.sock' },
    message:
      'Input "endpoint": got "unix://run/bk.sock"; expected a BuildKit address: tcp://host:port, unix:///path, ssh://user@host, docker-container://name or kube-pod://name',
  },
  {
    name: 'a docker-container endpoint that is neither a context nor a host',
    inputs: { endpoint: 'kube-pod://buildkitd' },
    message:
      'Input "endpoint": got "kube-pod://buildkitd"; expected a Docker context name or a Docker host (unix:///path, tcp://host:port, ssh://user@host)',
  },
  {
    name: 'an endpoint for kubernetes',
    inputs: { driver: 'kubernetes', endpoint: 'tcp://a:1' },
    message:
      'Input "endpoint": got "tcp://a:1"; expected empty: the kubernetes driver takes its cluster from KUBECONFIG and its options from driver-opts',
  },
  {
    name: 'an endpoint with driver docker',
    inputs: { driver: 'docker', endpoint: 'unix:///var/run/docker.sock' },
    message:
      'Input "endpoint": got "unix:///var/run/docker.sock"; expected empty with driver: docker (the docker driver is the current Docker context\'s builder; nothing is created)',
  },
  {
    name: 'append with driver docker',
    inputs: { driver: 'docker', append: '- endpoint: tcp://a:1' },
    message:
      'Input "append": got "- endpoint: tcp://a:1"; expected empty with driver: docker (the docker driver is the current Docker context\'s builder; nothing is created)',
  },
  {
    name: 'keep-state with the remote driver',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', 'keep-state': 'true' },
    message: 'Input "keep-state": got "true"; expected false with driver: remote (only docker-container keeps state)',
  },
  {
    name: 'cleanup: maybe',
    inputs: { cleanup: 'maybe' },
    message: 'Input "cleanup": got "maybe"; expected true or false',
  },
  {
    name: 'a driver option without =',
    inputs: { 'driver-opts': 'image' },
    message:
      'Input "driver-opts": got "image"; expected one key=value driver option per line, e.g. image=moby/buildkit:v0.20.0',
  },
  {
    name: 'an unbalanced quote in buildkitd-flags',
    inputs: { 'buildkitd-flags': "--debug --oci-worker-gc-keepstorage '10gb" },
    message:
      'Input "buildkitd-flags": got "--debug --oci-worker-gc-keepstorage \'10gb"; expected buildkitd flags as a shell would split them (a quote is not closed)',
  },
  {
    name: 'a config file that does not exist',
    inputs: { 'buildkitd-config': join(dir, 'missing.toml') },
    message: `Input "buildkitd-config": got "${join(dir, 'missing.toml')}"; expected the path of a BuildKit daemon config file (buildkitd.toml) that exists`,
  },
  {
    name: 'a config path that is a directory',
    inputs: { 'buildkitd-config': dir },
    message: `Input "buildkitd-config": got "${dir}"; expected the path of a BuildKit daemon config file (buildkitd.toml) that exists`,
  },
  {
    name: 'both configs',
    inputs: { 'buildkitd-config': CONFIG, 'buildkitd-config-inline': 'debug = true' },
    message: `Input "buildkitd-config": got "${CONFIG}"; expected empty when buildkitd-config-inline is set (one config per node)`,
  },
  {
    name: 'a builder platform with four components',
    inputs: { 'builder-platforms': 'linux/amd64,linux/amd64/v2/x' },
    message:
      'Input "builder-platforms": got "linux/amd64/v2/x"; expected a platform os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7 (containerd syntax: also a bare OS or architecture, aliases such as x86_64, aarch64 or armhf, and `local`); at most three components',
  },
  {
    name: 'append that is not a list',
    inputs: { append: 'name: arm\nendpoint: tcp://a:1' },
    message:
      'Input "append": got "(not a list)"; expected a YAML list of nodes: - name: …, endpoint: …, platforms: …, driver-opts: [key=value], buildkitd-flags: …, buildkitd-config(-inline): …',
  },
  {
    name: 'append with an unknown key',
    inputs: { append: '- name: arm\n  endpoint: tcp://a:1\n  platform: linux/arm64' },
    message:
      'Input "append": got "entry 1: platform"; expected a YAML list of nodes: - name: …, endpoint: …, platforms: …, driver-opts: [key=value], buildkitd-flags: …, buildkitd-config(-inline): …',
  },
  {
    name: 'append with a bad endpoint',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', append: '- endpoint: buildkitd:1234' },
    message:
      'Input "append (entry 1: endpoint)": got "buildkitd:1234"; expected a BuildKit address: tcp://host:port, unix:///path, ssh://user@host, docker-container://name or kube-pod://name',
  },
  {
    name: 'append to a remote builder without an endpoint',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', append: '- name: two' },
    message: 'Input "append": got "entry 1 (no endpoint)"; expected an endpoint for every node of a remote builder',
  },
  {
    name: 'append with a node name that is not one',
    inputs: { append: '- name: "arm node"' },
    message:
      'Input "append": got "entry 1: name arm node"; expected a node name: a letter, then letters, digits, . _ -',
  },
  {
    name: 'append with driver-opts as a mapping',
    inputs: { append: '- name: arm\n  driver-opts:\n    image: moby/buildkit' },
    message: 'Input "append": got "entry 1: driver-opts"; expected driver-opts as a list of key=value strings',
  },
  {
    name: 'append with a bad platform',
    inputs: { append: '- name: arm\n  platforms: linux/arm64/v8/x' },
    message:
      'Input "append (entry 1: platforms)": got "linux/arm64/v8/x"; expected a platform os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7 (containerd syntax: also a bare OS or architecture, aliases such as x86_64, aarch64 or armhf, and `local`); at most three components',
  },
  {
    name: 'a TLS key without its certificate',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1' },
    env: { BUILDER_NODE_0_AUTH_TLS_CACERT: 'CA', BUILDER_NODE_0_AUTH_TLS_KEY: 'SECRET-KEY' },
    message:
      'Input "BUILDER_NODE_0_AUTH_TLS_* (environment) / driver-opts": got "CACERT, KEY"; expected CACERT whenever TLS is used, and CERT with KEY (both or neither), as buildx\'s remote driver requires',
  },
  {
    name: 'a client certificate for an appended node without its CA',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', append: '- endpoint: tcp://b:2' },
    env: { BUILDER_NODE_1_AUTH_TLS_CERT: 'C', BUILDER_NODE_1_AUTH_TLS_KEY: 'K' },
    message:
      'Input "BUILDER_NODE_1_AUTH_TLS_* (environment) / driver-opts": got "CERT, KEY"; expected CACERT whenever TLS is used, and CERT with KEY (both or neither), as buildx\'s remote driver requires',
  },
  {
    name: 'servername alone in driver-opts (TLS without a CA)',
    inputs: { driver: 'remote', endpoint: 'tcp://a:1', 'driver-opts': 'servername=buildkitd' },
    message:
      'Input "BUILDER_NODE_0_AUTH_TLS_* (environment) / driver-opts": got "servername only"; expected CACERT whenever TLS is used, and CERT with KEY (both or neither), as buildx\'s remote driver requires',
  },
  {
    name: 'an image with a space',
    inputs: { image: 'tonistiigi/binfmt --install all' },
    message:
      'Input "image": got "tonistiigi/binfmt --install all"; expected a binfmt image reference such as docker.io/tonistiigi/binfmt:latest',
  },
];

describe('readBuilderInputs', () => {
  for (const c of good) {
    it(c.name, async () => {
      expect(await readBuilderInputs(env(c.inputs, c.env))).toEqual({ ...DEFAULTS, ...c.expected });
    });
  }
  for (const c of bad) {
    it(`rejects ${c.name}`, async () => {
      await expect(readBuilderInputs(env(c.inputs, c.env))).rejects.toThrow(c.message);
    });
  }

  it('masks TLS keys as they are read, the whole value and each line of its body', async () => {
    const key =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';
    await readBuilderInputs(
      env(
        { driver: 'remote', endpoint: 'tcp://a:1' },
        {
          BUILDER_NODE_0_AUTH_TLS_CACERT: 'CA',
          BUILDER_NODE_0_AUTH_TLS_CERT: 'CERT',
          BUILDER_NODE_0_AUTH_TLS_KEY: key,
        },
      ),
    );
    expect(printed.split('\n').filter((l) => l.startsWith('::add-mask::'))).toEqual([
      '::add-mask::-----BEGIN PRIVATE KEY-----%0AMIIEvQIBADANBgkqhkiG9w0BAQEFAASC%0ABKcwggSjAgEAAoIBAQC7%0A-----END PRIVATE KEY-----%0A',
      '::add-mask::MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      '::add-mask::BKcwggSjAgEAAoIBAQC7',
    ]);
  });
});
