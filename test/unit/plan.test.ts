import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseOutput } from '../../src/buildx/outputs.js';
import { cacheScope, secretEnvName, type Plan, type PublishPlan } from '../../src/plan/index.js';
import { context, inputs, NO_BUILDER_INPUTS, planOf, runtime } from './helpers.js';
import type { Context } from '../../src/context.js';
import type { Inputs } from '../../src/inputs/index.js';

interface PlanCase {
  name: string;
  context: Context;
  inputs: Inputs;
  expected: (p: PublishPlan) => void;
}

/** The plan of a publish run (the default mode). */
function publishPlan(i: Inputs, ctx: Context): PublishPlan {
  const p: Plan = planOf(i, ctx);
  if (p.mode !== 'publish') throw new Error(`expected a publish plan, got mode ${p.mode}`);
  return p;
}

const argvHas = (p: PublishPlan, ...pair: string[]) => {
  const i = p.build.argv.findIndex((a, idx) => pair.every((x, k) => p.build.argv[idx + k] === x));
  return i >= 0;
};

const cases: PlanCase[] = [
  {
    name: 'push on master: logs in to ghcr.io with the actor and github-token, pushes, attests',
    context: context('push-master'),
    inputs: inputs(),
    expected: (p) => {
      expect(p.push).toBe(true);
      expect(p.logins).toEqual([
        {
          kind: 'password',
          credential: { registry: 'ghcr.io', username: 'octocat', password: 'ghs_token', source: 'github-token' },
        },
      ]);
      expect(p.build.argv).toContain('--push');
      expect(p.attest).toMatchObject({ enabled: true, subjects: ['ghcr.io/octo-org/app'], pushToRegistry: true });
      expect(p.verify).toEqual({ tags: ['ghcr.io/octo-org/app:master'], platforms: [] });
    },
  },
  {
    name: 'fork PR: build only, no login, no attestation, a notice saying why',
    context: context('pull-request-fork'),
    inputs: inputs(),
    expected: (p) => {
      expect(p.push).toBe(false);
      expect(p.logins).toEqual([]);
      expect(p.build.argv).not.toContain('--push');
      expect(p.attest.enabled).toBe(false);
      expect(p.notices.join('\n')).toMatch(/fork forker\/publish-image/);
    },
  },
  {
    name: 'fork PR with push: true explicitly: still build only, as a warning',
    context: context('pull-request-fork'),
    inputs: inputs({ push: true }),
    expected: (p) => {
      expect(p.push).toBe(false);
      expect(p.warnings.join('\n')).toMatch(/push: true ignored/);
    },
  },
  {
    name: 'same-repo PR pushes by default',
    context: context('pull-request'),
    inputs: inputs(),
    expected: (p) => expect(p.push).toBe(true),
  },
  {
    name: 'no cache service: no gha cache and the reason',
    context: context('push-master'),
    inputs: inputs(),
    expected: (p) => {
      expect(p.cache.source).toBe('none');
      expect(p.build.argv.join(' ')).not.toContain('type=gha');
      expect(p.notices.join('\n')).toMatch(/No GitHub cache/);
    },
  },
  {
    name: 'cache service v1: gha cache scoped per image and platforms',
    context: context('push-master', {
      runtime: runtime({
        act: false,
        oidc: true,
        cache: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: true },
        runnerTemp: '/t',
      }),
    }),
    inputs: inputs({
      platforms: [
        { os: 'linux', arch: 'amd64' },
        { os: 'linux', arch: 'arm64' },
      ],
    }),
    expected: (p) => {
      expect(argvHas(p, '--cache-from', 'type=gha,scope=octo-org-app-linux-amd64-linux-arm64')).toBe(true);
      expect(
        argvHas(p, '--cache-to', 'type=gha,mode=max,scope=octo-org-app-linux-amd64-linux-arm64,ignore-error=true'),
      ).toBe(true);
      expect(argvHas(p, '--platform', 'linux/amd64,linux/arm64')).toBe(true);
    },
  },
  {
    name: 'a cache token that is not a JWT outside act: no gha cache, and why',
    context: context('push-master', {
      runtime: runtime({
        act: false,
        oidc: true,
        cache: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: false },
        runnerTemp: '/t',
      }),
    }),
    inputs: inputs(),
    expected: (p) => {
      expect(p.cache).toMatchObject({ source: 'none', reason: expect.stringMatching(/not a JWT/) });
      expect(p.build.argv.join(' ')).not.toContain('type=gha');
    },
  },
  {
    name: 'under act too, a cache token that is not a JWT means no GitHub cache (act hands out a JWT since 0.2.63)',
    context: context('push-master', {
      runtime: runtime({
        act: true,
        oidc: false,
        cache: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: false },
        runnerTemp: '/t',
      }),
    }),
    inputs: inputs(),
    expected: (p) => {
      expect(p.cache).toEqual({
        source: 'none',
        from: [],
        to: [],
        reason: "ACTIONS_RUNTIME_TOKEN is not a JWT, which BuildKit's GitHub cache client requires",
      });
      expect(p.notices).toContain(
        'Build-provenance attestation skipped: this run has no OIDC token; act offers no OIDC token, so runs under act cannot attest.',
      );
    },
  },
  {
    name: 'explicit cache-from/cache-to replace the default',
    context: context('push-master', {
      runtime: runtime({
        act: false,
        oidc: true,
        cache: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: true },
        runnerTemp: '/t',
      }),
    }),
    inputs: inputs({ cacheFrom: ['type=registry,ref=ghcr.io/o/a:cache'], cacheTo: [] }),
    expected: (p) => {
      expect(p.cache.source).toBe('inputs');
      expect(p.build.argv.join(' ')).not.toContain('type=gha');
      expect(argvHas(p, '--cache-from', 'type=registry,ref=ghcr.io/o/a:cache')).toBe(true);
    },
  },
  {
    name: 'build secrets travel as env vars, never in argv',
    context: context('push-master'),
    inputs: inputs({ secrets: [{ id: 'NPM_TOKEN', value: 's3cr3t-value' }] }),
    expected: (p) => {
      expect(argvHas(p, '--secret', `id=NPM_TOKEN,env=${secretEnvName(0)}`)).toBe(true);
      expect(p.build.argv.join(' ')).not.toContain('s3cr3t-value');
      expect(p.build.env).toEqual({ [secretEnvName(0)]: 's3cr3t-value' });
    },
  },
  {
    name: 'no OIDC token with attest auto: skipped with a notice naming the permission',
    context: context('push-master', {
      runtime: runtime({ act: false, oidc: false, cache: { kind: 'none' }, runnerTemp: '/t' }),
    }),
    inputs: inputs(),
    expected: (p) => {
      expect(p.attest.enabled).toBe(false);
      expect(p.notices.join('\n')).toMatch(/id-token: write/);
    },
  },
  {
    name: 'provenance defaults to false (no unknown/unknown entries); an explicit value passes through',
    context: context('push-master'),
    inputs: inputs({ provenance: 'mode=max' }),
    expected: (p) => expect(argvHas(p, '--provenance', 'mode=max')).toBe(true),
  },
  {
    name: 'registry-auth adds logins; a registry without credentials gets a notice',
    context: context('push-master'),
    inputs: inputs({
      meta: {
        images: ['ghcr.io/octo-org/app', 'docker.io/octo/app', 'quay.io/octo/app'],
        tags: [],
        flavor: [],
        labels: [],
        annotations: [],
      },
      login: {
        ecr: 'auto',
        notices: [],
        logout: true,
        registryAuth: [{ registry: 'docker.io', username: 'octo', password: 'dh', ecr: 'auto' }],
      },
    }),
    expected: (p) => {
      expect(p.logins.map((l) => (l.kind === 'password' ? l.credential.registry : l.registry))).toEqual([
        'ghcr.io',
        'docker.io',
      ]);
      expect(p.notices.join('\n')).toMatch(/No credentials for quay\.io/);
    },
  },
  {
    name: 'a loopback registry without a password: no login, no notice',
    context: context('push-master'),
    inputs: inputs({
      meta: { images: ['127.0.0.1:5000/octo/app'], tags: [], flavor: [], labels: [], annotations: [] },
    }),
    expected: (p) => {
      expect(p.logins).toEqual([]);
      expect(p.notices.join('\n')).not.toMatch(/No credentials/);
    },
  },
  {
    name: 'build-push-action flags map one to one: target, network, no-cache, pull, sbom, load, build-args, builder',
    context: context('push-master'),
    inputs: inputs({
      target: 'runtime',
      network: 'host',
      noCache: true,
      pull: true,
      sbom: 'true',
      load: true,
      buildArgs: ['A=1', 'B=two words'],
      builderSetup: { ...NO_BUILDER_INPUTS, name: 'mybuilder' },
    }),
    expected: (p) => {
      expect(argvHas(p, '--target', 'runtime')).toBe(true);
      expect(argvHas(p, '--network', 'host')).toBe(true);
      expect(argvHas(p, '--sbom', 'true')).toBe(true);
      expect(argvHas(p, '--build-arg', 'B=two words')).toBe(true);
      expect(argvHas(p, '--builder', 'mybuilder')).toBe(true);
      expect(p.build.argv).toEqual(expect.arrayContaining(['--no-cache', '--pull', '--load', '--push']));
    },
  },
  {
    name: 'every tag, label and annotation becomes its own flag',
    context: context('push-master'),
    inputs: inputs({
      meta: {
        images: ['ghcr.io/octo-org/app'],
        tags: ['type=ref,event=branch', 'type=sha'],
        flavor: [],
        labels: ['org.example.team=ml'],
        annotations: [],
      },
    }),
    expected: (p) => {
      expect(p.build.argv.filter((a) => a === '--tag')).toHaveLength(p.meta.tags.length);
      expect(argvHas(p, '--tag', 'ghcr.io/octo-org/app:master')).toBe(true);
      expect(argvHas(p, '--label', 'org.example.team=ml')).toBe(true);
      expect(p.build.argv.filter((a) => a === '--annotation')).toHaveLength(p.meta.annotations.length);
    },
  },
  {
    name: 'outputs replace push/load and skip verification',
    context: context('push-master'),
    inputs: inputs({ outputs: [parseOutput('type=oci,dest=/tmp/x.tar')] }),
    expected: (p) => {
      expect(p.build.argv).not.toContain('--push');
      expect(argvHas(p, '--output', 'type=oci,dest=/tmp/x.tar')).toBe(true);
      expect(p.verify).toBeUndefined();
    },
  },
  {
    name: 'metadata and iid files live in the run directory under RUNNER_TEMP; the context comes last',
    context: context('push-master'),
    inputs: inputs({ context: './examplemodel', file: 'examplemodel/Dockerfile' }),
    expected: (p) => {
      expect(argvHas(p, '--metadata-file', '/runner/temp/publish-image-99/metadata.json')).toBe(true);
      expect(argvHas(p, '--file', 'examplemodel/Dockerfile')).toBe(true);
      expect(p.build.argv.at(-1)).toBe('./examplemodel');
    },
  },
];

describe('plan', () => {
  for (const c of cases) it(c.name, () => c.expected(publishPlan(c.inputs, c.context)));

  it('attest: true without an OIDC token is an input error naming the permission', () => {
    const ctx = context('push-master', {
      runtime: runtime({ act: false, oidc: false, cache: { kind: 'none' }, runnerTemp: '/t' }),
    });
    expect(() => planOf(inputs({ attest: 'on' }), ctx)).toThrow(
      new InputError(
        'attest',
        'true',
        'a runtime with an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL): add `permissions: id-token: write` and `attestations: write` to the job',
      ),
    );
  });

  it('push with rules that give no tag is an input error on "tags"', () => {
    expect(() =>
      planOf(
        inputs({
          meta: { images: ['ghcr.io/o/a'], tags: ['type=ref,event=tag'], flavor: [], labels: [], annotations: [] },
        }),
        context('push-master'),
      ),
    ).toThrow(
      new InputError(
        'tags',
        'type=ref,event=tag',
        'rules that give at least one tag for this push when push is true (or push: false)',
      ),
    );
  });

  it('is pure: the same inputs give the same plan', () => {
    expect(planOf(inputs(), context())).toEqual(planOf(inputs(), context()));
  });
});

describe('cacheScope', () => {
  it('drops the registry host and joins platforms', () => {
    expect(cacheScope('ghcr.io/Octo/App/mlflow', ['linux/amd64', 'linux/arm64'])).toBe(
      'octo-app-mlflow-linux-amd64-linux-arm64',
    );
    expect(cacheScope('127.0.0.1:5000/a/b', [])).toBe('a-b');
  });
});
