// build-push-action's list inputs, read the way docker/actions-toolkit's `Util.getInputList` reads them, so a
// workflow moved over from docker/build-push-action means the same thing here: the whole input is CSV (double
// quotes group text that holds commas or newlines), one record a line, empty lines skipped; without `ignoreComma`
// every comma separates items, with it a line is one item. No `#` comments: build-push-action has none either.
import { csvParse } from '../csv-parse.js';
import { InputError } from '../errors.js';

export interface ListOptions {
  /** a line is one item, commas included (build-args, cache-from, outputs, …); otherwise commas separate items */
  ignoreComma?: boolean;
  /** false: a double quote is an ordinary character (outputs: buildx reads the quotes itself) */
  quote?: boolean;
  /** false: items keep their surrounding whitespace (secrets: a value may end with a space) */
  trimWhitespace?: boolean;
}

function records(input: string, raw: string, quote: boolean): string[][] {
  // Without a quote, CSV records are exactly the lines split at commas; csv-parse only reads text that has quotes
  // in it, and is loaded only then (src/csv-parse.ts).
  if (!quote || !raw.includes('"')) {
    return raw
      .split(/\r\n|\n|\r/)
      .filter((line) => line !== '')
      .map((line) => line.split(','));
  }
  try {
    return csvParse(raw, { columns: false, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    throw new InputError(input, '(list)', `one item a line, CSV-quoted where needed (${(e as Error).message})`);
  }
}

/**
 * The items of a list input (its raw text: the runner's value, untrimmed). Items empty after trimming are dropped
 * (build-push-action would pass some of them to buildx as empty flags).
 */
export function inputList(input: string, raw: string, opts: ListOptions = {}): string[] {
  const trim = opts.trimWhitespace !== false;
  const text = trim ? raw.trim() : raw;
  if (text === '') return [];
  const out: string[] = [];
  for (const record of records(input, text, opts.quote !== false)) {
    if (opts.ignoreComma) out.push(record.join(','));
    else if (record.length === 1) out.push(...record[0].split(','));
    else out.push(...record);
  }
  return out.map((item) => (trim ? item.trim() : item)).filter((item) => item.trim() !== '');
}
