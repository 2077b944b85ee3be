// The merge's artifact reader against the artifact service double (127.0.0.1): the results are uploaded by the
// legs' own path (@actions/artifact through uploadLegResult), read back by the reader without the library.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactServiceDouble } from '../doubles/artifact-service.js';
import { startFaultProxy } from '../doubles/fault-proxy.js';
import {
  ArtifactReadError,
  backendIds,
  listArtifacts,
  openReaderPool,
  readArtifactFiles,
} from '../../src/fanout/artifact-reader.js';
import { collectLegResults, uploadLegResult, type ArtifactService } from '../../src/fanout/artifacts.js';
import { LEG_RESULT_SCHEMA, type LegResult } from '../../src/fanout/leg-result.js';

const IMAGES = ['ghcr.io/octo-org/reader'];
const RUN = 'run-reader';
let service: ArtifactServiceDouble;
const saved = { url: process.env.ACTIONS_RESULTS_URL, token: process.env.ACTIONS_RUNTIME_TOKEN };

const leg = (platform: string, digest: string): LegResult => ({
  schema: LEG_RESULT_SCHEMA,
  images: IMAGES,
  platform,
  pair: platform.replace('/', '-'),
  digest,
  buildSeconds: 12.5,
  cache: { hits: 1, steps: 2 },
  builder: { name: 'default', driver: 'docker' },
  runner: { name: 'r', os: 'Linux', arch: 'X64' },
  runAttempt: 1,
});

const jobService = (job: string): ArtifactService => ({
  resultsUrl: service.url,
  runtimeToken: service.token(RUN, job),
  serverUrl: 'https://github.com',
  act: false,
});

beforeAll(async () => {
  service = await startArtifactService();
  // the legs upload through @actions/artifact, which reads its settings from the process environment
  for (const [job, platform, hex] of [
    ['leg-amd64', 'linux/amd64', 'a1'],
    ['leg-arm64', 'linux/arm64', 'b2'],
  ]) {
    const s = jobService(job);
    process.env.ACTIONS_RESULTS_URL = s.resultsUrl;
    process.env.ACTIONS_RUNTIME_TOKEN = s.runtimeToken;
    await uploadLegResult(leg(platform, `sha256:${hex.repeat(32)}`), {
      workDir: mkdtempSync(join(tmpdir(), 'reader-')),
      service: s,
    });
  }
}, 60_000);

afterAll(async () => {
  process.env.ACTIONS_RESULTS_URL = saved.url;
  process.env.ACTIONS_RUNTIME_TOKEN = saved.token;
  await service?.close();
});

describe('the merge reads leg results without @actions/artifact', () => {
  it('lists the run’s artifacts and reads each through its maker’s signed URL, checking the zip digest', async () => {
    const legs = await collectLegResults(IMAGES, { workDir: tmpdir(), service: jobService('merge') });
    expect(legs.legs.map((l) => [l.result.platform, l.result.digest])).toEqual([
      ['linux/amd64', `sha256:${'a1'.repeat(32)}`],
      ['linux/arm64', `sha256:${'b2'.repeat(32)}`],
    ]);
  });

  it("behind the runner's proxy: the service and the signed URL are both asked through it", async () => {
    const proxy = await startFaultProxy({ target: new URL(service.url).host });
    try {
      const s = { ...jobService('merge'), proxy: { httpProxy: proxy.url, httpsProxy: '', noProxy: '' } };
      const legs = await collectLegResults(IMAGES, { workDir: tmpdir(), service: s });
      expect(legs.legs).toHaveLength(2);
      const paths = proxy.requests.map((r) => [r.viaProxy, r.method, r.path.split('?')[0].split('/').at(-1)]);
      expect(paths.filter(([, , last]) => last === 'ListArtifacts')).toEqual([[true, 'POST', 'ListArtifacts']]);
      expect(paths.filter(([, , last]) => last === 'GetSignedArtifactURL')).toHaveLength(2);
      expect(proxy.requests.length).toBe(5); // the list, two signed URLs, two downloads
      expect(proxy.requests.every((r) => r.viaProxy)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('a 503 of the service is retried; the waits are 1 s then 2 s', async () => {
    const waits: number[] = [];
    service.failNext(503, { method: 'ListArtifacts', count: 2 });
    const s = jobService('merge');
    const listed = await listArtifacts({
      resultsUrl: s.resultsUrl!,
      runtimeToken: s.runtimeToken!,
      http: openReaderPool(),
      sleep: async (ms) => void waits.push(ms),
    });
    expect(listed).toHaveLength(2);
    expect(waits).toEqual([1000, 2000]);
  });

  it('a 403 is not retried, and says what the service said', async () => {
    service.failNext(403, { method: 'ListArtifacts', message: 'Resource not accessible by integration' });
    const s = jobService('merge');
    await expect(
      listArtifacts({ resultsUrl: s.resultsUrl!, runtimeToken: s.runtimeToken!, http: openReaderPool() }),
    ).rejects.toThrow(
      new ArtifactReadError('ListArtifacts: HTTP 403 Forbidden: Resource not accessible by integration'),
    );
  });

  it('a zip that does not match the listed digest is refused', async () => {
    const s = jobService('merge');
    const opts = { resultsUrl: s.resultsUrl!, runtimeToken: s.runtimeToken!, http: openReaderPool() };
    const [first] = await listArtifacts(opts);
    const forged = { ...first, digest: `sha256:${'0'.repeat(64)}` };
    await expect(readArtifactFiles(opts, forged)).rejects.toThrow(
      /^it downloaded as sha256:[0-9a-f]{64}, not the listed sha256:0{64}$/,
    );
  });

  it('a runtime token without the Actions.Results scope is refused before any request', () => {
    const token = [
      'e30',
      Buffer.from(JSON.stringify({ scp: 'Actions.GenericRead:x' })).toString('base64url'),
      'sig',
    ].join('.');
    expect(() => backendIds(token)).toThrow('ACTIONS_RUNTIME_TOKEN names no Actions.Results scope (run and job)');
    expect(backendIds(service.token('r1', 'j1'))).toEqual({ run: 'r1', job: 'j1' });
  });
});
