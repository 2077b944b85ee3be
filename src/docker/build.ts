// One `docker buildx build` from the plan's argv, streamed live in a collapsible group, retried when the registry
// fails transiently during the push (rate limits, 5xx, unreachable). A failure says its cause first
// (build-failure.ts) and carries what the log showed of the push, so the caller can tell the user which tags moved.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { run } from '../exec.js';
import { log } from '../runner.js';
import type { BuildPlan } from '../plan/index.js';
import type { BuildResult } from '../result.js';
import { buildLogReader } from './build-log.js';
import { findBuildxPlugin } from './buildx-plugin.js';
import { classifyBuildFailure, failureMessage, type BuildFailure } from './build-failure.js';

export interface BuildRequest {
  /** called once, when buildx prints its first line (it is running): time to prepare what comes after it */
  onStarted?: () => void;
  build: BuildPlan;
  push: boolean;
  /** a builder chosen at run time (created for this run), inserted as --builder */
  builderOverride?: string;
  dockerConfig: string;
  secrets: readonly string[];
}

/** Time, injectable so the retry schedule is tested without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** Attempts in all, and the longest wait between two (a registry's Retry-After is honoured up to this). */
export const MAX_ATTEMPTS = 3;
export const MAX_WAIT_MS = 60_000;

/** The wait before attempt `next` (2, 3, …): what the registry asked, else 2 s, 4 s, … (rate limits: 5 s, 10 s, …). */
export function retryWait(failure: BuildFailure, next: number): number {
  const base = failure.cause === 'rate-limit' ? 5_000 : 2_000;
  return Math.min(failure.retryAfterMs ?? base * 2 ** (next - 2), MAX_WAIT_MS);
}

/** A build that failed for good: why, and what the log showed of the push when it stopped. */
export class BuildError extends Error {
  constructor(
    readonly failure: BuildFailure,
    readonly attempts: number,
    /** the image BuildKit exported before the push failed (undefined when it never got that far) */
    readonly exportedDigest: string | undefined,
    /** references whose manifest push had started */
    readonly pushedRefs: string[],
  ) {
    super(failureMessage(failure, attempts));
    this.name = 'BuildError';
  }
}

function argvFor(req: BuildRequest): string[] {
  if (!req.builderOverride || req.build.argv.includes('--builder')) return req.build.argv;
  const [buildx, build, ...rest] = req.build.argv;
  return [buildx, build, '--builder', req.builderOverride, ...rest];
}

/**
 * The program that runs the build: the buildx plugin itself when there is one where the CLI looks (buildx-plugin.ts),
 * else the CLI. `docker buildx build` starts three programs — the CLI, the plugin for its metadata, the plugin for
 * the build — where the plugin alone does the same build: ~0.15 s less before the build starts on a 2-core runner
 * (scripts/bench-publish.mjs, scripts/trace-docker.mjs).
 */
function command(req: BuildRequest, argv: string[]): [string, string[]] {
  const plugin = argv[0] === 'buildx' ? findBuildxPlugin(req.dockerConfig) : undefined;
  return plugin ? [plugin, argv.slice(1)] : ['docker', argv];
}

/**
 * buildx asks git seven times before each build in a Git checkout (BUILDX_GIT_INFO) for the VCS facts of BuildKit's
 * provenance; with provenance off (`--provenance false`, this action's default) nothing reads them, and skipping git
 * saves ~0.07 s (scripts/bench-publish.mjs). BUILDX_GIT_LABELS, when the user sets it, still runs git for its labels.
 */
function buildxEnv(argv: readonly string[]): Record<string, string> {
  const i = argv.indexOf('--provenance');
  return i >= 0 && argv[i + 1] === 'false' ? { BUILDX_GIT_INFO: 'false' } : {};
}

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function build(req: BuildRequest, clock: Clock = realClock): Promise<BuildResult> {
  mkdirSync(dirname(req.build.metadataFile), { recursive: true });
  const [program, argv] = command(req, argvFor(req));
  const started = clock.now();
  for (let attempt = 1; ; attempt++) {
    rmSync(req.build.metadataFile, { force: true });
    rmSync(req.build.iidFile, { force: true });
    const reader = buildLogReader();
    let running = false;
    log.startGroup(attempt === 1 ? 'Build' : `Build (attempt ${attempt} of ${MAX_ATTEMPTS})`);
    const out = await run(program, argv, {
      secrets: req.secrets,
      env: { ...buildxEnv(argv), ...req.build.env, DOCKER_CONFIG: req.dockerConfig },
      stream: true,
      onLine: (l) => {
        if (!running) {
          running = true;
          req.onStarted?.();
        }
        reader.line(l);
      },
    }).finally(() => log.endGroup());
    if (out.code === 0) {
      const metadata = readJson(req.build.metadataFile);
      const digest =
        typeof metadata['containerimage.digest'] === 'string'
          ? (metadata['containerimage.digest'] as string)
          : undefined;
      if (req.push && !digest) {
        throw new Error(
          'The build pushed but buildx reported no image digest (containerimage.digest missing from the metadata file).',
        );
      }
      return {
        digest: req.push ? digest : undefined,
        imageId: readText(req.build.iidFile) ?? (metadata['containerimage.config.digest'] as string | undefined),
        metadata,
        durationMs: clock.now() - started,
        steps: reader.steps(),
        attempts: attempt,
      };
    }
    const failure = classifyBuildFailure(`${out.stdout}\n${out.stderr}`, req.push);
    if (failure.transient && attempt < MAX_ATTEMPTS) {
      const wait = retryWait(failure, attempt + 1);
      log.warning(
        `Attempt ${attempt} of ${MAX_ATTEMPTS} failed: ${failure.headline} Retrying in ${wait / 1000}s.` +
          (failure.evidence ? ` buildx: ${failure.evidence}` : ''),
      );
      await clock.sleep(wait);
      continue;
    }
    throw new BuildError(failure, attempt, reader.exportedDigest(), reader.pushedRefs());
  }
}
