// csv-parse, loaded only when an input needs it. It is about a fifth of what the entry bundle would otherwise hold,
// and only a value with a double quote (or a stray carriage return) is ever handed to it: without one, a CSV record
// is exactly its comma-separated parts. The readers that use it (src/meta/csv.ts, src/buildx/input-list.ts) are
// synchronous, so readInputs loads it first when an input holds such a value (needsCsvParse), and they call
// csvParse.
import type { Options } from 'csv-parse/sync';

type Parse = (input: string, options: Options) => unknown;
let parse: Parse | undefined;

/** Whether a raw input value may reach csv-parse: it holds a double quote or a carriage return. */
export function needsCsvParse(value: string): boolean {
  return value.includes('"') || value.includes('\r');
}

export async function loadCsvParse(): Promise<void> {
  parse ??= (await import('csv-parse/sync')).parse as Parse;
}

/** The records of `text`. csv-parse's own errors are thrown as they are, for the caller to name its input. */
export function csvParse(text: string, options: Options): string[][] {
  if (!parse) throw new Error('internal error: csv-parse used before loadCsvParse() (readInputs loads it)');
  return parse(text, options) as string[][];
}
