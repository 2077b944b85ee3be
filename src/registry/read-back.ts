// Reading tags back from their registries: what each tag resolves to now (digest, platforms) or why it could not
// be read. Used to verify a push (every tag → the pushed digest, every platform listed) and, after a push that
// failed half-way, to tell the user exactly which tags already point at the new image and which do not.
import type { Credential } from './identity.js';
import { parseImageRef } from './image-ref.js';
import { mapLimit } from './concurrency.js';
import {
  configPlatform,
  indexPlatforms,
  isIndexType,
  normalizePlatform,
  platformString,
  type ImageIndex,
} from './oci.js';
import { withRegistries, type Registries } from './session.js';

export interface TagReadBack {
  /** the tag as given (registry/repository:tag) */
  ref: string;
  /** what the tag resolves to, computed from the bytes served; absent when it could not be read */
  digest?: string;
  mediaType?: string;
  /** runnable platforms (an index's entries without attestations, or the one image's config platform) */
  platforms?: string[];
  /** the tag resolves to the expected digest */
  matches: boolean;
  /** requested platforms the image does not list (empty when it could not be read) */
  missingPlatforms: string[];
  /** why the tag could not be read: a RegistryError (kind `not-found`: the tag does not exist) or a bad manifest */
  error?: Error;
}

export interface ReadBackOptions {
  /** tags read at once (default 8) */
  concurrency?: number;
}

/**
 * Reads every tag (concurrently, over the session's shared connections). Never throws for a tag: each result says
 * what the tag resolves to or why it could not be read.
 */
export async function readBack(
  tags: readonly string[],
  expectedDigest: string | undefined,
  platforms: readonly string[],
  access: Registries | readonly Credential[],
  options: ReadBackOptions = {},
): Promise<TagReadBack[]> {
  const wanted = platforms.map(normalizePlatform);
  return withRegistries(access, async (registries) => {
    // One config read per image, however many tags point at it.
    const configPlatforms = new Map<string, Promise<string[]>>();
    const platformsOfImage = (registry: string, repository: string, configDigest: string) => {
      const key = `${registry}/${repository}@${configDigest}`;
      let p = configPlatforms.get(key);
      if (!p) {
        p = registries
          .client(registry)
          .getBlob(repository, configDigest)
          .then((bytes) => {
            const platform = configPlatform(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>);
            return platform ? [platformString(platform)] : [];
          });
        configPlatforms.set(key, p);
      }
      return p;
    };
    return mapLimit(tags, options.concurrency ?? 8, async (ref): Promise<TagReadBack> => {
      const image = parseImageRef(ref);
      try {
        const m = await registries
          .client(image.registry)
          .getManifest(image.repository, image.digest ?? image.tag ?? 'latest');
        let listed: string[];
        if (isIndexType(m.mediaType)) {
          listed = indexPlatforms(m.body as unknown as ImageIndex);
        } else {
          const config = (m.body.config as { digest?: string } | undefined)?.digest;
          listed = config ? await platformsOfImage(image.registry, image.repository, config) : [];
        }
        return {
          ref,
          digest: m.digest,
          mediaType: m.mediaType,
          platforms: listed,
          matches: expectedDigest !== undefined && m.digest === expectedDigest,
          missingPlatforms: wanted.filter((p) => !listed.includes(p)),
        };
      } catch (e) {
        return { ref, matches: false, missingPlatforms: [], error: e as Error };
      }
    });
  });
}
