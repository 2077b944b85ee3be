import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionInputs, validateWorkflow, workflowFiles } from '../../scripts/validate-workflows.mjs';
import {
  actionSteps,
  jobInputs,
  publishWorkflows,
  repoRoot,
  resolveExpressions,
  stepContext,
  thinWorkflowInputs,
  toInputEnv,
  workflowEnv,
} from './workflow-inputs.js';

const validator = join(repoRoot, 'scripts/validate-workflows.mjs');
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const load = (file: string): any => parse(read(file));
const tmp = mkdtempSync(join(tmpdir(), 'workflows-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const runValidator = (...files: string[]) =>
  spawnSync(process.execPath, [validator, ...files], { cwd: repoRoot, encoding: 'utf8' });

const allSteps = (wf: any) => Object.values(wf.jobs).flatMap((job: any) => job.steps ?? []);
const runScript = (wf: any, stepName: string): string => {
  const step = allSteps(wf).find((s: any) => s.name === stepName);
  if (!step?.run) throw new Error(`no run step named '${stepName}'`);
  return step.run;
};

describe('workflow validation (GitHub workflow parser)', () => {
  it('finds the five workflows', () => {
    expect(workflowFiles()).toEqual([
      '.github/workflows/check-dist.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/docker-publish.yml',
      '.github/workflows/mlflow-image-publish.yml',
      '.github/workflows/release.yml',
    ]);
  });

  it('the vendored parser bundle is built from the installed @actions/workflow-parser', () => {
    // Rebuild with `node scripts/build-workflow-validator.mjs` after upgrading the package.
    const installed = JSON.parse(read('node_modules/@actions/workflow-parser/package.json')).version;
    const banner = read('scripts/vendor/workflow-parser.mjs').split('\n', 1)[0];
    expect(banner).toContain(`@actions/workflow-parser ${installed} `);
  });

  it('the CLI accepts every workflow in .github/workflows', () => {
    const r = runValidator();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/5 workflow\(s\) OK/);
  });

  for (const file of workflowFiles()) {
    it(`${file} has no errors, including the inputs of uses: ./ against action.yml when it exists`, async () => {
      expect(await validateWorkflow(file, read(file), { actionInputs: readActionInputs() })).toEqual([]);
    });
  }

  it('the CLI reports a planted permission typo with file:line:col and exits 1', () => {
    const original = read('.github/workflows/docker-publish.yml');
    const planted = original.replace('attestations: write', 'attestationz: write');
    expect(planted).not.toBe(original);
    const line = planted.split('\n').findIndex((l) => l.includes('attestationz')) + 1;
    const column = planted.split('\n')[line - 1].indexOf('attestationz') + 1;
    const file = join(tmp, 'docker-publish.yml');
    writeFileSync(file, planted);
    const r = runValidator(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`docker-publish.yml:${line}:${column}: Unexpected value 'attestationz'`);
  });

  it('accepts the attestations and artifact-metadata permissions, rejects a bad permission level', async () => {
    const wf = (perms: string) =>
      `on: push\npermissions:\n${perms}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;
    expect(await validateWorkflow('ok.yml', wf('  attestations: write\n  artifact-metadata: write'))).toEqual([]);
    const errors = await validateWorkflow('bad.yml', wf('  packages: writ'));
    expect(errors).toEqual([{ file: 'bad.yml', line: 3, column: 13, message: "Unexpected value 'writ'" }]);
  });

  it('reports semantic errors found when converting the workflow (a needs cycle)', async () => {
    const content = `on: push
jobs:
  a:
    needs: b
    runs-on: ubuntu-latest
    steps: [{ run: echo a }]
  b:
    needs: a
    runs-on: ubuntu-latest
    steps: [{ run: echo b }]
`;
    const errors = await validateWorkflow('cycle.yml', content);
    expect(errors).toEqual([
      {
        file: 'cycle.yml',
        line: 3,
        column: 3,
        message: 'The workflow must contain at least one job with no dependencies.',
      },
    ]);
  });

  it('reports malformed step references and expression errors with their positions', async () => {
    const content = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.sha == }}
      - uses: actions/checkout
      - uses: docker://alpine:3
      - uses: ./.github/actions/local
      - uses: actions/cache/restore@v4
`;
    expect(await validateWorkflow('refs.yml', content)).toEqual([
      { file: 'refs.yml', line: 6, column: 19, message: "Unexpected end of expression: '=='" },
      {
        file: 'refs.yml',
        line: 7,
        column: 15,
        message: "'uses: actions/checkout' is not ./path, docker://image or owner/repo[/path]@ref",
      },
    ]);
  });

  it('checks uses: ./ inputs against the declared action inputs', async () => {
    const actionInputs = new Map([
      ['images', { required: true, hasDefault: false }],
      ['context', { required: false, hasDefault: true }],
    ]);
    const content = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./
        with:
          context: .
          imagez: ghcr.io/x/y
`;
    const errors = await validateWorkflow('local.yml', content, { actionInputs });
    expect(errors).toEqual([
      expect.objectContaining({
        line: 7,
        column: 15,
        message: "Required input 'images' of ./ (action.yml) is missing",
      }),
      expect.objectContaining({
        line: 10,
        column: 11,
        message: expect.stringMatching(/^Input 'imagez' is not declared/),
      }),
    ]);
  });
});

// Pinned by commit: a moved tag cannot change what runs. Dependabot (.github/dependabot.yml) proposes updates.
const CHECKOUT = 'actions/checkout@11d5960a326750d5838078e36cf38b85af677262'; // v4.4.0
const SETUP_NODE = 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020'; // v4.4.0

const MLFLOW = '.github/workflows/mlflow-image-publish.yml';
const MLFLOW_RULES = [
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=sha,prefix={{branch}}-',
  'type=raw,value=latest,enable={{is_default_branch}}',
  '',
].join('\n');
const PUSH_UNLESS_PR = "${{ github.event_name != 'pull_request' }}";

describe('every workflow pins its third-party actions', () => {
  for (const file of workflowFiles()) {
    it(`${file} pins every action but ./ by commit SHA with its version in a comment`, () => {
      const uses = read(file)
        .split('\n')
        .filter((l) => /^\s*(- )?uses:/.test(l) && !/uses: \.\/$/.test(l));
      expect(uses.length).toBeGreaterThan(0);
      for (const line of uses) expect(line).toMatch(/^\s*(- )?uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    });
  }
});

describe('publish workflows: every job a checkout plus this action', () => {
  for (const file of publishWorkflows) {
    describe(file, () => {
      const content = read(file);
      const wf = load(file);

      it('every job is the pinned checkout and ./ — no docker/*, attest, artifact or shell steps', () => {
        for (const [name, job] of Object.entries<any>(wf.jobs)) {
          expect(
            job.steps.map((s: { uses?: string }) => s.uses),
            name,
          ).toEqual([CHECKOUT, './']);
        }
        expect(allSteps(wf).every((s: object) => !('run' in s))).toBe(true);
        expect(content).not.toMatch(/docker\/|attest-build-provenance|upload-artifact|download-artifact|STEP_SUMMARY/);
      });
    });
  }

  it('docker-publish: one job in at most 40 lines, with exactly the permissions publishing needs', () => {
    const file = '.github/workflows/docker-publish.yml';
    const wf = load(file);
    expect(read(file).trimEnd().split('\n').length).toBeLessThanOrEqual(40);
    expect(Object.keys(wf.jobs)).toEqual(['build-and-push-image']);
    expect(wf.permissions).toEqual({
      contents: 'read',
      packages: 'write',
      attestations: 'write',
      'id-token': 'write',
    });
  });

  it('docker-publish: triggers and exact inputs', () => {
    const wf = load('.github/workflows/docker-publish.yml');
    expect(wf.name).toBe('Create and publish a Docker image');
    expect(wf.on).toEqual({
      push: { branches: ['master', 'main'], paths: ['examplemodel/**', '.github/workflows/docker-publish.yml'] },
      workflow_dispatch: null,
    });
    expect(thinWorkflowInputs('.github/workflows/docker-publish.yml')).toEqual({
      context: './examplemodel',
      file: 'examplemodel/Dockerfile',
      images: 'ghcr.io/${{ github.repository }}',
      'push-to-registry': 'true',
    });
  });

  describe('mlflow-image-publish: the fan-out', () => {
    const wf = load(MLFLOW);

    it('keeps its name and triggers', () => {
      expect(wf.name).toBe('Build and Push MLflow Docker Image');
      expect(wf.on).toEqual({
        push: {
          branches: ['main', 'master'],
          paths: ['dockerfile.mlflow', '.github/workflows/mlflow-image-publish.yml'],
        },
        pull_request: { paths: ['dockerfile.mlflow'] },
        workflow_dispatch: null,
      });
    });

    it('three jobs in at most 85 lines: prepare → build (one leg per matrix entry) → merge', () => {
      expect(read(MLFLOW).trimEnd().split('\n').length).toBeLessThanOrEqual(85);
      expect(Object.keys(wf.jobs)).toEqual(['prepare', 'build', 'merge']);
      const [plan] = actionSteps(MLFLOW).filter((s) => s.job === 'prepare');
      expect(plan.id).toBe('plan');
      expect(wf.jobs.prepare.outputs).toEqual({ matrix: '${{ steps.plan.outputs.matrix }}' });
      expect(wf.jobs.build.needs).toBe('prepare');
      expect(wf.jobs.build.strategy).toEqual({ matrix: '${{ fromJSON(needs.prepare.outputs.matrix) }}' });
      expect(wf.jobs.build['runs-on']).toBe('${{ matrix.runner }}');
      expect(wf.jobs.merge.needs).toBe('build');
      expect(wf.jobs.merge['runs-on']).toBe('ubuntu-latest');
    });

    it('grants each job only what it does: read; push the legs; push, sign and store the attestation', () => {
      expect(wf.permissions).toEqual({ contents: 'read' });
      expect(wf.jobs.prepare.permissions).toBeUndefined();
      expect(wf.jobs.build.permissions).toEqual({ contents: 'read', packages: 'write' });
      expect(wf.jobs.merge.permissions).toEqual({
        contents: 'read',
        packages: 'write',
        attestations: 'write',
        'id-token': 'write',
      });
    });

    it("keeps the seed's image, tag rules and platforms in one place, the workflow's env", () => {
      expect(workflowEnv(MLFLOW)).toEqual({
        IMAGE: 'ghcr.io/${{ github.repository }}/mlflow',
        PLATFORMS: 'linux/amd64,linux/arm64',
        TAGS: MLFLOW_RULES,
      });
    });

    const jobCases = [
      {
        name: 'prepare: the matrix of the platforms',
        job: 'prepare',
        expected: { mode: 'matrix', file: 'dockerfile.mlflow', platforms: '${{ env.PLATFORMS }}' },
      },
      {
        name: "build: one leg, the matrix entry's platform, pushed except on pull requests",
        job: 'build',
        expected: {
          mode: 'build',
          file: 'dockerfile.mlflow',
          images: '${{ env.IMAGE }}',
          platforms: '${{ matrix.platform }}',
          push: PUSH_UNLESS_PR,
          tags: '${{ env.TAGS }}',
        },
      },
      {
        name: 'merge: every platform under every tag, with the usage snippet',
        job: 'merge',
        expected: {
          mode: 'merge',
          file: 'dockerfile.mlflow',
          images: '${{ env.IMAGE }}',
          platforms: '${{ env.PLATFORMS }}',
          push: PUSH_UNLESS_PR,
          tags: '${{ env.TAGS }}',
          'usage-service': 'mlflow-web',
          'usage-port': '5000:5000',
        },
      },
    ];
    for (const c of jobCases) {
      it(`exact inputs of ${c.name}`, () => {
        expect(jobInputs(MLFLOW, c.job)).toEqual(c.expected);
      });
    }

    it('the legs and the merge compute the same metadata: same images, tags and push rule', () => {
      const leg = jobInputs(MLFLOW, 'build');
      const merge = jobInputs(MLFLOW, 'merge');
      for (const input of ['images', 'tags', 'push', 'flavor', 'labels', 'annotations']) {
        expect(leg[input], input).toBe(merge[input]);
      }
      expect(jobInputs(MLFLOW, 'prepare').platforms).toBe(merge.platforms);
    });
  });

  it('resolveExpressions evaluates the expressions the publish workflows use, per event and matrix entry', () => {
    const ctx = (event: string) =>
      stepContext(MLFLOW, { 'github.repository': 'octo/repo', 'github.event_name': event });
    const leg = jobInputs(MLFLOW, 'build');
    expect(resolveExpressions(leg, { ...ctx('push'), 'matrix.platform': 'linux/arm64' })).toEqual({
      mode: 'build',
      file: 'dockerfile.mlflow',
      images: 'ghcr.io/octo/repo/mlflow',
      platforms: 'linux/arm64',
      push: 'true',
      tags: MLFLOW_RULES,
    });
    expect(resolveExpressions(leg, { ...ctx('pull_request'), 'matrix.platform': 'linux/amd64' })).toMatchObject({
      platforms: 'linux/amd64',
      push: 'false',
    });
    expect(resolveExpressions({ 'runs-on': '${{ matrix.runner }}' }, { 'matrix.runner': 'ubuntu-24.04-arm' })).toEqual({
      'runs-on': 'ubuntu-24.04-arm',
    });
    expect(() => resolveExpressions({ a: '${{ github.sha }}' }, ctx('push'))).toThrow(
      new Error('no value for github.sha in the expression context'),
    );
    expect(() => resolveExpressions({ a: '${{ fromJSON(x) }}' }, ctx('push'))).toThrow(
      new Error('unsupported expression operand: fromJSON(x)'),
    );
    expect(toInputEnv({ 'usage-port': '5000:5000' })).toEqual({ 'INPUT_USAGE-PORT': '5000:5000' });
  });

  it('a job with two uses: ./ steps, or none, is refused by name', () => {
    const file = join(tmp, 'two-steps.yml');
    writeFileSync(
      file,
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./\n      - uses: ./\n  b:\n    runs-on: x\n    steps: []\n',
    );
    expect(() => jobInputs(file, 'a')).toThrow(new Error(`${file}: expected one 'uses: ./' step in job a, found 2`));
    expect(() => jobInputs(file, 'b')).toThrow(new Error(`${file}: expected one 'uses: ./' step in job b, found 0`));
    expect(() => thinWorkflowInputs(file)).toThrow(new Error(`${file}: expected exactly one 'uses: ./' step, found 2`));
  });
});

describe('README examples, validated as GitHub reads them', () => {
  const readme = read('README.md');
  /** The first ```yaml block after a heading. */
  const yamlAfter = (heading: string): string => {
    const at = readme.indexOf(`\n${heading}\n`);
    if (at < 0) throw new Error(`README has no heading ${heading}`);
    const m = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
    if (!m) throw new Error(`no yaml block after ${heading}`);
    return m[1];
  };
  // The README names the published action; as `./` the validator also checks its inputs against action.yml.
  const asLocal = (text: string) => text.replaceAll('uses: org/publish-image@v1', 'uses: ./');

  describe('the fan-out workflow', () => {
    const text = yamlAfter('## Fan-out: one native runner per platform');
    const wf = parse(text);

    it('is under 45 lines', () => {
      expect(text.trimEnd().split('\n').length).toBeLessThan(45);
    });

    it("has no errors for GitHub's workflow parser, and its inputs are action.yml's", async () => {
      expect(await validateWorkflow('README fan-out', asLocal(text), { actionInputs: readActionInputs() })).toEqual([]);
    });

    it('is prepare (mode: matrix) → build (mode: build per matrix entry) → merge (mode: merge), each a checkout and the action', () => {
      expect(Object.keys(wf.jobs)).toEqual(['prepare', 'build', 'merge']);
      const uses = (job: string) => wf.jobs[job].steps.map((s: { uses: string }) => s.uses);
      const action = (job: string) => wf.jobs[job].steps[1];
      for (const job of ['prepare', 'build', 'merge']) {
        expect(uses(job), job).toEqual(['actions/checkout@v4', 'org/publish-image@v1']);
      }
      expect(action('prepare').with).toEqual({ mode: 'matrix', platforms: '${{ env.PLATFORMS }}' });
      expect(wf.jobs.prepare.outputs.matrix).toBe(`\${{ steps.${action('prepare').id}.outputs.matrix }}`);
      expect(wf.jobs.build.needs).toBe('prepare');
      expect(wf.jobs.build.strategy.matrix).toBe('${{ fromJSON(needs.prepare.outputs.matrix) }}');
      expect(wf.jobs.build['runs-on']).toBe('${{ matrix.runner }}');
      expect(action('build').with).toEqual({ mode: 'build', platforms: '${{ matrix.platform }}' });
      expect(wf.jobs.merge.needs).toBe('build');
      expect(action('merge').with).toEqual({ mode: 'merge', platforms: '${{ env.PLATFORMS }}' });
      expect(wf.env).toEqual({ PLATFORMS: 'linux/amd64,linux/arm64' });
    });

    it('gives each job its own permissions: read, push, push and attest', () => {
      expect(wf.permissions).toBeUndefined();
      expect(wf.jobs.prepare.permissions).toEqual({ contents: 'read' });
      expect(wf.jobs.build.permissions).toEqual({ contents: 'read', packages: 'write' });
      expect(wf.jobs.merge.permissions).toEqual({
        contents: 'read',
        packages: 'write',
        'id-token': 'write',
        attestations: 'write',
      });
    });
  });

  it('the remote-builder step: TLS from BUILDER_NODE_0_AUTH_TLS_* secrets, inputs of action.yml', async () => {
    const step = yamlAfter('## Remote builders');
    const workflow = `on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;
    expect(await validateWorkflow('README remote', asLocal(workflow), { actionInputs: readActionInputs() })).toEqual(
      [],
    );
    const [parsed] = parse(step);
    expect(parsed.with).toEqual({
      driver: 'remote',
      endpoint: 'tcp://buildkitd.example.com:1234',
      platforms: 'linux/amd64,linux/arm64',
    });
    expect(Object.keys(parsed.env)).toEqual([
      'BUILDER_NODE_0_AUTH_TLS_CACERT',
      'BUILDER_NODE_0_AUTH_TLS_CERT',
      'BUILDER_NODE_0_AUTH_TLS_KEY',
    ]);
    for (const value of Object.values<string>(parsed.env)) expect(value).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
  });
});

describe('ci, check-dist and release workflows', () => {
  it('ci runs .ci/run on Node 24 for pushes and pull requests', () => {
    const wf = load('.github/workflows/ci.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    const steps = allSteps(wf);
    expect(steps.map((s: { uses?: string }) => s.uses).filter(Boolean)).toEqual([CHECKOUT, SETUP_NODE]);
    expect(steps.find((s: { uses?: string }) => s.uses === SETUP_NODE).with['node-version']).toBe(24);
    expect(steps.at(-1).run).toBe('bash .ci/run');
    expect(read('.ci/run')).toMatch(/\nnpm ci\nbash scripts\/check-dist\.sh\nnpm test\n$/);
    // dockerd runs inside the job, on Debian 12 as on the project's machines
    expect(wf.jobs.test.container).toEqual({
      image: 'debian:12',
      options: '--privileged',
      volumes: ['docker-data:/var/lib/docker'],
    });
  });

  it('check-dist installs and runs scripts/check-dist.sh (its behaviour: check-dist.test.ts)', () => {
    const wf = load('.github/workflows/check-dist.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    const runs = allSteps(wf)
      .map((s: { run?: string }) => s.run)
      .filter(Boolean);
    expect(runs).toEqual(['npm ci', 'bash scripts/check-dist.sh']);
  });

  describe('release', () => {
    const wf = load('.github/workflows/release.yml');

    it('runs on version tags: tests first, then the release job with contents: write', () => {
      expect(wf.on).toEqual({ push: { tags: ['v*.*.*'] } });
      expect(allSteps({ jobs: { test: wf.jobs.test } }).at(-1).run).toBe('bash .ci/run');
      expect(wf.jobs.release.needs).toBe('test');
      expect(wf.jobs.release.permissions).toEqual({ contents: 'write' });
      const script = runScript(wf, 'Create the GitHub release');
      expect(script).toContain('gh release create "$GITHUB_REF_NAME" "${flags[@]}"');
      expect(script).toContain('--generate-notes --verify-tag');
      expect(runScript(wf, 'Install dependencies')).toBe('npm ci');
      expect(runScript(wf, 'Verify dist/ is fresh')).toBe('bash scripts/check-dist.sh');
    });

    const parseTag = (tag: string) => {
      const out = join(tmp, `out-${tag}`);
      writeFileSync(out, '');
      const r = spawnSync('bash', ['-e', '-c', runScript(wf, 'Parse the tag')], {
        env: { PATH: process.env.PATH, GITHUB_REF_NAME: tag, GITHUB_OUTPUT: out },
        encoding: 'utf8',
      });
      return {
        status: r.status,
        outputs: Object.fromEntries(
          readFileSync(out, 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => l.split('=')),
        ),
      };
    };

    const tagCases = [
      {
        name: 'a release',
        tag: 'v1.2.3',
        expected: { status: 0, outputs: { major: 'v1', minor: 'v1.2', prerelease: 'false' } },
      },
      {
        name: 'a pre-release',
        tag: 'v1.2.3-rc.1',
        expected: { status: 0, outputs: { major: 'v1', minor: 'v1.2', prerelease: 'true' } },
      },
      { name: 'not a version', tag: 'v1.2', expected: { status: 1, outputs: {} } },
    ];
    for (const c of tagCases) {
      it(`parses ${c.name} tag (${c.tag})`, () => {
        expect(parseTag(c.tag)).toEqual(c.expected);
      });
    }

    it('pre-releases never move the floating tags', () => {
      expect(allSteps(wf).find((s: { name?: string }) => s.name === 'Move the major and minor tags').if).toBe(
        "steps.version.outputs.prerelease == 'false'",
      );
    });

    const moveCases = [
      {
        name: 'the newest release moves vX and vX.Y',
        tag: 'v1.3.0',
        expected: { v1: 'v1.3.0', 'v1.3': 'v1.3.0', 'v1.2': 'v1.2.0' },
      },
      {
        name: 'a patch to an older line moves only vX.Y',
        tag: 'v1.2.1',
        expected: { v1: 'v1.3.0', 'v1.3': 'v1.3.0', 'v1.2': 'v1.2.1' },
      },
    ];
    for (const c of moveCases) {
      it(`moves tags: ${c.name}`, () => {
        const dir = mkdtempSync(join(tmp, 'git-'));
        const env = { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' };
        execFileSync('git', ['init', '-q', '--bare', 'origin.git'], { cwd: dir, env });
        execFileSync('git', ['init', '-q', 'work'], { cwd: dir, env });
        const work = join(dir, 'work');
        const g = (...args: string[]) =>
          execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
            cwd: work,
            env,
            encoding: 'utf8',
          }).trim();
        g('remote', 'add', 'origin', join(dir, 'origin.git'));
        const shas: Record<string, string> = {};
        for (const t of ['v1.2.0', 'v1.3.0', 'v1.2.1']) {
          g('commit', '-q', '--allow-empty', '-m', t);
          g('tag', t);
          shas[t] = g('rev-parse', 'HEAD');
        }
        g('tag', 'v1', shas['v1.3.0']);
        g('tag', 'v1.3', shas['v1.3.0']);
        g('tag', 'v1.2', shas['v1.2.0']);
        g('push', '-q', 'origin', '--tags');
        const r = spawnSync('bash', ['-e', '-c', runScript(wf, 'Move the major and minor tags')], {
          cwd: work,
          env: {
            ...env,
            GITHUB_REF_NAME: c.tag,
            GITHUB_SHA: shas[c.tag],
            MAJOR: 'v1',
            MINOR: c.tag.replace(/\.\d+$/, ''),
          },
          encoding: 'utf8',
        });
        expect(r.stderr).not.toMatch(/fatal|error/i);
        expect(r.status).toBe(0);
        const remote = (tag: string) =>
          execFileSync('git', ['rev-parse', `${tag}^{commit}`], {
            cwd: join(dir, 'origin.git'),
            env,
            encoding: 'utf8',
          }).trim();
        for (const [floating, target] of Object.entries(c.expected)) expect(remote(floating)).toBe(shas[target]);
      });
    }
  });
});
