// Build secrets in build-push-action's three inputs: `secrets` (id=value), `secret-files` (id=path) and
// `secret-envs` (id=ENV_VAR). One id rule for all three. A value is never echoed in an error, and a secret file is
// checked to exist and be a regular file but never read: its content reaches BuildKit only through buildx.
import { InputError } from '../errors.js';
import { csvPairs } from './csv.js';
import type { PathProbe } from './paths.js';

const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const ID_RULE = 'ID made of letters, digits, . _ -';

export interface BuildSecret {
  id: string;
  value: string;
}

export interface SecretFile {
  id: string;
  path: string;
  /** the `--secret` value */
  value: string;
}

export interface SecretEnv {
  id: string;
  /** the environment variable buildx reads the secret from */
  env: string;
  /** the `--secret` value */
  value: string;
}

function split(item: string): { id: string; rest: string; eq: number } {
  const eq = item.indexOf('=');
  return { id: eq > 0 ? item.slice(0, eq) : '', rest: eq > 0 ? item.slice(eq + 1) : '', eq };
}

/** `secrets`: one ID=value. The error shows the id only (`ID=***`). */
export function parseSecret(item: string): BuildSecret {
  const { id, rest, eq } = split(item);
  const shown = eq > 0 ? `${id}=***` : '***';
  const expected = `one ID=value per line, ${ID_RULE}`;
  if (!SECRET_ID.test(id)) throw new InputError('secrets', shown, expected);
  if (rest === '') throw new InputError('secrets', shown, `${expected} (the value is empty)`);
  return { id, value: rest };
}

/** `secret-files`: ID=path of a regular file that exists (relative to the workspace). */
export function parseSecretFile(item: string, probe: PathProbe): SecretFile {
  const { id, rest: path } = split(item);
  const expected = `ID=path of a file, one per line, ${ID_RULE}`;
  if (!SECRET_ID.test(id) || path === '') throw new InputError('secret-files', item, expected);
  const kind = probe(path);
  if (kind !== 'file') {
    throw new InputError(
      'secret-files',
      item,
      `${expected} (${path} ${kind ? `is a ${kind}, not a file` : 'does not exist'})`,
    );
  }
  return {
    id,
    path,
    value: csvPairs([
      ['id', id],
      ['src', path],
    ]),
  };
}

/** `secret-envs`: ID=NAME of an environment variable that is set. */
export function parseSecretEnv(item: string, env: Readonly<Record<string, string | undefined>>): SecretEnv {
  const { id, rest: name } = split(item);
  const expected = `ID=NAME of an environment variable, ${ID_RULE}`;
  if (!SECRET_ID.test(id) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new InputError('secret-envs', item, expected);
  if (env[name] === undefined) {
    throw new InputError('secret-envs', item, `${expected} (${name} is not set in the step's environment)`);
  }
  return {
    id,
    env: name,
    value: csvPairs([
      ['id', id],
      ['env', name],
    ]),
  };
}
