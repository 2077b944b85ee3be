// The fan-out modes: `matrix` (which runner builds which platform), `build` (one leg: its platform, pushed by
// digest) and `merge` (the index from every leg, under every tag). They share the publish plan's metadata, logins
// and cache rules, so a leg's labels and the merge's tags come from the same computation.
import type { Context } from '../context.js';
import { InputError } from '../errors.js';
import type { Inputs } from '../inputs/index.js';
import { legArtifactName, legArtifactPrefix, platformPair } from '../fanout/naming.js';
import { repositoryName } from '../registry/image-ref.js';
import { planAttest } from './attest.js';
import { buildArgv, buildEnv, buildSource, indexAnnotations, manifestAnnotations } from './build-argv.js';
import { planBuildBuilder } from './builder.js';
import { cacheNotices, planCache } from './cache.js';
import type { BuildLegPlan, MatrixEntry, MatrixPlan, MergePlan, PlanBase } from './types.js';

/** GitHub's hosted runners: native arm64 for linux/arm*, x64 for everything else (emulated when it is not x64). */
export function defaultRunner(platform: string): string {
  return platform.startsWith('linux/arm') ? 'ubuntu-24.04-arm' : 'ubuntu-24.04';
}

function requirePlatforms(base: PlanBase, mode: string, expected: string): void {
  if (base.platforms.length === 0) throw new InputError('platforms', '', `${expected} with mode: ${mode}`);
}

export function planMatrix(inputs: Inputs, base: PlanBase): MatrixPlan {
  requirePlatforms(base, 'matrix', 'the platforms to build, one leg each, e.g. linux/amd64,linux/arm64,');
  const runners = inputs.fanout.runners;
  for (const platform of Object.keys(runners)) {
    if (!base.platforms.includes(platform)) {
      throw new InputError('runners', platform, `platforms listed in \`platforms\` (${base.platforms.join(', ')})`);
    }
  }
  const matrix: MatrixEntry[] = base.platforms.map((platform) => {
    const runner = runners[platform];
    return {
      platform,
      runner: runner ?? defaultRunner(platform),
      pair: platformPair(platform),
    };
  });
  return { ...base, mode: 'matrix', matrix };
}

export function planBuildLeg(inputs: Inputs, ctx: Context, base: PlanBase, createName: string): BuildLegPlan {
  requirePlatforms(base, 'build', "the leg's platform, e.g. platforms: ${{ matrix.platform }},");
  if (base.platforms.length > 1) {
    throw new InputError(
      'platforms',
      base.platforms.join(','),
      'one platform with mode: build — each leg builds one platform on its own runner (mode: matrix gives one leg per platform)',
    );
  }
  const platform = base.platforms[0];
  if (inputs.load) throw new InputError('load', 'true', 'false with mode: build (a leg pushes its image by digest)');
  if (inputs.outputs.length) {
    throw new InputError(
      'outputs',
      inputs.outputs.map((o) => o.value).join('\n'),
      'no outputs with mode: build (a leg pushes by digest)',
    );
  }
  const { meta, platforms, push, workDir } = base;
  const cache = planCache({ from: inputs.cacheFrom, to: inputs.cacheTo }, ctx, base.images[0], platforms);
  base.notices.push(...cacheNotices(cache));
  if (push && !ctx.runtime.artifacts) {
    // GitHub Enterprise Server, act without --artifact-server-path: the leg still pushes; the merge needs its digest
    base.notices.push(
      `No artifact service in this job (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN${ctx.runtime.act ? '; act needs --artifact-server-path' : ''}): ` +
        "this leg's result is not handed on; pass its `digest` output to the merge's `digests` input (platform=digest).",
    );
  }
  const repositories = [...new Set(meta.images.map(repositoryName))];
  const files = { metadataFile: `${workDir}/metadata.json`, iidFile: `${workDir}/iid.txt` };
  const dest = `${workDir}/leg-${platformPair(platform)}.tar`;
  // a local name for the classic-store path, unique per job and process; it never reaches a registry
  const savedImage = `publish-image-leg/${platformPair(platform)}:${ctx.runtime.instance.toLowerCase()}`;
  const source = buildSource(inputs, ctx);
  const parts = {
    source,
    platforms,
    tags: [],
    labels: meta.labels,
    annotations: manifestAnnotations(meta.annotations),
    cache,
    ...files,
  };
  // buildx's CSV reader: a field with commas (several names) is quoted
  const names = repositories.length > 1 ? `"name=${repositories.join(',')}"` : `name=${repositories[0]}`;
  const native = push ? ['--output', `type=image,${names},push-by-digest=true,name-canonical=true,push=true`] : [];
  const env = buildEnv(inputs, source);
  const builder = planBuildBuilder(
    inputs.builderSetup,
    { workDir, createName, platforms, cache, pushByDigest: push },
    base.notices,
  );
  return {
    ...base,
    mode: 'build',
    builder,
    build: { argv: buildArgv(inputs, { ...parts, output: native }), env, ...files, pushes: push ? repositories : [] },
    layout: {
      argv: buildArgv(inputs, { ...parts, output: push ? ['--output', `type=oci,dest=${dest}`] : [] }),
      env,
      ...files,
      pushes: push ? repositories : [],
      dest,
    },
    saved: {
      argv: buildArgv(inputs, { ...parts, tags: [savedImage], output: push ? ['--load'] : [] }),
      env,
      ...files,
      pushes: push ? repositories : [],
      image: savedImage,
      dest: `${workDir}/leg-${platformPair(platform)}-saved.tar`,
    },
    cache,
    leg: {
      platform,
      pair: platformPair(platform),
      artifact: push && ctx.runtime.artifacts ? legArtifactName(meta.images, platform, ctx.runAttempt) : undefined,
      runAttempt: ctx.runAttempt,
      runner: ctx.runtime.runner,
    },
  };
}

export function planMerge(inputs: Inputs, ctx: Context, base: PlanBase): MergePlan {
  requirePlatforms(base, 'merge', 'the platforms the legs built (the same list as for mode: matrix),');
  const given = inputs.fanout.digests;
  for (const platform of Object.keys(given)) {
    if (!base.platforms.includes(platform)) {
      throw new InputError(
        'digests',
        `${platform}=${given[platform]}`,
        `platforms listed in \`platforms\` (${base.platforms.join(', ')})`,
      );
    }
  }
  const { meta, push } = base;
  const repositories: Record<string, string[]> = {};
  for (const image of meta.images) repositories[repositoryName(image)] = meta.tagNames;
  if (!push) {
    base.notices.push(
      `Nothing to merge: the legs did not push (${base.noPushReason ?? 'push: false'}), so there is no index to create.`,
    );
  }
  return {
    ...base,
    mode: 'merge',
    legs: { artifactPrefix: legArtifactPrefix(meta.images), given },
    index: { repositories, annotations: indexAnnotations(meta.annotations) },
    attest: planAttest(inputs, ctx, push, meta.images, base.notices),
    verify: { tags: meta.tags, platforms: base.platforms },
  };
}
