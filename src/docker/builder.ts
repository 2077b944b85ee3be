// Executes the builder plan (src/plan/builder.ts) and reports what the builder is. Facts come from the cheapest
// source that knows them: buildx's store files and the Engine API (a few ms) for the current Docker context's own
// builder on a local engine; BuildKit (`buildx inspect --bootstrap`, ~0.3 s and a boot) only for a builder that
// only BuildKit can describe — a stored or created builder, a remote engine, a named context. QEMU is registered
// only for platforms the builder lacks, and only where it can help (the engine's own kernel).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { printArgv } from '../argv.js';
import { run, tail } from '../exec.js';
import { log, type Env } from '../runner.js';
import type { BuilderInfo } from '../result.js';
import type { BuilderPlan, CreatePlan } from '../plan/builder.js';
import {
  builderCanDo,
  cacheV2Unsupported,
  canPushByDigest,
  localPlatforms,
  missingPlatforms,
  parseBuildxCurrent,
  parseEngineInfo,
  parseInspect,
  parseStoredBuilder,
  resolveCurrentBuilder,
  type BuildxStoreView,
  type EngineFacts,
  type InspectFacts,
} from './builder-facts.js';
import { buildxVersion } from './buildx-plugin.js';
import { readBinfmt, qemuInstallArgv, BINFMT_MISC, DEFAULT_BINFMT_IMAGE } from './binfmt.js';
import {
  contextName,
  dockerEnv,
  engineEndpoint,
  engineFactsFromApi,
  readCurrentContext,
  type EngineEndpoint,
} from './engine-api.js';

/** What the build and the report need to know about the builder. */
export interface BuilderFacts extends BuilderInfo {
  /** platforms the builder runs (a lower bound when read from the engine: see localPlatforms) */
  platforms: string[];
  /** the docker driver on an engine with the containerd image store */
  containerdStore: boolean;
  /** `push-by-digest=true` works with this builder (not with the docker driver) */
  pushByDigest: boolean;
  /** the engine behind a docker driver */
  engineVersion?: string;
  /** engine-api: buildx's store + Engine API + /proc, no BuildKit round trip; buildkit: `buildx inspect --bootstrap` */
  source: 'engine-api' | 'buildkit';
}

export interface BuilderIO {
  /** the run's DOCKER_CONFIG (its buildx directory links to the user's builders) */
  dockerConfig: string;
  /**
   * The action's environment as the CLI sees it (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH,
   * BUILDX_CONFIG). Undefined: unknown, so every question goes through the CLI.
   */
  env?: Env;
  /** the post step's cleanup state, each time it changes: save it under one state key (removeBuilder reads it) */
  onCleanup: (state: string) => void;
  warnings: string[];
  notices: string[];
  /** binfmt_misc's mount point (tests) */
  binfmtDir?: string;
}

/** What the post step removes: a builder this run created, and the files its creation needed. */
export interface BuilderCleanup {
  name?: string;
  /** argv after `docker` (buildx rm [--keep-state] <name>) */
  remove?: string[];
  filesDir?: string;
}

/** State for the post step: a bare name when that says it all (the state older runs saved), else JSON. */
export function encodeCleanup(c: BuilderCleanup): string {
  const plain = c.name && !c.filesDir && c.remove?.join(' ') === `buildx rm ${c.name}`;
  return plain ? (c.name as string) : JSON.stringify(c);
}

export function decodeCleanup(state: string): BuilderCleanup {
  if (!state) return {};
  if (!state.startsWith('{')) return { name: state, remove: ['buildx', 'rm', state] };
  const doc = JSON.parse(state) as BuilderCleanup;
  return {
    ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
    ...(Array.isArray(doc.remove) ? { remove: doc.remove.map(String) } : {}),
    ...(typeof doc.filesDir === 'string' ? { filesDir: doc.filesDir } : {}),
  };
}

async function docker(args: string[], dockerConfig: string, what: string): Promise<string> {
  const out = await run('docker', args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
  if (out.code !== 0) throw new Error(`${what} failed (${printArgv(['docker', ...args])}): ${tail(out, 4)}`);
  return out.stdout;
}

/** Where buildx keeps its builders (confutil: BUILDX_CONFIG, else $DOCKER_CONFIG/buildx). */
function buildxDir(io: Pick<BuilderIO, 'dockerConfig' | 'env'>): string {
  return io.env?.BUILDX_CONFIG || join(io.dockerConfig, 'buildx');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function storeView(dir: string): BuildxStoreView {
  const current = readText(join(dir, 'current'));
  const instance = (name: string) => {
    const text = readText(join(dir, 'instances', name.toLowerCase()));
    return text === undefined ? undefined : parseStoredBuilder(text);
  };
  return {
    current: current === undefined ? undefined : parseBuildxCurrent(current),
    instance,
    defaultFor: (key) => {
      const hash = createHash('sha256').update(key).digest('hex').slice(0, 20);
      return readText(join(dir, 'defaults', hash))?.trim() || undefined;
    },
  };
}

/** The engine's facts: over its socket when the action can reach it as the CLI would, else `docker info`. */
async function engineFacts(endpoint: EngineEndpoint, dockerConfig: string): Promise<EngineFacts> {
  if (endpoint.kind !== 'cli') {
    try {
      return await engineFactsFromApi(endpoint);
    } catch (e) {
      log.debug(`Engine API at ${endpoint.host} did not answer (${(e as Error).message}); asking the Docker CLI`);
    }
  }
  return parseEngineInfo(JSON.parse(await docker(['info', '--format', '{{json .}}'], dockerConfig, 'docker info')));
}

async function inspect(name: string | undefined, dockerConfig: string, what: string): Promise<InspectFacts> {
  const args = ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])];
  return parseInspect(await docker(args, dockerConfig, what));
}

/** A remote endpoint that accepts a connection (tcp://host:port, unix:///path), or why not. */
export function probeEndpoint(endpoint: string, timeoutMs = 5_000): Promise<string | undefined> {
  const tcp = /^tcp:\/\/\[?([^\]/]+?)\]?:(\d+)\/?$/.exec(endpoint);
  const unix = /^unix:\/\/(\/.+)$/.exec(endpoint);
  const target = tcp ? { host: tcp[1], port: Number(tcp[2]) } : unix ? { path: unix[1] } : undefined;
  if (!target) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const socket = connect(target);
    const done = (why?: string) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer in ${timeoutMs / 1000} s`));
    socket.once('connect', () => done());
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

function writePlannedFiles(c: CreatePlan): void {
  mkdirSync(c.filesDir, { recursive: true, mode: 0o700 });
  for (const f of c.files) writeFileSync(f.path, f.content, { mode: 0o600 });
}

/** Creates the planned builder and boots it; the post step's state is saved before anything can be left behind. */
async function createBuilder(c: CreatePlan, io: BuilderIO): Promise<InspectFacts> {
  const cleanup: BuilderCleanup = c.files.length ? { filesDir: c.filesDir } : {};
  if (c.files.length) {
    io.onCleanup(encodeCleanup(cleanup));
    writePlannedFiles(c);
  }
  // A dead endpoint makes BuildKit wait 20 s and then say only "context deadline exceeded": dial it meanwhile.
  const probes = Promise.all(c.probe.map(async (ep) => ({ ep, why: await probeEndpoint(ep) })));
  await docker(c.create, io.dockerConfig, `Creating the builder ${c.name}`);
  if (c.remove) io.onCleanup(encodeCleanup({ ...cleanup, name: c.name, remove: c.remove }));
  else if (c.files.length) io.notices.push(`cleanup: false: the builder ${c.name} and ${c.filesDir} are kept.`);
  for (const argv of c.append) await docker(argv, io.dockerConfig, `Appending a node to the builder ${c.name}`);
  const dead = (await probes).filter((p) => p.why);
  if (dead.length) {
    const list = dead.map((p) => `${p.ep} (${p.why})`).join(', ');
    throw new Error(
      `The remote BuildKit endpoint ${list} of the builder ${c.name} does not answer. Check the endpoint input and that buildkitd listens there.`,
    );
  }
  return inspect(c.name, io.dockerConfig, `Booting the builder ${c.name} (driver ${c.driver})`);
}

/** The questions every builder choice starts with, asked at once (see startBuilderProbes). */
export interface BuilderProbes {
  endpoint: EngineEndpoint;
  context: string;
  /** the default context's host, or the context's name: what buildx keys its current builder by */
  key: string;
  store: BuildxStoreView;
  engine: () => Promise<EngineFacts>;
  version: Promise<{ version: string; via: string }>;
  /** the version, if the probe has answered already (never waits) */
  settledVersion(): string | undefined;
}

type Probe = BuilderProbes;

/**
 * Starts the builder's probes (buildx version from the plugin, the engine over its socket) without waiting for
 * them. A caller may start them before the login, which takes longer, so setUpBuilder finds them answered.
 */
export function startBuilderProbes(io: Pick<BuilderIO, 'dockerConfig' | 'env'>): BuilderProbes {
  const env = io.env ? dockerEnv(io.env) : undefined;
  const currentContext = readCurrentContext(io.dockerConfig);
  const endpoint: EngineEndpoint = env
    ? engineEndpoint(env, currentContext)
    : { kind: 'cli', host: 'unknown', reason: 'the environment was not passed down' };
  const context = env ? contextName(env, currentContext) : (currentContext ?? 'default');
  const version = buildxVersion(io.dockerConfig);
  let settled: string | undefined;
  version.then(
    (v) => (settled = v.version),
    () => undefined,
  );
  // Over the socket the engine is asked at once (a few ms); through the CLI only when a docker driver needs it,
  // since a remote builder may run where no engine answers.
  let engine: Promise<EngineFacts> | undefined;
  const ask = () => (engine ??= engineFacts(endpoint, io.dockerConfig));
  if (endpoint.kind !== 'cli') ask().catch(() => undefined);
  return {
    endpoint,
    context,
    key: endpoint.host,
    store: storeView(buildxDir(io)),
    engine: ask,
    version,
    settledVersion: () => settled,
  };
}

function dockerFacts(name: string, engine: EngineFacts, platforms: string[], source: BuilderFacts['source']) {
  return {
    name,
    driver: 'docker',
    buildkitVersion: `of Docker Engine ${engine.version}`,
    platforms,
    containerdStore: engine.containerdStore,
    engineVersion: engine.version,
    source,
  };
}

type Found = Omit<BuilderFacts, 'buildxVersion' | 'created' | 'pushByDigest'>;

/** The context's own builder (driver docker) read without BuildKit: the engine's facts + binfmt_misc. */
async function contextBuilderFast(name: string, probe: Probe, io: BuilderIO): Promise<Found> {
  const engine = await probe.engine();
  const binfmt = readBinfmt(io.binfmtDir ?? BINFMT_MISC);
  return dockerFacts(name, engine, localPlatforms(engine.platform, binfmt.entries, binfmt.enabled), 'engine-api');
}

/** Facts from BuildKit; a docker driver also needs the engine's image store. */
async function fromBuildkit(name: string | undefined, probe: Probe, io: BuilderIO, what: string): Promise<Found> {
  // A context's builder has the docker driver: ask the engine at the same time as BuildKit.
  if (name === undefined || !probe.store.instance(name)) probe.engine().catch(() => undefined);
  return asFound(await inspect(name, io.dockerConfig, what), probe);
}

/** A named builder (or context), read the cheapest way that is exact. */
async function namedBuilder(name: string, probe: Probe, io: BuilderIO): Promise<Found> {
  const local = probe.endpoint.kind === 'unix';
  if (!probe.store.instance(name) && name === probe.context && local) return contextBuilderFast(name, probe, io);
  return fromBuildkit(name, probe, io, `Inspecting the buildx builder ${name}`);
}

function cannot(name: string, why: string, hint: string): Error {
  return new Error(`The builder "${name}" cannot do this build: ${why}. ${hint}`);
}

async function choose(plan: BuilderPlan, probe: Probe, io: BuilderIO): Promise<Found & { created: boolean }> {
  const c = plan.choice;
  switch (c.kind) {
    case 'named': {
      const found = await namedBuilder(c.name, probe, io);
      const can = builderCanDo(found.driver, found.containerdStore, plan.needs);
      if (!can.ok)
        throw cannot(
          c.name,
          can.why,
          'Choose another builder, or leave builder empty (a docker-container builder is created when needed).',
        );
      return { ...found, created: false };
    }
    case 'docker': {
      const found = await namedBuilder(probe.context, probe, io);
      const can = builderCanDo(found.driver, found.containerdStore, plan.needs);
      if (!can.ok)
        throw cannot(found.name, can.why, 'Use driver: docker-container, or turn on the containerd image store.');
      return { ...found, created: false };
    }
    case 'create': {
      const existing = c.reuseExisting ? probe.store.instance(c.create.name) : undefined;
      if (existing) {
        if (existing.driver !== c.create.driver) {
          throw new Error(
            `The builder "${c.create.name}" exists with driver ${existing.driver}, not ${c.create.driver}: choose another builder name or driver.`,
          );
        }
        log.info(`Using the existing builder ${c.create.name}`);
        return {
          ...(await fromBuildkit(c.create.name, probe, io, `Booting the builder ${c.create.name}`)),
          created: false,
        };
      }
      const facts = await createBuilder(c.create, io);
      return { ...(await asFound(facts, probe)), created: true };
    }
    case 'current': {
      const current = resolveCurrentBuilder(probe.store, probe.key, probe.context);
      const found =
        current.kind === 'context' && probe.endpoint.kind === 'unix'
          ? await contextBuilderFast(current.name, probe, io)
          : await fromBuildkit(undefined, probe, io, 'Inspecting the current buildx builder');
      const can = builderCanDo(found.driver, found.containerdStore, plan.needs);
      if (can.ok) {
        if (c.unusedIfCurrent.length) {
          io.notices.push(
            `${c.unusedIfCurrent.join(', ')} not used: the current builder ${found.name} can build this, so none is created (set driver: docker-container to always create one).`,
          );
        }
        return { ...found, created: false };
      }
      log.info(`Creating a docker-container builder: ${can.why}`);
      const facts = await createBuilder(c.fallback, io);
      return { ...(await asFound(facts, probe)), created: true };
    }
  }
}

async function asFound(facts: InspectFacts, probe: Probe): Promise<Found> {
  if (facts.driver === 'docker') {
    const engine = await probe.engine();
    return { ...dockerFacts(facts.name, engine, facts.platforms, 'buildkit'), buildkitVersion: facts.buildkitVersion };
  }
  return {
    name: facts.name,
    driver: facts.driver,
    buildkitVersion: facts.buildkitVersion,
    platforms: facts.platforms,
    containerdStore: false,
    source: 'buildkit',
  };
}

/** QEMU for requested platforms the builder lacks; returns the builder's platforms afterwards. */
async function ensurePlatforms(plan: BuilderPlan, found: Found, probe: Probe, io: BuilderIO): Promise<Found> {
  let facts = found;
  let missing = missingPlatforms(plan.platforms, facts.platforms);
  if (!missing.length) return facts;
  if (facts.source === 'engine-api') {
    // The engine-side list is a lower bound (no amd64 levels, no 32-bit modes): BuildKit has the last word.
    facts = await fromBuildkit(facts.name, probe, io, `Inspecting the buildx builder ${facts.name}`);
    missing = missingPlatforms(plan.platforms, facts.platforms);
    if (!missing.length) return facts;
  }
  if (facts.driver !== 'docker' && facts.driver !== 'docker-container') {
    io.warnings.push(
      `The builder ${facts.name} (driver ${facts.driver}) lists no ${missing.join(', ')}; QEMU on this runner cannot help a builder that runs elsewhere, so these platforms may fail to build.`,
    );
    return facts;
  }
  const image = plan.qemuImage || DEFAULT_BINFMT_IMAGE;
  log.info(`Registering QEMU for ${missing.join(', ')} with ${image}`);
  const out = await run('docker', qemuInstallArgv(image, missing), {
    secrets: [],
    env: { DOCKER_CONFIG: io.dockerConfig },
  });
  if (out.code !== 0) {
    io.warnings.push(`QEMU registration for ${missing.join(', ')} failed: ${tail(out, 2)}`);
    return facts;
  }
  facts = await fromBuildkit(facts.name, probe, io, `Inspecting the buildx builder ${facts.name}`);
  const still = missingPlatforms(plan.platforms, facts.platforms);
  if (still.length) {
    io.warnings.push(`QEMU registration with ${image} did not make ${still.join(', ')} available: ${tail(out, 2)}`);
  }
  return facts;
}

/** Executes the plan: the builder the build will use, ready, with QEMU for every platform asked for. */
export async function setUpBuilder(
  plan: BuilderPlan,
  io: BuilderIO,
  probe: BuilderProbes = startBuilderProbes(io),
): Promise<BuilderFacts> {
  const chosen = await choose(plan, probe, io);
  // buildx's version decides only whether the GitHub cache v2 can work; otherwise it is a fact for the summary,
  // and waiting for it here would hold the build back (the version probe is a process of its own)
  const version = plan.needs.cacheV2 ? (await probe.version).version : probe.settledVersion();
  const found = await ensurePlatforms(plan, chosen, probe, io);
  const facts: BuilderFacts = {
    ...found,
    buildxVersion: version ?? 'unknown',
    created: chosen.created,
    pushByDigest: canPushByDigest(found.driver),
  };
  log.info(
    `Builder ${facts.name} (driver ${facts.driver}${facts.containerdStore ? ', containerd image store' : ''}): ` +
      `${version ? `buildx ${version}, ` : ''}BuildKit ${facts.buildkitVersion}`,
  );
  log.debug(`Builder facts from ${facts.source}; engine endpoint ${probe.endpoint.host} (${probe.endpoint.kind})`);
  if (plan.needs.cacheV2 && version && cacheV2Unsupported(version)) {
    io.warnings.push(
      `This runtime offers only the GitHub cache service v2, which buildx ${version} cannot use (needs buildx ≥ 0.21 and BuildKit ≥ 0.20): the build runs without the GitHub cache.`,
    );
  }
  return facts;
}

/** The post step: removes the builder this run created (per its cleanup state) and the files its creation wrote. */
export async function removeBuilder(state: string, dockerConfig: string): Promise<void> {
  const c = decodeCleanup(state);
  if (c.name && c.remove) {
    const out = await run('docker', c.remove, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    log.info(out.code === 0 ? `Removed builder ${c.name}` : `Removing builder ${c.name}: ${tail(out, 1)}`);
  }
  if (c.filesDir) {
    rmSync(c.filesDir, { recursive: true, force: true });
    log.info(`Removed ${c.filesDir}`);
  }
}
