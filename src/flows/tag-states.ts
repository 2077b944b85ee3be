// After a push or an index that failed part-way: where every planned tag points now. The user must never be left
// guessing which tags moved — the error, the `pushed-tags` output and the summary all come from this.
import type { Registries } from '../registry/session.js';
import { groupTagStates, type TagState } from '../result.js';

export async function readTagStates(
  tags: readonly string[],
  newDigest: string | undefined,
  registries: Registries,
): Promise<TagState[]> {
  const { readBack } = await import('../registry/read-back.js');
  const read = await readBack(tags, newDigest, [], registries);
  return read.map((t) => ({
    ref: t.ref,
    digest: t.digest,
    moved: newDigest !== undefined && t.digest === newDigest,
    error: t.error && !/not.found|404/i.test(t.error.message) ? t.error.message : undefined,
  }));
}

/**
 * "Registry state: 1 of 3 tags point at the new image sha256:…: a. Not moved: b (still at sha256:…), c (absent).
 * Unknown: d (unreadable: …)."
 */
export function describeTagStates(states: readonly TagState[], newDigest: string | undefined): string {
  const { moved, notMoved, unknown } = groupTagStates(states);
  const where = (s: TagState) => (s.digest ? `${s.ref} (still at ${s.digest})` : `${s.ref} (absent)`);
  const unknownPart = unknown.length
    ? ` Unknown: ${unknown.map((s) => `${s.ref} (unreadable: ${s.error})`).join(', ')}.`
    : '';
  if (!newDigest) {
    return `Registry state: nothing was pushed; the tags are as they were: ${notMoved.map(where).join(', ')}.${unknownPart}`;
  }
  const head = `Registry state: ${moved.length} of ${states.length} tags point at the new image ${newDigest}`;
  return (
    `${head}${moved.length ? `: ${moved.map((s) => s.ref).join(', ')}` : ''}.` +
    (notMoved.length ? ` Not moved: ${notMoved.map(where).join(', ')}.` : '') +
    unknownPart
  );
}
