// One `docker buildx build` from the plan's argv, streamed live in a collapsible group, retried with backoff
// when the registry fails transiently during the push.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { run, tail } from '../exec.js';
import { log } from '../runner.js';
import type { BuildPlan } from '../plan/index.js';
import type { BuildResult } from '../result.js';
import { buildLogReader, isTransientRegistryFailure } from './build-log.js';

export interface BuildRequest {
  build: BuildPlan;
  push: boolean;
  /** a builder chosen at run time (created for this run), inserted as --builder */
  builderOverride?: string;
  dockerConfig: string;
  secrets: readonly string[];
  maxAttempts?: number;
  /** backoff before attempt n (n ≥ 2), in ms */
  backoffMs?: (attempt: number) => number;
}

function argvFor(req: BuildRequest): string[] {
  if (!req.builderOverride || req.build.argv.includes('--builder')) return req.build.argv;
  const [buildx, build, ...rest] = req.build.argv;
  return [buildx, build, '--builder', req.builderOverride, ...rest];
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function build(req: BuildRequest): Promise<BuildResult> {
  const maxAttempts = req.maxAttempts ?? 3;
  const backoff = req.backoffMs ?? ((n: number) => 2000 * 2 ** (n - 2));
  mkdirSync(dirname(req.build.metadataFile), { recursive: true });
  const argv = argvFor(req);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    rmSync(req.build.metadataFile, { force: true });
    rmSync(req.build.iidFile, { force: true });
    const reader = buildLogReader();
    log.startGroup(attempt === 1 ? 'Build' : `Build (attempt ${attempt} of ${maxAttempts})`);
    const out = await run('docker', argv, {
      secrets: req.secrets,
      env: { ...req.build.env, DOCKER_CONFIG: req.dockerConfig },
      stream: true,
      onLine: (l) => reader.line(l),
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
        durationMs: Date.now() - started,
        steps: reader.steps(),
        attempts: attempt,
      };
    }
    const output = `${out.stdout}\n${out.stderr}`;
    const transient = req.push && isTransientRegistryFailure(output);
    if (transient && attempt < maxAttempts) {
      const wait = backoff(attempt + 1);
      log.warning(
        `Attempt ${attempt} of ${maxAttempts} failed talking to the registry; retrying in ${wait / 1000}s: ${tail(out, 1)}`,
      );
      await sleep(wait);
      continue;
    }
    if (transient) {
      throw new Error(`The registry kept failing: the push failed ${attempt} times. Last error: ${tail(out, 3)}`);
    }
    throw new Error(`docker buildx build failed (exit ${out.code}):\n${tail(out, 12)}`);
  }
}
