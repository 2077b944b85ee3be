// The eight default OCI labels/annotations plus the custom `labels`/`annotations` lines, whose templates may also
// use the computed {{version}}.
import { check, COMPUTED_SCHEMA, inputWarning, render } from './expressions.js';
import type { Scope } from './template.js';
import { InputError } from '../errors.js';
import { isoUtc } from './iso-time.js';
import type { MetaContext } from './types.js';

export const OCI = 'org.opencontainers.image';

/** The default `org.opencontainers.image.*` entries, in metadata-action's order. */
export function defaultLabels(ctx: MetaContext, version: string | undefined): Array<[string, string]> {
  return [
    [`${OCI}.title`, ctx.repo.name || ''],
    [`${OCI}.description`, ctx.repo.description || ''],
    [`${OCI}.url`, ctx.repo.htmlUrl || ''],
    [`${OCI}.source`, ctx.repo.htmlUrl || ''],
    [`${OCI}.version`, version || ''],
    [`${OCI}.created`, isoUtc(ctx.now)],
    [`${OCI}.revision`, ctx.sha || ''],
    [`${OCI}.licenses`, ctx.repo.license || ''],
  ];
}

/** Check the templates of custom `key=value` lines before anything renders (whatever the event). */
export function checkKeyValues(lines: readonly string[], input: string, warn: (message: string) => void): void {
  for (const line of lines) for (const w of check(line, COMPUTED_SCHEMA, input, line)) warn(w);
}

/**
 * A custom `key=value` line (after rendering expressions) split at its first `=`; undefined, with a warning, for a
 * line without `=` (metadata-action drops it silently).
 */
export function parseKeyValue(
  line: string,
  input: string,
  scope: Scope,
  warn: (message: string) => void,
): [string, string] | undefined {
  const rendered = render(line, scope, input, line);
  const at = rendered.indexOf('=');
  if (at < 0) {
    warn(
      inputWarning(input, line, 'not key=value; it is ignored (write e.g. org.opencontainers.image.vendor=Example)'),
    );
    return undefined;
  }
  const key = rendered.slice(0, at).trim();
  if (key === '')
    throw new InputError(input, line, 'key=value with a key, e.g. org.opencontainers.image.vendor=Example');
  return [key, rendered.slice(at + 1)];
}

// Code-unit order, not localeCompare: label keys are ASCII, and collation loads ICU data (~5 ms at start-up).
const byKey = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Defaults overridden by custom lines with the same key, sorted by key: `key=value`. */
export function computeLabels(
  defaults: Array<[string, string]>,
  lines: readonly string[],
  scope: Scope,
  warn: (message: string) => void,
): string[] {
  const map = new Map(defaults);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const entry = parseKeyValue(line, 'labels', scope, warn);
    if (entry) map.set(...entry);
  }
  return [...map].sort(byKey).map(([k, v]) => `${k}=${v}`);
}

const LEVEL = '(?:manifest|index|manifest-descriptor|index-descriptor)(?:\\[[^\\]]*\\])?';
const LEVEL_PREFIX = new RegExp(`^(${LEVEL}(?:,${LEVEL})*):(.+)$`);

/**
 * Annotations: defaults and custom lines at each level of `levels` (`manifest:key=value`), sorted by key
 * within a level. A custom key that names its own level (`index:key=value`) is kept at that level only.
 */
export function computeAnnotations(
  defaults: Array<[string, string]>,
  lines: readonly string[],
  levels: readonly string[],
  scope: Scope,
  warn: (message: string) => void,
): string[] {
  const byLevel = new Map<string, Map<string, string>>();
  const at = (level: string) => {
    let m = byLevel.get(level);
    if (!m) byLevel.set(level, (m = new Map()));
    return m;
  };
  for (const level of levels) for (const [k, v] of defaults) at(level).set(k, v);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const entry = parseKeyValue(line, 'annotations', scope, warn);
    if (!entry) continue;
    const [key, value] = entry;
    const explicit = LEVEL_PREFIX.exec(key);
    if (explicit) at(explicit[1]).set(explicit[2], value);
    else for (const level of levels) at(level).set(key, value);
  }
  const out: string[] = [];
  for (const [level, entries] of byLevel) {
    for (const [k, v] of [...entries].sort(byKey)) out.push(`${level}:${k}=${v}`);
  }
  return out;
}
