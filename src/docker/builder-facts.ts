// Pure readings of `docker buildx version`, `docker buildx inspect` and `docker info`, and the decisions made
// from them. Kept apart from the effects so the decisions are unit-tested without an engine.
import semver from 'semver';

export interface InspectFacts {
  name: string;
  driver: string;
  buildkitVersion: string;
  platforms: string[];
}

/** "github.com/docker/buildx 0.13.1+ds1 ..." or "github.com/docker/buildx v0.21.1 abc" → "0.13.1" */
export function parseBuildxVersion(text: string): string {
  const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
  return m ? m[1] : 'unknown';
}

export function parseInspect(text: string): InspectFacts {
  const field = (re: RegExp) => re.exec(text)?.[1]?.trim() ?? '';
  const platforms = field(/^Platforms:\s*(.*)$/m)
    .split(',')
    .map((p) => p.trim().replace(/\*$/, ''))
    .filter(Boolean);
  return {
    name: field(/^Name:\s*(.*)$/m),
    driver: field(/^Driver:\s*(.*)$/m),
    buildkitVersion: field(/^Build[kK]it(?: version)?:\s*(.*)$/m) || 'unknown',
    platforms,
  };
}

/** `docker info --format '{{json .DriverStatus}}'` lists ["driver-type","io.containerd.snapshotter.v1"] with the containerd store. */
export function usesContainerdStore(driverStatusJson: string): boolean {
  try {
    const rows = JSON.parse(driverStatusJson) as [string, string][] | null;
    return !!rows?.some(([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'));
  } catch {
    return false;
  }
}

export interface BuilderNeeds {
  multiPlatform: boolean;
  cacheExport: boolean;
}

/**
 * The `docker` driver without the containerd image store can neither build several platforms into one image nor
 * export a cache; every other driver can.
 */
export function builderCanDo(
  driver: string,
  containerdStore: boolean,
  needs: BuilderNeeds,
): { ok: boolean; why?: string } {
  if (driver !== 'docker' || containerdStore) return { ok: true };
  if (needs.multiPlatform)
    return { ok: false, why: 'the docker driver without the containerd image store cannot build several platforms' };
  if (needs.cacheExport)
    return { ok: false, why: 'the docker driver without the containerd image store cannot export a cache' };
  return { ok: true };
}

/** GitHub's runners offer only cache v2; buildx forwards it from 0.21 (BuildKit ≥ 0.20). */
export function cacheV2Unsupported(buildxVersion: string): boolean {
  const v = semver.coerce(buildxVersion);
  return !v || semver.lt(v, '0.21.0');
}

/** Requested platforms the builder does not list (each needs QEMU). */
export function missingPlatforms(requested: readonly string[], offered: readonly string[]): string[] {
  const have = new Set(offered);
  return requested.filter((p) => !have.has(p) && !have.has(p.split('/').slice(0, 2).join('/')));
}
