// An isolated DOCKER_CONFIG for this run: our credentials go into a config.json nobody else reads, and the post
// step deletes it. The user's CLI plugins, buildx builders and contexts stay visible through symlinks, so a
// buildx installed by setup-buildx-action under ~/.docker keeps working.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED_ENTRIES = ['cli-plugins', 'buildx', 'contexts'];

/**
 * Settings of the user's config.json that change what the CLI and buildx do, kept in the run's config: the
 * current context, extra plugin directories and the proxies the CLI hands to builds. Credentials (auths,
 * credsStore, credHelpers) are never copied: this run's config holds this run's logins only.
 */
const KEPT_SETTINGS = ['currentContext', 'cliPluginsExtraDirs', 'proxies'];

function keptSettings(userConfigDir: string): Record<string, unknown> {
  try {
    const user = JSON.parse(readFileSync(join(userConfigDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    return Object.fromEntries(KEPT_SETTINGS.filter((k) => user[k] !== undefined).map((k) => [k, user[k]]));
  } catch {
    return {}; // no user config (the usual case on a runner), or one the CLI itself could not read
  }
}

export function dockerConfigDir(workDir: string): string {
  return join(workDir, 'docker-config');
}

/** `userConfigDir`: the user's DOCKER_CONFIG (or ~/.docker), whose plugins, builders and contexts stay visible. */
export function createDockerConfig(workDir: string, userConfigDir: string): string {
  const dir = dockerConfigDir(workDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify({ auths: {}, ...keptSettings(userConfigDir) })}\n`, {
    mode: 0o600,
  });
  for (const entry of SHARED_ENTRIES) {
    const source = join(userConfigDir, entry);
    const target = join(dir, entry);
    if (existsSync(source) && !existsSync(target)) symlinkSync(source, target);
  }
  return dir;
}

export function removeDockerConfig(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The CLI keeps credentials outside config.json when it names a credential store or per-registry helpers. */
export function usesCredentialStore(dir: string): boolean {
  try {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    const helpers = config.credHelpers as Record<string, unknown> | undefined;
    return !!config.credsStore || (!!helpers && Object.keys(helpers).length > 0);
  } catch {
    return true; // unreadable: log out to be safe
  }
}
