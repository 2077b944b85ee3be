// dist/index.js under Node 24 as a runner runs it, dry-run: outputs, summary, exit codes for good and bad inputs.
import { describe, expect, it } from 'vitest';
import { event, SHA } from '../fixtures/events.js';
import { startGitHubApiDouble } from '../doubles/github-api.js';
import { everything, runAction, type RunnerEnv } from './helpers/action.js';

const MLFLOW_TAGS = [
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=sha,prefix={{branch}}-',
  'type=raw,value=latest,enable={{is_default_branch}}',
].join('\n');

// A build context with a Dockerfile: the action checks the context before it plans.
const HELLO = 'test/fixtures/contexts/hello';

const pushMaster = (inputs: Record<string, string>): RunnerEnv => ({
  inputs: { 'dry-run': 'true', context: HELLO, ...inputs },
  event: event('push-master'),
  eventName: 'push',
  ref: 'refs/heads/master',
  env: { SOURCE_DATE_EPOCH: '1767225600' },
});

describe('dry-run', () => {
  it('computes the MLflow rules on master: outputs, the buildx command, a summary, no Docker', async () => {
    const job = await runAction(
      pushMaster({
        images: 'ghcr.io/octo-org/publish-image/mlflow',
        tags: MLFLOW_TAGS,
        platforms: 'linux/amd64,linux/arm64',
        file: 'test/fixtures/contexts/hello/Dockerfile',
        context: 'test/fixtures/contexts/hello',
      }),
    );
    expect(job.main.stderr).toBe('');
    expect(job.main.code).toBe(0);
    const o = job.main.outputs;
    expect(o.tags.split('\n')).toEqual([
      // priority order: ref (600), raw (200), sha (100)
      'ghcr.io/octo-org/publish-image/mlflow:master',
      'ghcr.io/octo-org/publish-image/mlflow:latest',
      `ghcr.io/octo-org/publish-image/mlflow:master-${SHA.slice(0, 7)}`,
    ]);
    expect(o['tag-names'].split('\n')).toEqual(['master', 'latest', `master-${SHA.slice(0, 7)}`]);
    expect(o.version).toBe('master');
    expect(o.labels.split('\n')).toEqual(
      expect.arrayContaining([
        'org.opencontainers.image.title=publish-image',
        'org.opencontainers.image.description=One step to publish a container image',
        'org.opencontainers.image.url=https://github.com/octo-org/publish-image',
        'org.opencontainers.image.source=https://github.com/octo-org/publish-image',
        'org.opencontainers.image.version=master',
        'org.opencontainers.image.created=2026-01-01T00:00:00.000Z',
        `org.opencontainers.image.revision=${SHA}`,
        'org.opencontainers.image.licenses=MIT',
      ]),
    );
    expect(o.annotations.split('\n')).toContain('manifest:org.opencontainers.image.version=master');
    expect(JSON.parse(o.json).tags).toHaveLength(3);
    expect(job.main.stdout).toContain('docker buildx build');
    expect(job.main.stdout).toContain('--platform linux/amd64,linux/arm64');
    expect(job.main.summary).toContain('mlflow:master');
    // No Docker: no DOCKER_CONFIG was created, so nothing for post to clean up.
    expect(job.main.state.dockerConfig).toBeUndefined();
    expect(job.main.outputs.digest).toBeUndefined();
  });

  it('tags a pull request pr-<n> and plans no push', async () => {
    const job = await runAction({
      inputs: {
        'dry-run': 'true',
        context: HELLO,
        images: 'ghcr.io/octo-org/publish-image/mlflow',
        tags: MLFLOW_TAGS,
        push: 'false',
      },
      event: event('pull-request'),
      eventName: 'pull_request',
      ref: 'refs/pull/42/merge',
    });
    expect(job.main.code).toBe(0);
    expect(job.main.outputs['tag-names'].split('\n')[0]).toBe('pr-42');
    expect(job.main.stdout).not.toContain('--push');
  });

  it('builds only, with a notice, for a pull request from a fork', async () => {
    const job = await runAction({
      inputs: { 'dry-run': 'true', context: HELLO },
      event: event('pull-request-fork'),
      eventName: 'pull_request',
      ref: 'refs/pull/42/merge',
    });
    expect(job.main.code).toBe(0);
    expect(job.main.stdout).toMatch(
      /::notice[^\n]*Build only: pull request #42 comes from the fork forker\/publish-image/,
    );
    expect(job.main.stdout).not.toContain('--push');
  });

  it('uses the default image ghcr.io/<owner>/<repo> lower-cased and the default rules', async () => {
    const job = await runAction({
      inputs: { 'dry-run': 'true', context: HELLO },
      event: event('push-tag'),
      eventName: 'push',
      ref: 'refs/tags/v1.2.3',
      repository: 'Octo-Org/Publish-Image',
    });
    expect(job.main.code).toBe(0);
    // the default rules give the tag name; latest=auto adds latest for a tag push
    expect(job.main.outputs.tags.split('\n')).toEqual([
      'ghcr.io/octo-org/publish-image:v1.2.3',
      'ghcr.io/octo-org/publish-image:latest',
    ]);
  });

  it('loads the SemVer and PEP 440 parsers on demand for a tag push', async () => {
    const job = await runAction({
      inputs: {
        'dry-run': 'true',
        context: HELLO,
        images: 'ghcr.io/octo-org/app',
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=pep440,pattern=py{{major}}',
      },
      event: event('push-tag'),
      eventName: 'push',
      ref: 'refs/tags/v1.2.3',
    });
    expect(job.main.stderr).toBe('');
    expect(job.main.code).toBe(0);
    expect(job.main.outputs['tag-names'].split('\n')).toEqual(['1.2.3', '1.2', 'py1', 'latest']);
    expect(job.main.outputs.version).toBe('1.2.3');
  });

  it('plans the GitHub cache when the runtime offers one', async () => {
    const job = await runAction(pushMaster({ images: '127.0.0.1:5000/octo/app' }));
    expect(job.main.code).toBe(0);
    expect(job.main.stdout).toContain('No GitHub cache');
    const withCache = await runAction({
      ...pushMaster({ images: '127.0.0.1:5000/octo/app', platforms: 'linux/amd64' }),
      env: { ACTIONS_CACHE_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: 'x.y.z' },
    });
    expect(withCache.main.stdout).toContain('--cache-from type=gha,scope=octo-app-linux-amd64');
    expect(withCache.main.stdout).toContain(
      '--cache-to type=gha,mode=max,scope=octo-app-linux-amd64,ignore-error=true',
    );
  });
});

describe('repository metadata', () => {
  const bare = () => {
    const e = event('workflow-dispatch');
    delete e.repository;
    return e;
  };

  it('comes from the REST API when the payload lacks it (default branch, description, url, license)', async () => {
    const gh = await startGitHubApiDouble({ repository: 'octo-org/app', repo: { default_branch: 'trunk' } });
    try {
      const job = await runAction({
        inputs: {
          'dry-run': 'true',
          context: HELLO,
          images: 'ghcr.io/octo-org/app',
          tags: 'type=raw,value=latest,enable={{is_default_branch}}\ntype=ref,event=branch',
        },
        event: bare(),
        eventName: 'workflow_dispatch',
        ref: 'refs/heads/trunk',
        repository: 'octo-org/app',
        env: gh.env(),
      });
      expect(job.main.code, job.main.stdout).toBe(0);
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/octo-org/app']);
      expect(gh.requests[0].hasAuth).toBe(true);
      expect(job.main.outputs['tag-names'].split('\n')).toEqual(['trunk', 'latest']);
      expect(job.main.outputs.labels).toContain(
        'org.opencontainers.image.description=A model image published with publish-image',
      );
      expect(job.main.outputs.labels).toContain('org.opencontainers.image.licenses=MIT');
    } finally {
      await gh.close();
    }
  });

  it('is left out with a warning when neither the payload nor the API has it', async () => {
    const job = await runAction({
      inputs: { 'dry-run': 'true', context: HELLO, images: 'ghcr.io/octo-org/app' },
      event: bare(),
      eventName: 'workflow_dispatch',
      ref: 'refs/heads/main',
      repository: 'octo-org/app',
    });
    expect(job.main.code).toBe(0);
    expect(job.main.stdout).toMatch(/::warning::Repository metadata for octo-org\/app is unavailable/);
    expect(job.main.outputs.labels).toContain('org.opencontainers.image.title=app');
    expect(job.main.outputs.labels).not.toContain('org.opencontainers.image.licenses=MIT');
  });
});

interface BadInputCase {
  name: string;
  inputs: Record<string, string>;
  /** the input the error must name */
  input: string;
  /** a fragment of the expected form the error must show */
  expected: string;
}

const badInputs: BadInputCase[] = [
  { name: 'unknown tag type', inputs: { tags: 'type=banana' }, input: 'tags', expected: 'type=' },
  { name: 'semver without a pattern', inputs: { tags: 'type=semver' }, input: 'tags', expected: 'pattern' },
  { name: 'enable=maybe', inputs: { tags: 'type=ref,event=branch,enable=maybe' }, input: 'tags', expected: 'true' },
  {
    // containerd accepts any os/arch pair (linux/amd65 too); it refuses characters outside [A-Za-z0-9_-]
    name: 'platform linux/amd64!',
    inputs: { platforms: 'linux/amd64,linux/amd64!' },
    input: 'platforms',
    expected: 'linux/arm64',
  },
  { name: 'push: sometimes', inputs: { push: 'sometimes' }, input: 'push', expected: 'true or false' },
  { name: 'image name with spaces', inputs: { images: 'ghcr.io/octo org/app' }, input: 'images', expected: 'ghcr.io' },
  { name: 'missing context', inputs: { context: 'no/such/dir' }, input: 'context', expected: 'directory' },
  {
    name: 'missing Dockerfile',
    inputs: { file: 'no/such/Dockerfile' },
    input: 'file',
    expected: 'the path of a Dockerfile (a regular file)',
  },
  {
    name: 'file is a directory',
    inputs: { file: 'test/fixtures/contexts/multiarch' },
    input: 'file',
    expected: 'the path of a Dockerfile (a regular file)',
  },
  {
    name: 'username without password for Docker Hub',
    inputs: { images: 'docker.io/octo/app', registry: 'docker.io', username: 'octo', password: '' },
    input: 'password',
    expected: 'which has no default password',
  },
  {
    name: 'cache-to with gha mode=maximum',
    inputs: { 'cache-to': 'type=gha,mode=maximum' },
    input: 'cache-to',
    expected: 'mode=min',
  },
  {
    name: 'a template typo in a semver rule, on a branch push',
    inputs: { tags: 'type=semver,pattern={{versoin}}' },
    input: 'tags',
    expected: 'versoin',
  },
  {
    name: 'context without a Dockerfile',
    inputs: { context: 'test/fixtures' },
    input: 'context',
    expected: 'set `file`',
  },
  { name: 'bad network', inputs: { network: 'bridge' }, input: 'network', expected: 'host' },
];

describe('bad inputs: one ::error:: naming the input and the expected form, exit 1, nothing done', () => {
  for (const c of badInputs) {
    it(c.name, async () => {
      const inputs = { password: 'hunter2-secret-pw', ...c.inputs, 'dry-run': 'false' };
      const job = await runAction(pushMaster(inputs));
      expect(job.main.code).toBe(1);
      const errors = job.main.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`"${c.input}"`);
      expect(errors[0]).toContain(c.expected);
      expect(job.main.outputs).toEqual({});
      expect(job.main.state.dockerConfig).toBeUndefined();
      expect(everything(job)).not.toContain('hunter2-secret-pw');
      if (inputs.password) expect(job.main.stdout).toContain(`::add-mask::${inputs.password}`);
    });
  }
});
