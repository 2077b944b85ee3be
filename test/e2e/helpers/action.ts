// Runs the bundled action (dist/index.js) exactly as a runner does: INPUT_* and GITHUB_* env, an event JSON,
// GITHUB_OUTPUT/GITHUB_STATE/GITHUB_STEP_SUMMARY files, Node 24; then the post step with the saved state.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const NODE24 = join(ROOT, 'node_modules/.bin/node');
/** The bundle under test; PUBLISH_IMAGE_DIST points a test run at another build (e.g. one made in a scratch dir). */
export const DIST = process.env.PUBLISH_IMAGE_DIST ?? join(ROOT, 'dist/index.js');

export interface RunnerEnv {
  /** action inputs by their action.yml name */
  inputs: Record<string, string>;
  /** the event payload written to GITHUB_EVENT_PATH */
  event: Record<string, unknown>;
  eventName: string;
  ref: string;
  sha?: string;
  repository?: string;
  actor?: string;
  /** extra env (ACTIONS_*, SOURCE_DATE_EPOCH, ...) */
  env?: Record<string, string>;
  /** extra node arguments, e.g. ['--import', preload] */
  nodeArgs?: string[];
  /** working directory (the "workspace") */
  cwd?: string;
}

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export interface JobRun {
  main: StepRun;
  post?: StepRun;
  runnerTemp: string;
}

/** Parses the runner's file-command format: `name<<DELIM\nvalue\nDELIM` (and legacy `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

// The one input-name rule (src/runner.ts). Imported by URL because Node also runs this file directly
// (scripts/local-run.mjs), and Node's type stripping does not map the `.js` of a TypeScript import to `.ts`.
const { inputEnvName } = (await import(
  new URL('../../../src/runner.ts', import.meta.url).href
)) as typeof import('../../../src/runner.js');

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));
}

function runNode(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE24, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** What the runner substitutes for `${{ github.token }}` in these tests. */
export const TEST_GITHUB_TOKEN = 'ghs_defaultTokenForTests0000000000000000';

/**
 * The defaults the runner gives every input that action.yml declares with a default, read from action.yml itself
 * (so a default changed there is the default here), with the expressions the runner would evaluate resolved.
 */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default === undefined) continue;
    const value = String(input.default);
    out[name] = value === '${{ github.token }}' ? TEST_GITHUB_TOKEN : value;
  }
  return out;
}

async function step(
  run: RunnerEnv,
  dir: string,
  runnerTemp: string,
  name: string,
  state: Record<string, string>,
): Promise<StepRun> {
  const files = {
    output: join(dir, `${name}-output`),
    state: join(dir, `${name}-state`),
    summary: join(dir, `${name}-summary`),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = join(dir, 'event.json');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: run.ref,
    GITHUB_SHA: run.sha ?? '860c1904a1ce19322e91ac35af1ab07466440c37',
    GITHUB_REPOSITORY: run.repository ?? 'octo-org/publish-image',
    GITHUB_REPOSITORY_OWNER: (run.repository ?? 'octo-org/publish-image').split('/')[0],
    GITHUB_ACTOR: run.actor ?? 'octocat',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'publish',
    GITHUB_WORKFLOW_REF: `${run.repository ?? 'octo-org/publish-image'}/.github/workflows/publish.yml@${run.ref}`,
    GITHUB_JOB: 'publish',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9/api-not-reachable',
    GITHUB_WORKSPACE: run.cwd ?? ROOT,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...inputEnv({ ...actionDefaults(), ...run.inputs }),
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
    ...run.env,
  };
  const r = await runNode([...(run.nodeArgs ?? []), DIST], env, run.cwd ?? ROOT);
  return {
    ...r,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

/** Runs the main step and, when it saved state, the post step — as the runner does (post runs on failure too). */
export async function runAction(run: RunnerEnv, opts: { post?: boolean } = {}): Promise<JobRun> {
  const dir = mkdtempSync(join(tmpdir(), 'publish-image-job-'));
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  writeFileSync(join(dir, 'event.json'), JSON.stringify(run.event));
  const main = await step(run, dir, runnerTemp, 'main', {});
  const post =
    opts.post === false || Object.keys(main.state).length === 0
      ? undefined
      : await step(run, dir, runnerTemp, 'post', main.state);
  return { main, post, runnerTemp };
}

/** What the runner shows of a stream: `::add-mask::` lines are consumed by the runner's masker, never displayed. */
export function visible(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

/** Everything a job printed or wrote, as the runner would show or keep it, for "the secret appears nowhere". */
export function everything(job: JobRun): string {
  const parts = [job.main, job.post].filter(Boolean) as StepRun[];
  return parts
    .map((s) =>
      [visible(s.stdout), visible(s.stderr), JSON.stringify(s.outputs), s.summary, JSON.stringify(s.state)].join('\n'),
    )
    .join('\n');
}
