import { describe, expect, it, vi } from 'vitest';
import { readInputs } from '../../src/inputs/index.js';
import { inputEnvName, stdout } from '../../src/runner.js';

const env = (inputs: Record<string, string>) =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));

interface BadCase {
  name: string;
  inputs: Record<string, string>;
  /** the whole InputError message */
  message: string;
}

const bad: BadCase[] = [
  {
    name: 'push: sometimes',
    inputs: { push: 'sometimes' },
    message: 'Input "push": got "sometimes"; expected true or false',
  },
  { name: 'load: yes', inputs: { load: 'yes' }, message: 'Input "load": got "yes"; expected true or false' },
  {
    // containerd accepts any arch in os/arch form (linux/amd65); a bare word that is neither OS nor arch is refused
    name: 'platform amd65',
    inputs: { platforms: 'linux/amd64,amd65' },
    message:
      'Input "platforms": got "amd65"; expected a platform os/arch[/variant] such as linux/amd64, linux/arm64 or ' +
      'linux/arm/v7 (containerd syntax: also a bare OS or architecture, aliases such as x86_64, aarch64 or armhf, ' +
      'and `local`); "amd65" is neither an operating system nor an architecture',
  },
  {
    name: 'network bridge',
    inputs: { network: 'bridge' },
    message: 'Input "network": got "bridge"; expected default, host or none',
  },
  {
    name: 'build-arg without =',
    inputs: { 'build-args': 'FOO' },
    message: 'Input "build-args": got "FOO"; expected one NAME=value per line',
  },
  {
    name: 'registry with a path',
    inputs: { registry: 'ghcr.io/octo' },
    message:
      'Input "registry": got "ghcr.io/octo"; expected a registry host such as ghcr.io, docker.io or 127.0.0.1:5000',
  },
  {
    name: 'attest: perhaps',
    inputs: { attest: 'perhaps' },
    message: 'Input "attest": got "perhaps"; expected true or false',
  },
  {
    name: 'registry-auth not a list',
    inputs: { 'registry-auth': 'registry: docker.io' },
    message:
      'Input "registry-auth": got "(not a list)"; expected a YAML list of entries with registry (default docker.io), username and password, e.g. `- registry: docker.io`',
  },
  {
    name: 'usage-port nonsense',
    inputs: { 'usage-port': 'five' },
    message: 'Input "usage-port": got "five"; expected a port mapping such as 5000:5000 or 8080',
  },
];

describe('readInputs', () => {
  it('reads defaults when nothing is set', async () => {
    const i = await readInputs({});
    expect(i).toMatchObject({
      context: '.',
      push: undefined,
      load: false,
      attest: 'auto',
      pushToRegistry: true,
      dryRun: false,
      summary: true,
      login: { logout: true, ecr: 'auto', registryAuth: [] },
      fanout: { mode: 'publish', runners: {}, digests: {} },
      sepTags: '\n',
    });
  });

  it('reads lists: newline lists drop comments and blanks; platforms split on commas and newlines', async () => {
    const i = await readInputs(
      env({
        tags: 'type=ref,event=branch\n# comment\n\ntype=sha',
        platforms: 'linux/amd64,\nlinux/arm64',
        'build-args': 'A=1\nB=x=y',
      }),
    );
    expect(i.meta.tags).toEqual(['type=ref,event=branch', 'type=sha']);
    expect(i.platforms).toEqual([
      { os: 'linux', arch: 'amd64' },
      { os: 'linux', arch: 'arm64' },
    ]);
    expect(i.buildArgs).toEqual(['A=1', 'B=x=y']);
  });

  it('accepts YAML 1.2 booleans in any of their three spellings', async () => {
    expect((await readInputs(env({ push: 'True', load: 'TRUE', 'dry-run': 'true' }))).push).toBe(true);
    expect((await readInputs(env({ push: 'FALSE' }))).push).toBe(false);
  });

  it('masks secrets as soon as they are read and never echoes a secret in an error', async () => {
    const writes: string[] = [];
    const spy = vi.spyOn(stdout, 'write').mockImplementation((s) => void writes.push(s));
    try {
      const i = await readInputs(env({ password: 'pw-1', 'github-token': 'tok-2', secrets: 'NPM=npm-3\nGH=gh=4' }));
      expect(i.secrets).toEqual([
        { id: 'NPM', value: 'npm-3' },
        { id: 'GH', value: 'gh=4' },
      ]);
      await expect(readInputs(env({ secrets: 'bad id=leak-me' }))).rejects.toMatchObject({
        name: 'InputError',
        message: 'Input "secrets": got "bad id=***"; expected one ID=value per line, ID made of letters, digits, . _ -',
      });
    } finally {
      spy.mockRestore();
    }
    for (const s of ['pw-1', 'tok-2', 'npm-3', 'gh=4']) expect(writes).toContain(`::add-mask::${s}\n`);
  });

  it('reads registry-auth as login-action YAML, masking the password', async () => {
    const writes: string[] = [];
    vi.spyOn(stdout, 'write').mockImplementation((s) => void writes.push(s));
    const i = await readInputs(
      env({ 'registry-auth': '- registry: docker.io\n  username: octo\n  password: dh-pw\n' }),
    ).finally(() => vi.restoreAllMocks());
    expect(writes).toEqual(['::add-mask::dh-pw\n']);
    expect(i.login.registryAuth).toEqual([{ registry: 'docker.io', username: 'octo', password: 'dh-pw', ecr: 'auto' }]);
  });

  for (const c of bad) {
    it(`rejects ${c.name}`, async () => {
      await expect(readInputs(env(c.inputs))).rejects.toMatchObject({ name: 'InputError', message: c.message });
    });
  }
});
