// The leg result a build leg hands to the merge: every malformed field is refused with a message naming the artifact
// and the field, and a valid result reads back exactly as written.
import { describe, expect, it } from 'vitest';
import {
  LEG_RESULT_SCHEMA,
  LegResultError,
  parseLegResult,
  serializeLegResult,
  type LegResult,
} from '../../src/fanout/leg-result.js';
import { platformPair } from '../../src/fanout/naming.js';

const ARTIFACT = 'publish-image-leg_acme-web_c50a4528a8f1_linux-arm64_attempt-1';
const DIGEST = `sha256:${'a1'.repeat(32)}`;

const valid: LegResult = {
  schema: LEG_RESULT_SCHEMA,
  images: ['ghcr.io/acme/web', 'docker.io/acme/web'],
  platform: 'linux/arm64',
  pair: 'linux-arm64',
  digest: DIGEST,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  size: 1234,
  buildSeconds: 42.5,
  cache: { hits: 3, steps: 5 },
  builder: { name: 'publish-image-1', driver: 'docker-container' },
  runner: { name: 'GitHub Actions 12', os: 'Linux', arch: 'ARM64' },
  runAttempt: 2,
};

describe('platformPair', () => {
  const cases = [
    { name: 'os/arch', platform: 'linux/amd64', expected: 'linux-amd64' },
    { name: 'os/arch/variant', platform: 'linux/arm/v7', expected: 'linux-arm-v7' },
    { name: 'windows', platform: 'windows/arm64', expected: 'windows-arm64' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(platformPair(c.platform)).toBe(c.expected));
  }

  const bad = [
    { name: 'no arch', platform: 'linux', expected: 'Not a platform (os/arch[/variant]): "linux"' },
    {
      name: 'four parts',
      platform: 'linux/arm/v7/x',
      expected: 'Not a platform (os/arch[/variant]): "linux/arm/v7/x"',
    },
    {
      name: 'a list',
      platform: 'linux/amd64,linux/arm64',
      expected: 'Not a platform (os/arch[/variant]): "linux/amd64,linux/arm64"',
    },
    { name: 'upper case', platform: 'Linux/AMD64', expected: 'Not a platform (os/arch[/variant]): "Linux/AMD64"' },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, () => expect(() => platformPair(c.platform)).toThrow(new Error(c.expected)));
  }
});

describe('parseLegResult', () => {
  it('reads back what serializeLegResult wrote', () => {
    expect(parseLegResult(serializeLegResult(valid), ARTIFACT)).toEqual(valid);
  });

  const accepted: { name: string; doc: Record<string, unknown>; expected: LegResult }[] = [
    {
      name: 'without the optional media type and size',
      doc: { ...valid, mediaType: undefined, size: undefined },
      expected: (({ mediaType: _m, size: _s, ...rest }) => rest)(valid),
    },
    {
      name: 'unknown fields are dropped',
      doc: { ...valid, extra: { nested: true }, note: 'from a newer leg' },
      expected: valid,
    },
    {
      name: 'act leaves the runner name empty',
      doc: { ...valid, runner: { name: '', os: 'Linux', arch: 'X64' } },
      expected: { ...valid, runner: { name: '', os: 'Linux', arch: 'X64' } },
    },
    {
      name: 'a variant platform',
      doc: { ...valid, platform: 'linux/arm/v7', pair: 'linux-arm-v7' },
      expected: { ...valid, platform: 'linux/arm/v7', pair: 'linux-arm-v7' },
    },
    {
      name: 'no cached steps at all',
      doc: { ...valid, cache: { hits: 0, steps: 0 }, buildSeconds: 0 },
      expected: { ...valid, cache: { hits: 0, steps: 0 }, buildSeconds: 0 },
    },
  ];
  for (const c of accepted) {
    it(`accepts ${c.name}`, () => expect(parseLegResult(JSON.stringify(c.doc), ARTIFACT)).toEqual(c.expected));
  }

  const prefix = `Leg result in artifact "${ARTIFACT}": `;
  const refused: { name: string; text: string; expected: string }[] = [
    { name: 'not JSON', text: '{"schema":1,', expected: 'leg-result.json is not JSON' },
    { name: 'an array', text: '[1,2]', expected: 'leg-result.json holds [1,2], not an object' },
    { name: 'null', text: 'null', expected: 'leg-result.json holds null, not an object' },
    {
      name: 'no schema version',
      text: JSON.stringify({ ...valid, schema: undefined }),
      expected:
        'schema version nothing; this publish-image reads version 1 ' +
        '(use the same publish-image version in the build legs and the merge job)',
    },
    {
      name: 'a newer schema version',
      text: JSON.stringify({ ...valid, schema: 2 }),
      expected:
        'schema version 2; this publish-image reads version 1 ' +
        '(use the same publish-image version in the build legs and the merge job)',
    },
    {
      name: 'no images',
      text: JSON.stringify({ ...valid, images: [] }),
      expected: '"images" must be a non-empty list of image names, got []',
    },
    {
      name: 'an image with a space',
      text: JSON.stringify({ ...valid, images: ['ghcr.io/acme/web app'] }),
      expected: '"images" must be a non-empty list of image names, got ["ghcr.io/acme/web app"]',
    },
    {
      name: 'a platform list',
      text: JSON.stringify({ ...valid, platform: 'linux/amd64,linux/arm64' }),
      expected: '"platform" must be a platform os/arch[/variant], got "linux/amd64,linux/arm64"',
    },
    {
      name: 'a pair that is not the platform’s',
      text: JSON.stringify({ ...valid, pair: 'linux-amd64' }),
      expected: '"pair" must be "linux-arm64" (the platform\'s pair), got "linux-amd64"',
    },
    {
      name: 'a short digest',
      text: JSON.stringify({ ...valid, digest: 'sha256:abc' }),
      expected: '"digest" must be sha256:<64 hex digits>, got "sha256:abc"',
    },
    {
      name: 'an upper-case digest',
      text: JSON.stringify({ ...valid, digest: DIGEST.toUpperCase() }),
      expected: `"digest" must be sha256:<64 hex digits>, got "${DIGEST.toUpperCase()}"`,
    },
    {
      name: 'a long value (shown cut at 80 characters)',
      text: JSON.stringify({ ...valid, mediaType: 'x'.repeat(100) }),
      expected: `"mediaType" must be a media type, got "${'x'.repeat(76)}...`,
    },
    {
      name: 'a media type without a slash',
      text: JSON.stringify({ ...valid, mediaType: 'manifest' }),
      expected: '"mediaType" must be a media type, got "manifest"',
    },
    {
      name: 'a negative size',
      text: JSON.stringify({ ...valid, size: -1 }),
      expected: '"size" must be a byte count, got -1',
    },
    {
      name: 'build seconds as text',
      text: JSON.stringify({ ...valid, buildSeconds: '42' }),
      expected: '"buildSeconds" must be a number of seconds, got "42"',
    },
    {
      name: 'more cache hits than steps',
      text: JSON.stringify({ ...valid, cache: { hits: 6, steps: 5 } }),
      expected: '"cache" must be { hits, steps } with 0 <= hits <= steps, got {"hits":6,"steps":5}',
    },
    {
      name: 'a builder without driver',
      text: JSON.stringify({ ...valid, builder: { name: 'b' } }),
      expected: '"builder" must be { name, driver }, got {"name":"b"}',
    },
    {
      name: 'a runner without arch',
      text: JSON.stringify({ ...valid, runner: { name: 'r', os: 'Linux' } }),
      expected: '"runner" must be { name, os, arch }, got {"name":"r","os":"Linux"}',
    },
    {
      name: 'run attempt 0',
      text: JSON.stringify({ ...valid, runAttempt: 0 }),
      expected: '"runAttempt" must be a run attempt (1, 2, ...), got 0',
    },
    {
      name: 'run attempt as text',
      text: JSON.stringify({ ...valid, runAttempt: '2' }),
      expected: '"runAttempt" must be a run attempt (1, 2, ...), got "2"',
    },
    {
      name: 'a value with a line break (shown escaped, never as a new log line)',
      text: JSON.stringify({ ...valid, digest: 'x\n::error::injected' }),
      expected: '"digest" must be sha256:<64 hex digits>, got "x\\n::error::injected"',
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      let thrown: unknown;
      try {
        parseLegResult(c.text, ARTIFACT);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(LegResultError);
      expect((thrown as LegResultError).message).toBe(prefix + c.expected);
      expect((thrown as LegResultError).artifact).toBe(ARTIFACT);
    });
  }
});
