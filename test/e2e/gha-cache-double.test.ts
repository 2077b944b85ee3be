// The GitHub Actions cache double (test/doubles/gha-cache.ts): first its protocol over plain HTTP, then end to end
// with a real `docker buildx build` exporting to it (`--cache-to type=gha`) and, after pruning the build cache,
// importing from it (`--cache-from type=gha`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGhaCacheDouble, type GhaCacheDouble } from '../doubles/gha-cache.js';
import { requireTestEnv, type TestEnv } from './helpers/env.js';

interface RunResult {
  code: number;
  output: string;
}

/** Runs a command (argv, no shell); stdout and stderr interleaved, as buildx prints its progress on stderr. */
function run(cmd: string, args: string[], input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    // a child that exits without reading its stdin closes the pipe (EPIPE): its exit code says what happened
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

async function runOk(cmd: string, args: string[]): Promise<string> {
  const r = await run(cmd, args);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.output}`);
  return r.output;
}

const api = (d: GhaCacheDouble, path: string) => `${d.url}_apis/artifactcache/${path}`;
const auth = (d: GhaCacheDouble) => ({ authorization: `Bearer ${d.token}` });
const V = 'v1';

describe('GHA cache double: protocol', () => {
  let d: GhaCacheDouble;
  beforeAll(async () => {
    d = await startGhaCacheDouble();
  });
  afterAll(async () => {
    await d.close();
  });

  it('gives a URL ending with / on 127.0.0.1 and a JWT with ac (a JSON string), exp in the future, nbf in the past', () => {
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*\/$/);
    const parts = d.token.split('.');
    expect(parts).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    expect(typeof claims.ac).toBe('string');
    expect(JSON.parse(claims.ac)).toEqual([{ Scope: 'refs/heads/main', Permission: 3 }]);
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.nbf).toBeLessThan(now);
  });

  it('refuses API calls without the bearer token', async () => {
    const r = await fetch(api(d, `cache?keys=a&version=${V}`));
    expect(r.status).toBe(401);
  });

  it('reserves, uploads chunks out of order, commits, looks up exactly and by prefix, downloads with Range', async () => {
    const miss = await fetch(api(d, `cache?keys=index-x%23&version=${V}`), { headers: auth(d) });
    expect(miss.status).toBe(204);

    const reserve = async (key: string, version = V) =>
      fetch(api(d, 'caches'), {
        method: 'POST',
        headers: { ...auth(d), 'content-type': 'application/json' },
        body: JSON.stringify({ key, version }),
      });
    const put = async (id: number, body: string) => {
      const half = Math.floor(body.length / 2);
      for (const [start, chunk] of [
        [half, body.slice(half)],
        [0, body.slice(0, half)],
      ] as const) {
        const r = await fetch(api(d, `caches/${id}`), {
          method: 'PATCH',
          headers: { ...auth(d), 'content-range': `bytes ${start}-${start + chunk.length - 1}/*` },
          body: chunk,
        });
        expect(r.status).toBe(204);
      }
      const c = await fetch(api(d, `caches/${id}`), {
        method: 'POST',
        headers: { ...auth(d), 'content-type': 'application/json' },
        body: JSON.stringify({ size: body.length }),
      });
      expect(c.status).toBe(204);
    };

    const r1 = await reserve('index-x#1');
    expect(r1.status).toBe(201);
    const { cacheId: id1 } = (await r1.json()) as { cacheId: number };
    // Not visible before its commit.
    expect((await fetch(api(d, `cache?keys=index-x%23&version=${V}`), { headers: auth(d) })).status).toBe(204);
    await put(id1, 'first index');
    const r2 = await reserve('index-x#2');
    const { cacheId: id2 } = (await r2.json()) as { cacheId: number };
    await put(id2, 'second index, newer');

    const conflict = await reserve('index-x#2');
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { typeKey: string }).typeKey).toBe('ArtifactCacheItemAlreadyExistsException');
    expect((await reserve('index-x#2', 'other-version')).status).toBe(201);

    const prefix = await fetch(api(d, `cache?keys=index-x%23&version=${V}`), { headers: auth(d) });
    expect(prefix.status).toBe(200);
    const hit = (await prefix.json()) as { cacheKey: string; archiveLocation: string };
    expect(hit.cacheKey).toBe('index-x#2');

    const exact = (await (
      await fetch(api(d, `cache?keys=nope,index-x%231&version=${V}`), { headers: auth(d) })
    ).json()) as { cacheKey: string; archiveLocation: string };
    expect(exact.cacheKey).toBe('index-x#1');
    expect(await (await fetch(exact.archiveLocation)).text()).toBe('first index');

    const ranged = await fetch(hit.archiveLocation, { headers: { range: 'bytes=7-' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 7-18/19');
    expect(await ranged.text()).toBe('index, newer');
    expect((await fetch(hit.archiveLocation, { headers: { range: 'bytes=99-' } })).status).toBe(416);

    expect((await fetch(api(d, `cache?keys=index-x%23&version=other`), { headers: auth(d) })).status).toBe(204);

    d.failNext(429);
    expect((await fetch(api(d, `cache?keys=a&version=${V}`), { headers: auth(d) })).status).toBe(429);

    expect(d.stats).toMatchObject({ commits: 2, uploads: 4, reservations: 3, conflicts: 1, downloads: 3 });
    expect(d.stats.lookups).toEqual({ hit: 2, miss: 3 });
    expect(
      d
        .entries()
        .filter((e) => e.committed)
        .map((e) => e.key),
    ).toEqual(['index-x#1', 'index-x#2']);
  });
});

describe('GHA cache double: real buildx (docker driver, BuildKit v1 cache protocol)', () => {
  let d: GhaCacheDouble | undefined;
  let ctx: string | undefined;
  afterAll(async () => {
    await d?.close();
    if (ctx) rmSync(ctx, { recursive: true, force: true });
  });

  // Everything happens inside the test, so a missing environment fails it (vitest would report the tests of a
  // suite whose beforeAll throws as skipped).
  it('exports the build cache to the double, then imports it after `buildx prune -af`', async () => {
    const env: TestEnv = await requireTestEnv();
    const double = (d = await startGhaCacheDouble());
    const dir = (ctx = mkdtempSync(join(tmpdir(), 'gha-cache-double-')));
    // A nonce makes the RUN steps new to this engine, so the first build really executes them.
    const nonce = randomBytes(8).toString('hex');
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        `FROM ${env.baseImage}`,
        `RUN echo ${nonce} > /nonce && uname -m > /arch`,
        `RUN sha256sum /nonce /arch > /sums`,
        '',
      ].join('\n'),
    );
    const cacheTo = `type=gha,mode=max,scope=x,url=${double.url},token=${double.token}`;
    const cacheFrom = `type=gha,scope=x,url=${double.url},token=${double.token}`;
    const build = (extra: string[]) =>
      runOk(env.docker, [
        'buildx',
        'build',
        '--builder',
        'default',
        '--network',
        'host',
        '--progress',
        'plain',
        '--platform',
        'linux/amd64,linux/arm64',
        ...extra,
        dir,
      ]);

    const first = await build(['--cache-to', cacheTo]);
    expect(first).not.toMatch(/importing cache manifest from gha/);
    expect(first).toMatch(/exporting to GitHub Actions Cache/);
    expect(double.stats.commits).toBeGreaterThan(0);
    expect(double.stats.uploads).toBeGreaterThan(0);
    expect(double.stats.unauthorized).toBe(0);
    // BuildKit keeps its index under `index-{scope}-…#N`.
    expect(double.entries().some((e) => e.committed && /^index-.*x.*#\d+$/.test(e.key))).toBe(true);

    await runOk(env.docker, ['buildx', 'prune', '-af', '--builder', 'default']);
    const downloadsBefore = double.stats.downloads;
    const hitsBefore = double.stats.lookups.hit;

    const second = await build(['--cache-from', cacheFrom]);
    expect(second).toMatch(/importing cache manifest from gha:/);
    // Both RUN steps of both platforms come from the imported cache.
    const runSteps = second.split('\n').filter((l) => /^#\d+ \[linux\/(amd64|arm64) [23]\/3\] RUN/.test(l));
    const stepIds = new Set(runSteps.map((l) => l.split(' ')[0]));
    expect(stepIds.size).toBe(4);
    for (const step of stepIds) {
      expect(second, `step ${step} should be CACHED`).toContain(`${step} CACHED`);
    }
    expect(double.stats.lookups.hit).toBeGreaterThan(hitsBefore);
    expect(double.stats.downloads).toBeGreaterThan(downloadsBefore);
  });
});
