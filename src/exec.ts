// The one way this action starts a process: an argv array (never a shell), output redacted, optionally streamed.
// A streamed process's output is untrusted (Dockerfile text, labels, registry messages): it is shown inside a
// stop-commands region (src/runner.ts) so no line of it runs as a workflow command, and the `[command]` line is
// printed by src/argv.ts, shell-quoted, so no argument can break it into lines.
import { StringDecoder } from 'node:string_decoder';
import { exec } from '@actions/exec';
import { printArgv } from './argv.js';
import { redact } from './redact.js';
import { log, untrustedOutput, type Env, type UntrustedOutput } from './runner.js';

export interface RunOptions {
  /** values to replace with *** in everything printed or returned */
  secrets: readonly string[];
  /** written to the process's stdin (passwords travel this way, never in argv) */
  input?: string;
  /** extra environment on top of the action's own (setBaseEnvironment) */
  env?: Record<string, string>;
  /** print the command and its output live (redacted) */
  stream?: boolean;
  /** called with each complete output line (stdout and stderr), already redacted */
  onLine?: (line: string) => void;
}

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Splits a byte stream into lines, handing each to `emit`; `flush` gives the last partial line. A character whose
 * UTF-8 bytes straddle two chunks is decoded whole (StringDecoder keeps the partial bytes).
 */
export function lineSplitter(emit: (line: string) => void): { push(chunk: Buffer): void; flush(): void } {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  return {
    push(chunk) {
      pending += decoder.write(chunk);
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const p of parts) emit(p);
    },
    flush() {
      pending += decoder.end();
      if (pending) emit(pending);
      pending = '';
    },
  };
}

/**
 * The environment every child process starts from: the action's own, handed over once by src/index.ts (the only
 * reader of the process environment). A call's `env` is added on top; without one, the child inherits the action's.
 */
let baseEnvironment: Env = {};

export function setBaseEnvironment(env: Env): void {
  baseEnvironment = env;
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

export async function run(command: string, args: readonly string[], opts: RunOptions): Promise<RunOutput> {
  const out: string[] = [];
  const err: string[] = [];
  let shown: UntrustedOutput | undefined;
  const handle = (sink: string[]) => (raw: string) => {
    const line = redact(raw, opts.secrets);
    sink.push(line);
    shown?.line(line);
    opts.onLine?.(line);
  };
  const stdout = lineSplitter(handle(out));
  const stderr = lineSplitter(handle(err));
  if (opts.stream) {
    log.info(`[command]${printArgv([command, ...args], { secrets: opts.secrets })}`);
    shown = untrustedOutput();
  }
  const env = opts.env ? { ...definedOnly(baseEnvironment), ...opts.env } : undefined;
  let code: number;
  try {
    code = await exec(command, [...args], {
      silent: true,
      ignoreReturnCode: true,
      input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
      env,
      listeners: { stdout: (b) => stdout.push(b), stderr: (b) => stderr.push(b) },
    });
  } catch (e) {
    // Spawn failures (command not found) carry no secrets, but redact anyway: the message echoes argv.
    throw new Error(redact(`Could not run ${command}: ${(e as Error).message}`, opts.secrets));
  } finally {
    stdout.flush();
    stderr.flush();
    shown?.close();
  }
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The last few meaningful lines of a failed command, for an error message. */
export function tail(output: RunOutput, lines = 8): string {
  return `${output.stdout}\n${output.stderr}`
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-lines)
    .join('\n');
}
