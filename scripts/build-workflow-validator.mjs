#!/usr/bin/env node
// Rebuilds scripts/vendor/workflow-parser.mjs: GitHub's own workflow parser (@actions/workflow-parser,
// from actions/languageservices) bundled by @vercel/ncc into one ES module with its JSON schema inlined.
// Run after upgrading @actions/workflow-parser:  node scripts/build-workflow-validator.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts/vendor/workflow-parser.entry.mjs');
const target = join(root, 'scripts/vendor/workflow-parser.mjs');
const ncc = join(root, 'node_modules/.bin/ncc');
const out = mkdtempSync(join(tmpdir(), 'workflow-parser-'));
try {
  execFileSync(
    ncc,
    ['build', entry, '-o', out, '--target', 'es2022', '--quiet', '--minify', '--no-source-map-register'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const files = readdirSync(out);
  const bundle = files.find((f) => /^index\.(c?js|mjs)$/.test(f));
  if (!bundle) throw new Error(`ncc produced no index file in ${out}: ${files.join(', ')}`);
  const { version } = JSON.parse(
    readFileSync(join(root, 'node_modules/@actions/workflow-parser/package.json'), 'utf8'),
  );
  const banner = `/* @actions/workflow-parser ${version} (MIT, github.com/actions/languageservices), bundled by scripts/build-workflow-validator.mjs. Do not edit. */\n`;
  writeFileSync(target, banner + readFileSync(join(out, bundle), 'utf8'));
  console.log(`wrote ${target} (${bundle} from ncc, @actions/workflow-parser ${version})`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
