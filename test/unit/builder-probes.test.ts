// The probes that replace Docker CLI calls, each against what it reads: the environment, files laid out as buildx,
// the CLI and the kernel lay them out (in a temporary directory), and an HTTP server giving the Engine API's /info
// answer on a unix socket and on 127.0.0.1. No Docker needed.
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCleanup, encodeCleanup, probeEndpoint, storeView } from '../../src/docker/builder.js';
import { findBuildxPlugin, pluginDirs, SYSTEM_PLUGIN_DIRS } from '../../src/docker/buildx-plugin.js';
import { qemuInstallArgv, readBinfmt } from '../../src/docker/binfmt.js';
import { resolveCurrentBuilder } from '../../src/docker/builder-facts.js';
import {
  contextName,
  defaultContextHost,
  engineEndpoint,
  engineFactsFromApi,
  engineGet,
  readCurrentContext,
  type DockerEnv,
  type EngineEndpoint,
} from '../../src/docker/engine-api.js';

const root = mkdtempSync(join(tmpdir(), 'builder-probes-'));

describe('where the engine is (as the Docker CLI decides)', () => {
  interface Case {
    name: string;
    env: DockerEnv;
    currentContext?: string;
    expected: EngineEndpoint;
  }
  const cases: Case[] = [
    {
      name: 'nothing set: the local socket',
      env: {},
      expected: { kind: 'unix', host: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' },
    },
    {
      name: 'DOCKER_HOST on another socket',
      env: { DOCKER_HOST: 'unix:///tmp/pi-dockerd2/docker.sock' },
      expected: {
        kind: 'unix',
        host: 'unix:///tmp/pi-dockerd2/docker.sock',
        socketPath: '/tmp/pi-dockerd2/docker.sock',
      },
    },
    {
      name: 'plain tcp',
      env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' },
      expected: { kind: 'tcp', host: 'tcp://127.0.0.1:2375', hostname: '127.0.0.1', port: 2375 },
    },
    {
      name: 'tcp without a port gets the CLI default',
      env: { DOCKER_HOST: 'tcp://docker.internal' },
      expected: { kind: 'tcp', host: 'tcp://docker.internal:2375', hostname: 'docker.internal', port: 2375 },
    },
    {
      name: 'tcp over IPv6',
      env: { DOCKER_HOST: 'tcp://[::1]:2375' },
      expected: { kind: 'tcp', host: 'tcp://[::1]:2375', hostname: '::1', port: 2375 },
    },
    {
      name: 'TLS: the CLI knows the certificates',
      env: { DOCKER_HOST: 'tcp://docker.internal', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      expected: {
        kind: 'cli',
        host: 'tcp://docker.internal:2376',
        reason: 'DOCKER_TLS_VERIFY/DOCKER_CERT_PATH ask for TLS',
      },
    },
    {
      name: 'DOCKER_CERT_PATH alone also means TLS',
      env: { DOCKER_CERT_PATH: '/certs' },
      expected: {
        kind: 'cli',
        host: 'unix:///var/run/docker.sock',
        reason: 'DOCKER_TLS_VERIFY/DOCKER_CERT_PATH ask for TLS',
      },
    },
    {
      name: 'ssh',
      env: { DOCKER_HOST: 'ssh://me@builder.example' },
      expected: { kind: 'cli', host: 'ssh://me@builder.example', reason: 'the engine is at ssh://me@builder.example' },
    },
    {
      name: 'DOCKER_CONTEXT names a context',
      env: { DOCKER_CONTEXT: 'remote' },
      expected: { kind: 'cli', host: 'remote', reason: 'the Docker context "remote" is in use' },
    },
    {
      name: "config.json's currentContext",
      env: {},
      currentContext: 'desktop-linux',
      expected: { kind: 'cli', host: 'desktop-linux', reason: 'the Docker context "desktop-linux" is in use' },
    },
    {
      name: 'DOCKER_HOST wins over DOCKER_CONTEXT, as in the CLI',
      env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock', DOCKER_CONTEXT: 'remote' },
      currentContext: 'desktop-linux',
      expected: {
        kind: 'unix',
        host: 'unix:///run/user/1000/docker.sock',
        socketPath: '/run/user/1000/docker.sock',
      },
    },
    {
      name: 'DOCKER_CONTEXT=default is the default context',
      env: { DOCKER_CONTEXT: 'default' },
      currentContext: 'desktop-linux',
      expected: { kind: 'unix', host: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(engineEndpoint(c.env, c.currentContext)).toEqual(c.expected);
    });
  }
  it('names the context and the key buildx files its current builder under', () => {
    expect(contextName({ DOCKER_CONTEXT: 'remote' }, 'desktop')).toBe('remote');
    expect(contextName({}, undefined)).toBe('default');
    expect(defaultContextHost({ DOCKER_HOST: ' tcp://10.1.2.3 ', DOCKER_TLS_VERIFY: '1' })).toBe('tcp://10.1.2.3:2376');
  });
  it("reads config.json's currentContext, and nothing from a config without one", () => {
    const withContext = join(root, 'cfg-context');
    const without = join(root, 'cfg-plain');
    mkdirSync(withContext);
    mkdirSync(without);
    writeFileSync(join(withContext, 'config.json'), '{"auths":{},"currentContext":"desktop-linux"}');
    writeFileSync(join(without, 'config.json'), '{"auths":{}}\n');
    expect([
      readCurrentContext(withContext),
      readCurrentContext(without),
      readCurrentContext(join(root, 'none')),
    ]).toEqual(['desktop-linux', undefined, undefined]);
  });
});

describe('the Engine API over a socket', () => {
  const INFO = {
    Driver: 'overlayfs',
    DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
    ServerVersion: '26.1.5+dfsg1',
    OSType: 'linux',
    Architecture: 'aarch64',
  };
  const seen: { path: string; host: string }[] = [];
  const engine = createServer((req, res) => {
    seen.push({ path: req.url ?? '', host: req.headers.host ?? '' });
    const body = req.url === '/info' ? INFO : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { message: `page not found` }));
  });
  const socketPath = join(root, 'engine.sock');
  const listening = (server: Server, ...args: unknown[]) =>
    new Promise<void>((resolve) => server.listen(...(args as [string]), () => resolve()));
  afterAll(() => engine.close());

  it('asks /info (only) on a unix socket, with the Host header the CLI sends', async () => {
    await listening(engine, socketPath);
    const facts = await engineFactsFromApi({ kind: 'unix', host: `unix://${socketPath}`, socketPath });
    expect(facts).toEqual({
      version: '26.1.5+dfsg1',
      platform: 'linux/arm64',
      storageDriver: 'overlayfs',
      containerdStore: true,
    });
    expect(seen).toEqual([{ path: '/info', host: 'api.moby.localhost' }]);
  });
  it('says which request failed and how', async () => {
    await expect(engineGet({ kind: 'unix', host: `unix://${socketPath}`, socketPath }, '/_nothing')).rejects.toThrow(
      `GET /_nothing on unix://${socketPath}: HTTP 404 {"message":"page not found"}`,
    );
    await expect(
      engineGet(
        { kind: 'unix', host: 'unix:///nonexistent/docker.sock', socketPath: '/nonexistent/docker.sock' },
        '/info',
      ),
    ).rejects.toThrow('connect ENOENT /nonexistent/docker.sock');
  });
  it('speaks plain http over tcp on 127.0.0.1', async () => {
    const tcp = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(INFO));
    });
    await listening(tcp, 0, '127.0.0.1');
    const port = (tcp.address() as { port: number }).port;
    try {
      const facts = await engineFactsFromApi({
        kind: 'tcp',
        host: `tcp://127.0.0.1:${port}`,
        hostname: '127.0.0.1',
        port,
      });
      expect(facts.version).toBe('26.1.5+dfsg1');
    } finally {
      tcp.close();
    }
  });
});

describe('the buildx plugin, where the CLI finds it', () => {
  it('searches extra dirs, then the config dir, then the system dirs, in the CLI order', () => {
    expect(pluginDirs('/run/cfg', ['/opt/plugins'])).toEqual([
      '/opt/plugins',
      '/run/cfg/cli-plugins',
      '/usr/local/lib/docker/cli-plugins',
      '/usr/local/libexec/docker/cli-plugins',
      '/usr/lib/docker/cli-plugins',
      '/usr/libexec/docker/cli-plugins',
    ]);
    expect(SYSTEM_PLUGIN_DIRS).toHaveLength(4);
  });
  it('takes the first executable docker-buildx: config.json extra dirs before the config dir', () => {
    const cfg = join(root, 'plugin-cfg');
    const extra = join(root, 'plugin-extra');
    mkdirSync(join(cfg, 'cli-plugins'), { recursive: true });
    mkdirSync(extra);
    writeFileSync(join(cfg, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n');
    chmodSync(join(cfg, 'cli-plugins', 'docker-buildx'), 0o755);
    writeFileSync(join(cfg, 'config.json'), '{}');
    expect(findBuildxPlugin(cfg)).toBe(join(cfg, 'cli-plugins', 'docker-buildx'));

    writeFileSync(join(extra, 'docker-buildx'), '#!/bin/sh\n');
    chmodSync(join(extra, 'docker-buildx'), 0o755);
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [extra] }));
    expect(findBuildxPlugin(cfg)).toBe(join(extra, 'docker-buildx'));

    // not executable: skipped, as the CLI skips it
    chmodSync(join(extra, 'docker-buildx'), 0o644);
    expect(findBuildxPlugin(cfg)).toBe(join(cfg, 'cli-plugins', 'docker-buildx'));
  });
});

describe("buildx's store on disk", () => {
  it('reads current, instances (lower-cased) and defaults/<sha256(key)[:20]> as buildx writes them', () => {
    const dir = join(root, 'buildx');
    for (const d of ['instances', 'defaults', 'activity']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(
      join(dir, 'instances', 'ci'),
      '{"Name":"ci","Driver":"docker-container","Nodes":[{"Name":"ci0","Endpoint":"unix:///var/run/docker.sock","Platforms":null,"DriverOpts":null,"Flags":null,"Files":null}],"Dynamic":false}',
    );
    // sha256("unix:///var/run/docker.sock") begins 13c4025c96f36e94b348 (sha256sum)
    writeFileSync(join(dir, 'defaults', '13c4025c96f36e94b348'), 'ci');
    writeFileSync(join(dir, 'current'), '{"Key":"unix:///tmp/elsewhere.sock","Name":"ci","Global":false}');
    const store = storeView(dir);
    expect(store.instance('CI')?.driver).toBe('docker-container');
    expect(store.instance('missing')).toBeUndefined();
    expect(store.defaultFor('unix:///var/run/docker.sock')).toBe('ci');
    expect(resolveCurrentBuilder(store, 'unix:///var/run/docker.sock', 'default')).toMatchObject({
      kind: 'instance',
      builder: { name: 'ci' },
    });
    expect(resolveCurrentBuilder(storeView(join(root, 'no-buildx')), 'unix:///var/run/docker.sock', 'default')).toEqual(
      {
        kind: 'context',
        name: 'default',
      },
    );
  });
});

describe('binfmt_misc on disk', () => {
  it('reads qemu-* entries and the status; register and other handlers are not emulators', () => {
    const dir = join(root, 'binfmt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'status'), 'enabled\n');
    writeFileSync(join(dir, 'register'), '');
    writeFileSync(join(dir, 'python3.11'), 'enabled\ninterpreter /usr/bin/python3.11\nflags: \n');
    writeFileSync(join(dir, 'qemu-aarch64'), 'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: F\n');
    expect(readBinfmt(dir)).toEqual({
      enabled: true,
      entries: [{ name: 'qemu-aarch64', enabled: true, interpreter: '/usr/bin/qemu-aarch64-static', flags: 'F' }],
    });
    expect(readBinfmt(join(root, 'not-mounted'))).toEqual({ enabled: false, entries: [] });
  });
  it('registers with the binfmt image by platform architecture, once for all (the plan holds normalised names)', () => {
    expect(
      qemuInstallArgv('docker.io/tonistiigi/binfmt:latest', [
        'linux/arm64',
        'linux/arm/v7',
        'linux/arm/v6',
        'linux/386',
        'windows(10.0.17763)/amd64',
      ]),
    ).toEqual([
      'run',
      '--rm',
      '--privileged',
      '--network',
      'none',
      'docker.io/tonistiigi/binfmt:latest',
      '--install',
      'arm64,arm,386,amd64',
    ]);
  });
});

describe('the post step state', () => {
  interface Case {
    name: string;
    cleanup: Parameters<typeof encodeCleanup>[0];
    state: string;
  }
  const cases: Case[] = [
    {
      name: 'a plain builder: its name, as older runs saved it',
      cleanup: { name: 'publish-image-42', remove: ['buildx', 'rm', 'publish-image-42'] },
      state: 'publish-image-42',
    },
    {
      name: 'keep-state',
      cleanup: { name: 'bk', remove: ['buildx', 'rm', '--keep-state', 'bk'] },
      state: '{"name":"bk","remove":["buildx","rm","--keep-state","bk"]}',
    },
    {
      name: 'files only (the create failed before the builder existed)',
      cleanup: { filesDir: '/tmp/run/buildx' },
      state: '{"filesDir":"/tmp/run/buildx"}',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(encodeCleanup(c.cleanup)).toBe(c.state);
      expect(decodeCleanup(c.state)).toEqual(c.cleanup);
    });
  }
  it('nothing saved: nothing to do', () => {
    expect(decodeCleanup('')).toEqual({});
  });
});

describe('a remote endpoint that must answer', () => {
  it('a listening port answers; a closed one says so at once', async () => {
    const server = createNetServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    expect(await probeEndpoint(`tcp://127.0.0.1:${port}`)).toBeUndefined();
    await new Promise<void>((r) => server.close(() => r()));
    expect(await probeEndpoint(`tcp://127.0.0.1:${port}`)).toBe('ECONNREFUSED');
    expect(await probeEndpoint(`unix://${join(root, 'no.sock')}`)).toBe('ENOENT');
    // schemes buildx dials through something else are left to BuildKit
    expect(await probeEndpoint('docker-container://bk')).toBeUndefined();
  });
});
