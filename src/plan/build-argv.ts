// The exact `docker buildx build` argv of a publish or of a fan-out leg. One function builds both, so a leg is a
// publish with other outputs: same flags, same labels, same cache rules.
import { imageIdFileAllowed } from '../buildx/outputs.js';
import { buildInputArgv } from '../inputs/build.js';
import type { Context } from '../context.js';
import type { Inputs } from '../inputs/index.js';
import { defaultGitContext, gitAuthSecretId, renderDefaultContext, usesDefaultContext } from './build-context.js';
import type { CachePlan } from './types.js';

/** Secrets reach buildx as environment variables with these names (`--secret id=X,env=NAME`). */
export function secretEnvName(index: number): string {
  return `PUBLISH_IMAGE_SECRET_${index}`;
}

/** The environment variable that carries the github-token to BuildKit for cloning `{{defaultContext}}`. */
export const GIT_AUTH_ENV = 'PUBLISH_IMAGE_GIT_AUTH_TOKEN';

/** What buildx builds from: the context argument, and the Git auth secret a `{{defaultContext}}` clone needs. */
export interface BuildSource {
  context: string;
  /** `GIT_AUTH_TOKEN.<host>`, when the context is this repository as a Git context and a token is at hand */
  gitAuthSecret?: string;
}

export function buildSource(inputs: Inputs, ctx: Context): BuildSource {
  if (!usesDefaultContext(inputs.context)) return { context: inputs.context };
  // the run's commit even when metadata-context: git took the tags' ref and commit from the checkout
  const context = renderDefaultContext(inputs.context, defaultGitContext({ ...ctx, ...ctx.workflowCommit }));
  const id = gitAuthSecretId(ctx.serverUrl);
  // as build-push-action: an explicit GIT_AUTH_TOKEN secret wins over the github-token
  const given = inputs.secrets.some((s) => s.id === id || s.id === 'GIT_AUTH_TOKEN');
  return { context, gitAuthSecret: inputs.githubToken && !given ? id : undefined };
}

/** The environment buildx needs for this build: the secret values, under the names the argv refers to. */
export function buildEnv(inputs: Inputs, source: BuildSource): Record<string, string> {
  const env = Object.fromEntries(inputs.secrets.map((s, i) => [secretEnvName(i), s.value]));
  if (source.gitAuthSecret) env[GIT_AUTH_ENV] = inputs.githubToken;
  return env;
}

export interface ArgvParts {
  platforms: string[];
  /** full image:tag references passed as --tag */
  tags: string[];
  labels: string[];
  /** level-prefixed annotations (manifest:key=value, index:key=value, …) */
  annotations: string[];
  cache: CachePlan;
  /** the output flags: `--push`, `--load`, `--output …` */
  output: string[];
  source: BuildSource;
  metadataFile: string;
  iidFile: string;
}

export function buildArgv(inputs: Inputs, parts: ArgvParts): string[] {
  const argv = ['buildx', 'build', '--progress', 'plain'];
  if (inputs.builderSetup.name) argv.push('--builder', inputs.builderSetup.name);
  if (inputs.file) argv.push('--file', inputs.file);
  if (parts.platforms.length) argv.push('--platform', parts.platforms.join(','));
  for (const t of parts.tags) argv.push('--tag', t);
  for (const l of parts.labels) argv.push('--label', l);
  for (const a of parts.annotations) argv.push('--annotation', a);
  for (const b of inputs.buildArgs) argv.push('--build-arg', b);
  inputs.secrets.forEach((s, i) => argv.push('--secret', `id=${s.id},env=${secretEnvName(i)}`));
  if (parts.source.gitAuthSecret) argv.push('--secret', `id=${parts.source.gitAuthSecret},env=${GIT_AUTH_ENV}`);
  if (inputs.target) argv.push('--target', inputs.target);
  if (inputs.network) argv.push('--network', inputs.network);
  for (const c of parts.cache.from) argv.push('--cache-from', c);
  for (const c of parts.cache.to) argv.push('--cache-to', c);
  if (inputs.noCache) argv.push('--no-cache');
  if (inputs.pull) argv.push('--pull');
  // BuildKit's own provenance adds "unknown/unknown" attestation manifests to the index; the GitHub attestation
  // covers provenance without them. An explicit `provenance` input is passed through unchanged.
  argv.push('--provenance', inputs.provenance ?? 'false');
  if (inputs.sbom) argv.push('--sbom', inputs.sbom);
  argv.push(...buildInputArgv(inputs));
  argv.push(...parts.output);
  argv.push('--metadata-file', parts.metadataFile);
  if (imageIdFileAllowed(inputs.outputs)) argv.push('--iidfile', parts.iidFile);
  argv.push(parts.source.context);
  return argv;
}

const LEVELS_PREFIX = /^((?:[a-z-]+(?:\[[^\]]*\])?)(?:,[a-z-]+(?:\[[^\]]*\])?)*):(.*)$/s;

/** An annotation's levels and its key=value (no prefix: BuildKit's default level, manifest). */
function splitLevels(annotation: string): { levels: string[]; entry: string } {
  const m = LEVELS_PREFIX.exec(annotation);
  if (!m || m[2].indexOf('=') < 0 || m[1].includes('=')) return { levels: ['manifest'], entry: annotation };
  return { levels: m[1].split(','), entry: m[2] };
}

/** The annotations a leg's single-platform manifest takes: those at the manifest levels, with only those levels. */
export function manifestAnnotations(annotations: string[]): string[] {
  const out: string[] = [];
  for (const a of annotations) {
    const { levels, entry } = splitLevels(a);
    const kept = levels.filter((l) => l.startsWith('manifest'));
    if (kept.length) out.push(`${kept.join(',')}:${entry}`);
  }
  return out;
}

/** The index-level annotations as a key → value map, for the index the merge creates. */
export function indexAnnotations(annotations: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of annotations) {
    const { levels, entry } = splitLevels(a);
    if (!levels.some((l) => l === 'index' || l.startsWith('index['))) continue;
    const eq = entry.indexOf('=');
    out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}
