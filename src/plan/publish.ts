// `mode: publish` — every platform built on this runner, the tags pushed, read back and attested.
import type { Context } from '../context.js';
import { outputArgv } from '../buildx/outputs.js';
import type { Inputs } from '../inputs/index.js';
import { planAttest } from './attest.js';
import { buildArgv, buildEnv, buildSource } from './build-argv.js';
import { planBuildBuilder } from './builder.js';
import { cacheNotices, planCache } from './cache.js';
import type { PushTargets } from './push-targets.js';
import type { PlanBase, PublishPlan } from './types.js';

export function planPublish(
  inputs: Inputs,
  ctx: Context,
  base: PlanBase,
  createName: string,
  targets: PushTargets,
): PublishPlan {
  const { meta, platforms, push, workDir } = base;
  const cache = planCache({ from: inputs.cacheFrom, to: inputs.cacheTo }, ctx, base.images[0], platforms);
  base.notices.push(...cacheNotices(cache));
  const attest = planAttest(inputs, ctx, push, targets.repositories, base.notices);
  const files = { metadataFile: `${workDir}/metadata.json`, iidFile: `${workDir}/iid.txt` };
  const source = buildSource(inputs, ctx);
  // build-push-action's semantics: with outputs, --push only when push: true is given (it then pushes every image
  // output, push=false ones included); --load whenever load: true
  const output = outputArgv(inputs.outputs, { push: targets.pushFlag, load: inputs.load });
  const builder = planBuildBuilder(inputs.builderSetup, { workDir, createName, platforms, cache }, base.notices);
  return {
    ...base,
    mode: 'publish',
    load: inputs.load,
    builder,
    build: {
      argv: buildArgv(inputs, {
        platforms,
        tags: targets.tagFlags,
        labels: meta.labels,
        annotations: meta.annotations,
        cache,
        output,
        source,
        ...files,
      }),
      env: buildEnv(inputs, source),
      call: inputs.call,
      ...files,
      pushes: targets.refs,
    },
    cache,
    attest,
    // a push by digest writes no tag: the digest itself is read back in each repository (once it is known)
    verify: push
      ? targets.byDigest
        ? { tags: [], platforms, byDigest: targets.repositories }
        : { tags: targets.refs, platforms }
      : undefined,
  };
}
