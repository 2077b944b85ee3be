// What one build leg of a fan-out hands to the merge job: the digest it pushed for its platform and the facts the
// merge's summary reports per leg. It travels between jobs (and between publish-image versions when a workflow
// pins legs and merge differently), so it carries a schema version and is validated field by field on the way in:
// a malformed or foreign file fails the merge with the artifact's name instead of producing a broken index.
import { PLATFORM_FORM, platformPair } from './naming.js';

/** The version of the leg result's JSON shape; bump it when a field changes meaning or becomes required. */
export const LEG_RESULT_SCHEMA = 1;

/** The file inside a leg's artifact. */
export const LEG_RESULT_FILE = 'leg-result.json';

export interface LegResult {
  schema: typeof LEG_RESULT_SCHEMA;
  /** the image names the leg pushed to (by digest, no tags) */
  images: string[];
  /** os/arch[/variant], e.g. linux/arm64 */
  platform: string;
  /** the platform safe for names, e.g. linux-arm64 (platformPair) */
  pair: string;
  /** the pushed image manifest, sha256:<64 hex> */
  digest: string;
  /** the manifest's media type, when the leg knows it */
  mediaType?: string;
  /** the manifest's size in bytes, when the leg knows it */
  size?: number;
  buildSeconds: number;
  /** build steps answered from the cache, of all the steps */
  cache: { hits: number; steps: number };
  builder: { name: string; driver: string };
  /** the runner the leg ran on (RUNNER_NAME, RUNNER_OS, RUNNER_ARCH); act may leave the name empty */
  runner: { name: string; os: string; arch: string };
  /** GITHUB_RUN_ATTEMPT of the leg: a re-run leg's result replaces the earlier attempt's */
  runAttempt: number;
}

/** A leg result that cannot be used; the message names the artifact it came from. */
export class LegResultError extends Error {
  constructor(
    readonly artifact: string,
    readonly problem: string,
  ) {
    super(`Leg result in artifact "${artifact}": ${problem}`);
    this.name = 'LegResultError';
  }
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/i;

/** The JSON written into a leg's artifact. */
export function serializeLegResult(result: LegResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Shows a value from the file in an error without letting it run on (or across lines). */
function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Parses and checks a leg result read from the artifact named `artifact`. Unknown fields are ignored. */
export function parseLegResult(text: string, artifact: string): LegResult {
  const fail = (problem: string): never => {
    throw new LegResultError(artifact, problem);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail(`${LEG_RESULT_FILE} is not JSON`);
  }
  if (!isObject(doc)) return fail(`${LEG_RESULT_FILE} holds ${shown(doc)}, not an object`);

  if (doc.schema !== LEG_RESULT_SCHEMA) {
    return fail(
      `schema version ${shown(doc.schema)}; this publish-image reads version ${LEG_RESULT_SCHEMA} ` +
        '(use the same publish-image version in the build legs and the merge job)',
    );
  }
  const field = (name: string, ok: boolean, expected: string, value: unknown) => {
    if (!ok) fail(`"${name}" must be ${expected}, got ${shown(value)}`);
  };
  const str = (v: unknown): v is string => typeof v === 'string';
  const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

  const images = doc.images;
  field(
    'images',
    Array.isArray(images) && images.length > 0 && images.every((i) => str(i) && /^\S+$/.test(i)),
    'a non-empty list of image names',
    images,
  );
  field(
    'platform',
    str(doc.platform) && PLATFORM_FORM.test(doc.platform),
    'a platform os/arch[/variant]',
    doc.platform,
  );
  const platform = doc.platform as string;
  field('pair', doc.pair === platformPair(platform), `"${platformPair(platform)}" (the platform's pair)`, doc.pair);
  field('digest', str(doc.digest) && DIGEST.test(doc.digest), 'sha256:<64 hex digits>', doc.digest);
  if (doc.mediaType !== undefined) {
    field('mediaType', str(doc.mediaType) && MEDIA_TYPE.test(doc.mediaType), 'a media type', doc.mediaType);
  }
  if (doc.size !== undefined) field('size', count(doc.size), 'a byte count', doc.size);
  field(
    'buildSeconds',
    typeof doc.buildSeconds === 'number' && Number.isFinite(doc.buildSeconds) && doc.buildSeconds >= 0,
    'a number of seconds',
    doc.buildSeconds,
  );
  const cache = doc.cache;
  field(
    'cache',
    isObject(cache) && count(cache.hits) && count(cache.steps) && cache.hits <= cache.steps,
    '{ hits, steps } with 0 <= hits <= steps',
    cache,
  );
  const builder = doc.builder;
  field(
    'builder',
    isObject(builder) && str(builder.name) && builder.name !== '' && str(builder.driver) && builder.driver !== '',
    '{ name, driver }',
    builder,
  );
  const runner = doc.runner;
  field(
    'runner',
    isObject(runner) && str(runner.name) && str(runner.os) && str(runner.arch),
    '{ name, os, arch }',
    runner,
  );
  field('runAttempt', count(doc.runAttempt) && doc.runAttempt >= 1, 'a run attempt (1, 2, ...)', doc.runAttempt);

  const c = cache as { hits: number; steps: number };
  const b = builder as { name: string; driver: string };
  const r = runner as { name: string; os: string; arch: string };
  return {
    schema: LEG_RESULT_SCHEMA,
    images: [...(images as string[])],
    platform,
    pair: doc.pair as string,
    digest: doc.digest as string,
    ...(doc.mediaType !== undefined ? { mediaType: doc.mediaType as string } : {}),
    ...(doc.size !== undefined ? { size: doc.size as number } : {}),
    buildSeconds: doc.buildSeconds as number,
    cache: { hits: c.hits, steps: c.steps },
    builder: { name: b.name, driver: b.driver },
    runner: { name: r.name, os: r.os, arch: r.arch },
    runAttempt: doc.runAttempt as number,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
