import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readFanoutInputs } from '../../src/inputs/fanout.js';
import { readLoginInputs } from '../../src/inputs/login.js';
import { inputEnvName, stdout } from '../../src/runner.js';

const env = (inputs: Record<string, string>) =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));

/** Runs `fn` with the action's stdout captured (the readers register secrets with ::add-mask::). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = stdout.write;
  stdout.write = () => {};
  try {
    return await fn();
  } finally {
    stdout.write = write;
  }
}

describe('login inputs', () => {
  it('a registry-auth entry without registry means Docker Hub; ecr keeps login-action values', async () => {
    const l = await quietly(() =>
      readLoginInputs(
        env({ 'registry-auth': '- username: octo\n  password: dh-pw\n- registry: public.ecr.aws\n  ecr: true\n' }),
      ),
    );
    expect(l.registryAuth).toEqual([
      { registry: 'docker.io', username: 'octo', password: 'dh-pw', ecr: 'auto' },
      { registry: 'public.ecr.aws', username: undefined, password: undefined, ecr: 'true' },
    ]);
  });

  it("docker login's config key form is the registry it names", async () => {
    const l = await quietly(() =>
      readLoginInputs(
        env({ 'registry-auth': '- registry: https://index.docker.io/v1/\n  username: u\n  password: p' }),
      ),
    );
    expect(l.registryAuth[0].registry).toBe('docker.io');
  });

  it('registers every password with the masker the moment it is read', async () => {
    const writes: string[] = [];
    const write = stdout.write;
    stdout.write = (t) => void writes.push(t);
    try {
      await readLoginInputs(env({ password: 'pw-1', 'registry-auth': '- username: u\n  password: pw-2' }));
    } finally {
      stdout.write = write;
    }
    expect(writes).toEqual(['::add-mask::pw-1\n', '::add-mask::pw-2\n']);
  });

  it('rejects an ecr value that is not auto, true or false', async () => {
    await expect(quietly(() => readLoginInputs(env({ ecr: 'maybe' })))).rejects.toThrow(
      new InputError('ecr', 'maybe', 'auto, true or false'),
    );
  });

  it('rejects a registry with a path', async () => {
    await expect(quietly(() => readLoginInputs(env({ registry: 'ghcr.io/octo' })))).rejects.toThrow(
      new InputError('registry', 'ghcr.io/octo', 'a registry host such as ghcr.io, docker.io or 127.0.0.1:5000'),
    );
  });
});

describe('fan-out inputs', () => {
  it('defaults: publish, no runners, no digests', async () => {
    expect(await readFanoutInputs({})).toEqual({ mode: 'publish', runners: {}, digests: {} });
  });

  it('reads runners as a YAML map of platforms, normalised', async () => {
    const f = await readFanoutInputs(
      env({ mode: 'matrix', runners: 'linux/arm64: my-arm-pool\nlinux/amd64: [self-hosted, x64]' }),
    );
    expect(f).toMatchObject({
      mode: 'matrix',
      runners: { 'linux/arm64': 'my-arm-pool', 'linux/amd64': ['self-hosted', 'x64'] },
    });
  });

  it('reads digests as platform=sha256 lines', async () => {
    const d = `sha256:${'0a'.repeat(32)}`;
    expect(
      (await readFanoutInputs(env({ mode: 'merge', digests: `linux/arm64=${d}\n# a comment\n` }))).digests,
    ).toEqual({
      'linux/arm64': d,
    });
  });

  interface Bad {
    name: string;
    inputs: Record<string, string>;
    error: InputError;
  }
  const bad: Bad[] = [
    {
      name: 'an unknown mode',
      inputs: { mode: 'fanout' },
      error: new InputError('mode', 'fanout', 'publish, matrix, build or merge'),
    },
    {
      name: 'a digests line without a digest',
      inputs: { digests: 'linux/arm64=abc' },
      error: new InputError(
        'digests',
        'linux/arm64=abc',
        'one platform=sha256:<64 hex> per line, e.g. linux/arm64=sha256:4f2c…',
      ),
    },
    {
      name: 'a digests line without a platform',
      inputs: { digests: `sha256:${'0a'.repeat(32)}` },
      error: new InputError(
        'digests',
        `sha256:${'0a'.repeat(32)}`,
        'one platform=sha256:<64 hex> per line, e.g. linux/arm64=sha256:4f2c…',
      ),
    },
    {
      name: 'runners that are a list, not a map',
      inputs: { runners: '- ubuntu-24.04-arm' },
      error: new InputError(
        'runners',
        '(not a map)',
        'a YAML map of platform to runner label(s), e.g. `linux/arm64: ubuntu-24.04-arm`',
      ),
    },
    {
      name: 'a runner label with a space',
      inputs: { runners: 'linux/arm64: my pool' },
      error: new InputError(
        'runners',
        'linux/arm64: "my pool"',
        'a YAML map of platform to runner label(s), e.g. `linux/arm64: ubuntu-24.04-arm`',
      ),
    },
  ];
  for (const c of bad) {
    it(`rejects ${c.name}`, async () => {
      await expect(readFanoutInputs(env(c.inputs))).rejects.toThrow(c.error);
    });
  }
});

describe('login-action keys this action ignores', () => {
  it('a scope in a registry-auth entry gets the notice the scope input gets', async () => {
    const l = await quietly(() =>
      readLoginInputs(env({ 'registry-auth': '- username: u\n  password: p\n  scope: octo/app@push' })),
    );
    expect(l.notices).toEqual([
      "scope (the registry-auth entry for docker.io) ignored: this step's logins go to a Docker config of its own, deleted by its post step, so they never replace the runner's Docker Hub credentials in other steps (what scoped credentials are for); they are not limited to one repository.",
    ]);
  });
});
