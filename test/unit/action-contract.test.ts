// action.yml is the action's interface: the runner hands the action only the inputs declared there, and a workflow
// can read only the outputs declared there. This runs the real main step and records what it does — every INPUT_*
// key it reads (an env Proxy) and every output it writes (the GITHUB_OUTPUT file) — so neither a comment nor a
// string in a test can satisfy it. Each direction fails with the names: declared but never read/written, and
// read/written but not declared.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAction } from '../../scripts/readme-tables.mjs';
import { main } from '../../src/main.js';
import type { RunResult } from '../../src/result.js';
import { inputEnvName, stdout } from '../../src/runner.js';
import { SHA } from '../fixtures/events.js';
import { repoRoot } from './workflow-inputs.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

// The publish flow's effects need Docker; its result is what the outputs are written from. A result with every
// part present makes the writer write everything a successful publish can.
vi.mock('../../src/flows/publish.js', () => ({
  runPublish: async (): Promise<RunResult> => ({
    status: 'success',
    warnings: [],
    builder: {
      name: 'default',
      driver: 'docker',
      buildxVersion: 'v0.13.1',
      buildkitVersion: 'v0.13.2',
      created: false,
    },
    build: {
      digest: DIGEST,
      imageId: `sha256:${'b'.repeat(64)}`,
      metadata: { 'containerimage.digest': DIGEST },
      durationMs: 1000,
      steps: { total: 2, cached: 1 },
      attempts: 1,
    },
    verify: { tags: [{ ref: 'ghcr.io/octo-org/publish-image:master', digest: DIGEST }], platforms: ['linux/amd64'] },
    attestation: {
      attestationId: '1',
      attestationUrl: 'https://github.com/octo-org/publish-image/attestations/1',
      bundlePath: '/runner/temp/bundle.json',
      referrers: [],
      storageRecords: [],
      warnings: [],
    },
  }),
}));

const tmp = mkdtempSync(join(tmpdir(), 'action-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// What the action prints (workflow commands included) goes to a buffer, not to the test runner's stdout.
const realWrite = stdout.write;
let printed = '';
beforeEach(() => {
  printed = '';
  stdout.write = (text: string) => {
    printed += text;
  };
});
afterEach(() => {
  stdout.write = realWrite;
});

const action = readAction(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
const declaredInputs = action.inputs.flatMap((g) => g.entries.map((e) => e.name));
const declaredOutputs = action.outputs.flatMap((g) => g.entries.map((e) => e.name));

/** Names of the outputs in a GITHUB_OUTPUT file: `name<<delimiter`, the value's lines, `delimiter`. */
function outputNames(file: string): string[] {
  const names: string[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  let i = 0;
  while (i < lines.length - 1 || lines[i] !== '') {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) throw new Error(`unexpected GITHUB_OUTPUT line ${i + 1}: ${lines[i]}`);
    const end = lines.indexOf(m[2], i + 1);
    if (end === -1) throw new Error(`output ${m[1]} has no closing delimiter`);
    names.push(m[1]);
    i = end + 1;
  }
  return names;
}

interface Run {
  name: string;
  /** inputs by their action.yml name, as the runner would pass them */
  inputs: Record<string, string>;
}

/** Runs the main step with a runner-shaped environment; returns the INPUT_* keys read and the outputs written. */
async function run(c: Run, i: number): Promise<{ code: number; read: Set<string>; written: string[] }> {
  const dir = join(tmp, `run-${i}`);
  const files = { GITHUB_OUTPUT: `${dir}-output`, GITHUB_STATE: `${dir}-state`, GITHUB_STEP_SUMMARY: `${dir}-summary` };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const base: Record<string, string> = {
    ...files,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(repoRoot, 'test/fixtures/events/push-master.json'),
    GITHUB_REF: 'refs/heads/master',
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'octo-org/publish-image',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '1234',
    RUNNER_TEMP: tmp,
    SOURCE_DATE_EPOCH: '1767225600',
    // what the runner passes for a declared default that the workflow does not override
    [inputEnvName('github-token')]: 'ghs_contract',
    [inputEnvName('context')]: join(repoRoot, 'test/fixtures/contexts/hello'),
  };
  for (const [name, value] of Object.entries(c.inputs)) base[inputEnvName(name)] = value;
  const read = new Set<string>();
  const note = (key: string | symbol) => {
    if (typeof key === 'string' && key.startsWith('INPUT_')) read.add(key);
  };
  const env = new Proxy(base, {
    get(target, key) {
      note(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      note(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      note(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  const code = await main(env, { pid: 4242, home: tmp });
  return { code, read, written: outputNames(files.GITHUB_OUTPUT) };
}

const runs: Run[] = [
  { name: 'a dry-run with no inputs (every default)', inputs: { 'dry-run': 'true' } },
  { name: 'a publish whose effects succeed in every part', inputs: { summary: 'false' } },
  { name: 'the matrix mode', inputs: { mode: 'matrix', platforms: 'linux/amd64,linux/arm64' } },
];

describe('action.yml and the code agree', () => {
  const read = new Set<string>();
  const written = new Set<string>();

  for (const [i, c] of runs.entries()) {
    it(`runs the main step: ${c.name}`, async () => {
      const r = await run(c, i);
      expect({ code: r.code, errors: printed.split('\n').filter((l) => l.startsWith('::error')) }).toEqual({
        code: 0,
        errors: [],
      });
      for (const k of r.read) read.add(k);
      for (const o of r.written) written.add(o);
    });
  }

  it('every declared input is read, and only declared inputs are read', () => {
    const byEnvName = new Map(declaredInputs.map((n) => [inputEnvName(n), n]));
    expect({
      declaredButNeverRead: declaredInputs.filter((n) => !read.has(inputEnvName(n))),
      readButNotDeclared: [...read].filter((k) => !byEnvName.has(k)).sort(),
    }).toEqual({ declaredButNeverRead: [], readButNotDeclared: [] });
  });

  it('every declared output is written, and only declared outputs are written', () => {
    expect({
      declaredButNeverWritten: declaredOutputs.filter((n) => !written.has(n)),
      writtenButNotDeclared: [...written].filter((n) => !declaredOutputs.includes(n)).sort(),
    }).toEqual({ declaredButNeverWritten: [], writtenButNotDeclared: [] });
  });
});
