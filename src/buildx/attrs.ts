// `key=value` attributes of a buildx flag value (cache entries, outputs, attestations) and the value syntaxes
// BuildKit parses them with. Booleans here are Go's strconv.ParseBool spellings, because BuildKit reads these
// attributes, not the runner: an action input's own booleans are src/bool.ts's rule.
import { InputError } from '../errors.js';
import { csvField, csvRecord } from './csv.js';

export interface Attr {
  /** lower-cased, trimmed key: how buildx stores cache and output attributes */
  key: string;
  /** the key as written: buildx keeps attestation attribute keys (other than type and disabled) unchanged */
  rawKey: string;
  value: string;
}

const GO_TRUE: ReadonlySet<string> = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const GO_FALSE: ReadonlySet<string> = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** Go's strconv.ParseBool: true, false or undefined for anything else. */
export function goBool(value: string): boolean | undefined {
  if (GO_TRUE.has(value)) return true;
  if (GO_FALSE.has(value)) return false;
  return undefined;
}

export const GO_BOOL_FORMS = 'true or false (also 1/0, t/f, TRUE/FALSE, True/False)';

/** Go's time.ParseDuration: `10m`, `1h30m`, `500ms`, `0`. */
export function isGoDuration(value: string): boolean {
  return value === '0' || /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.test(value);
}

/** A decimal int64 as Go's strconv.ParseInt(v, 10, 64) reads it. */
export function isGoInt(value: string): boolean {
  if (!/^[-+]?\d+$/.test(value)) return false;
  const n = BigInt(value);
  return n >= -(2n ** 63n) && n <= 2n ** 63n - 1n;
}

/**
 * The fields of a flag value split into attributes. `shown` is what an error may print (the value with secret
 * attributes replaced by ***), never the value itself when it holds a secret.
 */
export function parseAttrs(input: string, value: string, shown: string, expected: string): Attr[] {
  return csvRecord(input, value, shown, expected).map((field) => {
    const eq = field.indexOf('=');
    if (eq < 0) throw new InputError(input, shown, `${expected}; "${field}" is not a key=value attribute`);
    return { key: field.slice(0, eq).trim().toLowerCase(), rawKey: field.slice(0, eq), value: field.slice(eq + 1) };
  });
}

/**
 * The value as it may appear in a message: the values of `secretKeys` replaced by ***. A value that does not even
 * parse is cut before its first secret key, so a quoted secret holding a comma cannot leak either.
 */
export function redactAttrs(value: string, secretKeys: ReadonlySet<string>): string {
  let fields: string[];
  try {
    fields = csvRecord('', value, '', '');
  } catch {
    const lower = value.toLowerCase();
    const hits = [...secretKeys].map((k) => lower.indexOf(`${k}=`)).filter((i) => i >= 0);
    return hits.length ? `${value.slice(0, Math.min(...hits))}***` : value;
  }
  return fields
    .map((field) => {
      const eq = field.indexOf('=');
      const key = eq < 0 ? '' : field.slice(0, eq).trim().toLowerCase();
      return csvField(secretKeys.has(key) ? `${field.slice(0, eq)}=***` : field);
    })
    .join(',');
}

/** Unknown attribute of a known type: the error lists the ones that type takes. */
export function unknownAttr(input: string, shown: string, what: string, key: string, known: readonly string[]): never {
  throw new InputError(input, shown, `${what} attributes among ${known.join(', ')} ("${key}" is not one)`);
}

export type Compression = 'uncompressed' | 'gzip' | 'estargz' | 'zstd';
export const COMPRESSIONS: readonly Compression[] = ['uncompressed', 'gzip', 'estargz', 'zstd'];

/** BuildKit's layer compression attributes (compression, compression-level, force-compression). */
export function checkCompression(input: string, shown: string, attrs: ReadonlyMap<string, string>): void {
  const c = attrs.get('compression');
  if (c !== undefined && !(COMPRESSIONS as readonly string[]).includes(c)) {
    throw new InputError(input, shown, `compression=${COMPRESSIONS.join('|')}`);
  }
  const level = attrs.get('compression-level');
  if (level !== undefined) {
    const max = (c ?? 'gzip') === 'zstd' ? 22 : 9;
    if (!/^\d+$/.test(level) || Number(level) > max) {
      throw new InputError(
        input,
        shown,
        `compression-level=<0-${max}> for ${c ?? 'gzip'} (0-9 for gzip and estargz, 0-22 for zstd)`,
      );
    }
  }
  const force = attrs.get('force-compression');
  if (force !== undefined && force !== '' && goBool(force) === undefined) {
    throw new InputError(input, shown, `force-compression=${GO_BOOL_FORMS}`);
  }
}

/** Each of `keys` present in `attrs` must be a Go boolean. */
export function checkBools(
  input: string,
  shown: string,
  attrs: ReadonlyMap<string, string>,
  keys: readonly string[],
): void {
  for (const k of keys) {
    const v = attrs.get(k);
    if (v !== undefined && goBool(v) === undefined) throw new InputError(input, shown, `${k}=${GO_BOOL_FORMS}`);
  }
}
