// The exact `with:` inputs the repository's own thin workflows pass to this action (`uses: ./`), read from
// the workflow files so a test can run the action (e.g. its dry-run) with precisely what GitHub would pass.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { inputEnvName } from '../../src/runner.js';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The two workflows that only check out the repository and run `uses: ./`. */
export const thinWorkflows = [
  '.github/workflows/docker-publish.yml',
  '.github/workflows/mlflow-image-publish.yml',
] as const;

/**
 * The `with:` of the single `uses: ./` step in a workflow, as the strings the runner hands the action
 * (INPUT_*): YAML booleans/numbers become their text, block scalars keep their text (including the final
 * newline of `|`), `${{ }}` expressions are left as written (see `resolveExpressions`).
 * `file` is absolute or relative to the repository root.
 */
export function thinWorkflowInputs(file: string): Record<string, string> {
  const path = isAbsolute(file) ? file : resolve(repoRoot, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
  const found: Record<string, string>[] = [];
  const jobs = doc.get('jobs', true);
  if (isMap(jobs)) {
    for (const job of jobs.items) {
      const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step) || step.get('uses') !== './') continue;
        const inputs: Record<string, string> = {};
        const withNode = step.get('with', true);
        if (isMap(withNode)) {
          for (const pair of withNode.items) {
            const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
            if (!isScalar(pair.value)) throw new Error(`${file}: input '${key}' is not a scalar`);
            inputs[key] = pair.value.value === null ? '' : String(pair.value.value);
          }
        }
        found.push(inputs);
      }
    }
  }
  if (found.length !== 1) throw new Error(`${file}: expected exactly one 'uses: ./' step, found ${found.length}`);
  return found[0];
}

/** `INPUT_<NAME>` variables as the runner sets them (src/runner.ts inputEnvName). */
export function toInputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));
}

/**
 * Evaluates the small expression subset the thin workflows use — `${{ a.b }}`, `${{ a.b == 'x' }}`,
 * `${{ a.b != 'x' }}` — against a flat context such as `{ 'github.repository': 'octo/repo',
 * 'github.event_name': 'push' }`. Anything else throws, so a new expression is noticed, not guessed.
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
