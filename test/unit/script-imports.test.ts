// The benchmarks, the process audit and `npm run local` run the TypeScript sources and test helpers under plain
// Node (type stripping), whose loader does not map a source's `./x.js` import to `./x.ts`: scripts/ts-imports.mjs
// does, loaded with --import by the npm scripts. This runs what those scripts import, as they do.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './workflow-inputs.js';

const node = join(repoRoot, 'node_modules/.bin/node');
const load = (modules: string[], hook: boolean) =>
  spawnSync(
    node,
    [
      ...(hook ? ['--import', './scripts/ts-imports.mjs'] : []),
      '--input-type=module',
      '-e',
      modules.map((m) => `await import(${JSON.stringify(m)});`).join(''),
    ],
    { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH } },
  );

describe('the scripts load the TypeScript sources under plain Node', () => {
  // what scripts/bench*.mjs, scripts/trace-docker.mjs and scripts/local-run.mjs import (local-run itself runs a job)
  const imported = ['./scripts/bench-lib.mjs', './test/e2e/helpers/action.ts', './scripts/bench-publish.mjs'];

  it('with scripts/ts-imports.mjs, what they import loads', () => {
    const r = load(imported, true);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('without it, a source that imports another fails to load (why the hook exists)', () => {
    const r = load(['./src/runner.ts'], false);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('ERR_MODULE_NOT_FOUND');
  });

  it('every npm script and shell script that runs them loads the hook', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['bench', 'trace']) expect(pkg.scripts[name]).toContain('--import ./scripts/ts-imports.mjs');
    expect(readFileSync(join(repoRoot, 'scripts/local-run.sh'), 'utf8')).toContain(
      '--import ./scripts/ts-imports.mjs scripts/local-run.mjs',
    );
  });
});
