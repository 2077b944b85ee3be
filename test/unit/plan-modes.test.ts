// The fan-out plan shapes: matrix (runner per platform), build (one leg, pushed by digest), merge (the index under
// every tag). Same metadata in every mode.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { BuildLegPlan, MatrixPlan, MergePlan, Plan } from '../../src/plan/index.js';
import { defaultRunner } from '../../src/plan/fanout.js';
import { parseOutput } from '../../src/buildx/outputs.js';
import { legArtifactPrefix, platformPair } from '../../src/fanout/naming.js';
import { context, inputs, planOf } from './helpers.js';
import type { Inputs } from '../../src/inputs/index.js';

const AMD64 = { os: 'linux', arch: 'amd64' };
const ARM64 = { os: 'linux', arch: 'arm64' };
const META = {
  images: ['ghcr.io/octo-org/app', '127.0.0.1:5000/octo/app'],
  tags: ['type=ref,event=branch', 'type=sha'],
  flavor: [],
  labels: [],
  annotations: [],
};

function fanout(mode: Inputs['fanout']['mode'], over: Partial<Inputs> = {}, fan: Partial<Inputs['fanout']> = {}) {
  return inputs({ meta: META, platforms: [AMD64, ARM64], fanout: { mode, runners: {}, digests: {}, ...fan }, ...over });
}

function modePlan<M extends Plan['mode']>(
  mode: M,
  i: Inputs,
  ctx = context('push-master'),
): Extract<Plan, { mode: M }> {
  const p = planOf(i, ctx);
  if (p.mode !== mode) throw new Error(`expected mode ${mode}, got ${p.mode}`);
  return p as Extract<Plan, { mode: M }>;
}

const argvHas = (argv: string[], ...pair: string[]) => argv.some((_, i) => pair.every((x, k) => argv[i + k] === x));

describe('mode: matrix', () => {
  it('one entry per platform: native arm runners for linux/arm*, x64 for the rest', () => {
    const p: MatrixPlan = modePlan(
      'matrix',
      fanout('matrix', { platforms: [AMD64, ARM64, { os: 'linux', arch: 'arm', variant: 'v7' }] }),
    );
    expect(p.matrix).toEqual([
      { platform: 'linux/amd64', runner: 'ubuntu-24.04', pair: 'linux-amd64' },
      { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', pair: 'linux-arm64' },
      { platform: 'linux/arm/v7', runner: 'ubuntu-24.04-arm', pair: 'linux-arm-v7' },
    ]);
    expect(p.push).toBe(false);
    expect(p.logins).toEqual([]);
  });

  it('the runners map overrides the default for self-hosted or larger runners', () => {
    const p = modePlan(
      'matrix',
      fanout('matrix', {}, { runners: { 'linux/arm64': 'my-arm-pool', 'linux/amd64': ['self-hosted', 'x64'] } }),
    );
    expect(p.matrix.map((e) => e.runner)).toEqual([['self-hosted', 'x64'], 'my-arm-pool']);
  });

  it('a runners map naming a platform not in platforms is an input error', () => {
    expect(() => planOf(fanout('matrix', {}, { runners: { 'linux/s390x': 'big' } }), context())).toThrow(
      new InputError('runners', 'linux/s390x', 'platforms listed in `platforms` (linux/amd64, linux/arm64)'),
    );
  });

  it('no platforms is an input error', () => {
    expect(() => planOf(fanout('matrix', { platforms: [] }), context())).toThrow(
      new InputError(
        'platforms',
        '',
        'the platforms to build, one leg each, e.g. linux/amd64,linux/arm64, with mode: matrix',
      ),
    );
  });

  it('computes the same metadata outputs as a publish', () => {
    const m = modePlan('matrix', fanout('matrix'));
    const p = modePlan('publish', fanout('publish'));
    expect(m.outputs.tags).toBe(p.outputs.tags);
    expect(m.meta.labels).toEqual(p.meta.labels);
  });
});

describe('mode: build (one leg)', () => {
  const leg = (over: Partial<Inputs> = {}, ctx = context('push-master')): BuildLegPlan =>
    modePlan('build', fanout('build', { platforms: [ARM64], ...over }), ctx);

  it('pushes by digest to every image repository, no tags', () => {
    const p = leg();
    expect(p.build.argv).not.toContain('--tag');
    expect(
      argvHas(
        p.build.argv,
        '--output',
        'type=image,"name=ghcr.io/octo-org/app,127.0.0.1:5000/octo/app",push-by-digest=true,name-canonical=true,push=true',
      ),
    ).toBe(true);
    expect(argvHas(p.build.argv, '--platform', 'linux/arm64')).toBe(true);
    expect(p.build.pushes).toEqual(['ghcr.io/octo-org/app', '127.0.0.1:5000/octo/app']);
  });

  it('the docker-driver fallback builds an OCI archive under the work dir', () => {
    const p = leg();
    expect(p.layout.dest).toBe('/runner/temp/publish-image-99/leg-linux-arm64.tar');
    expect(argvHas(p.layout.argv, '--output', 'type=oci,dest=/runner/temp/publish-image-99/leg-linux-arm64.tar')).toBe(
      true,
    );
    expect(p.layout.argv.filter((a) => a === '--label')).toHaveLength(p.meta.labels.length);
  });

  it('labels and only the manifest-level annotations go on the leg', () => {
    const p = leg();
    const annotations = p.build.argv.filter((_, i) => p.build.argv[i - 1] === '--annotation');
    expect(annotations).toEqual([
      'manifest:org.opencontainers.image.created=2026-01-01T00:00:00.000Z',
      'manifest:org.opencontainers.image.description=An app',
      'manifest:org.opencontainers.image.licenses=MIT',
      'manifest:org.opencontainers.image.revision=860c1904a1ce19322e91ac35af1ab07466440c37',
      'manifest:org.opencontainers.image.source=https://github.com/octo-org/app',
      'manifest:org.opencontainers.image.title=app',
      'manifest:org.opencontainers.image.url=https://github.com/octo-org/app',
      'manifest:org.opencontainers.image.version=master',
    ]);
    expect(annotations.every((a) => a.startsWith('manifest:'))).toBe(true);
    expect(p.meta.annotations.some((a) => a.startsWith('index:'))).toBe(true);
  });

  it('the GitHub cache is scoped to the image and the leg platform', () => {
    const p = leg(
      {},
      context('push-master', {
        runtime: { ...context().runtime, cache: { kind: 'v1', url: 'http://127.0.0.1:1/', tokenIsJwt: true } },
      }),
    );
    expect(argvHas(p.build.argv, '--cache-from', 'type=gha,scope=octo-org-app-linux-arm64')).toBe(true);
  });

  it('names the artifact after the image set and the platform', () => {
    const p = leg();
    expect(p.leg).toEqual({
      platform: 'linux/arm64',
      pair: 'linux-arm64',
      artifact: `${legArtifactPrefix(p.images)}linux-arm64_attempt-1`,
      runAttempt: 1,
      runner: { name: 'GitHub Actions 2', os: 'Linux', arch: 'X64' },
    });
  });

  it('a fork pull request: build only, no push, no artifact', () => {
    const p = leg({}, context('pull-request-fork'));
    expect(p.push).toBe(false);
    expect(p.leg.artifact).toBeUndefined();
    expect(p.build.argv.join(' ')).not.toContain('push-by-digest');
    expect(p.logins).toEqual([]);
  });

  it('load: true is an input error', () => {
    expect(() => leg({ load: true })).toThrow(
      new InputError('load', 'true', 'false with mode: build (a leg pushes its image by digest)'),
    );
  });

  it('a leg with two platforms is an input error: one leg per platform', () => {
    expect(() => leg({ platforms: [AMD64, ARM64] })).toThrow(
      new InputError(
        'platforms',
        'linux/amd64,linux/arm64',
        'one platform with mode: build — each leg builds one platform on its own runner (mode: matrix gives one leg per platform)',
      ),
    );
  });

  it('a leg with no platform is an input error', () => {
    expect(() => leg({ platforms: [] })).toThrow(
      new InputError('platforms', '', "the leg's platform, e.g. platforms: ${{ matrix.platform }}, with mode: build"),
    );
  });

  it('needs no tag rule that gives a tag: legs push by digest', () => {
    const p = leg({ meta: { ...META, tags: ['type=ref,event=tag'] } });
    expect(p.meta.tags).toEqual([]);
    expect(p.push).toBe(true);
  });
});

describe('mode: merge', () => {
  const merge = (
    over: Partial<Inputs> = {},
    fan: Partial<Inputs['fanout']> = {},
    ctx = context('push-master'),
  ): MergePlan => modePlan('merge', fanout('merge', over, fan), ctx);

  it('puts the index under every tag of every repository, with the index-level annotations', () => {
    const p = merge();
    expect(p.index.repositories).toEqual({
      'ghcr.io/octo-org/app': ['master', 'sha-860c190'],
      '127.0.0.1:5000/octo/app': ['master', 'sha-860c190'],
    });
    expect(p.index.annotations['org.opencontainers.image.revision']).toBe(
      p.meta.labels.find((l) => l.startsWith('org.opencontainers.image.revision='))!.split('=')[1],
    );
    expect(p.verify).toEqual({ tags: p.meta.tags, platforms: ['linux/amd64', 'linux/arm64'] });
    expect(p.attest).toMatchObject({ enabled: true, subjects: ['ghcr.io/octo-org/app', '127.0.0.1:5000/octo/app'] });
  });

  it('collects the legs of the same image set as the build legs name them', () => {
    const p = merge();
    const l = modePlan('build', fanout('build', { platforms: [ARM64] }));
    expect(l.leg.artifact!.startsWith(p.legs.artifactPrefix)).toBe(true);
    const other = modePlan('merge', fanout('merge', { meta: { ...META, images: ['ghcr.io/octo-org/other'] } }));
    expect(l.leg.artifact!.startsWith(other.legs.artifactPrefix)).toBe(false);
  });

  it('digests given directly are kept per platform', () => {
    const d = `sha256:${'ab'.repeat(32)}`;
    expect(merge({}, { digests: { 'linux/arm64': d } }).legs.given).toEqual({ 'linux/arm64': d });
  });

  it('a digest for a platform not in platforms is an input error', () => {
    const d = `sha256:${'ab'.repeat(32)}`;
    expect(() => merge({}, { digests: { 'linux/s390x': d } })).toThrow(
      new InputError('digests', `linux/s390x=${d}`, 'platforms listed in `platforms` (linux/amd64, linux/arm64)'),
    );
  });

  it('when the legs did not push (a pull request from a fork): a notice, nothing to log in to', () => {
    const p = merge({}, {}, context('pull-request-fork'));
    expect(p.push).toBe(false);
    expect(p.logins).toEqual([]);
    expect(p.notices.join('\n')).toMatch(
      /Nothing to merge: the legs did not push \(pull request #42 comes from the fork/,
    );
  });

  it('DOCKER_METADATA_ANNOTATIONS_LEVELS, when set, decides the levels in every mode', () => {
    const ctx = context('push-master', { annotationLevelsGiven: true });
    expect(merge({}, {}, ctx).index.annotations).toEqual({});
  });
});

describe('names', () => {
  it('pairs are safe in names', () => {
    expect(platformPair('linux/arm/v7')).toBe('linux-arm-v7');
    expect(defaultRunner('linux/riscv64')).toBe('ubuntu-24.04');
  });

  it('the artifact prefix is stable and differs per image set, whatever the order', () => {
    const a = legArtifactPrefix(['ghcr.io/o/app', 'docker.io/o/app']);
    expect(legArtifactPrefix(['docker.io/o/app', 'ghcr.io/o/app'])).toBe(a);
    expect(legArtifactPrefix(['ghcr.io/o/app'])).not.toBe(a);
    expect(a).toMatch(/^publish-image-leg_o-app_[0-9a-f]{12}_$/);
  });
});

describe('{{defaultContext}} (build-push-action)', () => {
  const SHA = context().sha;
  it('is this repository at this commit as a Git context, with a subdirectory, and the token as GIT_AUTH_TOKEN', () => {
    const p = modePlan('publish', inputs({ context: '{{defaultContext}}:api' }));
    expect(p.build.argv.at(-1)).toBe(`https://github.com/octo-org/app.git#${SHA}:api`);
    expect(argvHas(p.build.argv, '--secret', 'id=GIT_AUTH_TOKEN.github.com,env=PUBLISH_IMAGE_GIT_AUTH_TOKEN')).toBe(
      true,
    );
    expect(p.build.env).toEqual({ PUBLISH_IMAGE_GIT_AUTH_TOKEN: 'ghs_token' });
  });

  it('a pull request builds its merge commit, or its head with DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF', () => {
    const pr = context('pull-request');
    const head = pr.payload.pull_request!.head!.sha;
    expect(modePlan('publish', inputs({ context: '{{ defaultContext }}' }), pr).build.argv.at(-1)).toBe(
      `https://github.com/octo-org/app.git#${pr.sha}`,
    );
    expect(
      modePlan('publish', inputs({ context: '{{defaultContext}}' }), { ...pr, prHeadRef: true }).build.argv.at(-1),
    ).toBe(`https://github.com/octo-org/app.git#${head}`);
  });

  it('an explicit GIT_AUTH_TOKEN secret wins over the github-token', () => {
    const p = modePlan(
      'publish',
      inputs({ context: '{{defaultContext}}', secrets: [{ id: 'GIT_AUTH_TOKEN', value: 'pat' }] }),
    );
    expect(p.build.argv.join(' ')).not.toContain('GIT_AUTH_TOKEN.github.com');
  });

  it('a path context gets no Git secret', () => {
    const p = modePlan('publish', inputs({ context: './api' }));
    expect(p.build.argv.join(' ')).not.toContain('GIT_AUTH_TOKEN');
    expect(p.build.argv.at(-1)).toBe('./api');
  });
});

describe('build-args with the computed metadata', () => {
  it('VERSION={{version}} is the version the tags get, as steps.meta.outputs.version was', () => {
    const p = modePlan(
      'publish',
      inputs({ meta: META, buildArgs: ['VERSION={{version}}', 'REV={{sha}}', 'RAW=a{b}c'] }),
    );
    const args = p.build.argv.filter((_, i) => p.build.argv[i - 1] === '--build-arg');
    expect(args).toEqual(['VERSION=master', `REV=${context().sha.slice(0, 7)}`, 'RAW=a{b}c']);
  });

  it('a template typo in a build arg is an input error before anything runs', () => {
    expect(() => planOf(inputs({ buildArgs: ['VERSION={{versoin}}'] }), context())).toThrow(/"build-args"/);
  });
});

describe('outputs and push as build-push-action means them', () => {
  const publish = (outputs: string[], push?: boolean) =>
    modePlan('publish', inputs({ meta: META, outputs: outputs.map((o) => parseOutput(o)), push }));

  it('an output that names its image decides where it goes: no computed tag is passed as --tag', () => {
    const p = publish([
      'type=image,name=ghcr.io/immich-app/immich-server,push-by-digest=true,name-canonical=true,push=true',
    ]);
    expect(p.build.argv).not.toContain('--tag');
    expect(p.build.argv).not.toContain('--push');
    expect(p.logins.map((l) => (l.kind === 'password' ? l.credential.registry : l.registry))).toEqual(['ghcr.io']);
    expect(p.attest.subjects).toEqual(['ghcr.io/immich-app/immich-server']);
    expect(p.verify).toEqual({
      tags: [],
      platforms: [],
      byDigest: ['ghcr.io/immich-app/immich-server'],
    });
  });

  it('push: true together with outputs passes both --output and --push', () => {
    const p = publish(['type=image,name=ghcr.io/o/a'], true);
    expect(argvHas(p.build.argv, '--output', 'type=image,name=ghcr.io/o/a')).toBe(true);
    expect(p.build.argv).toContain('--push');
    expect(p.push).toBe(true);
  });

  it('an output with push=false plans no login and no attestation', () => {
    const p = publish(['type=image,name=ghcr.io/o/a,push=false']);
    expect(p.push).toBe(false);
    expect(p.logins).toEqual([]);
    expect(p.attest.enabled).toBe(false);
    expect(p.verify).toBeUndefined();
  });

  it('an output without a name keeps the computed tags', () => {
    const p = publish(['type=registry']);
    expect(argvHas(p.build.argv, '--tag', 'ghcr.io/octo-org/app:master')).toBe(true);
    expect(p.verify?.tags).toContain('ghcr.io/octo-org/app:master');
  });
});

describe('inputs of the replaced actions that are accepted and ignored', () => {
  it('their notices come first in the plan, in every mode', () => {
    const notice = 'bake-target ignored: this action builds with docker buildx build, not bake.';
    for (const mode of ['publish', 'matrix', 'build', 'merge'] as const) {
      const i = fanout(mode, { compat: { notices: [notice] }, platforms: mode === 'build' ? [ARM64] : [AMD64, ARM64] });
      expect(planOf(i, context()).notices[0]).toBe(notice);
    }
  });
});
