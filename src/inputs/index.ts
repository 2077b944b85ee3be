// INPUT_* → typed, validated Inputs. Names and list syntax follow docker/metadata-action, docker/login-action and
// docker/build-push-action so a workflow migrates by deleting steps. Every malformed value throws one InputError
// naming the input, the value and the expected form. Secrets are registered with the runner's masker here, the
// moment they are read, so nothing printed later can leak them.
import { InputError } from '../errors.js';
import type { MetaInputs } from '../meta/types.js';
import { parsePlatform, type Platform } from '../platform.js';
import { getInput, inputEnvName, setSecret, type Env } from '../runner.js';
import { readFanoutInputs, type FanoutInputs } from './fanout.js';
import { readLoginInputs, type LoginInputs } from './login.js';
import { bool, items, keyValueLines, lines, optional, optionalBool, parseBool } from './read.js';

export interface BuildSecret {
  id: string;
  value: string;
}

export type AttestMode = 'auto' | 'on' | 'off';
export type NetworkMode = 'default' | 'host' | 'none';

export interface Inputs {
  meta: MetaInputs;
  sepTags: string;
  sepLabels: string;
  sepAnnotations: string;
  login: LoginInputs;
  fanout: FanoutInputs;
  context: string;
  file?: string;
  platforms: Platform[];
  /** undefined: the default (push, except where pushing cannot work) */
  push?: boolean;
  load: boolean;
  buildArgs: string[];
  secrets: BuildSecret[];
  target?: string;
  network?: NetworkMode;
  cacheFrom: string[];
  cacheTo: string[];
  noCache: boolean;
  pull: boolean;
  provenance?: string;
  sbom?: string;
  outputs: string[];
  builder?: string;
  /** driver options for a builder this run creates (setup-buildx-action's driver-opts), e.g. image=… */
  driverOpts: string[];
  attest: AttestMode;
  pushToRegistry: boolean;
  githubToken: string;
  dryRun: boolean;
  summary: boolean;
  usageService?: string;
  usagePort?: string;
}

/** Separators are taken untrimmed (a "," or " " is meaningful); empty means newline, as metadata-action does. */
function separator(env: Env, name: string): string {
  return env[inputEnvName(name)] || '\n';
}

function parseSecrets(value: string): BuildSecret[] {
  return lines(value).map((line) => {
    const eq = line.indexOf('=');
    const id = eq > 0 ? line.slice(0, eq).trim() : '';
    // The message must never echo the value: show only the id part.
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
      throw new InputError(
        'secrets',
        eq > 0 ? `${id}=***` : '***',
        'one ID=value per line, ID made of letters, digits, . _ -',
      );
    }
    const secret = line.slice(eq + 1);
    setSecret(secret);
    return { id, value: secret };
  });
}

function parseAttest(value: string): AttestMode {
  if (value === '' || value === 'auto') return 'auto';
  return parseBool('attest', value) ? 'on' : 'off';
}

function parseNetwork(value: string | undefined): NetworkMode | undefined {
  if (value === undefined) return undefined;
  if (value === 'default' || value === 'host' || value === 'none') return value;
  throw new InputError('network', value, 'default, host or none');
}

function parseUsagePort(value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{1,5}(:\d{1,5})?$/.test(value)) {
    throw new InputError('usage-port', value, 'a port mapping such as 5000:5000 or 8080');
  }
  return value;
}

export async function readInputs(env: Env): Promise<Inputs> {
  const githubToken = getInput(env, 'github-token');
  setSecret(githubToken);
  const usageService = optional(env, 'usage-service');
  if (usageService !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(usageService)) {
    throw new InputError('usage-service', usageService, 'a docker-compose service name such as mlflow-web');
  }
  return {
    meta: {
      images: lines(getInput(env, 'images')),
      tags: lines(getInput(env, 'tags')),
      flavor: lines(getInput(env, 'flavor')),
      labels: lines(getInput(env, 'labels')),
      annotations: lines(getInput(env, 'annotations')),
    },
    sepTags: separator(env, 'sep-tags'),
    sepLabels: separator(env, 'sep-labels'),
    sepAnnotations: separator(env, 'sep-annotations'),
    login: await readLoginInputs(env),
    fanout: await readFanoutInputs(env),
    context: getInput(env, 'context') || '.',
    file: optional(env, 'file'),
    platforms: items(getInput(env, 'platforms')).map((p) => parsePlatform('platforms', p)),
    push: optionalBool(env, 'push'),
    load: bool(env, 'load', false),
    buildArgs: keyValueLines('build-args', getInput(env, 'build-args'), 'one NAME=value per line'),
    secrets: parseSecrets(getInput(env, 'secrets')),
    target: optional(env, 'target'),
    network: parseNetwork(optional(env, 'network')),
    cacheFrom: lines(getInput(env, 'cache-from')),
    cacheTo: lines(getInput(env, 'cache-to')),
    noCache: bool(env, 'no-cache', false),
    pull: bool(env, 'pull', false),
    provenance: optional(env, 'provenance'),
    sbom: optional(env, 'sbom'),
    outputs: lines(getInput(env, 'outputs')),
    builder: optional(env, 'builder'),
    driverOpts: keyValueLines(
      'driver-opts',
      getInput(env, 'driver-opts'),
      'one key=value driver option per line, e.g. image=moby/buildkit:v0.20.0',
    ),
    attest: parseAttest(getInput(env, 'attest')),
    pushToRegistry: bool(env, 'push-to-registry', true),
    githubToken,
    dryRun: bool(env, 'dry-run', false),
    summary: bool(env, 'summary', true),
    usageService,
    usagePort: parseUsagePort(optional(env, 'usage-port')),
  };
}
