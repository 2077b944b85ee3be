import { describe, expect, it } from 'vitest';
import {
  canonicalRegistry,
  credentialFor,
  isLoopbackRegistry,
  registryApiBase,
  type Credential,
} from '../../src/registry/identity.js';
import { parseImageRef, repositoryName } from '../../src/registry/image-ref.js';

interface IdentityCase {
  name: string;
  given: string;
  canonical: string;
  api: string;
}

const cases: IdentityCase[] = [
  {
    name: 'Docker Hub by its short name',
    given: 'docker.io',
    canonical: 'docker.io',
    api: 'https://registry-1.docker.io',
  },
  {
    name: 'Docker Hub index alias',
    given: 'index.docker.io',
    canonical: 'docker.io',
    api: 'https://registry-1.docker.io',
  },
  {
    name: 'Docker Hub API host',
    given: 'registry-1.docker.io',
    canonical: 'docker.io',
    api: 'https://registry-1.docker.io',
  },
  {
    name: 'Docker Hub web alias',
    given: 'registry.hub.docker.com',
    canonical: 'docker.io',
    api: 'https://registry-1.docker.io',
  },
  {
    name: "docker login's config key",
    given: 'https://index.docker.io/v1/',
    canonical: 'docker.io',
    api: 'https://registry-1.docker.io',
  },
  { name: 'no host at all: Docker Hub', given: '', canonical: 'docker.io', api: 'https://registry-1.docker.io' },
  { name: 'GHCR, upper case and a trailing slash', given: 'GHCR.io/', canonical: 'ghcr.io', api: 'https://ghcr.io' },
  {
    name: 'a scheme in any case is dropped',
    given: 'HTTPS://GHCR.io/octo-org',
    canonical: 'ghcr.io',
    api: 'https://ghcr.io',
  },
  {
    name: 'a loopback registry with a port speaks http',
    given: '127.0.0.1:5000',
    canonical: '127.0.0.1:5000',
    api: 'http://127.0.0.1:5000',
  },
  { name: 'localhost speaks http', given: 'localhost:5000', canonical: 'localhost:5000', api: 'http://localhost:5000' },
  {
    name: 'a private registry keeps its port',
    given: 'registry.example.com:8443',
    canonical: 'registry.example.com:8443',
    api: 'https://registry.example.com:8443',
  },
];

describe('registry identity: one canonical form', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(canonicalRegistry(c.given)).toBe(c.canonical);
      expect(registryApiBase(c.given)).toBe(c.api);
    });
  }

  it('loopback registries are recognised whatever alias names them', () => {
    expect(isLoopbackRegistry('127.0.0.1:5001')).toBe(true);
    expect(isLoopbackRegistry('localhost')).toBe(true);
    expect(isLoopbackRegistry('ghcr.io')).toBe(false);
    expect(isLoopbackRegistry('docker.io')).toBe(false);
  });

  it('an image on docker.io finds the credential given for index.docker.io, and the other way round', () => {
    const creds: Credential[] = [{ registry: 'index.docker.io', username: 'u', password: 'p', source: 'password' }];
    expect(credentialFor(parseImageRef('docker.io/octo/app').registry, creds)).toBe(creds[0]);
    expect(credentialFor('registry-1.docker.io', creds)).toBe(creds[0]);
    expect(credentialFor(parseImageRef('octo/app').registry, creds)).toBe(creds[0]);
    expect(credentialFor('ghcr.io', creds)).toBeUndefined();
  });

  it('image references carry the canonical registry', () => {
    expect(parseImageRef('index.docker.io/octo/app:1')).toEqual({
      registry: 'docker.io',
      repository: 'octo/app',
      tag: '1',
      digest: undefined,
    });
    expect(parseImageRef('index.docker.io/alpine')).toMatchObject({
      registry: 'docker.io',
      repository: 'library/alpine',
    });
    expect(repositoryName('alpine')).toBe('docker.io/library/alpine');
    expect(repositoryName('GHCR.IO/octo/app'.toLowerCase())).toBe('ghcr.io/octo/app');
  });
});
