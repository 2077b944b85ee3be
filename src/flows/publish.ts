// The publish flow's order: Docker config → builder probes (started at once, they need no login) → logins →
// builder → build and push → read back → attest. Each step is an effect that executes what the plan decided; this
// module knows the order and what each step hands to the next. A push that fails part-way is followed by a
// read-back of every planned tag, so the error, the outputs and the summary say exactly which tags moved.
import type { PublishPlan } from '../plan/types.js';
import type { RunResult } from '../result.js';
import { redact } from '../redact.js';
import { preloadComposeWriter } from '../compose-snippet.js';
import { log } from '../runner.js';
import type { FlowEnv } from './types.js';
import { describeTagStates, readTagStates } from './tag-states.js';
import type { RegistrySession } from './registries.js';
import { startDockerSteps } from './docker-steps.js';
import { attestDigest, verifyOrReadBack } from './finish.js';

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
          preloadComposeWriter();
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
      const verified = await verifyOrReadBack(
        refs,
        digest,
        plan.verify.platforms,
        await registries.get(),
        result,
        secrets,
      );
      log.info(`Verified ${verified.tags.length} tag(s) → ${digest}`);
    }
    if (digest) await attestDigest(plan.attest, digest, { flow, credentials, workDir: plan.workDir, result });
  } catch (e) {
    result.status = 'failure';
    result.error = redact((e as Error).message, secrets);
  } finally {
    await registries?.close();
    await settleBuildxVersion();
  }
  return result;
}
