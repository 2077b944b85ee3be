// The publish flow's order: Docker config → builder probes (started at once, they need no login) → logins →
// builder → build and push → read back → attest. Each step is an effect that executes what the plan decided; this
// module knows the order and what each step hands to the next. A push that fails part-way is followed by a
// read-back of every planned tag, so the error, the outputs and the summary say exactly which tags moved.
import type { PublishPlan } from '../plan/types.js';
import type { RunResult } from '../result.js';
import { redact } from '../redact.js';
import { log } from '../runner.js';
import type { FlowEnv } from './types.js';
import { describeTagStates, readTagStates } from './tag-states.js';
import type { RegistrySession } from './registries.js';
import { startDockerSteps } from './docker-steps.js';

export async function runPublish(plan: PublishPlan, flow: FlowEnv): Promise<RunResult> {
  const { secrets } = flow;
  const result: RunResult = { status: 'success', warnings: [], notices: [] };
  const { docker, dockerConfig, builderIO, probes, login, settleBuildxVersion } = await startDockerSteps(
    plan,
    flow,
    result,
  );
  let registries: RegistrySession | undefined;
  try {
    // an input the runner's buildx cannot honour fails before any login
    if (plan.build.call) docker.checkCallSupported(plan.build.call, (await probes.version).version);
    const session = await login();
    registries = session.registries;
    const { credentials } = session;
    result.builder = await docker.setUpBuilder(plan.builder, builderIO, probes);
    try {
      const session = registries;
      result.build = await docker.build({
        // while buildx runs: load what comes after it (the registry client, the summary's yaml), off the user's path
        onStarted: () => {
          session.prefetch();
          void import('yaml').catch(() => undefined);
        },
        build: plan.build,
        push: plan.push,
        builderOverride: result.builder.name,
        dockerConfig,
        secrets,
      });
    } catch (e) {
      // Nothing exported (a failing step, a Dockerfile error): nothing can have been pushed.
      if (!(e instanceof docker.BuildError) || !e.exportedDigest || !plan.push || !plan.verify) throw e;
      // Which tags did the failed push move? Read them all back and say so.
      result.partialDigest = e.exportedDigest;
      result.tagStates = await readTagStates(plan.verify.tags, e.exportedDigest, await registries.get());
      throw new Error(`${e.message}\n${describeTagStates(result.tagStates, e.exportedDigest)}`);
    }
    const digest = result.build.digest;
    if (plan.verify && digest) {
      const refs = plan.verify.byDigest?.map((r) => `${r}@${digest}`) ?? plan.verify.tags;
      try {
        const { verifyPush } = await import('../docker/verify.js');
        result.verify = await verifyPush(refs, digest, plan.verify.platforms, await registries.get());
      } catch (e) {
        result.verifyError = redact((e as Error).message, secrets);
        result.tagStates = await readTagStates(refs, digest, await registries.get());
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
    await registries?.close();
    await settleBuildxVersion();
  }
  return result;
}
