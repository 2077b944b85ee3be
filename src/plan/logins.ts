// Which registries this run logs in to, with which credential — decided once, here. The same Credential then serves
// the login, the read-back of the pushed tags and the attestation's referrer push (src/registry/identity.ts).
import type { Context } from '../context.js';
import { InputError } from '../errors.js';
import type { EcrMode, LoginInputs } from '../inputs/login.js';
import { canonicalRegistry, credentialFor, isLoopbackRegistry } from '../registry/identity.js';
import { registryOf } from '../registry/image-ref.js';
import type { LoginPlan } from './types.js';

// Amazon ECR: `<account>.dkr.ecr.<region>.amazonaws.com` (and the China, EU sovereign and dual-stack forms), and
// ECR Public. The same hosts docker/login-action recognises.
const ECR_PRIVATE = /^([0-9]{12})\.(?:dkr\.ecr|dkr-ecr)\.([a-z0-9-]+)\.(?:on\.aws|amazonaws\.(?:com(?:\.cn)?|eu))$/;
const ECR_PUBLIC = /^(?:public\.ecr\.aws|ecr-public\.aws\.com)$/;

export interface EcrRegistry {
  public: boolean;
  /** the region of a private registry; ECR Public's token always comes from us-east-1 */
  region: string;
}

/** The ECR registry a host names, if it is one. */
export function ecrRegistry(registry: string): EcrRegistry | undefined {
  const host = canonicalRegistry(registry);
  if (ECR_PUBLIC.test(host)) return { public: true, region: 'us-east-1' };
  const m = ECR_PRIVATE.exec(host);
  return m ? { public: false, region: m[2] } : undefined;
}

interface OneLogin {
  input: string;
  registry: string;
  username?: string;
  password?: string;
  ecr: EcrMode;
}

function planOne(l: OneLogin, ctx: Context, githubToken: string): LoginPlan | undefined {
  const registry = canonicalRegistry(l.registry);
  const ecr = ecrRegistry(registry);
  if (l.ecr === 'true' || (l.ecr === 'auto' && ecr)) {
    if (!ecr) {
      throw new InputError('ecr', 'true', `an Amazon ECR registry host (${registry} is not one), or ecr: auto`);
    }
    // As in login-action: username/password, when given, are the AWS access key id and secret access key;
    // otherwise the AWS CLI finds credentials in the environment (aws-actions/configure-aws-credentials).
    return {
      kind: 'ecr',
      registry,
      region: ecr.region,
      public: ecr.public,
      awsAccessKeyId: l.username,
      awsSecretAccessKey: l.password,
    };
  }
  const fromToken = registry === 'ghcr.io' && githubToken ? githubToken : undefined;
  const password = l.password ?? fromToken;
  if (!password) {
    if (l.username !== undefined) {
      const where = l.input === 'registry-auth' ? `the registry-auth entry for ${registry}` : '`password`';
      throw new InputError(
        l.input === 'registry-auth' ? 'registry-auth' : 'password',
        '',
        `a password or token in ${where}: username ${JSON.stringify(l.username)} is set for ${registry}, which has no default password (only ghcr.io defaults to github-token)`,
      );
    }
    return undefined;
  }
  return {
    kind: 'password',
    credential: {
      registry,
      username: l.username ?? ctx.actor,
      password,
      source: l.password === undefined ? 'github-token' : l.input === 'registry-auth' ? 'registry-auth' : 'password',
    },
  };
}

export function loginRegistry(login: LoginPlan): string {
  return login.kind === 'password' ? login.credential.registry : login.registry;
}

/**
 * The logins for pushing `targets` (image names): the primary registry (the `registry` input, else the first
 * image's), then every `registry-auth` entry. A pushed registry without credentials gets a notice (loopback
 * registries need none).
 */
export function planLogins(
  login: LoginInputs,
  githubToken: string,
  ctx: Context,
  targets: string[],
  notices: string[],
): LoginPlan[] {
  const logins: LoginPlan[] = [];
  const primary = login.registry ?? (targets.length ? registryOf(targets[0]) : undefined);
  if (primary) {
    const p = planOne(
      { input: 'password', registry: primary, username: login.username, password: login.password, ecr: login.ecr },
      ctx,
      githubToken,
    );
    if (p) logins.push(p);
  }
  for (const a of login.registryAuth) {
    if (logins.some((l) => canonicalRegistry(loginRegistry(l)) === a.registry)) continue;
    const p = planOne({ input: 'registry-auth', ...a }, ctx, githubToken);
    if (!p) {
      throw new InputError(
        'registry-auth',
        `entry for ${a.registry} without username and password`,
        'username and password in every entry (ECR entries may take them from the AWS environment)',
      );
    }
    logins.push(p);
  }
  const registries = logins.map((l) => ({ registry: loginRegistry(l) }));
  for (const registry of new Set(targets.map(registryOf))) {
    if (!credentialFor(registry, registries) && !isLoopbackRegistry(registry)) {
      notices.push(
        `No credentials for ${registry}: pushing there without logging in (set registry/password or registry-auth).`,
      );
    }
  }
  return logins;
}
