// The GitHub Actions runner protocol: inputs from INPUT_* env, file commands (GITHUB_OUTPUT, GITHUB_STATE,
// GITHUB_STEP_SUMMARY) and workflow commands on stdout (::error:: etc.).
// Why not @actions/core on this path: it statically pulls in @actions/http-client + undici (~1 MB bundled), which
// triples the cold start of a dry-run. The protocol itself is a few lines; the heavy paths that need
// @actions/core (attestation) load it lazily with everything else they need.
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';

export type Env = Readonly<Record<string, string | undefined>>;

/** INPUT_<NAME> as the runner sets it: upper-cased, spaces replaced by underscores, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function getInput(env: Env, name: string): string {
  return (env[inputEnvName(name)] ?? '').trim();
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, message: string, props: Record<string, string> = {}): void {
  const p = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

/** A secret value the runner must mask in every later log line. Empty values are never registered. */
export function setSecret(value: string): void {
  if (value) command('add-mask', value);
}

export const log = {
  info: (message: string) => process.stdout.write(`${message}${EOL}`),
  debug: (message: string) => command('debug', message),
  notice: (message: string, title?: string) => command('notice', message, title ? { title } : {}),
  warning: (message: string, title?: string) => command('warning', message, title ? { title } : {}),
  error: (message: string, title?: string) => command('error', message, title ? { title } : {}),
  startGroup: (name: string) => process.stdout.write(`::group::${escapeData(name)}${EOL}`),
  endGroup: () => process.stdout.write(`::endgroup::${EOL}`),
};

function fileCommand(env: Env, fileVar: string, key: string, value: string): boolean {
  const file = env[fileVar];
  if (!file) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function setOutput(env: Env, name: string, value: string): void {
  if (!fileCommand(env, 'GITHUB_OUTPUT', name, value)) {
    process.stdout.write(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
  }
}

export function saveState(env: Env, name: string, value: string): void {
  if (!fileCommand(env, 'GITHUB_STATE', name, value)) {
    process.stdout.write(`::save-state name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
  }
}

/** State saved by the main step, as the runner hands it to the post step (STATE_<name>). */
export function getState(env: Env, name: string): string {
  return env[`STATE_${name}`] ?? '';
}

/** Appends markdown to the job summary; returns false when the runtime offers none. */
export function appendSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith(EOL) ? markdown : markdown + EOL, 'utf8');
  return true;
}
