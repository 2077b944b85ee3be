// The single-purpose flags: stage names (target, no-cache-filters), shm-size, ulimit, cgroup-parent, add-hosts,
// allow and call (with the buildx version check).
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { callBuildsImage, parseCall } from '../../src/buildx/call.js';
import { checkCallSupported } from '../../src/buildx/call-support.js';
import { parseEntitlement } from '../../src/buildx/entitlements.js';
import { parseAddHost } from '../../src/buildx/hosts.js';
import { parseCgroupParent, parseShmSize, parseUlimit } from '../../src/buildx/resources.js';
import { parseStageName } from '../../src/buildx/stages.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}
const err = (input: string, given: string, expected: string) =>
  `Input "${input}": got ${JSON.stringify(given)}; expected ${expected}`;

const STAGE = 'a Dockerfile stage name (FROM … AS <name>: a letter, then letters, digits, - _ .)';

describe('stage names', () => {
  const good = [
    { name: 'simple', value: 'release', expected: 'release' },
    { name: 'with - _ . and digits', value: 'build-env_2.x', expected: 'build-env_2.x' },
    { name: 'capitals (matched case-insensitively by BuildKit)', value: 'Build', expected: 'Build' },
  ];
  for (const c of good) it(`accepts ${c.name}`, () => expect(parseStageName('target', c.value)).toBe(c.expected));
  const bad = [
    { name: 'target: build stage', input: 'target', value: 'build stage' },
    { name: 'starting with a digit', input: 'target', value: '2build' },
    { name: 'a symbol', input: 'no-cache-filters', value: 'build/x' },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, () =>
      expect(messageOf(() => parseStageName(c.input, c.value))).toBe(err(c.input, c.value, STAGE)));
  }
});

describe('shm-size, ulimit, cgroup-parent', () => {
  for (const v of ['2g', '512m', '1024', '64k', '1.5g', '2GB', '2gib', '100b', '2 g']) {
    it(`shm-size accepts ${v}`, () => expect(parseShmSize(v)).toBe(v));
  }
  const SHM = 'a size <number>[b|k|m|g] greater than 0, such as 2g or 512m';
  for (const v of ['0', 'two', '2x', '2bb', '-1g', '2gibi', 'g']) {
    it(`shm-size refuses ${v}`, () => expect(messageOf(() => parseShmSize(v))).toBe(err('shm-size', v, SHM)));
  }

  const ULIMIT =
    '<type>=<soft>[:<hard>] such as nofile=1024:1024, type one of core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack';
  const goodUlimits = [
    { name: 'soft and hard', value: 'nofile=1024:2048', expected: { name: 'nofile', soft: 1024n, hard: 2048n } },
    { name: 'soft only: hard the same', value: 'nproc=512', expected: { name: 'nproc', soft: 512n, hard: 512n } },
    { name: 'unlimited hard', value: 'core=0:-1', expected: { name: 'core', soft: 0n, hard: -1n } },
    { name: 'unlimited both', value: 'memlock=-1', expected: { name: 'memlock', soft: -1n, hard: -1n } },
  ];
  for (const c of goodUlimits) {
    it(`ulimit accepts ${c.name}`, () => expect(parseUlimit(c.value)).toEqual({ ...c.expected, value: c.value }));
  }
  const badUlimits = [
    { name: 'unknown type', value: 'files=10', message: err('ulimit', 'files=10', ULIMIT) },
    { name: 'no value', value: 'nofile', message: err('ulimit', 'nofile', ULIMIT) },
    { name: 'three values', value: 'nofile=1:2:3', message: err('ulimit', 'nofile=1:2:3', ULIMIT) },
    { name: 'not a number', value: 'nofile=many', message: err('ulimit', 'nofile=many', ULIMIT) },
    {
      name: 'soft above hard',
      value: 'nofile=2048:1024',
      message: err('ulimit', 'nofile=2048:1024', `${ULIMIT}; the soft limit must not exceed the hard limit`),
    },
    {
      name: 'unlimited soft under a finite hard',
      value: 'nofile=-1:1024',
      message: err('ulimit', 'nofile=-1:1024', `${ULIMIT}; the soft limit must not exceed the hard limit`),
    },
  ];
  for (const c of badUlimits)
    it(`ulimit refuses ${c.name}`, () => expect(messageOf(() => parseUlimit(c.value))).toBe(c.message));

  it('cgroup-parent accepts a path or slice and refuses whitespace', () => {
    expect(parseCgroupParent('/actions_job')).toBe('/actions_job');
    expect(parseCgroupParent('system.slice')).toBe('system.slice');
    expect(messageOf(() => parseCgroupParent('a b'))).toBe(
      err('cgroup-parent', 'a b', 'a parent cgroup such as /actions_job or system.slice'),
    );
  });
});

describe('add-hosts', () => {
  const good = [
    { name: 'host=ip', value: 'db=10.0.0.5', expected: { host: 'db', ip: '10.0.0.5', value: 'db=10.0.0.5' } },
    {
      name: 'host:ip (docker form)',
      value: 'db:10.0.0.5',
      expected: { host: 'db', ip: '10.0.0.5', value: 'db=10.0.0.5' },
    },
    {
      name: 'IPv6 in brackets',
      value: 'api=[2001:db8::1]',
      expected: { host: 'api', ip: '2001:db8::1', value: 'api=2001:db8::1' },
    },
    { name: 'IPv6 after a colon', value: 'api:::1', expected: { host: 'api', ip: '::1', value: 'api=::1' } },
    {
      name: 'host-gateway',
      value: 'host.docker.internal=host-gateway',
      expected: { host: 'host.docker.internal', ip: 'host-gateway', value: 'host.docker.internal=host-gateway' },
    },
  ];
  for (const c of good) it(`accepts ${c.name}`, () => expect(parseAddHost(c.value, isIP)).toEqual(c.expected));
  const FORM = 'host=ip or host:ip, e.g. db=10.0.0.5, api:[2001:db8::1] or docker=host-gateway';
  const bad = [
    { name: 'no separator', value: 'db', message: err('add-hosts', 'db', FORM) },
    { name: 'no host', value: '=10.0.0.1', message: err('add-hosts', '=10.0.0.1', FORM) },
    {
      name: 'not an IP',
      value: 'db=database',
      message: err('add-hosts', 'db=database', `${FORM} ("database" is not an IP address)`),
    },
    {
      name: 'a bad IPv4',
      value: 'db=10.0.0.300',
      message: err('add-hosts', 'db=10.0.0.300', `${FORM} ("10.0.0.300" is not an IP address)`),
    },
  ];
  for (const c of bad)
    it(`refuses ${c.name}`, () => expect(messageOf(() => parseAddHost(c.value, isIP))).toBe(c.message));
});

describe('allow', () => {
  const good = [
    { name: 'network.host', value: 'network.host', expected: { kind: 'network.host', value: 'network.host' } },
    {
      name: 'security.insecure',
      value: 'security.insecure',
      expected: { kind: 'security.insecure', value: 'security.insecure' },
    },
    {
      name: 'buildx.local.delete',
      value: 'buildx.local.delete',
      expected: { kind: 'buildx.local.delete', value: 'buildx.local.delete' },
    },
    { name: 'all devices', value: 'device', expected: { kind: 'device', value: 'device' } },
    {
      name: 'one device',
      value: 'device=nvidia.com/gpu',
      expected: { kind: 'device', device: 'nvidia.com/gpu', value: 'device=nvidia.com/gpu' },
    },
    {
      name: 'a device with an alias',
      value: 'device=vendor.com/x=1,alias=gpu',
      expected: { kind: 'device', device: 'vendor.com/x=1', alias: 'gpu', value: 'device=vendor.com/x=1,alias=gpu' },
    },
  ];
  for (const c of good) it(`accepts ${c.name}`, () => expect(parseEntitlement(c.value)).toEqual(c.expected));
  const FORM =
    'network.host, security.insecure, device[=<kind|name>[,alias=<kind|name>]] (quoted when it has a comma) or buildx.local.delete';
  for (const v of ['network', 'host', 'security.insecure=true', 'device=', 'device=x,color=red']) {
    it(`refuses ${v}`, () => expect(messageOf(() => parseEntitlement(v))).toBe(err('allow', v, FORM)));
  }
});

describe('call', () => {
  const good = [
    { name: 'check', value: 'check', expected: { name: 'check', value: 'check' }, builds: false },
    { name: 'build', value: 'build', expected: { name: 'build', value: 'build' }, builds: true },
    {
      name: 'outline as JSON',
      value: 'outline,format=json',
      expected: { name: 'outline', format: 'json', value: 'outline,format=json' },
      builds: false,
    },
    {
      name: 'check ignoring its status',
      value: 'check,ignorestatus=true',
      expected: { name: 'check', ignoreStatus: true, value: 'check,ignorestatus=true' },
      builds: false,
    },
    { name: 'targets', value: 'targets', expected: { name: 'targets', value: 'targets' }, builds: false },
    {
      name: 'subrequests.describe',
      value: 'subrequests.describe',
      expected: { name: 'subrequests.describe', value: 'subrequests.describe' },
      builds: false,
    },
  ];
  for (const c of good) {
    it(`accepts ${c.name}`, () => {
      const call = parseCall(c.value);
      expect(call).toEqual(c.expected);
      expect(callBuildsImage(call)).toBe(c.builds);
    });
  }
  it('no call builds', () => expect(callBuildsImage(undefined)).toBe(true));
  const FORM =
    'build, check, outline, targets, subrequests.describe, optionally with ,format=json and ,ignorestatus=<bool>';
  const bad = [
    { name: 'lint (an internal name)', value: 'lint', message: err('call', 'lint', FORM) },
    { name: 'two methods', value: 'check,outline', message: err('call', 'check,outline', `${FORM} (one method)`) },
    {
      name: 'format yaml',
      value: 'check,format=yaml',
      message: err('call', 'check,format=yaml', `${FORM} (format=json)`),
    },
    {
      name: 'ignorestatus not a boolean',
      value: 'check,ignorestatus=maybe',
      message: err(
        'call',
        'check,ignorestatus=maybe',
        'ignorestatus=true or false (also 1/0, t/f, TRUE/FALSE, True/False)',
      ),
    },
    { name: 'unknown option', value: 'check,color=1', message: err('call', 'check,color=1', FORM) },
    { name: 'options only', value: 'format=json', message: err('call', 'format=json', FORM) },
  ];
  for (const c of bad) it(`refuses ${c.name}`, () => expect(messageOf(() => parseCall(c.value))).toBe(c.message));

  const support = [
    {
      name: "Debian's buildx 0.13 cannot",
      version: '0.13.1',
      call: 'check',
      message: err(
        'call',
        'check',
        'a buildx with --call (buildx ≥ 0.15.0; this runner has buildx 0.13.1): update buildx, e.g. with docker/setup-buildx-action, or remove call',
      ),
    },
    { name: 'buildx 0.15.0 can', version: '0.15.0', call: 'check', message: '(no error)' },
    { name: 'a recent buildx can', version: '0.30.1', call: 'outline', message: '(no error)' },
    { name: 'call: build needs no --call (any buildx)', version: '0.13.1', call: 'build', message: '(no error)' },
    { name: 'an unreadable version lets buildx decide', version: 'unknown', call: 'check', message: '(no error)' },
  ];
  for (const c of support) {
    it(`support: ${c.name}`, () =>
      expect(messageOf(() => checkCallSupported(parseCall(c.call), c.version))).toBe(c.message));
  }
});
