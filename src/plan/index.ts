// (Inputs, Context) → PublishPlan. Pure: no I/O, no process.env, no clock. Everything the effects will do is
// decided here, so a dry-run can show it and unit tests can pin it down.
import type { CacheService, Context } from '../context.js';
import { canonicalRegistry, credentialFor, isLoopbackRegistry, type Credential } from '../registry/identity.js';
import { registryOf } from '../registry/image-ref.js';
import type { Inputs } from '../inputs/index.js';
import { computeMeta } from '../meta/index.js';
import { InputError } from '../errors.js';
import type { MetaResult } from '../meta/types.js';
import { platformName } from '../platform.js';

export type CachePlan =
  | { source: 'gha'; service: Exclude<CacheService, { kind: 'none' }>; scope: string; from: string[]; to: string[] }
  | { source: 'inputs'; from: string[]; to: string[] }
  | { source: 'none'; from: []; to: []; reason: string };

export interface AttestPlan {
  enabled: boolean;
  /** why attestation is on or off, in words for the summary */
  reason: string;
  pushToRegistry: boolean;
  /** image names without tag */
  subjects: string[];
}

export interface BuildPlan {
  /** arguments after `docker`: buildx build … <context> */
  argv: string[];
  /** extra environment for buildx: build secrets travel as env vars, never as argv or files */
  env: Record<string, string>;
  metadataFile: string;
  iidFile: string;
  context: string;
  file?: string;
  builder?: string;
  /** driver options for a docker-container builder created for this run */
  driverOpts: string[];
}

export interface MetaOutputs {
  version: string;
  tags: string;
  'tag-names': string;
  labels: string;
  annotations: string;
  json: string;
}

export interface PublishPlan {
  meta: MetaResult;
  outputs: MetaOutputs;
  images: string[];
  platforms: string[];
  push: boolean;
  /** why nothing is pushed when push is false by the action's decision (fork PR, read-only token) */
  noPushReason?: string;
  load: boolean;
  logins: Credential[];
  logout: boolean;
  build: BuildPlan;
  cache: CachePlan;
  attest: AttestPlan;
  /** read pushed tags back from the registry */
  verify: boolean;
  dryRun: boolean;
  /** where this run keeps its files (DOCKER_CONFIG, metadata file, bundles) */
  workDir: string;
  summary: { enabled: boolean; usageService?: string; usagePort?: string };
  notices: string[];
  warnings: string[];
}

/** Secrets reach buildx as environment variables with these names (`--secret id=X,env=NAME`). */
export function secretEnvName(index: number): string {
  return `PUBLISH_IMAGE_SECRET_${index}`;
}

/** A cache scope per image and platform set: jobs of a matrix must not overwrite each other's cache. */
export function cacheScope(image: string, platforms: string[]): string {
  const path = image.split('/').slice(1).join('/') || image;
  const parts = [path, ...platforms].join('-');
  return parts
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function defaultImage(ctx: Context): string {
  return `ghcr.io/${ctx.repository.toLowerCase()}`;
}

/** Pull requests from forks (and Dependabot's) run with a read-only token: pushing can only fail. */
function readOnlyReason(ctx: Context): string | undefined {
  if (ctx.pr?.fork)
    return `pull request #${ctx.pr.number} comes from the fork ${ctx.pr.headRepo}, whose token cannot write packages`;
  if (ctx.eventName.startsWith('pull_request') && ctx.actor === 'dependabot[bot]') {
    return 'Dependabot pull requests run with a read-only token';
  }
  return undefined;
}

function planLogins(inputs: Inputs, ctx: Context, images: string[], notices: string[]): Credential[] {
  const logins: Credential[] = [];
  const primary = canonicalRegistry(inputs.registry ?? registryOf(images[0]));
  const password = inputs.password ?? (primary === 'ghcr.io' && inputs.githubToken ? inputs.githubToken : undefined);
  if (password) {
    logins.push({
      registry: primary,
      username: inputs.username ?? ctx.actor,
      password,
      source: inputs.password ? 'password' : 'github-token',
    });
  }
  for (const a of inputs.registryAuth) {
    const registry = canonicalRegistry(a.registry);
    if (!credentialFor(registry, logins)) logins.push({ ...a, registry, source: 'registry-auth' });
  }
  for (const registry of new Set(images.map(registryOf))) {
    if (!credentialFor(registry, logins) && !isLoopbackRegistry(registry)) {
      notices.push(
        `No credentials for ${registry}: pushing there without logging in (set registry/password or registry-auth).`,
      );
    }
  }
  return logins;
}

function planCache(inputs: Inputs, ctx: Context, images: string[], platforms: string[]): CachePlan {
  if (inputs.cacheFrom.length || inputs.cacheTo.length) {
    return { source: 'inputs', from: inputs.cacheFrom, to: inputs.cacheTo };
  }
  const service = ctx.runtime.cache;
  if (service.kind === 'none') {
    return {
      source: 'none',
      from: [],
      to: [],
      reason:
        'this runtime offers no GitHub cache service (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL with ACTIONS_RUNTIME_TOKEN)',
    };
  }
  let access = '';
  if (!service.tokenIsJwt) {
    if (!ctx.runtime.act) {
      return {
        source: 'none',
        from: [],
        to: [],
        reason: "ACTIONS_RUNTIME_TOKEN is not a JWT, which BuildKit's GitHub cache client requires",
      };
    }
    // act's cache server checks no token but hands out a plain string, which BuildKit refuses to parse: give
    // BuildKit a well-formed one for this ref (BuildKit reads its claims and never checks a signature).
    access = `,url=${service.url},token=${actCacheToken(ctx)}`;
  }
  const scope = cacheScope(images[0], platforms);
  return {
    source: 'gha',
    service,
    scope,
    from: [`type=gha,scope=${scope}${access}`],
    to: [`type=gha,mode=max,scope=${scope},ignore-error=true${access}`],
  };
}

/** An unsigned JWT with the claims BuildKit's cache client reads: `ac` (scopes, as a JSON string), `nbf`, `exp`. */
export function actCacheToken(ctx: Pick<Context, 'ref' | 'now'>): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(ctx.now.getTime() / 1000);
  const claims = {
    ac: JSON.stringify([{ Scope: ctx.ref, Permission: 3 }]),
    nbf: now - 300,
    exp: now + 6 * 3600,
    iss: 'publish-image (act)',
  };
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.unsigned`;
}

function planAttest(inputs: Inputs, ctx: Context, push: boolean, images: string[], notices: string[]): AttestPlan {
  const base = { pushToRegistry: inputs.pushToRegistry, subjects: images };
  if (inputs.attest === 'off') return { ...base, enabled: false, reason: 'attest is false' };
  if (!push) return { ...base, enabled: false, reason: 'nothing is pushed' };
  if (!ctx.runtime.oidc) {
    const need = 'add `permissions: id-token: write` and `attestations: write` to the job';
    if (inputs.attest === 'on') {
      throw new InputError('attest', 'true', `a runtime with an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL): ${need}`);
    }
    notices.push(`Build-provenance attestation skipped: this run has no OIDC token; ${need}.`);
    return { ...base, enabled: false, reason: 'no OIDC token (id-token: write missing)' };
  }
  return { ...base, enabled: true, reason: 'pushed image, OIDC token available' };
}

export function metaOutputs(
  meta: MetaResult,
  inputs: Pick<Inputs, 'sepTags' | 'sepLabels' | 'sepAnnotations'>,
): MetaOutputs {
  return {
    version: meta.version.main ?? '',
    tags: meta.tags.join(inputs.sepTags),
    'tag-names': meta.tagNames.join(inputs.sepTags),
    labels: meta.labels.join(inputs.sepLabels),
    annotations: meta.annotations.join(inputs.sepAnnotations),
    json: JSON.stringify(
      {
        tags: meta.tags,
        labels: Object.fromEntries(meta.labels.map((l) => splitKeyValue(l))),
        annotations: meta.annotations,
      },
      null,
      2,
    ),
  };
}

function splitKeyValue(kv: string): [string, string] {
  const eq = kv.indexOf('=');
  return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
}

function buildArgv(
  inputs: Inputs,
  meta: MetaResult,
  platforms: string[],
  push: boolean,
  cache: CachePlan,
  provenance: string,
  files: { metadataFile: string; iidFile: string },
): string[] {
  const argv = ['buildx', 'build', '--progress', 'plain'];
  if (inputs.builder) argv.push('--builder', inputs.builder);
  if (inputs.file) argv.push('--file', inputs.file);
  if (platforms.length) argv.push('--platform', platforms.join(','));
  for (const t of meta.tags) argv.push('--tag', t);
  for (const l of meta.labels) argv.push('--label', l);
  for (const a of meta.annotations) argv.push('--annotation', a);
  for (const b of inputs.buildArgs) argv.push('--build-arg', b);
  inputs.secrets.forEach((s, i) => argv.push('--secret', `id=${s.id},env=${secretEnvName(i)}`));
  if (inputs.target) argv.push('--target', inputs.target);
  if (inputs.network) argv.push('--network', inputs.network);
  for (const c of cache.from) argv.push('--cache-from', c);
  for (const c of cache.to) argv.push('--cache-to', c);
  if (inputs.noCache) argv.push('--no-cache');
  if (inputs.pull) argv.push('--pull');
  argv.push('--provenance', provenance);
  if (inputs.sbom) argv.push('--sbom', inputs.sbom);
  if (inputs.outputs.length) {
    for (const o of inputs.outputs) argv.push('--output', o);
  } else {
    if (push) argv.push('--push');
    if (inputs.load) argv.push('--load');
  }
  argv.push('--metadata-file', files.metadataFile, '--iidfile', files.iidFile);
  argv.push(inputs.context);
  return argv;
}

export function plan(inputs: Inputs, ctx: Context): PublishPlan {
  const notices: string[] = [];
  const warnings: string[] = [...ctx.warnings];
  const images = inputs.meta.images.length ? inputs.meta.images : [defaultImage(ctx)];
  const { warnings: metaWarnings, ...meta } = computeMeta({ ...inputs.meta, images }, ctx);
  warnings.push(...metaWarnings);
  const platforms = inputs.platforms.map(platformName);

  let push = inputs.push ?? true;
  const readOnly = readOnlyReason(ctx);
  if (readOnly && push) {
    push = false;
    const msg = `Build only: ${readOnly}. No login, no push, no attestation.`;
    if (inputs.push === true) warnings.push(`push: true ignored. ${msg}`);
    else notices.push(msg);
  }
  if (push && meta.tags.length === 0) {
    throw new InputError(
      'tags',
      inputs.meta.tags.join('\n'),
      `rules that give at least one tag for this ${ctx.eventName || 'event'} when push is true (or push: false)`,
    );
  }

  const cache = planCache(inputs, ctx, meta.images.length ? meta.images : images, platforms);
  if (cache.source === 'none') notices.push(`No GitHub cache: ${cache.reason}.`);
  if (cache.source === 'gha' && cache.service.kind === 'v2') {
    notices.push(
      'GitHub cache service v2: needs buildx ≥ 0.21 and BuildKit ≥ 0.20 (checked when the builder is ready).',
    );
  }

  const attest = planAttest(inputs, ctx, push, meta.images, notices);
  // BuildKit's own provenance adds "unknown/unknown" attestation manifests to the index; the GitHub attestation
  // covers provenance without them. An explicit `provenance` input is passed through unchanged.
  const provenance = inputs.provenance ?? 'false';

  const workDir = `${ctx.runtime.runnerTemp.replace(/\/$/, '')}/publish-image-${ctx.runId || 'local'}`;
  const files = { metadataFile: `${workDir}/metadata.json`, iidFile: `${workDir}/iid.txt` };
  const env = Object.fromEntries(inputs.secrets.map((s, i) => [secretEnvName(i), s.value]));

  return {
    meta,
    outputs: metaOutputs(meta, inputs),
    images: meta.images,
    platforms,
    push,
    noPushReason: push ? undefined : readOnly,
    load: inputs.load,
    logins: push ? planLogins(inputs, ctx, meta.images, notices) : [],
    logout: inputs.logout,
    build: {
      argv: buildArgv(inputs, meta, platforms, push, cache, provenance, files),
      env,
      ...files,
      context: inputs.context,
      file: inputs.file,
      builder: inputs.builder,
      driverOpts: inputs.driverOpts,
    },
    cache,
    attest,
    verify: push && inputs.outputs.length === 0,
    dryRun: inputs.dryRun,
    workDir,
    summary: { enabled: inputs.summary, usageService: inputs.usageService, usagePort: inputs.usagePort },
    notices,
    warnings,
  };
}
