// The build inputs build-push-action has and this action gained, through the bundled action on the real engine:
// a second named context read by COPY --from, a secret file mounted (its content shown nowhere), an SSH agent
// started here and forwarded into RUN (the host's ssh-add lists its key inside the build), bad values refused
// before Docker runs, and `call` against what this runner's buildx can do.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCall } from '../../src/buildx/call.js';
import { checkCallSupported } from '../../src/buildx/call-support.js';
import { parseBuildxVersion } from '../../src/docker/builder-facts.js';
import { event } from '../fixtures/events.js';
import { everything, runAction, visible, type JobRun } from './helpers/action.js';
import { sh } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';

const nonce = randomBytes(6).toString('hex');
const scratch = mkdtempSync(join(tmpdir(), 'publish-image-build-inputs-'));
const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(scratch, { recursive: true, force: true });
});

/** A build-only run of a fixture context, its result exported to a fresh directory (type=local). */
async function buildTo(
  env: TestEnv,
  fixture: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<{ job: JobRun; out: string }> {
  const out = mkdtempSync(join(scratch, `${fixture}-out-`));
  const job = await runAction({
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    inputs: {
      images: `${env.registryOpen}/build-inputs/${fixture}-${nonce}`,
      context: `test/fixtures/contexts/${fixture}`,
      push: 'false',
      network: 'host',
      'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
      outputs: `type=local,dest=${out}`,
      ...inputs,
    },
    env: extraEnv,
  });
  return { job, out };
}

describe('build inputs on the real engine', () => {
  it('build-contexts: a second local context is read by COPY --from', async () => {
    const env = await requireTestEnv();
    const { job, out } = await buildTo(env, 'build-contexts', {
      'build-contexts': 'extra=test/fixtures/contexts/build-contexts-extra',
    });
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toContain('--build-context extra=test/fixtures/contexts/build-contexts-extra');
    expect(readFileSync(join(out, 'extra.txt'), 'utf8')).toBe('from the second context\n');
    expect(readFileSync(join(out, 'nonce.txt'), 'utf8')).toBe(`nonce ${nonce}\n`);
  });

  it('secret-files: the file is mounted in RUN; its content appears nowhere', async () => {
    const env = await requireTestEnv();
    const content = `file-secret-${randomBytes(12).toString('hex')}`;
    const file = join(scratch, 'token.txt');
    writeFileSync(file, content, { mode: 0o600 });
    const { job, out } = await buildTo(env, 'secret-file', { 'secret-files': `token=${file}` });
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    const sha = createHash('sha256').update(content).digest('hex');
    expect(readFileSync(join(out, 'token.sha256'), 'utf8').trim()).toBe(sha);
    // the path reaches buildx, the content does not reach the log, the outputs, the summary or the state
    expect(job.main.stdout).toContain(`--secret id=token,src=${file}`);
    expect(everything(job)).not.toContain(content);
  });

  it('ssh: an agent started here is forwarded; ssh-add inside RUN lists its key', async () => {
    const env = await requireTestEnv();
    const dir = mkdtempSync(join(scratch, 'ssh-'));
    const key = join(dir, 'id_ed25519');
    const keygen = await sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `build-inputs-${nonce}`, '-f', key]);
    expect(keygen.code, keygen.stderr).toBe(0);
    const sock = join(dir, 'agent.sock');
    const agent = await sh('ssh-agent', ['-s', '-a', sock]);
    expect(agent.code, agent.stderr).toBe(0);
    const pid = /SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1];
    expect(pid).toBeDefined();
    cleanups.push(() => void process.kill(Number(pid), 'SIGTERM'));
    const add = await sh('ssh-add', [key], { env: { SSH_AUTH_SOCK: sock } });
    expect(add.code, add.stderr).toBe(0);
    const fingerprint = (await sh('ssh-keygen', ['-lf', `${key}.pub`])).stdout.trim();
    expect(fingerprint).toContain(`build-inputs-${nonce}`);

    // The host's ssh-add and the libraries it links, as a build context: the base image has no ssh client.
    const tools = join(dir, 'tools');
    mkdirSync(tools);
    copyFileSync('/usr/bin/ssh-add', join(tools, 'ssh-add'));
    const ldd = await sh('ldd', ['/usr/bin/ssh-add']);
    for (const lib of ldd.stdout.match(/\/\S+\.so[.\d]*/g) ?? [])
      copyFileSync(realpathSync(lib), join(tools, basename(lib)));

    const { job, out } = await buildTo(
      env,
      'ssh-agent',
      { ssh: 'default', 'build-contexts': `tools=${tools}`, 'no-cache-filters': 'probe' },
      { SSH_AUTH_SOCK: sock },
    );
    expect(job.main.code, visible(job.main.stdout)).toBe(0);
    expect(job.main.stdout).toContain('--ssh default');
    expect(readFileSync(join(out, 'socket.txt'), 'utf8')).toMatch(/^\/run\/buildkit\/ssh_agent\.\d+\n$/);
    expect(readFileSync(join(out, 'keys.txt'), 'utf8').trim()).toBe(fingerprint);
    // the private key never leaves the agent through the action's own output
    const privateKey = readFileSync(key, 'utf8').split('\n')[1];
    expect(everything(job)).not.toContain(privateKey);
  });

  interface RefusedCase {
    name: string;
    inputs: Record<string, string>;
    error: string;
  }
  const refused: RefusedCase[] = [
    {
      name: 'cache-to type=gha,mode=maximum',
      inputs: { 'cache-to': 'type=gha,mode=maximum' },
      error: 'Input "cache-to": got "type=gha,mode=maximum"; expected mode=min or mode=max',
    },
    {
      name: 'cache-from type=s4',
      inputs: { 'cache-from': 'type=s4,bucket=x' },
      error:
        'Input "cache-from": got "type=s4,bucket=x"; expected type=registry|local|gha|s3|azblob|inline ("s4" is not a cache backend)',
    },
    {
      name: 'target with a space',
      inputs: { target: 'build stage' },
      error:
        'Input "target": got "build stage"; expected a Dockerfile stage name (FROM … AS <name>: a letter, then letters, digits, - _ .)',
    },
    {
      name: 'ssh default without an agent',
      inputs: { ssh: 'default' },
      error:
        'Input "ssh": got "default"; expected default, <id>, or <id>=<agent socket or key file>[,<socket or key>…]; "default" uses the SSH agent, but SSH_AUTH_SOCK is not set: start an agent first or give default=<key file>',
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name} before running Docker`, async () => {
      const env = await requireTestEnv();
      const job = await runAction({
        eventName: 'push',
        ref: 'refs/heads/master',
        event: event('push-master'),
        inputs: {
          images: `${env.registryOpen}/build-inputs/refused-${nonce}`,
          context: 'test/fixtures/contexts/hello',
          ...c.inputs,
        },
      });
      expect(job.main.code).toBe(1);
      expect(job.main.stdout).toContain(`::error title=publish-image%3A invalid input::${c.error}`);
      expect(job.main.stdout).not.toContain('[command]');
    });
  }

  it("call: this runner's buildx decides (a clear error naming the input and the version before 0.15)", async () => {
    const env = await requireTestEnv();
    const version = parseBuildxVersion((await sh(env.docker, ['buildx', 'version'])).stdout);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const [major, minor] = version.split('.').map(Number);
    const direct = await sh(env.docker, [
      'buildx',
      'build',
      '--progress',
      'plain',
      '--network',
      'host',
      '--call',
      'check',
      '--build-arg',
      `BASE=${env.baseImage}`,
      'test/fixtures/contexts/hello',
    ]);
    if (major === 0 && minor < 15) {
      // The premise of the check: this buildx has no --call, and says so in its own words only.
      expect(direct.code).not.toBe(0);
      expect(direct.stderr).toContain('unknown flag: --call');
      let message = '(no error)';
      try {
        checkCallSupported(parseCall('check'), version);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe(
        `Input "call": got "check"; expected a buildx with --call (buildx ≥ 0.15.0; this runner has buildx ${version}): update buildx, e.g. with docker/setup-buildx-action, or remove call`,
      );
    } else {
      expect(direct.code, direct.stderr).toBe(0);
      expect(() => checkCallSupported(parseCall('check'), version)).not.toThrow();
    }
  });
});
