// The eight default OCI labels/annotations plus the custom `labels`/`annotations` lines.
import { render } from './expressions.js';
import type { Scope } from './template.js';
import { InputError } from '../errors.js';
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
    [`${OCI}.created`, ctx.now.toISOString()],
    [`${OCI}.revision`, ctx.sha || ''],
    [`${OCI}.licenses`, ctx.repo.license || ''],
  ];
}

/** Split a custom `key=value` line (after rendering expressions) at its first `=`. */
export function parseKeyValue(line: string, input: string, scope: Scope): [string, string] {
  const rendered = render(line, scope, input, line);
  const at = rendered.indexOf('=');
  const key = at < 0 ? '' : rendered.slice(0, at).trim();
  if (at < 0 || key === '' || /\s/.test(key)) {
    throw new InputError(input, line, 'key=value, e.g. org.opencontainers.image.vendor=Example');
  }
  return [key, rendered.slice(at + 1)];
}

// Code-unit order, not localeCompare: label keys are ASCII, and collation loads ICU data (~5 ms at start-up).
const byKey = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Defaults overridden by custom lines with the same key, sorted by key: `key=value`. */
export function computeLabels(defaults: Array<[string, string]>, lines: string[], scope: Scope): string[] {
  const map = new Map(defaults);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [key, value] = parseKeyValue(line, 'labels', scope);
    map.set(key, value);
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
  lines: string[],
  levels: string[],
  scope: Scope,
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
    const [key, value] = parseKeyValue(line, 'annotations', scope);
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
