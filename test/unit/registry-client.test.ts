// The registry client used for verification, against a local server speaking the distribution API's two auth
// schemes: the Bearer token challenge (ghcr.io, Docker Hub) and Basic (htpasswd registries, tested in e2e).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImageRef } from '../../src/registry/image-ref.js';
import { parseChallenge, RegistryClient } from '../../src/registry/client.js';

const INDEX = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [{ digest: 'sha256:aa', platform: { os: 'linux', architecture: 'amd64' } }],
});
const TOKEN = 'registry-token-123';
let server: Server;
let host: string;
const seen: { path: string; auth?: string; scope?: string | null }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, auth: req.headers.authorization, scope: url.searchParams.get('scope') });
    if (url.pathname === '/token') {
      const ok = req.headers.authorization === `Basic ${Buffer.from('octo:pw').toString('base64')}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? JSON.stringify({ token: TOKEN }) : '{}');
      return;
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${host}/token",service="test-registry",scope="repository:octo/app:pull"`,
      });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' });
    res.end(INDEX);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('RegistryClient', () => {
  it('follows the Bearer challenge with the login credentials and hashes what it was served', async () => {
    const client = new RegistryClient(host, { username: 'octo', password: 'pw' });
    const m = await client.manifest(parseImageRef(`${host}/octo/app:1.0`));
    expect(m.digest).toBe(`sha256:${createHash('sha256').update(INDEX).digest('hex')}`);
    expect(m.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const token = seen.find((s) => s.path === '/token');
    expect(token?.scope).toBe('repository:octo/app:pull');
    expect(seen.at(-1)).toMatchObject({ path: '/v2/octo/app/manifests/1.0', auth: `Bearer ${TOKEN}` });
  });

  it('says which request failed when the token is refused', async () => {
    const client = new RegistryClient(host, { username: 'octo', password: 'wrong' });
    await expect(client.manifest(parseImageRef(`${host}/octo/app:1.0`))).rejects.toThrow(
      /token request to 127\.0\.0\.1:\d+ failed: HTTP 401/,
    );
  });

  it('parses challenges', () => {
    expect(
      parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/a:pull"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/a:pull' },
    });
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    });
  });
});
