// The run's credentials and `docker login` with them (password on stdin, into the run's isolated DOCKER_CONFIG).
// The same credentials then serve the read-back and the attestation; the merge needs no Docker CLI at all.
import { run, tail } from '../exec.js';
import { log } from '../runner.js';
import type { Credential } from '../registry/identity.js';

export { resolveCredentials } from './credentials.js';

/** `docker login` for each credential, password on stdin, into the run's own DOCKER_CONFIG. */
export async function login(
  credentials: readonly Credential[],
  dockerConfig: string,
  secrets: readonly string[],
): Promise<void> {
  for (const c of credentials) {
    log.info(`Logging in to ${c.registry} as ${c.username} (${c.source})`);
    const out = await run('docker', ['login', '--username', c.username, '--password-stdin', c.registry], {
      secrets,
      input: c.password,
      env: { DOCKER_CONFIG: dockerConfig },
    });
    if (out.code !== 0) {
      throw new Error(
        `Login to ${c.registry} as ${c.username} failed: ${tail(out, 3)}\n` +
          'Check the username and password (or registry-auth) inputs and that the registry is reachable.',
      );
    }
  }
}

export async function logout(registries: readonly string[], dockerConfig: string): Promise<void> {
  for (const registry of registries) {
    const out = await run('docker', ['logout', registry], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    log.info(out.code === 0 ? `Logged out of ${registry}` : `Logout of ${registry}: ${tail(out, 1)}`);
  }
}
