// What the publish and the leg flows do first, the same way: the run's own Docker config (saved for the post step
// before any credential is written), the builder probes (started at once: they need no login), then the logins
// and one registry session for the step. The merge needs none of this: it speaks to registries only.
import { STATE } from '../post-state.js';
import type { BuildLegPlan, PublishPlan } from '../plan/types.js';
import type { Credential } from '../registry/identity.js';
import type { RunResult } from '../result.js';
import { saveState } from '../runner.js';
import { openRegistries, type RegistrySession } from './registries.js';
import type { FlowEnv } from './types.js';

type Effects = typeof import('../docker/effects.js');

export interface DockerSteps {
  docker: Effects;
  dockerConfig: string;
  builderIO: Parameters<Effects['setUpBuilder']>[1];
  probes: ReturnType<Effects['startBuilderProbes']>;
  /** the buildx version for the report: the probe was not waited for before the build unless a decision needed it */
  settleBuildxVersion(): Promise<void>;
  /** resolve the credentials (ECR from AWS), log in with each (docker/login.ts), open the registry session */
  login(): Promise<{ credentials: Credential[]; registries: RegistrySession }>;
}

export async function startDockerSteps(
  plan: PublishPlan | BuildLegPlan,
  flow: FlowEnv,
  result: RunResult,
): Promise<DockerSteps> {
  const { env, secrets } = flow;
  const docker = await import('../docker/effects.js');
  docker.setBaseEnvironment(env);
  const dockerConfig = docker.createDockerConfig(plan.workDir, plan.userDockerConfig);
  saveState(env, STATE.dockerConfig, dockerConfig);
  saveState(env, STATE.logout, String(plan.logout));
  const builderIO = {
    dockerConfig,
    env,
    onCleanup: (state: string) => saveState(env, STATE.builder, state),
    warnings: result.warnings,
    notices: (result.notices ??= []),
  };
  const probes = docker.startBuilderProbes(builderIO);
  return {
    docker,
    dockerConfig,
    builderIO,
    probes,
    async settleBuildxVersion() {
      if (result.builder?.buildxVersion !== 'unknown') return;
      result.builder.buildxVersion = await probes.version.then(
        (v) => v.version,
        () => 'unknown',
      );
    },
    async login() {
      const credentials = await docker.resolveCredentials(plan.logins, secrets);
      saveState(env, STATE.registries, credentials.map((c) => c.registry).join(','));
      await docker.login(credentials, dockerConfig, secrets, probes.endpoint);
      return { credentials, registries: openRegistries(credentials, env) };
    },
  };
}
