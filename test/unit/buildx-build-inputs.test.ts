// The build inputs read together (readBuildInputs) and the argv of the inputs build-push-action has and this
// action lacked (buildInputArgv); secret values masked when read and never echoed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PathKind, PathProbe } from '../../src/buildx/paths.js';
import { buildInputArgv, readBuildInputs } from '../../src/inputs/build.js';
import { platformName } from '../../src/platform.js';
import { inputEnvName, stdout } from '../../src/runner.js';

const FS: Record<string, PathKind> = {
  'ci/npmrc': 'file',
  '/tmp/agent.sock': 'socket',
  '/tmp/deploy_key': 'file',
  vendor: 'directory',
};
const probe: PathProbe = (p) => FS[p];
const host = { os: 'linux', arch: 'amd64' };

const env = (inputs: Record<string, string>, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v])),
  ...extra,
});

let writes: string[];
beforeEach(() => {
  writes = [];
  vi.spyOn(stdout, 'write').mockImplementation((s) => void writes.push(s));
});
afterEach(() => vi.restoreAllMocks());

function messageOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => '(no error)',
    (e: Error) => e.message,
  );
}

describe('readBuildInputs', () => {
  it('reads the defaults when nothing is set', async () => {
    expect(await readBuildInputs({}, { probe, host })).toEqual({
      context: '.',
      file: undefined,
      platforms: [],
      push: undefined,
      load: false,
      buildArgs: [],
      secrets: [],
      target: undefined,
      network: undefined,
      cacheFrom: [],
      cacheTo: [],
      noCache: false,
      pull: false,
      provenance: undefined,
      sbom: undefined,
      outputs: [],
      buildContexts: [],
      ssh: [],
      secretFiles: [],
      secretEnvs: [],
      addHosts: [],
      allow: [],
      call: undefined,
      cgroupParent: undefined,
      shmSize: undefined,
      ulimits: [],
      noCacheFilters: [],
      secretValues: [],
    });
    expect(writes).toEqual([]);
  });

  it('reads every build input with its list rules and gives the new flags as argv', async () => {
    const b = await readBuildInputs(
      env(
        {
          context: 'app',
          file: 'app/Dockerfile.ci',
          platforms: 'linux/amd64,linux/x86_64\nlinux/arm,arm64',
          push: 'true',
          'build-args': 'LIST=a,b,c\nB=2',
          secrets: 'npm= spaced value \nGH=gh',
          target: 'release',
          network: 'host',
          'cache-from': 'type=gha,scope=app\nghcr.io/o/app:cache',
          'cache-to': 'type=gha,mode=max,scope=app,token=cache-token-1',
          provenance: 'mode=max',
          sbom: 'false',
          outputs: 'type=image,"name=ghcr.io/o/app:1,ghcr.io/o/app:2",push=true',
          'build-contexts': 'vendor=vendor\nalpine=docker-image://alpine:3.19',
          ssh: 'default,deploy=/tmp/deploy_key',
          'secret-files': 'npmrc=ci/npmrc',
          'secret-envs': 'token=MY_TOKEN',
          'add-hosts': 'db=10.0.0.5,gw:host-gateway',
          allow: 'network.host,security.insecure',
          call: 'build',
          'cgroup-parent': '/actions_job',
          'shm-size': '2g',
          ulimit: 'nofile=1024:2048\nnproc=512',
          'no-cache-filters': 'deps,test',
        },
        { SSH_AUTH_SOCK: '/tmp/agent.sock', MY_TOKEN: 'env-secret-2' },
      ),
      { probe, host },
    );
    expect(b.platforms.map(platformName)).toEqual(['linux/amd64', 'linux/arm/v7', 'linux/arm64']);
    expect(b.buildArgs).toEqual(['LIST=a,b,c', 'B=2']);
    expect(b.secrets).toEqual([
      { id: 'npm', value: ' spaced value ' },
      { id: 'GH', value: 'gh' },
    ]);
    expect(b.cacheFrom).toEqual(['type=gha,scope=app', 'ghcr.io/o/app:cache']);
    expect(b.cacheTo).toEqual(['type=gha,mode=max,scope=app,token=cache-token-1']);
    expect(b.provenance).toBe('mode=max');
    expect(b.sbom).toBe('false');
    expect(b.outputs.map((o) => o.value)).toEqual(['type=image,"name=ghcr.io/o/app:1,ghcr.io/o/app:2",push=true']);
    expect(b.secretValues).toEqual([' spaced value ', 'gh', 'env-secret-2', 'cache-token-1']);
    expect(buildInputArgv(b)).toEqual([
      '--add-host',
      'db=10.0.0.5',
      '--add-host',
      'gw=host-gateway',
      '--allow',
      'network.host',
      '--allow',
      'security.insecure',
      '--build-context',
      'vendor=vendor',
      '--build-context',
      'alpine=docker-image://alpine:3.19',
      '--cgroup-parent',
      '/actions_job',
      '--secret',
      'id=token,env=MY_TOKEN',
      '--no-cache-filter',
      'deps',
      '--no-cache-filter',
      'test',
      '--secret',
      'id=npmrc,src=ci/npmrc',
      '--shm-size',
      '2g',
      '--ssh',
      'default',
      '--ssh',
      'deploy=/tmp/deploy_key',
      '--ulimit',
      'nofile=1024:2048',
      '--ulimit',
      'nproc=512',
    ]);
    // every secret value masked the moment it was read
    for (const s of [' spaced value ', 'gh', 'env-secret-2', 'cache-token-1']) {
      expect(writes).toContain(`::add-mask::${s}\n`);
    }
  });

  it('passes --call for a method other than build', async () => {
    const b = await readBuildInputs(env({ call: 'check,format=json' }), { probe, host });
    expect(buildInputArgv(b)).toEqual(['--call', 'check,format=json']);
  });

  interface BadCase {
    name: string;
    inputs: Record<string, string>;
    message: string;
  }
  const bad: BadCase[] = [
    {
      name: 'cache-to type=gha,mode=maximum',
      inputs: { 'cache-to': 'type=gha,mode=maximum' },
      message: 'Input "cache-to": got "type=gha,mode=maximum"; expected mode=min or mode=max',
    },
    {
      name: 'cache-from type=s4',
      inputs: { 'cache-from': 'type=s4,bucket=x' },
      message:
        'Input "cache-from": got "type=s4,bucket=x"; expected type=registry|local|gha|s3|azblob|inline ("s4" is not a cache backend)',
    },
    {
      name: 'target: build stage',
      inputs: { target: 'build stage' },
      message:
        'Input "target": got "build stage"; expected a Dockerfile stage name (FROM … AS <name>: a letter, then letters, digits, - _ .)',
    },
    {
      name: 'sbom: sometimes',
      inputs: { sbom: 'sometimes' },
      message:
        'Input "sbom": got "sometimes"; expected true, false or SBOM attributes such as generator=<image> (generator parameters as key=value); "sometimes" is not a key=value attribute',
    },
    {
      name: 'a secret id used twice',
      inputs: { secrets: 'npmrc=value-3', 'secret-files': 'npmrc=ci/npmrc' },
      message:
        'Input "secret-files": got "npmrc=…"; expected secret IDs used once across secrets, secret-files and secret-envs (npmrc is also in secrets)',
    },
    {
      name: 'a build-arg without =',
      inputs: { 'build-args': 'FOO' },
      message: 'Input "build-args": got "FOO"; expected one NAME=value per line',
    },
    {
      name: 'network bridge',
      inputs: { network: 'bridge' },
      message: 'Input "network": got "bridge"; expected default, host or none',
    },
    {
      name: 'a bad add-host (node:net loaded for it)',
      inputs: { 'add-hosts': 'db=database' },
      message:
        'Input "add-hosts": got "db=database"; expected host=ip or host:ip, e.g. db=10.0.0.5, api:[2001:db8::1] or docker=host-gateway ("database" is not an IP address)',
    },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, async () => {
      expect(await messageOf(readBuildInputs(env(c.inputs), { probe, host }))).toBe(c.message);
    });
  }

  it('never echoes a cache token or a secret in an error', async () => {
    const message = await messageOf(
      readBuildInputs(env({ 'cache-to': 'type=gha,token=tok-SECRET,mode=big', secrets: 'bad id=val-SECRET' }), {
        probe,
        host,
      }),
    );
    expect(message).toBe(
      'Input "secrets": got "bad id=***"; expected one ID=value per line, ID made of letters, digits, . _ -',
    );
    const cacheMessage = await messageOf(
      readBuildInputs(env({ 'cache-to': 'type=gha,token=tok-SECRET,mode=big' }), { probe, host }),
    );
    expect(cacheMessage).toBe('Input "cache-to": got "type=gha,token=***,mode=big"; expected mode=min or mode=max');
    expect(writes.join('')).not.toContain('SECRET');
  });
});
