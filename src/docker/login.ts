// The run's credentials and `docker login` with them (password on stdin, into the run's isolated DOCKER_CONFIG).
// The same credentials then serve the read-back and the attestation; the merge needs no Docker CLI at all.
import { run, tail } from '../exec.js';
import { log, setSecret } from '../runner.js';
import type { LoginPlan } from '../plan/types.js';
import type { Credential } from '../registry/identity.js';
import { ecrCredential, type AwsCli } from './ecr.js';

const awsCli: AwsCli = async (args, env) => {
  const out = await run('aws', args, { secrets: Object.values(env), env });
  if (out.code !== 0) throw new Error(tail(out, 3));
  return out.stdout;
};

/**
 * The credentials of the planned logins: given passwords as they are, ECR passwords from AWS. A password learnt
 * now is registered with the masker and added to `secrets`, so nothing printed later shows it.
 */
export async function resolveCredentials(logins: readonly LoginPlan[], secrets: string[]): Promise<Credential[]> {
  const credentials: Credential[] = [];
  for (const l of logins) {
    if (l.kind === 'password') {
      credentials.push(l.credential);
      continue;
    }
    const c = await ecrCredential(l, awsCli);
    setSecret(c.password);
    if (!secrets.includes(c.password)) secrets.push(c.password);
    credentials.push(c);
  }
  return credentials;
}

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
