// `build-contexts`: extra named contexts (`--build-context name=value`) for `FROM name` and `COPY --from=name`:
// a local directory, `docker-image://<ref>`, `oci-layout://<dir>[:tag|@digest]` or a Git/HTTP(S) URL. buildx's
// `target:<name>` only links targets of a bake file; with one build it fails, so it is refused here with the fix.
import { InputError } from '../errors.js';
import type { PathProbe } from './paths.js';
import { checkReference } from './reference.js';

export type ContextSource =
  | { kind: 'local'; path: string }
  | { kind: 'docker-image'; ref: string }
  | { kind: 'oci-layout'; path: string; tag?: string; digest?: string }
  | { kind: 'url'; url: string };

export interface BuildContext {
  /** the name as given (buildx normalises it as an image name: `alpine:latest` and `alpine` are one) */
  name: string;
  source: ContextSource;
  /** the `--build-context` value */
  value: string;
}

export const BUILD_CONTEXT_FORM =
  'name=<directory>, name=docker-image://<image>, name=oci-layout://<directory>[:<tag>|@sha256:<digest>] or name=<Git or HTTP(S) URL>';

/** Contexts buildx hands to BuildKit as URLs (Git in its URL and scp-like forms, HTTP(S) archives). */
export function isRemoteContext(value: string): boolean {
  return /^(https?:\/\/|git:\/\/|ssh:\/\/|git@[^:]+:|github\.com\/)/.test(value);
}

function source(value: string, name: string, raw: string, probe: PathProbe): ContextSource {
  const fail = (why: string): never => {
    throw new InputError('build-contexts', value, `${BUILD_CONTEXT_FORM} (${why})`);
  };
  if (raw.startsWith('docker-image://')) {
    const ref = raw.slice('docker-image://'.length);
    const r = checkReference(ref);
    if (!r.ok) fail(`${ref}: ${r.why}`);
    return { kind: 'docker-image', ref };
  }
  if (raw.startsWith('oci-layout://')) {
    let path = raw.slice('oci-layout://'.length);
    let tag: string | undefined;
    let digest: string | undefined;
    const at = path.lastIndexOf('@');
    if (at >= 0) {
      digest = path.slice(at + 1);
      path = path.slice(0, at);
      if (!/^sha256:[0-9a-f]{64}$/.test(digest)) fail(`${digest} is not a sha256:<64 hex digits> digest`);
    } else {
      const colon = path.lastIndexOf(':');
      if (colon > path.lastIndexOf('/')) {
        tag = path.slice(colon + 1);
        path = path.slice(0, colon);
      }
    }
    if (probe(path) !== 'directory' || probe(`${path}/index.json`) !== 'file') {
      fail(`${path} is not an OCI layout directory with an index.json`);
    }
    return { kind: 'oci-layout', path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
  }
  if (raw.startsWith('target:')) {
    fail(
      `target:<name> links bake targets and fails in a single build; to use stage ${raw.slice(7) || '<name>'} of this Dockerfile, name it directly in FROM or COPY --from instead of "${name}"`,
    );
  }
  if (isRemoteContext(raw)) return { kind: 'url', url: raw };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) fail(`${raw.split('://')[0]}:// is not a context source`);
  const kind = probe(raw);
  if (kind !== 'directory') fail(`${raw} ${kind ? 'is not a directory' : 'does not exist'}`);
  return { kind: 'local', path: raw };
}

export function parseBuildContext(value: string, probe: PathProbe): BuildContext {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) throw new InputError('build-contexts', value, BUILD_CONTEXT_FORM);
  const name = value.slice(0, eq);
  const r = checkReference(name);
  if (!r.ok) throw new InputError('build-contexts', value, `${BUILD_CONTEXT_FORM} (name "${name}": ${r.why})`);
  return { name, source: source(value, name, value.slice(eq + 1), probe), value };
}
