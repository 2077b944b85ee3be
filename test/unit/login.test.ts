// The login without the CLI: the engine's own check (POST /auth, as `docker login` asks it) against an Engine API
// double on a unix socket, and the config.json entry written as the CLI's file store writes it. When the engine does
// not say yes, `docker login` runs: here a stand-in first on PATH that records its arguments and stdin and refuses,
// so no test reaches a real engine or registry.
import { createServer, type Server } from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerConfig, storeLogins } from '../../src/docker/config.js';
import { engineLogin, type EngineEndpoint } from '../../src/docker/engine-api.js';
import { login } from '../../src/docker/login.js';
import { setBaseEnvironment } from '../../src/exec.js';
import { dockerLoginAddress, type Credential } from '../../src/registry/identity.js';

const root = mkdtempSync(join(tmpdir(), 'login-'));
const socketPath = join(root, 'docker.sock');
const engine: EngineEndpoint = { kind: 'unix', host: `unix://${socketPath}`, socketPath };
const PASSWORD = 'pw-secret-0815';

/** What the double answers per server address; what it was asked. */
const answers = new Map<string, { status: number; body: unknown }>();
const seen: { path: string; method: string; contentType?: string; body: Record<string, string> }[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      seen.push({ path: req.url ?? '', method: req.method ?? '', contentType: req.headers['content-type'], body });
      const answer = answers.get(body.serveraddress) ?? { status: 500, body: { message: 'no such registry' } };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = () => createDockerConfig(mkdtempSync(join(root, 'work-')), join(root, 'no-user-config'));
const readConfig = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, any>;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe("the config key of docker login's entry", () => {
  it.each([
    ['docker.io', 'https://index.docker.io/v1/'],
    ['index.docker.io', 'https://index.docker.io/v1/'],
    ['ghcr.io', 'ghcr.io'],
    ['127.0.0.1:5001', '127.0.0.1:5001'],
  ])('%s → %s', (registry, key) => expect(dockerLoginAddress(registry)).toBe(key));
});

describe('storeLogins', () => {
  it('writes auth as base64 of user:password, mode 0600, keeping what was there', () => {
    const dir = config();
    storeLogins(dir, [{ serverAddress: 'ghcr.io', username: 'octo', password: PASSWORD }]);
    storeLogins(dir, [{ serverAddress: 'https://index.docker.io/v1/', username: 'hub', password: 'p2' }]);
    expect(readConfig(dir)).toEqual({
      auths: {
        'ghcr.io': { auth: b64(`octo:${PASSWORD}`) },
        'https://index.docker.io/v1/': { auth: b64('hub:p2') },
      },
    });
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  });
  it('an identity token replaces the password', () => {
    const dir = config();
    storeLogins(dir, [{ serverAddress: 'r.example', username: 'u', password: PASSWORD, identityToken: 'idt' }]);
    expect(readConfig(dir).auths['r.example']).toEqual({ auth: b64('u:'), identitytoken: 'idt' });
  });
});

describe('engineLogin (POST /auth)', () => {
  it("sends what docker login sends and reads the engine's yes", async () => {
    answers.set('127.0.0.1:5001', { status: 200, body: { Status: 'Login Succeeded', IdentityToken: '' } });
    answers.set('r.example', { status: 200, body: { Status: 'Login Succeeded', IdentityToken: 'idt-1' } });
    seen.length = 0;
    expect(await engineLogin(engine, { username: 'u', password: PASSWORD, serverAddress: '127.0.0.1:5001' })).toEqual(
      {},
    );
    expect(await engineLogin(engine, { username: 'u', password: PASSWORD, serverAddress: 'r.example' })).toEqual({
      identityToken: 'idt-1',
    });
    expect(seen[0]).toEqual({
      path: '/auth',
      method: 'POST',
      contentType: 'application/json',
      body: { username: 'u', password: PASSWORD, serveraddress: '127.0.0.1:5001' },
    });
  });
  it('anything but a yes is no answer: a refusal (Engine 26 says 500), or no engine at all', async () => {
    answers.set('refusing.example', {
      status: 500,
      body: { message: 'login attempt to https://refusing.example/v2/ failed with status: 401 Unauthorized' },
    });
    expect(
      await engineLogin(engine, { username: 'u', password: 'wrong', serverAddress: 'refusing.example' }),
    ).toBeUndefined();
    const nowhere: EngineEndpoint = { kind: 'unix', host: 'unix:///nonexistent.sock', socketPath: '/nonexistent.sock' };
    expect(await engineLogin(nowhere, { username: 'u', password: 'p', serverAddress: 'x' })).toBeUndefined();
  });
});

describe('login', () => {
  const bin = join(root, 'bin');
  const calls = join(root, 'docker-calls');
  const realPath = process.env.PATH;
  beforeAll(() => {
    mkdirSync(bin, { recursive: true });
    const script = `#!/bin/sh\necho "$@" >> '${calls}'\ncat >> '${calls}'\necho 'Error: the stand-in refuses' >&2\nexit 1\n`;
    writeFileSync(join(bin, 'docker'), script);
    chmodSync(join(bin, 'docker'), 0o755);
    // @actions/exec finds the program on the test process's PATH; the child gets the action's base environment
    process.env.PATH = `${bin}:${realPath}`;
    setBaseEnvironment({ PATH: `${bin}:${realPath}` });
  });
  afterAll(() => {
    process.env.PATH = realPath;
  });
  const cliCalls = () => (existsSync(calls) ? readFileSync(calls, 'utf8') : '');

  const credential = (registry: string): Credential => ({
    registry,
    username: 'octo',
    password: PASSWORD,
    source: 'password',
  });

  it('the engine says yes: the entry is written and no CLI runs', async () => {
    answers.set('ghcr.io', { status: 200, body: { Status: 'Login Succeeded' } });
    answers.set('https://index.docker.io/v1/', { status: 200, body: { Status: 'Login Succeeded' } });
    const dir = config();
    await login([credential('ghcr.io'), credential('docker.io')], dir, [PASSWORD], engine);
    expect(Object.keys(readConfig(dir).auths)).toEqual(['ghcr.io', 'https://index.docker.io/v1/']);
    expect(cliCalls()).toBe('');
  });

  it('the engine says no: docker login is asked, and its failure is the error (password never in it)', async () => {
    const dir = config();
    const error = await login([credential('refusing.example')], dir, [PASSWORD], engine).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toContain('Login to refusing.example as octo failed: Error: the stand-in refuses');
    expect(error).not.toContain(PASSWORD);
    expect(readConfig(dir).auths).toEqual({});
    // the password went to the CLI on stdin, never in its arguments
    expect(cliCalls()).toBe(`login --username octo --password-stdin refusing.example\n${PASSWORD}`);
  });

  it('an engine only the CLI can reach: docker login is asked', async () => {
    seen.length = 0;
    const before = cliCalls().length;
    const viaCli: EngineEndpoint = { kind: 'cli', host: 'ssh://builder', reason: 'the engine is at ssh://builder' };
    await expect(login([credential('ghcr.io')], config(), [PASSWORD], viaCli)).rejects.toThrow(
      'Login to ghcr.io as octo failed: Error: the stand-in refuses',
    );
    expect(seen).toEqual([]);
    expect(cliCalls().slice(before)).toBe(`login --username octo --password-stdin ghcr.io\n${PASSWORD}`);
  });
});
