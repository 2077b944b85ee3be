// `call`: the frontend method buildx evaluates instead of (or besides) a build (`--call`): build, check, outline,
// targets or subrequests.describe, with `format=json` and `ignorestatus=<bool>`. Anything but `build` produces no
// image, so nothing is pushed, verified or attested. The flag needs buildx ≥ 0.15 (call-support.ts says whether the
// runner's buildx has it).
import { InputError } from '../errors.js';
import { goBool, GO_BOOL_FORMS } from './attrs.js';
import { csvRecord } from './csv.js';

export type CallName = 'build' | 'check' | 'outline' | 'targets' | 'subrequests.describe';
export const CALL_NAMES: readonly CallName[] = ['build', 'check', 'outline', 'targets', 'subrequests.describe'];

export interface CallFunc {
  name: CallName;
  format?: 'json';
  ignoreStatus?: boolean;
  /** the `--call` value */
  value: string;
}

export const CALL_FORM = `${CALL_NAMES.join(', ')}, optionally with ,format=json and ,ignorestatus=<bool>`;

export function parseCall(value: string): CallFunc {
  let name: string | undefined;
  let format: 'json' | undefined;
  let ignoreStatus: boolean | undefined;
  for (const field of csvRecord('call', value, value, CALL_FORM)) {
    const eq = field.indexOf('=');
    if (eq < 0) {
      if (name !== undefined) throw new InputError('call', value, `${CALL_FORM} (one method)`);
      name = field;
    } else if (field.slice(0, eq) === 'format') {
      if (field.slice(eq + 1) !== 'json') throw new InputError('call', value, `${CALL_FORM} (format=json)`);
      format = 'json';
    } else if (field.slice(0, eq) === 'ignorestatus') {
      ignoreStatus = goBool(field.slice(eq + 1));
      if (ignoreStatus === undefined) throw new InputError('call', value, `ignorestatus=${GO_BOOL_FORMS}`);
    } else {
      throw new InputError('call', value, CALL_FORM);
    }
  }
  if (name === undefined || !(CALL_NAMES as readonly string[]).includes(name)) {
    throw new InputError('call', value, CALL_FORM);
  }
  return {
    name: name as CallName,
    ...(format ? { format } : {}),
    ...(ignoreStatus !== undefined ? { ignoreStatus } : {}),
    value,
  };
}

/** The build produces an image (no call, or call: build); check/outline/targets only print. */
export function callBuildsImage(call: CallFunc | undefined): boolean {
  return call === undefined || call.name === 'build';
}
