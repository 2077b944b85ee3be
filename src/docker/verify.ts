// After a push, read every pushed tag back from the registry: it must resolve to the digest buildx reported, and
// the image must list every requested platform (BuildKit's unknown/unknown attestation entries do not count).
// Anything else fails the step. The reading itself is the registry client's readBack (concurrent, shared
// connections); this module only states the guarantee.
import type { Credential } from '../registry/identity.js';
import { readBack } from '../registry/read-back.js';
import type { Registries } from '../registry/session.js';
import type { VerifyResult } from '../result.js';

export { indexPlatforms } from '../registry/oci.js';

export async function verifyPush(
  tags: readonly string[],
  digest: string,
  platforms: readonly string[],
  access: Registries | readonly Credential[],
): Promise<VerifyResult> {
  const read = await readBack(tags, digest, platforms, access);
  const verified: VerifyResult = { tags: [], platforms: [] };
  const problems: string[] = [];
  for (const tag of read) {
    if (tag.error || !tag.digest) {
      problems.push(`${tag.ref} could not be read: ${tag.error?.message ?? 'no digest'}`);
      continue;
    }
    verified.tags.push({ ref: tag.ref, digest: tag.digest });
    if (verified.platforms.length === 0) verified.platforms = tag.platforms ?? [];
    if (!tag.matches) problems.push(`${tag.ref} resolves to ${tag.digest}, not the pushed ${digest}`);
    if (tag.missingPlatforms.length) {
      const listed = tag.platforms?.join(', ') || 'none';
      problems.push(`${tag.ref} lacks platform(s) ${tag.missingPlatforms.join(', ')} (the image lists ${listed})`);
    }
  }
  if (problems.length) throw new Error(`The registry does not hold what was pushed:\n- ${problems.join('\n- ')}`);
  return verified;
}
