// The resource flags of RUN containers: `shm-size` (docker's size syntax), `ulimit` (docker's `name=soft[:hard]`)
// and `cgroup-parent`, checked with the rules the docker CLI's parsers apply (go-units RAMInBytes and ParseUlimit).
import { InputError } from '../errors.js';
import { isGoInt } from './attrs.js';

export const SHM_SIZE_FORM = 'a size <number>[b|k|m|g] greater than 0, such as 2g or 512m';

/** `--shm-size`: a positive number with an optional unit (b, k, m, g, t, p; kb/kib spellings too). */
export function parseShmSize(value: string): string {
  const m = /^(\d+(?:\.\d*)?|\.\d+) ?([bkmgtp](?:b|ib)?)?$/i.exec(value);
  if (!m || Number(m[1]) <= 0 || (m[2] && /^b./i.test(m[2]))) throw new InputError('shm-size', value, SHM_SIZE_FORM);
  return value;
}

const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
];

export interface Ulimit {
  name: string;
  soft: bigint;
  hard: bigint;
  /** the value handed to buildx */
  value: string;
}

export const ULIMIT_FORM = `<type>=<soft>[:<hard>] such as nofile=1024:1024, type one of ${ULIMIT_NAMES.join(', ')}`;

/** `--ulimit`: a known limit, integer soft and hard values, soft ≤ hard (-1: unlimited). */
export function parseUlimit(value: string): Ulimit {
  const eq = value.indexOf('=');
  const name = eq < 0 ? '' : value.slice(0, eq);
  const limits = value.slice(eq + 1).split(':');
  if (!ULIMIT_NAMES.includes(name) || limits.length > 2 || !limits.every(isGoInt)) {
    throw new InputError('ulimit', value, ULIMIT_FORM);
  }
  const soft = BigInt(limits[0]);
  const hard = BigInt(limits[1] ?? limits[0]);
  if (hard !== -1n && (soft === -1n || soft > hard)) {
    throw new InputError('ulimit', value, `${ULIMIT_FORM}; the soft limit must not exceed the hard limit`);
  }
  return { name, soft, hard, value };
}

/** `--cgroup-parent`: a cgroup path or slice name, one token. */
export function parseCgroupParent(value: string): string {
  if (!/^[^\s,]+$/.test(value)) {
    throw new InputError('cgroup-parent', value, 'a parent cgroup such as /actions_job or system.slice');
  }
  return value;
}
