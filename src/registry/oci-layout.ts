// Reading the OCI image layout `docker buildx build --output type=oci,dest=<file>` writes: a tar (or, with
// tar=false, a directory) holding `oci-layout`, `index.json` and every blob under `blobs/<alg>/<hex>`. A fan-out leg
// built with buildx 0.13's docker driver cannot push by digest, so the action pushes this layout itself (push.ts).
// Everything is checked as it is read: each blob's size and digest, each manifest's shape; a corrupt or truncated
// layout fails here, not half-way through a push.
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { x as extractTar } from 'tar';
import { buildIndex } from './image-index.js';
import {
  childDescriptors,
  configPlatform,
  digestOf,
  indexPlatforms,
  isDigest,
  isIndexType,
  isManifestType,
  MEDIA_TYPES,
  parseManifestBytes,
  platformString,
  type Descriptor,
  type ImageIndex,
} from './oci.js';

export interface LayoutBlob {
  digest: string;
  size: number;
  mediaType: string;
  /** the file holding it */
  path: string;
}

export interface LayoutManifest {
  descriptor: Descriptor;
  bytes: Buffer;
}

export interface OciLayout {
  /** the directory read (a temporary one when the source was a tar) */
  dir: string;
  /** what is pushed as the image: index.json's one entry, or an index made of its entries */
  root: Descriptor;
  /** every manifest and index to push, children before the indexes that name them, the root last */
  manifests: LayoutManifest[];
  /** every config and layer blob, once each */
  blobs: LayoutBlob[];
  /** the image's runnable platforms (attestation manifests left out) */
  platforms: string[];
  /** removes the extracted copy (a directory given as the source is left alone) */
  dispose(): Promise<void>;
}

class LayoutError extends Error {
  constructor(source: string, problem: string) {
    super(`The OCI layout ${source} ${problem}`);
    this.name = 'LayoutError';
  }
}

async function fileDigest(path: string, like: string): Promise<{ digest: string; size: number }> {
  const hash = createHash(like.startsWith('sha512:') ? 'sha512' : 'sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `${like.split(':')[0]}:${hash.digest('hex')}`, size };
}

/**
 * Opens a layout (tar file or directory) and reads everything reachable from its index.json, verifying every blob.
 * A tar is extracted under `workDir` (node-tar refuses absolute paths and `..`); call dispose() when done.
 */
export async function openOciLayout(source: string, workDir: string): Promise<OciLayout> {
  let dir = source;
  let owned = false;
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new LayoutError(source, 'does not exist');
  if (!info.isDirectory()) {
    dir = await mkdtemp(join(workDir, 'oci-layout-'));
    owned = true;
    try {
      await extractTar({ file: source, cwd: dir, strict: true });
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw new LayoutError(source, `is not a readable tar: ${(e as Error).message}`);
    }
  }
  const dispose = async () => {
    if (owned) await rm(dir, { recursive: true, force: true });
  };
  try {
    return { ...(await readLayout(source, dir)), dir, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

async function readLayout(source: string, dir: string): Promise<Omit<OciLayout, 'dir' | 'dispose'>> {
  const marker = await readFile(join(dir, 'oci-layout'), 'utf8').catch(() => undefined);
  let version: unknown;
  try {
    version =
      marker === undefined ? undefined : (JSON.parse(marker) as { imageLayoutVersion?: unknown }).imageLayoutVersion;
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string') {
    throw new LayoutError(source, 'has no oci-layout file: build it with --output type=oci,dest=<file>');
  }
  const indexBytes = await readFile(join(dir, 'index.json')).catch(() => undefined);
  if (!indexBytes) throw new LayoutError(source, 'has no index.json');
  const indexJson = parseManifestBytes(indexBytes, `${source}: index.json`);
  const roots = childDescriptors(indexJson, MEDIA_TYPES.ociIndex, `${source}: index.json`);
  if (roots.length === 0) throw new LayoutError(source, 'holds no image (index.json lists no manifest)');

  const blobPath = (digest: string) => {
    if (!isDigest(digest))
      throw new LayoutError(source, `names a blob with a digest this action cannot check: ${digest}`);
    const [alg, hex] = digest.split(':');
    return join(dir, 'blobs', alg, hex);
  };
  const readVerified = async (d: Descriptor): Promise<Buffer> => {
    const bytes = await readFile(blobPath(d.digest)).catch(() => undefined);
    if (!bytes) throw new LayoutError(source, `lacks the blob ${d.digest}`);
    if (bytes.length !== d.size || digestOf(bytes, d.digest) !== d.digest) {
      throw new LayoutError(
        source,
        `has a corrupt blob ${d.digest} (${bytes.length} bytes, digest ${digestOf(bytes, d.digest)})`,
      );
    }
    return bytes;
  };

  const manifests: LayoutManifest[] = [];
  const blobs = new Map<string, LayoutBlob>();
  const seen = new Set<string>();
  const configs = new Map<string, Record<string, unknown>>();
  const walk = async (d: Descriptor): Promise<void> => {
    if (seen.has(d.digest)) return;
    seen.add(d.digest);
    const bytes = await readVerified(d);
    const body = parseManifestBytes(bytes, `${source}: manifest ${d.digest}`);
    const mediaType = typeof body.mediaType === 'string' ? body.mediaType : d.mediaType;
    if (!isIndexType(mediaType) && !isManifestType(mediaType)) {
      throw new LayoutError(source, `names ${d.digest} of type ${mediaType}, neither an image manifest nor an index`);
    }
    const children = childDescriptors(body, mediaType, `${source}: manifest ${d.digest}`);
    if (isIndexType(mediaType)) {
      for (const child of children) await walk(child);
    } else {
      for (const [i, blob] of children.entries()) {
        if (blobs.has(blob.digest)) continue;
        const path = blobPath(blob.digest);
        const found = await fileDigest(path, blob.digest).catch(() => undefined);
        if (!found) {
          // Non-distributable layers (Windows base layers) live elsewhere: they are named, not pushed.
          if (blob.urls?.length) continue;
          throw new LayoutError(source, `lacks the blob ${blob.digest}`);
        }
        if (found.size !== blob.size || found.digest !== blob.digest) {
          throw new LayoutError(
            source,
            `has a corrupt blob ${blob.digest} (${found.size} bytes, digest ${found.digest})`,
          );
        }
        blobs.set(blob.digest, { digest: blob.digest, size: blob.size, mediaType: blob.mediaType, path });
        if (i === 0)
          configs.set(d.digest, JSON.parse((await readFile(path)).toString('utf8')) as Record<string, unknown>);
      }
    }
    manifests.push({ descriptor: { mediaType, digest: d.digest, size: d.size }, bytes });
  };
  for (const r of roots) await walk(r);

  const platformOf = (d: Descriptor) => {
    const config = configs.get(d.digest);
    return d.platform ?? (config ? configPlatform(config) : undefined);
  };
  let root: Descriptor;
  if (roots.length === 1) {
    root = {
      ...roots[0],
      mediaType: manifests.find((m) => m.descriptor.digest === roots[0].digest)!.descriptor.mediaType,
    };
  } else {
    // Several images side by side in index.json: the image is an index of them, made as the merge makes one.
    const built = buildIndex(roots.map((d) => ({ ...d, platform: platformOf(d) })));
    root = { mediaType: built.mediaType, digest: built.digest, size: built.size };
    manifests.push({ descriptor: root, bytes: built.bytes });
  }
  const rootBytes = manifests.find((m) => m.descriptor.digest === root.digest)!.bytes;
  let platforms: string[];
  if (isIndexType(root.mediaType)) {
    platforms = indexPlatforms(JSON.parse(rootBytes.toString('utf8')) as ImageIndex);
  } else {
    const p = platformOf(roots[0]);
    platforms = p ? [platformString(p)] : [];
  }
  return {
    root: { mediaType: root.mediaType, digest: root.digest, size: root.size },
    manifests,
    blobs: [...blobs.values()],
    platforms,
  };
}
