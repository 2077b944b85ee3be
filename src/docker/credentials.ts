// The run's credentials from the planned logins: given passwords as they are, ECR passwords from AWS. Its own small
// module because the merge needs the credentials and nothing else of the Docker effects: the AWS CLI (through
// exec.ts) is loaded only for an ECR login.
import type { LoginPlan } from '../plan/types.js';
import type { Credential } from '../registry/identity.js';
import { setSecret } from '../runner.js';
import { ecrCredential, type AwsCli } from './ecr.js';

const awsCli: AwsCli = async (args, env) => {
  const { run, tail } = await import('../exec.js');
  const out = await run('aws', args, { secrets: Object.values(env), env });
  if (out.code !== 0) throw new Error(tail(out, 3));
  return out.stdout;
};

/**
 * A password learnt now (ECR) is registered with the masker and added to `secrets`, so nothing printed later shows
 * it.
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
