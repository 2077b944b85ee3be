// The exact `with:` inputs the repository's own publish workflows pass to this action (`uses: ./`), job by job,
// read from the workflow files so a test can run the action (e.g. its dry-run) with precisely what GitHub would
// pass, and the small expression subset those workflows use, evaluated as Actions evaluates it.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { inputEnvName } from '../../src/runner.js';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The workflows whose every job is a checkout plus `uses: ./`. */
export const publishWorkflows = [
  '.github/workflows/docker-publish.yml',
  '.github/workflows/mlflow-image-publish.yml',
] as const;

/** One `uses: ./` step: its job, its id when it has one, and its `with:` as the runner hands it over. */
export interface ActionStep {
  job: string;
  id?: string;
  inputs: Record<string, string>;
}

function load(file: string) {
  const path = isAbsolute(file) ? file : resolve(repoRoot, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
  return doc;
}

/** A YAML map of scalars as the strings the runner uses: booleans and numbers become their text, null ''. */
function scalarMap(file: string, what: string, node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(node)) return out;
  for (const pair of (node as YAMLMap).items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!isScalar(pair.value)) throw new Error(`${file}: ${what} '${key}' is not a scalar`);
    out[key] = pair.value.value === null ? '' : String(pair.value.value);
  }
  return out;
}

/**
 * Every `uses: ./` step of a workflow, in file order, with its `with:` as the strings the runner hands the action
 * (INPUT_*): block scalars keep their text (including the final newline of `|`), `${{ }}` expressions are left as
 * written (see `resolveExpressions`). `file` is absolute or relative to the repository root.
 */
export function actionSteps(file: string): ActionStep[] {
  const found: ActionStep[] = [];
  const jobs = load(file).get('jobs', true);
  if (!isMap(jobs)) return found;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step) || step.get('uses') !== './') continue;
      const id = step.get('id');
      found.push({
        job: String(isScalar(job.key) ? job.key.value : job.key),
        ...(id === undefined ? {} : { id: String(id) }),
        inputs: scalarMap(file, 'input', step.get('with', true)),
      });
    }
  }
  return found;
}

/** The `with:` of the single `uses: ./` step of one job. */
export function jobInputs(file: string, job: string): Record<string, string> {
  const steps = actionSteps(file).filter((s) => s.job === job);
  if (steps.length !== 1) throw new Error(`${file}: expected one 'uses: ./' step in job ${job}, found ${steps.length}`);
  return steps[0].inputs;
}

/** The `with:` of the single `uses: ./` step of a one-job workflow. */
export function thinWorkflowInputs(file: string): Record<string, string> {
  const steps = actionSteps(file);
  if (steps.length !== 1) throw new Error(`${file}: expected exactly one 'uses: ./' step, found ${steps.length}`);
  return steps[0].inputs;
}

/** The workflow-level `env:`, values as written (they may hold expressions). */
export function workflowEnv(file: string): Record<string, string> {
  return scalarMap(file, 'env', load(file).get('env', true));
}

/** `INPUT_<NAME>` variables as the runner sets them (src/runner.ts inputEnvName). */
export function toInputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));
}

/**
 * Evaluates the small expression subset the publish workflows use — `${{ a.b }}`, `${{ a.b == 'x' }}`,
 * `${{ a.b != 'x' }}` — against a flat context such as `{ 'github.repository': 'octo/repo',
 * 'github.event_name': 'push', 'matrix.platform': 'linux/arm64' }`. Anything else throws, so a new expression is
 * noticed, not guessed.
 */
export function resolveExpressions(
  inputs: Record<string, string>,
  context: Record<string, string>,
): Record<string, string> {
  const value = (operand: string): string => {
    const literal = /^'((?:[^']|'')*)'$/.exec(operand);
    if (literal) return literal[1].replace(/''/g, "'");
    if (!/^[A-Za-z_][\w-]*(\.[\w-]+)+$/.test(operand)) throw new Error(`unsupported expression operand: ${operand}`);
    if (!(operand in context)) throw new Error(`no value for ${operand} in the expression context`);
    return context[operand];
  };
  const evaluate = (expr: string): string => {
    const m = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expr);
    if (!m) return value(expr);
    // Actions compares strings case-insensitively.
    const equal = value(m[1].trim()).toLowerCase() === value(m[3].trim()).toLowerCase();
    return String(m[2] === '==' ? equal : !equal);
  };
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [
      k,
      v.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => evaluate(expr)),
    ]),
  );
}

/**
 * The expression context of a workflow's steps: `context` plus the workflow-level `env:` as `env.<NAME>`, each
 * value evaluated against `context` first (a workflow-level env may use `github.*`, as on GitHub).
 */
export function stepContext(file: string, context: Record<string, string>): Record<string, string> {
  const env = resolveExpressions(workflowEnv(file), context);
  return { ...context, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [`env.${k}`, v])) };
}
