// `outputs` entries checked against buildx's exporters (image, registry, local, tar, oci, docker, cacheonly) and
// their documented attributes, plus buildx's short forms (`./dir` → local, `-` → tar on stdout). Typed, so the
// plan can tell where the image goes: buildx overwrites the `name=` of image/oci/docker outputs with the `--tag`s,
// and `--push` turns every image output into a pushing one — the integrator needs both facts.
import { InputError } from '../errors.js';
import { parsePlatform } from '../platform.js';
import { checkBools, checkCompression, goBool, parseAttrs, unknownAttr } from './attrs.js';
import { csvPairs, csvRecord } from './csv.js';
import { checkReference } from './reference.js';

export type OutputType = 'image' | 'registry' | 'local' | 'tar' | 'oci' | 'docker' | 'cacheonly';
export const OUTPUT_TYPES: readonly OutputType[] = ['image', 'registry', 'local', 'tar', 'oci', 'docker', 'cacheonly'];

export interface OutputEntry {
  type: OutputType;
  /** attributes other than `type` (`dest` included), keys lower-cased as buildx keeps them */
  attrs: Readonly<Record<string, string>>;
  /** the value handed to buildx */
  value: string;
}

export const OUTPUT_FORMS =
  'an output type=image|registry|local|tar|oci|docker|cacheonly[,key=value…] or a directory path (local output)';

const IMAGE = [
  'name',
  'push',
  'push-by-digest',
  'registry.insecure',
  'unpack',
  'dangling-name-prefix',
  'name-canonical',
  'store',
  'oci-mediatypes',
  'oci-artifact',
  'compression',
  'compression-level',
  'force-compression',
  'rewrite-timestamp',
  'annotation.<key>',
];
const ARCHIVE = [
  'name',
  'dest',
  'tar',
  'oci-mediatypes',
  'oci-artifact',
  'compression',
  'compression-level',
  'force-compression',
  'rewrite-timestamp',
  'annotation.<key>',
];
const KNOWN: Record<OutputType, readonly string[]> = {
  image: IMAGE,
  registry: IMAGE,
  oci: ARCHIVE,
  docker: [...ARCHIVE, 'context'],
  local: ['dest', 'mode', 'platform-split'],
  tar: ['dest', 'platform-split'],
  cacheonly: [],
};
const BOOLS = [
  'push',
  'push-by-digest',
  'registry.insecure',
  'unpack',
  'name-canonical',
  'store',
  'oci-mediatypes',
  'oci-artifact',
  'rewrite-timestamp',
  'tar',
  'platform-split',
];
// annotation.<key>, annotation-<level>.<key>, annotation[<platform>].<key>, annotation-<level>[<platform>].<key>
const ANNOTATION = /^annotation(?:-([a-z-]+))?(?:\[([^\]]*)\])?\.(.+)$/;
const ANNOTATION_LEVELS = ['manifest', 'manifest-descriptor', 'index', 'index-descriptor'];

const STDOUT =
  'an output written to a file: buildx would stream the tarball to stdout, into the build log (give dest=<file>)';

function checkAnnotation(shown: string, key: string): boolean {
  const m = ANNOTATION.exec(key);
  if (!m) return false;
  if (m[1] !== undefined && !ANNOTATION_LEVELS.includes(m[1])) {
    throw new InputError('outputs', shown, `annotation-<level>.<key> with level ${ANNOTATION_LEVELS.join(', ')}`);
  }
  if (m[2] !== undefined) parsePlatform('outputs', m[2]);
  return true;
}

/** One `outputs` line, as buildx reads it. */
export function parseOutput(value: string): OutputEntry {
  const fields = csvRecord('outputs', value, value, OUTPUT_FORMS);
  if (fields.length === 1 && fields[0] === value && !value.startsWith('type=')) {
    if (value === '-') throw new InputError('outputs', value, STDOUT);
    if (value.includes('=')) {
      // buildx would take `dest=./out` for a directory literally named "dest=./out"
      throw new InputError('outputs', value, `${OUTPUT_FORMS}; a key=value without type= is taken as a directory name`);
    }
    return {
      type: 'local',
      attrs: { dest: value },
      value: csvPairs([
        ['type', 'local'],
        ['dest', value],
      ]),
    };
  }
  const attrs = new Map<string, string>();
  let type: string | undefined;
  for (const a of parseAttrs('outputs', value, value, OUTPUT_FORMS)) {
    if (a.key === 'type') type = a.value;
    else attrs.set(a.key, a.value);
  }
  if (type === undefined) throw new InputError('outputs', value, `${OUTPUT_FORMS} (type is required)`);
  if (!(OUTPUT_TYPES as readonly string[]).includes(type)) {
    throw new InputError('outputs', value, `type=${OUTPUT_TYPES.join('|')} ("${type}" is not an exporter)`);
  }
  const outType = type as OutputType;
  const known = KNOWN[outType];
  for (const key of attrs.keys()) {
    if (known.includes(key)) continue;
    if (known.includes('annotation.<key>') && checkAnnotation(value, key)) continue;
    if (known.length === 0) throw new InputError('outputs', value, `type=${outType} without attributes`);
    unknownAttr('outputs', value, `type=${outType}`, key, known);
  }
  checkBools('outputs', value, attrs, BOOLS);
  checkCompression('outputs', value, attrs);
  const name = attrs.get('name');
  if (name !== undefined) {
    for (const n of name.split(',')) {
      const r = checkReference(n);
      if (!r.ok) throw new InputError('outputs', value, `name=<image>[,<image>…] ("${n}": ${r.why})`);
    }
  }
  const dest = attrs.get('dest');
  if (outType === 'local' && !dest)
    throw new InputError('outputs', value, 'type=local,dest=<directory> (dest is required)');
  const toFile =
    outType === 'tar' || ((outType === 'oci' || outType === 'docker') && goBool(attrs.get('tar') ?? 'true') !== false);
  if (dest === '-' || (toFile && outType !== 'docker' && !dest)) throw new InputError('outputs', value, STDOUT);
  const mode = attrs.get('mode');
  if (mode !== undefined && mode !== 'copy' && mode !== 'delete') {
    throw new InputError('outputs', value, 'mode=copy or mode=delete');
  }
  return { type: outType, attrs: Object.fromEntries(attrs), value: csvPairs([['type', outType], ...attrs]) };
}

/** Where the build result goes, given the outputs and the action's push decision (buildx's --push semantics). */
export interface OutputTargets {
  /** image names the outputs give themselves (`name=`); empty when buildx names images from the --tag flags */
  names: string[];
  /**
   * An image/oci/docker output names its images: the computed tags must not be passed as --tag, because buildx
   * replaces every such output's name with the tags.
   */
  namedByOutputs: boolean;
  /** something is pushed: a registry output, an image output with push=true, or `--push` (which sets push=true on
   *  every image output, or adds one named by the tags when there is none) */
  pushes: boolean;
  /** an image output pushes by digest only (push-by-digest=true): no tag is written in the registry */
  pushByDigest: boolean;
  /** `--push` adds an image output of its own (no image output given), named by the --tag flags */
  pushAddsOutput: boolean;
}

const isImage = (o: OutputEntry) => o.type === 'image' || o.type === 'registry';
const truthy = (v: string | undefined) => v !== undefined && goBool(v) === true;

export function outputTargets(outputs: readonly OutputEntry[], push: boolean): OutputTargets {
  const images = outputs.filter(isImage);
  const named = outputs.filter((o) => (isImage(o) || o.type === 'oci' || o.type === 'docker') && o.attrs.name);
  const pushing = images.filter((o) => push || o.type === 'registry' || truthy(o.attrs.push));
  return {
    names: named.flatMap((o) => o.attrs.name.split(',')),
    namedByOutputs: named.length > 0,
    pushes: pushing.length > 0 || (push && images.length === 0),
    pushByDigest: pushing.some((o) => truthy(o.attrs['push-by-digest'])),
    pushAddsOutput: push && images.length === 0,
  };
}

/** buildx refuses `--iidfile` next to a local or tar output ("local and tar exporters are incompatible with image
 *  ID file"); build-push-action leaves the flag out then, and so must the plan. */
export function imageIdFileAllowed(outputs: readonly OutputEntry[]): boolean {
  return !outputs.some((o) => o.type === 'local' || o.type === 'tar');
}

/**
 * The output flags, as build-push-action passes them: each output as `--output`, plus `--push` and `--load` when
 * asked for (with outputs too: buildx then pushes every image output and loads into docker as well).
 */
export function outputArgv(outputs: readonly OutputEntry[], opts: { push: boolean; load: boolean }): string[] {
  const argv = outputs.flatMap((o) => ['--output', o.value]);
  if (opts.push) argv.push('--push');
  if (opts.load) argv.push('--load');
  return argv;
}
