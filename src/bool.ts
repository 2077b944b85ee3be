// The one boolean reader. Action inputs and list attributes (`enable=`, `onlatest=`) accept the YAML 1.2 core
// schema's spellings, as the runner's getBooleanInput does: true/True/TRUE and false/False/FALSE.

const TRUE: ReadonlySet<string> = new Set(['true', 'True', 'TRUE']);
const FALSE: ReadonlySet<string> = new Set(['false', 'False', 'FALSE']);

/** true or false for a YAML 1.2 core boolean, undefined for anything else (the caller names the input). */
export function parseBoolean(value: string): boolean | undefined {
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return undefined;
}
