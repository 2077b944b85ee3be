// One buildx flag value as buildx splits it: a single CSV record (Go's encoding/csv rules, as buildx's csvvalue
// parser applies them: `"` opens a quoted field only at the start of a field, `""` is a quote inside one, a bare `"`
// elsewhere is an error, nothing is trimmed). And the reverse: the field a value must become so buildx reads it
// back unchanged (argv built from typed values, never by pasting strings).
import { InputError } from '../errors.js';

/** The fields of one flag value, or an InputError naming the input with the CSV problem. */
export function csvRecord(input: string, value: string, shown: string, expected: string): string[] {
  if (!value.includes('"')) return value.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (value[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        const close = value.indexOf('"', i);
        if (close < 0) throw new InputError(input, shown, `${expected} (a quoted field is not closed)`);
        field += value.slice(i, close);
        i = close + 1;
        if (value[i] === '"') {
          field += '"';
          i++;
          continue;
        }
        break;
      }
      fields.push(field);
      if (i === value.length) return fields;
      if (value[i] !== ',') {
        throw new InputError(input, shown, `${expected} (text after the closing quote of a field)`);
      }
      i++;
    } else {
      const comma = value.indexOf(',', i);
      const field = comma < 0 ? value.slice(i) : value.slice(i, comma);
      if (field.includes('"')) {
        throw new InputError(input, shown, `${expected} (a quote inside a field that does not start with one)`);
      }
      fields.push(field);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

/** `key=value` as one CSV field, quoted when it holds a comma or a quote (what buildx itself writes). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A record of `key=value` pairs, each quoted as needed. */
export function csvPairs(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => csvField(`${k}=${v}`)).join(',');
}
