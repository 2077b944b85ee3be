// One line of a metadata-action list input, read as one CSV record of `key=value` fields.
import { csvParse } from '../csv-parse.js';
import { InputError } from '../errors.js';

export interface Field {
  /** lower-cased, trimmed key; undefined for a bare field without `=` */
  key: string | undefined;
  /** trimmed value (everything after the first `=`) */
  value: string;
}

/** Split a line into CSV fields (double quotes group a field that contains commas). */
export function csvFields(line: string, input: string, expected: string): string[] {
  // Without a double quote a CSV record is exactly its comma-separated parts (no trimming, relaxed column count);
  // csv-parse is reserved for quoted fields: its code is loaded only when an input needs it (src/csv-parse.ts).
  if (!line.includes('"') && !line.includes('\n') && !line.includes('\r')) return joinExpressions(line.split(','));
  let records: string[][];
  try {
    records = csvParse(line, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (err) {
    throw new InputError(input, line, `${expected} (CSV: ${(err as Error).message})`);
  }
  if (records.length > 1) {
    throw new InputError(input, line, `${expected} on one line`);
  }
  return joinExpressions(records[0] ?? []);
}

const count = (s: string, token: string) => s.split(token).length - 1;

/** Re-join fields that a comma inside `{{ ... }}` split apart (e.g. `{{date 'MMMM Do, YYYY'}}`). */
function joinExpressions(parts: string[]): string[] {
  const out: string[] = [];
  let open: string | undefined;
  for (const part of parts) {
    open = open === undefined ? part : `${open},${part}`;
    if (count(open, '{{') <= count(open, '}}')) {
      out.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) out.push(open);
  return out;
}

/**
 * Split a field at its first `=`: `pattern={{date 'YYYY' tz='UTC'}}` keeps everything after the key. A field with
 * nothing before its first `=` has no key (metadata-action's rule reader reads `=foo` as a bare value too).
 */
export function splitField(field: string): Field {
  const at = field.indexOf('=');
  if (at <= 0 || field.slice(0, at).trim() === '') {
    return { key: undefined, value: field.trim() };
  }
  return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}

export function fields(line: string, input: string, expected: string): Field[] {
  return csvFields(line, input, expected).map(splitField);
}
