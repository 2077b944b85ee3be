// After a push, read every pushed tag back from the registry: it must resolve to the digest buildx reported, and
// an index must list every requested platform. Anything else fails the step.
import { credentialFor, type Credential } from '../registry/identity.js';
import { parseImageRef } from '../registry/image-ref.js';
import { RegistryClient } from '../registry/client.js';
import type { VerifyResult } from '../result.js';

interface IndexEntry {
  digest: string;
  platform?: { os?: string; architecture?: string; variant?: string };
}

/** Platforms of an index, without BuildKit's attestation manifests (unknown/unknown). */
export function indexPlatforms(body: Record<string, unknown>): string[] {
  const manifests = (body.manifests as IndexEntry[] | undefined) ?? [];
  return manifests
    .map((m) => m.platform)
    .filter((p): p is NonNullable<IndexEntry['platform']> => !!p && p.os !== 'unknown')
    .map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'));
}

export async function verifyPush(
  tags: readonly string[],
  digest: string,
  platforms: readonly string[],
  logins: readonly Credential[],
): Promise<VerifyResult> {
  const clients = new Map<string, RegistryClient>();
  const verified: VerifyResult = { tags: [], platforms: [] };
  const problems: string[] = [];
  for (const tag of tags) {
    const ref = parseImageRef(tag);
    let client = clients.get(ref.registry);
    if (!client) {
      const login = credentialFor(ref.registry, logins);
      client = new RegistryClient(ref.registry, login && { username: login.username, password: login.password });
      clients.set(ref.registry, client);
    }
    const manifest = await client.manifest(ref);
    verified.tags.push({ ref: tag, digest: manifest.digest });
    if (manifest.digest !== digest) problems.push(`${tag} resolves to ${manifest.digest}, not the pushed ${digest}`);
    const listed = Array.isArray(manifest.body.manifests) ? indexPlatforms(manifest.body) : [];
    if (verified.platforms.length === 0) verified.platforms = listed;
    const missing = platforms.filter((p) => !listed.includes(p) && !(platforms.length === 1 && listed.length === 0));
    if (missing.length)
      problems.push(`${tag} lacks platform(s) ${missing.join(', ')} (index lists ${listed.join(', ') || 'none'})`);
  }
  if (problems.length) throw new Error(`The registry does not hold what was pushed:\n- ${problems.join('\n- ')}`);
  return verified;
}
