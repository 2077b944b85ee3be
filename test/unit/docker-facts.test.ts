import { describe, expect, it } from 'vitest';
import {
  builderCanDo,
  cacheV2Unsupported,
  canPushByDigest,
  localPlatforms,
  missingPlatforms,
  parseBinfmtEntry,
  parseBuildxCurrent,
  parseBuildxVersion,
  parseEngineInfo,
  parseInspect,
  parseStoredBuilder,
  resolveCurrentBuilder,
  usesContainerdStore,
  type BinfmtEntry,
  type BuildxStoreView,
  type CurrentBuilder,
  type StoredBuilder,
} from '../../src/docker/builder-facts.js';
import { indexPlatforms } from '../../src/docker/verify.js';
import { parseImageRef } from '../../src/registry/image-ref.js';

/** `docker buildx inspect --bootstrap` of Debian's engine 26.1 (docker driver, containerd store), as printed here. */
const INSPECT_DEFAULT = `Name:          default
Driver:        docker
Last Activity: 2026-12-02 00:58:47 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/arm64
Labels:
 org.mobyproject.buildkit.worker.containerd.namespace: moby
 org.mobyproject.buildkit.worker.executor:             containerd
 org.mobyproject.buildkit.worker.network:              host
 org.mobyproject.buildkit.worker.snapshotter:          overlayfs
`;

/** Two nodes, user-set platforms (*), one node that cannot be reached. */
const INSPECT_TWO_NODES = `Name:          multi
Driver:        remote
Last Activity: 2026-12-02 01:19:23 +0000 UTC

Nodes:
Name:                  multi0
Endpoint:              tcp://10.0.0.1:1234
Driver Options:        servername="buildkitd"
Status:                running
BuildKit daemon flags: --debug
BuildKit version:      v0.20.2
Platforms:             linux/amd64*, linux/arm/v7*, linux/amd64/v2
GC Policy rule#0:
        All:            false
        Filters:        type==source.local,type==exec.cachemount,type==source.git.checkout

Name:     multi1
Endpoint: tcp://10.0.0.2:1234
Error:    Get "http://10.0.0.2:1234": dial tcp 10.0.0.2:1234: connect: connection refused
`;

/** A docker-container builder that is created but not booted (no --bootstrap). */
const INSPECT_INACTIVE = `Name:          pi-fixture
Driver:        docker-container
Last Activity: 2026-12-02 01:19:23 +0000 UTC

Nodes:
Name:                  pi-fixture0
Endpoint:              unix:///var/run/docker.sock
Driver Options:        network="host"
Status:                inactive
BuildKit daemon flags: --allow-insecure-entitlement=network.host
Platforms:             linux/amd64*, linux/arm/v7*
`;

/** The Engine API's /info (trimmed to the fields read) of the main test engine and of a classic-store engine. */
const INFO_CONTAINERD = {
  Driver: 'overlayfs',
  DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
  Architecture: 'x86_64',
  OSType: 'linux',
  ServerVersion: '26.1.5+dfsg1',
  KernelVersion: '6.18.44-fc-v1045',
};
const INFO_CLASSIC = {
  Driver: 'overlay2',
  DriverStatus: [
    ['Backing Filesystem', 'extfs'],
    ['Supports d_type', 'true'],
    ['Using metacopy', 'false'],
  ],
  Architecture: 'aarch64',
  OSType: 'linux',
  ServerVersion: '28.2.2',
};

describe('engine facts (/info)', () => {
  interface Case {
    name: string;
    info: unknown;
    expected: ReturnType<typeof parseEngineInfo>;
  }
  const cases: Case[] = [
    {
      name: "Debian's engine with the containerd image store",
      info: INFO_CONTAINERD,
      expected: { version: '26.1.5+dfsg1', platform: 'linux/amd64', storageDriver: 'overlayfs', containerdStore: true },
    },
    {
      name: 'the classic store on arm64',
      info: INFO_CLASSIC,
      expected: { version: '28.2.2', platform: 'linux/arm64', storageDriver: 'overlay2', containerdStore: false },
    },
    {
      name: 'vfs, which has no DriverStatus, on a 32-bit arm engine',
      info: { Driver: 'vfs', DriverStatus: null, ServerVersion: '26.1.5', OSType: 'linux', Architecture: 'armv7l' },
      expected: { version: '26.1.5', platform: 'linux/arm/v7', storageDriver: 'vfs', containerdStore: false },
    },
    {
      name: 'an armv6 engine',
      info: { ...INFO_CLASSIC, Architecture: 'armv6l' },
      expected: { version: '28.2.2', platform: 'linux/arm/v6', storageDriver: 'overlay2', containerdStore: false },
    },
    {
      name: 'a 32-bit x86 engine',
      info: { ...INFO_CLASSIC, Architecture: 'i686' },
      expected: { version: '28.2.2', platform: 'linux/386', storageDriver: 'overlay2', containerdStore: false },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseEngineInfo(c.info)).toEqual(c.expected);
    });
  }
  it('refuses an answer that is not an engine’s', () => {
    expect(() => parseEngineInfo({ message: 'page not found' })).toThrow(
      'the engine answered /info without ServerVersion, OSType and Architecture',
    );
    expect(() => parseEngineInfo('OK')).toThrow(
      'the engine answered /info without ServerVersion, OSType and Architecture',
    );
  });
  it('reads the store from `docker info --format {{json .DriverStatus}}` too', () => {
    expect(usesContainerdStore('[["driver-type","io.containerd.snapshotter.v1"]]')).toBe(true);
    expect(usesContainerdStore('[["Backing Filesystem","extfs"],["Supports d_type","true"]]')).toBe(false);
    expect(usesContainerdStore('null')).toBe(false);
    expect(usesContainerdStore('Error: template')).toBe(false);
  });
});

describe('buildx version', () => {
  const cases = [
    { name: "Debian's package", text: 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n', expected: '0.13.1' },
    { name: 'an upstream release', text: 'github.com/docker/buildx v0.21.2 1360a9e', expected: '0.21.2' },
    {
      name: 'a standalone binary',
      text: 'github.com/docker/buildx v0.25.0-desktop.1 faaea65da4ba0e58a13cd9cadcb950c51cf3b3c9',
      expected: '0.25.0',
    },
    { name: 'anything else', text: 'docker: unknown command: buildx', expected: 'unknown' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseBuildxVersion(c.text)).toBe(c.expected);
    });
  }
});

describe('buildx inspect', () => {
  it('the docker driver of the main test engine', () => {
    expect(parseInspect(INSPECT_DEFAULT)).toEqual({
      name: 'default',
      driver: 'docker',
      buildkitVersion: 'v0.0.0+unknown',
      platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/arm64'],
      nodes: [
        {
          name: 'default',
          endpoint: 'default',
          status: 'running',
          buildkitVersion: 'v0.0.0+unknown',
          platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/arm64'],
        },
      ],
    });
  });
  it('two nodes: platforms of both, user-set marks dropped, the unreachable node and its error', () => {
    expect(parseInspect(INSPECT_TWO_NODES)).toEqual({
      name: 'multi',
      driver: 'remote',
      buildkitVersion: 'v0.20.2',
      platforms: ['linux/amd64', 'linux/arm/v7', 'linux/amd64/v2'],
      nodes: [
        {
          name: 'multi0',
          endpoint: 'tcp://10.0.0.1:1234',
          status: 'running',
          buildkitVersion: 'v0.20.2',
          platforms: ['linux/amd64', 'linux/arm/v7', 'linux/amd64/v2'],
        },
        {
          name: 'multi1',
          endpoint: 'tcp://10.0.0.2:1234',
          status: '',
          buildkitVersion: '',
          platforms: [],
          error: 'Get "http://10.0.0.2:1234": dial tcp 10.0.0.2:1234: connect: connection refused',
        },
      ],
    });
  });
  it('a builder not booted yet: no BuildKit version, its daemon flags are not one', () => {
    expect(parseInspect(INSPECT_INACTIVE)).toMatchObject({
      name: 'pi-fixture',
      driver: 'docker-container',
      buildkitVersion: 'unknown',
      platforms: ['linux/amd64', 'linux/arm/v7'],
      nodes: [{ status: 'inactive', buildkitVersion: '' }],
    });
  });
  it('a builder-level error (the driver could not start)', () => {
    expect(
      parseInspect('Name:   broken\nDriver: docker-container\nError:  Cannot connect to the Docker daemon\n'),
    ).toEqual({
      name: 'broken',
      driver: 'docker-container',
      buildkitVersion: 'unknown',
      platforms: [],
      nodes: [],
      error: 'Cannot connect to the Docker daemon',
    });
  });
});

describe("buildx's store", () => {
  it('reads the current file', () => {
    expect(parseBuildxCurrent('{"Key":"unix:///tmp/pi-dockerd2-FVr9UV/docker.sock","Name":"","Global":false}')).toEqual(
      { key: 'unix:///tmp/pi-dockerd2-FVr9UV/docker.sock', name: '', global: false },
    );
    expect(parseBuildxCurrent('{"Key":"my-ctx","Name":"ci","Global":true}')).toEqual({
      key: 'my-ctx',
      name: 'ci',
      global: true,
    });
    expect(parseBuildxCurrent('not json')).toBeUndefined();
    expect(parseBuildxCurrent('[]')).toBeUndefined();
  });
  it('reads stored builders as buildx 0.13 writes them', () => {
    expect(
      parseStoredBuilder(
        '{"Name":"pi-fixture","Driver":"docker-container","Nodes":[{"Name":"pi-fixture0","Endpoint":"unix:///var/run/docker.sock","Platforms":[{"architecture":"amd64","os":"linux"},{"architecture":"arm","os":"linux","variant":"v7"}],"DriverOpts":{"network":"host"},"Flags":["--allow-insecure-entitlement=network.host"],"Files":null}],"Dynamic":false}',
      ),
    ).toEqual({
      name: 'pi-fixture',
      driver: 'docker-container',
      nodes: [
        { name: 'pi-fixture0', endpoint: 'unix:///var/run/docker.sock', platforms: ['linux/amd64', 'linux/arm/v7'] },
      ],
    });
    expect(
      parseStoredBuilder(
        '{"Name":"pi-probe-remote","Driver":"remote","Nodes":[{"Name":"pi-probe-remote0","Endpoint":"tcp://127.0.0.1:9","Platforms":null,"DriverOpts":null,"Flags":null,"Files":null}],"Dynamic":false}',
      ),
    ).toEqual({
      name: 'pi-probe-remote',
      driver: 'remote',
      nodes: [{ name: 'pi-probe-remote0', endpoint: 'tcp://127.0.0.1:9', platforms: [] }],
    });
    expect(parseStoredBuilder('{"Driver":"remote"}')).toBeUndefined();
    expect(parseStoredBuilder('')).toBeUndefined();
  });

  const CI: StoredBuilder = { name: 'ci', driver: 'docker-container', nodes: [] };
  const OTHER: StoredBuilder = { name: 'other', driver: 'remote', nodes: [] };
  const store = (
    current: BuildxStoreView['current'],
    defaults: Record<string, string> = {},
    instances: StoredBuilder[] = [CI, OTHER],
  ): BuildxStoreView => ({
    current,
    instance: (name) => instances.find((b) => b.name === name.toLowerCase()),
    defaultFor: (key) => defaults[key],
  });
  const KEY = 'unix:///var/run/docker.sock';
  interface Case {
    name: string;
    store: BuildxStoreView;
    expected: CurrentBuilder;
  }
  const cases: Case[] = [
    {
      name: 'no current file: the context builder',
      store: store(undefined),
      expected: { kind: 'context', name: 'default' },
    },
    {
      name: 'a current file without a name (what buildx writes on reset)',
      store: store({ key: KEY, name: '', global: false }),
      expected: { kind: 'context', name: 'default' },
    },
    {
      name: 'the builder chosen for this endpoint',
      store: store({ key: KEY, name: 'ci', global: false }),
      expected: { kind: 'instance', builder: CI },
    },
    {
      name: 'a builder chosen for another endpoint does not count',
      store: store({ key: 'unix:///tmp/other.sock', name: 'ci', global: false }),
      expected: { kind: 'context', name: 'default' },
    },
    {
      name: 'a global choice counts for every endpoint',
      store: store({ key: 'unix:///tmp/other.sock', name: 'ci', global: true }),
      expected: { kind: 'instance', builder: CI },
    },
    {
      name: 'a global choice that was removed falls through to the endpoint rule',
      store: store({ key: KEY, name: 'gone', global: true }),
      expected: { kind: 'context', name: 'default' },
    },
    {
      name: "the endpoint's default (buildx use --default)",
      store: store({ key: 'unix:///tmp/other.sock', name: 'ci', global: false }, { [KEY]: 'other' }),
      expected: { kind: 'instance', builder: OTHER },
    },
    {
      name: 'a stored name in other case is found lower-cased, as buildx stores it',
      store: store({ key: KEY, name: 'CI', global: false }),
      expected: { kind: 'instance', builder: CI },
    },
  ];
  for (const c of cases) {
    it(`current builder: ${c.name}`, () => {
      expect(resolveCurrentBuilder(c.store, KEY, 'default')).toEqual(c.expected);
    });
  }
});

describe('binfmt_misc and local platforms', () => {
  it('reads an entry as the kernel prints it', () => {
    expect(
      parseBinfmtEntry(
        'qemu-aarch64',
        'enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: PF\noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n',
      ),
    ).toEqual({
      name: 'qemu-aarch64',
      enabled: true,
      interpreter: '/usr/libexec/qemu-binfmt/aarch64-binfmt-P',
      flags: 'PF',
    });
    expect(parseBinfmtEntry('qemu-riscv64', 'disabled\ninterpreter /usr/bin/qemu-riscv64\nflags: \n')).toEqual({
      name: 'qemu-riscv64',
      enabled: false,
      interpreter: '/usr/bin/qemu-riscv64',
      flags: '',
    });
  });

  const entry = (name: string, flags = 'PF', enabled = true): BinfmtEntry => ({
    name,
    enabled,
    interpreter: `/usr/bin/${name}`,
    flags,
  });
  interface Case {
    name: string;
    native: string;
    entries: BinfmtEntry[];
    enabled?: boolean;
    expected: string[];
  }
  const cases: Case[] = [
    { name: 'no emulators', native: 'linux/amd64', entries: [], expected: ['linux/amd64'] },
    {
      name: 'arm64 and arm with the F flag',
      native: 'linux/amd64',
      entries: [entry('qemu-aarch64'), entry('qemu-arm', 'OCF')],
      expected: ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6'],
    },
    {
      name: 'without the F flag the interpreter is not found inside containers',
      native: 'linux/amd64',
      entries: [entry('qemu-aarch64', 'P'), entry('qemu-riscv64', 'CF')],
      expected: ['linux/amd64', 'linux/riscv64'],
    },
    {
      name: 'a disabled entry',
      native: 'linux/amd64',
      entries: [entry('qemu-s390x', 'F', false), entry('qemu-ppc64le')],
      expected: ['linux/amd64', 'linux/ppc64le'],
    },
    {
      name: 'binfmt_misc disabled as a whole',
      native: 'linux/amd64',
      entries: [entry('qemu-aarch64')],
      enabled: false,
      expected: ['linux/amd64'],
    },
    {
      name: "the native architecture's own emulator adds nothing; unknown entries are ignored",
      native: 'linux/arm64',
      entries: [entry('qemu-aarch64'), entry('qemu-x86_64'), entry('qemu-xtensa')],
      expected: ['linux/arm64', 'linux/amd64'],
    },
    {
      name: 'every emulator BuildKit knows',
      native: 'linux/amd64',
      entries: ['qemu-i386', 'qemu-mips64el', 'qemu-mips64', 'qemu-loongarch64', 'qemu-ppc64', 'qemu-s390x'].map((n) =>
        entry(n),
      ),
      expected: [
        'linux/amd64',
        'linux/386',
        'linux/mips64le',
        'linux/mips64',
        'linux/loong64',
        'linux/ppc64',
        'linux/s390x',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(localPlatforms(c.native, c.entries, c.enabled ?? true)).toEqual(c.expected);
    });
  }
});

describe('builder decisions', () => {
  interface CanCase {
    name: string;
    driver: string;
    containerd: boolean;
    needs: Parameters<typeof builderCanDo>[2];
    expected: ReturnType<typeof builderCanDo>;
  }
  const cases: CanCase[] = [
    {
      name: 'docker driver with the containerd store: everything',
      driver: 'docker',
      containerd: true,
      needs: { multiPlatform: true, cacheExport: true },
      expected: { ok: true },
    },
    {
      name: 'classic store, one platform, no cache export',
      driver: 'docker',
      containerd: false,
      needs: { multiPlatform: false, cacheExport: false },
      expected: { ok: true },
    },
    {
      name: 'classic store, two platforms',
      driver: 'docker',
      containerd: false,
      needs: { multiPlatform: true, cacheExport: false },
      expected: {
        ok: false,
        why: 'the docker driver without the containerd image store cannot build several platforms',
      },
    },
    {
      name: 'classic store, cache export',
      driver: 'docker',
      containerd: false,
      needs: { multiPlatform: false, cacheExport: true },
      expected: { ok: false, why: 'the docker driver without the containerd image store cannot export a cache' },
    },
    {
      name: 'push by digest alone creates nothing (the build leg has its own way)',
      driver: 'docker',
      containerd: false,
      needs: { multiPlatform: false, cacheExport: false, pushByDigest: true },
      expected: { ok: true },
    },
    {
      name: 'docker-container: everything',
      driver: 'docker-container',
      containerd: false,
      needs: { multiPlatform: true, cacheExport: true },
      expected: { ok: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(builderCanDo(c.driver, c.containerd, c.needs)).toEqual(c.expected);
    });
  }
  it('push by digest: every driver but docker', () => {
    expect(['docker', 'docker-container', 'remote', 'kubernetes'].map((d) => [d, canPushByDigest(d)])).toEqual([
      ['docker', false],
      ['docker-container', true],
      ['remote', true],
      ['kubernetes', true],
    ]);
  });
  it('knows which buildx can use cache v2', () => {
    expect(cacheV2Unsupported('0.13.1')).toBe(true);
    expect(cacheV2Unsupported('0.21.0')).toBe(false);
    expect(cacheV2Unsupported('unknown')).toBe(true);
  });
  interface MissingCase {
    name: string;
    requested: string[];
    offered: string[];
    expected: string[];
  }
  const missing: MissingCase[] = [
    {
      name: 'riscv64 missing',
      requested: ['linux/amd64', 'linux/arm64', 'linux/riscv64'],
      offered: ['linux/amd64', 'linux/arm64'],
      expected: ['linux/riscv64'],
    },
    { name: 'arm/v7 offered', requested: ['linux/arm/v7'], offered: ['linux/arm/v7'], expected: [] },
    {
      name: 'a micro-architecture level is served by its architecture',
      requested: ['linux/amd64/v3'],
      offered: ['linux/amd64'],
      expected: [],
    },
    {
      name: 'an architecture is served by a listed level',
      requested: ['linux/amd64'],
      offered: ['linux/amd64/v2', 'linux/arm64'],
      expected: [],
    },
    { name: 'nothing asked', requested: [], offered: ['linux/amd64'], expected: [] },
  ];
  for (const c of missing) {
    it(`platforms needing QEMU: ${c.name}`, () => {
      expect(missingPlatforms(c.requested, c.offered)).toEqual(c.expected);
    });
  }
});

describe('registry facts', () => {
  it('parses image references like docker does', () => {
    expect(parseImageRef('ghcr.io/o/a:1')).toEqual({
      registry: 'ghcr.io',
      repository: 'o/a',
      tag: '1',
      digest: undefined,
    });
    expect(parseImageRef('127.0.0.1:5000/o/a')).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'o/a',
      tag: undefined,
      digest: undefined,
    });
    expect(parseImageRef('alpine')).toMatchObject({ registry: 'docker.io', repository: 'library/alpine' });
    expect(parseImageRef('o/a@sha256:ab')).toMatchObject({
      registry: 'docker.io',
      repository: 'o/a',
      digest: 'sha256:ab',
    });
  });
  it('lists an index platforms without attestation manifests', () => {
    expect(
      indexPlatforms({
        manifests: [
          { digest: 'a', platform: { os: 'linux', architecture: 'amd64' } },
          { digest: 'b', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
          { digest: 'c', platform: { os: 'unknown', architecture: 'unknown' } },
        ],
      }),
    ).toEqual(['linux/amd64', 'linux/arm/v7']);
  });
});
