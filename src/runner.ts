// The GitHub Actions runner protocol: inputs from INPUT_* env, file commands (GITHUB_OUTPUT, GITHUB_STATE,
// GITHUB_STEP_SUMMARY) and workflow commands on stdout (::error:: etc.).
// Why not @actions/core on this path: it statically pulls in @actions/http-client + undici (~1 MB bundled), which
// triples the cold start of a dry-run. The protocol itself is a few lines; the heavy paths that need
// @actions/core (attestation) load it lazily with everything else they need.
import { appendFileSync, writeSync } from 'node:fs';

// Workflow commands and file commands end lines with \n on every runner OS (the runner accepts it on Windows too).
const EOL = '\n';

/**
 * Writes to stdout with a direct write(2). Not process.stdout: creating it loads Node's stream stack (~3 ms of a
 * ~20 ms start). stdout is a pipe or file under the runner; both are synchronous on Linux, so the order of lines is
 * kept. EAGAIN (a non-blocking pipe that is full) is retried.
 */
export function writeOut(text: string): void {
  stdout.write(text);
}

/** The sink behind writeOut; a test may replace `write` to capture what the action prints. */
export const stdout = {
  write(text: string): void {
    let buf = Buffer.from(text, 'utf8');
    while (buf.length > 0) {
      try {
        buf = buf.subarray(writeSync(1, buf));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      }
    }
  },
};

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
  writeOut(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

/** A secret value the runner must mask in every later log line. Empty values are never registered. */
export function setSecret(value: string): void {
  if (value) command('add-mask', value);
}

export const log = {
  info: (message: string) => writeOut(`${message}${EOL}`),
  debug: (message: string) => command('debug', message),
  notice: (message: string, title?: string) => command('notice', message, title ? { title } : {}),
  warning: (message: string, title?: string) => command('warning', message, title ? { title } : {}),
  error: (message: string, title?: string) => command('error', message, title ? { title } : {}),
  startGroup: (name: string) => writeOut(`::group::${escapeData(name)}${EOL}`),
  endGroup: () => writeOut(`::endgroup::${EOL}`),
};

/**
 * A heredoc delimiter that does not occur in the value. Not node:crypto's randomUUID: loading node:crypto costs
 * ~4 ms of a ~20 ms start. Unpredictability is not what makes this safe; the containment check is.
 */
function delimiterFor(value: string): string {
  for (;;) {
    const d = `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (!value.includes(d)) return d;
  }
}

function fileCommand(env: Env, fileVar: string, key: string, value: string): boolean {
  const file = env[fileVar];
  if (!file) return false;
  const delimiter = delimiterFor(`${key}\n${value}`);
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function setOutput(env: Env, name: string, value: string): void {
  if (!fileCommand(env, 'GITHUB_OUTPUT', name, value)) {
    writeOut(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
  }
}

export function saveState(env: Env, name: string, value: string): void {
  if (!fileCommand(env, 'GITHUB_STATE', name, value)) {
    writeOut(`::save-state name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
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
