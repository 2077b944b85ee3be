import { describe, expect, it, vi } from 'vitest';
import { readInputs } from '../../src/inputs/index.js';
import { stdout } from '../../src/runner.js';

const env = (inputs: Record<string, string>) =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

interface BadCase {
  name: string;
  inputs: Record<string, string>;
  message: RegExp;
}

const bad: BadCase[] = [
  {
    name: 'push: sometimes',
    inputs: { push: 'sometimes' },
    message: /"push": got "sometimes"; expected true or false/,
  },
  { name: 'load: yes', inputs: { load: 'yes' }, message: /"load"/ },
  {
    name: 'platform linux/amd65',
    inputs: { platforms: 'linux/amd64,linux/amd65' },
    message: /"platforms": got "linux\/amd65"; expected a platform os\/arch/,
  },
  { name: 'network bridge', inputs: { network: 'bridge' }, message: /"network".*default, host or none/ },
  { name: 'build-arg without =', inputs: { 'build-args': 'FOO' }, message: /"build-args".*NAME=value/ },
  { name: 'registry with a path', inputs: { registry: 'ghcr.io/octo' }, message: /"registry".*registry host/ },
  { name: 'attest: perhaps', inputs: { attest: 'perhaps' }, message: /"attest"/ },
  {
    name: 'registry-auth not a list',
    inputs: { 'registry-auth': 'registry: docker.io' },
    message: /"registry-auth".*YAML list/,
  },
  { name: 'usage-port nonsense', inputs: { 'usage-port': 'five' }, message: /"usage-port"/ },
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
      await expect(readInputs(env({ secrets: 'bad id=leak-me' }))).rejects.toThrow(/"secrets"/);
      await expect(readInputs(env({ secrets: 'bad id=leak-me' }))).rejects.not.toThrow(/leak-me/);
    } finally {
      spy.mockRestore();
    }
    for (const s of ['pw-1', 'tok-2', 'npm-3', 'gh=4']) expect(writes).toContain(`::add-mask::${s}\n`);
  });

  it('reads registry-auth as login-action YAML', async () => {
    const i = await readInputs(
      env({ 'registry-auth': '- registry: docker.io\n  username: octo\n  password: dh-pw\n' }),
    );
    expect(i.login.registryAuth).toEqual([{ registry: 'docker.io', username: 'octo', password: 'dh-pw', ecr: 'auto' }]);
  });

  for (const c of bad) {
    it(`rejects ${c.name}`, async () => {
      await expect(readInputs(env(c.inputs))).rejects.toThrow(c.message);
    });
  }
});
