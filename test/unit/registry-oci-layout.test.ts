// Reading an OCI layout as buildx writes it (`--output type=oci,dest=x.tar`): layouts made here byte by byte, then
// tarred, so every shape and every corruption is known: one image, a nested index with attestations, several
// images side by side in index.json, and the failures (a changed blob, a missing blob, no oci-layout, not a tar).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { c as createTar } from 'tar';
import { buildIndex } from '../../src/registry/image-index.js';
import { openOciLayout } from '../../src/registry/oci-layout.js';
import type { Descriptor } from '../../src/registry/oci.js';

const root = mkdtempSync(join(tmpdir(), 'oci-layout-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A layout directory under construction: blobs are added by content, index.json written last. */
class LayoutBuilder {
  readonly dir: string;
  constructor(name: string) {
    this.dir = join(root, name);
    mkdirSync(join(this.dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(this.dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  }
  blob(content: Buffer | string, mediaType: string): Descriptor {
    const bytes = Buffer.from(content);
    const digest = sha(bytes);
    writeFileSync(join(this.dir, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { mediaType, digest, size: bytes.length };
  }
  image(arch: string, layer: string): Descriptor {
    const config = this.blob(
      JSON.stringify({ architecture: arch, os: 'linux', rootfs: { type: 'layers' } }),
      'application/vnd.oci.image.config.v1+json',
    );
    const l = this.blob(layer, 'application/vnd.oci.image.layer.v1.tar+gzip');
    return this.blob(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [l] }), OCI_MANIFEST);
  }
  index(manifests: Descriptor[]): Descriptor {
    return this.blob(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }), OCI_INDEX);
  }
  finish(roots: Descriptor[]): string {
    writeFileSync(
      join(this.dir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: roots }),
    );
    return this.dir;
  }
  async tar(roots: Descriptor[]): Promise<string> {
    this.finish(roots);
    const file = `${this.dir}.tar`;
    await createTar({ file, cwd: this.dir }, ['oci-layout', 'index.json', 'blobs']);
    return file;
  }
}

const extractedLeft = (work: string) => readdirSync(work).filter((f) => f.startsWith('oci-layout-'));

describe('openOciLayout', () => {
  it('one image (what a single-platform build writes): its manifest is the root, the platform from index.json', async () => {
    const b = new LayoutBuilder('single');
    const image = b.image('arm64', 'layer-arm64');
    const file = await b.tar([{ ...image, platform: { architecture: 'arm64', os: 'linux' } }]);
    const work = mkdtempSync(join(root, 'work-'));
    const layout = await openOciLayout(file, work);
    expect(layout.root).toEqual(image);
    expect(layout.platforms).toEqual(['linux/arm64']);
    expect(layout.manifests.map((m) => m.descriptor.digest)).toEqual([image.digest]);
    const config = JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers' } });
    expect(layout.blobs.map((x) => [x.digest, x.size])).toEqual([
      [sha(Buffer.from(config)), config.length],
      [sha(Buffer.from('layer-arm64')), 11],
    ]);
    expect(extractedLeft(work)).toHaveLength(1);
    await layout.dispose();
    expect(extractedLeft(work)).toEqual([]);
  });

  it('a platform missing from index.json comes from the image config', async () => {
    const b = new LayoutBuilder('single-no-platform');
    const image = b.image('s390x', 'layer-s390x');
    const layout = await openOciLayout(b.finish([image]), root);
    expect(layout.platforms).toEqual(['linux/s390x']);
    await layout.dispose();
  });

  it('a nested index with attestations (a multi-platform build with provenance): children first, the index last', async () => {
    const b = new LayoutBuilder('nested');
    const amd = b.image('amd64', 'layer-amd64');
    const arm = b.image('arm64', 'layer-arm64');
    const att = b.blob(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: b.blob('{}', 'application/vnd.oci.empty.v1+json'),
        layers: [b.blob('{"predicate":{}}', 'application/vnd.in-toto+json')],
      }),
      OCI_MANIFEST,
    );
    const index = b.index([
      { ...amd, platform: { os: 'linux', architecture: 'amd64' } },
      { ...arm, platform: { os: 'linux', architecture: 'arm64' } },
      {
        ...att,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': amd.digest },
      },
    ]);
    const layout = await openOciLayout(await b.tar([index]), root);
    expect(layout.root).toEqual(index);
    expect(layout.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(layout.manifests.map((m) => m.descriptor.digest)).toEqual([
      amd.digest,
      arm.digest,
      att.digest,
      index.digest,
    ]);
    expect(layout.blobs).toHaveLength(6);
    await layout.dispose();
  });

  it('several images side by side in index.json: the root is the index the merge would make of them', async () => {
    const b = new LayoutBuilder('side-by-side');
    const amd = { ...b.image('amd64', 'x-amd64'), platform: { os: 'linux', architecture: 'amd64' } };
    const arm = { ...b.image('arm64', 'x-arm64'), platform: { os: 'linux', architecture: 'arm64' } };
    const layout = await openOciLayout(b.finish([arm, amd]), root);
    const expected = buildIndex([amd, arm]);
    expect(layout.root).toEqual({ mediaType: OCI_INDEX, digest: expected.digest, size: expected.size });
    expect(layout.manifests.at(-1)!.bytes.equals(expected.bytes)).toBe(true);
    expect(layout.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    await layout.dispose();
    // a directory given as the source is left alone
    expect(existsSync(join(b.dir, 'index.json'))).toBe(true);
  });

  it('refuses a layer whose bytes changed, naming the blob', async () => {
    const b = new LayoutBuilder('corrupt');
    const image = b.image('amd64', 'good-bytes');
    const layer = sha(Buffer.from('good-bytes'));
    writeFileSync(join(b.dir, 'blobs', 'sha256', layer.slice(7)), 'evil-bytes');
    const file = await b.tar([image]);
    await expect(openOciLayout(file, root)).rejects.toThrow(
      `The OCI layout ${file} has a corrupt blob ${layer} (10 bytes, digest ${sha(Buffer.from('evil-bytes'))})`,
    );
    expect(extractedLeft(root)).toEqual([]);
  });

  it('refuses a layout that lacks a blob', async () => {
    const b = new LayoutBuilder('missing');
    const image = b.image('amd64', 'will-vanish');
    const layer = sha(Buffer.from('will-vanish'));
    rmSync(join(b.dir, 'blobs', 'sha256', layer.slice(7)));
    const dir = b.finish([image]);
    await expect(openOciLayout(dir, root)).rejects.toThrow(`The OCI layout ${dir} lacks the blob ${layer}`);
  });

  it('refuses a manifest whose size in index.json is wrong', async () => {
    const b = new LayoutBuilder('wrong-size');
    const image = b.image('amd64', 'sized');
    const dir = b.finish([{ ...image, size: image.size + 1 }]);
    await expect(openOciLayout(dir, root)).rejects.toThrow(
      `The OCI layout ${dir} has a corrupt blob ${image.digest} (${image.size} bytes, digest ${image.digest})`,
    );
  });

  it('refuses a directory without oci-layout', async () => {
    const dir = join(root, 'not-a-layout');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.json'), '{}');
    await expect(openOciLayout(dir, root)).rejects.toThrow(
      `The OCI layout ${dir} has no oci-layout file: build it with --output type=oci,dest=<file>`,
    );
  });

  it('refuses a file that is not a tar, and leaves nothing behind', async () => {
    const file = join(root, 'not-a-tar.tar');
    writeFileSync(file, 'this is not a tar archive at all, just text that goes on for a while'.repeat(20));
    const work = mkdtempSync(join(root, 'work-'));
    await expect(openOciLayout(file, work)).rejects.toThrow(
      `The OCI layout ${file} is not a readable tar: TAR_ENTRY_INVALID: checksum failure`,
    );
    expect(extractedLeft(work)).toEqual([]);
  });

  it('refuses a source that does not exist', async () => {
    const file = join(root, 'nope.tar');
    await expect(openOciLayout(file, root)).rejects.toThrow(`The OCI layout ${file} does not exist`);
  });
});
