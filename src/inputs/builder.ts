// The builder inputs of docker/setup-buildx-action and docker/setup-qemu-action, same names and syntax (except
// setup-buildx's `platforms`, here `builder-platforms`: build-push-action's `platforms` names the build's targets).
// Everything is validated here, before anything runs: a typo in a driver, an endpoint or an append entry is an
// InputError naming the input, not a buildx failure half-way through the job. TLS material for remote nodes comes
// from setup-buildx's BUILDER_NODE_<i>_AUTH_TLS_* variables and is masked the moment it is read.
import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parsePlatform, platformName } from '../platform.js';
import { getInput, setSecret, type Env } from '../runner.js';
import { bool, items, keyValueLines, optional, yamlListOfMaps } from './read.js';

export const BUILDER_DRIVERS = ['docker-container', 'remote', 'kubernetes', 'docker'] as const;
export type BuilderDriver = (typeof BUILDER_DRIVERS)[number];

export type BuildkitdConfig = { kind: 'file'; path: string } | { kind: 'inline'; text: string };

/** One BuildKit node of a builder this run creates: the main one, or one of `append`. */
export interface BuilderNodeInputs {
  /** node name (append entries only; buildx names the main node) */
  name?: string;
  endpoint?: string;
  /** fixed platforms of the node (`--platform`); empty: what BuildKit detects */
  platforms: string[];
  driverOpts: string[];
  buildkitdFlags?: string;
  buildkitdConfig?: BuildkitdConfig;
}

/** PEM material for node i (0: the main node, 1…: the append entries), from BUILDER_NODE_<i>_AUTH_TLS_*. */
export interface NodeTls {
  node: number;
  cacert?: string;
  cert?: string;
  key?: string;
}

export interface BuilderInputs {
  /** `builder`: the builder to use; with a driver, the name of the builder to create (or reuse when it exists) */
  name?: string;
  /** BUILDX_BUILDER from the environment: buildx's own override of the current builder */
  envBuilder?: string;
  /** undefined: the current builder when it can build what is asked, else a docker-container builder */
  driver?: BuilderDriver;
  node: BuilderNodeInputs;
  append: BuilderNodeInputs[];
  tls: NodeTls[];
  /** `use`: make the created builder the current one for later steps (default false here; see action.yml) */
  use: boolean;
  /** remove the created builder in the post step */
  cleanup: boolean;
  keepState: boolean;
  qemu: { image: string };
}

/** buildx's instance name rule (store.ValidateName). */
const BUILDER_NAME = /^[a-zA-Z][a-zA-Z0-9._-]*$/;
/** A name `--builder` accepts: a buildx instance or a Docker context (the CLI's context name rule). */
const BUILDER_OR_CONTEXT = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;
/** What buildx's remote driver dials (driver/remote/util/endpoint.go). */
const REMOTE_SCHEMES = ['docker-container', 'kube-pod', 'npipe', 'ssh', 'tcp', 'unix'];
/** What the CLI's ParseHost accepts as a Docker endpoint for a docker-container node. */
const DOCKER_SCHEMES = ['unix', 'tcp', 'ssh', 'npipe', 'fd'];

const DEFAULT_QEMU_IMAGE = 'docker.io/tonistiigi/binfmt:latest';

const EXPECTED_ENDPOINT: Record<BuilderDriver, string> = {
  remote:
    'a BuildKit address: tcp://host:port, unix:///path, ssh://user@host, docker-container://name or kube-pod://name',
  'docker-container': 'a Docker context name or a Docker host (unix:///path, tcp://host:port, ssh://user@host)',
  kubernetes: 'empty: the kubernetes driver takes its cluster from KUBECONFIG and its options from driver-opts',
  docker: "empty: the docker driver is the current Docker context's own builder",
};

function schemeOf(endpoint: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(endpoint)?.[1]?.toLowerCase();
}

function validUrl(endpoint: string): boolean {
  try {
    new URL(endpoint);
    return true;
  } catch {
    return false;
  }
}

/** An endpoint in the form the driver understands (checked as buildx would, before it is asked). */
export function checkEndpoint(input: string, driver: BuilderDriver, endpoint: string): void {
  const fail = () => new InputError(input, endpoint, EXPECTED_ENDPOINT[driver]);
  if (driver === 'kubernetes' || driver === 'docker') throw fail();
  const scheme = schemeOf(endpoint);
  if (driver === 'docker-container') {
    if (scheme === undefined) {
      if (!CONTEXT_NAME.test(endpoint)) throw fail();
      return;
    }
    if (!DOCKER_SCHEMES.includes(scheme) || !validUrl(endpoint)) throw fail();
  } else {
    if (scheme === undefined || !REMOTE_SCHEMES.includes(scheme) || !validUrl(endpoint)) throw fail();
  }
  // BuildKit has no default port; a Docker host does (the CLI adds 2375/2376)
  const port = driver === 'remote' ? ':\\d{1,5}' : '(:\\d{1,5})?';
  if (scheme === 'tcp' && !new RegExp(`^tcp://(\\[[0-9a-f:.]+\\]|[a-z0-9.-]+)${port}/?$`, 'i').test(endpoint))
    throw fail();
  if (scheme === 'unix' && !/^unix:\/\/\/./.test(endpoint)) throw fail();
}

/** buildkitd flags as buildx splits them (shell words): an unbalanced quote is an error here, not in buildx. */
export function checkBuildkitdFlags(input: string, flags: string): void {
  let quote: string | undefined;
  for (let i = 0; i < flags.length; i++) {
    const ch = flags[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
  }
  if (quote) throw new InputError(input, flags, 'buildkitd flags as a shell would split them (a quote is not closed)');
}

function checkConfigFile(input: string, path: string): BuildkitdConfig {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // missing: reported below
  }
  if (!isFile)
    throw new InputError(input, path, 'the path of a BuildKit daemon config file (buildkitd.toml) that exists');
  return { kind: 'file', path };
}

function buildkitdConfig(fileInput: string, file: string | undefined, inline: string | undefined) {
  if (file && inline) {
    throw new InputError(fileInput, file, 'empty when buildkitd-config-inline is set (one config per node)');
  }
  if (file) return checkConfigFile(fileInput, file);
  return inline ? ({ kind: 'inline', text: inline } as const) : undefined;
}

function checkPlatforms(input: string, values: string[]): string[] {
  return values.map((p) => platformName(parsePlatform(input, p)));
}

const DRIVER_OPTS_EXPECTED = 'one key=value driver option per line, e.g. image=moby/buildkit:v0.20.0';
const APPEND_EXPECTED =
  'a YAML list of nodes: - name: …, endpoint: …, platforms: …, driver-opts: [key=value], buildkitd-flags: …, buildkitd-config(-inline): …';
const APPEND_KEYS = new Set([
  'name',
  'endpoint',
  'platforms',
  'driver-opts',
  'buildkitd-flags',
  'buildkitd-config',
  'buildkitd-config-inline',
]);

function stringOrList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

async function parseAppend(value: string, driver: BuilderDriver): Promise<BuilderNodeInputs[]> {
  return (await yamlListOfMaps('append', value, APPEND_EXPECTED)).map(({ entry: e, at }) => {
    for (const key of Object.keys(e)) {
      if (!APPEND_KEYS.has(key)) throw new InputError('append', `${at}: ${key}`, APPEND_EXPECTED);
    }
    const text = (key: string): string | undefined => {
      const v = e[key];
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string') throw new InputError('append', `${at}: ${key}`, `${key} as a string`);
      return v.trim();
    };
    const name = text('name');
    if (name !== undefined && !BUILDER_NAME.test(name)) {
      throw new InputError('append', `${at}: name ${name}`, 'a node name: a letter, then letters, digits, . _ -');
    }
    const endpoint = text('endpoint');
    if (endpoint !== undefined) checkEndpoint(`append (${at}: endpoint)`, driver, endpoint);
    if (endpoint === undefined && driver === 'remote') {
      throw new InputError('append', `${at} (no endpoint)`, 'an endpoint for every node of a remote builder');
    }
    const platforms = e.platforms === undefined ? [] : stringOrList(e.platforms);
    if (!platforms)
      throw new InputError('append', `${at}: platforms`, 'platforms as a comma-separated string or a list');
    const opts = e['driver-opts'] === undefined ? [] : stringOrList(e['driver-opts']);
    if (!opts) throw new InputError('append', `${at}: driver-opts`, 'driver-opts as a list of key=value strings');
    const flags = text('buildkitd-flags');
    if (flags) checkBuildkitdFlags(`append (${at}: buildkitd-flags)`, flags);
    return {
      ...(name ? { name } : {}),
      ...(endpoint ? { endpoint } : {}),
      platforms: checkPlatforms(`append (${at}: platforms)`, platforms.flatMap(items)),
      driverOpts: keyValueLines(`append (${at}: driver-opts)`, opts.join('\n'), DRIVER_OPTS_EXPECTED),
      ...(flags ? { buildkitdFlags: flags } : {}),
      ...(() => {
        const config = buildkitdConfig(
          `append (${at}: buildkitd-config)`,
          text('buildkitd-config'),
          typeof e['buildkitd-config-inline'] === 'string' ? e['buildkitd-config-inline'] : undefined,
        );
        return config ? { buildkitdConfig: config } : {};
      })(),
    };
  });
}

/** Mask PEM material: the whole value and each body line (the runner masks line by line in multi-line output). */
function maskPem(value: string): void {
  setSecret(value);
  for (const line of value.split(/\r?\n/)) {
    const l = line.trim();
    if (l.length >= 16 && !l.startsWith('-----')) setSecret(l);
  }
}

function readTls(env: Env, nodes: number): NodeTls[] {
  const out: NodeTls[] = [];
  for (let node = 0; node < nodes; node++) {
    const v = (part: string) => env[`BUILDER_NODE_${node}_AUTH_TLS_${part}`] || undefined;
    const tls: NodeTls = { node, cacert: v('CACERT'), cert: v('CERT'), key: v('KEY') };
    if (tls.key) maskPem(tls.key);
    if (tls.cacert || tls.cert || tls.key) out.push(tls);
  }
  return out;
}

/**
 * buildx's remote driver (driver/remote/factory.go): TLS is on when any of servername, cacert, cert or key is given;
 * then cacert is required, and cert and key go together. Checked per tcp:// node here, naming only what is set.
 */
function checkRemoteTls(nodes: readonly BuilderNodeInputs[], tls: readonly NodeTls[]): void {
  nodes.forEach((node, i) => {
    if (!node.endpoint?.startsWith('tcp://')) return;
    const material = tls.find((t) => t.node === i);
    const opt = (k: string) => node.driverOpts.some((o) => o.startsWith(`${k}=`));
    const has = {
      cacert: !!material?.cacert || opt('cacert'),
      cert: !!material?.cert || opt('cert'),
      key: !!material?.key || opt('key'),
    };
    if (!has.cacert && !has.cert && !has.key && !opt('servername')) return;
    if (has.cacert && has.cert === has.key) return;
    const given = (['cacert', 'cert', 'key'] as const).filter((k) => has[k]).map((k) => k.toUpperCase());
    throw new InputError(
      `BUILDER_NODE_${i}_AUTH_TLS_* (environment) / driver-opts`,
      given.length ? given.join(', ') : 'servername only',
      "CACERT whenever TLS is used, and CERT with KEY (both or neither), as buildx's remote driver requires",
    );
  });
}

function readDriver(env: Env): BuilderDriver | undefined {
  const v = optional(env, 'driver');
  if (v === undefined) return undefined;
  if (!(BUILDER_DRIVERS as readonly string[]).includes(v)) {
    throw new InputError(
      'driver',
      v,
      `one of ${BUILDER_DRIVERS.join(', ')} (or empty: the current builder when it can)`,
    );
  }
  return v as BuilderDriver;
}

/** The creation inputs the docker driver has no use for (nothing is created for it). */
function rejectForDockerDriver(env: Env): void {
  for (const name of [
    'endpoint',
    'driver-opts',
    'buildkitd-flags',
    'buildkitd-config',
    'buildkitd-config-inline',
    'append',
    'builder-platforms',
    'keep-state',
    'builder',
  ]) {
    const v = getInput(env, name);
    if (v && !(name === 'keep-state' && v.toLowerCase() === 'false')) {
      throw new InputError(
        name,
        v,
        "empty with driver: docker (the docker driver is the current Docker context's builder; nothing is created)",
      );
    }
  }
}

export async function readBuilderInputs(env: Env): Promise<BuilderInputs> {
  const driver = readDriver(env);
  if (driver === 'docker') rejectForDockerDriver(env);
  const createDriver: BuilderDriver = driver ?? 'docker-container';

  const name = optional(env, 'builder');
  if (name !== undefined) {
    const creates = driver !== undefined;
    if (creates ? !BUILDER_NAME.test(name) || name.toLowerCase() === 'default' : !BUILDER_OR_CONTEXT.test(name)) {
      throw new InputError(
        'builder',
        name,
        creates
          ? 'a builder name to create: a letter, then letters, digits, . _ - (not "default")'
          : 'a buildx builder or Docker context name: letters, digits, . _ + -',
      );
    }
  }
  const envBuilder = env.BUILDX_BUILDER || undefined;
  if (envBuilder !== undefined && !BUILDER_OR_CONTEXT.test(envBuilder)) {
    throw new InputError('builder (from BUILDX_BUILDER)', envBuilder, 'a buildx builder or Docker context name');
  }

  let endpoint = optional(env, 'endpoint');
  // buildx's own default for a remote builder without an endpoint
  if (endpoint === undefined && createDriver === 'remote') endpoint = env.BUILDKIT_HOST || undefined;
  if (endpoint !== undefined) checkEndpoint('endpoint', createDriver, endpoint);
  if (createDriver === 'remote' && endpoint === undefined) {
    throw new InputError('endpoint', '', `${EXPECTED_ENDPOINT.remote} (the remote driver needs one)`);
  }

  const flags = optional(env, 'buildkitd-flags');
  if (flags) checkBuildkitdFlags('buildkitd-flags', flags);
  const keepState = bool(env, 'keep-state', false);
  if (keepState && createDriver !== 'docker-container') {
    throw new InputError(
      'keep-state',
      'true',
      `false with driver: ${createDriver} (only docker-container keeps state)`,
    );
  }
  const appendText = getInput(env, 'append');
  // an unset input's parser is not called, so never compiled (start-up time)
  const append = appendText ? await parseAppend(appendText, createDriver) : [];
  const config = buildkitdConfig(
    'buildkitd-config',
    optional(env, 'buildkitd-config'),
    optional(env, 'buildkitd-config-inline'),
  );

  const image = optional(env, 'image') ?? DEFAULT_QEMU_IMAGE;
  if (/\s/.test(image) || image.startsWith('-')) {
    throw new InputError('image', image, 'a binfmt image reference such as docker.io/tonistiigi/binfmt:latest');
  }

  const node: BuilderNodeInputs = {
    ...(endpoint ? { endpoint } : {}),
    platforms: checkPlatforms('builder-platforms', items(getInput(env, 'builder-platforms'))),
    driverOpts: keyValueLines('driver-opts', getInput(env, 'driver-opts'), DRIVER_OPTS_EXPECTED),
    ...(flags ? { buildkitdFlags: flags } : {}),
    ...(config ? { buildkitdConfig: config } : {}),
  };
  const tls = readTls(env, append.length + 1);
  if (createDriver === 'remote') checkRemoteTls([node, ...append], tls);

  return {
    ...(name ? { name } : {}),
    ...(envBuilder ? { envBuilder } : {}),
    ...(driver ? { driver } : {}),
    node,
    append,
    tls,
    use: bool(env, 'use', false),
    cleanup: bool(env, 'cleanup', true),
    keepState,
    qemu: { image },
  };
}
