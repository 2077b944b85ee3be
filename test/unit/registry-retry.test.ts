// When a registry request is sent again and after how long: Retry-After in both forms, the cap, the backoff for
// failures that say nothing, and the failures that are never retried. Pure: a fixed clock, no waiting.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  parseRetryAfter,
  type RetryDecision,
  type SendOutcome,
} from '../../src/registry/retry.js';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('parseRetryAfter', () => {
  const cases: { name: string; value: string | undefined; expected: number | undefined }[] = [
    { name: 'delta-seconds', value: '5', expected: 5000 },
    { name: 'zero seconds', value: '0', expected: 0 },
    { name: 'surrounding spaces', value: ' 12 ', expected: 12_000 },
    { name: 'an IMF-fixdate 30 s ahead', value: 'Tue, 01 Dec 2026 10:00:30 GMT', expected: 30_000 },
    { name: 'an RFC 850 date 2 min ahead', value: 'Tuesday, 01-Dec-26 10:02:00 GMT', expected: 120_000 },
    { name: 'a date in the past waits nothing', value: 'Tue, 01 Dec 2026 09:00:00 GMT', expected: 0 },
    { name: 'absent', value: undefined, expected: undefined },
    { name: 'empty', value: '', expected: undefined },
    { name: 'a negative number is not a delta', value: '-5', expected: undefined },
    { name: 'a fraction is not a delta', value: '1.5', expected: undefined },
    { name: 'a bare number-like date is not guessed at', value: '2026-12-01', expected: undefined },
    { name: 'garbage', value: 'soon', expected: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseRetryAfter(c.value, NOW)).toBe(c.expected);
    });
  }
});

describe('decideRetry (default policy: 4 sends, waits ≤ 60 s, backoff 0.5 s, 1 s, 2 s)', () => {
  const cases: { name: string; outcome: SendOutcome; attempt: number; expected: RetryDecision }[] = [
    {
      name: '429 with Retry-After: wait what is asked',
      outcome: { status: 429, retryAfterMs: 7000 },
      attempt: 1,
      expected: { retry: true, waitMs: 7000 },
    },
    {
      name: '429 asking exactly the cap: waited',
      outcome: { status: 429, retryAfterMs: 60_000 },
      attempt: 2,
      expected: { retry: true, waitMs: 60_000 },
    },
    {
      name: '429 asking more than the cap: not waited for',
      outcome: { status: 429, retryAfterMs: 3_600_000 },
      attempt: 1,
      expected: { retry: false, why: 'wait-too-long', askedMs: 3_600_000 },
    },
    {
      name: '429 without Retry-After: backoff',
      outcome: { status: 429 },
      attempt: 2,
      expected: { retry: true, waitMs: 1000 },
    },
    {
      name: '503 with Retry-After: wait what is asked',
      outcome: { status: 503, retryAfterMs: 2000 },
      attempt: 1,
      expected: { retry: true, waitMs: 2000 },
    },
    { name: '500: first backoff', outcome: { status: 500 }, attempt: 1, expected: { retry: true, waitMs: 500 } },
    { name: '502: third backoff', outcome: { status: 502 }, attempt: 3, expected: { retry: true, waitMs: 2000 } },
    {
      name: '500 after the last attempt: exhausted',
      outcome: { status: 500 },
      attempt: 4,
      expected: { retry: false, why: 'exhausted' },
    },
    {
      name: '429 after the last attempt: exhausted',
      outcome: { status: 429, retryAfterMs: 1000 },
      attempt: 4,
      expected: { retry: false, why: 'exhausted' },
    },
    { name: '501 is not transient', outcome: { status: 501 }, attempt: 1, expected: { retry: false, why: 'final' } },
    { name: '401 is final', outcome: { status: 401 }, attempt: 1, expected: { retry: false, why: 'final' } },
    { name: '403 is final', outcome: { status: 403 }, attempt: 1, expected: { retry: false, why: 'final' } },
    { name: '404 is final', outcome: { status: 404 }, attempt: 1, expected: { retry: false, why: 'final' } },
    {
      name: '401 with a Retry-After is still final',
      outcome: { status: 401, retryAfterMs: 1000 },
      attempt: 1,
      expected: { retry: false, why: 'final' },
    },
    { name: '400 is final', outcome: { status: 400 }, attempt: 1, expected: { retry: false, why: 'final' } },
    {
      name: 'a reset connection: backoff',
      outcome: { networkCode: 'ECONNRESET' },
      attempt: 1,
      expected: { retry: true, waitMs: 500 },
    },
    {
      name: 'a refused connection: backoff',
      outcome: { networkCode: 'ECONNREFUSED' },
      attempt: 2,
      expected: { retry: true, waitMs: 1000 },
    },
    {
      name: "undici's socket error: backoff",
      outcome: { networkCode: 'UND_ERR_SOCKET' },
      attempt: 1,
      expected: { retry: true, waitMs: 500 },
    },
    {
      name: 'an unknown host is final',
      outcome: { networkCode: 'ENOTFOUND' },
      attempt: 1,
      expected: { retry: false, why: 'final' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(decideRetry(c.outcome, c.attempt, DEFAULT_RETRY_POLICY)).toEqual(c.expected);
    });
  }

  it('caps a long backoff at the longest wait', () => {
    const policy = { maxAttempts: 10, maxWaitMs: 5000, backoffMs: (n: number) => 1000 * 4 ** n };
    expect(decideRetry({ status: 500 }, 3, policy)).toEqual({ retry: true, waitMs: 5000 });
  });
});
