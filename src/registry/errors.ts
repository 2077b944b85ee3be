// Registry failures as values the caller can act on. Every request the registry client makes either succeeds or
// throws a RegistryError that names the registry, the method, the path and the status, and says what kind of
// failure it was, so main.ts can word the message (a 401 is a credentials problem, a 429 a rate limit, a refused
// connection an outage) and the read-back after a failed push can tell "not there" from "could not ask".
// No dependencies: main.ts may import this statically to test `instanceof` without loading the HTTP stack.

/**
 * - `auth`: 401/403, or a token the registry's auth service refused (never retried);
 * - `rate-limit`: 429 after the waits the registry asked for;
 * - `not-found`: 404 (a manifest, blob or repository the registry does not have);
 * - `server`: 5xx after retries;
 * - `network`: no HTTP answer (refused, reset, timed out, name not resolved);
 * - `rejected`: another 4xx (an invalid manifest, a blob the manifest names but the repository lacks, a bad tag);
 * - `integrity`: the registry served bytes whose digest is not the one asked for, or a layout blob is corrupt.
 */
export type RegistryErrorKind = 'auth' | 'rate-limit' | 'not-found' | 'server' | 'network' | 'rejected' | 'integrity';

export interface RegistryErrorInit {
  kind: RegistryErrorKind;
  /** canonical registry, e.g. ghcr.io or 127.0.0.1:5000 */
  registry: string;
  method: string;
  /** the request path without its query (upload URLs carry opaque state) */
  path: string;
  status?: number;
  /** how many times the request was sent */
  attempts?: number;
  /** what the registry said (its `errors[]` codes and messages) or the network error, one line */
  detail?: string;
}

const KIND_WORDS: Record<RegistryErrorKind, string> = {
  auth: 'not authorized',
  'rate-limit': 'rate limited',
  'not-found': 'not found',
  server: 'registry error',
  network: 'network error',
  rejected: 'rejected',
  integrity: 'integrity check failed',
};

export class RegistryError extends Error {
  readonly kind: RegistryErrorKind;
  readonly registry: string;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly attempts: number;
  readonly detail?: string;

  constructor(init: RegistryErrorInit) {
    const status = init.status === undefined ? '' : `HTTP ${init.status}, `;
    const attempts = (init.attempts ?? 1) > 1 ? ` after ${init.attempts} attempts` : '';
    const detail = init.detail ? `: ${init.detail}` : '';
    super(`${init.method} ${init.registry}${init.path} failed (${status}${KIND_WORDS[init.kind]}${attempts})${detail}`);
    this.name = 'RegistryError';
    this.kind = init.kind;
    this.registry = init.registry;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.attempts = init.attempts ?? 1;
    this.detail = init.detail;
  }
}

/** The kind of failure an HTTP status means (only called for statuses that are failures). */
export function kindOfStatus(status: number): RegistryErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'rejected';
}

/**
 * One line from a registry's error body (`{"errors":[{"code","message"}]}`, the distribution spec's form), or
 * from a plain-text body; whitespace collapsed and the length capped, so it is safe to put in a log line.
 */
export function registryErrorDetail(body: string): string | undefined {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: unknown; message?: unknown }[] };
    if (Array.isArray(parsed.errors) && parsed.errors.length) {
      text = parsed.errors
        .map((e) => [e.code, e.message].filter((x) => typeof x === 'string' && x).join(': '))
        .filter(Boolean)
        .join('; ');
    }
  } catch {
    // not JSON: an HTML error page or plain text from a proxy in between
  }
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
