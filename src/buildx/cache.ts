// `cache-from` / `cache-to` entries checked against the cache backends BuildKit has and the attributes each one
// documents (docs.docker.com/build/cache/backends, BuildKit's README and cache/remotecache sources), so
// `type=s4`, `type=gha,mode=maximum` or `type=gha,mod=max` fail here, naming the input, instead of failing inside
// the build or — worse — being accepted and ignored (BuildKit silently exports `mode=min` for an unknown mode).
// Tokens and keys in an entry (gha `token`/`ghtoken`, s3 and azblob keys) are secrets: never shown in an error.
import { InputError } from '../errors.js';
import {
  checkBools,
  checkCompression,
  GO_BOOL_FORMS,
  goBool,
  isGoDuration,
  parseAttrs,
  redactAttrs,
  unknownAttr,
} from './attrs.js';
import { csvPairs, csvRecord } from './csv.js';
import { checkReference } from './reference.js';

export type CacheInput = 'cache-from' | 'cache-to';
export type CacheType = 'registry' | 'local' | 'gha' | 's3' | 'azblob' | 'inline';
export const CACHE_TYPES: readonly CacheType[] = ['registry', 'local', 'gha', 's3', 'azblob', 'inline'];

export interface CacheEntry {
  type: CacheType;
  /** attributes other than `type`, keys lower-cased as buildx keeps them */
  attrs: Readonly<Record<string, string>>;
  /** the value handed to buildx */
  value: string;
  /** the values of secret attributes (to mask and redact) */
  secrets: string[];
}

/** Attributes whose values are credentials. */
export const SECRET_ATTRS: ReadonlySet<string> = new Set(['token', 'ghtoken', 'secret_access_key', 'session_token']);

const EXPORT_COMMON = ['mode', 'ignore-error'];
const COMPRESSION = ['compression', 'compression-level', 'force-compression'];
const OCI = ['image-manifest', 'oci-mediatypes'];
const S3_CONFIG = [
  'bucket',
  'region',
  'prefix',
  'blobs_prefix',
  'manifests_prefix',
  'name',
  'endpoint_url',
  'use_path_style',
  'access_key_id',
  'secret_access_key',
  'session_token',
  'disable_accept_encoding',
  'retry_mode',
  'retry_max_attempts',
];
const AZBLOB_CONFIG = [
  'account_url',
  'account_name',
  'secret_access_key',
  'container',
  'prefix',
  'blobs_prefix',
  'manifests_prefix',
  'name',
];
const GHA_COMMON = ['url', 'url_v2', 'token', 'scope', 'timeout', 'version'];

/** The documented attributes of each backend, per direction (import: cache-from, export: cache-to). */
const KNOWN: Record<CacheType, Record<CacheInput, readonly string[]>> = {
  registry: {
    'cache-from': ['ref', 'registry.insecure'],
    'cache-to': ['ref', ...EXPORT_COMMON, ...OCI, ...COMPRESSION, 'registry.insecure'],
  },
  local: {
    'cache-from': ['src', 'digest', 'tag'],
    'cache-to': ['dest', 'tag', ...EXPORT_COMMON, ...OCI, ...COMPRESSION, 'reset'],
  },
  gha: {
    'cache-from': GHA_COMMON,
    'cache-to': [...GHA_COMMON, ...EXPORT_COMMON, 'repository', 'ghtoken'],
  },
  s3: {
    'cache-from': S3_CONFIG,
    'cache-to': [...S3_CONFIG, ...EXPORT_COMMON, 'touch_refresh', 'upload_parallelism'],
  },
  azblob: {
    'cache-from': AZBLOB_CONFIG,
    'cache-to': [...AZBLOB_CONFIG, ...EXPORT_COMMON],
  },
  inline: { 'cache-from': [], 'cache-to': ['mode'] },
};

export const CACHE_FORMS =
  'a cache entry type=registry|local|gha|s3|azblob|inline[,key=value…] or an image reference (type=registry,ref=…)';

function check(input: CacheInput, shown: string, type: CacheType, attrs: Map<string, string>): void {
  const fail = (expected: string): never => {
    throw new InputError(input, shown, expected);
  };
  const mode = attrs.get('mode');
  if (mode !== undefined) {
    if (type === 'inline' && mode !== 'min')
      fail('mode=min for type=inline (the inline cache holds min mode only; use type=registry for max)');
    if (mode !== 'min' && mode !== 'max') fail('mode=min or mode=max');
  }
  const ignoreError = attrs.get('ignore-error');
  if (ignoreError !== undefined && goBool(ignoreError) === undefined) fail(`ignore-error=${GO_BOOL_FORMS}`);
  checkBools(input, shown, attrs, [
    'image-manifest',
    'oci-mediatypes',
    'registry.insecure',
    'reset',
    'use_path_style',
    'disable_accept_encoding',
  ]);
  checkCompression(input, shown, attrs);
  switch (type) {
    case 'registry': {
      const ref = attrs.get('ref');
      if (!ref) fail('type=registry,ref=<image reference> (ref is required)');
      const r = checkReference(ref as string);
      if (!r.ok) fail(`ref=<image reference>: ${r.why}`);
      break;
    }
    case 'local': {
      const key = input === 'cache-from' ? 'src' : 'dest';
      if (!attrs.get(key)) fail(`type=local,${key}=<directory> (${key} is required)`);
      const digest = attrs.get('digest');
      if (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest)) fail('digest=sha256:<64 hex digits>');
      break;
    }
    case 'gha': {
      const timeout = attrs.get('timeout');
      if (timeout !== undefined && !isGoDuration(timeout)) fail('timeout=<duration> such as 10m, 1h30m or 90s');
      const version = attrs.get('version');
      if (version !== undefined && version !== '1' && version !== '2')
        fail('version=1 or version=2 (the cache service protocol)');
      for (const k of ['url', 'url_v2']) {
        const v = attrs.get(k);
        if (v !== undefined && !/^https?:\/\/\S+$/.test(v)) fail(`${k}=<http(s) URL of the cache service>`);
      }
      const repo = attrs.get('repository');
      if (repo !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) fail('repository=<owner>/<repo>');
      break;
    }
    case 's3': {
      const retry = attrs.get('retry_mode');
      if (retry !== undefined && retry !== 'standard' && retry !== 'adaptive')
        fail('retry_mode=standard or retry_mode=adaptive');
      for (const k of ['retry_max_attempts', 'upload_parallelism']) {
        const v = attrs.get(k);
        if (v !== undefined && !(/^\d+$/.test(v) && Number(v) > 0)) fail(`${k}=<positive integer>`);
      }
      const touch = attrs.get('touch_refresh');
      if (touch !== undefined && !isGoDuration(touch)) fail('touch_refresh=<duration> such as 24h');
      break;
    }
    case 'azblob': {
      const url = attrs.get('account_url');
      if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) fail('account_url=<https URL of the storage account>');
      break;
    }
    case 'inline':
      if (input === 'cache-from') {
        fail('an import source: type=inline only exports; read an inline cache back with type=registry,ref=<image>');
      }
      break;
  }
}

/**
 * One `cache-from` / `cache-to` value, as buildx reads it: `type=…,key=value…`, or one or more comma-separated image
 * references (the registry backend). Throws an InputError naming the input, the (redacted) value and the expected
 * form, with the attribute list of the type when an attribute is unknown.
 */
export function parseCacheEntry(input: CacheInput, value: string): CacheEntry[] {
  const shown = redactAttrs(value, SECRET_ATTRS);
  if (!value.includes('=')) {
    // buildx's short form: every CSV field is a registry ref of its own
    return csvRecord(input, value, shown, CACHE_FORMS).map((ref) => {
      const r = checkReference(ref);
      if (!r.ok) throw new InputError(input, ref, `${CACHE_FORMS}: ${r.why}`);
      return { type: 'registry', attrs: { ref }, value: ref, secrets: [] };
    });
  }
  const attrs = new Map<string, string>();
  let type: string | undefined;
  for (const a of parseAttrs(input, value, shown, CACHE_FORMS)) {
    if (a.key === 'type') type = a.value;
    else attrs.set(a.key, a.value);
  }
  if (type === undefined) throw new InputError(input, shown, `${CACHE_FORMS} (type is required)`);
  if (!(CACHE_TYPES as readonly string[]).includes(type)) {
    throw new InputError(input, shown, `type=${CACHE_TYPES.join('|')} ("${type}" is not a cache backend)`);
  }
  const cacheType = type as CacheType;
  const known = KNOWN[cacheType][input];
  for (const key of attrs.keys()) {
    if (!known.includes(key)) {
      if (known.length === 0) throw new InputError(input, shown, `type=${cacheType} without attributes`);
      unknownAttr(input, shown, `type=${cacheType} ${input === 'cache-from' ? 'import' : 'export'}`, key, known);
    }
  }
  check(input, shown, cacheType, attrs);
  const secrets = [...attrs].filter(([k, v]) => SECRET_ATTRS.has(k) && v !== '').map(([, v]) => v);
  return [
    {
      type: cacheType,
      attrs: Object.fromEntries(attrs),
      value: csvPairs([['type', cacheType], ...attrs]),
      secrets,
    },
  ];
}
