// One registry session per step: the run's credentials, the runner's proxy settings, one connection pool per
// registry shared by every read-back, push and index of the step.
import type { Credential } from '../registry/identity.js';
import { proxyConfigFromEnv } from '../registry/http.js';
import { Registries } from '../registry/session.js';
import type { Env } from '../runner.js';

export function openRegistries(credentials: readonly Credential[], env: Env): Registries {
  return new Registries({ credentials, proxy: proxyConfigFromEnv(env) });
}
