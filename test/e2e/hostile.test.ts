// Hostile values end to end, through the bundled action: branch and tag names, a PR title and head ref, the
// repository description (event payload) and a label input carry newlines, workflow commands (plain, legacy,
// stop-commands), shell syntax, HTML and an RTL override; a Dockerfile prints workflow commands into the buildx
// stream. The step's stdout is read the way the runner reads it (test/fixtures/workflow-commands.ts): the only
// commands it would execute are the action's own, the outputs keep their values, and the summary stays one
// escaped table. The argv the action prints is pasted into bash: it must give back exactly the argv, and run
// nothing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { event, SHA } from '../fixtures/events.js';
import { foreignCommands, runnerView } from '../fixtures/workflow-commands.js';
import { registryGet } from './helpers/docker.js';
import { actionDefaults, runAction, type JobRun, type RunnerEnv } from './helpers/action.js';
import { requireTestEnv } from './helpers/env.js';

const nonce = randomBytes(6).toString('hex');
/** `$(touch …)` in the values would create this file if anything ever ran them through a shell. */
const trap = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'pwned');

/** Everything a value can try; every injection carries PWNED, which no command of the action's own contains. */
const HOSTILE = [
  '',
  '::set-output name=digest::sha256:PWNED',
  '  ::add-mask::PWNED',
  '::stop-commands::x',
  '::error::PWNED',
  '::x::',
  '##[set-output name=digest;]PWNED',
  `\`touch ${trap}\` $(touch ${trap}) | <script>alert("PWNED")</script> \u202eDENWP`,
  '\r::warning::PWNED-after-CR',
].join('\n');
const DESCRIPTION = `Model image${HOSTILE}`;
const CONTEXT = 'test/fixtures/contexts/hostile';
const TOKEN = actionDefaults()['github-token'];

function payload(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base = event('push-master') as { repository: Record<string, unknown> };
  return { ...base, repository: { ...base.repository, description: DESCRIPTION }, ...extra };
}

/** Runs the action; the trap file must not exist afterwards, whatever ran. */
async function run(r: RunnerEnv): Promise<JobRun> {
  const job = await runAction({ ...r, env: { SOURCE_DATE_EPOCH: '1767225600', ...r.env } });
  expect(existsSync(trap)).toBe(false);
  return job;
}

/** The runner's view of the main step: nothing foreign executed, no command from a value, no region left open. */
function expectOnlyOwnCommands(job: JobRun): ReturnType<typeof runnerView> {
  const view = runnerView(job.main.stdout);
  expect(foreignCommands(view, [TOKEN])).toEqual([]);
  expect(view.executed.filter((c) => c.line.includes('PWNED'))).toEqual([]);
  expect(view.stoppedAtEnd).toBe(false);
  // nothing may print commands to stderr either (the runner reads it the same way)
  expect(job.main.stderr).toBe('');
  return view;
}

/** What bash makes of the printed command: the argv, NUL-separated. */
function bashArgv(printed: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${printed}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** Markdown outside fenced code blocks, and whether every fence closed. */
function outsideFences(md: string): { text: string; unclosed: boolean } {
  const text: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const m = /^(`{3,})/.exec(line);
    if (fence === undefined && m) fence = m[1];
    else if (fence !== undefined && line === fence) fence = undefined;
    else if (fence === undefined) text.push(line);
  }
  return { text: text.join('\n'), unclosed: fence !== undefined };
}

function expectSafeSummary(md: string): void {
  const { text, unclosed } = outsideFences(md);
  expect(unclosed).toBe(false);
  // one table: one separator row, and every table row has two cells
  expect(md.split('\n').filter((l) => l === '| --- | --- |')).toHaveLength(1);
  for (const row of text.split('\n').filter((l) => l.startsWith('|'))) {
    expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(2);
  }
  // no raw HTML from a value: the only tags outside code blocks are the renderer's own
  expect(text).not.toMatch(/<script|<\/script/i);
  for (const tag of text.matchAll(/<\/?([a-z]+)[^>]*>/gi)) {
    expect(['code', 'br', 'details', 'summary']).toContain(tag[1].toLowerCase());
  }
  // no line break or RTL override from a value outside code blocks
  expect(text).not.toMatch(/[\r\u202e]/);
  // one heading of the renderer's
  expect(text.split('\n').filter((l) => /^#{1,6} /.test(l))).toHaveLength(md.includes('\n### Use it\n') ? 2 : 1);
}

describe('hostile values from the event, the repository and the inputs', () => {
  it('dry-run on a hostile branch: the printed argv is exact, shell-safe, and no value becomes a command', async () => {
    await requireTestEnv();
    const branch = `feat/x${HOSTILE}`;
    // one label (a newline would start another item of the list)
    const label = `note=${HOSTILE.replace(/[\r\n]/g, ' ')}`;
    const job = await run({
      inputs: {
        'dry-run': 'true',
        context: CONTEXT,
        images: `127.0.0.1:5000/hostile-${nonce}/app`,
        labels: label,
        platforms: 'linux/amd64',
        network: 'host',
      },
      event: payload({ ref: `refs/heads/${branch}` }),
      eventName: 'push',
      ref: `refs/heads/${branch}`,
    });
    expect(job.main.code).toBe(0);
    const view = expectOnlyOwnCommands(job);
    expect(view.executed.map((c) => c.name)).toEqual(['add-mask', 'notice', 'notice']);

    // the "would run" line is one line of bash that gives back the argv, labels intact
    const lines = job.main.stdout.split('\n');
    const printed = lines[lines.indexOf('Dry run: would run') + 1];
    expect(printed).toMatch(/^ {2}docker buildx build /);
    expect(printed).not.toContain('##[');
    const argv = bashArgv(printed);
    expect(argv.slice(0, 3)).toEqual(['docker', 'buildx', 'build']);
    expect(argv).toContain(`org.opencontainers.image.description=${DESCRIPTION}`);
    expect(argv).toContain(label);
    expect(argv).toContain(`manifest:org.opencontainers.image.description=${DESCRIPTION}`);

    // the outputs are the action's: no digest in a dry-run, the description label verbatim in the labels output
    expect(job.main.outputs.digest).toBeUndefined();
    expect(job.main.outputs.version).not.toContain('\n');
    expect(job.main.outputs.version).toMatch(/^feat-x-/);
    expect(job.main.outputs.labels).toContain(`org.opencontainers.image.description=${DESCRIPTION}`);

    expectSafeSummary(job.main.summary);
  });

  it('dry-run on a hostile tag name', async () => {
    await requireTestEnv();
    const tag = `v1.2.3${HOSTILE}`;
    const job = await run({
      inputs: { 'dry-run': 'true', context: CONTEXT, images: `127.0.0.1:5000/hostile-${nonce}/app` },
      event: payload({ ref: `refs/tags/${tag}` }),
      eventName: 'push',
      ref: `refs/tags/${tag}`,
    });
    expect(job.main.code).toBe(0);
    expectOnlyOwnCommands(job);
    expect(job.main.outputs.version).not.toMatch(/[\n\r\u202e]|^sha256:PWNED$/);
    expect(job.main.outputs.digest).toBeUndefined();
    expectSafeSummary(job.main.summary);
  });

  it('dry-run on a pull request with a hostile title and head branch', async () => {
    await requireTestEnv();
    const base = event('pull-request') as { pull_request: Record<string, Record<string, unknown>> };
    const pr = {
      ...base.pull_request,
      title: `Bump${HOSTILE}`,
      body: HOSTILE,
      head: { ...base.pull_request.head, ref: `feature${HOSTILE}` },
    };
    const job = await run({
      inputs: { 'dry-run': 'true', context: CONTEXT, images: `127.0.0.1:5000/hostile-${nonce}/app` },
      event: { ...base, pull_request: pr, repository: (payload() as { repository: unknown }).repository },
      eventName: 'pull_request',
      ref: 'refs/pull/42/merge',
      env: { GITHUB_HEAD_REF: `feature${HOSTILE}`, GITHUB_BASE_REF: 'master' },
    });
    expect(job.main.code).toBe(0);
    expectOnlyOwnCommands(job);
    expect(job.main.outputs.version).toBe('pr-42');
    expectSafeSummary(job.main.summary);
  });

  it('a real build and push: the buildx stream is shown inside one region, the outputs hold the pushed digest', async () => {
    const env = await requireTestEnv();
    const repo = `hostile-${nonce}/pushed`;
    const branch = `main${HOSTILE}`;
    const job = await run({
      inputs: {
        context: CONTEXT,
        images: `${env.registryOpen}/${repo}`,
        platforms: 'linux/amd64',
        network: 'host',
        'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
        tags: 'type=raw,value=hostile',
      },
      event: payload({ ref: `refs/heads/${branch}` }),
      eventName: 'push',
      ref: `refs/heads/${branch}`,
    });
    expect(job.main.code, job.main.stdout).toBe(0);
    const view = expectOnlyOwnCommands(job);

    // the hostile lines were printed (by RUN, and the Dockerfile text itself), and the runner only showed them
    // (BuildKit prefixes RUN output with `#N <time> `: the `::` forms are text there, the `##[` forms are commands)
    expect(job.main.stdout).toMatch(/^#\d+ [\d.]+ ::set-output name=digest::sha256:PWNED$/m);
    expect(view.shielded.some((l) => l.endsWith(' ##[set-output name=digest;]PWNED'))).toBe(true);
    expect(view.shielded.some((l) => l.endsWith(' ##[error]PWNED legacy from RUN'))).toBe(true);
    // one region around the whole stream, inside the Build group (the group still folds)
    const names = view.executed.map((c) => c.name);
    const start = names.indexOf('stop-commands');
    expect(names[start - 1]).toBe('group');
    expect(names[start + 1]).toBe(view.executed[start].data);
    expect(names[start + 2]).toBe('endgroup');
    expect(names.filter((n) => n === 'stop-commands')).toHaveLength(1);
    // the [command] line: one line, bash reads back the label exactly
    const commandLine = job.main.stdout.split('\n').find((l) => l.startsWith('[command]'))!;
    expect(bashArgv(commandLine.slice('[command]'.length))).toContain(
      `org.opencontainers.image.description=${DESCRIPTION}`,
    );

    // the digest output is the one the registry serves, and the pushed config carries the label verbatim
    const manifest = await registryGet(env.registryOpen, `${repo}/manifests/hostile`);
    expect(manifest.status).toBe(200);
    expect(job.main.outputs.digest).toBe(manifest.digest);
    const config = await registryGet(env.registryOpen, `${repo}/blobs/${manifest.json.config.digest}`);
    expect(config.json.config.Labels['org.opencontainers.image.description']).toBe(DESCRIPTION);
    expect(config.json.config.Labels['org.opencontainers.image.revision']).toBe(SHA);

    expectSafeSummary(job.main.summary);
    expect(job.post?.code).toBe(0);
    expect(foreignCommands(runnerView(job.post!.stdout), [TOKEN])).toEqual([]);
  });
});
