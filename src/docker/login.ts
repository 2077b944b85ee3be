// docker login with the password on stdin, into the run's isolated DOCKER_CONFIG. Returns the credentials it logged
// in with (ECR passwords resolved), which the read-back and the attestation then use.
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

async function resolve(login: LoginPlan): Promise<Credential> {
  if (login.kind === 'password') return login.credential;
  const credential = await ecrCredential(login, awsCli);
  setSecret(credential.password);
  return credential;
}

export async function login(
  logins: readonly LoginPlan[],
  dockerConfig: string,
  secrets: string[],
): Promise<Credential[]> {
  const credentials: Credential[] = [];
  for (const l of logins) {
    const c = await resolve(l);
    // a password learnt now (ECR) is redacted from everything printed after this point
    if (!secrets.includes(c.password)) secrets.push(c.password);
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
    credentials.push(c);
  }
  return credentials;
}

export async function logout(registries: readonly string[], dockerConfig: string): Promise<void> {
  for (const registry of registries) {
    const out = await run('docker', ['logout', registry], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    log.info(out.code === 0 ? `Logged out of ${registry}` : `Logout of ${registry}: ${tail(out, 1)}`);
  }
}
