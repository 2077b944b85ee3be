// Registry identity: which registry an image, a login or a credential belongs to. One canonical form, used by
// logins, verification, attestation and the registry client alike, so "same registry" means the same everywhere.
// Docker Hub answers to several names (docker.io, index.docker.io, registry-1.docker.io, registry.hub.docker.com,
// and no host at all in an image name): they are one registry, `docker.io`.

const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

export const DOCKER_HUB = 'docker.io';

/**
 * The canonical name of a registry given as a login-action `registry` value, an image's host part or a config
 * key: scheme and path dropped (`https://index.docker.io/v1/` → `docker.io`), host lower-cased, Docker Hub's
 * aliases and the empty string → `docker.io`.
 */
export function canonicalRegistry(value: string): string {
  const host = value
    .trim()
    // letters spelled out, not /i: a case-insensitive class of ranges costs ~0.2 ms to compile, on every start
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '')
    .split('/')[0]
    .toLowerCase();
  if (host === '' || DOCKER_HUB_ALIASES.has(host)) return DOCKER_HUB;
  return host;
}

/**
 * The server address `docker login <registry>` logs in to, and the key of its entry in config.json: Docker Hub's is
 * the v1 index URL (what the CLI and buildx look up for docker.io images), any other registry's its host.
 */
export function dockerLoginAddress(registry: string): string {
  const canonical = canonicalRegistry(registry);
  return canonical === DOCKER_HUB ? 'https://index.docker.io/v1/' : canonical;
}

/** Registries on this machine speak plain http; everything else https. */
export function isLoopbackRegistry(registry: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(canonicalRegistry(registry));
}

/** Base URL of the registry's distribution API (Docker Hub's API lives on registry-1.docker.io). */
export function registryApiBase(registry: string): string {
  const canonical = canonicalRegistry(registry);
  const host = canonical === DOCKER_HUB ? 'registry-1.docker.io' : canonical;
  return `${isLoopbackRegistry(canonical) ? 'http' : 'https'}://${host}`;
}

/** Where a credential came from, for the log and the summary (never the value). */
export type CredentialSource = 'password' | 'github-token' | 'registry-auth' | 'ecr';

/** The one credential shape: used to log in, to read pushed tags back and to attach attestations. */
export interface Credential {
  /** canonical registry (canonicalRegistry) */
  registry: string;
  username: string;
  password: string;
  source: CredentialSource;
}

/** The credential for a registry, whatever alias either side uses. */
export function credentialFor<C extends Pick<Credential, 'registry'>>(
  registry: string,
  credentials: readonly C[],
): C | undefined {
  const target = canonicalRegistry(registry);
  return credentials.find((c) => canonicalRegistry(c.registry) === target);
}
