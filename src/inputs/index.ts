// INPUT_* → typed, validated Inputs. Names and list syntax follow docker/metadata-action, docker/login-action and
// docker/build-push-action so a workflow migrates by deleting steps. Every malformed value throws one InputError
// naming the input, the value and the expected form. Secrets are registered with the runner's masker here, the
// moment they are read, so nothing printed later can leak them.
import { InputError } from '../errors.js';
import type { MetaInputs } from '../meta/types.js';
import { loadCsvParse, needsCsvParse } from '../csv-parse.js';
import { getInput, inputEnvName, setSecret, type Env } from '../runner.js';
import { readBuildInputs, type BuildInputs } from './build.js';
import { readBuilderInputs, type BuilderInputs } from './builder.js';
import { readCompatInputs, type CompatInputs } from './compat.js';
import { readFanoutInputs, type FanoutInputs } from './fanout.js';
import { readLoginInputs, type LoginInputs } from './login.js';
import { bool, lines, optional, optionalBool, parseBool } from './read.js';

export type { BuildInputs, BuildSecret, NetworkMode } from './build.js';
export type AttestMode = 'auto' | 'on' | 'off';
/** metadata-action's `context` (here `metadata-context`): where the ref and commit of the metadata come from */
export type MetadataContext = 'workflow' | 'git';

/** The build inputs (context … no-cache-filters: src/inputs/build.ts) are spread in. */
export interface Inputs extends BuildInputs {
  meta: MetaInputs;
  sepTags: string;
  sepLabels: string;
  sepAnnotations: string;
  login: LoginInputs;
  fanout: FanoutInputs;
  /** setup-buildx/setup-qemu inputs and `builder` (src/inputs/builder.ts) */
  builderSetup: BuilderInputs;
  attest: AttestMode;
  pushToRegistry: boolean;
  githubToken: string;
  dryRun: boolean;
  summary: boolean;
  usageService?: string;
  usagePort?: string;
  /** The inputs of the replaced actions that are accepted and ignored, and their notices (src/inputs/compat.ts) */
  compat: CompatInputs;
}

/** Separators are taken untrimmed (a "," or " " is meaningful); empty means newline, as metadata-action does. */
function separator(env: Env, name: string): string {
  return env[inputEnvName(name)] || '\n';
}

function parseAttest(value: string): AttestMode {
  if (value === '' || value === 'auto') return 'auto';
  return parseBool('attest', value) ? 'on' : 'off';
}

/**
 * `metadata-context`: workflow (GITHUB_REF/GITHUB_SHA, the default) or git (the local repository's HEAD). Read by
 * readContext (src/context.ts), which is where the ref and commit are read.
 */
export function readMetadataContext(env: Env): MetadataContext {
  const v = getInput(env, 'metadata-context');
  if (v === '' || v === 'workflow' || v === 'git') return v === 'git' ? 'git' : 'workflow';
  throw new InputError(
    'metadata-context',
    v,
    "workflow (the ref and commit of the run: GITHUB_REF, GITHUB_SHA) or git (the checked-out repository's HEAD)",
  );
}

function parseUsagePort(value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{1,5}(:\d{1,5})?$/.test(value)) {
    throw new InputError('usage-port', value, 'a port mapping such as 5000:5000 or 8080');
  }
  return value;
}

export async function readInputs(env: Env): Promise<Inputs> {
  // the CSV readers are synchronous; the code they need for a quoted value is loaded here, only when one may come
  if (Object.entries(env).some(([k, v]) => k.startsWith('INPUT_') && v !== undefined && needsCsvParse(v))) {
    await loadCsvParse();
  }
  const githubToken = getInput(env, 'github-token');
  setSecret(githubToken);
  const usageService = optional(env, 'usage-service');
  if (usageService !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(usageService)) {
    throw new InputError('usage-service', usageService, 'a docker-compose service name such as mlflow-web');
  }
  const compat = readCompatInputs(env);
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
    builderSetup: await readBuilderInputs(env),
    ...(await readBuildInputs(env)),
    attest: parseAttest(getInput(env, 'attest')),
    pushToRegistry: bool(env, 'push-to-registry', true),
    githubToken,
    dryRun: bool(env, 'dry-run', false),
    // attest-build-provenance's show-summary when summary is not given: one summary holds the attestation here
    summary: optionalBool(env, 'summary') ?? compat.showSummary ?? true,
    usageService,
    usagePort: parseUsagePort(optional(env, 'usage-port')),
    compat,
  };
}
