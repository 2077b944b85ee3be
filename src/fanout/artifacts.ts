// Hands fan-out leg results from the build legs to the merge job through the run's artifacts: each leg uploads one
// small JSON file (leg-result.ts) as an artifact named for its image set, platform and run attempt; the merge lists
// this run's artifacts by the image set's name prefix, downloads and validates them, and keeps the newest attempt
// of each platform. The legs upload with @actions/artifact (Twirp + Azure block blobs, the same on GitHub and under
// act's --artifact-server-path); the merge reads with artifact-reader.ts, the same protocol without the library's
// ~0.3 s of start-up. Only the leg and merge flows import this module; the plan names artifacts with naming.ts.
import { proxyConfigFromEnv, type ProxyConfig } from '../registry/proxy.js';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { redact } from '../redact.js';
import { imageSet, legArtifactName, legArtifactPrefix } from './naming.js';
import type { Env } from '../runner.js';
import { LEG_RESULT_FILE, LegResultError, parseLegResult, serializeLegResult, type LegResult } from './leg-result.js';

/** What the runner offers this job for artifacts (read from the environment in index.ts, passed down). */
export interface ArtifactService {
  /** ACTIONS_RESULTS_URL */
  resultsUrl?: string;
  /** ACTIONS_RUNTIME_TOKEN (a secret) */
  runtimeToken?: string;
  /** GITHUB_SERVER_URL: the library refuses GitHub Enterprise Server, which has no v4 artifact service */
  serverUrl: string;
  /** under act, which offers the service only when started with --artifact-server-path */
  act: boolean;
  /** the runner's proxy settings, for the merge's reader (the legs' library reads the process's own) */
  proxy?: ProxyConfig;
}

export function artifactServiceFrom(env: Env): ArtifactService {
  return {
    resultsUrl: env.ACTIONS_RESULTS_URL || undefined,
    runtimeToken: env.ACTIONS_RUNTIME_TOKEN || undefined,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    act: env.ACT === 'true',
    proxy: proxyConfigFromEnv(env),
  };
}

/** Talking to the artifact service failed; the message says which step and what to do next. */
export class ArtifactServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactServiceError';
  }
}

type AvailableService = ArtifactService & { resultsUrl: string; runtimeToken: string };

/** Throws when this job has no artifact service, naming what is missing and how to get it. */
export function requireArtifactService(service: ArtifactService): AvailableService {
  const missing = [
    service.resultsUrl ? undefined : 'ACTIONS_RESULTS_URL',
    service.runtimeToken ? undefined : 'ACTIONS_RUNTIME_TOKEN',
  ].filter((v): v is string => v !== undefined);
  if (missing.length === 0) return service as AvailableService;
  const how = service.act
    ? 'Under act, start it with --artifact-server-path <dir> (e.g. --artifact-server-path /tmp/artifacts).'
    : 'The runner sets both for every JavaScript action step of a GitHub Actions job; outside one, pass the ' +
      "legs' digests to the merge job with the `digests` input instead.";
  return fail(
    `mode build and mode merge hand the legs' results over through the run's artifact service, and this job has ` +
      `none (${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set). ${how}`,
  );
}

function fail(message: string): never {
  throw new ArtifactServiceError(message);
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicates

export interface CollectedLeg {
  artifact: { id: number; name: string };
  result: LegResult;
}

export interface CollectedLegs {
  /** the newest attempt of each platform, sorted by platform */
  legs: CollectedLeg[];
  /** earlier attempts a re-run replaced (for the summary) */
  superseded: CollectedLeg[];
}

/**
 * One result per platform: the highest run attempt wins (a re-run leg rebuilt and re-pushed; the merge must use
 * what it pushed), and within an attempt the later artifact. Legs the re-run did not repeat keep their result.
 */
export function newestPerPlatform(collected: readonly CollectedLeg[]): CollectedLegs {
  const ordered = [...collected].sort(
    (a, b) => b.result.runAttempt - a.result.runAttempt || b.artifact.id - a.artifact.id,
  );
  const legs = new Map<string, CollectedLeg>();
  const superseded: CollectedLeg[] = [];
  for (const leg of ordered) {
    if (legs.has(leg.result.platform)) superseded.push(leg);
    else legs.set(leg.result.platform, leg);
  }
  const byPlatform = (a: CollectedLeg, b: CollectedLeg) =>
    a.result.platform < b.result.platform ? -1 : a.result.platform > b.result.platform ? 1 : 0;
  return { legs: [...legs.values()].sort(byPlatform), superseded: superseded.sort(byPlatform) };
}

// ---------------------------------------------------------------------------------------------------------------
// The library

type ArtifactLibrary = typeof import('@actions/artifact');

/**
 * @actions/artifact reads ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN and GITHUB_SERVER_URL from the process
 * environment itself and takes no other configuration. That is the environment src/index.ts read and handed
 * down (the `service` values come from it), so the library and this module see the same values; `service` is
 * checked first so a missing variable gets this module's error instead of the library's.
 */
async function withLibrary<T>(_service: AvailableService, use: (lib: ArtifactLibrary) => Promise<T>): Promise<T> {
  return use(await import('@actions/artifact'));
}

/** The library's message, without secrets (the token, signed URLs' `sig`) and with a hint for known failures. */
function explain(err: unknown, service: AvailableService): string {
  const e = err as Error;
  const message = redact(String(e?.message ?? err), [service.runtimeToken]).replace(/([?&]sig=)[^&\s]+/g, '$1***');
  if (e?.name === 'GHESNotSupportedError') {
    return `${message} Hand the legs' digests to the merge job with the \`digests\` input instead.`;
  }
  // the library's NetworkError: from a service call wrapped into "Failed to <Method>: …", from the blob upload as is
  const network = /^(Failed to \w+: )?Unable to make request: (\w+)/.exec(message);
  if (network?.[1])
    return `the artifact service at ${new URL(service.resultsUrl).origin} is unreachable (${network[2]})`;
  if (network) return `the artifact storage is unreachable (${network[2]})`;
  if (/Failed to get backend IDs/.test(message)) {
    return `${message} (ACTIONS_RUNTIME_TOKEN has no Actions.Results scope; act needs a version with artifacts v4)`;
  }
  return message.split('\n')[0];
}

export interface UploadedLeg {
  id: number;
  name: string;
  /** bytes stored (the zip) */
  size: number;
}

export interface UploadOptions {
  /** a directory of this run's own (the file to upload is written under it) */
  workDir: string;
  service: ArtifactService;
  /** days the service keeps the result; default 1, as in Docker's documented fan-out (more to re-run a merge later) */
  retentionDays?: number;
}

/** A build leg hands its result to the merge job. */
export async function uploadLegResult(result: LegResult, options: UploadOptions): Promise<UploadedLeg> {
  const service = requireArtifactService(options.service);
  const name = legArtifactName(result.images, result.platform, result.runAttempt);
  const text = serializeLegResult(result);
  parseLegResult(text, name); // what the merge will read must pass the merge's checks: fail here, not there
  const dir = path.join(options.workDir, 'fanout-leg', name);
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, LEG_RESULT_FILE);
  await fsp.writeFile(file, text, 'utf8');
  try {
    const uploaded = await withLibrary(service, (lib) =>
      new lib.DefaultArtifactClient().uploadArtifact(name, [file], dir, { retentionDays: options.retentionDays ?? 1 }),
    );
    if (uploaded.id === undefined) fail(`the artifact service gave no id for artifact "${name}"`);
    return { id: uploaded.id, name, size: uploaded.size ?? 0 };
  } catch (err) {
    if (err instanceof ArtifactServiceError) throw err;
    const message = explain(err, service);
    const duplicate = /\(409\)/.test(message);
    const hint = duplicate
      ? ` This run attempt already has a result for ${result.platform} of these images: ` +
        'build each platform in one leg only.'
      : '';
    const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
    throw new ArtifactServiceError(
      `Could not upload the leg result for ${result.platform} (artifact "${name}"): ${sentence}${hint}`,
    );
  }
}

export interface CollectOptions {
  /** a directory of this run's own */
  workDir: string;
  service: ArtifactService;
  /** waits between retried calls (tests) */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The merge job collects every leg result of this run for this image set: the newest attempt per platform, each
 * validated and checked against its artifact's name. No result is not an error here: the caller knows whether
 * digests came another way.
 */
export async function collectLegResults(images: readonly string[], options: CollectOptions): Promise<CollectedLegs> {
  const service = requireArtifactService(options.service);
  const prefix = legArtifactPrefix(images);
  const wanted = imageSet(images);
  const reader = await import('./artifact-reader.js');
  const opts = {
    resultsUrl: service.resultsUrl,
    runtimeToken: service.runtimeToken,
    http: reader.openReaderPool(service.proxy),
    sleep: options.sleep,
  };
  const explainRead = (err: unknown) => {
    const e = err as InstanceType<typeof reader.ArtifactReadError>;
    if (e instanceof reader.ArtifactReadError && e.network && !e.message.startsWith('the artifact storage')) {
      return `the artifact service at ${new URL(service.resultsUrl).origin} is unreachable (${e.network})`;
    }
    return redact(String(e?.message ?? err), [service.runtimeToken]);
  };
  try {
    let listed: Awaited<ReturnType<typeof reader.listArtifacts>>;
    try {
      listed = (await reader.listArtifacts(opts)).filter((a) => a.name.startsWith(prefix));
    } catch (err) {
      return fail(`Could not list this run's artifacts to collect the leg results: ${explainRead(err)}`);
    }
    const collected = await Promise.all(
      listed.map(async (artifact): Promise<CollectedLeg> => {
        let files: Record<string, Uint8Array>;
        try {
          files = await reader.readArtifactFiles(opts, artifact);
        } catch (err) {
          return fail(`Could not download the leg result artifact "${artifact.name}": ${explainRead(err)}`);
        }
        const file = files[LEG_RESULT_FILE];
        if (!file) throw new LegResultError(artifact.name, `it holds no ${LEG_RESULT_FILE}`);
        const result = parseLegResult(Buffer.from(file).toString('utf8'), artifact.name);
        const expected = legArtifactName(result.images, result.platform, result.runAttempt);
        const images = imageSet(result.images);
        if (expected !== artifact.name || images.join('\n') !== wanted.join('\n')) {
          throw new LegResultError(
            artifact.name,
            `it describes ${result.platform} of ${images.join(', ')} (attempt ${result.runAttempt}), ` +
              `which belongs in "${expected}"`,
          );
        }
        return { artifact: { id: artifact.id, name: artifact.name }, result };
      }),
    );
    return newestPerPlatform(collected);
  } finally {
    await opts.http.close();
  }
}
