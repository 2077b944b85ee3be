// The inputs that name paths on the runner: secret files, SSH sockets and keys, build contexts; and the secret
// inputs' id rules. The file system is described, not touched.
import { describe, expect, it } from 'vitest';
import { parseBuildContext } from '../../src/buildx/contexts.js';
import type { PathKind, PathProbe } from '../../src/buildx/paths.js';
import { parseSecret, parseSecretEnv, parseSecretFile } from '../../src/buildx/secrets.js';
import { parseSsh } from '../../src/buildx/ssh.js';

const FS: Record<string, PathKind> = {
  'secrets/npmrc': 'file',
  'secrets/dir': 'directory',
  '/tmp/a,b': 'file',
  '/run/agent.sock': 'socket',
  '/home/u/.ssh/id_ed25519': 'file',
  '/home/u/.ssh/other': 'file',
  '/home/u/.ssh': 'directory',
  vendor: 'directory',
  'layout/app': 'directory',
  'layout/app/index.json': 'file',
  'not-a-layout': 'directory',
};
const probe: PathProbe = (p) => FS[p];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}
const err = (input: string, given: string, expected: string) =>
  `Input "${input}": got ${JSON.stringify(given)}; expected ${expected}`;

describe('secrets (id=value)', () => {
  it('reads the id and keeps the value whole', () => {
    expect(parseSecret('GIT_AUTH_TOKEN.github.com=a=b c')).toEqual({ id: 'GIT_AUTH_TOKEN.github.com', value: 'a=b c' });
  });
  const FORM = 'one ID=value per line, ID made of letters, digits, . _ -';
  const bad = [
    { name: 'no =', value: 'leak-me-1', shown: '***', expected: FORM },
    { name: 'an id with a space', value: 'bad id=leak-me-2', shown: 'bad id=***', expected: FORM },
    { name: 'an empty value', value: 'NPM=', shown: 'NPM=***', expected: `${FORM} (the value is empty)` },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}, showing the id only`, () => {
      const message = messageOf(() => parseSecret(c.value));
      expect(message).toBe(err('secrets', c.shown, c.expected));
      expect(message).not.toContain('leak-me');
    });
  }
});

describe('secret-files (id=path)', () => {
  const good = [
    {
      name: 'a file',
      value: 'npm=secrets/npmrc',
      expected: { id: 'npm', path: 'secrets/npmrc', value: 'id=npm,src=secrets/npmrc' },
    },
    {
      name: 'a path with a comma is quoted for buildx',
      value: 'x=/tmp/a,b',
      expected: { id: 'x', path: '/tmp/a,b', value: 'id=x,"src=/tmp/a,b"' },
    },
  ];
  for (const c of good) {
    it(`accepts ${c.name}`, () => {
      expect(parseSecretFile(c.value, probe)).toEqual(c.expected);
    });
  }
  const FORM = 'ID=path of a file, one per line, ID made of letters, digits, . _ -';
  const bad = [
    {
      name: 'a missing file',
      value: 'npm=secrets/nope',
      message: err('secret-files', 'npm=secrets/nope', `${FORM} (secrets/nope does not exist)`),
    },
    {
      name: 'a directory',
      value: 'npm=secrets/dir',
      message: err('secret-files', 'npm=secrets/dir', `${FORM} (secrets/dir is a directory, not a file)`),
    },
    { name: 'no path', value: 'npm=', message: err('secret-files', 'npm=', FORM) },
    { name: 'no id', value: '=secrets/npmrc', message: err('secret-files', '=secrets/npmrc', FORM) },
  ];
  for (const c of bad)
    it(`refuses ${c.name}`, () => expect(messageOf(() => parseSecretFile(c.value, probe))).toBe(c.message));
});

describe('secret-envs (id=ENV)', () => {
  const env = { MY_TOKEN: 'value-1', EMPTY: '' };
  it('accepts a variable that is set (even empty)', () => {
    expect(parseSecretEnv('token=MY_TOKEN', env)).toEqual({
      id: 'token',
      env: 'MY_TOKEN',
      value: 'id=token,env=MY_TOKEN',
    });
    expect(parseSecretEnv('e=EMPTY', env).env).toBe('EMPTY');
  });
  const FORM = 'ID=NAME of an environment variable, ID made of letters, digits, . _ -';
  const bad = [
    {
      name: 'an unset variable',
      value: 'token=NOPE',
      message: err('secret-envs', 'token=NOPE', `${FORM} (NOPE is not set in the step's environment)`),
    },
    { name: 'not a variable name', value: 'token=MY-TOKEN', message: err('secret-envs', 'token=MY-TOKEN', FORM) },
    { name: 'no =', value: 'MY_TOKEN', message: err('secret-envs', 'MY_TOKEN', FORM) },
  ];
  for (const c of bad)
    it(`refuses ${c.name}`, () => expect(messageOf(() => parseSecretEnv(c.value, env))).toBe(c.message));
});

describe('ssh', () => {
  const agent = { SSH_AUTH_SOCK: '/run/agent.sock' };
  const good = [
    {
      name: 'default: the agent',
      items: ['default'],
      env: agent,
      expected: [{ id: 'default', paths: [], value: 'default' }],
    },
    {
      name: 'an id with the agent',
      items: ['github'],
      env: agent,
      expected: [{ id: 'github', paths: [], value: 'github' }],
    },
    {
      name: 'an id with a socket',
      items: ['default=/run/agent.sock'],
      env: {},
      expected: [{ id: 'default', paths: ['/run/agent.sock'], value: 'default=/run/agent.sock' }],
    },
    {
      name: 'id=key,key (split at the comma by the list reader, joined again)',
      items: ['github=/home/u/.ssh/id_ed25519', '/home/u/.ssh/other'],
      env: {},
      expected: [
        {
          id: 'github',
          paths: ['/home/u/.ssh/id_ed25519', '/home/u/.ssh/other'],
          value: 'github=/home/u/.ssh/id_ed25519,/home/u/.ssh/other',
        },
      ],
    },
    {
      name: 'default and a key entry',
      items: ['default', 'gitlab=/home/u/.ssh/other'],
      env: agent,
      expected: [
        { id: 'default', paths: [], value: 'default' },
        { id: 'gitlab', paths: ['/home/u/.ssh/other'], value: 'gitlab=/home/u/.ssh/other' },
      ],
    },
  ];
  for (const c of good) it(`accepts ${c.name}`, () => expect(parseSsh(c.items, probe, c.env)).toEqual(c.expected));
  const FORM = 'default, <id>, or <id>=<agent socket or key file>[,<socket or key>…]';
  const bad = [
    {
      name: 'a missing key',
      items: ['github=/home/u/.ssh/nope'],
      env: {},
      message: err('ssh', 'github=/home/u/.ssh/nope', `${FORM} (/home/u/.ssh/nope does not exist)`),
    },
    {
      name: 'a directory',
      items: ['github=/home/u/.ssh'],
      env: {},
      message: err('ssh', 'github=/home/u/.ssh', `${FORM} (/home/u/.ssh is a directory)`),
    },
    {
      name: 'default without an agent',
      items: ['default'],
      env: {},
      message: err(
        'ssh',
        'default',
        `${FORM}; "default" uses the SSH agent, but SSH_AUTH_SOCK is not set: start an agent first or give default=<key file>`,
      ),
    },
    {
      name: 'an agent socket that is not a socket',
      items: ['default'],
      env: { SSH_AUTH_SOCK: '/home/u/.ssh/other' },
      message: err(
        'ssh',
        'default',
        `${FORM}; "default" uses the SSH agent, but SSH_AUTH_SOCK (/home/u/.ssh/other) is not a socket: start an agent first or give default=<key file>`,
      ),
    },
    { name: 'an empty path', items: ['github='], env: {}, message: err('ssh', 'github=', FORM) },
    {
      name: 'an id with a space',
      items: ['my key=/home/u/.ssh/other'],
      env: {},
      message: err('ssh', 'my key=/home/u/.ssh/other', FORM),
    },
  ];
  for (const c of bad)
    it(`refuses ${c.name}`, () => expect(messageOf(() => parseSsh(c.items, probe, c.env))).toBe(c.message));
});

describe('build-contexts', () => {
  const good = [
    { name: 'a local directory', value: 'vendor=vendor', expected: { kind: 'local', path: 'vendor' } },
    {
      name: 'a docker image',
      value: 'alpine=docker-image://alpine:3.19@sha256:' + 'a'.repeat(64),
      expected: { kind: 'docker-image', ref: 'alpine:3.19@sha256:' + 'a'.repeat(64) },
    },
    {
      name: 'an OCI layout by tag',
      value: 'base=oci-layout://layout/app:v1',
      expected: { kind: 'oci-layout', path: 'layout/app', tag: 'v1' },
    },
    {
      name: 'an OCI layout by digest',
      value: 'base=oci-layout://layout/app@sha256:' + 'b'.repeat(64),
      expected: { kind: 'oci-layout', path: 'layout/app', digest: 'sha256:' + 'b'.repeat(64) },
    },
    {
      name: 'an OCI layout (latest)',
      value: 'base=oci-layout://layout/app',
      expected: { kind: 'oci-layout', path: 'layout/app' },
    },
    {
      name: 'a Git URL',
      value: 'src=https://github.com/o/r.git#main',
      expected: { kind: 'url', url: 'https://github.com/o/r.git#main' },
    },
    {
      name: 'an scp-like Git URL',
      value: 'src=git@github.com:o/r.git',
      expected: { kind: 'url', url: 'git@github.com:o/r.git' },
    },
    {
      name: 'an image name with registry and tag as context name',
      value: 'docker.io/library/alpine:3.19=vendor',
      expected: { kind: 'local', path: 'vendor' },
    },
  ];
  for (const c of good) {
    it(`accepts ${c.name}`, () => {
      const b = parseBuildContext(c.value, probe);
      expect(b.source).toEqual(c.expected);
      expect(b.value).toBe(c.value);
    });
  }
  const FORM =
    'name=<directory>, name=docker-image://<image>, name=oci-layout://<directory>[:<tag>|@sha256:<digest>] or name=<Git or HTTP(S) URL>';
  const bad = [
    { name: 'no =', value: 'vendor', message: err('build-contexts', 'vendor', FORM) },
    { name: 'no value', value: 'vendor=', message: err('build-contexts', 'vendor=', FORM) },
    {
      name: 'a capitalised name',
      value: 'Vendor=vendor',
      message: err('build-contexts', 'Vendor=vendor', `${FORM} (name "Vendor": repository names must be lower-case)`),
    },
    {
      name: 'a missing directory',
      value: 'vendor=nope',
      message: err('build-contexts', 'vendor=nope', `${FORM} (nope does not exist)`),
    },
    {
      name: 'a file',
      value: 'npm=secrets/npmrc',
      message: err('build-contexts', 'npm=secrets/npmrc', `${FORM} (secrets/npmrc is not a directory)`),
    },
    {
      name: 'a bad image',
      value: 'base=docker-image://Alpine',
      message: err(
        'build-contexts',
        'base=docker-image://Alpine',
        `${FORM} (Alpine: repository names must be lower-case)`,
      ),
    },
    {
      name: 'not an OCI layout',
      value: 'base=oci-layout://not-a-layout',
      message: err(
        'build-contexts',
        'base=oci-layout://not-a-layout',
        `${FORM} (not-a-layout is not an OCI layout directory with an index.json)`,
      ),
    },
    {
      name: 'an OCI digest that is not one',
      value: 'base=oci-layout://layout/app@sha256:xyz',
      message: err(
        'build-contexts',
        'base=oci-layout://layout/app@sha256:xyz',
        `${FORM} (sha256:xyz is not a sha256:<64 hex digits> digest)`,
      ),
    },
    {
      name: 'target: (bake only)',
      value: 'deps=target:deps',
      message: err(
        'build-contexts',
        'deps=target:deps',
        `${FORM} (target:<name> links bake targets and fails in a single build; to use stage deps of this Dockerfile, name it directly in FROM or COPY --from instead of "deps")`,
      ),
    },
    {
      name: 'an unknown scheme',
      value: 'x=s3://bucket/ctx',
      message: err('build-contexts', 'x=s3://bucket/ctx', `${FORM} (s3:// is not a context source)`),
    },
  ];
  for (const c of bad)
    it(`refuses ${c.name}`, () => expect(messageOf(() => parseBuildContext(c.value, probe))).toBe(c.message));
});
