// The login inputs, as docker/login-action reads them: `registry`, `username`, `password`, `ecr`, `scope`,
// `logout` and the `registry-auth` YAML list (here: more registries besides `registry`). An entry without a
// registry means Docker Hub, as in login-action. Passwords are registered with the runner's masker the moment they
// are read.
import { InputError } from '../errors.js';
import { canonicalRegistry } from '../registry/identity.js';
import { getInput, setSecret, type Env } from '../runner.js';
import { entryScopeNotice } from './compat.js';
import { bool, optional, yamlListOfMaps } from './read.js';

/** login-action's `ecr`: auto (detect from the registry host), true or false. */
export type EcrMode = 'auto' | 'true' | 'false';

export interface RegistryAuth {
  /** canonical registry (Docker Hub when the entry names none) */
  registry: string;
  username?: string;
  password?: string;
  ecr: EcrMode;
}

export interface LoginInputs {
  /** explicit `registry` (undefined: derived from the images) */
  registry?: string;
  username?: string;
  password?: string;
  ecr: EcrMode;
  /** extra logins, login-action's `registry-auth` YAML list */
  registryAuth: RegistryAuth[];
  logout: boolean;
  /** keys of registry-auth entries that are read and ignored (login-action's per-entry `scope`) */
  notices: string[];
}

const REGISTRY_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?$/i;

export function checkRegistryHost(input: string, value: string): void {
  // login-action also accepts a registry URL such as docker login's config key https://index.docker.io/v1/: its
  // host is the registry. A bare value must be a host (a path, as in ghcr.io/octo, would log in to nothing used).
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  const host = scheme ? value.slice(scheme[0].length).replace(/\/.*$/, '') : value;
  if (!REGISTRY_HOST.test(host)) {
    throw new InputError(input, value, 'a registry host such as ghcr.io, docker.io or 127.0.0.1:5000');
  }
}

function parseEcr(input: string, value: unknown): EcrMode {
  // YAML reads an unquoted `ecr: false` as a boolean: keep its meaning
  const text = value === undefined || value === null ? '' : String(value);
  if (text === '' || text === 'auto') return 'auto';
  if (text === 'true' || text === 'false') return text;
  throw new InputError(input, text, 'auto, true or false');
}

const AUTH_EXPECTED =
  'a YAML list of entries with registry (default docker.io), username and password, e.g. `- registry: docker.io`';

async function parseRegistryAuth(value: string, notices: string[]): Promise<RegistryAuth[]> {
  return (await yamlListOfMaps('registry-auth', value, AUTH_EXPECTED)).map(({ entry: e }) => {
    const text = (k: string) =>
      typeof e[k] === 'string' ? (e[k] as string) : e[k] === undefined ? undefined : String(e[k]);
    const password = text('password');
    if (password) setSecret(password);
    const given = text('registry')?.trim() || 'docker.io';
    checkRegistryHost('registry-auth', given);
    const registry = canonicalRegistry(given);
    if (e.scope !== undefined && e.scope !== null && String(e.scope) !== '') notices.push(entryScopeNotice(registry));
    return {
      registry,
      username: text('username') || undefined,
      password: password || undefined,
      ecr: parseEcr('registry-auth', e.ecr),
    };
  });
}

export async function readLoginInputs(env: Env): Promise<LoginInputs> {
  const notices: string[] = [];
  const password = optional(env, 'password');
  const registryAuth = getInput(env, 'registry-auth');
  if (password) setSecret(password);
  const registry = optional(env, 'registry');
  if (registry) checkRegistryHost('registry', registry);
  return {
    registry,
    username: optional(env, 'username'),
    password,
    ecr: parseEcr('ecr', getInput(env, 'ecr')),
    // an unset input's parser is not called, so never compiled (start-up time)
    registryAuth: registryAuth ? await parseRegistryAuth(registryAuth, notices) : [],
    logout: bool(env, 'logout', true),
    notices,
  };
}
