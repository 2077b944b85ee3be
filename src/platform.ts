// Platforms as buildx names them: os/arch[/variant]. Validated against the set BuildKit can target, so a typo
// such as linux/amd65 fails before anything runs instead of deep inside a build.
import { InputError } from './errors.js';

export interface Platform {
  os: string;
  arch: string;
  variant?: string;
}

const KNOWN: ReadonlySet<string> = new Set([
  'linux/amd64',
  'linux/amd64/v2',
  'linux/amd64/v3',
  'linux/amd64/v4',
  'linux/386',
  'linux/arm64',
  'linux/arm64/v8',
  'linux/arm/v5',
  'linux/arm/v6',
  'linux/arm/v7',
  'linux/ppc64le',
  'linux/s390x',
  'linux/riscv64',
  'linux/mips64le',
  'linux/mips64',
  'linux/loong64',
  'windows/amd64',
  'windows/arm64',
  'darwin/amd64',
  'darwin/arm64',
  'freebsd/amd64',
  'freebsd/arm64',
]);

export function platformName(p: Platform): string {
  return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}

export function parsePlatform(input: string, value: string): Platform {
  const normalised = value.trim().toLowerCase();
  if (!KNOWN.has(normalised)) {
    throw new InputError(input, value, 'a platform os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7');
  }
  const [os, arch, variant] = normalised.split('/');
  return variant ? { os, arch, variant } : { os, arch };
}

/** The QEMU binfmt name for a foreign architecture (qemu-<name>), as update-binfmts and binfmt images call it. */
export function qemuArch(p: Platform): string {
  const map: Record<string, string> = {
    arm64: 'aarch64',
    arm: 'arm',
    amd64: 'x86_64',
    '386': 'i386',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64le: 'mips64el',
    mips64: 'mips64',
    loong64: 'loongarch64',
  };
  return map[p.arch] ?? p.arch;
}
