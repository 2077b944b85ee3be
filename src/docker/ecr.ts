// Amazon ECR credentials, as docker/login-action gets them: an authorization token from AWS for the registry's
// account (ECR Public: from us-east-1), decoded into the `AWS` user and its password. Asked of the AWS CLI the
// runner has (GitHub's images ship it), so no AWS SDK is bundled; AWS credentials come from the environment
// (aws-actions/configure-aws-credentials), or from username/password as login-action allows.
import type { LoginPlan } from '../plan/types.js';
import type { Credential } from '../registry/identity.js';

export type EcrLogin = Extract<LoginPlan, { kind: 'ecr' }>;

/** Runs the AWS CLI: argv after `aws`, extra environment; gives stdout or throws with the CLI's message. */
export type AwsCli = (args: string[], env: Record<string, string>) => Promise<string>;

/** The exact AWS CLI call for a registry's token. */
export function ecrTokenCall(login: EcrLogin): { args: string[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  if (login.awsAccessKeyId && login.awsSecretAccessKey) {
    env.AWS_ACCESS_KEY_ID = login.awsAccessKeyId;
    env.AWS_SECRET_ACCESS_KEY = login.awsSecretAccessKey;
  }
  const service = login.public ? 'ecr-public' : 'ecr';
  const args = [service, 'get-authorization-token', '--region', login.region, '--output', 'json'];
  if (!login.public) {
    // the registry's own account: `<account>.dkr.ecr.<region>.amazonaws.com`
    args.splice(2, 0, '--registry-ids', login.registry.split('.')[0]);
  }
  return { args, env };
}

interface AuthorizationData {
  authorizationToken?: string;
}

/** `{"authorizationData": [{"authorizationToken": base64("AWS:<password>")}]}` (ECR Public: an object). */
export function parseEcrToken(stdout: string, registry: string): Credential {
  let doc: { authorizationData?: AuthorizationData | AuthorizationData[] };
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new Error(`The AWS CLI's answer for ${registry} is not JSON.`);
  }
  const data = Array.isArray(doc.authorizationData) ? doc.authorizationData[0] : doc.authorizationData;
  const token = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
  const colon = token.indexOf(':');
  if (colon <= 0) throw new Error(`AWS returned no authorization token for ${registry}.`);
  return { registry, username: token.slice(0, colon), password: token.slice(colon + 1), source: 'ecr' };
}

export async function ecrCredential(login: EcrLogin, aws: AwsCli): Promise<Credential> {
  const call = ecrTokenCall(login);
  let stdout: string;
  try {
    stdout = await aws(call.args, call.env);
  } catch (e) {
    throw new Error(
      `Getting an Amazon ECR token for ${login.registry} failed: ${(e as Error).message}\n` +
        'Give the job AWS credentials (aws-actions/configure-aws-credentials, or username/password as an access key) ' +
        'allowed to call ecr:GetAuthorizationToken, and make sure the AWS CLI is installed.',
    );
  }
  return parseEcrToken(stdout, login.registry);
}
