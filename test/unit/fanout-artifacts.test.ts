// The artifact side of the fan-out that needs no service: the name scheme (stable across the legs and the merge,
// valid as an artifact name, one image set never matching another's prefix), which attempt wins, and the errors
// for a job without an artifact service.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ArtifactServiceError,
  artifactServiceFrom,
  newestPerPlatform,
  requireArtifactService,
  type ArtifactService,
  type CollectedLeg,
} from '../../src/fanout/artifacts.js';
import { legArtifactName, legArtifactPrefix } from '../../src/fanout/naming.js';
import { LEG_RESULT_SCHEMA, type LegResult } from '../../src/fanout/leg-result.js';

// Characters @actions/artifact and the service refuse in artifact names.
const FORBIDDEN = /[":<>|*?\r\n\\/]/;

describe('legArtifactName', () => {
  const cases = [
    {
      name: 'one image (the scheme is a contract between versions: this exact name)',
      images: ['ghcr.io/acme/web'],
      platform: 'linux/arm64',
      attempt: 1,
      expected: 'publish-image-leg_acme-web_c50a4528a8f1_linux-arm64_attempt-1',
    },
    {
      name: 'two registries: slug of the first in sorted order, hash of both',
      images: ['ghcr.io/acme/web', 'acme/web'],
      platform: 'linux/amd64',
      attempt: 3,
      expected: 'publish-image-leg_acme-web_e9e504934cee_linux-amd64_attempt-3',
    },
    {
      name: 'a registry with a port',
      images: ['127.0.0.1:5000/test/app'],
      platform: 'linux/arm/v7',
      attempt: 1,
      expected: 'publish-image-leg_test-app_91ee10ffcf5e_linux-arm-v7_attempt-1',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(legArtifactName(c.images, c.platform, c.attempt)).toBe(c.expected));
  }

  const same = [
    { name: 'order', a: ['ghcr.io/acme/web', 'docker.io/acme/web'], b: ['docker.io/acme/web', 'ghcr.io/acme/web'] },
    { name: 'duplicates', a: ['ghcr.io/acme/web'], b: ['ghcr.io/acme/web', 'ghcr.io/acme/web'] },
    { name: 'tags and digests', a: ['ghcr.io/acme/web'], b: [`ghcr.io/acme/web:1.2@sha256:${'0'.repeat(64)}`] },
    { name: "Docker Hub's implicit parts", a: ['alpine'], b: ['docker.io/library/alpine'] },
    { name: "Docker Hub's aliases", a: ['index.docker.io/acme/web'], b: ['acme/web'] },
  ];
  for (const c of same) {
    it(`the same set whatever the ${c.name}`, () => {
      expect(legArtifactName(c.a, 'linux/amd64', 1)).toBe(legArtifactName(c.b, 'linux/amd64', 1));
    });
  }

  const different = [
    { name: 'another registry', a: ['ghcr.io/acme/web'], b: ['docker.io/acme/web'] },
    { name: 'a superset', a: ['ghcr.io/acme/web'], b: ['ghcr.io/acme/web', 'ghcr.io/acme/web-debug'] },
    { name: 'same slug, other path', a: ['ghcr.io/acme/web'], b: ['ghcr.io/acme-web'] },
  ];
  for (const c of different) {
    it(`another set: ${c.name}`, () => {
      expect(legArtifactPrefix(c.a)).not.toBe(legArtifactPrefix(c.b));
      expect(legArtifactName(c.b, 'linux/amd64', 1).startsWith(legArtifactPrefix(c.a))).toBe(false);
      expect(legArtifactName(c.a, 'linux/amd64', 1).startsWith(legArtifactPrefix(c.b))).toBe(false);
    });
  }

  it("one set's prefix never starts a name of a set whose slug extends it", () => {
    const a = ['ghcr.io/acme/web'];
    const prefixA = legArtifactPrefix(a); // publish-image-leg_acme-web_<hash>_
    const hashA = prefixA.split('_')[2];
    // a repository whose slug is "acme-web" followed by A's hash: the slug cannot contain "_"
    const b = [`ghcr.io/acme/web_${hashA}`];
    expect(legArtifactName(b, 'linux/amd64', 1).startsWith(prefixA)).toBe(false);
  });

  const valid = [
    { name: 'underscores, capitals and dots', images: ['Registry.Example.com/Team_A/My__App.v2'] },
    { name: 'a very long path', images: [`ghcr.io/${'very-long-organisation-name/'.repeat(5)}app`] },
    { name: 'only symbols after the registry', images: ['ghcr.io/_/__'] },
  ];
  for (const c of valid) {
    it(`a valid artifact name for ${c.name}`, () => {
      const name = legArtifactName(c.images, 'linux/arm/v7', 12);
      expect(name).not.toMatch(FORBIDDEN);
      expect(name.length).toBeLessThanOrEqual(110);
      expect(name).toMatch(/^publish-image-leg_[a-z0-9][a-z0-9.-]*_[0-9a-f]{12}_linux-arm-v7_attempt-12$/);
    });
  }

  const refused = [
    {
      name: 'no images',
      images: [],
      platform: 'linux/amd64',
      attempt: 1,
      expected: 'A fan-out leg needs at least one image name',
    },
    {
      name: 'attempt 0',
      images: ['a/b'],
      platform: 'linux/amd64',
      attempt: 0,
      expected: 'A run attempt is 1, 2, ...; got 0',
    },
    {
      name: 'a fractional attempt',
      images: ['a/b'],
      platform: 'linux/amd64',
      attempt: 1.5,
      expected: 'A run attempt is 1, 2, ...; got 1.5',
    },
    {
      name: 'a platform list',
      images: ['a/b'],
      platform: 'linux/amd64,linux/arm64',
      attempt: 1,
      expected: 'Not a platform (os/arch[/variant]): "linux/amd64,linux/arm64"',
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      expect(() => legArtifactName(c.images, c.platform, c.attempt)).toThrow(new Error(c.expected));
    });
  }
});

function leg(platform: string, runAttempt: number, id: number, digestByte: string): CollectedLeg {
  const result: LegResult = {
    schema: LEG_RESULT_SCHEMA,
    images: ['ghcr.io/acme/web'],
    platform,
    pair: platform.replaceAll('/', '-'),
    digest: `sha256:${digestByte.repeat(64)}`,
    buildSeconds: 1,
    cache: { hits: 0, steps: 1 },
    builder: { name: 'b', driver: 'docker' },
    runner: { name: 'r', os: 'Linux', arch: 'X64' },
    runAttempt,
  };
  return { artifact: { id, name: legArtifactName(result.images, platform, runAttempt) }, result };
}

describe('newestPerPlatform', () => {
  const amd1 = leg('linux/amd64', 1, 10, 'a');
  const arm1 = leg('linux/arm64', 1, 11, 'b');
  const arm2 = leg('linux/arm64', 2, 20, 'c');
  const arm3 = leg('linux/arm64', 3, 15, 'd'); // ids need not follow attempts
  const armSameAttempt = leg('linux/arm64', 2, 21, 'e');
  const cases = [
    { name: 'nothing', legs: [], expected: { legs: [], superseded: [] } },
    {
      name: 'one per platform, sorted by platform',
      legs: [arm1, amd1],
      expected: { legs: [amd1, arm1], superseded: [] },
    },
    {
      name: 'a re-run leg replaces its first attempt; the leg not re-run keeps its result',
      legs: [amd1, arm1, arm2],
      expected: { legs: [amd1, arm2], superseded: [arm1] },
    },
    {
      name: 'the highest attempt wins over a higher artifact id',
      legs: [arm2, arm3, arm1, amd1],
      expected: { legs: [amd1, arm3], superseded: [arm2, arm1] },
    },
    {
      name: 'within one attempt the later artifact wins',
      legs: [arm2, armSameAttempt],
      expected: { legs: [armSameAttempt], superseded: [arm2] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(newestPerPlatform(c.legs)).toEqual(c.expected));
  }
});

describe('the artifact service', () => {
  it('is read from the runner environment', () => {
    expect(
      artifactServiceFrom({
        ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/',
        ACTIONS_RUNTIME_TOKEN: 'a.b.c',
        GITHUB_SERVER_URL: 'https://github.com',
        HTTPS_PROXY: 'http://proxy.example:3128',
        no_proxy: '.internal',
      }),
    ).toEqual({
      resultsUrl: 'https://results-receiver.actions.githubusercontent.com/',
      runtimeToken: 'a.b.c',
      serverUrl: 'https://github.com',
      act: false,
      proxy: { httpProxy: '', httpsProxy: 'http://proxy.example:3128', noProxy: '.internal' },
    });
  });

  it('is missing when the environment has none', () => {
    expect(artifactServiceFrom({ ACT: 'true', ACTIONS_RUNTIME_TOKEN: '' })).toEqual({
      resultsUrl: undefined,
      runtimeToken: undefined,
      serverUrl: 'https://github.com',
      act: true,
      proxy: { httpProxy: '', httpsProxy: '', noProxy: '' },
    });
  });

  const start =
    "mode build and mode merge hand the legs' results over through the run's artifact service, and this job has none";
  const outsideGitHub =
    'The runner sets both for every JavaScript action step of a GitHub Actions job; outside one, ' +
    "pass the legs' digests to the merge job with the `digests` input instead.";
  const underAct =
    'Under act, start it with --artifact-server-path <dir> (e.g. --artifact-server-path /tmp/artifacts).';
  const cases: { name: string; service: ArtifactService; expected: string }[] = [
    {
      name: 'act without --artifact-server-path',
      service: { serverUrl: 'https://github.com', act: true },
      expected: `${start} (ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set). ${underAct}`,
    },
    {
      name: 'no results URL outside act',
      service: { runtimeToken: 'secret-token', serverUrl: 'https://github.com', act: false },
      expected: `${start} (ACTIONS_RESULTS_URL is not set). ${outsideGitHub}`,
    },
    {
      name: 'no runtime token outside act',
      service: { resultsUrl: 'http://127.0.0.1:1/', serverUrl: 'https://github.com', act: false },
      expected: `${start} (ACTIONS_RUNTIME_TOKEN is not set). ${outsideGitHub}`,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      expect(() => requireArtifactService(c.service)).toThrow(new ArtifactServiceError(c.expected));
    });
  }

  it('never shows the token it was given', () => {
    let message = '';
    try {
      requireArtifactService({ runtimeToken: 'secret-token', serverUrl: 'https://github.com', act: false });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('ACTIONS_RESULTS_URL is not set');
    expect(message).not.toContain('secret-token');
  });

  it('is accepted with both values', () => {
    const service = {
      resultsUrl: 'http://127.0.0.1:1/',
      runtimeToken: 't',
      serverUrl: 'https://github.com',
      act: true,
    };
    expect(requireArtifactService(service)).toBe(service);
  });
});

describe('loading', () => {
  it('imports @actions/artifact only inside the calls that talk to the service', () => {
    // the plan names artifacts on every path; a static import would put the library on the dry-run's start-up
    const source = readFileSync(new URL('../../src/fanout/artifacts.ts', import.meta.url), 'utf8');
    const mentions = source.split('\n').filter((line) => line.includes("'@actions/artifact'"));
    expect(mentions.map((line) => line.trim())).toEqual([
      "type ArtifactLibrary = typeof import('@actions/artifact');",
      "return use(await import('@actions/artifact'));",
    ]);
  });
});
