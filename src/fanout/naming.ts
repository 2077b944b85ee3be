// The names of the fan-out's leg artifacts and the platform form used in names: what the plan needs to name the
// legs' hand-over, in a module of its own so that the plan (on every path, the dry-run's included) never loads
// the code that talks to the artifact service (artifacts.ts).
import { parseImageRef, repositoryName } from '../registry/image-ref.js';

const NAME_PREFIX = 'publish-image-leg';
const SLUG_MAX = 40;
/** os/arch[/variant] in the lower-case form buildx reports */
export const PLATFORM_FORM = /^[a-z0-9_.]+\/[a-z0-9_.]+(\/[a-z0-9_.]+)?$/;

/** `linux/arm/v7` → `linux-arm-v7`: a platform as it may appear in artifact names, cache scopes and job names. */
export function platformPair(platform: string): string {
  if (!PLATFORM_FORM.test(platform)) throw new Error(`Not a platform (os/arch[/variant]): ${JSON.stringify(platform)}`);
  return platform.replaceAll('/', '-');
}

/**
 * FNV-1a (64 bit), not node:crypto: loading node:crypto costs 10–40 ms here, and the plan names artifacts on every
 * path. The hash only tells image sets apart within one run; collect also checks the images inside each result.
 */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** The image set as the registry sees it: canonical repositories, sorted, without duplicates, tags or digests. */
export function imageSet(images: readonly string[]): string[] {
  if (images.length === 0) throw new Error('A fan-out leg needs at least one image name');
  return [...new Set(images.map(repositoryName))].sort();
}

/** A readable, name-safe form of a repository path: `ghcr.io/Acme/web_app` → `acme-web-app`. */
function slug(repository: string): string {
  const s = parseImageRef(repository)
    .repository.toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'image';
}

/**
 * The start of every leg artifact's name for this image set: `publish-image-leg_<slug>_<hash>_`. The slug (of the
 * first repository in sorted order) is for people; the hash of the whole set keeps two image sets published in one
 * run apart. `_` separates the parts and occurs in neither slug nor hash, so one set's prefix never starts another
 * set's names. The same images in any order, with or without tags or Docker Hub's implicit parts, give the same.
 */
export function legArtifactPrefix(images: readonly string[]): string {
  const set = imageSet(images);
  return `${NAME_PREFIX}_${slug(set[0])}_${fnv1a64(set.join('\n')).slice(0, 12)}_`;
}

/**
 * The artifact carrying one leg's result: the prefix, the platform's pair and the run attempt. The attempt is part
 * of the name because artifact names are unique per run and a re-run job is the same run: re-uploading under the
 * first attempt's name would be refused (409). Contains none of the characters artifact names forbid
 * (`" : < > | * ? \r \n \ /`).
 */
export function legArtifactName(images: readonly string[], platform: string, runAttempt: number): string {
  if (!Number.isSafeInteger(runAttempt) || runAttempt < 1) {
    throw new Error(`A run attempt is 1, 2, ...; got ${JSON.stringify(runAttempt)}`);
  }
  return `${legArtifactPrefix(images)}${platformPair(platform)}_attempt-${runAttempt}`;
}
