// The OCI image-spec shapes this action reads and writes (descriptors, manifests, indexes, platforms) and the rules
// for telling them apart, shared by the layout reader, the pusher, the index builder and the read-back. Docker's
// v2 schema 2 types are the same shapes under other media type names, so both families are accepted everywhere.
import { createHash } from 'node:crypto';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** What the client accepts when it reads a manifest: indexes first, so a tag never resolves to one platform. */
export const MANIFEST_ACCEPT: readonly string[] = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
];

export interface OciPlatform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: OciPlatform;
  annotations?: Record<string, string>;
  urls?: string[];
  artifactType?: string;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export function isIndexType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}

export function isManifestType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest;
}

/** `sha256:<64 hex>` (or sha512:<128 hex>): the digests this client can check. */
const DIGEST = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** The digest of bytes in the algorithm `like` names (sha256 unless it names sha512). */
export function digestOf(bytes: Uint8Array, like = 'sha256:'): string {
  const algorithm = like.startsWith('sha512:') ? 'sha512' : 'sha256';
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/**
 * A manifest's media type: the `mediaType` field (OCI makes it optional, BuildKit always writes it), else the
 * Content-Type the registry served, else inferred from the shape.
 */
export function manifestMediaType(body: Record<string, unknown>, contentType?: string): string {
  if (typeof body.mediaType === 'string' && body.mediaType) return body.mediaType;
  const served = contentType?.split(';')[0].trim();
  if (served && (isIndexType(served) || isManifestType(served))) return served;
  return Array.isArray(body.manifests) ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
}

/**
 * `os/arch[/variant]`, normalised the way containerd compares platforms: arm64's default variant v8 and amd64's
 * v1 are dropped, so `linux/arm64/v8` and `linux/arm64` name one platform.
 */
export function platformString(p: Pick<OciPlatform, 'os' | 'architecture' | 'variant'>): string {
  const variant =
    (p.architecture === 'arm64' && p.variant === 'v8') || (p.architecture === 'amd64' && p.variant === 'v1')
      ? undefined
      : p.variant;
  return [p.os, p.architecture, variant].filter(Boolean).join('/');
}

/** The same normalisation for a platform written as a string (`linux/arm64/v8` → `linux/arm64`). */
export function normalizePlatform(platform: string): string {
  const [os, architecture, variant] = platform.trim().toLowerCase().split('/');
  return platformString({ os, architecture: architecture ?? '', variant });
}

/** `linux/arm/v7` → its OCI platform object. */
export function parsePlatformString(platform: string): OciPlatform {
  const [os, architecture, variant] = platform.trim().toLowerCase().split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}

/**
 * BuildKit's attestation manifests (provenance, SBOM) sit in an index as `unknown/unknown` entries: they are not
 * images anyone can run, so platform lists and checks skip them.
 */
export function isAttestationDescriptor(d: Pick<Descriptor, 'platform' | 'annotations'>): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown')
  );
}

/** The runnable platforms an index lists, normalised, in index order (attestations left out). */
export function indexPlatforms(index: {
  manifests: readonly (Pick<Descriptor, 'platform' | 'annotations'> & { digest?: string })[];
}): string[] {
  return index.manifests
    .filter((m) => m.platform && !isAttestationDescriptor(m))
    .map((m) => platformString(m.platform!));
}

/** The platform fields of an image config blob (`{"os","architecture","variant",…}`). */
export function configPlatform(config: Record<string, unknown>): OciPlatform | undefined {
  if (typeof config.os !== 'string' || typeof config.architecture !== 'string') return undefined;
  const p: OciPlatform = { os: config.os, architecture: config.architecture };
  if (typeof config.variant === 'string' && config.variant) p.variant = config.variant;
  if (typeof config['os.version'] === 'string' && config['os.version']) p['os.version'] = config['os.version'];
  if (Array.isArray(config['os.features']) && config['os.features'].length)
    p['os.features'] = config['os.features'] as string[];
  return p;
}

/** Parses manifest bytes, checking only what the rest of the code relies on. */
export function parseManifestBytes(bytes: Uint8Array, what: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new Error(`${what} is not JSON: ${(e as Error).message}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(`${what} is not a JSON object`);
  return body as Record<string, unknown>;
}

/** The descriptors an index lists or an image manifest references (config first), with their shape checked. */
export function childDescriptors(body: Record<string, unknown>, mediaType: string, what: string): Descriptor[] {
  const list = isIndexType(mediaType)
    ? body.manifests
    : [body.config, ...(Array.isArray(body.layers) ? body.layers : [undefined])];
  if (!Array.isArray(list)) throw new Error(`${what} lists no manifests`);
  return list.map((d, i) => {
    const desc = d as Partial<Descriptor> | undefined;
    if (!desc || typeof desc.digest !== 'string' || !isDigest(desc.digest) || typeof desc.size !== 'number') {
      throw new Error(`${what}: entry ${i} is not a descriptor with a sha256 digest and a size`);
    }
    return desc as Descriptor;
  });
}
