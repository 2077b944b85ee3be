// The GitHub Actions runner protocol: inputs from INPUT_* env, file commands (GITHUB_OUTPUT, GITHUB_STATE,
// GITHUB_STEP_SUMMARY) and workflow commands on stdout (::error:: etc.).
// Why not @actions/core on this path: it statically pulls in @actions/http-client + undici (~1 MB bundled), which
// triples the cold start of a dry-run. The protocol itself is a few lines; the heavy paths that need
// @actions/core (attestation) load it lazily with everything else they need.
//
// Why this module guards every line it prints: the runner executes any stdout line that, after leading
// whitespace, starts with `::`, and any line containing `##[` (the legacy form), as a workflow command. Our log
// quotes values from inputs, the event and the repository (branch names, a repository description, buildx output),
// so text that would read as a command is printed between `::stop-commands::<random token>` and `::<token>::`:
// the runner shows it and executes nothing in it. Our own commands stay outside such regions.
import { appendFileSync, writeSync } from 'node:fs';
import { lazyRegExp } from './lazy-regexp.js';

// Workflow commands and file commands end lines with \n on every runner OS (the runner accepts it on Windows too).
const EOL = '\n';

/** The sink behind everything this module prints; a test may replace `write` to capture what the action prints. */
export const stdout = {
  /**
   * A direct write(2). Not process.stdout: creating it loads Node's stream stack (~3 ms of a ~20 ms start).
   * stdout is a pipe or file under the runner; both are synchronous on Linux, so the order of lines is kept.
   * EAGAIN (a non-blocking pipe that is full) is retried.
   */
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

/** Line breaks as the runner splits our stdout (.NET StreamReader.ReadLine): \n, \r and \r\n. */
const RUNNER_LINE_BREAK = /\r\n|\r|\n/;
/**
 * Characters the runner's culture-aware `IndexOf`/`StartsWith` (ICU) may skip when it looks for `::` and `##[`:
 * controls, format characters (zero-width, soft hyphen, bidi) and other default-ignorables. Dropped before looking,
 * so `#\u00AD#[` counts as `##[`.
 */
const ignorable = lazyRegExp(String.raw`[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]`, 'gu');
/** Leading whitespace as .NET's TrimStart strips it: JavaScript's \s plus U+0085 (NEL). */
const V2_COMMAND = /^[\s\u0085]*::/;

/** Printable ASCII: no ignorable character, so the Unicode-property class is not built (src/lazy-regexp.ts). */
const PLAIN_ASCII = /^[ -~]*$/;

/** Whether the runner could read this line (no line breaks in it) as a workflow command. Errs on the safe side. */
export function readsAsCommand(line: string): boolean {
  if (!line.includes(':') && !line.includes('#')) return false;
  const seen = PLAIN_ASCII.test(line) ? line : line.replace(ignorable(), '');
  return seen.includes('##[') || V2_COMMAND.test(seen);
}

/** Whether any line of `text`, split as the runner splits it, could read as a workflow command. */
export function hasCommandLine(text: string): boolean {
  return text.split(RUNNER_LINE_BREAK).some(readsAsCommand);
}

/**
 * A stop-commands token nobody can predict and `text` does not contain (the runner matches it without regard to
 * case). globalThis.crypto is reached only here, so a run that never needs shielding never loads it.
 */
function stopToken(text: string): string {
  const lower = text.toLowerCase();
  for (;;) {
    const token = globalThis.crypto.randomUUID();
    if (!lower.includes(token)) return token;
  }
}

/** The open stop-commands region, if any: untrusted output is being streamed. */
let region: { token: string; depth: number } | undefined;

/** A workflow command of our own. Inside a region, commands are resumed around it, or the runner would skip it. */
function writeCommand(line: string): void {
  if (!region) {
    stdout.write(line);
    return;
  }
  const next = stopToken('');
  stdout.write(`::${region.token}::${EOL}${line}::stop-commands::${next}${EOL}`);
  region.token = next;
}

/** Untrusted lines (a subprocess's output), shown as they are; the runner executes no command in them. */
export interface UntrustedOutput {
  /** one line, without its line break */
  line(text: string): void;
  /** ends the region (once); call it in a finally */
  close(): void;
}

/**
 * Opens a stop-commands region for the whole of an untrusted stream. Our own commands issued while it is open
 * (log.warning, setSecret, ::group::) still work: they resume processing around themselves. Regions nest.
 */
export function untrustedOutput(): UntrustedOutput {
  if (region) region.depth++;
  else {
    region = { token: stopToken(''), depth: 1 };
    stdout.write(`::stop-commands::${region.token}${EOL}`);
  }
  let open = true;
  return {
    line(text) {
      if (!open) throw new Error('untrustedOutput: line() after close()');
      stdout.write(`${text}${EOL}`);
    },
    close() {
      if (!open || !region) return;
      open = false;
      if (--region.depth === 0) {
        stdout.write(`::${region.token}::${EOL}`);
        region = undefined;
      }
    },
  };
}

/** Free text: printed as is, between stop-commands markers when a line of it could read as a command. */
function writeText(message: string): void {
  if (region || !hasCommandLine(message)) {
    stdout.write(`${message}${EOL}`);
    return;
  }
  const token = stopToken(message);
  stdout.write(`::stop-commands::${token}${EOL}${message}${EOL}::${token}::${EOL}`);
}

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

/** `::name k=v,…::data` with data and properties escaped as @actions/core escapes them, so they stay on one line. */
function command(name: string, message: string, props: Record<string, string> = {}): void {
  const p = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  writeCommand(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

/** A secret value the runner must mask in every later log line. Empty values are never registered. */
export function setSecret(value: string): void {
  if (value) command('add-mask', value);
}

export const log = {
  /** free text; may quote any value (see writeText) */
  info: (message: string) => writeText(message),
  debug: (message: string) => command('debug', message),
  notice: (message: string, title?: string) => command('notice', message, title ? { title } : {}),
  warning: (message: string, title?: string) => command('warning', message, title ? { title } : {}),
  error: (message: string, title?: string) => command('error', message, title ? { title } : {}),
  startGroup: (name: string) => command('group', name),
  endGroup: () => command('endgroup', ''),
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

/** `name<<delimiter` file commands for every entry, appended in one write; false when the runtime has no such file. */
function fileCommand(env: Env, fileVar: string, entries: ReadonlyArray<readonly [string, string]>): boolean {
  const file = env[fileVar];
  if (!file) return false;
  let text = '';
  for (const [key, value] of entries) {
    const delimiter = delimiterFor(`${key}\n${value}`);
    text += `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
  }
  if (text) appendFileSync(file, text, 'utf8');
  return true;
}

/** Every output in one append to GITHUB_OUTPUT (one open and write, not one per output), in the given order. */
export function setOutputs(env: Env, outputs: Readonly<Record<string, string>>): void {
  const entries = Object.entries(outputs);
  if (fileCommand(env, 'GITHUB_OUTPUT', entries)) return;
  for (const [name, value] of entries) {
    // @actions/core starts the legacy command on a fresh line
    stdout.write(EOL);
    command('set-output', value, { name });
  }
}

export function saveState(env: Env, name: string, value: string): void {
  if (!fileCommand(env, 'GITHUB_STATE', [[name, value]])) {
    command('save-state', value, { name });
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
