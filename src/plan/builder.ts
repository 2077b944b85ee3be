// The builder decision, pure: which builder the build uses, or the exact `docker buildx create` (and `--append`)
// argv of the one this run creates, the files those commands read, and what the post step removes. The effect
// (src/docker/builder.ts) executes this and only measures what it cannot know beforehand (which builder is
// current, whether it can do the job, which platforms it has); a dry-run shows the plan as it is.
import type { BuilderDriver, BuilderInputs, BuilderNodeInputs, NodeTls } from '../inputs/builder.js';
import type { BuilderNeeds } from '../docker/builder-facts.js';
import type { CachePlan } from './types.js';
import { printArgv } from '../argv.js';

/** A file written (mode 0600) before `buildx create` reads it. */
export interface PlannedFile {
  path: string;
  content: string;
  /** TLS material: never printed, removed in post */
  secret: boolean;
}

/** A builder this run creates. */
export interface CreatePlan {
  name: string;
  driver: Exclude<BuilderDriver, 'docker'>;
  /** argv after `docker`: buildx create … */
  create: string[];
  /** argv after `docker`, one per appended node: buildx create --name <name> --append … */
  append: string[][];
  /** written before create, under filesDir */
  files: PlannedFile[];
  filesDir: string;
  /** remote BuildKit endpoints that must accept a connection (a dead one fails at once, naming itself) */
  probe: string[];
  /** argv after `docker` for the post step (undefined: `cleanup: false` keeps the builder) */
  remove?: string[];
}

export type BuilderChoice =
  /** the builder `docker buildx build` would use anyway, when it can do the job; else `fallback` is created */
  | { kind: 'current'; fallback: CreatePlan; unusedIfCurrent: string[] }
  /** a builder named by `builder` (or BUILDX_BUILDER): it must do the job */
  | { kind: 'named'; name: string; source: 'builder' | 'BUILDX_BUILDER' }
  /** `driver: docker`: the current Docker context's own builder */
  | { kind: 'docker' }
  /** `driver` given: create this builder (reuse it when a builder of that name exists) */
  | { kind: 'create'; create: CreatePlan; reuseExisting: boolean };

export interface BuilderPlan {
  choice: BuilderChoice;
  /** the build's target platforms (QEMU is registered for those the builder lacks) */
  platforms: string[];
  needs: BuilderNeeds;
  /** the binfmt image that registers QEMU (setup-qemu-action's `image`) */
  qemuImage: string;
  notices: string[];
}

export interface BuilderPlanFacts {
  /** the run's own directory (files go under <workDir>/buildx) */
  workDir: string;
  /** the name for a builder this run creates when `builder` does not name one */
  createName: string;
  platforms: string[];
  needs: BuilderNeeds;
}

/** setup-buildx-action's flags when none are given, for the drivers that take buildkitd flags. */
export const DEFAULT_BUILDKITD_FLAGS =
  '--allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host';

/** Inputs that only shape a builder this run creates (listed when the current builder is used instead). */
const CREATION_INPUTS: { name: string; given: (i: BuilderInputs) => boolean }[] = [
  { name: 'driver-opts', given: (i) => i.node.driverOpts.length > 0 },
  { name: 'endpoint', given: (i) => i.node.endpoint !== undefined },
  { name: 'buildkitd-flags', given: (i) => i.node.buildkitdFlags !== undefined },
  { name: 'buildkitd-config', given: (i) => i.node.buildkitdConfig?.kind === 'file' },
  { name: 'buildkitd-config-inline', given: (i) => i.node.buildkitdConfig?.kind === 'inline' },
  { name: 'builder-platforms', given: (i) => i.node.platforms.length > 0 },
  { name: 'append', given: (i) => i.append.length > 0 },
  { name: 'keep-state', given: (i) => i.keepState },
  { name: 'use', given: (i) => i.use },
];

/**
 * Driver options for a docker-container node: network=host unless the user chose a network. Runners here have no
 * bridge network, and BuildKit in a bridged container cannot reach registries on 127.0.0.1.
 */
function nodeDriverOpts(driver: BuilderDriver, opts: readonly string[]): string[] {
  if (driver !== 'docker-container' || opts.some((o) => o.startsWith('network='))) return [...opts];
  return ['network=host', ...opts];
}

function takesBuildkitdFlags(driver: BuilderDriver): boolean {
  return driver === 'docker-container' || driver === 'kubernetes';
}

function tlsFor(tls: readonly NodeTls[], node: number): NodeTls | undefined {
  return tls.find((t) => t.node === node);
}

const TLS_PARTS = ['cacert', 'cert', 'key'] as const;

interface NodeArgs {
  argv: string[];
  files: PlannedFile[];
}

/** The flags of one node, in setup-buildx-action's order: driver opts, buildkitd flags, platforms, config. */
function nodeArgs(
  driver: Exclude<BuilderDriver, 'docker'>,
  node: BuilderNodeInputs,
  index: number,
  tls: NodeTls | undefined,
  filesDir: string,
  use: boolean,
  notices: string[],
): NodeArgs {
  const files: PlannedFile[] = [];
  const opts = nodeDriverOpts(driver, node.driverOpts);
  if (tls) {
    const tcp = node.endpoint?.startsWith('tcp://');
    if (driver === 'remote' && tcp) {
      for (const part of TLS_PARTS) {
        const content = tls[part];
        if (!content) continue;
        const path = `${filesDir}/node${index}-${part}.pem`;
        files.push({ path, content, secret: true });
        opts.push(`${part}=${path}`);
      }
    } else {
      notices.push(
        `BUILDER_NODE_${index}_AUTH_TLS_* ignored: only a remote node with a tcp:// endpoint uses TLS files (node ${index} is ${driver}${node.endpoint ? ` at ${node.endpoint}` : ''}).`,
      );
    }
  }
  const argv = opts.flatMap((o) => ['--driver-opt', o]);
  if (node.buildkitdFlags) argv.push('--buildkitd-flags', node.buildkitdFlags);
  else if (takesBuildkitdFlags(driver)) argv.push('--buildkitd-flags', DEFAULT_BUILDKITD_FLAGS);
  if (node.platforms.length) argv.push('--platform', node.platforms.join(','));
  if (use) argv.push('--use');
  const config = node.buildkitdConfig;
  if (config?.kind === 'file') argv.push('--config', config.path);
  if (config?.kind === 'inline') {
    const path = `${filesDir}/buildkitd-node${index}.toml`;
    files.push({ path, content: config.text, secret: false });
    argv.push('--config', path);
  }
  if (node.endpoint) argv.push(node.endpoint);
  return { argv, files };
}

/** Endpoints a remote node dials directly (tcp, unix): checked before BuildKit is asked, which waits 20 s. */
function probeable(driver: BuilderDriver, endpoint: string | undefined): endpoint is string {
  return driver === 'remote' && !!endpoint && /^(tcp|unix):\/\//.test(endpoint);
}

function planCreate(
  inputs: BuilderInputs,
  driver: Exclude<BuilderDriver, 'docker'>,
  name: string,
  workDir: string,
  notices: string[],
): CreatePlan {
  const filesDir = `${workDir.replace(/\/$/, '')}/buildx`;
  const main = nodeArgs(driver, inputs.node, 0, tlsFor(inputs.tls, 0), filesDir, inputs.use, notices);
  const appended = inputs.append.map((node, i) => {
    const args = nodeArgs(driver, node, i + 1, tlsFor(inputs.tls, i + 1), filesDir, false, notices);
    const nodeName = node.name ? ['--node', node.name] : [];
    return { argv: ['buildx', 'create', '--name', name, '--append', ...nodeName, ...args.argv], files: args.files };
  });
  const endpoints = [inputs.node.endpoint, ...inputs.append.map((n) => n.endpoint)];
  return {
    name,
    driver,
    create: ['buildx', 'create', '--name', name, '--driver', driver, ...main.argv],
    append: appended.map((a) => a.argv),
    files: [...main.files, ...appended.flatMap((a) => a.files)],
    filesDir,
    probe: endpoints.filter((e): e is string => probeable(driver, e)),
    remove: inputs.cleanup ? ['buildx', 'rm', ...(inputs.keepState ? ['--keep-state'] : []), name] : undefined,
  };
}

/** Notices for the setup-buildx/setup-qemu inputs this action accepts but has no use for. */
export function planBuilder(inputs: BuilderInputs, facts: BuilderPlanFacts): BuilderPlan {
  const notices: string[] = [];
  const common = { platforms: facts.platforms, needs: facts.needs, qemuImage: inputs.qemu.image };
  let choice: BuilderChoice;
  if (inputs.driver === 'docker') {
    choice = { kind: 'docker' };
  } else if (inputs.driver) {
    const name = inputs.name ?? facts.createName;
    choice = {
      kind: 'create',
      create: planCreate(inputs, inputs.driver, name, facts.workDir, notices),
      reuseExisting: inputs.name !== undefined,
    };
  } else if (inputs.name || inputs.envBuilder) {
    choice = inputs.name
      ? { kind: 'named', name: inputs.name, source: 'builder' }
      : { kind: 'named', name: inputs.envBuilder as string, source: 'BUILDX_BUILDER' };
    const unused = CREATION_INPUTS.filter((c) => c.given(inputs)).map((c) => c.name);
    if (unused.length) {
      notices.push(
        `${unused.join(', ')} ignored: they shape a builder this run creates, and the builder "${choice.name}" is used as it is (set driver to create one).`,
      );
    }
  } else {
    choice = {
      kind: 'current',
      fallback: planCreate(inputs, 'docker-container', facts.createName, facts.workDir, notices),
      unusedIfCurrent: CREATION_INPUTS.filter((c) => c.given(inputs)).map((c) => c.name),
    };
  }
  return { choice, ...common, notices };
}

/** The plan in words, for a dry-run and the summary: never a file's content. */
export function describeBuilderPlan(plan: BuilderPlan): string[] {
  const show = (argv: string[]) => printArgv(['docker', ...argv]);
  const create = (c: CreatePlan) => [
    ...(c.files.length ? [`write ${c.files.length} file(s) under ${c.filesDir} (mode 0600)`] : []),
    show(c.create),
    ...c.append.map(show),
    ...(c.remove ? [`post: ${show(c.remove)}`] : ['post: the builder is kept (cleanup: false)']),
  ];
  const c = plan.choice;
  switch (c.kind) {
    case 'current':
      return ['the current builder if it can build this, else:', ...create(c.fallback).map((l) => `  ${l}`)];
    case 'named':
      return [`the builder ${c.name} (from ${c.source})`];
    case 'docker':
      return ["the current Docker context's builder (driver docker)"];
    case 'create':
      return [
        ...(c.reuseExisting ? [`the builder ${c.create.name} if it exists, else:`] : []),
        ...create(c.create).map((l) => (c.reuseExisting ? `  ${l}` : l)),
      ];
  }
}

/** The builder a build of these platforms with this cache needs; its notices join the plan's. */
export function planBuildBuilder(
  inputs: BuilderInputs,
  build: { workDir: string; createName: string; platforms: string[]; cache: CachePlan; pushByDigest?: boolean },
  notices: string[],
): BuilderPlan {
  const { cache, platforms } = build;
  const plan = planBuilder(inputs, {
    workDir: build.workDir,
    createName: build.createName,
    platforms,
    needs: {
      multiPlatform: platforms.length > 1,
      cacheExport: cache.to.length > 0,
      cacheV2: cache.source === 'gha' && cache.service.kind === 'v2',
      ...(build.pushByDigest ? { pushByDigest: true } : {}),
    },
  });
  notices.push(...plan.notices);
  return plan;
}
