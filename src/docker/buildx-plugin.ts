// The buildx version straight from the plugin binary: `docker-buildx version` skips the Docker CLI's start and
// plugin discovery (`docker buildx version` runs two programs, ~0.2 s; the plugin alone ~0.1 s). The binary is
// found where the CLI looks for plugins, in the CLI's order, so it is the same buildx `docker buildx` runs.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { printArgv } from '../argv.js';
import { run, tail } from '../exec.js';
import { parseBuildxVersion } from './builder-facts.js';

/** The CLI's system plugin directories on Linux, in its order (cli-plugins/manager/manager_unix.go). */
export const SYSTEM_PLUGIN_DIRS: readonly string[] = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

/**
 * Where the CLI looks for plugins (getPluginDirs): config.json's cliPluginsExtraDirs, then <config dir>/cli-plugins
 * (DOCKER_CONFIG, which replaces ~/.docker rather than adding to it), then the system directories.
 */
export function pluginDirs(dockerConfig: string, extraDirs: readonly string[] = []): string[] {
  return [...extraDirs, join(dockerConfig, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS];
}

/** config.json's cliPluginsExtraDirs (none when unset or unreadable). */
export function readExtraPluginDirs(dockerConfig: string): string[] {
  try {
    const doc = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as Record<string, unknown>;
    const dirs = doc.cliPluginsExtraDirs;
    return Array.isArray(dirs) ? dirs.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first docker-buildx the CLI would find, or undefined (then only `docker buildx` can tell). */
export function findBuildxPlugin(dockerConfig: string): string | undefined {
  return pluginDirs(dockerConfig, readExtraPluginDirs(dockerConfig))
    .map((d) => join(d, 'docker-buildx'))
    .find(isExecutableFile);
}

/** buildx's version ("0.13.1"): from the plugin binary when found, else through the CLI. */
export async function buildxVersion(dockerConfig: string): Promise<{ version: string; via: string }> {
  const plugin = findBuildxPlugin(dockerConfig);
  const [command, args] = plugin ? [plugin, ['version']] : ['docker', ['buildx', 'version']];
  const out = await run(command, args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
  if (out.code !== 0) throw new Error(`buildx is not usable (${printArgv([command, ...args])}): ${tail(out, 4)}`);
  return { version: parseBuildxVersion(out.stdout), via: plugin ?? 'docker buildx' };
}
