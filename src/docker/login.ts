// The run's logins, into the run's isolated DOCKER_CONFIG. The same credentials then serve the read-back and the
// attestation; the merge needs no Docker CLI at all.
//
// `docker login` asks the engine to check the login (POST /auth), then writes config.json. When the action reaches
// the engine itself (a local socket, plain tcp: engine-api.ts) it does the same two things without starting the CLI
// (~30 ms and a process on the path before the build, measured by scripts/trace-docker.mjs). Anything but the
// engine's yes — a refused password, an unreachable registry, an engine only the CLI can reach — goes to
// `docker login` itself (password on stdin), which also tries without the engine and words the failure.
import { run, tail } from '../exec.js';
import { log } from '../runner.js';
import { dockerLoginAddress, type Credential } from '../registry/identity.js';
import { storeLogins } from './config.js';
import { engineLogin, type EngineEndpoint } from './engine-api.js';

export { resolveCredentials } from './credentials.js';

async function cliLogin(c: Credential, dockerConfig: string, secrets: readonly string[]): Promise<void> {
  const out = await run('docker', ['login', '--username', c.username, '--password-stdin', c.registry], {
    secrets,
    input: c.password,
    env: { DOCKER_CONFIG: dockerConfig },
  });
  if (out.code !== 0) {
    throw new Error(
      `Login to ${c.registry} as ${c.username} failed: ${tail(out, 3)}\n` +
        'Check the username and password (or registry-auth) inputs and that the registry is reachable.',
    );
  }
}

/** Logs in with every credential: checked by the engine where it can be asked, else by `docker login`. */
export async function login(
  credentials: readonly Credential[],
  dockerConfig: string,
  secrets: readonly string[],
  engine: EngineEndpoint,
): Promise<void> {
  for (const c of credentials) log.info(`Logging in to ${c.registry} as ${c.username} (${c.source})`);
  const checked = await Promise.all(
    credentials.map(async (c) => {
      const serverAddress = dockerLoginAddress(c.registry);
      const yes =
        engine.kind === 'cli'
          ? undefined
          : await engineLogin(engine, { username: c.username, password: c.password, serverAddress });
      return { c, serverAddress, yes };
    }),
  );
  const accepted = checked.flatMap(({ c, serverAddress, yes }) =>
    yes ? [{ serverAddress, username: c.username, password: c.password, identityToken: yes.identityToken }] : [],
  );
  if (accepted.length) storeLogins(dockerConfig, accepted);
  // one at a time: each `docker login` rewrites config.json
  for (const { c, yes } of checked) if (!yes) await cliLogin(c, dockerConfig, secrets);
}

export async function logout(registries: readonly string[], dockerConfig: string): Promise<void> {
  for (const registry of registries) {
    const out = await run('docker', ['logout', registry], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    log.info(out.code === 0 ? `Logged out of ${registry}` : `Logout of ${registry}: ${tail(out, 1)}`);
  }
}
