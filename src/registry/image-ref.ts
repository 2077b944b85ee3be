// Image references as the registry sees them: canonical registry, repository path, tag, digest.
import { canonicalRegistry } from './identity.js';

export interface ImageRef {
  /** canonical registry (identity.ts), e.g. ghcr.io, docker.io, 127.0.0.1:5000 */
  registry: string;
  /** repository path, e.g. owner/app (library/alpine for Docker Hub's official images) */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Docker's rule: the first component is a registry host when it has a dot or a port, or is localhost. */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    const registry = canonicalRegistry(first);
    const path = rest.slice(slash + 1);
    // Docker Hub's official images live under library/, whichever alias names the host
    const repository = registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path;
    return { registry, repository, tag, digest };
  }
  const repository = rest.includes('/') ? rest : `library/${rest}`;
  return { registry: 'docker.io', repository, tag, digest };
}

export function registryOf(image: string): string {
  return parseImageRef(image).registry;
}

/** `registry/repository`, with Docker Hub's implicit forms made explicit (docker.io/library/alpine). */
export function repositoryName(image: string): string {
  const ref = parseImageRef(image);
  return `${ref.registry}/${ref.repository}`;
}
