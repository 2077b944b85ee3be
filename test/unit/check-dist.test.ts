// scripts/check-dist.sh is the one dist/ freshness check (.ci/run, check-dist.yml, release.yml). It runs here in a
// throwaway git repository with a stand-in build (CHECK_DIST_BUILD), so the repository's own dist/ is never rebuilt.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './workflow-inputs.js';

const tmp = mkdtempSync(join(tmpdir(), 'check-dist-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const STALE = "dist/ is stale: 'npm run build' changed it. Run 'npm run build' and commit dist/.";

/** A stand-in for `npm run build`: writes exactly the files given in BUILD_FILES (JSON), like `rm -rf dist && ncc`. */
const BUILD_SCRIPT = `
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
if (process.env.BUILD_FAILS) { console.error('ncc: compile error'); process.exit(2); }
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const [name, text] of Object.entries(JSON.parse(process.env.BUILD_FILES))) writeFileSync('dist/' + name, text);
`;

const COMMITTED = { 'index.js': 'main();\n', '120.index.js': 'chunk();\n' };

function repo(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(repoRoot, 'scripts/check-dist.sh'), join(dir, 'scripts/check-dist.sh'));
  writeFileSync(join(dir, 'build.mjs'), BUILD_SCRIPT);
  for (const [file, text] of Object.entries(COMMITTED)) writeFileSync(join(dir, 'dist', file), text);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'sources and dist');
  return dir;
}

interface Case {
  name: string;
  build: Record<string, string>;
  env?: Record<string, string>;
  expected: { status: number; stdout: string; stderr: string };
}

const cases: Case[] = [
  {
    name: 'a fresh dist/ passes',
    build: COMMITTED,
    expected: { status: 0, stdout: 'dist/ matches the sources\n', stderr: '' },
  },
  {
    name: 'a changed file fails and is listed',
    build: { ...COMMITTED, 'index.js': 'main(1);\n' },
    expected: {
      status: 1,
      stdout: '',
      stderr: [
        STALE,
        'Files that differ (M modified, D deleted, ?? untracked):',
        '   M dist/index.js',
        ' 1 file changed, 1 insertion(+), 1 deletion(-)',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'a new, untracked chunk fails and is listed',
    build: { ...COMMITTED, '347.index.js': 'more();\n' },
    expected: {
      status: 1,
      stdout: '',
      stderr: [STALE, 'Files that differ (M modified, D deleted, ?? untracked):', '  ?? dist/347.index.js', ''].join(
        '\n',
      ),
    },
  },
  {
    name: 'a chunk the build no longer makes fails and is listed',
    build: { 'index.js': COMMITTED['index.js'] },
    expected: {
      status: 1,
      stdout: '',
      stderr: [
        STALE,
        'Files that differ (M modified, D deleted, ?? untracked):',
        '   D dist/120.index.js',
        ' 1 file changed, 1 deletion(-)',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'on GitHub Actions a stale dist/ is also an error annotation',
    build: { ...COMMITTED, 'index.js': 'main(1);\n' },
    env: { GITHUB_ACTIONS: 'true' },
    expected: {
      status: 1,
      stdout: `::error title=dist/ is stale::${STALE}\n`,
      stderr: [
        STALE,
        'Files that differ (M modified, D deleted, ?? untracked):',
        '   M dist/index.js',
        ' 1 file changed, 1 insertion(+), 1 deletion(-)',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'a failing build fails the check with the build status, before any comparison',
    build: COMMITTED,
    env: { BUILD_FAILS: '1' },
    expected: { status: 2, stdout: '', stderr: 'ncc: compile error\n' },
  },
];

describe('scripts/check-dist.sh', () => {
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const dir = repo(`case-${i}`);
      const r = spawnSync('bash', [join(dir, 'scripts/check-dist.sh')], {
        cwd: tmp,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          GIT_CONFIG_NOSYSTEM: '1',
          CHECK_DIST_BUILD: `${process.execPath} build.mjs`,
          BUILD_FILES: JSON.stringify(c.build),
          ...c.env,
        },
        encoding: 'utf8',
      });
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(c.expected);
    });
  }
});
