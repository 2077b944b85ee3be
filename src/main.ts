// The main step: read → plan → run the plan's flow → report. Each mode's order of effects lives in its flow
// (src/flows/); this module reads, plans, picks the flow and reports. A dry-run stops after the plan and never
// loads the Docker, registry or attestation code.
import { readContext, type Context, type ProcessFacts } from './context.js';
import { InputError } from './errors.js';
import { readInputs, type Inputs } from './inputs/index.js';
import { checkBuildPaths } from './inputs/build.js';
import { loadVersionParsers, parseTagRules } from './meta/index.js';
import { plan as makePlan, type Plan } from './plan/index.js';
import { describeBuilderPlan } from './plan/builder.js';
import { STATE } from './post-state.js';
import { printArgv } from './argv.js';
import { renderSummary } from './summary.js';
import { redact } from './redact.js';
import type { RunResult } from './result.js';
import { appendSummary, log, saveState, setOutputs, type Env } from './runner.js';
import type { FlowEnv } from './flows/types.js';

/** Every secret value this run knows, for redaction. */
function secretValues(inputs: Inputs): string[] {
  return [
    inputs.login.password ?? '',
    inputs.githubToken,
    ...inputs.login.registryAuth.map((a) => a.password ?? ''),
    ...inputs.secretValues,
  ].filter(Boolean);
}

function report(plan: Plan, result: RunResult, secrets: string[]): void {
  for (const n of [...plan.notices, ...(result.notices ?? [])]) log.notice(redact(n, secrets));
  for (const w of [...plan.warnings, ...result.warnings]) log.warning(redact(w, secrets));
}

async function writeSummary(plan: Plan, result: RunResult, env: Env, secrets: string[]): Promise<void> {
  if (!plan.summary.enabled) return;
  appendSummary(env, await renderSummary(plan, result, { secrets }));
}

function writeOutputs(plan: Plan, result: RunResult, env: Env, secrets: string[]): void {
  const outputs: Record<string, string> = { ...plan.outputs };
  if (plan.mode === 'matrix') outputs.matrix = JSON.stringify({ include: plan.matrix });
  if (result.build) {
    outputs.digest = result.build.digest ?? '';
    outputs.imageid = result.build.imageId ?? '';
    outputs.metadata = JSON.stringify(result.build.metadata);
  }
  if (result.merge) outputs.digest = result.merge.digest;
  if (result.tagStates) {
    outputs.digest ||= result.partialDigest ?? '';
    outputs['pushed-tags'] = result.tagStates
      .filter((t) => t.moved)
      .map((t) => t.ref)
      .join('\n');
  } else if (result.verify) {
    outputs['pushed-tags'] = result.verify.tags.map((t) => t.ref).join('\n');
  }
  if (result.attestation) {
    outputs['attestation-id'] = result.attestation.attestationId ?? '';
    outputs['attestation-url'] = result.attestation.attestationUrl ?? '';
    outputs['bundle-path'] = result.attestation.bundlePath;
  }
  setOutputs(env, Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, redact(v, secrets)])));
}

/** What a dry-run shows besides the summary: the exact command, the builder decision, the attestation plan. */
function dryRunLines(plan: Plan, secrets: string[]): string[] {
  const lines: string[] = [];
  if ('build' in plan) lines.push(`Dry run: would run\n  ${printArgv(['docker', ...plan.build.argv], { secrets })}`);
  if ('builder' in plan) lines.push(`Builder: ${describeBuilderPlan(plan.builder).join('\n  ')}`);
  if (plan.mode === 'matrix') lines.push(`Matrix: ${JSON.stringify({ include: plan.matrix })}`);
  if (plan.mode === 'merge') {
    const repos = Object.entries(plan.index.repositories).map(([r, tags]) => `${r}:${tags.join(',')}`);
    lines.push(`Merge: one index of ${plan.platforms.join(', ')} under ${repos.join(' ')}`);
  }
  if ('attest' in plan && plan.attest.enabled) {
    const where = plan.attest.sigstore ? ` (Sigstore ${plan.attest.sigstore})` : '';
    lines.push(`Attestation: build provenance for ${plan.attest.subjects.join(', ')}${where}`);
  }
  return lines;
}

async function runFlow(plan: Plan, flow: FlowEnv): Promise<RunResult> {
  switch (plan.mode) {
    case 'publish':
      return (await import('./flows/publish.js')).runPublish(plan, flow);
    case 'matrix':
      return { status: 'success', warnings: [] };
    case 'build':
      return (await import('./flows/leg.js')).runLeg(plan, flow);
    case 'merge':
      return (await import('./flows/merge.js')).runMerge(plan, flow);
  }
}

export async function main(env: Env, proc: ProcessFacts): Promise<number> {
  saveState(env, STATE.isPost, 'true');
  let inputs: Inputs;
  let ctx: Context;
  let plan: Plan;
  try {
    inputs = await readInputs(env);
    // the modes that build read the context; matrix and merge never do
    if (inputs.fanout.mode === 'publish' || inputs.fanout.mode === 'build')
      checkBuildPaths(inputs.context, inputs.file);
    ctx = await readContext(env, inputs.githubToken, proc);
    const rules = parseTagRules(inputs.meta.tags);
    plan = makePlan(inputs, ctx, { rules, parsers: await loadVersionParsers(rules) });
  } catch (e) {
    if (e instanceof InputError) {
      log.error(e.message, 'publish-image: invalid input');
      return 1;
    }
    throw e;
  }
  const secrets = secretValues(inputs);
  let result: RunResult;
  if (plan.dryRun) {
    for (const line of dryRunLines(plan, secrets)) log.info(line);
    result = { status: 'dry-run', warnings: [] };
  } else {
    result = await runFlow(plan, { env, secrets, githubToken: inputs.githubToken });
  }
  report(plan, result, secrets);
  writeOutputs(plan, result, env, secrets);
  await writeSummary(plan, result, env, secrets);
  if (result.status === 'failure') {
    log.error(result.error ?? 'failed', 'publish-image failed');
    return 1;
  }
  return 0;
}
