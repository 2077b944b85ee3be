// The post step: runs after the job even when the main step failed. Removes a builder this run created, logs
// out of every registry and deletes the run's DOCKER_CONFIG, so no credential outlives the job.
import { existsSync } from 'node:fs';
import { removeDockerConfig, usesCredentialStore } from './docker/config.js';
import { STATE } from './post-state.js';
import { getState, log, type Env } from './runner.js';

export async function post(env: Env): Promise<void> {
  const dockerConfig = getState(env, STATE.dockerConfig);
  const builder = getState(env, STATE.builder);
  const registries = getState(env, STATE.registries).split(',').filter(Boolean);
  if (!dockerConfig && !builder) {
    log.info('Nothing to clean up.');
    return;
  }
  // The Docker effects chunk (exec, the registry client's undici, …) only when a process must run: removing the
  // run's config alone is a file operation, and most runs need nothing else (measured by scripts/bench-publish.mjs).
  const effects = async () => {
    const docker = await import('./docker/effects.js');
    docker.setBaseEnvironment(env);
    return docker;
  };
  if (builder) await (await effects()).removeBuilder(builder, dockerConfig);
  if (dockerConfig && existsSync(dockerConfig)) {
    if (getState(env, STATE.logout) === 'false') {
      // login-action's meaning of logout: false: later steps of the job may still use the credentials.
      log.warning(`logout is false: the registry credentials stay in ${dockerConfig} until the runner is cleaned.`);
      return;
    }
    // With credentials in config.json itself, deleting the run's config removes them; `docker logout` is needed
    // only when the CLI put them in a credential store (credsStore/credHelpers), which outlives the directory.
    if (usesCredentialStore(dockerConfig)) await (await effects()).logout(registries, dockerConfig);
    removeDockerConfig(dockerConfig);
    log.info(`Removed ${dockerConfig}`);
  }
}
