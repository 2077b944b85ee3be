// The main step: read → plan → effects → report. The only place that knows the order of the effects; each
// effect module is imported when it is reached, so a dry-run never loads the Docker or attestation code.
import { existsSync, statSync } from 'node:fs';
import { readContext, type Context } from './context.js';
import { readInputs, type Inputs } from './inputs/index.js';
import { loadVersionParsers, parseTagRules } from './meta/index.js';
import { InputError } from './errors.js';
import { plan as makePlan, type PublishPlan } from './plan/index.js';
import { STATE } from './post.js';
import { printArgv } from './argv.js';
import { renderSummary } from './summary.js';
import { redact } from './redact.js';
import type { RunResult } from './result.js';
import { appendSummary, log, saveState, setOutput, type Env } from './runner.js';

/** Every secret value this run knows, for redaction. */
function secretValues(inputs: Inputs): string[] {
  return [
    inputs.password ?? '',
    inputs.githubToken,
    ...inputs.registryAuth.map((a) => a.password),
    ...inputs.secrets.map((s) => s.value),
  ].filter(Boolean);
}

const isRemoteContext = (c: string) => /^(https?:\/\/|git@|github\.com\/|[a-z]+:\/\/)/.test(c) || c === '-';

/** Paths are checked before anything runs, so a typo is an input error, not a Docker failure. */
function checkPaths(inputs: Inputs): void {
  if (isRemoteContext(inputs.context)) return;
  if (!(existsSync(inputs.context) && statSync(inputs.context).isDirectory())) {
    throw new InputError('context', inputs.context, 'a directory that exists in the workspace (or a git/https URL)');
  }
  if (inputs.file && !existsSync(inputs.file)) {
    throw new InputError('file', inputs.file, 'the path of a Dockerfile that exists, relative to the workspace');
  }
  if (!inputs.file && !existsSync(`${inputs.context}/Dockerfile`)) {
    throw new InputError(
      'context',
      inputs.context,
      'a directory with a Dockerfile in it, or set `file` to the Dockerfile',
    );
  }
}

function report(plan: PublishPlan, result: RunResult, secrets: string[]): void {
  for (const n of [...plan.notices, ...result.notices]) log.notice(redact(n, secrets));
  for (const w of [...plan.warnings, ...result.warnings]) log.warning(redact(w, secrets));
}

function writeSummary(plan: PublishPlan, result: RunResult, env: Env, secrets: string[]): void {
  if (!plan.summary.enabled) return;
  appendSummary(env, renderSummary(plan, result, { secrets }));
}

async function publish(
  plan: PublishPlan,
  ctx: Context,
  inputs: Inputs,
  secrets: string[],
  env: Env,
): Promise<RunResult> {
  const result: RunResult = { status: 'success', notices: [], warnings: [] };
  const docker = await import('./docker/effects.js');
  const dockerConfig = docker.createDockerConfig(plan.workDir);
  // Saved before the first credential is written, so the post step cleans up whatever happens next.
  saveState(env, STATE.dockerConfig, dockerConfig);
  saveState(env, STATE.registries, plan.logins.map((l) => l.registry).join(','));
  saveState(env, STATE.logout, String(plan.logout));
  try {
    if (plan.logins.length) await docker.login(plan.logins, dockerConfig, secrets);
    result.builder = await docker.prepareBuilder(
      {
        builder: plan.build.builder,
        platforms: plan.platforms,
        needs: { multiPlatform: plan.platforms.length > 1, cacheExport: plan.cache.to.length > 0 },
        cacheV2: plan.cache.source === 'gha' && plan.cache.service.kind === 'v2',
        dockerConfig,
        createName: `publish-image-${ctx.runId || process.pid}`,
        driverOpts: plan.build.driverOpts,
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
      result.verify = await docker.verifyPush(plan.meta.tags, digest, plan.platforms, plan.logins);
      log.info(`Verified ${result.verify.tags.length} tag(s) → ${digest}`);
    }
    if (plan.attest.enabled && digest) {
      const { attestImages } = await import('./attest.js');
      const attestation = await attestImages({
        subjects: plan.attest.subjects.map((name) => ({ name, digest })),
        githubToken: inputs.githubToken,
        pushToRegistry: plan.attest.pushToRegistry,
        credentials: plan.logins,
        runnerTemp: ctx.runtime.runnerTemp,
        // Public repositories sign with Sigstore's public-good instance, others with GitHub's.
        sigstore: ctx.visibility === undefined ? undefined : ctx.visibility === 'public' ? 'public-good' : 'github',
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

function writeOutputs(plan: PublishPlan, result: RunResult, env: Env, secrets: string[]): void {
  const outputs: Record<string, string> = { ...plan.outputs };
  if (result.build) {
    outputs.digest = result.build.digest ?? '';
    outputs.imageid = result.build.imageId ?? '';
    outputs.metadata = JSON.stringify(result.build.metadata);
  }
  if (result.attestation) {
    outputs['attestation-id'] = result.attestation.attestationId ?? '';
    outputs['attestation-url'] = result.attestation.attestationUrl ?? '';
    outputs['bundle-path'] = result.attestation.bundlePath;
  }
  for (const [k, v] of Object.entries(outputs)) setOutput(env, k, redact(v, secrets));
}

export async function main(env: Env): Promise<number> {
  saveState(env, STATE.isPost, 'true');
  let inputs: Inputs;
  let ctx: Context;
  let plan: PublishPlan;
  try {
    inputs = await readInputs(env);
    checkPaths(inputs);
    ctx = await readContext(env, inputs.githubToken);
    await loadVersionParsers(parseTagRules(inputs.meta.tags));
    plan = makePlan(inputs, ctx);
  } catch (e) {
    if (e instanceof InputError) {
      log.error(e.message, 'publish-image: invalid input');
      return 1;
    }
    throw e;
  }
  const secrets = secretValues(inputs);
  if (plan.dryRun) {
    log.info(`Dry run: would run\n  ${printArgv(['docker', ...plan.build.argv], { secrets })}`);
    const result: RunResult = { status: 'dry-run', notices: [], warnings: [] };
    report(plan, result, secrets);
    writeOutputs(plan, result, env, secrets);
    writeSummary(plan, result, env, secrets);
    return 0;
  }
  const result = await publish(plan, ctx, inputs, secrets, env);
  report(plan, result, secrets);
  writeOutputs(plan, result, env, secrets);
  writeSummary(plan, result, env, secrets);
  if (result.status === 'failure') {
    log.error(result.error ?? 'failed', 'publish-image failed');
    return 1;
  }
  return 0;
}
