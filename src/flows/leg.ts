// A fan-out build leg: builder → build this platform → push it by digest (buildx when the builder can; else the
// action pushes buildx's OCI archive through the registry API) → check every repository holds it → hand the
// result to the merge job through the run's artifacts. No tags: the merge puts the index under them.
import { artifactServiceFrom, uploadLegResult } from '../fanout/artifacts.js';
import { LEG_RESULT_SCHEMA, type LegResult } from '../fanout/leg-result.js';
import type { BuildLegPlan } from '../plan/types.js';
import { redact } from '../redact.js';
import type { LegVia, RunResult } from '../result.js';
import { log } from '../runner.js';
import type { RegistrySession } from './registries.js';
import { startDockerSteps } from './docker-steps.js';
import type { FlowEnv } from './types.js';

export async function runLeg(plan: BuildLegPlan, flow: FlowEnv): Promise<RunResult> {
  const { env, secrets } = flow;
  const result: RunResult = { status: 'success', warnings: [], notices: [] };
  const { docker, dockerConfig, builderIO, probes, login, settleBuildxVersion } = await startDockerSteps(
    plan,
    flow,
    result,
  );
  let registries: RegistrySession | undefined;
  try {
    registries = (await login()).registries;
    const builder = await docker.setUpBuilder(plan.builder, builderIO, probes);
    result.builder = builder;
    // buildx 0.13's docker driver answers "push-by-digest is currently not implemented for docker driver"; with the
    // classic image store it cannot export an OCI archive either ("OCI exporter is not supported")
    const via: LegVia =
      !plan.push || builder.pushByDigest ? 'push-by-digest' : builder.containerdStore ? 'oci-layout' : 'docker-save';
    const spec = via === 'push-by-digest' ? plan.build : via === 'oci-layout' ? plan.layout : plan.saved;
    const session = registries;
    result.build = await docker.build({
      onStarted: () => session.prefetch(),
      build: spec,
      push: plan.push && via === 'push-by-digest',
      builderOverride: builder.name,
      dockerConfig,
      secrets,
    });
    if (!plan.push) return result;
    let digest = result.build.digest;
    let pushed: { mediaType?: string; size?: number } = {};
    if (via !== 'push-by-digest') {
      if (via === 'docker-save') {
        await docker.saveImage(plan.saved.image, plan.saved.dest, dockerConfig);
        if (plan.meta.annotations.length) {
          result.notices!.push(
            'The manifest annotations are not on this leg: the docker driver with the classic image store drops them (the index the merge creates carries its own).',
          );
        }
      }
      const { pushOciLayout } = await import('../registry/push.js');
      const source = via === 'oci-layout' ? plan.layout.dest : plan.saved.dest;
      const image = await pushOciLayout(source, plan.build.pushes, await registries.get(), plan.workDir);
      digest = image.digest;
      pushed = { mediaType: image.mediaType, size: image.size };
      log.info(
        `Pushed ${plan.leg.platform} by digest to ${image.repositories.join(', ')}: ${digest} ` +
          `(blobs: ${image.blobs.uploaded} uploaded, ${image.blobs.mounted} mounted, ${image.blobs.exists} already there)`,
      );
    }
    if (!digest) throw new Error('The leg pushed, but no digest is known for what it pushed.');
    result.build = { ...result.build, digest };
    // Every repository must hold the leg's image, or the merge cannot make an index of it there.
    const { verifyPush } = await import('../docker/verify.js');
    await verifyPush(
      plan.build.pushes.map((r) => `${r}@${digest}`),
      digest,
      [plan.leg.platform],
      await registries.get(),
    );
    const leg: LegResult = {
      schema: LEG_RESULT_SCHEMA,
      images: plan.images,
      platform: plan.leg.platform,
      pair: plan.leg.pair,
      digest,
      ...pushed,
      buildSeconds: Math.round(result.build.durationMs / 100) / 10,
      cache: { hits: result.build.steps.cached, steps: result.build.steps.total },
      builder: { name: builder.name, driver: builder.driver },
      runner: plan.leg.runner,
      runAttempt: plan.leg.runAttempt,
    };
    result.leg = { result: leg, via };
    if (plan.leg.artifact) {
      log.startGroup('Hand the leg result to the merge job');
      const uploaded = await uploadLegResult(leg, { workDir: plan.workDir, service: artifactServiceFrom(env) }).finally(
        () => log.endGroup(),
      );
      result.leg.artifact = uploaded.name;
      log.info(`Leg result for ${plan.leg.platform} handed to the merge job as artifact ${uploaded.name}`);
    }
  } catch (e) {
    result.status = 'failure';
    result.error = redact((e as Error).message, secrets);
  } finally {
    await registries?.close();
    await settleBuildxVersion();
  }
  return result;
}
