import { describe, expect, it } from 'vitest';
import { describeTagStates } from '../../src/flows/tag-states.js';
import type { TagState } from '../../src/result.js';

const NEW = `sha256:${'a'.repeat(64)}`;
const OLD = `sha256:${'b'.repeat(64)}`;

describe('describeTagStates', () => {
  it('moved, not moved (elsewhere or absent) and unknown (unreadable) are told apart', () => {
    const states: TagState[] = [
      { ref: 'r/a:one', digest: NEW, moved: true },
      { ref: 'r/a:two', digest: OLD, moved: false },
      { ref: 'r/a:three', moved: false },
      { ref: 'r/a:four', moved: false, error: 'HTTP 401' },
    ];
    expect(describeTagStates(states, NEW)).toBe(
      `Registry state: 1 of 4 tags point at the new image ${NEW}: r/a:one. ` +
        `Not moved: r/a:two (still at ${OLD}), r/a:three (absent). Unknown: r/a:four (unreadable: HTTP 401).`,
    );
  });

  it('nothing exported: the tags are as they were', () => {
    expect(describeTagStates([{ ref: 'r/a:one', digest: OLD, moved: false }], undefined)).toBe(
      `Registry state: nothing was pushed; the tags are as they were: r/a:one (still at ${OLD}).`,
    );
  });
});
