// The publish flow's order: Docker config → logins → builder → build and push → read back → attest. Each step is
// an effect module that executes what the plan decided; this module only knows the order and what each step
// hands to the next.
import type { PublishPlan } from '../plan/types.js';
import type { RunResult } from '../result.js';
import { redact } from '../redact.js';
import { log, saveState } from '../runner.js';
import type { FlowEnv } from './types.js';
import { STATE } from '../post.js';

export async function runPublish(plan: PublishPlan, { env, secrets, githubToken }: FlowEnv): Promise<RunResult> {
  const result: RunResult = { status: 'success', warnings: [] };
  const docker = await import('../docker/effects.js');
  const dockerConfig = docker.createDockerConfig(plan.workDir, plan.userDockerConfig);
  // Saved before the first credential is written, so the post step cleans up whatever happens next.
  saveState(env, STATE.dockerConfig, dockerConfig);
  saveState(env, STATE.logout, String(plan.logout));
  try {
    const credentials = await docker.login(plan.logins, dockerConfig, secrets);
    saveState(env, STATE.registries, credentials.map((c) => c.registry).join(','));
    result.builder = await docker.prepareBuilder(
      {
        ...plan.builder,
        platforms: plan.platforms,
        dockerConfig,
        onCreated: (name) => saveState(env, STATE.builder, name),
      },
      result.warnings,
    );
    result.build = await docker.build({
      build: plan.build,
      push: plan.push,
      builderOverride: result.builder.created ? result.builder.name : undefined,
      dockerConfig,
      secrets,
    });
    const digest = result.build.digest;
    if (plan.verify && digest) {
      result.verify = await docker.verifyPush(plan.verify.tags, digest, plan.verify.platforms, credentials);
      log.info(`Verified ${result.verify.tags.length} tag(s) → ${digest}`);
    }
    if (plan.attest.enabled && digest) {
      const { attestImages } = await import('../attest.js');
      const attestation = await attestImages({
        subjects: plan.attest.subjects.map((name) => ({ name, digest })),
        githubToken,
        pushToRegistry: plan.attest.pushToRegistry,
        credentials,
        bundleDir: plan.workDir,
        sigstore: plan.attest.sigstore,
        urlBase: plan.attest.urlBase,
      });
      result.attestation = attestation;
      result.warnings.push(...attestation.warnings);
    }
  } catch (e) {
    result.status = 'failure';
    result.error = redact((e as Error).message, secrets);
  }
  return result;
}
