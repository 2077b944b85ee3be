// docker login with the password on stdin, into the run's isolated DOCKER_CONFIG.
import { run, tail } from '../exec.js';
import { log } from '../runner.js';
import type { Credential } from '../registry/identity.js';

export async function login(
  logins: readonly Credential[],
  dockerConfig: string,
  secrets: readonly string[],
): Promise<void> {
  for (const l of logins) {
    log.info(`Logging in to ${l.registry} as ${l.username} (${l.source})`);
    const out = await run('docker', ['login', '--username', l.username, '--password-stdin', l.registry], {
      secrets,
      input: l.password,
      env: { DOCKER_CONFIG: dockerConfig },
    });
    if (out.code !== 0) {
      throw new Error(
        `Login to ${l.registry} as ${l.username} failed: ${tail(out, 3)}\n` +
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
