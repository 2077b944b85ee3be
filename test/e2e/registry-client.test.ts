// The registry client against the real registries of the test environment (open 127.0.0.1:5000, htpasswd
// 127.0.0.1:5001): OCI layouts written by a real `docker buildx build --output type=oci` pushed by digest to both,
// an index made from two platform digests under three tags (and made again: same digest), the tags read back, and
// the faults registries produce, injected by the fault proxy in front of a real registry: 429 with Retry-After,
// 500 on one tag's manifest PUT, 401 after a first success, reset connections; and the client behind an HTTP proxy.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from '../doubles/fault-proxy.js';
import { registryGet, sh } from './helpers/docker.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';
import { RegistryError } from '../../src/registry/errors.js';
import { createIndex, failedTags } from '../../src/registry/image-index.js';
import { openOciLayout } from '../../src/registry/oci-layout.js';
import { pushOciLayout, type PushedImage } from '../../src/registry/push.js';
import { readBack } from '../../src/registry/read-back.js';
import { verifyPush } from '../../src/docker/verify.js';
import { Registries } from '../../src/registry/session.js';
import type { RetryNotice } from '../../src/registry/client.js';
import type { Credential } from '../../src/registry/identity.js';

const nonce = randomBytes(5).toString('hex');
const work = mkdtempSync(join(tmpdir(), 'registry-client-'));
let env: TestEnv;
let credentials: Credential[];

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function setup(): Promise<void> {
  env ??= await requireTestEnv();
  credentials ??= [
    { registry: env.registryAuth, username: env.registryUser, password: env.registryPassword, source: 'password' },
  ];
}

/** A session whose sleeps are recorded, not waited (the waits asked for are what the tests check). */
function session(extra: { proxy?: { httpProxy?: string; noProxy?: string } } = {}) {
  const waits: number[] = [];
  const notices: RetryNotice[] = [];
  const registries = new Registries({
    credentials,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onRetry: (n) => notices.push(n),
    ...extra,
  });
  return { registries, waits, notices };
}

const builtLayouts = new Map<string, string>();

/** One leg: the multiarch fixture for one platform, written as an OCI layout tar by buildx. */
async function layout(platform: string, extra: string[] = []): Promise<string> {
  const key = [platform, ...extra].join(' ');
  const known = builtLayouts.get(key);
  if (known) return known;
  const dest = join(work, `${key.replace(/[^a-z0-9]+/g, '-')}.tar`);
  const r = await sh(env.docker, [
    'buildx',
    'build',
    '--network',
    'host',
    '--platform',
    platform,
    '--build-arg',
    `BASE=${env.baseImage}`,
    '--build-arg',
    `NONCE=${nonce}`,
    '--output',
    `type=oci,dest=${dest}`,
    ...extra,
    'test/fixtures/contexts/multiarch',
  ]);
  expect(r.code, r.stderr).toBe(0);
  builtLayouts.set(key, dest);
  return dest;
}

const auth = () => ({ user: env.registryUser, password: env.registryPassword });
const pushed = new Map<string, PushedImage>();

describe('registry client: push by digest, index, read-back', () => {
  it('pushes an OCI layout written by buildx by digest to both registries (a mount for the second repository)', async () => {
    await setup();
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const file = await layout(platform);
      const opened = await openOciLayout(file, work);
      const expected = opened.root.digest;
      await opened.dispose();
      const { registries } = session();
      try {
        const images = [
          `${env.registryOpen}/reg-${nonce}/app:ignored-tag`,
          `${env.registryOpen}/reg-${nonce}/mirror`,
          `${env.registryAuth}/reg-${nonce}/app`,
        ];
        const result = await pushOciLayout(file, images, registries, work);
        pushed.set(platform, result);
        expect(result).toMatchObject({
          digest: expected,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          platforms: [platform],
          repositories: [
            `${env.registryOpen}/reg-${nonce}/app`,
            `${env.registryOpen}/reg-${nonce}/mirror`,
            `${env.registryAuth}/reg-${nonce}/app`,
          ],
        });
        // the second repository of the open registry got its blobs by mount, not by a second upload (the arm64
        // leg shares the COPY layer with the amd64 one: that blob is already in both repositories)
        const shared = platform === 'linux/amd64' ? 0 : 1;
        expect(result.blobs).toEqual({
          mounted: opened.blobs.length - shared,
          uploaded: 2 * (opened.blobs.length - shared),
          exists: 3 * shared,
        });
        for (const [registry, repo, a] of [
          [env.registryOpen, 'app', undefined],
          [env.registryOpen, 'mirror', undefined],
          [env.registryAuth, 'app', auth()],
        ] as const) {
          const m = await registryGet(registry, `reg-${nonce}/${repo}/manifests/${expected}`, a);
          expect(m.status).toBe(200);
          expect(m.digest).toBe(expected);
        }
        // by digest only: the tag in the image name was not pushed
        expect((await registryGet(env.registryOpen, `reg-${nonce}/app/manifests/ignored-tag`)).status).toBe(404);
      } finally {
        await registries.close();
      }
    }
    // the extracted copies are gone
    expect(readdirSync(work).filter((f) => f.startsWith('oci-layout-'))).toEqual([]);
  });

  it('pushes again without uploading anything (every blob is there)', async () => {
    await setup();
    const { registries } = session();
    try {
      const again = await pushOciLayout(
        await layout('linux/arm64'),
        [`${env.registryAuth}/reg-${nonce}/app`],
        registries,
        work,
      );
      expect(again.digest).toBe(pushed.get('linux/arm64')!.digest);
      expect(again.blobs.uploaded).toBe(0);
      expect(again.blobs.mounted).toBe(0);
      expect(again.blobs.exists).toBeGreaterThan(0);
    } finally {
      await registries.close();
    }
  });

  it('creates an index from the two platform digests under three tags, idempotently, and reads them back', async () => {
    await setup();
    const legs = ['linux/amd64', 'linux/arm64'].map((platform) => ({ platform, digest: pushed.get(platform)!.digest }));
    const repositories = {
      [`${env.registryOpen}/reg-${nonce}/app`]: ['1.0', 'latest'],
      [`${env.registryAuth}/reg-${nonce}/app`]: ['1.0'],
    };
    const annotations = {
      'org.opencontainers.image.version': '1.0',
      'org.opencontainers.image.source': 'https://example.test/x',
    };
    const { registries } = session();
    try {
      const created = await createIndex({ legs, repositories, annotations }, registries);
      expect(failedTags(created)).toEqual([]);
      expect(created.tags.map((t) => t.ref)).toEqual([
        `${env.registryOpen}/reg-${nonce}/app:1.0`,
        `${env.registryOpen}/reg-${nonce}/app:latest`,
        `${env.registryAuth}/reg-${nonce}/app:1.0`,
      ]);
      expect(created.platforms).toEqual(['linux/amd64', 'linux/arm64']);
      // the registry serves exactly the bytes built: same digest, annotations kept
      const served = await registryGet(env.registryAuth, `reg-${nonce}/app/manifests/1.0`, auth());
      expect(served.digest).toBe(created.digest);
      expect(served.json.annotations).toEqual(annotations);
      expect(served.json.manifests.map((m: any) => m.digest)).toEqual(legs.map((l) => l.digest));

      // again, legs in the other order: the same bytes, the same digest
      const again = await createIndex({ legs: [...legs].reverse(), repositories, annotations }, registries);
      expect(again.digest).toBe(created.digest);
      expect(failedTags(again)).toEqual([]);

      const tags = created.tags.map((t) => t.ref);
      const read = await readBack(
        [...tags, `${env.registryOpen}/reg-${nonce}/app:never-pushed`],
        created.digest,
        ['linux/amd64', 'linux/arm64'],
        registries,
      );
      for (const r of read.slice(0, 3)) {
        expect(r).toMatchObject({
          digest: created.digest,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          platforms: ['linux/amd64', 'linux/arm64'],
          matches: true,
          missingPlatforms: [],
        });
        expect(r.error).toBeUndefined();
      }
      const missing = read[3];
      expect(missing.matches).toBe(false);
      expect(missing.error).toBeInstanceOf(RegistryError);
      expect((missing.error as RegistryError).kind).toBe('not-found');
      expect(missing.error!.message).toBe(
        `GET ${env.registryOpen}/v2/reg-${nonce}/app/manifests/never-pushed failed (HTTP 404, not found): MANIFEST_UNKNOWN: manifest unknown`,
      );
      // a single-platform image reads back with its config's platform
      const [leg] = await readBack(
        [`${env.registryAuth}/reg-${nonce}/app@${legs[1].digest}`],
        legs[1].digest,
        ['linux/arm64'],
        registries,
      );
      expect(leg).toMatchObject({ platforms: ['linux/arm64'], matches: true, missingPlatforms: [] });
    } finally {
      await registries.close();
    }
  });

  it('refuses to create an index in a repository that lacks a leg, naming it, before writing any tag', async () => {
    await setup();
    const { registries } = session();
    try {
      const legs = ['linux/amd64', 'linux/arm64'].map((platform) => ({
        platform,
        digest: pushed.get(platform)!.digest,
      }));
      const elsewhere = `${env.registryOpen}/reg-${nonce}/elsewhere`;
      const error = await createIndex(
        { legs, repositories: { [`${env.registryOpen}/reg-${nonce}/app`]: ['partial'], [elsewhere]: ['partial'] } },
        registries,
      ).catch((e: Error) => e);
      expect((error as Error).message).toBe(
        "Cannot create the index: the legs' manifests are not in every repository (each leg pushes every image):\n" +
          `- ${elsewhere} lacks ${legs[0].digest} (linux/amd64)\n- ${elsewhere} lacks ${legs[1].digest} (linux/arm64)`,
      );
      expect((await registryGet(env.registryOpen, `reg-${nonce}/app/manifests/partial`)).status).toBe(404);
    } finally {
      await registries.close();
    }
  });
});

describe('registry client: a leg that is an index, verification', () => {
  it('pushes a layout whose image is an index (provenance on) and merges it: its entries join the index', async () => {
    await setup();
    const { registries } = session();
    try {
      const file = await layout('linux/amd64', ['--provenance=mode=min']);
      const repo = `${env.registryAuth}/reg-${nonce}/attested`;
      const leg = await pushOciLayout(file, [repo], registries, work);
      expect(leg.mediaType).toBe('application/vnd.oci.image.index.v1+json');
      expect(leg.platforms).toEqual(['linux/amd64']);
      const legIndex = await registryGet(env.registryAuth, `reg-${nonce}/attested/manifests/${leg.digest}`, auth());
      expect(legIndex.digest).toBe(leg.digest);
      const [image, attestation] = legIndex.json.manifests as any[];
      expect(attestation.annotations['vnd.docker.reference.type']).toBe('attestation-manifest');
      // the arm64 leg pushed this repository too (a leg pushes every image)
      await pushOciLayout(await layout('linux/arm64'), [repo], registries, work);
      const arm64 = pushed.get('linux/arm64')!.digest;
      const created = await createIndex(
        {
          legs: [
            { digest: leg.digest, platform: 'linux/amd64' },
            { digest: arm64, platform: 'linux/arm64' },
          ],
          repositories: { [repo]: ['merged'] },
        },
        registries,
      );
      expect(failedTags(created)).toEqual([]);
      expect(created.manifests.map((m) => m.digest)).toEqual([image.digest, arm64, attestation.digest]);
      expect(created.platforms).toEqual(['linux/amd64', 'linux/arm64']);
      const [read] = await readBack([`${repo}:merged`], created.digest, ['linux/amd64', 'linux/arm64'], registries);
      expect(read).toMatchObject({ matches: true, platforms: ['linux/amd64', 'linux/arm64'], missingPlatforms: [] });
    } finally {
      await registries.close();
    }
  });

  it('verifyPush: every tag on the digest with every platform, or one error listing each problem', async () => {
    await setup();
    const { registries } = session();
    try {
      const tags = [`${env.registryOpen}/reg-${nonce}/app:1.0`, `${env.registryAuth}/reg-${nonce}/app:1.0`];
      const [first] = await readBack(tags.slice(0, 1), undefined, [], registries);
      const digest = first.digest!;
      await expect(verifyPush(tags, digest, ['linux/amd64', 'linux/arm64'], registries)).resolves.toEqual({
        tags: tags.map((ref) => ({ ref, digest })),
        platforms: ['linux/amd64', 'linux/arm64'],
      });
      const wrong = `sha256:${'0'.repeat(64)}`;
      const missing = `${env.registryOpen}/reg-${nonce}/app:nope`;
      await expect(
        verifyPush([tags[0], missing], wrong, ['linux/amd64', 'linux/riscv64'], credentials),
      ).rejects.toThrow(
        'The registry does not hold what was pushed:\n' +
          `- ${tags[0]} resolves to ${digest}, not the pushed ${wrong}\n` +
          `- ${tags[0]} lacks platform(s) linux/riscv64 (the image lists linux/amd64, linux/arm64)\n` +
          `- ${missing} could not be read: GET ${env.registryOpen}/v2/reg-${nonce}/app/manifests/nope failed (HTTP 404, not found): MANIFEST_UNKNOWN: manifest unknown`,
      );
    } finally {
      await registries.close();
    }
  });
});

describe('registry client: faults through the fault proxy', () => {
  it('429 with Retry-After: waits what the registry asks, then succeeds', async () => {
    await setup();
    const proxy = await startFaultProxy({
      target: env.registryOpen,
      rules: [
        {
          name: 'throttle',
          match: { method: 'GET', kind: 'manifest' },
          fault: { status: 429, headers: { 'retry-after': '3' } },
          times: 2,
        },
      ],
    });
    const { registries, waits, notices } = session();
    try {
      const digest = pushed.get('linux/amd64')!.digest;
      const [r] = await readBack([`${proxy.host}/reg-${nonce}/app@${digest}`], digest, ['linux/amd64'], registries);
      expect(r.error).toBeUndefined();
      expect(r).toMatchObject({ digest, matches: true });
      expect(proxy.hits('throttle')).toBe(2);
      expect(waits).toEqual([3000, 3000]);
      expect(notices.map((n) => [n.status, n.attempt, n.asked])).toEqual([
        [429, 1, true],
        [429, 2, true],
      ]);
    } finally {
      await registries.close();
      await proxy.close();
    }
  });

  it('429 asking for longer than the client waits: fails at once as a rate limit, saying how long was asked', async () => {
    await setup();
    const proxy = await startFaultProxy({
      target: env.registryOpen,
      rules: [
        { name: 'throttle', match: { kind: 'manifest' }, fault: { status: 429, headers: { 'retry-after': '3600' } } },
      ],
    });
    const { registries, waits } = session();
    try {
      const [r] = await readBack([`${proxy.host}/reg-${nonce}/app:1.0`], undefined, [], registries);
      expect(r.error).toBeInstanceOf(RegistryError);
      expect((r.error as RegistryError).kind).toBe('rate-limit');
      expect(r.error!.message).toBe(
        `GET ${proxy.host}/v2/reg-${nonce}/app/manifests/1.0 failed (HTTP 429, rate limited): the registry asks to wait 3600 s, longer than the 60 s this action waits; INJECTED: injected by throttle`,
      );
      expect(waits).toEqual([]);
    } finally {
      await registries.close();
      await proxy.close();
    }
  });

  it('500 on one tag’s manifest PUT: that tag fails (after retries), the others get the index, read-back tells them apart', async () => {
    await setup();
    const proxy = await startFaultProxy({
      target: env.registryOpen,
      rules: [
        {
          name: 'broken-tag',
          match: { method: 'PUT', kind: 'manifest', reference: 'v2-beta' },
          fault: { status: 500 },
        },
      ],
    });
    const { registries, waits } = session();
    try {
      const legs = ['linux/amd64', 'linux/arm64'].map((platform) => ({
        platform,
        digest: pushed.get(platform)!.digest,
      }));
      const repo = `${proxy.host}/reg-${nonce}/app`;
      const created = await createIndex(
        { legs, repositories: { [repo]: ['v2', 'v2-beta', 'v2-stable'] }, annotations: { 'org.example.run': nonce } },
        registries,
      );
      expect(created.tags.map((t) => [t.ref, t.ok])).toEqual([
        [`${repo}:v2`, true],
        [`${repo}:v2-beta`, false],
        [`${repo}:v2-stable`, true],
      ]);
      const [failed] = failedTags(created);
      expect(failed.error).toBeInstanceOf(RegistryError);
      expect(failed.error).toMatchObject({ kind: 'server', status: 500, attempts: 4, method: 'PUT' });
      expect(failed.error!.message).toBe(
        `PUT ${proxy.host}/v2/reg-${nonce}/app/manifests/v2-beta failed (HTTP 500, registry error after 4 attempts): INJECTED: injected by broken-tag`,
      );
      expect(proxy.hits('broken-tag')).toBe(4);
      expect(waits).toEqual([500, 1000, 2000]);
      const read = await readBack(
        created.tags.map((t) => t.ref),
        created.digest,
        ['linux/amd64', 'linux/arm64'],
        registries,
      );
      expect(read.map((r) => [r.ref, r.matches, (r.error as RegistryError | undefined)?.kind])).toEqual([
        [`${repo}:v2`, true, undefined],
        [`${repo}:v2-beta`, false, 'not-found'],
        [`${repo}:v2-stable`, true, undefined],
      ]);
    } finally {
      await registries.close();
      await proxy.close();
    }
  });

  it('401 after the first authenticated success: an auth error, not retried, no password in it', async () => {
    await setup();
    const proxy = await startFaultProxy({
      target: env.registryAuth,
      rules: [
        {
          name: 'revoked',
          match: {},
          fault: { status: 401, headers: { 'www-authenticate': 'Basic realm="Registry Realm"' } },
          afterAuthenticatedSuccess: true,
        },
      ],
    });
    const registries = new Registries({
      credentials: [{ ...credentials[0], registry: proxy.host }],
      sleep: async () => {},
      onRetry: () => {
        throw new Error('a 401 must not be retried');
      },
    });
    try {
      // an index: one request once authorized (no config blob to read)
      const [first] = await readBack([`${proxy.host}/reg-${nonce}/app:1.0`], undefined, [], registries);
      expect(first.error).toBeUndefined();
      const before = proxy.requests.length;
      const [second] = await readBack([`${proxy.host}/reg-${nonce}/app:1.0`], undefined, [], registries);
      expect(second.error).toBeInstanceOf(RegistryError);
      expect(second.error).toMatchObject({ kind: 'auth', status: 401, attempts: 1 });
      expect(second.error!.message).toBe(
        `GET ${proxy.host}/v2/reg-${nonce}/app/manifests/1.0 failed (HTTP 401, not authorized): the registry refused the credentials of ${env.registryUser}`,
      );
      expect(second.error!.message).not.toContain(env.registryPassword);
      expect(proxy.requests.slice(before).map((r) => [r.method, r.path, r.fault])).toEqual([
        ['GET', `/v2/reg-${nonce}/app/manifests/1.0`, 'revoked'],
      ]);
    } finally {
      await registries.close();
      await proxy.close();
    }
  });

  it('reads many tags concurrently over a few shared keep-alive connections', async () => {
    await setup();
    const proxy = await startFaultProxy({ target: env.registryOpen });
    const { registries } = session();
    try {
      const legs = ['linux/amd64', 'linux/arm64'].map((platform) => ({
        platform,
        digest: pushed.get(platform)!.digest,
      }));
      const tags = Array.from({ length: 24 }, (_, i) => `t${i}`);
      const created = await createIndex(
        { legs, repositories: { [`${proxy.host}/reg-${nonce}/app`]: tags } },
        registries,
      );
      expect(failedTags(created)).toEqual([]);
      const read = await readBack(
        tags.map((t) => `${proxy.host}/reg-${nonce}/app:${t}`),
        created.digest,
        ['linux/amd64', 'linux/arm64'],
        registries,
      );
      expect(read.filter((r) => r.matches)).toHaveLength(24);
      // the legs' manifests and configs, 24 PUTs and 24 GETs over one pool: at most its 8 connections
      expect(proxy.requests.length).toBeGreaterThanOrEqual(50);
      expect(proxy.connections).toBeLessThanOrEqual(8);
    } finally {
      await registries.close();
      await proxy.close();
    }
  });

  it('reset connections (an outage of two connections): retried with backoff, then read', async () => {
    await setup();
    const proxy = await startFaultProxy({ target: env.registryOpen, refuseConnections: 2 });
    const { registries, waits, notices } = session();
    try {
      const digest = pushed.get('linux/amd64')!.digest;
      const [r] = await readBack([`${proxy.host}/reg-${nonce}/app@${digest}`], digest, [], registries);
      expect(r.error).toBeUndefined();
      expect(r.matches).toBe(true);
      expect(proxy.refusedConnections).toBe(2);
      expect(waits).toEqual([500, 1000]);
      expect(notices.map((n) => n.networkCode)).toEqual(['ECONNRESET', 'ECONNRESET']);
    } finally {
      await registries.close();
      await proxy.close();
    }
  });

  it('behind an HTTP proxy: requests go through it, except for NO_PROXY hosts', async () => {
    await setup();
    const proxy = await startFaultProxy({ target: env.registryOpen });
    const digest = pushed.get('linux/amd64')!.digest;
    const ref = `${env.registryAuth}/reg-${nonce}/app@${digest}`;
    const through = session({ proxy: { httpProxy: proxy.url } });
    try {
      const [r] = await readBack([ref], digest, ['linux/amd64'], through.registries);
      expect(r.error).toBeUndefined();
      expect(r.matches).toBe(true);
      expect(proxy.requests.length).toBeGreaterThan(0);
      expect(proxy.requests.every((q) => q.viaProxy)).toBe(true);
      expect(proxy.requests.map((q) => q.path)).toContain(`/v2/reg-${nonce}/app/manifests/${digest}`);
    } finally {
      await through.registries.close();
    }
    const seen = proxy.requests.length;
    const bypass = session({ proxy: { httpProxy: proxy.url, noProxy: env.registryAuth } });
    try {
      const [r] = await readBack([ref], digest, [], bypass.registries);
      expect(r.matches).toBe(true);
      expect(proxy.requests.length).toBe(seen);
    } finally {
      await bypass.registries.close();
      await proxy.close();
    }
  });
});
