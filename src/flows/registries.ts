// One registry session per step: the run's credentials, the runner's proxy settings, one connection pool per
// registry shared by every read-back, push and index of the step. The registry client (undici and all) is loaded
// on first use, not before the build: a publish first needs it after buildx has started, and `prefetch` loads it
// while buildx runs, off the path the user waits on.
import type { Credential } from '../registry/identity.js';
import type { Registries } from '../registry/session.js';
import type { Env } from '../runner.js';

export interface RegistrySession {
  get(): Promise<Registries>;
  /** start loading the client now, without waiting for it */
  prefetch(): void;
  /** close the pools, if the session was ever opened */
  close(): Promise<void>;
}

export function openRegistries(credentials: readonly Credential[], env: Env): RegistrySession {
  let session: Promise<Registries> | undefined;
  const get = () =>
    (session ??= Promise.all([import('../registry/session.js'), import('../registry/http.js')]).then(
      ([{ Registries }, { proxyConfigFromEnv }]) => new Registries({ credentials, proxy: proxyConfigFromEnv(env) }),
    ));
  return {
    get,
    prefetch: () => void get().catch(() => undefined),
    close: async () => {
      if (session) await (await session).close();
    },
  };
}
