// The publish flow's order: Docker config → builder probes (started at once, they need no login) → logins →
// builder → build and push → read back → attest. Each step is an effect that executes what the plan decided; this
// module knows the order and what each step hands to the next. A push that fails part-way is followed by a
// read-back of every planned tag, so the error, the outputs and the summary say exactly which tags moved.
import type { PublishPlan } from '../plan/types.js';
import type { RunResult } from '../result.js';
import { redact } from '../redact.js';
import { log, saveState } from '../runner.js';
import { STATE } from '../post.js';
import type { FlowEnv } from './types.js';
import { describeTagStates, readTagStates } from './tag-states.js';
import { openRegistries } from './registries.js';

export async function runPublish(plan: PublishPlan, flow: FlowEnv): Promise<RunResult> {
  const { env, secrets } = flow;
  const result: RunResult = { status: 'success', warnings: [], notices: [] };
  const docker = await import('../docker/effects.js');
  docker.setBaseEnvironment(env);
  const dockerConfig = docker.createDockerConfig(plan.workDir, plan.userDockerConfig);
  // Saved before the first credential is written, so the post step cleans up whatever happens next.
  saveState(env, STATE.dockerConfig, dockerConfig);
  saveState(env, STATE.logout, String(plan.logout));
  const builderIO = {
    dockerConfig,
    env,
    onCleanup: (state: string) => saveState(env, STATE.builder, state),
    warnings: result.warnings,
    notices: result.notices!,
  };
  const probes = docker.startBuilderProbes(builderIO);
  // an input the runner's buildx cannot honour fails before any login
  if (plan.build.call) docker.checkCallSupported(plan.build.call, (await probes.version).version);
  const credentials = await docker.resolveCredentials(plan.logins, secrets);
  const registries = openRegistries(credentials, env);
  try {
    saveState(env, STATE.registries, credentials.map((c) => c.registry).join(','));
    await docker.login(credentials, dockerConfig, secrets);
    result.builder = await docker.setUpBuilder(plan.builder, builderIO, probes);
    try {
      result.build = await docker.build({
        build: plan.build,
        push: plan.push,
        builderOverride: result.builder.name,
        dockerConfig,
        secrets,
      });
    } catch (e) {
      if (!(e instanceof docker.BuildError) || !plan.push || !plan.verify) throw e;
      // Which tags did the failed push move? Read them all back and say so.
      result.partialDigest = e.exportedDigest;
      result.tagStates = await readTagStates(plan.verify.tags, e.exportedDigest, registries);
      throw new Error(`${e.message}\n${describeTagStates(result.tagStates, e.exportedDigest)}`);
    }
    const digest = result.build.digest;
    if (plan.verify && digest) {
      const refs = plan.verify.byDigest?.map((r) => `${r}@${digest}`) ?? plan.verify.tags;
      try {
        result.verify = await docker.verifyPush(refs, digest, plan.verify.platforms, registries);
      } catch (e) {
        result.verifyError = redact((e as Error).message, secrets);
        result.tagStates = await readTagStates(refs, digest, registries);
        throw e;
      }
      log.info(`Verified ${result.verify.tags.length} tag(s) → ${digest}`);
    }
    if (plan.attest.enabled && digest) {
      const { attestImages } = await import('../attest.js');
      const attestation = await attestImages({
        subjects: plan.attest.subjects.map((name) => ({ name, digest })),
        githubToken: flow.githubToken,
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
  } finally {
    await registries.close();
  }
  return result;
}
