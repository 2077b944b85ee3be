// The fan-out merge: collect the legs of this run (artifacts, plus digests given directly) → one digest per planned
// platform, or a clear error → the index under every tag of every image (registry API, no Docker CLI) → read every
// tag back → attest the index once. When the legs did not push (a pull request, push: false) nothing is touched.
import { artifactServiceFrom, collectLegResults } from '../fanout/artifacts.js';
import type { MergePlan } from '../plan/types.js';
import { redact } from '../redact.js';
import { preloadComposeWriter } from '../compose-snippet.js';
import type { MergedLeg, RunResult } from '../result.js';
import { log } from '../runner.js';
import { parseImageRef } from '../registry/image-ref.js';
import { openRegistries } from './registries.js';
import { attestDigest, verifyOrReadBack } from './finish.js';
import { describeTagStates, readTagStates } from './tag-states.js';
import type { FlowEnv } from './types.js';

/** The digest of every planned platform: given digests win over artifacts; a missing platform is an error. */
async function collect(
  plan: MergePlan,
  flow: FlowEnv,
  warnings: string[],
): Promise<{ legs: MergedLeg[]; superseded: number }> {
  const given = plan.legs.given;
  const needArtifacts = plan.platforms.some((p) => !given[p]);
  const found = new Map<string, MergedLeg>();
  let superseded = 0;
  if (needArtifacts) {
    const collected = await collectLegResults(plan.images, {
      workDir: plan.workDir,
      service: artifactServiceFrom(flow.env),
    });
    superseded = collected.superseded.length;
    for (const { result, artifact } of collected.legs) {
      if (!plan.platforms.includes(result.platform)) {
        warnings.push(
          `The leg result for ${result.platform} (artifact ${artifact.name}) is not used: ${result.platform} is not in \`platforms\`.`,
        );
        continue;
      }
      found.set(result.platform, { platform: result.platform, digest: result.digest, source: 'artifact', result });
    }
  }
  for (const [platform, digest] of Object.entries(given)) {
    const leg = found.get(platform);
    if (leg && leg.digest !== digest) {
      warnings.push(`${platform}: the digests input (${digest}) replaces the leg's artifact (${leg.digest}).`);
    }
    found.set(platform, { platform, digest, source: 'digests input' });
  }
  const missing = plan.platforms.filter((p) => !found.has(p));
  if (missing.length) {
    throw new Error(
      `No leg result for ${missing.join(', ')}: the merge needs one per platform of \`platforms\` ` +
        `(found ${[...found.keys()].join(', ') || 'none'}${needArtifacts ? ` in artifacts named ${plan.legs.artifactPrefix}*` : ''}). ` +
        'Check that the build job ran with mode: build for every platform, pushed, and finished before this job ' +
        "(needs:), that the legs' artifacts have not expired (they are kept 1 day), or pass the digests input.",
    );
  }
  return { legs: plan.platforms.map((p) => found.get(p)!), superseded };
}

export async function runMerge(plan: MergePlan, flow: FlowEnv): Promise<RunResult> {
  const { secrets } = flow;
  const result: RunResult = { status: 'success', warnings: [] };
  if (!plan.push) return result;
  // the summary's YAML writer loads while the merge waits on the artifact service and the registries
  preloadComposeWriter();
  // no Docker CLI here: the registry client, and the AWS CLI only for an ECR login
  const { resolveCredentials } = await import('../docker/credentials.js');
  if (plan.logins.some((l) => l.kind === 'ecr')) (await import('../exec.js')).setBaseEnvironment(flow.env);
  const { createIndex, failedTags } = await import('../registry/image-index.js');
  const credentials = await resolveCredentials(plan.logins, secrets);
  const session = openRegistries(credentials, flow.env);
  const registries = await session.get();
  try {
    // the registries' auth round trips happen while the legs are collected, not before the first PUT
    const warm = Promise.all(
      Object.entries(plan.index.repositories).map(([repo, tags]) => {
        const { registry, repository } = parseImageRef(repo);
        return registries.client(registry).warmUp(repository, tags[0] ?? 'latest');
      }),
    );
    const { legs, superseded } = await collect(plan, flow, result.warnings);
    await warm;
    for (const leg of legs) log.info(`${leg.platform}: ${leg.digest} (${leg.source})`);
    const index = await createIndex(
      { legs: legs.map((l) => ({ digest: l.digest, platform: l.platform })), ...plan.index },
      registries,
    );
    result.merge = { digest: index.digest, legs, superseded };
    const failed = failedTags(index);
    if (failed.length) {
      result.partialDigest = index.digest;
      result.tagStates = await readTagStates(plan.verify.tags, index.digest, registries);
      const why = failed.map((t) => `${t.ref}: ${t.error?.message ?? 'failed'}`).join('\n- ');
      throw new Error(
        `The index ${index.digest} could not be put under ${failed.length} of ${index.tags.length} tags:\n- ${why}\n` +
          describeTagStates(result.tagStates, index.digest),
      );
    }
    log.info(`Index ${index.digest} (${index.platforms.join(', ')}) under ${index.tags.length} tag(s)`);
    await verifyOrReadBack(plan.verify.tags, index.digest, plan.verify.platforms, registries, result, secrets);
    await attestDigest(plan.attest, index.digest, { flow, credentials, workDir: plan.workDir, result });
  } catch (e) {
    result.status = 'failure';
    result.error = redact((e as Error).message, secrets);
  } finally {
    await session.close();
  }
  return result;
}
