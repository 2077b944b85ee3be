// Tag and image-name rules (Docker reference grammar).

/** Longest tag Docker accepts. */
export const MAX_TAG_LENGTH = 128;

/**
 * Make a tag valid: runs of characters outside [A-Za-z0-9._-] become one `-` (metadata-action's rule; case is
 * kept), then leading `.`/`-` are removed (a tag must start with a word character) and the tag is cut to 128
 * characters. Returns '' when nothing valid is left.
 */
export function sanitizeTag(tag: string): string {
  return tag
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, MAX_TAG_LENGTH);
}

const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-f0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);

/** Whether `name` (already lower-cased) is a valid repository name: [registry[:port]/]path, no tag or digest. */
export function isValidImageName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && IMAGE_NAME.test(name);
}
