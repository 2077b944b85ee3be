// The primitives every input reader uses: booleans, optional values and the list syntaxes of the docker/* actions.
// One place, so `push: True` or a `#` comment line means the same in every input.
import { parseBoolean } from '../bool.js';
import { InputError } from '../errors.js';
import { getInput, type Env } from '../runner.js';

/** An action input's boolean (YAML 1.2 core spellings), or an InputError naming the input. */
export function parseBool(input: string, value: string): boolean {
  const b = parseBoolean(value);
  if (b === undefined) throw new InputError(input, value, 'true or false');
  return b;
}

/** The input's boolean, or undefined when it is empty (the caller decides the default). */
export function optionalBool(env: Env, name: string): boolean | undefined {
  const v = getInput(env, name);
  return v === '' ? undefined : parseBool(name, v);
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  return optionalBool(env, name) ?? fallback;
}

/** The trimmed input, or undefined when empty. */
export function optional(env: Env, name: string): string | undefined {
  return getInput(env, name) || undefined;
}

/** One item a line; `#` comment lines and blank lines dropped (metadata-action's ignoreComma lists). */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Items separated by newlines or commas (build-push-action's platforms). */
export function items(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `NAME=value` lines: each must have a name before its first `=`. */
export function keyValueLines(input: string, value: string, expected: string): string[] {
  const out = lines(value);
  for (const l of out) {
    if (!/^[^=\s][^=]*=/.test(l)) throw new InputError(input, l, expected);
  }
  return out;
}

/**
 * A YAML input that is a list of maps (login-action's `registry-auth`, setup-buildx's `append`): each entry with its
 * 1-based position for error messages. yaml is loaded only when such an input is used (start-up time).
 */
export async function yamlListOfMaps(
  input: string,
  value: string,
  expected: string,
): Promise<{ entry: Record<string, unknown>; at: string }[]> {
  if (!value.trim()) return [];
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(value);
  } catch {
    throw new InputError(input, '(unparseable YAML)', expected);
  }
  if (!Array.isArray(doc)) throw new InputError(input, '(not a list)', expected);
  return doc.map((entry, i) => {
    const at = `entry ${i + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new InputError(input, `${at} (not a map)`, expected);
    }
    return { entry: entry as Record<string, unknown>, at };
  });
}
