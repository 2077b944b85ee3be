#!/usr/bin/env node
// Validates GitHub Actions workflows with GitHub's own parser (@actions/workflow-parser, the schema behind
// the Actions language services; it knows the `attestations` and `artifact-metadata` permissions).
//
//   node scripts/validate-workflows.mjs                 every *.yml / *.yaml in .github/workflows
//   node scripts/validate-workflows.mjs a.yml b.yml     just these files
//
// Prints `file:line:col: message` per problem and exits 1 when there is any (2 on a usage error).
// Besides the schema and expressions (the parser's checks), every step's `uses:` must have a valid form, and
// steps that run this repository's own action (`uses: ./`) are checked against action.yml when it exists:
// every `with:` key must be a declared input and every required input without a default must be given.
//
// The parser is loaded from scripts/vendor/workflow-parser.mjs, an ncc bundle (see
// scripts/build-workflow-validator.mjs): the published package imports its JSON schema without import
// attributes, which plain Node refuses to load.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from './vendor/workflow-parser.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {{ file: string, line: number, column: number, message: string }} WorkflowError */

/** Inputs declared by an action.yml: name → { required, hasDefault }. Null when the file does not exist. */
export function readActionInputs(actionFile = join(repoRoot, 'action.yml')) {
  if (!existsSync(actionFile)) return null;
  const doc = parseDocument(readFileSync(actionFile, 'utf8'));
  if (doc.errors.length) throw new Error(`${actionFile}: ${doc.errors[0].message}`);
  const inputs = doc.toJS()?.inputs ?? {};
  return new Map(
    Object.entries(inputs).map(([name, spec]) => [
      name,
      { required: spec?.required === true || spec?.required === 'true', hasDefault: spec?.default !== undefined },
    ]),
  );
}

const position = (lineCounter, node) => {
  const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
  return { line, column: col };
};

// What a step's `uses:` may be: a local action, a Docker image, or owner/repo[/path]@ref.
const STEP_USES = /^(\.{1,2}(\/.*)?|docker:\/\/\S+|[\w.-]+\/[\w.-]+(\/[^@\s]+)?@[^@\s]+)$/;

/**
 * Checks the parser does not: the form of every step's `uses:`, and (when action.yml is known) the
 * `with:` of every `uses: ./` step against the inputs action.yml declares.
 */
function checkSteps(file, content, actionInputs) {
  /** @type {WorkflowError[]} */
  const errors = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter });
  if (doc.errors.length) return errors; // the parser has already reported YAML syntax errors
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return errors;
  for (const jobPair of jobs.items) {
    const steps = isMap(jobPair.value) ? jobPair.value.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (!isScalar(uses)) continue;
      if (!STEP_USES.test(String(uses.value))) {
        errors.push({
          file,
          ...position(lineCounter, uses),
          message: `'uses: ${uses.value}' is not ./path, docker://image or owner/repo[/path]@ref`,
        });
        continue;
      }
      if (!actionInputs || (uses.value !== './' && uses.value !== '.')) continue;
      const withNode = step.get('with', true);
      const given = new Set();
      if (isMap(withNode)) {
        for (const pair of withNode.items) {
          const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
          given.add(name);
          if (!actionInputs.has(name)) {
            const known = [...actionInputs.keys()].sort().join(', ');
            errors.push({
              file,
              ...position(lineCounter, pair.key),
              message: `Input '${name}' is not declared in action.yml (declared: ${known})`,
            });
          }
        }
      }
      for (const [name, spec] of actionInputs) {
        if (spec.required && !spec.hasDefault && !given.has(name)) {
          errors.push({
            file,
            ...position(lineCounter, uses),
            message: `Required input '${name}' of ./ (action.yml) is missing`,
          });
        }
      }
    }
  }
  return errors;
}

/**
 * Validates one workflow. `file` is used in messages only.
 * @param {string} file
 * @param {string} content
 * @param {{ actionInputs?: Map<string, {required: boolean, hasDefault: boolean}> | null }} [options]
 * @returns {Promise<WorkflowError[]>}
 */
export async function validateWorkflow(file, content, { actionInputs = null } = {}) {
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (result.value && result.context.errors.count === 0) {
    // Conversion adds the semantic checks (job `needs`, matrix, concurrency, reusable workflow shape, ...).
    await convertWorkflowTemplate(result.context, result.value);
  }
  /** @type {WorkflowError[]} */
  const errors = result.context.errors.getErrors().map((e) => ({
    file,
    line: e.range?.start.line ?? 1,
    column: e.range?.start.column ?? 1,
    message: (e.prefix && e.message.startsWith(e.prefix)
      ? e.message.slice(e.prefix.length).replace(/^:\s*/, '')
      : e.message
    )
      .split('\n')[0]
      .trim(),
  }));
  errors.push(...checkSteps(file, content, actionInputs));
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

export const formatError = (e) => `${e.file}:${e.line}:${e.column}: ${e.message}`;

/** The workflow files of a repository, as paths relative to it. */
export function workflowFiles(root = repoRoot) {
  const dir = join(root, '.github/workflows');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => relative(root, join(dir, f)));
}

async function main(argv) {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log('usage: validate-workflows.mjs [workflow.yml ...]   (default: .github/workflows/*.yml)');
    return 0;
  }
  const files = argv.length ? argv : workflowFiles().map((f) => join(repoRoot, f));
  if (!files.length) {
    console.error('validate-workflows: no workflow files found');
    return 2;
  }
  const actionInputs = readActionInputs();
  let total = 0;
  for (const path of files) {
    const shown = relative(process.cwd(), resolve(path)) || path;
    let content;
    try {
      content = readFileSync(path, 'utf8');
    } catch (err) {
      console.error(`${shown}: cannot read: ${err.message}`);
      return 2;
    }
    const errors = await validateWorkflow(shown, content, { actionInputs });
    for (const e of errors) console.error(formatError(e));
    total += errors.length;
  }
  const note = actionInputs ? '' : ' (no action.yml: `uses: ./` inputs not checked)';
  if (total) {
    console.error(`validate-workflows: ${total} error(s) in ${files.length} file(s)${note}`);
    return 1;
  }
  console.log(`validate-workflows: ${files.length} workflow(s) OK${note}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
