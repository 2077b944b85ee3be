// "Never half-published in silence", through the bundled action: a fault-injecting proxy (test/doubles/fault-proxy.ts)
// stands in front of a real registry of the test environment and fails what registries really fail — a 500 on one
// tag's manifest PUT, 429s with Retry-After (for a moment, and for good), credentials refused after the login, a tag
// that points elsewhere when it is read back, an index PUT that fails for one tag of a merge. For each, the run's
// `::error`, its outputs and its job summary must say exactly which tags point at the new image and which do not,
// and all of it must agree with what the registry itself serves (asked directly, not through the proxy).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactServiceDouble } from '../doubles/artifact-service.js';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../doubles/fault-proxy.js';
import { event } from '../fixtures/events.js';
import { everything, runAction, visible, type JobRun, type RunnerEnv, type StepRun } from './helpers/action.js';
import { registryGet, sh } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';
import { code, escapeMessage } from '../../src/markdown.js';

const nonce = randomBytes(5).toString('hex');
let env: TestEnv;
let artifacts: ArtifactServiceDouble;
const proxies: FaultProxy[] = [];

// Set up inside the tests: a failing beforeAll makes vitest report the tests as skipped.
async function setup(): Promise<void> {
  env ??= await requireTestEnv();
}

afterAll(async () => {
  await Promise.all([...proxies.map((p) => p.close()), artifacts?.close()]);
  // the engine (containerd store) keeps what it pushed under the proxies' names: remove this file's images only
  if (!env) return;
  const listed = await sh(env.docker, ['images', '--format', '{{.Repository}}:{{.Tag}}']);
  const mine = listed.stdout.split('\n').filter((ref) => ref.includes(`/faults-${nonce}/`));
  if (mine.length) await sh(env.docker, ['rmi', ...mine]);
});

async function proxy(target: 'open' | 'auth', rules: FaultRule[] = []): Promise<FaultProxy> {
  const p = await startFaultProxy({ target: target === 'open' ? env.registryOpen : env.registryAuth, rules });
  proxies.push(p);
  return p;
}

const auth = () => ({ user: env.registryUser, password: env.registryPassword });

interface Publish {
  /** host:port the image is pushed to (a fault proxy) */
  registry: string;
  repo: string;
  tags: string[];
  /** makes the image's RUN output, hence its digest, differ from another run's */
  build: string;
  /** log in to `registry` with the auth registry's user */
  login?: boolean;
}

/** A one-platform publish (no QEMU: the faults are in the push) of the multiarch fixture under raw tags. */
function publish({ registry, repo, tags, build, login }: Publish): Promise<JobRun> {
  return runAction({
    eventName: 'push',
    ref: 'refs/heads/master',
    event: event('push-master'),
    repository: 'octo-org/publish-image',
    inputs: {
      images: `${registry}/${repo}`,
      registry: login ? registry : '',
      username: login ? env.registryUser : '',
      password: login ? env.registryPassword : '',
      context: 'test/fixtures/contexts/multiarch',
      platforms: 'linux/amd64',
      network: 'host',
      'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}-${build}`,
      tags: tags.map((t) => `type=raw,value=${t}`).join('\n'),
    },
  });
}

/** The one `::error` of a step, decoded as the runner shows it (the message is on one line, %0A for line breaks). */
function theError(step: StepRun): string {
  const errors = visible(step.stdout)
    .split('\n')
    .filter((l) => l.startsWith('::error'));
  expect(errors, step.stdout).toHaveLength(1);
  return errors[0]
    .replace(/^::error(?: [^:]*)?::/, '')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

/** The summary's table row `| **name** | value |`, value as written. */
function summaryRow(step: StepRun, name: string): string | undefined {
  const prefix = `| **${name}** | `;
  const line = step.summary.split('\n').find((l) => l.startsWith(prefix));
  return line?.slice(prefix.length, -' |'.length);
}

/** What the registry itself serves for each tag now: a digest, or `absent`. */
async function served(
  registry: string,
  repo: string,
  tags: string[],
  creds?: { user: string; password: string },
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const tag of tags) {
    const m = await registryGet(registry, `${repo}/manifests/${tag}`, creds);
    expect([200, 404], `${repo}:${tag}`).toContain(m.status);
    out[tag] = m.status === 200 ? m.digest : 'absent';
  }
  return out;
}

const ok = (j: JobRun): JobRun => {
  expect(j.main.code, visible(j.main.stdout)).toBe(0);
  return j;
};

describe('faults through the bundled action: publish', () => {
  it('500 on every manifest PUT of the second of three tags: the first moved, and error, outputs and summary say so', async () => {
    await setup();
    const p = await proxy('open');
    const repo = `faults-${nonce}/partial`;
    const ref = (t: string) => `${p.host}/${repo}:${t}`;
    // the previous release: `two` already points at an older image
    const old = ok(await publish({ registry: p.host, repo, tags: ['two'], build: 'old' })).main.outputs.digest;
    expect(old).toMatch(/^sha256:[0-9a-f]{64}$/);

    p.addRule({ name: 'broken', match: { method: 'PUT', kind: 'manifest', reference: 'two' }, fault: { status: 500 } });
    const job = await publish({ registry: p.host, repo, tags: ['one', 'two', 'three'], build: 'new' });
    expect(job.main.code).toBe(1);

    // the registry, asked directly: `one` moved to the new image, `two` is where it was, `three` was never written
    const now = await served(env.registryOpen, repo, ['one', 'two', 'three']);
    const digest = now.one;
    expect(digest).not.toBe(old);
    expect(now).toEqual({ one: digest, two: old, three: 'absent' });
    expect((await registryGet(env.registryOpen, `${repo}/manifests/${digest}`)).status).toBe(200);
    // BuildKit pushes the tags one by one and stopped at `two`: `three` was never even tried
    expect(p.hits('broken')).toBeGreaterThan(0);
    expect(p.requests.filter((r) => r.method === 'PUT' && r.reference === 'three')).toEqual([]);

    // the error: the cause first, then exactly where every tag points
    const error = theError(job.main);
    expect(error.split('\n')[0]).toBe('The registry failed with HTTP 500 (after 3 attempts).');
    expect(error).toContain(`unexpected status from PUT request to http://${p.host}/v2/${repo}/manifests/two`);
    expect(error.split('\n').at(-1)).toBe(
      `Registry state: 1 of 3 tags point at the new image ${digest}: ${ref('one')}. ` +
        `Not moved: ${ref('two')} (still at ${old}), ${ref('three')} (absent).`,
    );
    // the outputs: exactly the moved tag, and the new image's digest
    expect(job.main.outputs['pushed-tags']).toBe(ref('one'));
    expect(job.main.outputs.digest).toBe(digest);
    // the summary
    expect(summaryRow(job.main, 'Push')).toBe(
      `partly: 1 of 3 tags point at the new image: ${code(ref('one'))}<br>` +
        `not moved: ${code(ref('two'))} (still at ${code(old)}), ${code(ref('three'))} (absent)`,
    );
    expect(summaryRow(job.main, 'Digest')).toBe(`${code(digest)} (the new image; not every tag points at it)`);
    expect(summaryRow(job.main, 'Verification')).toBe('not done: the run failed before it');
  });

  it('429 with Retry-After on the manifest PUTs for a few seconds: the push is retried after the wait and succeeds', async () => {
    await setup();
    // A window, not a count: however often BuildKit asks in the first 3 s, it is refused; the action's own wait
    // before its next attempt (5 s for a rate limit; BuildKit does not pass Retry-After on) outlasts it.
    const p = await proxy('open', [
      {
        name: 'throttle',
        match: { method: 'PUT', kind: 'manifest' },
        fault: { status: 429, headers: { 'retry-after': '3' } },
        windowMs: 3_000,
      },
    ]);
    const repo = `faults-${nonce}/throttled`;
    const job = ok(await publish({ registry: p.host, repo, tags: ['one', 'two'], build: 'throttled' }));
    expect(p.hits('throttle')).toBeGreaterThan(0);
    const warnings = job.main.stdout.split('\n').filter((l) => l.startsWith('::warning::Attempt'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^::warning::Attempt 1 of 3 failed: The registry is rate-limiting this push \(429 Too Many Requests\)\. Retrying in 5s\. buildx: .*429 Too Many Requests/,
    );
    const digest = job.main.outputs.digest;
    expect(await served(env.registryOpen, repo, ['one', 'two'])).toEqual({ one: digest, two: digest });
    expect(job.main.outputs['pushed-tags'].split('\n')).toEqual([`${p.host}/${repo}:one`, `${p.host}/${repo}:two`]);
    expect(summaryRow(job.main, 'Push')).toBe('yes');
    expect(summaryRow(job.main, 'Build time')).toMatch(/ \(2 attempts\)$/);
    expect(summaryRow(job.main, 'Verification')).toBe(`2 tags read back · platforms ${code('linux/amd64')}`);
  });

  it('a rate limit that never ends: three attempts, then the rate-limit cause, and no tag moved', async () => {
    await setup();
    const p = await proxy('open', [
      {
        name: 'throttle',
        match: { method: 'PUT', kind: 'manifest' },
        fault: { status: 429, headers: { 'retry-after': '3' } },
      },
    ]);
    const repo = `faults-${nonce}/throttled-for-good`;
    const ref = `${p.host}/${repo}:one`;
    const job = await publish({ registry: p.host, repo, tags: ['one'], build: 'throttled-for-good' });
    expect(job.main.code).toBe(1);
    expect(job.main.stdout).toMatch(/::warning::Attempt 1 of 3 failed: The registry is rate-limiting this push/);
    expect(job.main.stdout).toMatch(/::warning::Attempt 2 of 3 failed: The registry is rate-limiting this push/);
    const error = theError(job.main);
    expect(error.split('\n').slice(0, 2)).toEqual([
      'The registry is rate-limiting this push (429 Too Many Requests) (after 3 attempts).',
      'Wait and re-run, or log in (authenticated pulls and pushes get higher limits).',
    ]);
    const digest = job.main.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(error.split('\n').at(-1)).toBe(
      `Registry state: 0 of 1 tags point at the new image ${digest}. Not moved: ${ref} (absent).`,
    );
    expect(await served(env.registryOpen, repo, ['one'])).toEqual({ one: 'absent' });
    expect(job.main.outputs['pushed-tags']).toBe('');
    expect(summaryRow(job.main, 'Push')).toBe(`no: no tag points at the new image; ${code(ref)} (absent)`);
  });

  it('401 after the login (the registry starts refusing): not retried, the error says the credentials were refused', async () => {
    await setup();
    const p = await proxy('auth', [
      {
        name: 'revoked',
        match: {},
        fault: { status: 401, headers: { 'www-authenticate': 'Basic realm="publish-image-test"' } },
        afterAuthenticatedSuccess: true,
      },
    ]);
    const repo = `faults-${nonce}/revoked`;
    const ref = `${p.host}/${repo}:one`;
    const job = await publish({ registry: p.host, repo, tags: ['one'], build: 'revoked', login: true });
    expect(job.main.code).toBe(1);
    expect(job.main.stdout).toContain(`Logging in to ${p.host} as ${env.registryUser} (password)`);
    expect(job.main.stdout).not.toMatch(/Attempt \d of 3 failed/);
    const error = theError(job.main);
    expect(error.split('\n')[0]).toMatch(/^The registry refused the credentials \(.*401 Unauthorized.*\)\.$/);
    expect(error.split('\n')[1]).toBe(
      'Check the login inputs (registry, username, password or registry-auth) and that the token may write to this repository (`packages: write` for ghcr.io).',
    );
    // the tag could not be read back either: said so, not guessed
    expect(error.split('\n').at(-1)).toBe(
      `Registry state: 0 of 1 tags point at the new image ${job.main.outputs.digest}. Unknown: ${ref} ` +
        `(unreadable: GET ${p.host}/v2/${repo}/manifests/one failed (HTTP 401, not authorized): ` +
        `the registry refused the credentials of ${env.registryUser}).`,
    );
    expect(await served(env.registryAuth, repo, ['one'], auth())).toEqual({ one: 'absent' });
    expect(job.main.outputs['pushed-tags']).toBe('');
    expect(everything(job)).not.toContain(env.registryPassword);
  });

  it('verification that ran and failed (the tag points elsewhere when read back): the Verification row says "failed: …"', async () => {
    await setup();
    const p = await proxy('open');
    const repo = `faults-${nonce}/moved`;
    const ref = `${p.host}/${repo}:latest`;
    const other = ok(await publish({ registry: p.host, repo, tags: ['other'], build: 'other' })).main.outputs.digest;
    // Someone else's push lands between ours and the read-back: `latest` is read as `other`. Only GETs are
    // redirected (BuildKit checks with HEAD and writes with PUT), so the push itself is untouched.
    p.addRule({
      name: 'moved',
      match: { method: 'GET', kind: 'manifest', reference: 'latest' },
      fault: { serveReference: 'other' },
    });
    const job = await publish({ registry: p.host, repo, tags: ['latest'], build: 'moved' });
    expect(job.main.code).toBe(1);
    const digest = job.main.outputs.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest).not.toBe(other);
    // the push itself did happen: the registry holds the new image under `latest`
    expect(await served(env.registryOpen, repo, ['latest', 'other'])).toEqual({ latest: digest, other });
    const why = `The registry does not hold what was pushed:\n- ${ref} resolves to ${other}, not the pushed ${digest}`;
    expect(theError(job.main)).toBe(why);
    expect(summaryRow(job.main, 'Verification')).toBe(`failed: ${escapeMessage(why)}`);
    // what the read-back saw, the Push row and the pushed-tags output agree: no tag seen at the new image
    expect(summaryRow(job.main, 'Push')).toBe(
      `no: no tag points at the new image; ${code(ref)} (still at ${code(other)})`,
    );
    expect(job.main.outputs['pushed-tags']).toBe('');
    expect(p.hits('moved')).toBeGreaterThan(0);
  });
});

describe('faults through the bundled action: merge', () => {
  it('an index PUT that fails (500) for one tag: exact tag states in the error, the outputs and the summary', async () => {
    await setup();
    artifacts ??= await startArtifactService();
    const p = await proxy('open');
    const repo = `faults-${nonce}/merged`;
    const ref = (t: string) => `${p.host}/${repo}:${t}`;
    const run = `faults-${nonce}`;
    // one job of the fan-out run: its own runner token, HOME and RUNNER_TEMP, as in test/e2e/fanout.test.ts
    const job = (mode: 'build' | 'merge'): RunnerEnv => ({
      eventName: 'push',
      ref: 'refs/heads/master',
      event: event('push-master'),
      repository: 'octo-org/publish-image',
      inputs: {
        images: `${p.host}/${repo}`,
        context: 'test/fixtures/contexts/multiarch',
        platforms: 'linux/amd64',
        network: 'host',
        'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}-merged`,
        tags: 'type=raw,value=one\ntype=raw,value=two\ntype=raw,value=three',
        attest: 'false',
        mode,
      },
      env: {
        HOME: mkdtempSync(join(tmpdir(), 'faults-home-')),
        GITHUB_RUN_ID: run,
        ACTIONS_RESULTS_URL: artifacts.url,
        ACTIONS_RUNTIME_TOKEN: artifacts.token(run, `${mode}-${randomUUID()}`),
      },
    });
    const leg = ok(await runAction(job('build')));
    const legDigest = leg.main.outputs.digest;
    expect(legDigest).toMatch(/^sha256:[0-9a-f]{64}$/);

    p.addRule({ name: 'broken', match: { method: 'PUT', kind: 'manifest', reference: 'two' }, fault: { status: 500 } });
    const merge = await runAction(job('merge'));
    expect(merge.main.code).toBe(1);
    const index = merge.main.outputs.digest;
    expect(index).toMatch(/^sha256:[0-9a-f]{64}$/);

    // the registry, asked directly: the index is under `one` and `three`, not `two`; it holds the leg's image
    expect(await served(env.registryOpen, repo, ['one', 'two', 'three'])).toEqual({
      one: index,
      two: 'absent',
      three: index,
    });
    const served1 = await registryGet(env.registryOpen, `${repo}/manifests/one`);
    expect((served1.json.manifests as { digest: string }[]).map((m) => m.digest)).toEqual([legDigest]);
    // the client tried `two` four times (retries logged), then gave up on it alone
    expect(p.hits('broken')).toBe(4);
    for (const attempt of [2, 3, 4]) {
      expect(merge.main.stdout).toMatch(
        new RegExp(
          `Registry ${p.host}: PUT /v2/${repo}/manifests/two answered HTTP 500; retrying in [0-9.]+ s \\(attempt ${attempt} of 4\\)`,
        ),
      );
    }
    expect(theError(merge.main)).toBe(
      `The index ${index} could not be put under 1 of 3 tags:\n` +
        `- ${ref('two')}: PUT ${p.host}/v2/${repo}/manifests/two failed (HTTP 500, registry error after 4 attempts): INJECTED: injected by broken\n` +
        `Registry state: 2 of 3 tags point at the new image ${index}: ${ref('one')}, ${ref('three')}. ` +
        `Not moved: ${ref('two')} (absent).`,
    );
    expect(merge.main.outputs['pushed-tags'].split('\n')).toEqual([ref('one'), ref('three')]);
    expect(summaryRow(merge.main, 'Push')).toBe(
      `partly: 2 of 3 tags point at the new image: ${code(ref('one'))}, ${code(ref('three'))}<br>` +
        `not moved: ${code(ref('two'))} (absent)`,
    );
    expect(summaryRow(merge.main, 'Digest')).toBe(code(index));
  });
});
