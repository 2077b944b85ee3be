// The job summary of the fan-out modes: the matrix, one leg, and the merge with a row per leg.
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/summary.js';
import type { Inputs } from '../../src/inputs/index.js';
import type { RunResult } from '../../src/result.js';
import type { LegResult } from '../../src/fanout/leg-result.js';
import { context, inputs, planOf } from './helpers.js';

const IMAGE = 'ghcr.io/octo-org/mlflow';
const AMD = `sha256:${'a1'.repeat(32)}`;
const ARM = `sha256:${'b2'.repeat(32)}`;
const INDEX = `sha256:${'c3'.repeat(32)}`;

const fan = (mode: Inputs['fanout']['mode'], platforms = ['linux/amd64', 'linux/arm64']) =>
  inputs({
    meta: { images: [IMAGE], tags: ['type=ref,event=branch', 'type=sha'], flavor: [], labels: [], annotations: [] },
    platforms: platforms.map((p) => ({ os: p.split('/')[0], arch: p.split('/')[1] })),
    fanout: { mode, runners: {}, digests: {} },
  });

const legResult = (platform: string, digest: string, runner: string, seconds: number): LegResult => ({
  schema: 1,
  images: [IMAGE],
  platform,
  pair: platform.replace('/', '-'),
  digest,
  buildSeconds: seconds,
  cache: { hits: 4, steps: 6 },
  builder: { name: 'default', driver: 'docker' },
  runner: { name: runner, os: 'Linux', arch: platform.endsWith('arm64') ? 'ARM64' : 'X64' },
  runAttempt: 1,
});

describe('summary of the fan-out modes', () => {
  it('matrix: a row per leg with its runner', async () => {
    const md = await renderSummary(planOf(fan('matrix'), context()), { status: 'success', warnings: [] });
    await expect(md).toMatchFileSnapshot('./__golden__/summary-matrix.md');
  });

  it('build leg: pushed by digest through the registry API, the artifact for the merge', async () => {
    const plan = planOf(fan('build', ['linux/arm64']), context());
    if (plan.mode !== 'build') throw new Error('expected a leg plan');
    const result: RunResult = {
      status: 'success',
      warnings: [],
      build: { digest: ARM, metadata: {}, durationMs: 41_200, steps: { total: 6, cached: 4 }, attempts: 1 },
      builder: {
        name: 'default',
        driver: 'docker',
        buildxVersion: '0.13.1',
        buildkitVersion: 'v0.13.2',
        created: false,
      },
      leg: {
        result: legResult('linux/arm64', ARM, 'GitHub Actions 7', 41.2),
        via: 'oci-layout',
        artifact: plan.leg.artifact,
      },
    };
    await expect(await renderSummary(plan, result)).toMatchFileSnapshot('./__golden__/summary-leg.md');
  });

  it('merge: the index digest and a row per leg (platform, runner, digest, build time, cache hits)', async () => {
    const plan = planOf(fan('merge'), context());
    const result: RunResult = {
      status: 'success',
      warnings: [],
      merge: {
        digest: INDEX,
        legs: [
          {
            platform: 'linux/amd64',
            digest: AMD,
            source: 'artifact',
            result: legResult('linux/amd64', AMD, 'GitHub Actions 3', 38.4),
          },
          { platform: 'linux/arm64', digest: ARM, source: 'digests input' },
        ],
        superseded: 1,
      },
      verify: {
        tags: [`${IMAGE}:master`, `${IMAGE}:sha-860c190`].map((ref) => ({ ref, digest: INDEX })),
        platforms: ['linux/amd64', 'linux/arm64'],
      },
    };
    const md = await renderSummary(plan, result);
    await expect(md).toMatchFileSnapshot('./__golden__/summary-merge.md');
    expect(md).toContain(`| \`linux/amd64\` | \`GitHub Actions 3\` | \`${AMD}\` | 38s | 4 of 6 | leg result |`);
  });

  it('merge when the legs did not push: says so, touches nothing', async () => {
    const plan = planOf(fan('merge'), context('pull-request-fork'));
    const md = await renderSummary(plan, { status: 'success', warnings: [] });
    expect(md.split('\n')[0]).toBe(`## ⏭️ Nothing to merge: \`${IMAGE}\``);
    expect(md).toContain('Nothing to merge: the legs did not push');
  });

  it('a label with a right-to-left override is shown escaped in the dry-run', async () => {
    const i = fan('publish');
    const plan = planOf(
      { ...i, meta: { ...i.meta, labels: ['org.example.note=safe\u202Egnp.exe'] }, dryRun: true },
      context(),
    );
    const md = await renderSummary(plan, { status: 'dry-run', warnings: [] });
    expect(md).toContain('"org.example.note=safe\\u202egnp.exe"');
    expect(md).not.toContain('\u202E');
  });
});
