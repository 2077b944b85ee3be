// An isolated DOCKER_CONFIG for this run: our credentials go into a config.json nobody else reads, and the post
// step deletes it. The user's CLI plugins, buildx builders and contexts stay visible through symlinks, so a
// buildx installed by setup-buildx-action under ~/.docker keeps working.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** A login to store as `docker login` stores it in a config without a credential store. */
export interface StoredLogin {
  /** the server address (dockerLoginAddress): the entry's key */
  serverAddress: string;
  username: string;
  password: string;
  /** given by some registries instead of keeping the password (the CLI then stores no password) */
  identityToken?: string;
}

/**
 * Writes logins into the run's config.json the way the CLI's file store does: `auth` is base64 of
 * `username:password` (the password left out when an identity token replaces it). Written to a new file and renamed,
 * mode 0600, so buildx never reads half a file.
 */
export function storeLogins(dir: string, logins: readonly StoredLogin[]): void {
  const file = join(dir, 'config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { auths?: Record<string, unknown> };
  const auths = (config.auths ??= {});
  for (const l of logins) {
    const password = l.identityToken ? '' : l.password;
    auths[l.serverAddress] = {
      auth: Buffer.from(`${l.username}:${password}`).toString('base64'),
      ...(l.identityToken ? { identitytoken: l.identityToken } : {}),
    };
  }
  const next = `${file}.tmp`; // the directory is this run's alone
  writeFileSync(next, `${JSON.stringify(config)}\n`, { mode: 0o600 });
  renameSync(next, file);
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
