// Dockerfile stage names, as `target` and `no-cache-filters` name them: BuildKit's rule for `FROM … AS <name>`
// (a letter, then letters, digits, `-`, `_`, `.`; matched case-insensitively), so `target: build stage` fails here.
import { InputError } from '../errors.js';

const STAGE = /^[a-z][a-z0-9-_.]*$/;

export const STAGE_FORM = 'a Dockerfile stage name (FROM … AS <name>: a letter, then letters, digits, - _ .)';

/** A stage name, as given (BuildKit compares stage names case-insensitively). */
export function parseStageName(input: string, value: string): string {
  if (!STAGE.test(value.toLowerCase())) throw new InputError(input, value, STAGE_FORM);
  return value;
}
