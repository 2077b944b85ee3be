// The merge's index bytes: deterministic (same entries and annotations in any order → the same bytes and digest),
// images sorted by platform with their attestation manifests after them, duplicates dropped, and two images for
// one platform refused.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/registry/image-index.js';
import type { Descriptor } from '../../src/registry/oci.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const d = (c: string) => `sha256:${c.repeat(64)}`;
const amd64: Descriptor = {
  mediaType: OCI_MANIFEST,
  digest: d('a'),
  size: 857,
  platform: { os: 'linux', architecture: 'amd64' },
};
const arm64: Descriptor = {
  mediaType: OCI_MANIFEST,
  digest: d('b'),
  size: 858,
  platform: { architecture: 'arm64', os: 'linux' },
};
const armv7: Descriptor = {
  mediaType: OCI_MANIFEST,
  digest: d('c'),
  size: 859,
  platform: { variant: 'v7', os: 'linux', architecture: 'arm' },
};
const attestationOf = (subject: Descriptor, c: string): Descriptor => ({
  mediaType: OCI_MANIFEST,
  digest: d(c),
  size: 566,
  platform: { os: 'unknown', architecture: 'unknown' },
  annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': subject.digest },
});

describe('buildIndex', () => {
  it('writes exactly these bytes for two platforms and index annotations', () => {
    const built = buildIndex([arm64, amd64], { 'org.opencontainers.image.version': '1.0', 'a.first': 'x' });
    const expected =
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[' +
      `{"mediaType":"${OCI_MANIFEST}","digest":"${d('a')}","size":857,"platform":{"architecture":"amd64","os":"linux"}},` +
      `{"mediaType":"${OCI_MANIFEST}","digest":"${d('b')}","size":858,"platform":{"architecture":"arm64","os":"linux"}}],` +
      '"annotations":{"a.first":"x","org.opencontainers.image.version":"1.0"}}';
    expect(built.bytes.toString('utf8')).toBe(expected);
    expect(built.digest).toBe(`sha256:${createHash('sha256').update(expected).digest('hex')}`);
    expect(built.size).toBe(Buffer.byteLength(expected));
    expect(built.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(built.platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });

  const orders: { name: string; entries: Descriptor[]; annotations?: Record<string, string> }[] = [
    { name: 'given order', entries: [amd64, arm64, armv7], annotations: { x: '1', y: '2' } },
    { name: 'reversed', entries: [armv7, arm64, amd64], annotations: { y: '2', x: '1' } },
    { name: 'with a duplicate', entries: [arm64, amd64, armv7, arm64], annotations: { x: '1', y: '2' } },
  ];
  for (const o of orders) {
    it(`is deterministic: ${o.name}`, () => {
      const reference = buildIndex([amd64, arm64, armv7], { x: '1', y: '2' });
      const built = buildIndex(o.entries, o.annotations);
      expect(built.digest).toBe(reference.digest);
      expect(built.platforms).toEqual(['linux/amd64', 'linux/arm/v7', 'linux/arm64']);
    });
  }

  it('puts attestation manifests after the images, in the order of the images they describe', () => {
    const built = buildIndex([attestationOf(amd64, 'e'), attestationOf(arm64, 'd'), arm64, amd64]);
    expect(built.manifests.map((m) => m.digest)).toEqual([d('a'), d('b'), d('e'), d('d')]);
    expect(built.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    // annotations keep their values, keys sorted
    expect(Object.keys(built.manifests[2].annotations!)).toEqual([
      'vnd.docker.reference.digest',
      'vnd.docker.reference.type',
    ]);
  });

  it('writes no annotations key when there are none', () => {
    expect(JSON.parse(buildIndex([amd64], {}).bytes.toString('utf8'))).not.toHaveProperty('annotations');
  });

  it('refuses two images for one platform', () => {
    const other = { ...amd64, digest: d('f') };
    expect(() => buildIndex([amd64, other])).toThrow(
      `Two images for linux/amd64: ${d('a')} and ${d('f')} (did two legs build the same platform?)`,
    );
  });

  it('refuses an image without a platform', () => {
    const bare: Descriptor = { mediaType: OCI_MANIFEST, digest: d('9'), size: 1 };
    expect(() => buildIndex([bare])).toThrow(`The manifest ${d('9')} has no platform: an index entry needs one`);
  });
});
