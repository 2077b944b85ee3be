// outputs checked against buildx's exporters and their attributes; where the image goes (names, push) under
// buildx's --tag and --push semantics.
import { describe, expect, it } from 'vitest';
import {
  imageIdFileAllowed,
  outputArgv,
  outputTargets,
  parseOutput,
  type OutputTargets,
} from '../../src/buildx/outputs.js';

interface GoodCase {
  name: string;
  value: string;
  expected: { type: string; value: string };
}

const good: GoodCase[] = [
  { name: 'a path is a local output', value: './out', expected: { type: 'local', value: 'type=local,dest=./out' } },
  { name: 'a bare directory name too', value: 'out', expected: { type: 'local', value: 'type=local,dest=out' } },
  {
    name: 'image pushed by digest (fan-out legs)',
    value: 'type=image,name=ghcr.io/o/app,push-by-digest=true,name-canonical=true,push=true',
    expected: {
      type: 'image',
      value: 'type=image,name=ghcr.io/o/app,push-by-digest=true,name-canonical=true,push=true',
    },
  },
  {
    name: 'registry output with two names (quoted)',
    value: 'type=registry,"name=ghcr.io/o/app:1,ghcr.io/o/app:latest"',
    expected: { type: 'registry', value: 'type=registry,"name=ghcr.io/o/app:1,ghcr.io/o/app:latest"' },
  },
  {
    name: 'OCI layout tarball',
    value: 'type=oci,dest=/tmp/x.tar',
    expected: { type: 'oci', value: 'type=oci,dest=/tmp/x.tar' },
  },
  {
    name: 'OCI layout directory',
    value: 'type=oci,tar=false,dest=/tmp/layout',
    expected: { type: 'oci', value: 'type=oci,tar=false,dest=/tmp/layout' },
  },
  { name: 'docker: load into the engine', value: 'type=docker', expected: { type: 'docker', value: 'type=docker' } },
  {
    name: 'docker tarball',
    value: 'type=docker,dest=/tmp/img.tar,context=default',
    expected: { type: 'docker', value: 'type=docker,dest=/tmp/img.tar,context=default' },
  },
  {
    name: 'tar of the filesystem',
    value: 'type=tar,dest=/tmp/fs.tar',
    expected: { type: 'tar', value: 'type=tar,dest=/tmp/fs.tar' },
  },
  {
    name: 'local with mode and platform-split',
    value: 'type=local,dest=out,mode=delete,platform-split=false',
    expected: { type: 'local', value: 'type=local,dest=out,mode=delete,platform-split=false' },
  },
  { name: 'cacheonly', value: 'type=cacheonly', expected: { type: 'cacheonly', value: 'type=cacheonly' } },
  {
    name: 'annotations at every level and per platform (keys lower-cased as buildx does)',
    value:
      'type=image,annotation.org.opencontainers.image.Title=App,annotation-index.foo=bar,annotation[linux/amd64].x=y,annotation-manifest-descriptor[linux/arm64].z=1',
    expected: {
      type: 'image',
      value:
        'type=image,annotation.org.opencontainers.image.title=App,annotation-index.foo=bar,annotation[linux/amd64].x=y,annotation-manifest-descriptor[linux/arm64].z=1',
    },
  },
  {
    name: 'image attributes with compression',
    value: 'type=image,oci-mediatypes=true,compression=estargz,force-compression=1,store=false,unpack=false',
    expected: {
      type: 'image',
      value: 'type=image,oci-mediatypes=true,compression=estargz,force-compression=1,store=false,unpack=false',
    },
  },
];

const FORMS =
  'an output type=image|registry|local|tar|oci|docker|cacheonly[,key=value…] or a directory path (local output)';
const STDOUT =
  'an output written to a file: buildx would stream the tarball to stdout, into the build log (give dest=<file>)';
const err = (shown: string, expected: string) => `Input "outputs": got ${JSON.stringify(shown)}; expected ${expected}`;

const bad = [
  { name: '- (tar to stdout)', value: '-', message: err('-', STDOUT) },
  { name: 'tar without dest', value: 'type=tar', message: err('type=tar', STDOUT) },
  { name: 'oci without dest', value: 'type=oci,name=a/b', message: err('type=oci,name=a/b', STDOUT) },
  { name: 'docker to stdout', value: 'type=docker,dest=-', message: err('type=docker,dest=-', STDOUT) },
  {
    name: 'a key=value without type',
    value: 'dest=./out',
    message: err('dest=./out', `${FORMS}; a key=value without type= is taken as a directory name`),
  },
  {
    name: 'local without dest',
    value: 'type=local',
    message: err('type=local', 'type=local,dest=<directory> (dest is required)'),
  },
  {
    name: 'unknown exporter',
    value: 'type=imag,name=a/b',
    message: err(
      'type=imag,name=a/b',
      'type=image|registry|local|tar|oci|docker|cacheonly ("imag" is not an exporter)',
    ),
  },
  {
    name: 'misspelt attribute lists the known ones',
    value: 'type=image,pusj=true',
    message: err(
      'type=image,pusj=true',
      'type=image attributes among name, push, push-by-digest, registry.insecure, unpack, dangling-name-prefix, name-canonical, store, oci-mediatypes, oci-artifact, compression, compression-level, force-compression, rewrite-timestamp, annotation.<key> ("pusj" is not one)',
    ),
  },
  {
    name: 'push not a boolean',
    value: 'type=image,push=yes',
    message: err('type=image,push=yes', 'push=true or false (also 1/0, t/f, TRUE/FALSE, True/False)'),
  },
  {
    name: 'name with capitals',
    value: 'type=image,name=ghcr.io/Octo/App',
    message: err(
      'type=image,name=ghcr.io/Octo/App',
      'name=<image>[,<image>…] ("ghcr.io/Octo/App": repository names must be lower-case)',
    ),
  },
  {
    name: 'local mode',
    value: 'type=local,dest=x,mode=mirror',
    message: err('type=local,dest=x,mode=mirror', 'mode=copy or mode=delete'),
  },
  {
    name: 'annotation level',
    value: 'type=image,annotation-layer.x=y',
    message: err(
      'type=image,annotation-layer.x=y',
      'annotation-<level>.<key> with level manifest, manifest-descriptor, index, index-descriptor',
    ),
  },
  {
    name: 'cacheonly takes no attributes',
    value: 'type=cacheonly,dest=x',
    message: err('type=cacheonly,dest=x', 'type=cacheonly without attributes'),
  },
  {
    name: 'compression',
    value: 'type=image,compression=lz4',
    message: err('type=image,compression=lz4', 'compression=uncompressed|gzip|estargz|zstd'),
  },
  {
    name: 'local takes no name',
    value: 'type=local,dest=x,name=a/b',
    message: err(
      'type=local,dest=x,name=a/b',
      'type=local attributes among dest, mode, platform-split ("name" is not one)',
    ),
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

describe('parseOutput', () => {
  for (const c of good) {
    it(`accepts ${c.name}`, () => {
      const o = parseOutput(c.value);
      expect({ type: o.type, value: o.value }).toEqual(c.expected);
    });
  }
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      expect(messageOf(() => parseOutput(c.value))).toBe(c.message);
    });
  }
  it('an annotation platform is read as a platform', () => {
    expect(messageOf(() => parseOutput('type=image,annotation[linux/*].x=y'))).toMatch(
      /^Input "outputs": got "linux\/\*"; expected a platform os\/arch\[\/variant\] .*; wildcards are not supported$/,
    );
  });
});

interface TargetCase {
  name: string;
  outputs: string[];
  push: boolean;
  expected: OutputTargets;
}

const none = { names: [], namedByOutputs: false, pushes: false, pushByDigest: false, pushAddsOutput: false };

const targets: TargetCase[] = [
  {
    name: 'no outputs, push: the tags are pushed',
    outputs: [],
    push: true,
    expected: { ...none, pushes: true, pushAddsOutput: true },
  },
  { name: 'no outputs, no push', outputs: [], push: false, expected: none },
  {
    name: 'push by digest names its own image (no --tag then)',
    outputs: ['type=image,name=ghcr.io/o/app,push-by-digest=true,name-canonical=true,push=true'],
    push: false,
    expected: {
      names: ['ghcr.io/o/app'],
      namedByOutputs: true,
      pushes: true,
      pushByDigest: true,
      pushAddsOutput: false,
    },
  },
  {
    name: 'push: true overrides an output push=false (buildx --push)',
    outputs: ['type=image,name=a/b,push=false'],
    push: true,
    expected: { names: ['a/b'], namedByOutputs: true, pushes: true, pushByDigest: false, pushAddsOutput: false },
  },
  {
    name: 'a push=false output pushes nothing',
    outputs: ['type=image,name=a/b,push=false'],
    push: false,
    expected: { names: ['a/b'], namedByOutputs: true, pushes: false, pushByDigest: false, pushAddsOutput: false },
  },
  {
    name: 'a registry output pushes without push: true',
    outputs: ['type=registry,name=a/b'],
    push: false,
    expected: { names: ['a/b'], namedByOutputs: true, pushes: true, pushByDigest: false, pushAddsOutput: false },
  },
  {
    name: 'a local output with push: true: buildx adds an image output named by the tags',
    outputs: ['type=local,dest=out'],
    push: true,
    expected: { ...none, pushes: true, pushAddsOutput: true },
  },
  {
    name: 'an OCI tarball with a name, no push',
    outputs: ['type=oci,name=a/b:1,dest=/tmp/x.tar'],
    push: false,
    expected: { ...none, names: ['a/b:1'], namedByOutputs: true },
  },
  {
    name: 'several names in one output',
    outputs: ['type=image,"name=a/b:1,a/b:2",push=true'],
    push: false,
    expected: {
      names: ['a/b:1', 'a/b:2'],
      namedByOutputs: true,
      pushes: true,
      pushByDigest: false,
      pushAddsOutput: false,
    },
  },
];

describe('outputTargets', () => {
  for (const c of targets) {
    it(c.name, () => {
      expect(outputTargets(c.outputs.map(parseOutput), c.push)).toEqual(c.expected);
    });
  }
});

describe('outputArgv', () => {
  const cases = [
    {
      name: 'outputs with push and load: both kept',
      outputs: ['type=local,dest=out', 'type=oci,dest=x.tar'],
      push: true,
      load: true,
      expected: ['--output', 'type=local,dest=out', '--output', 'type=oci,dest=x.tar', '--push', '--load'],
    },
    { name: 'push only', outputs: [], push: true, load: false, expected: ['--push'] },
    {
      name: 'an output only',
      outputs: ['type=image,name=a/b,push=true'],
      push: false,
      load: false,
      expected: ['--output', 'type=image,name=a/b,push=true'],
    },
    { name: 'nothing', outputs: [], push: false, load: false, expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(outputArgv(c.outputs.map(parseOutput), { push: c.push, load: c.load })).toEqual(c.expected);
    });
  }
});

describe('imageIdFileAllowed', () => {
  const cases = [
    { name: 'no outputs', outputs: [], expected: true },
    { name: 'an image output', outputs: ['type=image,name=a/b,push=true'], expected: true },
    { name: 'an OCI tarball', outputs: ['type=oci,dest=x.tar'], expected: true },
    { name: 'a local output (buildx refuses --iidfile with it)', outputs: ['./out'], expected: false },
    { name: 'a tar output among others', outputs: ['type=image,name=a/b', 'type=tar,dest=fs.tar'], expected: false },
  ];
  for (const c of cases) {
    it(c.name, () => expect(imageIdFileAllowed(c.outputs.map(parseOutput))).toBe(c.expected));
  }
});
