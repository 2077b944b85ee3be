// Pushing an OCI layout by digest, as a fan-out leg does when its builder cannot (buildx 0.13's docker driver:
// "push-by-digest is currently not implemented"): every blob, then every manifest, then the image itself, each
// under its digest and no tag, to every repository of the leg's images. Registries are pushed side by side; the
// repositories of one registry one after another, so the second gets its blobs by cross-repository mount instead
// of a second upload.
import { createReadStream } from 'node:fs';
import type { BlobPushOutcome } from './client.js';
import type { Credential } from './identity.js';
import { parseImageRef } from './image-ref.js';
import { mapLimit } from './concurrency.js';
import { openOciLayout, type OciLayout } from './oci-layout.js';
import { withRegistries, type Registries } from './session.js';

export interface PushedImage {
  /** the image pushed: an index for several platforms (or with attestations), else a manifest */
  digest: string;
  mediaType: string;
  size: number;
  /** runnable platforms */
  platforms: string[];
  /** registry/repository of every repository that now holds it */
  repositories: string[];
  /** how the blobs got there, over all repositories */
  blobs: Record<BlobPushOutcome, number>;
}

export interface PushOptions {
  /** blobs uploaded at once per repository (default 4) */
  concurrency?: number;
}

/** Pushes an opened layout to every repository of `images` (image names; a tag or digest in them is ignored). */
export async function pushLayout(
  layout: OciLayout,
  images: readonly string[],
  access: Registries | readonly Credential[],
  options: PushOptions = {},
): Promise<PushedImage> {
  const byRegistry = new Map<string, string[]>();
  for (const image of images) {
    const { registry, repository } = parseImageRef(image);
    const repos = byRegistry.get(registry) ?? [];
    if (!repos.includes(repository)) repos.push(repository);
    byRegistry.set(registry, repos);
  }
  if (byRegistry.size === 0) throw new Error('No repository to push the image to');
  const counts: Record<BlobPushOutcome, number> = { exists: 0, mounted: 0, uploaded: 0 };
  await withRegistries(access, (registries) =>
    Promise.all(
      [...byRegistry].map(async ([registry, repositories]) => {
        const client = registries.client(registry);
        for (const [i, repository] of repositories.entries()) {
          const mountFrom = repositories.slice(0, i);
          await mapLimit(layout.blobs, options.concurrency ?? 4, async (blob) => {
            const outcome = await client.uploadBlob(
              repository,
              { digest: blob.digest, size: blob.size, open: () => createReadStream(blob.path) },
              mountFrom,
            );
            counts[outcome]++;
          });
          // Children before the indexes naming them: a registry may refuse an index whose entries it lacks.
          for (const m of layout.manifests) {
            await client.putManifest(repository, m.descriptor.digest, m.bytes, m.descriptor.mediaType);
          }
        }
      }),
    ),
  );
  return {
    digest: layout.root.digest,
    mediaType: layout.root.mediaType,
    size: layout.root.size,
    platforms: layout.platforms,
    repositories: [...byRegistry].flatMap(([registry, repos]) => repos.map((r) => `${registry}/${r}`)),
    blobs: counts,
  };
}

/**
 * Opens the layout `docker buildx build --output type=oci,dest=<source>` wrote (tar or directory), pushes it by
 * digest to every repository of `images`, and removes the extracted copy. `workDir` holds that copy.
 */
export async function pushOciLayout(
  source: string,
  images: readonly string[],
  access: Registries | readonly Credential[],
  workDir: string,
  options: PushOptions = {},
): Promise<PushedImage> {
  const layout = await openOciLayout(source, workDir);
  try {
    return await pushLayout(layout, images, access, options);
  } finally {
    await layout.dispose();
  }
}
