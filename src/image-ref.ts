// Image references as the registry sees them: host, repository path, tag.
export interface ImageRef {
  /** registry host, e.g. ghcr.io, docker.io, 127.0.0.1:5000 */
  registry: string;
  /** repository path, e.g. owner/app */
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
    return { registry: first, repository: rest.slice(slash + 1), tag, digest };
  }
  const repository = rest.includes('/') ? rest : `library/${rest}`;
  return { registry: 'docker.io', repository, tag, digest };
}

export function registryOf(image: string): string {
  return parseImageRef(image).registry;
}

/** Registries on this machine speak plain http; everything else https. */
export function isLoopbackRegistry(registry: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(registry);
}
