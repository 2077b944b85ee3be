#!/usr/bin/env node
// README.md's input and output tables are generated from action.yml, so the two cannot disagree: action.yml is
// what GitHub shows in the marketplace and what the runner validates `with:` against, the README is what people
// read. Groups follow action.yml's `# --- group ---` comments (the yaml Document API keeps comments).
//
//   npm run readme                               rewrite the tables in README.md
//   node scripts/readme-tables.mjs --check       exit 1 when README.md differs from what action.yml gives
//   ... --readme <file> --action <file>          other files (tests)
//
// test/unit/readme.test.ts fails when README.md drifts from action.yml.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const REGENERATE = 'npm run readme';

/** The markers around each generated table in README.md. */
export const MARKERS = {
  inputs: {
    begin: `<!-- inputs: generated from action.yml by \`${REGENERATE}\`; edit action.yml, not this table -->`,
    end: '<!-- end of inputs -->',
  },
  outputs: {
    begin: `<!-- outputs: generated from action.yml by \`${REGENERATE}\`; edit action.yml, not this table -->`,
    end: '<!-- end of outputs -->',
  },
};

const GROUP = /^\s*---\s*(.+?)\s*---\s*$/;

/** The last `--- title ---` line of a comment, if any. */
function groupTitle(comment) {
  if (!comment) return undefined;
  const titles = comment
    .split('\n')
    .map((line) => GROUP.exec(line)?.[1])
    .filter(Boolean);
  return titles.at(-1);
}

function scalarText(node) {
  if (node === undefined || node === null) return undefined;
  if (!isScalar(node)) throw new Error(`expected a scalar, got ${String(node)}`);
  return node.value === null ? '' : String(node.value);
}

/**
 * One section of action.yml (`inputs` or `outputs`) as groups of entries, in file order.
 * @returns {{ title?: string, entries: { name: string, description: string, default?: string, required: boolean }[] }[]}
 */
function readSection(doc, section) {
  const map = doc.get(section, true);
  if (map === undefined) return [];
  if (!isMap(map)) throw new Error(`action.yml: '${section}' is not a map`);
  const groups = [];
  // The comment before the first key belongs to the map itself.
  let title = groupTitle(map.commentBefore);
  for (const pair of map.items) {
    title = groupTitle(pair.key.commentBefore) ?? title;
    if (groups.length === 0 || groups.at(-1).title !== title) groups.push({ title, entries: [] });
    const name = scalarText(pair.key);
    if (!isMap(pair.value)) throw new Error(`action.yml: ${section}.${name} is not a map`);
    groups.at(-1).entries.push({
      name,
      description: scalarText(pair.value.get('description', true)) ?? '',
      default: scalarText(pair.value.get('default', true)),
      required: scalarText(pair.value.get('required', true)) === 'true',
    });
  }
  return groups;
}

/** action.yml's inputs and outputs, grouped as its `# --- group ---` comments group them. */
export function readAction(text) {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`action.yml: ${doc.errors[0].message}`);
  return { inputs: readSection(doc, 'inputs'), outputs: readSection(doc, 'outputs') };
}

/**
 * Markdown for a table cell: one line, `|` escaped everywhere (GFM needs it inside code spans too); outside code
 * spans `<`, `>` and `*` are escaped so `<owner>` stays text instead of an HTML tag and `*` never starts emphasis.
 */
export function cell(text) {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
  return oneLine
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*')))
    .join('')
    .replace(/\|/g, '\\|');
}

function code(text) {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A `default:` value as shown: whitespace made visible (a separator of "\n" is a newline, not blank). */
function shownDefault(value) {
  if (value === '') return 'empty';
  if (value === '\n') return '`\\n` (newline)';
  if (/^\s+$/.test(value)) return code(JSON.stringify(value).slice(1, -1));
  return cell(code(value));
}

// "Default: X." as a sentence, or "(default: X)", in a description without a `default:` key.
const DEFAULT_SENTENCE = /(^|\s)Default: (.+?)\.(?=\s|$)/;
const DEFAULT_PAREN = /\s*\(default: ([^()]*(?:\([^()]*\)[^()]*)*)\)/i;

/** The Default and Accepts cells of an input: `default:` wins; else the description's own "Default: …". */
export function defaultAndAccepts(entry) {
  if (entry.default !== undefined) return [shownDefault(entry.default), cell(entry.description)];
  const sentence = DEFAULT_SENTENCE.exec(entry.description);
  if (sentence) {
    const rest = entry.description.replace(DEFAULT_SENTENCE, '$1').replace(/\s+$/, '');
    return [cell(sentence[2]), cell(rest)];
  }
  const paren = DEFAULT_PAREN.exec(entry.description);
  if (paren) return [cell(paren[1]), cell(entry.description.replace(DEFAULT_PAREN, ''))];
  return [entry.required ? 'required' : '—', cell(entry.description)];
}

/** "tags, labels (docker/metadata-action)" → "**Tags, labels** (docker/metadata-action)". */
function groupHeading(title) {
  const m = /^(.*?)\s*(\(.*\))?$/.exec(title);
  const name = m[1].charAt(0).toUpperCase() + m[1].slice(1);
  return m[2] ? `**${cell(name)}** ${cell(m[2])}` : `**${cell(name)}**`;
}

function tables(groups, header, row) {
  return groups
    .map((g) => {
      const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
      for (const e of g.entries) lines.push(`| ${row(e).join(' | ')} |`);
      return [...(g.title ? [groupHeading(g.title), ''] : []), ...lines].join('\n');
    })
    .join('\n\n');
}

export function renderInputs(groups) {
  return tables(groups, ['Input', 'Default', 'Accepts'], (e) => [code(e.name), ...defaultAndAccepts(e)]);
}

export function renderOutputs(groups) {
  return tables(groups, ['Output', 'Meaning'], (e) => [code(e.name), cell(e.description)]);
}

function replaceBetween(text, { begin, end }, body, file) {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end, start + begin.length);
  if (start === -1 || stop === -1 || text.indexOf(begin, start + begin.length) !== -1) {
    throw new Error(`${file} needs exactly one pair of markers:\n${begin}\n${end}`);
  }
  // Blank lines around the body: the markers are HTML blocks and must not run into the table.
  return `${text.slice(0, start + begin.length)}\n\n${body}\n\n${text.slice(stop)}`;
}

/** README.md with both tables regenerated from action.yml's text. */
export function updateReadme(readme, actionYml, file = 'README.md') {
  const action = readAction(actionYml);
  const withInputs = replaceBetween(readme, MARKERS.inputs, renderInputs(action.inputs), file);
  return replaceBetween(withInputs, MARKERS.outputs, renderOutputs(action.outputs), file);
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i === -1 ? fallback : argv[i + 1];
  };
  const readmeFile = arg('--readme', join(repoRoot, 'README.md'));
  const actionFile = arg('--action', join(repoRoot, 'action.yml'));
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = updateReadme(readme, readFileSync(actionFile, 'utf8'), readmeFile);
  if (argv.includes('--check')) {
    if (updated !== readme) {
      console.error(`README.md's input/output tables differ from action.yml: run \`${REGENERATE}\` and commit.`);
      return 1;
    }
    console.log('README.md tables match action.yml');
    return 0;
  }
  if (updated !== readme) writeFileSync(readmeFile, updated);
  console.log(updated === readme ? 'README.md tables already match action.yml' : 'README.md tables regenerated');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
