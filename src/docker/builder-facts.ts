// Pure readings of what the engine, buildx and the kernel say about the builder (the Engine API's /info,
// `buildx version`, `buildx inspect`, buildx's store files, binfmt_misc entries), and the decisions made from them.
// Kept apart from the effects so every answer the probes can get is unit-tested without an engine.
import semver from 'semver';

/** What the engine says about itself: the Engine API's /info (or `docker info --format '{{json .}}'`, the same JSON). */
export interface EngineFacts {
  /** ServerVersion, e.g. 26.1.5+dfsg1 */
  version: string;
  /** the engine's own platform, os/arch[/variant] as BuildKit names it */
  platform: string;
  /** the storage driver (Driver), e.g. overlay2, overlayfs, vfs */
  storageDriver: string;
  /** the containerd image store (snapshotter) is on: the docker driver can build multi-platform and export caches */
  containerdStore: boolean;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** /info's DriverStatus lists ["driver-type","io.containerd.snapshotter.v1"] with the containerd image store. */
export function containerdStoreIn(driverStatus: unknown): boolean {
  if (!Array.isArray(driverStatus)) return false;
  return driverStatus.some(
    (row) =>
      Array.isArray(row) &&
      row[0] === 'driver-type' &&
      typeof row[1] === 'string' &&
      row[1].startsWith('io.containerd.snapshotter'),
  );
}

/** `docker info --format '{{json .DriverStatus}}'` (text) → containerd store on? Malformed text → false. */
export function usesContainerdStore(driverStatusJson: string): boolean {
  try {
    return containerdStoreIn(JSON.parse(driverStatusJson));
  } catch {
    return false;
  }
}

/** uname -m (as /info's Architecture says it) → GOARCH, as the engine's Go runtime names it. */
const UNAME_ARCH: Readonly<Record<string, string>> = {
  x86_64: 'amd64',
  aarch64: 'arm64',
  armv7l: 'arm',
  armv6l: 'arm',
  armv8l: 'arm',
  i386: '386',
  i686: '386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64: 'mips64',
  loongarch64: 'loong64',
};

/** The engine's own platform as BuildKit lists it first (containerd's Normalize: a bare arm is arm/v7). */
export function nativePlatform(os: string, unameArch: string): string {
  const arch = UNAME_ARCH[unameArch] ?? unameArch;
  if (arch === 'arm') return `${os}/arm/${unameArch === 'armv6l' ? 'v6' : 'v7'}`;
  return `${os}/${arch}`;
}

/**
 * The Engine API's /info document (the JSON `docker info --format '{{json .}}'` prints). /info alone: /version adds
 * nothing needed here, and each of the two makes dockerd run `runc --version` (~50–100 ms on a busy runner).
 */
export function parseEngineInfo(info: unknown): EngineFacts {
  if (!isObject(info) || !str(info.ServerVersion) || !str(info.OSType) || !str(info.Architecture)) {
    throw new Error('the engine answered /info without ServerVersion, OSType and Architecture');
  }
  return {
    version: str(info.ServerVersion),
    platform: nativePlatform(str(info.OSType), str(info.Architecture)),
    storageDriver: str(info.Driver),
    containerdStore: containerdStoreIn(info.DriverStatus),
  };
}

/**
 * "github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3" (Debian) or "github.com/docker/buildx v0.21.1 abc" → "0.13.1".
 * Standalone binaries print the same line.
 */
export function parseBuildxVersion(text: string): string {
  const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
  return m ? m[1] : 'unknown';
}

/** One node of `docker buildx inspect`. */
export interface InspectNode {
  name: string;
  endpoint: string;
  status: string;
  buildkitVersion: string;
  platforms: string[];
  /** the node's error when it could not be reached or booted */
  error?: string;
}

export interface InspectFacts {
  name: string;
  driver: string;
  /** the first node's BuildKit version (unknown when no node answered) */
  buildkitVersion: string;
  /** every node's platforms, without repeats (the order buildx lists them) */
  platforms: string[];
  nodes: InspectNode[];
  /** the builder-level error (e.g. a driver that cannot start) */
  error?: string;
}

/** "linux/amd64*, linux/arm64" → ["linux/amd64", "linux/arm64"] (a * marks platforms set by the user). */
function platformList(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim().replace(/\*$/, ''))
    .filter(Boolean);
}

/** The text `docker buildx inspect [--bootstrap]` prints (a header, then `Nodes:` with one block per node). */
export function parseInspect(text: string): InspectFacts {
  const lines = text.split('\n');
  const nodesAt = lines.findIndex((l) => /^Nodes:\s*$/.test(l));
  const header = nodesAt < 0 ? lines : lines.slice(0, nodesAt);
  const field = (block: string[], key: string) => {
    const re = new RegExp(`^${key}:\\s*(.*)$`);
    for (const l of block) {
      const m = re.exec(l);
      if (m) return m[1].trim();
    }
    return '';
  };
  const nodes: InspectNode[] = [];
  if (nodesAt >= 0) {
    let block: string[] = [];
    const flush = () => {
      if (!block.some((l) => l.startsWith('Name:'))) return;
      const error = field(block, 'Error');
      nodes.push({
        name: field(block, 'Name'),
        endpoint: field(block, 'Endpoint'),
        status: field(block, 'Status'),
        buildkitVersion: field(block, 'Build[kK]it(?: version)?'),
        platforms: platformList(field(block, 'Platforms')),
        ...(error ? { error } : {}),
      });
    };
    for (const l of lines.slice(nodesAt + 1)) {
      if (l.startsWith('Name:') && block.length) {
        flush();
        block = [];
      }
      block.push(l);
    }
    flush();
  }
  const error = field(header, 'Error');
  return {
    name: field(header, 'Name'),
    driver: field(header, 'Driver'),
    buildkitVersion: nodes.find((n) => n.buildkitVersion)?.buildkitVersion || 'unknown',
    platforms: [...new Set(nodes.flatMap((n) => n.platforms))],
    nodes,
    ...(error ? { error } : {}),
  };
}

/** buildx's `current` file: which builder `docker buildx` uses for which Docker endpoint. */
export interface BuildxCurrent {
  /** the Docker endpoint the choice was made for: a context name, or the default context's host */
  key: string;
  name: string;
  /** `buildx use --global`: the builder for every endpoint */
  global: boolean;
}

/** `{"Key":"unix:///var/run/docker.sock","Name":"mybuilder","Global":false}`; undefined for anything else. */
export function parseBuildxCurrent(text: string): BuildxCurrent | undefined {
  try {
    const doc: unknown = JSON.parse(text);
    if (!isObject(doc)) return undefined;
    return { key: str(doc.Key), name: str(doc.Name), global: doc.Global === true };
  } catch {
    return undefined;
  }
}

/** A builder buildx keeps in its store (`instances/<name>`). */
export interface StoredBuilder {
  name: string;
  driver: string;
  nodes: { name: string; endpoint: string; platforms: string[] }[];
}

/** `instances/<name>`: `{"Name","Driver","Nodes":[{"Name","Endpoint","Platforms":[{"os","architecture"}]}]}`. */
export function parseStoredBuilder(text: string): StoredBuilder | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(doc) || !str(doc.Name)) return undefined;
  const nodes = Array.isArray(doc.Nodes) ? doc.Nodes.filter(isObject) : [];
  return {
    name: str(doc.Name),
    driver: str(doc.Driver),
    nodes: nodes.map((n) => ({
      name: str(n.Name),
      endpoint: str(n.Endpoint),
      platforms: (Array.isArray(n.Platforms) ? n.Platforms.filter(isObject) : []).map((p) =>
        [str(p.os), str(p.architecture), str(p.variant)].filter(Boolean).join('/'),
      ),
    })),
  };
}

/** What buildx's store looks like from where the action stands (reads are the caller's). */
export interface BuildxStoreView {
  current?: BuildxCurrent;
  /** the stored builder of that name (lower-cased, as buildx stores it), if any */
  instance(name: string): StoredBuilder | undefined;
  /** `defaults/<hash of key>`: the builder chosen with `buildx use --default` for that endpoint */
  defaultFor(key: string): string | undefined;
}

export type CurrentBuilder =
  | { kind: 'instance'; builder: StoredBuilder }
  /** no stored builder is selected: buildx uses the context's own builder (driver docker) */
  | { kind: 'context'; name: string };

/**
 * The builder `docker buildx build` would use without --builder, by buildx's own rule (store.Txn.Current):
 * a global choice first, then the choice made for this endpoint, then the endpoint's default, else the
 * current Docker context's builder, which has the context's name and the docker driver.
 */
export function resolveCurrentBuilder(store: BuildxStoreView, key: string, contextName: string): CurrentBuilder {
  const c = store.current;
  if (c?.name) {
    if (c.global) {
      const builder = store.instance(c.name);
      if (builder) return { kind: 'instance', builder };
    }
    if (c.key === key) {
      const builder = store.instance(c.name);
      return builder ? { kind: 'instance', builder } : { kind: 'context', name: contextName };
    }
  }
  const name = store.defaultFor(key);
  const builder = name ? store.instance(name) : undefined;
  return builder ? { kind: 'instance', builder } : { kind: 'context', name: contextName };
}

/** One entry of /proc/sys/fs/binfmt_misc: `enabled`, `interpreter …`, `flags: PF`, … */
export interface BinfmtEntry {
  name: string;
  enabled: boolean;
  interpreter: string;
  flags: string;
}

export function parseBinfmtEntry(name: string, text: string): BinfmtEntry {
  const lines = text.split('\n').map((l) => l.trim());
  return {
    name,
    enabled: lines[0] === 'enabled',
    interpreter: lines.find((l) => l.startsWith('interpreter '))?.slice('interpreter '.length) ?? '',
    flags:
      lines
        .find((l) => l.startsWith('flags:'))
        ?.slice('flags:'.length)
        .trim() ?? '',
  };
}

/** QEMU's binfmt names (qemu-<name>) → the platforms BuildKit lists when that emulator works. */
const QEMU_PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  'qemu-aarch64': ['linux/arm64'],
  'qemu-x86_64': ['linux/amd64'],
  'qemu-arm': ['linux/arm/v7', 'linux/arm/v6'],
  'qemu-riscv64': ['linux/riscv64'],
  'qemu-ppc64': ['linux/ppc64'],
  'qemu-ppc64le': ['linux/ppc64le'],
  'qemu-s390x': ['linux/s390x'],
  'qemu-i386': ['linux/386'],
  'qemu-mips64el': ['linux/mips64le'],
  'qemu-mips64': ['linux/mips64'],
  'qemu-loongarch64': ['linux/loong64'],
};

/**
 * The platforms a local engine's BuildKit can run: its own, plus every enabled QEMU emulator registered with the
 * F flag (the kernel opens the interpreter at registration, so it works inside containers and BuildKit's chroot).
 * A lower bound: BuildKit also finds amd64 micro-architecture levels and 32-bit modes by running test binaries,
 * which a file read cannot; a requested platform missing here is asked of BuildKit before QEMU is registered.
 */
export function localPlatforms(native: string, binfmt: readonly BinfmtEntry[], binfmtEnabled = true): string[] {
  const out = [native];
  if (!binfmtEnabled || !native.startsWith('linux/')) return out;
  for (const e of binfmt) {
    if (!e.enabled || !e.flags.includes('F')) continue;
    for (const p of QEMU_PLATFORMS[e.name] ?? []) {
      if (!out.some((o) => sameArch(o, p))) out.push(p);
    }
  }
  return out;
}

/** os/arch of a platform (variants aside): linux/amd64/v3 → linux/amd64; linux/arm/v7 stays (arm variants differ). */
function osArch(p: string): string {
  const parts = p.split('/');
  return parts[1] === 'arm' ? parts.join('/') : parts.slice(0, 2).join('/');
}

function sameArch(a: string, b: string): boolean {
  return osArch(a) === osArch(b);
}

export interface BuilderNeeds {
  multiPlatform: boolean;
  cacheExport: boolean;
  /** a push by digest (fan-out build leg) */
  pushByDigest?: boolean;
  /** the GitHub cache is reachable only through service v2 on this runtime */
  cacheV2?: boolean;
}

/**
 * The `docker` driver without the containerd image store can neither build several platforms into one image nor
 * export a cache; every other driver can. (Push by digest is not a reason to create a builder: the build leg has
 * its own way for the docker driver, see canPushByDigest.)
 */
export function builderCanDo(
  driver: string,
  containerdStore: boolean,
  needs: BuilderNeeds,
): { ok: true } | { ok: false; why: string } {
  if (driver !== 'docker' || containerdStore) return { ok: true };
  if (needs.multiPlatform)
    return { ok: false, why: 'the docker driver without the containerd image store cannot build several platforms' };
  if (needs.cacheExport)
    return { ok: false, why: 'the docker driver without the containerd image store cannot export a cache' };
  return { ok: true };
}

/** buildx refuses `push-by-digest=true` with the docker driver ("not implemented for docker driver"), every version. */
export function canPushByDigest(driver: string): boolean {
  return driver !== 'docker';
}

/** GitHub's runners offer only cache v2; buildx forwards it from 0.21 (BuildKit ≥ 0.20). */
export function cacheV2Unsupported(buildxVersion: string): boolean {
  const v = semver.coerce(buildxVersion);
  return !v || semver.lt(v, '0.21.0');
}

/** Requested platforms the builder does not list (each needs QEMU). A variant is served by its os/arch. */
export function missingPlatforms(requested: readonly string[], offered: readonly string[]): string[] {
  const have = new Set(offered.flatMap((p) => [p, p.split('/').slice(0, 2).join('/')]));
  return requested.filter((p) => !have.has(p) && !have.has(p.split('/').slice(0, 2).join('/')));
}
