// The registries one step talks to, each with its client: one connection pool and one token cache per registry,
// shared by every call of the step (the pushes of all legs' blobs, the index under every tag, the read-back of
// every tag), with the run's credentials, proxy and retry policy. Tests inject the clock and the sleep.
import { RegistryClient, describeRetry, type RetryNotice } from './client.js';
import { DEFAULT_TIMEOUTS, HttpPool, type HttpTimeouts, type ProxyConfig } from './http.js';
import { canonicalRegistry, credentialFor, type Credential } from './identity.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { log } from '../runner.js';

export interface RegistriesOptions {
  /** the logins of the run: each registry's client answers challenges with its credential */
  credentials?: readonly Pick<Credential, 'registry' | 'username' | 'password'>[];
  /** from proxyConfigFromEnv(the environment index.ts hands down); none when absent */
  proxy?: ProxyConfig;
  retry?: Partial<RetryPolicy>;
  timeouts?: Partial<HttpTimeouts>;
  /** default: setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** default: Date.now */
  now?: () => number;
  /** default: one log line per retry */
  onRetry?: (notice: RetryNotice) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Registries {
  private readonly clients = new Map<string, { client: RegistryClient; pool: HttpPool }>();

  constructor(private readonly opts: RegistriesOptions = {}) {}

  /** The client of a registry (any alias: docker.io and index.docker.io are one), created on first use. */
  client(registry: string): RegistryClient {
    const canonical = canonicalRegistry(registry);
    const known = this.clients.get(canonical);
    if (known) return known.client;
    const pool = new HttpPool(this.opts.proxy, { ...DEFAULT_TIMEOUTS, ...this.opts.timeouts });
    const credential = credentialFor(canonical, this.opts.credentials ?? []);
    const client = new RegistryClient(canonical, {
      credential: credential && { username: credential.username, password: credential.password },
      pool,
      retry: { ...DEFAULT_RETRY_POLICY, ...this.opts.retry },
      sleep: this.opts.sleep ?? realSleep,
      now: this.opts.now ?? Date.now,
      onRetry: this.opts.onRetry ?? ((n) => log.info(describeRetry(n))),
    });
    this.clients.set(canonical, { client, pool });
    return client;
  }

  /** Closes every pool (idle keep-alive connections would otherwise hold the process for their timeout). */
  async close(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((c) => c.pool.close()));
  }
}

/** Runs `fn` with the given session, or with one of its own (closed afterwards) built from credentials. */
export async function withRegistries<T>(
  access: Registries | readonly Credential[],
  fn: (registries: Registries) => Promise<T>,
): Promise<T> {
  if (access instanceof Registries) return fn(access);
  const registries = new Registries({ credentials: access });
  try {
    return await fn(registries);
  } finally {
    await registries.close();
  }
}
