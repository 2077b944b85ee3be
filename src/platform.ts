// Platforms as buildx reads them: containerd's platform specifier syntax (`os[(osversion[+feature]…)]/arch[/variant]`,
// a bare OS or architecture, buildx's `local`), normalised the way `platforms.Parse` + `platforms.Normalize` do, so
// `linux/aarch64`, `linux/arm`, `armhf` or `Linux/X86_64` name what buildx would build and only what containerd
// refuses is refused here, before anything runs. The normalised name is what buildx receives.
// (Behaviour of github.com/containerd/platforms, checked against its current source and the containerd 1.7 copy in
// buildx 0.13; this is an independent implementation.)
import { InputError } from './errors.js';

export interface Platform {
  os: string;
  arch: string;
  variant?: string;
  /** Windows: the OS version in `windows(10.0.17763)/amd64` */
  osVersion?: string;
  /** OS features in `windows(10.0.17763+win32k)/amd64`, sorted and unique as Normalize leaves them */
  osFeatures?: string[];
}

/** The platform of the machine buildx runs on: what a bare `linux`, a bare `arm64` or `local` fill in. */
export interface HostPlatform {
  os: string;
  arch: string;
  variant?: string;
}

const EXPECTED =
  'a platform os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7 (containerd syntax: also a bare ' +
  'OS or architecture, aliases such as x86_64, aarch64 or armhf, and `local`)';

// Go's runtime.GOOS / GOARCH values containerd knows (its isKnownOS / isKnownArch lists).
const KNOWN_OS: ReadonlySet<string> = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'windows',
  'zos',
]);
const KNOWN_ARCH: ReadonlySet<string> = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'ppc64',
  'ppc64le',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
]);

const COMPONENT = /^[A-Za-z0-9_.-]+$/;
// os, then an optional parenthesised version with `+feature`s (percent-encoded where they contain syntax characters)
const OS_COMPONENT = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;

/** Node's process.platform / process.arch in Go's words (GOOS / GOARCH), which is what buildx (a Go program) sees. */
export function hostPlatform(
  nodePlatform: string = process.platform,
  nodeArch: string = process.arch,
  armVersion: unknown = (process.config?.variables as Record<string, unknown> | undefined)?.arm_version,
): HostPlatform {
  const os: Record<string, string> = { win32: 'windows', sunos: 'solaris' };
  const arch: Record<string, string> = {
    x64: 'amd64',
    ia32: '386',
    arm64: 'arm64',
    arm: 'arm',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
    mips: 'mips',
    mipsel: 'mipsle',
  };
  const goArch = arch[nodeArch] ?? nodeArch;
  // containerd reads the ARM variant from /proc/cpuinfo; Node's build target is the closest value without I/O.
  const variant = goArch === 'arm' && armVersion !== undefined ? `v${String(armVersion)}` : undefined;
  return { os: os[nodePlatform] ?? nodePlatform, arch: goArch, ...(variant ? { variant } : {}) };
}

function normalizeOS(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

/** containerd's architecture aliases and default variants. */
function normalizeArch(archIn: string, variantIn: string): { arch: string; variant: string } {
  let arch = archIn.toLowerCase();
  let variant = variantIn.toLowerCase();
  switch (arch) {
    case 'i386':
      arch = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      arch = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      arch = 'arm64';
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = '';
      else if (variant === '9' || variant === '9.0' || variant === 'v9.0') variant = 'v9';
      break;
    case 'armhf':
      arch = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      arch = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (variant === '5' || variant === '6' || variant === '8') variant = `v${variant}`;
      break;
  }
  return { arch, variant };
}

function decodeOSOption(input: string, value: string, raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InputError(input, value, `${EXPECTED}; "${raw}" is not a valid percent-encoded OS version or feature`);
  }
}

function withOptionals(p: { os: string; arch: string; variant: string }, osVersion: string, features: string[]) {
  const out: Platform = { os: p.os, arch: p.arch };
  if (p.variant) out.variant = p.variant;
  if (osVersion) out.osVersion = osVersion;
  if (features.length) out.osFeatures = [...new Set(features)].sort();
  return out;
}

/**
 * A platform as `docker buildx build --platform` reads it: containerd's Parse, then Normalize (the pair buildx
 * applies). Refuses exactly what Parse refuses (wildcards, more than three components, characters outside the
 * specifier syntax, a single word that is neither a known OS nor a known architecture).
 */
export function parsePlatform(input: string, value: string, host: HostPlatform = hostPlatform()): Platform {
  const specifier = value.trim();
  if (specifier.toLowerCase() === 'local') {
    const n = normalizeArch(host.arch, host.variant ?? '');
    return withOptionals({ os: normalizeOS(host.os), ...n }, '', []);
  }
  if (specifier.includes('*')) throw new InputError(input, value, `${EXPECTED}; wildcards are not supported`);
  const parts = specifier.split('/');
  if (parts.length > 3) throw new InputError(input, value, `${EXPECTED}; at most three components`);
  const osMatch = OS_COMPONENT.exec(parts[0]);
  if (!osMatch) throw new InputError(input, value, EXPECTED);
  for (const part of parts.slice(1)) {
    if (!COMPONENT.test(part)) throw new InputError(input, value, EXPECTED);
  }
  const os = normalizeOS(osMatch[1]);
  const osVersion = decodeOSOption(input, value, osMatch[2] ?? '');
  const features = (osMatch[3] ?? '')
    .split('+')
    .filter((f) => f !== '')
    .map((f) => decodeOSOption(input, value, f))
    .filter((f) => f !== '');

  let p: { os: string; arch: string; variant: string };
  if (parts.length === 1) {
    if (KNOWN_OS.has(os)) {
      p = { os, arch: host.arch, variant: host.arch === 'arm' && host.variant !== 'v7' ? (host.variant ?? '') : '' };
    } else {
      const a = normalizeArch(parts[0], '');
      if (!KNOWN_ARCH.has(a.arch)) {
        throw new InputError(
          input,
          value,
          `${EXPECTED}; "${parts[0]}" is neither an operating system nor an architecture`,
        );
      }
      p = { os: host.os, ...a };
    }
  } else {
    p = { os, ...normalizeArch(parts[1], parts[2] ?? '') };
    if (parts.length === 3 && p.arch === 'arm64' && p.variant === '') p.variant = 'v8';
  }
  // Normalize, as buildx applies it after Parse (linux/arm → linux/arm/v7, linux/arm64/v8 → linux/arm64).
  return withOptionals({ os: normalizeOS(p.os), ...normalizeArch(p.arch, p.variant) }, osVersion, features);
}

function encodeOSOption(v: string): string {
  return v.replace(/%/g, '%25').replace(/\+/g, '%2B').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\//g, '%2F');
}

/** The normalised specifier (containerd's FormatAll): what buildx receives and what the builder is asked for. */
export function platformName(p: Platform): string {
  let os = p.os;
  const version = p.osVersion ? encodeOSOption(p.osVersion) : '';
  const features = (p.osFeatures ?? []).map(encodeOSOption).join('+');
  if (version || features) os += `(${version}${features ? `+${features}` : ''})`;
  return [os, p.arch, p.variant].filter(Boolean).join('/');
}
