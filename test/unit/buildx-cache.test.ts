// cache-from / cache-to entries checked against BuildKit's cache backends and their documented attributes.
import { describe, expect, it } from 'vitest';
import { parseCacheEntry, type CacheInput } from '../../src/buildx/cache.js';

interface GoodCase {
  name: string;
  input: CacheInput;
  value: string;
  expected: { type: string; value: string; secrets?: string[] }[];
}

const good: GoodCase[] = [
  {
    name: 'an image reference (registry short form)',
    input: 'cache-from',
    value: 'user/app:cache',
    expected: [{ type: 'registry', value: 'user/app:cache' }],
  },
  {
    name: 'several references in one short form',
    input: 'cache-from',
    value: 'ghcr.io/o/app:cache,ghcr.io/o/app:main',
    expected: [
      { type: 'registry', value: 'ghcr.io/o/app:cache' },
      { type: 'registry', value: 'ghcr.io/o/app:main' },
    ],
  },
  {
    name: 'registry import',
    input: 'cache-from',
    value: 'type=registry,ref=ghcr.io/o/app:cache',
    expected: [{ type: 'registry', value: 'type=registry,ref=ghcr.io/o/app:cache' }],
  },
  {
    name: 'registry export with every documented attribute',
    input: 'cache-to',
    value:
      'type=registry,ref=127.0.0.1:5000/o/app:cache,mode=max,image-manifest=true,oci-mediatypes=true,compression=zstd,compression-level=19,force-compression=true,ignore-error=true,registry.insecure=true',
    expected: [
      {
        type: 'registry',
        value:
          'type=registry,ref=127.0.0.1:5000/o/app:cache,mode=max,image-manifest=true,oci-mediatypes=true,compression=zstd,compression-level=19,force-compression=true,ignore-error=true,registry.insecure=true',
      },
    ],
  },
  {
    name: 'local import',
    input: 'cache-from',
    value: 'type=local,src=/tmp/cache',
    expected: [{ type: 'local', value: 'type=local,src=/tmp/cache' }],
  },
  {
    name: 'local export',
    input: 'cache-to',
    value: 'type=local,dest=/tmp/cache,mode=max,reset=true,tag=main',
    expected: [{ type: 'local', value: 'type=local,dest=/tmp/cache,mode=max,reset=true,tag=main' }],
  },
  {
    name: 'gha import with a scope',
    input: 'cache-from',
    value: 'type=gha,scope=app',
    expected: [{ type: 'gha', value: 'type=gha,scope=app' }],
  },
  {
    name: 'gha with url and token: the token is a secret',
    input: 'cache-from',
    value: 'type=gha,scope=a,url=http://127.0.0.1:1234/,token=tok.en.sig',
    expected: [
      { type: 'gha', value: 'type=gha,scope=a,url=http://127.0.0.1:1234/,token=tok.en.sig', secrets: ['tok.en.sig'] },
    ],
  },
  {
    name: 'gha export, max mode',
    input: 'cache-to',
    value: 'type=gha,mode=max,scope=a,ignore-error=1,timeout=5m30s',
    expected: [{ type: 'gha', value: 'type=gha,mode=max,scope=a,ignore-error=1,timeout=5m30s' }],
  },
  {
    name: 's3 export with keys (secret ones masked)',
    input: 'cache-to',
    value:
      'type=s3,region=eu-west-1,bucket=b,name=app,mode=max,access_key_id=AKIA1,secret_access_key=SK1,session_token=ST1,retry_mode=adaptive,upload_parallelism=8',
    expected: [
      {
        type: 's3',
        value:
          'type=s3,region=eu-west-1,bucket=b,name=app,mode=max,access_key_id=AKIA1,secret_access_key=SK1,session_token=ST1,retry_mode=adaptive,upload_parallelism=8',
        secrets: ['SK1', 'ST1'],
      },
    ],
  },
  {
    name: 'azblob import',
    input: 'cache-from',
    value: 'type=azblob,account_url=https://acct.blob.core.windows.net,name=app',
    expected: [{ type: 'azblob', value: 'type=azblob,account_url=https://acct.blob.core.windows.net,name=app' }],
  },
  {
    name: 'inline export',
    input: 'cache-to',
    value: 'type=inline',
    expected: [{ type: 'inline', value: 'type=inline' }],
  },
  {
    name: 'keys are case-insensitive (buildx lower-cases them)',
    input: 'cache-from',
    value: 'TYPE=gha,Scope=x',
    expected: [{ type: 'gha', value: 'type=gha,scope=x' }],
  },
  {
    name: 'a value with a comma is quoted for buildx',
    input: 'cache-to',
    value: 'type=local,"dest=/tmp/a,b"',
    expected: [{ type: 'local', value: 'type=local,"dest=/tmp/a,b"' }],
  },
];

interface BadCase {
  name: string;
  input: CacheInput;
  value: string;
  message: string;
}

const FORMS =
  'a cache entry type=registry|local|gha|s3|azblob|inline[,key=value…] or an image reference (type=registry,ref=…)';
const err = (input: CacheInput, shown: string, expected: string) =>
  `Input "${input}": got ${JSON.stringify(shown)}; expected ${expected}`;

const bad: BadCase[] = [
  {
    name: 'an unknown backend',
    input: 'cache-from',
    value: 'type=s4,bucket=x',
    message: err(
      'cache-from',
      'type=s4,bucket=x',
      'type=registry|local|gha|s3|azblob|inline ("s4" is not a cache backend)',
    ),
  },
  {
    name: 'mode=maximum (BuildKit would export min silently)',
    input: 'cache-to',
    value: 'type=gha,mode=maximum',
    message: err('cache-to', 'type=gha,mode=maximum', 'mode=min or mode=max'),
  },
  {
    name: 'a misspelt attribute lists the known ones',
    input: 'cache-to',
    value: 'type=gha,mod=max',
    message: err(
      'cache-to',
      'type=gha,mod=max',
      'type=gha export attributes among url, url_v2, token, scope, timeout, version, mode, ignore-error, repository, ghtoken ("mod" is not one)',
    ),
  },
  {
    name: 'mode is an export attribute only',
    input: 'cache-from',
    value: 'type=gha,mode=max',
    message: err(
      'cache-from',
      'type=gha,mode=max',
      'type=gha import attributes among url, url_v2, token, scope, timeout, version ("mode" is not one)',
    ),
  },
  {
    name: 'the token is never shown',
    input: 'cache-to',
    value: 'type=gha,token=SECRET-TOKEN,mod=max',
    message: err(
      'cache-to',
      'type=gha,token=***,mod=max',
      'type=gha export attributes among url, url_v2, token, scope, timeout, version, mode, ignore-error, repository, ghtoken ("mod" is not one)',
    ),
  },
  {
    name: 'a quoted token with a comma is never shown either',
    input: 'cache-to',
    value: 'type=gha,"token=SEC,RET",mode=most',
    message: err('cache-to', 'type=gha,token=***,mode=most', 'mode=min or mode=max'),
  },
  {
    name: 'an unparseable entry is cut before its secret',
    input: 'cache-from',
    value: 'type=gha,token=SEC"RET',
    message: err('cache-from', 'type=gha,***', `${FORMS} (a quote inside a field that does not start with one)`),
  },
  {
    name: 'ignore-error not a boolean',
    input: 'cache-to',
    value: 'type=gha,ignore-error=yes',
    message: err(
      'cache-to',
      'type=gha,ignore-error=yes',
      'ignore-error=true or false (also 1/0, t/f, TRUE/FALSE, True/False)',
    ),
  },
  {
    name: 'registry without ref',
    input: 'cache-to',
    value: 'type=registry,mode=max',
    message: err('cache-to', 'type=registry,mode=max', 'type=registry,ref=<image reference> (ref is required)'),
  },
  {
    name: 'registry ref with capitals',
    input: 'cache-from',
    value: 'type=registry,ref=Octo/App',
    message: err(
      'cache-from',
      'type=registry,ref=Octo/App',
      'ref=<image reference>: repository names must be lower-case',
    ),
  },
  {
    name: 'short form with capitals',
    input: 'cache-from',
    value: 'Octo/App',
    message: err('cache-from', 'Octo/App', `${FORMS}: repository names must be lower-case`),
  },
  {
    name: 'short form with a space',
    input: 'cache-from',
    value: 'my cache',
    message: err('cache-from', 'my cache', `${FORMS}: not an image reference [registry/]repository[:tag][@digest]`),
  },
  {
    name: 'local export without dest',
    input: 'cache-to',
    value: 'type=local',
    message: err('cache-to', 'type=local', 'type=local,dest=<directory> (dest is required)'),
  },
  {
    name: 'local import with dest',
    input: 'cache-from',
    value: 'type=local,dest=/x',
    message: err(
      'cache-from',
      'type=local,dest=/x',
      'type=local import attributes among src, digest, tag ("dest" is not one)',
    ),
  },
  {
    name: 'local digest not a digest',
    input: 'cache-from',
    value: 'type=local,src=/x,digest=abc',
    message: err('cache-from', 'type=local,src=/x,digest=abc', 'digest=sha256:<64 hex digits>'),
  },
  {
    name: 'inline as an import source',
    input: 'cache-from',
    value: 'type=inline',
    message: err(
      'cache-from',
      'type=inline',
      'an import source: type=inline only exports; read an inline cache back with type=registry,ref=<image>',
    ),
  },
  {
    name: 'inline in max mode',
    input: 'cache-to',
    value: 'type=inline,mode=max',
    message: err(
      'cache-to',
      'type=inline,mode=max',
      'mode=min for type=inline (the inline cache holds min mode only; use type=registry for max)',
    ),
  },
  {
    name: 'no type',
    input: 'cache-to',
    value: 'scope=x,mode=max',
    message: err('cache-to', 'scope=x,mode=max', `${FORMS} (type is required)`),
  },
  {
    name: 'a field without =',
    input: 'cache-to',
    value: 'type=gha,max',
    message: err('cache-to', 'type=gha,max', `${FORMS}; "max" is not a key=value attribute`),
  },
  {
    name: 'type names are case-sensitive',
    input: 'cache-to',
    value: 'type=GHA',
    message: err('cache-to', 'type=GHA', 'type=registry|local|gha|s3|azblob|inline ("GHA" is not a cache backend)'),
  },
  {
    name: 'timeout not a duration',
    input: 'cache-to',
    value: 'type=gha,timeout=ten',
    message: err('cache-to', 'type=gha,timeout=ten', 'timeout=<duration> such as 10m, 1h30m or 90s'),
  },
  {
    name: 'gha url not http',
    input: 'cache-from',
    value: 'type=gha,url=ftp://x/',
    message: err('cache-from', 'type=gha,url=ftp://x/', 'url=<http(s) URL of the cache service>'),
  },
  {
    name: 'gha version 3',
    input: 'cache-from',
    value: 'type=gha,version=3',
    message: err('cache-from', 'type=gha,version=3', 'version=1 or version=2 (the cache service protocol)'),
  },
  {
    name: 'unknown compression',
    input: 'cache-to',
    value: 'type=registry,ref=a/b,compression=brotli',
    message: err('cache-to', 'type=registry,ref=a/b,compression=brotli', 'compression=uncompressed|gzip|estargz|zstd'),
  },
  {
    name: 'gzip level out of range',
    input: 'cache-to',
    value: 'type=registry,ref=a/b,compression-level=12',
    message: err(
      'cache-to',
      'type=registry,ref=a/b,compression-level=12',
      'compression-level=<0-9> for gzip (0-9 for gzip and estargz, 0-22 for zstd)',
    ),
  },
  {
    name: 's3 retry mode',
    input: 'cache-to',
    value: 'type=s3,bucket=b,retry_mode=fast',
    message: err('cache-to', 'type=s3,bucket=b,retry_mode=fast', 'retry_mode=standard or retry_mode=adaptive'),
  },
  {
    name: 's3 secret key not shown',
    input: 'cache-to',
    value: 'type=s3,bucket=b,secret_access_key=SK2,upload_parallelism=0',
    message: err(
      'cache-to',
      'type=s3,bucket=b,secret_access_key=***,upload_parallelism=0',
      'upload_parallelism=<positive integer>',
    ),
  },
  {
    name: 'oci-mediatypes not a boolean',
    input: 'cache-to',
    value: 'type=local,dest=/x,oci-mediatypes=yes',
    message: err(
      'cache-to',
      'type=local,dest=/x,oci-mediatypes=yes',
      'oci-mediatypes=true or false (also 1/0, t/f, TRUE/FALSE, True/False)',
    ),
  },
  {
    name: 'repository not owner/repo',
    input: 'cache-to',
    value: 'type=gha,repository=app',
    message: err('cache-to', 'type=gha,repository=app', 'repository=<owner>/<repo>'),
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

describe('parseCacheEntry', () => {
  for (const c of good) {
    it(`accepts ${c.name}`, () => {
      const entries = parseCacheEntry(c.input, c.value);
      expect(entries.map((e) => ({ type: e.type, value: e.value, secrets: e.secrets }))).toEqual(
        c.expected.map((e) => ({ ...e, secrets: e.secrets ?? [] })),
      );
    });
  }
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      expect(messageOf(() => parseCacheEntry(c.input, c.value))).toBe(c.message);
    });
  }
  it('keeps the attributes typed', () => {
    expect(parseCacheEntry('cache-to', 'type=gha,mode=max,scope=app')[0]).toMatchObject({
      type: 'gha',
      attrs: { mode: 'max', scope: 'app' },
    });
  });
});
