import { describe, expect, it } from 'vitest';
import { buildLogReader } from '../../src/docker/build-log.js';
import { classifyBuildFailure, failureMessage, type FailureCause } from '../../src/docker/build-failure.js';
import { retryWait } from '../../src/docker/build.js';

interface FailureCase {
  name: string;
  /** buildx's output, as seen on this machine or quoted from registries' documented errors */
  output: string;
  pushing?: boolean;
  cause: FailureCause;
  transient: boolean;
  headline: string;
  evidence?: string;
}

const cases: FailureCase[] = [
  {
    name: 'a RUN step that exits non-zero',
    output:
      '#7 [2/2] RUN exit 3\n#7 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n' +
      'ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    cause: 'build-step',
    transient: false,
    headline: 'A build step failed: `/bin/sh -c exit 3` exited with code 3.',
    evidence: 'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
  },
  {
    name: 'a Dockerfile typo',
    output: 'ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN',
    cause: 'dockerfile',
    transient: false,
    headline: 'The Dockerfile cannot be read: dockerfile parse error on line 2: unknown instruction: RUNN.',
    evidence: 'failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN',
  },
  {
    name: 'a 500 on a manifest PUT is the registry failing, worth another attempt',
    output:
      'ERROR: failed to push 127.0.0.1:5001/a:two: unexpected status from PUT request to http://127.0.0.1:5001/v2/a/manifests/two: 500 Internal Server Error',
    cause: 'registry',
    transient: true,
    headline: 'The registry failed with HTTP 500.',
  },
  {
    name: 'a 429 is a rate limit: transient',
    output:
      'ERROR: failed to push 127.0.0.1:5001/a:b: unexpected status from PUT request to http://127.0.0.1:5001/v2/a/manifests/b: 429 Too Many Requests',
    cause: 'rate-limit',
    transient: true,
    headline: 'The registry is rate-limiting this push (429 Too Many Requests).',
  },
  {
    name: 'a 401 during the push is final',
    output:
      'ERROR: failed to push 127.0.0.1:5001/a:b: unexpected status from HEAD request to http://127.0.0.1:5001/v2/a/manifests/b: 401 Unauthorized',
    cause: 'auth',
    transient: false,
    headline: 'The registry refused the credentials (401 Unauthorized).',
  },
  {
    name: "GHCR's refusal for a fork's read-only token",
    output: 'ERROR: failed to push ghcr.io/o/a:pr-1: denied: installation not allowed to Write organization package',
    cause: 'auth',
    transient: false,
    headline: 'The registry refused the credentials (denied: installation not allowed to Write organization package).',
  },
  {
    name: 'a registry that is down',
    output:
      'ERROR: failed to do request: Head "http://127.0.0.1:5999/v2/a/blobs/sha256:x": dial tcp 127.0.0.1:5999: connect: connection refused',
    cause: 'network',
    transient: true,
    headline: 'The registry could not be reached (connection refused).',
  },
  {
    name: 'a transient-looking failure is not retried when nothing was being pushed',
    output: 'ERROR: failed to do request: dial tcp 127.0.0.1:5999: connect: connection refused',
    pushing: false,
    cause: 'network',
    transient: false,
    headline: 'The registry could not be reached (connection refused).',
  },
  {
    name: 'a missing base image',
    output:
      'ERROR: failed to solve: 127.0.0.1:5000/test/nope:latest: failed to resolve source metadata for 127.0.0.1:5000/test/nope:latest: 127.0.0.1:5000/test/nope:latest: not found',
    cause: 'base-image',
    transient: false,
    headline: 'A base image cannot be pulled: 127.0.0.1:5000/test/nope:latest: (not found).',
  },
  {
    name: 'anything else: the last ERROR line',
    output: '#3 something\nERROR: something nobody expected',
    cause: 'unknown',
    transient: false,
    headline: 'docker buildx build failed.',
    evidence: 'something nobody expected',
  },
];

describe('classifyBuildFailure', () => {
  for (const c of cases) {
    it(c.name, () => {
      const f = classifyBuildFailure(c.output, c.pushing ?? true);
      expect(f.cause).toBe(c.cause);
      expect(f.transient).toBe(c.transient);
      expect(f.headline).toBe(c.headline);
      if (c.evidence) expect(f.evidence).toBe(c.evidence);
    });
  }

  it('the message puts the cause first, then what to do, then the whole buildx line', () => {
    const f = classifyBuildFailure(cases[4].output, true);
    expect(failureMessage(f, 1).split('\n')).toEqual([
      'The registry refused the credentials (401 Unauthorized).',
      'Check the login inputs (registry, username, password or registry-auth) and that the token may write to this repository (`packages: write` for ghcr.io).',
      'buildx: failed to push 127.0.0.1:5001/a:b: unexpected status from HEAD request to http://127.0.0.1:5001/v2/a/manifests/b: 401 Unauthorized',
    ]);
    expect(failureMessage(f, 3).split('\n')[0]).toBe(
      'The registry refused the credentials (401 Unauthorized) (after 3 attempts).',
    );
  });
});

describe('retryWait', () => {
  it('backs off 2 s then 4 s for a failing registry, 5 s then 10 s for a rate limit, capped at 60 s', () => {
    const registry = classifyBuildFailure(cases[2].output, true);
    const rate = classifyBuildFailure(cases[3].output, true);
    expect([retryWait(registry, 2), retryWait(registry, 3)]).toEqual([2_000, 4_000]);
    expect([retryWait(rate, 2), retryWait(rate, 3)]).toEqual([5_000, 10_000]);
    expect(retryWait({ ...rate, retryAfterMs: 600_000 }, 2)).toBe(60_000);
    expect(retryWait({ ...rate, retryAfterMs: 7_000 }, 2)).toBe(7_000);
  });
});

describe('buildLogReader', () => {
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

  it('reads the exported index digest and which references started pushing', () => {
    const r = buildLogReader();
    const list = `sha256:${'f2'.repeat(32)}`;
    for (const l of [
      `#9 exporting manifest sha256:${'af'.repeat(32)} 0.0s done`,
      `#9 exporting manifest sha256:${'27'.repeat(32)} 0.0s done`,
      `#9 exporting manifest list ${list} 0.0s done`,
      `#9 pushing manifest for 127.0.0.1:5000/probe/x:a@${list}`,
      `#9 pushing manifest for 127.0.0.1:5000/probe/x:a@${list} 0.1s done`,
      `#9 pushing manifest for 127.0.0.1:5000/probe/x:b@${list} done`,
    ])
      r.line(l);
    expect(r.exportedDigest()).toBe(list);
    expect(r.pushedRefs()).toEqual(['127.0.0.1:5000/probe/x:a', '127.0.0.1:5000/probe/x:b']);
  });

  it('a single-platform build exports one manifest: that is the digest', () => {
    const r = buildLogReader();
    r.line(`#9 exporting manifest sha256:${'af'.repeat(32)} 0.0s done`);
    expect(r.exportedDigest()).toBe(`sha256:${'af'.repeat(32)}`);
  });
});

describe('the failing command', () => {
  it("reads BuildKit's Go-quoted command back as it was written", () => {
    const f = classifyBuildFailure(
      'ERROR: failed to solve: process "/bin/sh -c echo \\"about to fail\\" && exit 3" did not complete successfully: exit code: 3',
      true,
    );
    expect(f.headline).toBe('A build step failed: `/bin/sh -c echo "about to fail" && exit 3` exited with code 3.');
  });
});
