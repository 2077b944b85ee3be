// WWW-Authenticate as registries send it: the scheme and the parameters the client needs (realm, service, scope),
// including the forms the grammar allows and naive splitting gets wrong (commas inside quotes, escapes, several
// challenges in one header, token68).
import { describe, expect, it } from 'vitest';
import { parseChallenges, preferredChallenge, type Challenge } from '../../src/registry/challenge.js';

const cases: { name: string; header: string; expected: Challenge[] }[] = [
  {
    name: "ghcr.io's Bearer challenge with a push scope (a comma inside quotes)",
    header: 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:octo/app:pull,push"',
    expected: [
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:octo/app:pull,push' },
      },
    ],
  },
  {
    name: "an htpasswd registry's Basic challenge",
    header: 'Basic realm="Registry Realm"',
    expected: [{ scheme: 'basic', params: { realm: 'Registry Realm' } }],
  },
  {
    name: 'spaces around separators, a token value and an upper-case parameter name',
    header: 'Bearer  realm = "https://auth.example/token" , Service=registry.example ,error="insufficient_scope"',
    expected: [
      {
        scheme: 'bearer',
        params: { realm: 'https://auth.example/token', service: 'registry.example', error: 'insufficient_scope' },
      },
    ],
  },
  {
    name: 'escaped quotes and backslashes in a quoted string',
    header: 'Basic realm="say \\"hi\\" \\\\ there"',
    expected: [{ scheme: 'basic', params: { realm: 'say "hi" \\ there' } }],
  },
  {
    name: 'two challenges in one header',
    header: 'Basic realm="r1", Bearer realm="https://t.example/token",service="s"',
    expected: [
      { scheme: 'basic', params: { realm: 'r1' } },
      { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 's' } },
    ],
  },
  {
    name: 'a scheme alone, then a token68 challenge',
    header: 'Basic, Negotiate dGVzdA==',
    expected: [
      { scheme: 'basic', params: {} },
      { scheme: 'negotiate', params: {}, token68: 'dGVzdA==' },
    ],
  },
  { name: 'an empty header', header: '', expected: [] },
  {
    name: 'an unterminated quoted string: the parameter is dropped, nothing thrown',
    header: 'Bearer realm="https://x',
    expected: [{ scheme: 'bearer', params: {} }],
  },
];

describe('parseChallenges', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(parseChallenges(c.header)).toEqual(c.expected);
    });
  }
});

describe('preferredChallenge', () => {
  const prefer: { name: string; header: string; expected: string | undefined }[] = [
    { name: 'Bearer over Basic', header: 'Basic realm="a", Bearer realm="https://b/token"', expected: 'bearer' },
    { name: 'Basic over an unknown scheme', header: 'Negotiate abc, Basic realm="a"', expected: 'basic' },
    { name: 'the first when neither is offered', header: 'Negotiate abc', expected: 'negotiate' },
    { name: 'none in an empty header', header: '', expected: undefined },
  ];
  for (const c of prefer) {
    it(c.name, () => {
      expect(preferredChallenge(c.header)?.scheme).toBe(c.expected);
    });
  }
});
