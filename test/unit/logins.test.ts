// Which registries a run logs in to, and with what: login-action's semantics (Docker Hub by default in
// registry-auth, ECR detected from the host), one credential per registry whatever alias names it.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { LoginInputs } from '../../src/inputs/login.js';
import { ecrRegistry, planLogins } from '../../src/plan/logins.js';
import type { LoginPlan } from '../../src/plan/types.js';
import { ecrCredential, ecrTokenCall, parseEcrToken, type EcrLogin } from '../../src/docker/ecr.js';
import { context } from './helpers.js';

const login = (over: Partial<LoginInputs> = {}): LoginInputs => ({
  ecr: 'auto',
  registryAuth: [],
  logout: true,
  notices: [],
  ...over,
});

interface LoginCase {
  name: string;
  login: LoginInputs;
  images: string[];
  expected: LoginPlan[];
  notices?: string[];
}

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

const cases: LoginCase[] = [
  {
    name: 'ghcr.io without a password: the github-token as the actor',
    login: login(),
    images: ['ghcr.io/octo-org/app'],
    expected: [
      {
        kind: 'password',
        credential: { registry: 'ghcr.io', username: 'octocat', password: 'ghs_token', source: 'github-token' },
      },
    ],
  },
  {
    name: 'registry index.docker.io and an image on docker.io: one Docker Hub login, no notice',
    login: login({ registry: 'index.docker.io', username: 'octo', password: 'dh-secret' }),
    images: ['docker.io/octo/app'],
    expected: [
      {
        kind: 'password',
        credential: { registry: 'docker.io', username: 'octo', password: 'dh-secret', source: 'password' },
      },
    ],
    notices: [],
  },
  {
    name: 'a registry-auth entry without registry is Docker Hub, as in login-action',
    login: login({ registryAuth: [{ registry: 'docker.io', username: 'octo', password: 'dh', ecr: 'auto' }] }),
    images: ['ghcr.io/octo-org/app', 'octo/app'],
    expected: [
      {
        kind: 'password',
        credential: { registry: 'ghcr.io', username: 'octocat', password: 'ghs_token', source: 'github-token' },
      },
      {
        kind: 'password',
        credential: { registry: 'docker.io', username: 'octo', password: 'dh', source: 'registry-auth' },
      },
    ],
    notices: [],
  },
  {
    name: 'an ECR host: a token from AWS for that region, no password needed',
    login: login(),
    images: [`${ECR}/app`],
    expected: [
      {
        kind: 'ecr',
        registry: ECR,
        region: 'eu-west-1',
        public: false,
        awsAccessKeyId: undefined,
        awsSecretAccessKey: undefined,
      },
    ],
  },
  {
    name: 'ECR with username/password: they are the AWS access key, as in login-action',
    login: login({ registry: ECR, username: 'AKIAEXAMPLE', password: 'aws-secret' }),
    images: [`${ECR}/app`],
    expected: [
      {
        kind: 'ecr',
        registry: ECR,
        region: 'eu-west-1',
        public: false,
        awsAccessKeyId: 'AKIAEXAMPLE',
        awsSecretAccessKey: 'aws-secret',
      },
    ],
  },
  {
    name: 'ECR Public: the token comes from us-east-1',
    login: login(),
    images: ['public.ecr.aws/octo/app'],
    expected: [
      {
        kind: 'ecr',
        registry: 'public.ecr.aws',
        region: 'us-east-1',
        public: true,
        awsAccessKeyId: undefined,
        awsSecretAccessKey: undefined,
      },
    ],
  },
  {
    name: 'ecr: false turns the detection off (a registry behind a proxy on an amazonaws host, say)',
    login: login({ ecr: 'false', username: 'u', password: 'p' }),
    images: [`${ECR}/app`],
    expected: [{ kind: 'password', credential: { registry: ECR, username: 'u', password: 'p', source: 'password' } }],
  },
  {
    name: 'a registry without credentials gets a notice; loopback registries need none',
    login: login(),
    images: ['quay.io/octo/app', '127.0.0.1:5000/octo/app'],
    expected: [],
    notices: ['No credentials for quay.io: pushing there without logging in (set registry/password or registry-auth).'],
  },
];

describe('planLogins', () => {
  for (const c of cases) {
    it(c.name, () => {
      const notices: string[] = [];
      expect(planLogins(c.login, 'ghs_token', context(), c.images, notices)).toEqual(c.expected);
      if (c.notices) expect(notices).toEqual(c.notices);
    });
  }

  it('username without password for a registry with no default password is an input error', () => {
    expect(() =>
      planLogins(login({ registry: 'docker.io', username: 'octo' }), 'ghs_token', context(), ['octo/app'], []),
    ).toThrow(
      new InputError(
        'password',
        '',
        'a password or token in `password`: username "octo" is set for docker.io, which has no default password (only ghcr.io defaults to github-token)',
      ),
    );
  });

  it('username without password for ghcr.io uses the github-token', () => {
    expect(planLogins(login({ username: 'bot' }), 'ghs_token', context(), ['ghcr.io/o/a'], [])).toEqual([
      {
        kind: 'password',
        credential: { registry: 'ghcr.io', username: 'bot', password: 'ghs_token', source: 'github-token' },
      },
    ]);
  });

  it('ecr: true on a host that is not ECR is an input error', () => {
    expect(() => planLogins(login({ ecr: 'true' }), '', context(), ['ghcr.io/o/a'], [])).toThrow(
      new InputError('ecr', 'true', 'an Amazon ECR registry host (ghcr.io is not one), or ecr: auto'),
    );
  });
});

describe('ECR', () => {
  it('recognises the private, China, dual-stack and public hosts', () => {
    expect(ecrRegistry(ECR)).toEqual({ public: false, region: 'eu-west-1' });
    expect(ecrRegistry('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')).toEqual({
      public: false,
      region: 'cn-north-1',
    });
    expect(ecrRegistry('123456789012.dkr-ecr.us-east-2.on.aws')).toEqual({ public: false, region: 'us-east-2' });
    expect(ecrRegistry('public.ecr.aws')).toEqual({ public: true, region: 'us-east-1' });
    expect(ecrRegistry('ghcr.io')).toBeUndefined();
    expect(ecrRegistry('amazonaws.com.evil.example')).toBeUndefined();
  });

  const ecrLogin = (over: Partial<EcrLogin> = {}): EcrLogin => ({
    kind: 'ecr',
    registry: ECR,
    region: 'eu-west-1',
    public: false,
    ...over,
  });

  it('asks the AWS CLI for the registry account token, with the access key when given', () => {
    expect(ecrTokenCall(ecrLogin())).toEqual({
      args: [
        'ecr',
        'get-authorization-token',
        '--registry-ids',
        '123456789012',
        '--region',
        'eu-west-1',
        '--output',
        'json',
      ],
      env: {},
    });
    expect(ecrTokenCall(ecrLogin({ awsAccessKeyId: 'AKIA', awsSecretAccessKey: 's3cr3t' })).env).toEqual({
      AWS_ACCESS_KEY_ID: 'AKIA',
      AWS_SECRET_ACCESS_KEY: 's3cr3t',
    });
    expect(ecrTokenCall(ecrLogin({ registry: 'public.ecr.aws', region: 'us-east-1', public: true })).args).toEqual([
      'ecr-public',
      'get-authorization-token',
      '--region',
      'us-east-1',
      '--output',
      'json',
    ]);
  });

  it('decodes the token into the AWS user and its password', async () => {
    const token = Buffer.from('AWS:eyJwYXlsb2FkIjoi').toString('base64');
    const calls: string[][] = [];
    const cred = await ecrCredential(ecrLogin(), async (args) => {
      calls.push(args);
      return JSON.stringify({ authorizationData: [{ authorizationToken: token, proxyEndpoint: `https://${ECR}` }] });
    });
    expect(cred).toEqual({ registry: ECR, username: 'AWS', password: 'eyJwYXlsb2FkIjoi', source: 'ecr' });
    expect(calls).toHaveLength(1);
    expect(
      parseEcrToken(JSON.stringify({ authorizationData: { authorizationToken: token } }), 'public.ecr.aws').username,
    ).toBe('AWS');
  });

  it('a CLI failure says what the job needs', async () => {
    await expect(
      ecrCredential(ecrLogin(), async () => {
        throw new Error('Unable to locate credentials.');
      }),
    ).rejects.toThrow(
      `Getting an Amazon ECR token for ${ECR} failed: Unable to locate credentials.\nGive the job AWS credentials (aws-actions/configure-aws-credentials, or username/password as an access key) allowed to call ecr:GetAuthorizationToken, and make sure the AWS CLI is installed.`,
    );
  });
});
