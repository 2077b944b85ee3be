// The repository's two thin workflows, parsed, and the bundled action run in dry-run with exactly the inputs each
// passes: the tags they would publish on a push to master and on a pull request.
import { describe, expect, it } from 'vitest';
import { event, SHA } from '../fixtures/events.js';
import { resolveExpressions, thinWorkflowInputs } from '../unit/workflow-inputs.js';
import { runAction } from './helpers/action.js';

const REPO = 'octo-org/publish-image';
const SHORT = SHA.slice(0, 7);

interface WorkflowCase {
  name: string;
  workflow: string;
  eventName: 'push' | 'pull_request';
  expected: { tagNames: string[]; image: string; push: boolean; platforms?: string };
}

const cases: WorkflowCase[] = [
  {
    name: 'MLflow on a push to master: master, latest, master-<sha7>; pushed for both platforms',
    workflow: '.github/workflows/mlflow-image-publish.yml',
    eventName: 'push',
    expected: {
      tagNames: ['master', 'latest', `master-${SHORT}`],
      image: `ghcr.io/${REPO}/mlflow`,
      push: true,
      platforms: 'linux/amd64,linux/arm64',
    },
  },
  {
    name: 'MLflow on pull request 42: pr-42 and no push',
    workflow: '.github/workflows/mlflow-image-publish.yml',
    eventName: 'pull_request',
    expected: { tagNames: ['pr-42'], image: `ghcr.io/${REPO}/mlflow`, push: false },
  },
  {
    name: 'example model on a push to master: the default rules give the branch tag',
    workflow: '.github/workflows/docker-publish.yml',
    eventName: 'push',
    expected: { tagNames: ['master'], image: `ghcr.io/${REPO}`, push: true },
  },
];

describe('thin workflows, dry-run with their exact inputs', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const inputs = resolveExpressions(thinWorkflowInputs(c.workflow), {
        'github.repository': REPO,
        'github.event_name': c.eventName,
      });
      const pr = c.eventName === 'pull_request';
      const job = await runAction({
        inputs: { ...inputs, 'dry-run': 'true' },
        event: event(pr ? 'pull-request' : 'push-master'),
        eventName: c.eventName,
        ref: pr ? 'refs/pull/42/merge' : 'refs/heads/master',
        repository: REPO,
      });
      expect(job.main.stderr).toBe('');
      expect(job.main.code).toBe(0);
      const names = job.main.outputs['tag-names'].split('\n');
      if (pr) {
        // the sha rule also applies on a PR ({{branch}} is empty there): pr-42 leads, nothing is pushed
        expect(names[0]).toBe('pr-42');
        expect(names).not.toContain('latest');
      } else {
        expect(names).toEqual(c.expected.tagNames);
      }
      expect(job.main.outputs.tags.split('\n').every((t) => t.startsWith(`${c.expected.image}:`))).toBe(true);
      const command = job.main.stdout.split('\n').find((l) => l.includes('docker buildx build')) ?? '';
      expect(command.includes('--push')).toBe(c.expected.push);
      if (c.expected.platforms) expect(command).toContain(`--platform ${c.expected.platforms}`);
    });
  }
});
