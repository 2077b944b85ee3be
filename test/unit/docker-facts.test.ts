import { describe, expect, it } from 'vitest';
import { buildLogReader, isTransientRegistryFailure } from '../../src/docker/build-log.js';
import {
  builderCanDo,
  cacheV2Unsupported,
  missingPlatforms,
  parseBuildxVersion,
  parseInspect,
  usesContainerdStore,
} from '../../src/docker/builder-facts.js';
import { indexPlatforms } from '../../src/docker/verify.js';
import { parseImageRef } from '../../src/registry/image-ref.js';

const INSPECT = `Name:          default
Driver:        docker
Last Activity: 2026-11-26 23:00:00 +0000 UTC

Nodes:
Name:      default
Endpoint:  default
Status:    running
BuildKit version: v0.13.2
Platforms: linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386, linux/arm64
Labels:
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
`;

describe('builder facts', () => {
  it('reads buildx versions in Debian and upstream spellings', () => {
    expect(parseBuildxVersion('github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3')).toBe('0.13.1');
    expect(parseBuildxVersion('github.com/docker/buildx v0.21.2 1360a9e')).toBe('0.21.2');
  });
  it('reads buildx inspect', () => {
    expect(parseInspect(INSPECT)).toEqual({
      name: 'default',
      driver: 'docker',
      buildkitVersion: 'v0.13.2',
      platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/386', 'linux/arm64'],
    });
  });
  it('detects the containerd image store', () => {
    expect(usesContainerdStore('[["driver-type","io.containerd.snapshotter.v1"]]')).toBe(true);
    expect(usesContainerdStore('[["Backing Filesystem","extfs"],["Supports d_type","true"]]')).toBe(false);
  });
  it('creates a builder only when the docker driver lacks the containerd store and the plan needs it', () => {
    expect(builderCanDo('docker', true, { multiPlatform: true, cacheExport: true }).ok).toBe(true);
    expect(builderCanDo('docker', false, { multiPlatform: false, cacheExport: false }).ok).toBe(true);
    expect(builderCanDo('docker', false, { multiPlatform: true, cacheExport: false })).toMatchObject({
      ok: false,
      why: expect.stringMatching(/several platforms/),
    });
    expect(builderCanDo('docker', false, { multiPlatform: false, cacheExport: true })).toMatchObject({
      ok: false,
      why: expect.stringMatching(/export a cache/),
    });
    expect(builderCanDo('docker-container', false, { multiPlatform: true, cacheExport: true }).ok).toBe(true);
  });
  it('knows which buildx can use cache v2', () => {
    expect(cacheV2Unsupported('0.13.1')).toBe(true);
    expect(cacheV2Unsupported('0.21.0')).toBe(false);
    expect(cacheV2Unsupported('unknown')).toBe(true);
  });
  it('lists platforms needing QEMU', () => {
    expect(missingPlatforms(['linux/amd64', 'linux/arm64', 'linux/riscv64'], ['linux/amd64', 'linux/arm64'])).toEqual([
      'linux/riscv64',
    ]);
    expect(missingPlatforms(['linux/arm/v7'], ['linux/arm/v7'])).toEqual([]);
  });
});

describe('build log', () => {
  it('counts Dockerfile steps and cached steps, ignoring internal ones', () => {
    const r = buildLogReader();
    for (const l of [
      '#1 [internal] load build definition from Dockerfile',
      '#4 [linux/amd64 1/3] FROM 127.0.0.1:5000/test/busybox',
      '#5 [linux/arm64 2/3] RUN echo hi',
      '#5 CACHED',
      '#6 [linux/amd64 2/3] RUN echo hi',
      '#6 CACHED',
      '#7 [stage-1 3/3] COPY . /app',
      '#8 importing cache manifest from gha:123',
      '#1 CACHED',
    ])
      r.line(l);
    expect(r.steps()).toEqual({ total: 4, cached: 2 });
  });
  it('retries registry hiccups but not build failures', () => {
    expect(
      isTransientRegistryFailure(
        'ERROR: failed to push 127.0.0.1:5001/a:b: unexpected status from PUT request to http://127.0.0.1:5001/v2/a/blobs/uploads/x: 503 Service Unavailable',
      ),
    ).toBe(true);
    expect(
      isTransientRegistryFailure(
        'failed to do request: Head "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused',
      ),
    ).toBe(true);
    expect(
      isTransientRegistryFailure(
        'ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      ),
    ).toBe(false);
  });
});

describe('registry facts', () => {
  it('parses image references like docker does', () => {
    expect(parseImageRef('ghcr.io/o/a:1')).toEqual({
      registry: 'ghcr.io',
      repository: 'o/a',
      tag: '1',
      digest: undefined,
    });
    expect(parseImageRef('127.0.0.1:5000/o/a')).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'o/a',
      tag: undefined,
      digest: undefined,
    });
    expect(parseImageRef('alpine')).toMatchObject({ registry: 'docker.io', repository: 'library/alpine' });
    expect(parseImageRef('o/a@sha256:ab')).toMatchObject({
      registry: 'docker.io',
      repository: 'o/a',
      digest: 'sha256:ab',
    });
  });
  it('lists an index platforms without attestation manifests', () => {
    expect(
      indexPlatforms({
        manifests: [
          { digest: 'a', platform: { os: 'linux', architecture: 'amd64' } },
          { digest: 'b', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
          { digest: 'c', platform: { os: 'unknown', architecture: 'unknown' } },
        ],
      }),
    ).toEqual(['linux/amd64', 'linux/arm/v7']);
  });
});
