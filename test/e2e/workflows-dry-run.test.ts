// The repository's publish workflows, parsed, and the bundled action run in dry-run with exactly the inputs each job
// passes, job after job as GitHub would run them, for a push to master and for a pull request: the one-job example
// model, and the MLflow fan-out — prepare's matrix output becomes the legs (each leg's inputs resolved with its
// matrix entry), then the merge.
import { describe, expect, it } from 'vitest';
import { event, SHA } from '../fixtures/events.js';
import { jobInputs, resolveExpressions, stepContext, thinWorkflowInputs } from '../unit/workflow-inputs.js';
import { runAction, type JobRun } from './helpers/action.js';

const REPO = 'octo-org/publish-image';
const SHORT = SHA.slice(0, 7);
const MLFLOW = '.github/workflows/mlflow-image-publish.yml';
const MLFLOW_IMAGE = `ghcr.io/${REPO}/mlflow`;
// one clock for every job of the simulated run, so the legs' labels and the merge's can be compared whole
const SOURCE_DATE_EPOCH = '1767225600';

type EventName = 'push' | 'pull_request';

function runJob(inputs: Record<string, string>, eventName: EventName): Promise<JobRun> {
  const pr = eventName === 'pull_request';
  return runAction({
    inputs: { ...inputs, 'dry-run': 'true' },
    event: event(pr ? 'pull-request' : 'push-master'),
    eventName,
    ref: pr ? 'refs/pull/42/merge' : 'refs/heads/master',
    repository: REPO,
    env: { SOURCE_DATE_EPOCH },
  });
}

function ok(job: JobRun): JobRun['main'] {
  expect(job.main.stderr).toBe('');
  expect(job.main.code, job.main.stdout).toBe(0);
  return job.main;
}

/** The line after "Dry run: would run": the exact buildx command. */
const buildCommand = (stdout: string) => stdout.split('\n').find((l) => l.includes('docker buildx build')) ?? '';

interface FanoutCase {
  name: string;
  eventName: EventName;
  expected: {
    tagNames: string[];
    /** what the legs' buildx writes: the push-by-digest output, or nothing (build only) */
    legOutput: string | undefined;
    /** the merge's dry-run line, or its notice when there is nothing to merge */
    merge: string;
  };
}

const fanoutCases: FanoutCase[] = [
  {
    name: 'a push to master: each leg pushes its platform by digest; the merge puts both under master, latest, master-<sha7>',
    eventName: 'push',
    expected: {
      tagNames: ['master', 'latest', `master-${SHORT}`],
      legOutput: `--output type=image,name=${MLFLOW_IMAGE},push-by-digest=true,name-canonical=true,push=true`,
      merge: `Merge: one index of linux/amd64, linux/arm64 under ${MLFLOW_IMAGE}:master,latest,master-${SHORT}`,
    },
  },
  {
    name: 'pull request 42: the legs build only; the merge says there is nothing to merge',
    eventName: 'pull_request',
    // the sha rule also applies on a pull request, where {{branch}} is empty: its prefix is just the separator,
    // which a tag cannot start with
    expected: {
      tagNames: ['pr-42', SHORT],
      legOutput: undefined,
      merge: '::notice::Nothing to merge: the legs did not push (push: false), so there is no index to create.',
    },
  },
];

describe('the MLflow fan-out, job by job, in dry-run with its exact inputs', () => {
  for (const c of fanoutCases) {
    it(c.name, async () => {
      const ctx = stepContext(MLFLOW, { 'github.repository': REPO, 'github.event_name': c.eventName });

      // prepare: mode matrix → strategy.matrix of the build job
      const prepare = ok(await runJob(resolveExpressions(jobInputs(MLFLOW, 'prepare'), ctx), c.eventName));
      const matrix = JSON.parse(prepare.outputs.matrix) as { include: Record<string, string>[] };
      expect(matrix).toEqual({
        include: [
          { platform: 'linux/amd64', runner: 'ubuntu-24.04', pair: 'linux-amd64' },
          { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', pair: 'linux-arm64' },
        ],
      });

      // build: one leg per matrix entry, each with its own runs-on and platform
      const legs = await Promise.all(
        matrix.include.map(async (entry) => {
          const legCtx = { ...ctx, ...Object.fromEntries(Object.entries(entry).map(([k, v]) => [`matrix.${k}`, v])) };
          const inputs = resolveExpressions(jobInputs(MLFLOW, 'build'), legCtx);
          expect(resolveExpressions({ 'runs-on': '${{ matrix.runner }}' }, legCtx)['runs-on']).toBe(entry.runner);
          return { entry, inputs, main: ok(await runJob(inputs, c.eventName)) };
        }),
      );
      for (const { entry, inputs, main } of legs) {
        expect(inputs.platforms).toBe(entry.platform);
        const command = buildCommand(main.stdout);
        expect(command).toContain(`--platform ${entry.platform} `);
        expect(command).not.toMatch(/ --tag | --push /);
        if (c.expected.legOutput) expect(command).toContain(c.expected.legOutput);
        else expect(command).not.toContain('--output');
        // no tags on a leg, but the same metadata as the merge: its version is in the labels
        expect(main.outputs['tag-names'].split('\n')).toEqual(c.expected.tagNames);
      }

      // merge: every platform of the matrix under every tag
      const merge = ok(await runJob(resolveExpressions(jobInputs(MLFLOW, 'merge'), ctx), c.eventName));
      expect(merge.stdout.split('\n')).toContain(c.expected.merge);
      expect(merge.outputs['tag-names'].split('\n')).toEqual(c.expected.tagNames);
      expect(merge.outputs.tags.split('\n')).toEqual(c.expected.tagNames.map((t) => `${MLFLOW_IMAGE}:${t}`));
      for (const leg of legs) {
        expect(leg.main.outputs.labels, leg.entry.platform).toBe(merge.outputs.labels);
        expect(leg.main.outputs.annotations, leg.entry.platform).toBe(merge.outputs.annotations);
      }
      expect(merge.outputs.labels).toContain(`org.opencontainers.image.version=${c.expected.tagNames[0]}`);
    });
  }
});

describe('the example model workflow, in dry-run with its exact inputs', () => {
  it('a push to master: the default rules give the branch tag; pushed', async () => {
    const inputs = resolveExpressions(thinWorkflowInputs('.github/workflows/docker-publish.yml'), {
      'github.repository': REPO,
      'github.event_name': 'push',
    });
    const main = ok(await runJob(inputs, 'push'));
    expect(main.outputs['tag-names'].split('\n')).toEqual(['master']);
    expect(main.outputs.tags.split('\n')).toEqual([`ghcr.io/${REPO}:master`]);
    const command = buildCommand(main.stdout);
    expect(command).toContain(`--tag ghcr.io/${REPO}:master`);
    expect(command).toContain(' --push ');
    expect(command).toContain('--file examplemodel/Dockerfile');
  });
});
