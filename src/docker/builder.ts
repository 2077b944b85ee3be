// Choose the buildx builder: the selected one when it can do what the plan needs, else a docker-container
// builder created for this run (removed in post). QEMU is registered only for platforms the builder lacks.
import { existsSync } from 'node:fs';
import { run, tail } from '../exec.js';
import { log } from '../runner.js';
import { parsePlatform, qemuArch } from '../platform.js';
import type { BuilderInfo } from '../result.js';
import {
  builderCanDo,
  cacheV2Unsupported,
  missingPlatforms,
  parseBuildxVersion,
  parseInspect,
  usesContainerdStore,
  type BuilderNeeds,
} from './builder-facts.js';

export interface BuilderRequest {
  builder?: string;
  platforms: string[];
  needs: BuilderNeeds;
  cacheV2: boolean;
  dockerConfig: string;
  /** name for a builder this run creates */
  createName: string;
  /** its driver options (network=host unless another network is given) */
  driverOpts: string[];
  onCreated: (name: string) => void;
}

async function docker(args: string[], dockerConfig: string, what: string): Promise<string> {
  const out = await run('docker', args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
  if (out.code !== 0) throw new Error(`${what} failed (docker ${args.join(' ')}): ${tail(out, 4)}`);
  return out.stdout;
}

async function inspect(name: string | undefined, dockerConfig: string) {
  const args = ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])];
  return parseInspect(await docker(args, dockerConfig, 'Inspecting the buildx builder'));
}

async function registerQemu(platforms: string[], dockerConfig: string, warnings: string[]): Promise<void> {
  for (const p of platforms) {
    const arch = qemuArch(parsePlatform('platforms', p));
    if (existsSync(`/proc/sys/fs/binfmt_misc/qemu-${arch}`)) continue;
    log.info(`Registering QEMU for ${p} (qemu-${arch})`);
    // The same registration docker/setup-qemu-action performs.
    const out = await run(
      'docker',
      ['run', '--rm', '--privileged', '--network', 'none', 'tonistiigi/binfmt:latest', '--install', arch],
      { secrets: [], env: { DOCKER_CONFIG: dockerConfig } },
    );
    if (out.code !== 0) warnings.push(`QEMU registration for ${p} failed: ${tail(out, 2)}`);
  }
}

export async function prepareBuilder(req: BuilderRequest, warnings: string[]): Promise<BuilderInfo> {
  // Three independent questions to the engine, asked at once: each docker CLI start costs ~50 ms.
  const [versionText, initialFacts, driverStatus] = await Promise.all([
    docker(['buildx', 'version'], req.dockerConfig, 'buildx'),
    inspect(req.builder, req.dockerConfig),
    docker(['info', '--format', '{{json .DriverStatus}}'], req.dockerConfig, 'docker info'),
  ]);
  const buildxVersion = parseBuildxVersion(versionText);
  let facts = initialFacts;
  let created = false;
  const containerd = facts.driver === 'docker' && usesContainerdStore(driverStatus);
  const can = builderCanDo(facts.driver, containerd, req.needs);
  if (!can.ok) {
    if (req.builder)
      throw new Error(
        `The builder "${req.builder}" cannot do this build: ${can.why}. Choose another builder or leave builder empty.`,
      );
    log.info(`Creating a docker-container builder: ${can.why}`);
    const opts = req.driverOpts.some((o) => o.startsWith('network='))
      ? req.driverOpts
      : ['network=host', ...req.driverOpts];
    await docker(
      [
        'buildx',
        'create',
        '--name',
        req.createName,
        '--driver',
        'docker-container',
        ...opts.flatMap((o) => ['--driver-opt', o]),
      ],
      req.dockerConfig,
      'Creating a buildx builder',
    );
    req.onCreated(req.createName);
    created = true;
    facts = await inspect(req.createName, req.dockerConfig);
  }
  const missing = missingPlatforms(req.platforms, facts.platforms);
  if (missing.length) {
    await registerQemu(missing, req.dockerConfig, warnings);
    facts = await inspect(facts.name || req.builder, req.dockerConfig);
  }
  log.info(
    `Builder ${facts.name} (driver ${facts.driver}${containerd ? ', containerd image store' : ''}): buildx ${buildxVersion}, BuildKit ${facts.buildkitVersion}`,
  );
  if (req.cacheV2 && cacheV2Unsupported(buildxVersion)) {
    warnings.push(
      `This runtime offers only the GitHub cache service v2, which buildx ${buildxVersion} cannot use (needs buildx ≥ 0.21 and BuildKit ≥ 0.20): the build runs without the GitHub cache.`,
    );
  }
  return { name: facts.name, driver: facts.driver, buildxVersion, buildkitVersion: facts.buildkitVersion, created };
}

export async function removeBuilder(name: string, dockerConfig: string): Promise<void> {
  const out = await run('docker', ['buildx', 'rm', name], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
  log.info(out.code === 0 ? `Removed builder ${name}` : `Removing builder ${name}: ${tail(out, 1)}`);
}
