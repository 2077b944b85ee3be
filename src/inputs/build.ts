// The build inputs (docker/build-push-action's names, list syntax and semantics), read and checked up front
// against buildx's syntax, so a wrong cache entry, output, attestation, stage, path or flag fails as an input
// error before any login or builder probe. Each list input is read with build-push-action's rules for that input
// (commas kept or not, quotes, whitespace). Secret values are registered with the runner's masker when read.
import { InputError } from '../errors.js';
import { parseAttestation, type AttestationInput } from '../buildx/attestations.js';
import { parseCacheEntry, type CacheInput } from '../buildx/cache.js';
import { parseCall, type CallFunc } from '../buildx/call.js';
import { parseBuildContext, type BuildContext } from '../buildx/contexts.js';
import { csvField, csvRecord } from '../buildx/csv.js';
import { parseEntitlement, type Entitlement } from '../buildx/entitlements.js';
import { parseAddHost, type HostEntry } from '../buildx/hosts.js';
import { inputList, type ListOptions } from '../buildx/input-list.js';
import { parseOutput, type OutputEntry } from '../buildx/outputs.js';
import { statPath, type PathProbe } from '../buildx/paths.js';
import { isRemoteContext } from '../buildx/contexts.js';
import { usesDefaultContext } from '../plan/build-context.js';
import { parseCgroupParent, parseShmSize, parseUlimit, type Ulimit } from '../buildx/resources.js';
import {
  parseSecret,
  parseSecretEnv,
  parseSecretFile,
  type BuildSecret,
  type SecretEnv,
  type SecretFile,
} from '../buildx/secrets.js';
import { parseSsh, type SshEntry } from '../buildx/ssh.js';
import { parseStageName } from '../buildx/stages.js';
import { hostPlatform, parsePlatform, platformName, type HostPlatform, type Platform } from '../platform.js';
import { getInput, inputEnvName, setSecret, type Env } from '../runner.js';
import { bool, optional, optionalBool } from './read.js';

export type { BuildSecret } from '../buildx/secrets.js';
export type NetworkMode = 'default' | 'host' | 'none';

export interface BuildInputs {
  context: string;
  file?: string;
  /** normalised as buildx normalises them (containerd), duplicates dropped */
  platforms: Platform[];
  /** undefined: the default (push, except where pushing cannot work) */
  push?: boolean;
  load: boolean;
  buildArgs: string[];
  secrets: BuildSecret[];
  target?: string;
  network?: NetworkMode;
  /** checked cache entries, as buildx receives them (`--cache-from`) */
  cacheFrom: string[];
  /** checked cache entries, as buildx receives them (`--cache-to`) */
  cacheTo: string[];
  noCache: boolean;
  pull: boolean;
  /** the checked `--provenance` value (true, false or attributes): `provenance`, else attests' type=provenance */
  provenance?: string;
  /** the checked `--sbom` value: `sbom`, else attests' type=sbom */
  sbom?: string;
  outputs: OutputEntry[];
  buildContexts: BuildContext[];
  ssh: SshEntry[];
  secretFiles: SecretFile[];
  secretEnvs: SecretEnv[];
  addHosts: HostEntry[];
  allow: Entitlement[];
  /** undefined: build (the default method) */
  call?: CallFunc;
  cgroupParent?: string;
  shmSize?: string;
  ulimits: Ulimit[];
  noCacheFilters: string[];
  /** every secret value the build inputs hold (secrets, cache tokens and keys, secret-envs values): to redact */
  secretValues: string[];
}

export interface ReadBuildOptions {
  /** what a path is (tests describe a file system); default: stat on this machine */
  probe?: PathProbe;
  /** the machine buildx runs on, for `local` and a bare OS or architecture in `platforms` */
  host?: HostPlatform;
}

function list(env: Env, name: string, opts: ListOptions = {}): string[] {
  // the runner's value untrimmed: `secrets` keeps surrounding whitespace (trimWhitespace: false)
  return inputList(name, env[inputEnvName(name)] ?? '', opts);
}

function parseNetwork(value: string | undefined): NetworkMode | undefined {
  if (value === undefined) return undefined;
  if (value === 'default' || value === 'host' || value === 'none') return value;
  throw new InputError('network', value, 'default, host or none');
}

/** NAME=value (build-push-action passes a bare NAME too, which buildx fills from its environment: refused here). */
function parseBuildArg(item: string): string {
  if (!/^[^=\s][^=]*=/.test(item)) throw new InputError('build-args', item, 'one NAME=value per line');
  return item;
}

const ATTESTS_EXPECTED =
  'one attestation a line: type=provenance or type=sbom, then its attributes ' +
  '(e.g. type=provenance,mode=max or type=sbom,generator=<image>), each type once';

/**
 * build-push-action's `attests` (buildx --attest): each line is `type=provenance|sbom` and that attestation's
 * attributes, checked by the same parser as the `provenance` and `sbom` inputs. BuildKit knows no other type. The
 * result is the `--provenance`/`--sbom` value of each type (buildx reads `--attest type=X,…` and `--X …` alike), so
 * every later step sees one value per attestation.
 */
export function parseAttests(items: readonly string[]): Partial<Record<AttestationInput, string>> {
  const out: Partial<Record<AttestationInput, string>> = {};
  for (const item of items) {
    // build-push-action's CSV reader trims every field
    const fields = csvRecord('attests', item, item, ATTESTS_EXPECTED).map((f) => f.trim());
    const isType = (f: string) => /^type\s*=/i.test(f);
    const types = fields.filter(isType).map((f) => f.slice(f.indexOf('=') + 1).trim());
    if (types.length !== 1) throw new InputError('attests', item, ATTESTS_EXPECTED);
    const type = types[0].toLowerCase();
    if (type !== 'provenance' && type !== 'sbom') {
      throw new InputError(
        'attests',
        item,
        `${ATTESTS_EXPECTED} (BuildKit's attestation types are provenance and sbom, not "${types[0]}")`,
      );
    }
    if (out[type] !== undefined) {
      throw new InputError('attests', item, `${ATTESTS_EXPECTED} (type=${type} is given twice)`);
    }
    const rest = fields.filter((f) => !isType(f));
    // `type=sbom` alone asks for the attestation with BuildKit's defaults, as `sbom: true` does
    let parsed;
    try {
      parsed = parseAttestation(type, rest.length ? rest.map(csvField).join(',') : 'true');
    } catch (e) {
      if (e instanceof InputError) throw new InputError('attests', item, `type=${type}, then ${e.expected}`);
      throw e;
    }
    if (parsed) out[type] = parsed.value;
  }
  return out;
}

function readPlatforms(env: Env, host: HostPlatform): Platform[] {
  const seen = new Map<string, Platform>();
  for (const item of list(env, 'platforms')) {
    const p = parsePlatform('platforms', item, host);
    seen.set(platformName(p), p);
  }
  return [...seen.values()];
}

function readCache(env: Env, input: CacheInput, secretValues: string[]): string[] {
  return list(env, input, { ignoreComma: true }).flatMap((line) =>
    parseCacheEntry(input, line).map((entry) => {
      for (const s of entry.secrets) {
        setSecret(s);
        secretValues.push(s);
      }
      return entry.value;
    }),
  );
}

/** One secret id used twice (across secrets, secret-files and secret-envs) would silently lose one of them. */
function checkSecretIds(secrets: BuildSecret[], files: SecretFile[], envs: SecretEnv[]): void {
  const seen = new Map<string, string>();
  const all: [string, string][] = [
    ...secrets.map((s): [string, string] => [s.id, 'secrets']),
    ...files.map((s): [string, string] => [s.id, 'secret-files']),
    ...envs.map((s): [string, string] => [s.id, 'secret-envs']),
  ];
  for (const [id, input] of all) {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new InputError(
        input,
        `${id}=…`,
        `secret IDs used once across secrets, secret-files and secret-envs (${id} is also in ${first})`,
      );
    }
    seen.set(id, input);
  }
}

/**
 * The context and Dockerfile are checked before anything runs, so a typo is an input error, not a Docker failure.
 * Remote contexts (Git, HTTP(S), `-` for stdin, build-push-action's `{{defaultContext}}`) are BuildKit's to fetch.
 */
export function checkBuildPaths(context: string, file: string | undefined, probe: PathProbe = statPath): void {
  if (isRemoteContext(context) || context === '-' || usesDefaultContext(context)) return;
  if (probe(context) !== 'directory') {
    throw new InputError('context', context, 'a directory that exists in the workspace (or a git/https URL)');
  }
  if (file !== undefined && probe(file) !== 'file') {
    throw new InputError('file', file, 'the path of a Dockerfile (a regular file), relative to the workspace');
  }
  if (file === undefined && probe(`${context.replace(/\/$/, '')}/Dockerfile`) !== 'file') {
    throw new InputError('context', context, 'a directory with a Dockerfile in it, or set `file` to the Dockerfile');
  }
}

export async function readBuildInputs(env: Env, opts: ReadBuildOptions = {}): Promise<BuildInputs> {
  const probe = opts.probe ?? statPath;
  const host = opts.host ?? hostPlatform();
  const secretValues: string[] = [];

  const secrets = list(env, 'secrets', { ignoreComma: true, trimWhitespace: false }).map(parseSecret);
  for (const s of secrets) {
    setSecret(s.value);
    secretValues.push(s.value);
  }
  const secretEnvs = list(env, 'secret-envs').map((item) => parseSecretEnv(item, env));
  for (const s of secretEnvs) {
    const value = env[s.env] ?? '';
    setSecret(value);
    if (value) secretValues.push(value);
  }
  const secretFiles = list(env, 'secret-files', { ignoreComma: true }).map((item) => parseSecretFile(item, probe));
  checkSecretIds(secrets, secretFiles, secretEnvs);

  const cacheFrom = readCache(env, 'cache-from', secretValues);
  const cacheTo = readCache(env, 'cache-to', secretValues);

  const addHostItems = list(env, 'add-hosts');
  // node:net costs ~10 ms to load: only when the input is used
  const isIP = addHostItems.length ? (await import('node:net')).isIP : () => 0;
  const target = optional(env, 'target');
  const call = optional(env, 'call');
  const cgroupParent = optional(env, 'cgroup-parent');
  const shmSize = optional(env, 'shm-size');
  // as build-push-action: the provenance and sbom inputs win over attests' entries of the same type
  // parsers of unset inputs are not called, so never compiled (start-up time)
  const attestItems = list(env, 'attests', { ignoreComma: true });
  const attests = attestItems.length ? parseAttests(attestItems) : {};
  const sshItems = list(env, 'ssh');

  return {
    context: getInput(env, 'context') || '.',
    file: optional(env, 'file'),
    platforms: readPlatforms(env, host),
    push: optionalBool(env, 'push'),
    load: bool(env, 'load', false),
    buildArgs: list(env, 'build-args', { ignoreComma: true }).map(parseBuildArg),
    secrets,
    target: target === undefined ? undefined : parseStageName('target', target),
    network: parseNetwork(optional(env, 'network')),
    cacheFrom,
    cacheTo,
    noCache: bool(env, 'no-cache', false),
    pull: bool(env, 'pull', false),
    provenance: parseAttestation('provenance', getInput(env, 'provenance'))?.value ?? attests.provenance,
    sbom: parseAttestation('sbom', getInput(env, 'sbom'))?.value ?? attests.sbom,
    outputs: list(env, 'outputs', { ignoreComma: true, quote: false }).map(parseOutput),
    buildContexts: list(env, 'build-contexts', { ignoreComma: true }).map((v) => parseBuildContext(v, probe)),
    ssh: sshItems.length ? parseSsh(sshItems, probe, env) : [],
    secretFiles,
    secretEnvs,
    addHosts: addHostItems.map((v) => parseAddHost(v, isIP)),
    allow: list(env, 'allow').map(parseEntitlement),
    call: call === undefined ? undefined : parseCall(call),
    cgroupParent: cgroupParent === undefined ? undefined : parseCgroupParent(cgroupParent),
    shmSize: shmSize === undefined ? undefined : parseShmSize(shmSize),
    ulimits: list(env, 'ulimit', { ignoreComma: true }).map(parseUlimit),
    noCacheFilters: list(env, 'no-cache-filters').map((v) => parseStageName('no-cache-filters', v)),
    secretValues,
  };
}

/**
 * The buildx flags of the build-push-action inputs the plan's argv did not have before (build-contexts, ssh,
 * secret-files, secret-envs, add-hosts, allow, call, cgroup-parent, shm-size, ulimit, no-cache-filters), in
 * build-push-action's order. Append before the context argument.
 */
export function buildInputArgv(b: BuildInputs): string[] {
  const argv: string[] = [];
  for (const h of b.addHosts) argv.push('--add-host', h.value);
  for (const a of b.allow) argv.push('--allow', a.value);
  for (const c of b.buildContexts) argv.push('--build-context', c.value);
  // `build` is buildx's default; leaving the flag out keeps buildx < 0.15 (no --call) working
  if (b.call && b.call.name !== 'build') argv.push('--call', b.call.value);
  if (b.cgroupParent) argv.push('--cgroup-parent', b.cgroupParent);
  for (const s of b.secretEnvs) argv.push('--secret', s.value);
  for (const f of b.noCacheFilters) argv.push('--no-cache-filter', f);
  for (const s of b.secretFiles) argv.push('--secret', s.value);
  if (b.shmSize) argv.push('--shm-size', b.shmSize);
  for (const s of b.ssh) argv.push('--ssh', s.value);
  for (const u of b.ulimits) argv.push('--ulimit', u.value);
  return argv;
}
