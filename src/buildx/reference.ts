// Image references as buildx and BuildKit parse them (distribution/reference's grammar and ParseNormalizedNamed):
// [host[:port]/]path[:tag][@digest], path components lower-case. Checked up front so a cache ref, an output name,
// a docker-image:// context or an SBOM generator with a typo fails as an input error instead of inside BuildKit.
// (src/registry/image-ref.ts splits references that are already valid; this says whether one is.)

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME_ONLY = new RegExp(`^${NAME}$`);

export interface ReferenceCheck {
  ok: boolean;
  /** why not, in words */
  why?: string;
}

function nameProblem(name: string): string | undefined {
  if (name.length > 255) return 'the repository name is longer than 255 characters';
  if (/^[a-f0-9]{64}$/.test(name)) return 'a 64-character hexadecimal string is an image ID, not a name';
  return undefined;
}

/** A full reference: name with an optional tag and digest (what `--cache-from`'s ref or `FROM` take). */
export function checkReference(ref: string): ReferenceCheck {
  const m = REFERENCE.exec(ref);
  if (!m) {
    if (REFERENCE.test(ref.toLowerCase())) return { ok: false, why: 'repository names must be lower-case' };
    return { ok: false, why: 'not an image reference [registry/]repository[:tag][@digest]' };
  }
  const why = nameProblem(m[1]);
  return why ? { ok: false, why } : { ok: true };
}

/** A name without tag or digest (a build context name). */
export function checkName(name: string): ReferenceCheck {
  if (!NAME_ONLY.test(name)) {
    if (NAME_ONLY.test(name.toLowerCase())) return { ok: false, why: 'names must be lower-case' };
    return { ok: false, why: 'not a name [registry/]repository' };
  }
  const why = nameProblem(name);
  return why ? { ok: false, why } : { ok: true };
}
