// README.md's input and output tables are generated from action.yml (scripts/readme-tables.mjs); this fails, naming
// the command that fixes it, when someone changes action.yml and not the README, or edits a generated table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MARKERS,
  REGENERATE,
  readAction,
  renderInputs,
  renderOutputs,
  updateReadme,
} from '../../scripts/readme-tables.mjs';
import { repoRoot } from './workflow-inputs.js';

const script = join(repoRoot, 'scripts/readme-tables.mjs');
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'readme-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('README.md tables', () => {
  it('match action.yml', () => {
    const readme = read('README.md');
    expect(updateReadme(readme, read('action.yml')), `README.md differs from action.yml: run \`${REGENERATE}\``).toBe(
      readme,
    );
  });

  it('have one row for every input and every output of action.yml', () => {
    const readme = read('README.md');
    const action = readAction(read('action.yml'));
    const section = (title: string) => readme.slice(readme.indexOf(`\n## ${title}\n`)).split('\n## ')[1];
    const rowNames = (text: string) => [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    const names = (groups: typeof action.inputs) => groups.flatMap((g) => g.entries.map((e) => e.name));
    expect(rowNames(section('Inputs'))).toEqual(names(action.inputs));
    expect(rowNames(section('Outputs'))).toEqual(names(action.outputs));
  });
});

const ACTION = `name: x
inputs:
  # --- tags (docker/metadata-action) ---
  images:
    description: 'Images, one per line. Default: ghcr.io/<owner>/<repo>, lower-cased.'
  sep-tags:
    description: 'Separator.'
    default: "\\n"
  # --- general ---
  token:
    description: 'A token.'
    default: \${{ github.token }}
  port:
    description: 'Port mapping, e.g. 5000:5000 (default: the first EXPOSE (if any)).'
  mode:
    description: |
      One of a|b|c, with *stars*
      over two lines.
    required: true
outputs:
  digest:
    description: 'The digest of \`<image>\`.'
`;

describe('readAction', () => {
  it('groups entries as the `# --- group ---` comments do, the first one included', () => {
    const action = readAction(ACTION);
    expect(action.inputs.map((g) => ({ title: g.title, names: g.entries.map((e) => e.name) }))).toEqual([
      { title: 'tags (docker/metadata-action)', names: ['images', 'sep-tags'] },
      { title: 'general', names: ['token', 'port', 'mode'] },
    ]);
    expect(action.outputs).toEqual([
      { title: undefined, entries: [{ name: 'digest', description: 'The digest of `<image>`.', required: false }] },
    ]);
  });

  it('reports YAML errors', () => {
    expect(() => readAction('inputs: [')).toThrow(/^action\.yml: /);
  });
});

describe('renderInputs', () => {
  const rows = renderInputs(readAction(ACTION).inputs).split('\n');
  const cases = [
    {
      name: 'a "Default:" sentence in the description moves to the Default column, <> escaped',
      input: 'images',
      expected: '| `images` | ghcr.io/&lt;owner&gt;/&lt;repo&gt;, lower-cased | Images, one per line. |',
    },
    {
      name: 'a newline default is shown, not left blank',
      input: 'sep-tags',
      expected: '| `sep-tags` | `\\n` (newline) | Separator. |',
    },
    {
      name: 'an expression default is code',
      input: 'token',
      expected: '| `token` | `${{ github.token }}` | A token. |',
    },
    {
      name: 'a "(default: …)" aside moves to the Default column',
      input: 'port',
      expected: '| `port` | the first EXPOSE (if any) | Port mapping, e.g. 5000:5000. |',
    },
    {
      name: 'a required input without default; pipes and stars escaped, lines joined',
      input: 'mode',
      expected: '| `mode` | required | One of a\\|b\\|c, with \\*stars\\* over two lines. |',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(rows.find((r) => r.startsWith(`| \`${c.input}\` |`))).toBe(c.expected);
    });
  }

  it('puts each group under its title', () => {
    expect(rows.filter((r) => r.startsWith('**'))).toEqual(['**Tags** (docker/metadata-action)', '**General**']);
  });
});

describe('renderOutputs', () => {
  it('keeps code spans as they are (their < needs no escape) and escapes nothing else', () => {
    expect(renderOutputs(readAction(ACTION).outputs)).toBe(
      ['| Output | Meaning |', '| --- | --- |', '| `digest` | The digest of `<image>`. |'].join('\n'),
    );
  });
});

describe('updateReadme and the CLI', () => {
  const readme = [
    '# t',
    '',
    MARKERS.inputs.begin,
    'old',
    MARKERS.inputs.end,
    '',
    MARKERS.outputs.begin,
    MARKERS.outputs.end,
    '',
  ].join('\n');
  const expected = [
    '# t',
    '',
    MARKERS.inputs.begin,
    '',
    renderInputs(readAction(ACTION).inputs),
    '',
    MARKERS.inputs.end,
    '',
    MARKERS.outputs.begin,
    '',
    renderOutputs(readAction(ACTION).outputs),
    '',
    MARKERS.outputs.end,
    '',
  ].join('\n');

  it('replaces only what is between the markers', () => {
    expect(updateReadme(readme, ACTION)).toBe(expected);
  });

  it('refuses a README without its markers', () => {
    expect(() => updateReadme('# t\n', ACTION)).toThrow(
      `README.md needs exactly one pair of markers:\n${MARKERS.inputs.begin}\n${MARKERS.inputs.end}`,
    );
  });

  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('--check fails with the command to run, the default mode rewrites, then --check passes', () => {
    const readmeFile = join(tmp, 'README.md');
    const actionFile = join(tmp, 'action.yml');
    writeFileSync(readmeFile, readme);
    writeFileSync(actionFile, ACTION);
    const files = ['--readme', readmeFile, '--action', actionFile];

    const stale = run('--check', ...files);
    expect({ status: stale.status, stderr: stale.stderr }).toEqual({
      status: 1,
      stderr: "README.md's input/output tables differ from action.yml: run `npm run readme` and commit.\n",
    });
    expect(readFileSync(readmeFile, 'utf8')).toBe(readme);

    const write = run(...files);
    expect({ status: write.status, stdout: write.stdout }).toEqual({
      status: 0,
      stdout: 'README.md tables regenerated\n',
    });
    expect(readFileSync(readmeFile, 'utf8')).toBe(expected);

    const fresh = run('--check', ...files);
    expect({ status: fresh.status, stdout: fresh.stdout }).toEqual({
      status: 0,
      stdout: 'README.md tables match action.yml\n',
    });
  });
});
