// Platforms normalised as containerd's Parse + Normalize do (what buildx applies to --platform), refused only
// where containerd refuses them.
import { describe, expect, it } from 'vitest';
import { hostPlatform, parsePlatform, platformName, type HostPlatform } from '../../src/platform.js';

const AMD64: HostPlatform = { os: 'linux', arch: 'amd64' };
const EXPECTED =
  'a platform os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7 (containerd syntax: also a bare ' +
  'OS or architecture, aliases such as x86_64, aarch64 or armhf, and `local`)';

interface GoodCase {
  name: string;
  value: string;
  host?: HostPlatform;
  expected: string;
}

const good: GoodCase[] = [
  { name: 'plain os/arch', value: 'linux/amd64', expected: 'linux/amd64' },
  { name: 'arm v8 (used on a real push)', value: 'linux/arm/v8', expected: 'linux/arm/v8' },
  { name: 'arm without variant gets v7', value: 'linux/arm', expected: 'linux/arm/v7' },
  { name: 'arm variant without v', value: 'linux/arm/7', expected: 'linux/arm/v7' },
  { name: 'arm v6 without v', value: 'linux/arm/6', expected: 'linux/arm/v6' },
  { name: 'arm v5', value: 'linux/arm/v5', expected: 'linux/arm/v5' },
  { name: 'aarch64 alias', value: 'linux/aarch64', expected: 'linux/arm64' },
  { name: 'arm64/v8 is arm64', value: 'linux/arm64/v8', expected: 'linux/arm64' },
  { name: 'arm64/8 is arm64', value: 'linux/arm64/8', expected: 'linux/arm64' },
  { name: 'arm64 v9.0 is v9', value: 'linux/arm64/v9.0', expected: 'linux/arm64/v9' },
  { name: 'x86_64 alias', value: 'linux/x86_64', expected: 'linux/amd64' },
  { name: 'x86-64 alias', value: 'linux/x86-64', expected: 'linux/amd64' },
  { name: 'amd64/v1 is amd64', value: 'linux/amd64/v1', expected: 'linux/amd64' },
  { name: 'amd64 microarchitecture level kept', value: 'linux/amd64/v3', expected: 'linux/amd64/v3' },
  { name: 'i386 alias', value: 'linux/i386', expected: 'linux/386' },
  { name: 'armhf alone: host OS, arm v7', value: 'armhf', expected: 'linux/arm/v7' },
  { name: 'armel alone: host OS, arm v6', value: 'armel', expected: 'linux/arm/v6' },
  { name: 'bare OS takes the host architecture', value: 'linux', expected: 'linux/amd64' },
  {
    name: 'bare OS on an arm v6 host keeps its variant',
    value: 'linux',
    host: { os: 'linux', arch: 'arm', variant: 'v6' },
    expected: 'linux/arm/v6',
  },
  { name: 'bare architecture takes the host OS', value: 'arm64', expected: 'linux/arm64' },
  { name: 'bare aarch64', value: 'aarch64', expected: 'linux/arm64' },
  { name: 'case differences', value: 'Linux/AMD64', expected: 'linux/amd64' },
  { name: 'upper-case alias and variant', value: 'LINUX/ARM/V7', expected: 'linux/arm/v7' },
  { name: 'macos is darwin', value: 'macos/arm64', expected: 'darwin/arm64' },
  {
    name: 'bare darwin on an arm64 host',
    value: 'darwin',
    host: { os: 'linux', arch: 'arm64' },
    expected: 'darwin/arm64',
  },
  { name: 'local is the host', value: 'local', host: { os: 'linux', arch: 'arm64' }, expected: 'linux/arm64' },
  { name: 'LOCAL is the host too', value: 'LOCAL', expected: 'linux/amd64' },
  {
    name: 'local on an arm host without variant',
    value: 'local',
    host: { os: 'linux', arch: 'arm' },
    expected: 'linux/arm/v7',
  },
  { name: 'surrounding spaces', value: ' linux/s390x ', expected: 'linux/s390x' },
  { name: 'riscv64', value: 'linux/riscv64', expected: 'linux/riscv64' },
  { name: 'ppc64le', value: 'linux/ppc64le', expected: 'linux/ppc64le' },
  { name: 'an unknown arch in os/arch form (containerd accepts it)', value: 'linux/amd65', expected: 'linux/amd65' },
  { name: 'windows with an OS version', value: 'windows(10.0.17763)/amd64', expected: 'windows(10.0.17763)/amd64' },
  {
    name: 'OS features sorted and deduplicated',
    value: 'windows(10.0.17763+win32k+abc+abc)/amd64',
    expected: 'windows(10.0.17763+abc+win32k)/amd64',
  },
  { name: 'percent-encoded OS version', value: 'windows(1%2B2)/amd64', expected: 'windows(1%2B2)/amd64' },
];

interface BadCase {
  name: string;
  value: string;
  message: string;
}

const got = (v: string) => `Input "platforms": got ${JSON.stringify(v)}; expected ${EXPECTED}`;

const bad: BadCase[] = [
  { name: 'wildcard', value: 'linux/*', message: `${got('linux/*')}; wildcards are not supported` },
  { name: 'four components', value: 'linux/arm/v7/x', message: `${got('linux/arm/v7/x')}; at most three components` },
  { name: 'space inside', value: 'linux/amd 64', message: got('linux/amd 64') },
  { name: 'empty component', value: 'linux//amd64', message: got('linux//amd64') },
  { name: 'dot in the OS', value: 'lin.ux/amd64', message: got('lin.ux/amd64') },
  { name: 'empty', value: '', message: got('') },
  {
    name: 'a word that is neither OS nor arch',
    value: 'amd65',
    message: `${got('amd65')}; "amd65" is neither an operating system nor an architecture`,
  },
  {
    name: 'broken percent encoding',
    value: 'windows(1%zz)/amd64',
    message: `${got('windows(1%zz)/amd64')}; "1%zz" is not a valid percent-encoded OS version or feature`,
  },
];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}

describe('parsePlatform', () => {
  for (const c of good) {
    it(`accepts ${c.name}: ${c.value} → ${c.expected}`, () => {
      expect(platformName(parsePlatform('platforms', c.value, c.host ?? AMD64))).toBe(c.expected);
    });
  }
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      expect(messageOf(() => parsePlatform('platforms', c.value, AMD64))).toBe(c.message);
    });
  }

  it('keeps the parts typed', () => {
    expect(parsePlatform('platforms', 'windows(10.0.17763+win32k)/amd64', AMD64)).toEqual({
      os: 'windows',
      arch: 'amd64',
      osVersion: '10.0.17763',
      osFeatures: ['win32k'],
    });
    expect(parsePlatform('platforms', 'linux/arm', AMD64)).toEqual({ os: 'linux', arch: 'arm', variant: 'v7' });
  });

  it('round-trips every normalised name', () => {
    for (const c of good) {
      const name = platformName(parsePlatform('platforms', c.value, c.host ?? AMD64));
      expect(platformName(parsePlatform('platforms', name, AMD64))).toBe(name);
    }
  });

  it('names the input it was asked for', () => {
    expect(messageOf(() => parsePlatform('runners', 'x/*', AMD64))).toBe(
      `Input "runners": got "x/*"; expected ${EXPECTED}; wildcards are not supported`,
    );
  });
});

describe('platform helpers', () => {
  const cases = [
    {
      name: 'x64 Linux',
      platform: 'linux',
      arch: 'x64',
      armVersion: undefined,
      expected: { os: 'linux', arch: 'amd64' },
    },
    {
      name: 'arm64 macOS',
      platform: 'darwin',
      arch: 'arm64',
      armVersion: undefined,
      expected: { os: 'darwin', arch: 'arm64' },
    },
    {
      name: 'Windows ia32',
      platform: 'win32',
      arch: 'ia32',
      armVersion: undefined,
      expected: { os: 'windows', arch: '386' },
    },
    {
      name: '32-bit arm v7',
      platform: 'linux',
      arch: 'arm',
      armVersion: '7',
      expected: { os: 'linux', arch: 'arm', variant: 'v7' },
    },
    {
      name: 'ppc64 (little endian on Linux)',
      platform: 'linux',
      arch: 'ppc64',
      armVersion: undefined,
      expected: { os: 'linux', arch: 'ppc64le' },
    },
  ];
  for (const c of cases) {
    it(`hostPlatform: ${c.name}`, () => {
      expect(hostPlatform(c.platform, c.arch, c.armVersion)).toEqual(c.expected);
    });
  }
});
