// (Inputs, Context) → Plan. Pure: no I/O, no environment, no clock. Everything the effects will do is decided
// here — the metadata, whether to push, the logins, the exact buildx argv, the builder request, the cache, the
// attestation and its Sigstore instance — so a dry-run can show it and unit tests can pin it down. One plan shape
// per mode (types.ts); this module computes what every mode shares and hands over to the mode's planner.
import type { Context } from '../context.js';
import { InputError } from '../errors.js';
import type { Inputs } from '../inputs/index.js';
import { checkBuildValues, computeMeta, metaScope, renderBuildValue, type TagSetup } from '../meta/index.js';
import { callBuildsImage } from '../buildx/call.js';
import { platformName } from '../platform.js';
import { planBuildLeg, planMatrix, planMerge } from './fanout.js';
import { planLogins } from './logins.js';
import { metaOutputs } from './outputs.js';
import { planPublish } from './publish.js';
import { pushTargets, type PushTargets } from './push-targets.js';
import type { Mode, Plan, PlanBase } from './types.js';

export type * from './types.js';
export { cacheScope } from './cache.js';
export { secretEnvName } from './build-argv.js';
export { metaOutputs } from './outputs.js';

function defaultImage(ctx: Context): string {
  return `ghcr.io/${ctx.repository.toLowerCase()}`;
}

/** Pull requests from forks (and Dependabot's) run with a read-only token: pushing can only fail. */
function readOnlyReason(ctx: Context): string | undefined {
  if (ctx.pr?.fork) {
    return `pull request #${ctx.pr.number} comes from the fork ${ctx.pr.headRepo}, whose token cannot write packages`;
  }
  if (ctx.eventName.startsWith('pull_request') && ctx.actor === 'dependabot[bot]') {
    return 'Dependabot pull requests run with a read-only token';
  }
  return undefined;
}

/**
 * A fan-out puts the manifest-level annotations on each leg's image and the index-level ones on the merged index.
 * Unless DOCKER_METADATA_ANNOTATIONS_LEVELS says otherwise, the fan-out modes compute both levels.
 */
function metaContext(ctx: Context, mode: Mode): Context {
  if (mode === 'publish' || ctx.annotationLevelsGiven) return ctx;
  return { ...ctx, settings: { ...ctx.settings, annotationLevels: ['manifest', 'index'] } };
}

function planBase(inputs: Inputs, ctx: Context, tags: TagSetup): { base: PlanBase; targets?: PushTargets } {
  const mode = inputs.fanout.mode;
  // accepted-and-ignored inputs of the replaced actions say so first
  const notices: string[] = [...inputs.compat.notices, ...inputs.login.notices];
  const warnings: string[] = [...ctx.warnings];
  const images = inputs.meta.images.length ? inputs.meta.images : [defaultImage(ctx)];
  const { warnings: metaWarnings, ...meta } = computeMeta({ ...inputs.meta, images }, metaContext(ctx, mode), tags);
  warnings.push(...metaWarnings, ...checkBuildValues(inputs.buildArgs, 'build-args'));

  let push = mode !== 'matrix' && (inputs.push ?? true);
  if (push && !callBuildsImage(inputs.call)) {
    // `call: check` (outline, targets…) asks BuildKit a question instead of building: there is nothing to push
    push = false;
    notices.push(`call: ${inputs.call?.name} builds no image: nothing is pushed, verified or attested.`);
  }
  const readOnly = readOnlyReason(ctx);
  if (readOnly && push) {
    push = false;
    const msg = `Build only: ${readOnly}. No login, no push, no attestation.`;
    if (inputs.push === true) warnings.push(`push: true ignored. ${msg}`);
    else notices.push(msg);
  }
  // A publish with outputs pushes where they say (build-push-action's semantics); a leg by digest (no tags).
  const targets = mode === 'publish' ? pushTargets(inputs, meta, push) : undefined;
  const pushed = targets ? targets.repositories : meta.images;
  if (targets) push = targets.pushes;
  if (push && mode !== 'build' && (targets?.usesTags ?? true) && meta.tags.length === 0) {
    throw new InputError(
      'tags',
      inputs.meta.tags.join('\n'),
      `rules that give at least one tag for this ${ctx.eventName || 'event'} when push is true (or push: false)`,
    );
  }
  const workDir = `${ctx.runtime.runnerTemp.replace(/\/$/, '')}/publish-image-${ctx.runId || 'local'}`;
  const base: PlanBase = {
    mode,
    meta,
    outputs: metaOutputs(meta, inputs),
    images: meta.images,
    platforms: inputs.platforms.map(platformName),
    push,
    noPushReason: push ? undefined : readOnly,
    logins: push ? planLogins(inputs.login, inputs.githubToken, ctx, pushed, notices) : [],
    logout: inputs.login.logout,
    dryRun: inputs.dryRun,
    workDir,
    userDockerConfig: ctx.runtime.dockerConfig,
    summary: { enabled: inputs.summary, usageService: inputs.usageService, usagePort: inputs.usagePort },
    notices,
    warnings,
  };
  return { base, targets };
}

/**
 * Build args may use the engine's expressions and the computed version (`VERSION={{version}}`), as workflows pass
 * `steps.meta.outputs.version` to build-push-action: rendered once the metadata is known, with the same context.
 */
function withRenderedBuildArgs(inputs: Inputs, ctx: Context, base: PlanBase): Inputs {
  if (!inputs.buildArgs.some((b) => b.includes('{{'))) return inputs;
  const scope = metaScope(metaContext(ctx, base.mode), base.meta.version);
  return { ...inputs, buildArgs: inputs.buildArgs.map((b) => renderBuildValue(b, 'build-args', scope)) };
}

/** `tags`: the parsed rules and their version parsers (main.ts: `loadVersionParsers(rules)`). */
export function plan(given: Inputs, ctx: Context, tags: TagSetup): Plan {
  const { base, targets } = planBase(given, ctx, tags);
  const inputs = withRenderedBuildArgs(given, ctx, base);
  // the name of a builder this run may create: unique per job and process, so parallel legs never share one
  const createName = `publish-image-${ctx.runtime.instance}`;
  switch (base.mode) {
    case 'publish':
      return planPublish(inputs, ctx, base, createName, targets!);
    case 'matrix':
      return planMatrix(inputs, base);
    case 'build':
      return planBuildLeg(inputs, ctx, base, createName);
    case 'merge':
      return planMerge(inputs, ctx, base);
  }
}
