// The fan-out merge: one OCI image index made from the legs' pushed manifests, put under every tag of every image.
// What `docker buildx imagetools create` does, over the registry API, with two guarantees of its own: the index
// bytes are deterministic (same legs and annotations → same digest, whatever order the legs arrive in, so a
// re-run is a no-op), and every tag's outcome is reported on its own (a registry refusing one tag does not hide
// which others moved).
import type { Credential } from './identity.js';
import { parseImageRef } from './image-ref.js';
import { mapLimit } from './concurrency.js';
import { RegistryError } from './errors.js';
import {
  childDescriptors,
  configPlatform,
  digestOf,
  isAttestationDescriptor,
  isIndexType,
  MEDIA_TYPES,
  normalizePlatform,
  parsePlatformString,
  platformString,
  type Descriptor,
  type OciPlatform,
} from './oci.js';
import { withRegistries, type Registries } from './session.js';

export interface BuiltIndex {
  bytes: Buffer;
  digest: string;
  mediaType: string;
  size: number;
  /** the entries, in the order written */
  manifests: Descriptor[];
  /** runnable platforms, in the order written */
  platforms: string[];
}

function sortedRecord(r: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!r || Object.keys(r).length === 0) return undefined;
  return Object.fromEntries(
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k]]),
  );
}

/** A descriptor with its keys in one fixed order (JSON.stringify keeps insertion order). */
function canonicalDescriptor(d: Descriptor): Descriptor {
  const out: Descriptor = { mediaType: d.mediaType, digest: d.digest, size: d.size };
  if (d.platform) {
    const p: OciPlatform = { architecture: d.platform.architecture, os: d.platform.os } as OciPlatform;
    if (d.platform['os.version']) p['os.version'] = d.platform['os.version'];
    if (d.platform['os.features']?.length) p['os.features'] = [...d.platform['os.features']];
    if (d.platform.variant) p.variant = d.platform.variant;
    out.platform = p;
  }
  if (d.artifactType) out.artifactType = d.artifactType;
  const annotations = sortedRecord(d.annotations);
  if (annotations) out.annotations = annotations;
  return out;
}

/**
 * The index bytes for these entries: runnable images sorted by platform, then attestation manifests in the order
 * of the images they describe; duplicates dropped; annotations with sorted keys. Two different images for one
 * platform are an error (two legs built the same platform).
 */
export function buildIndex(entries: readonly Descriptor[], annotations?: Record<string, string>): BuiltIndex {
  const byDigest = new Map<string, Descriptor>();
  for (const e of entries) if (!byDigest.has(e.digest)) byDigest.set(e.digest, e);
  const all = [...byDigest.values()];
  const images = all.filter((d) => !isAttestationDescriptor(d));
  const attestations = all.filter((d) => isAttestationDescriptor(d));
  const key = (d: Descriptor) => (d.platform ? platformString(d.platform) : '');
  const seen = new Map<string, string>();
  for (const d of images) {
    if (!d.platform) throw new Error(`The manifest ${d.digest} has no platform: an index entry needs one`);
    const other = seen.get(key(d));
    if (other)
      throw new Error(`Two images for ${key(d)}: ${other} and ${d.digest} (did two legs build the same platform?)`);
    seen.set(key(d), d.digest);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  images.sort((a, b) => cmp(key(a), key(b)) || cmp(a.digest, b.digest));
  const order = new Map(images.map((d, i) => [d.digest, i]));
  const subjectRank = (d: Descriptor) =>
    order.get(d.annotations?.['vnd.docker.reference.digest'] ?? '') ?? images.length;
  attestations.sort((a, b) => subjectRank(a) - subjectRank(b) || cmp(a.digest, b.digest));
  const manifests = [...images, ...attestations].map(canonicalDescriptor);
  const index: Record<string, unknown> = { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests };
  const top = sortedRecord(annotations);
  if (top) index.annotations = top;
  const bytes = Buffer.from(JSON.stringify(index), 'utf8');
  return {
    bytes,
    digest: digestOf(bytes),
    mediaType: MEDIA_TYPES.ociIndex,
    size: bytes.length,
    manifests,
    platforms: images.map(key),
  };
}

/** A leg's result: the digest it pushed (an image or an index) and, when known, its platform. */
export interface Leg {
  digest: string;
  platform?: string;
}

/**
 * The index entries the legs contribute, read from one repository: an image contributes itself (platform from
 * its config, which must agree with the leg's), an index its entries (attestations included).
 */
export async function resolveLegs(
  registries: Registries,
  repositoryRef: string,
  legs: readonly Leg[],
): Promise<Descriptor[]> {
  const { registry, repository } = parseImageRef(repositoryRef);
  const client = registries.client(registry);
  const parts = await mapLimit(legs, 4, async (leg): Promise<Descriptor[]> => {
    const m = await client.getManifest(repository, leg.digest).catch((e: unknown) => {
      if (e instanceof RegistryError && e.kind === 'not-found') {
        const which = leg.platform ? `The ${leg.platform} leg's image` : 'A leg image';
        throw new Error(
          `Cannot create the index: ${which} ${leg.digest} is not in ${registry}/${repository}: the leg did not push ` +
            'there (each leg pushes every image), or the digest names another image.',
        );
      }
      throw e;
    });
    const what = `The leg manifest ${registry}/${repository}@${leg.digest}`;
    if (isIndexType(m.mediaType)) return childDescriptors(m.body, m.mediaType, what);
    const [config] = childDescriptors(m.body, m.mediaType, what);
    const fromConfig = configPlatform(JSON.parse((await client.getBlob(repository, config.digest)).toString('utf8')));
    if (leg.platform && fromConfig && normalizePlatform(leg.platform) !== platformString(fromConfig)) {
      throw new Error(`${what} is an image for ${platformString(fromConfig)}, not ${leg.platform} as its leg says`);
    }
    const platform = fromConfig ?? (leg.platform ? parsePlatformString(leg.platform) : undefined);
    if (!platform) throw new Error(`${what} names no platform in its config, and its leg gives none`);
    return [{ mediaType: m.mediaType, digest: m.digest, size: m.size, platform }];
  });
  return parts.flat();
}

export interface TagOutcome {
  /** registry/repository:tag */
  ref: string;
  ok: boolean;
  error?: Error;
}

export interface CreatedIndex extends BuiltIndex {
  /** one per tag of every repository, in the order given */
  tags: TagOutcome[];
}

export interface CreateIndexRequest {
  legs: readonly Leg[];
  /** repository (registry/path, as the merge plan names it) → tag names to put the index under */
  repositories: Readonly<Record<string, readonly string[]>>;
  /** index-level annotations */
  annotations?: Record<string, string>;
}

/**
 * Builds the index from the legs and PUTs it under every tag of every repository. Throws before writing anything
 * when a repository lacks a leg's manifest (the legs push every image, so that means a leg did not run or pushed
 * elsewhere); after that, never throws for a tag: each tag's outcome is in the result (see `failedTags`).
 */
export async function createIndex(
  req: CreateIndexRequest,
  access: Registries | readonly Credential[],
): Promise<CreatedIndex> {
  const repositories = Object.keys(req.repositories);
  if (repositories.length === 0) throw new Error('No repository to put the index in');
  if (req.legs.length === 0) throw new Error('No leg digests to make an index from');
  return withRegistries(access, async (registries) => {
    const entries = await resolveLegs(registries, repositories[0], req.legs);
    const index = buildIndex(entries, req.annotations);
    // Every repository must hold every entry before a tag points at an index naming it.
    const missing = (
      await mapLimit(repositories, 4, async (repo) => {
        const { registry, repository } = parseImageRef(repo);
        const client = registries.client(registry);
        const heads = await mapLimit(index.manifests, 8, (d) => client.findManifest(repository, d.digest));
        return index.manifests
          .filter((_, i) => heads[i] === undefined)
          .map((d) => {
            const what = d.platform && !isAttestationDescriptor(d) ? platformString(d.platform) : 'attestation';
            return `${registry}/${repository} lacks ${d.digest} (${what})`;
          });
      })
    ).flat();
    if (missing.length) {
      throw new Error(
        `Cannot create the index: the legs' manifests are not in every repository (each leg pushes every image):\n- ${missing.join('\n- ')}`,
      );
    }
    const targets = repositories.flatMap((repo) => req.repositories[repo].map((tag) => ({ repo, tag })));
    const tags = await mapLimit(targets, 4, async ({ repo, tag }): Promise<TagOutcome> => {
      const { registry, repository } = parseImageRef(repo);
      const ref = `${registry}/${repository}:${tag}`;
      try {
        await registries.client(registry).putManifest(repository, tag, index.bytes, index.mediaType);
        return { ref, ok: true };
      } catch (e) {
        return { ref, ok: false, error: e as Error };
      }
    });
    return { ...index, tags };
  });
}

/** The failed tags of a created index, for an error message; empty when every tag points at the index. */
export function failedTags(created: Pick<CreatedIndex, 'tags'>): TagOutcome[] {
  return created.tags.filter((t) => !t.ok);
}
