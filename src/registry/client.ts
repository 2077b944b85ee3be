// A minimal OCI distribution client: enough to read a pushed manifest back (verification) with the credentials
// this action logged in with. Handles the two auth schemes registries use: Basic (htpasswd registries) and the
// Bearer token challenge (ghcr.io, Docker Hub).
import { createHash } from 'node:crypto';
import { registryApiBase, type Credential } from './identity.js';
import type { ImageRef } from './image-ref.js';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface Manifest {
  digest: string;
  mediaType: string;
  body: Record<string, unknown>;
}

function basic(c: Pick<Credential, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

/** `Bearer realm="…",service="…",scope="…"` → its parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const [scheme, ...rest] = header.split(' ');
  const params: Record<string, string> = {};
  for (const m of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2];
  return { scheme: scheme.toLowerCase(), params };
}

export class RegistryClient {
  private authorization?: string;

  constructor(
    private readonly registry: string,
    private readonly credential?: Pick<Credential, 'username' | 'password'>,
  ) {}

  private async authorize(challenge: string, scope: string): Promise<void> {
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === 'basic') {
      if (!this.credential) throw new Error(`${this.registry} asks for credentials and none were given`);
      this.authorization = basic(this.credential);
      return;
    }
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? scope);
    const res = await fetch(url, {
      headers: this.credential ? { authorization: basic(this.credential) } : {},
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`token request to ${url.host} failed: HTTP ${res.status}`);
    const body = (await res.json()) as { token?: string; access_token?: string };
    this.authorization = `Bearer ${body.token ?? body.access_token}`;
  }

  private async get(path: string, repository: string, accept: string[]): Promise<Response> {
    const url = `${registryApiBase(this.registry)}/v2/${path}`;
    const attempt = () =>
      fetch(url, {
        headers: { accept: accept.join(', '), ...(this.authorization ? { authorization: this.authorization } : {}) },
        signal: AbortSignal.timeout(30_000),
      });
    let res = await attempt();
    const challenge = res.headers.get('www-authenticate');
    if (res.status === 401 && challenge) {
      await this.authorize(challenge, `repository:${repository}:pull`);
      res = await attempt();
    }
    return res;
  }

  /** The manifest a tag or digest points at, with its digest computed from the bytes served. */
  async manifest(ref: ImageRef): Promise<Manifest> {
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const res = await this.get(`${ref.repository}/manifests/${reference}`, ref.repository, MANIFEST_TYPES);
    if (!res.ok) throw new Error(`GET manifest ${ref.registry}/${ref.repository}:${reference}: HTTP ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const body = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    return {
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      mediaType: (body.mediaType as string) ?? res.headers.get('content-type') ?? '',
      body,
    };
  }

  async blobJson(repository: string, digest: string): Promise<Record<string, unknown>> {
    const res = await this.get(`${repository}/blobs/${digest}`, repository, ['*/*']);
    if (!res.ok) throw new Error(`GET blob ${repository}@${digest}: HTTP ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  }
}
