// When a registry request is worth sending again, and after how long. Registries throttle (ghcr.io and Docker Hub
// answer 429, some 503 with Retry-After) and have bad moments (5xx, dropped connections); both pass, so the client
// waits and retries, bounded so a run never hangs. Credentials and missing things do not pass: 401/403/404 and
// other 4xx are final. Pure: the caller supplies the clock and performs the wait (tests use no real time).

export interface RetryPolicy {
  /** sends per request, the first included */
  maxAttempts: number;
  /** the longest single wait; a registry that asks for more is not waited for (the request fails) */
  maxWaitMs: number;
  /** the wait before retry n (1-based) when the registry says nothing: 5xx, dropped connections, a bare 429 */
  backoffMs: (retry: number) => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxWaitMs: 60_000,
  backoffMs: (retry) => 500 * 2 ** (retry - 1),
};

/**
 * `Retry-After` in milliseconds from `now`: delta-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00
 * GMT`); a date in the past is 0. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Only the HTTP-date forms (they all name a weekday or a month), not whatever Date.parse would guess at.
  if (!/[A-Za-z]{3}/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** What a send produced, as far as retrying is concerned. */
export type SendOutcome =
  | { status: number; retryAfterMs?: number }
  /** no HTTP answer; `code` is the system or undici error code (ECONNRESET, UND_ERR_SOCKET …) */
  | { networkCode: string };

export type RetryDecision =
  { retry: true; waitMs: number } | { retry: false; why: 'final' | 'exhausted' | 'wait-too-long'; askedMs?: number };

/** Network failures that pass: the connection was refused, reset or timed out (not an unknown host). */
const TRANSIENT_NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

export function isTransientNetworkCode(code: string): boolean {
  return TRANSIENT_NETWORK.has(code);
}

/** Whether a status is worth retrying at all (before counting attempts). */
function transientStatus(status: number, hasRetryAfter: boolean): boolean {
  if (status === 429) return true;
  if (status === 503 && hasRetryAfter) return true;
  return status >= 500 && status !== 501 && status !== 505;
}

/**
 * Retry after `attempt` sends (1-based)? 429 and 503 wait what Retry-After asks (capped by policy: a longer wait
 * is not taken), other transient failures back off exponentially.
 */
export function decideRetry(outcome: SendOutcome, attempt: number, policy: RetryPolicy): RetryDecision {
  const transient =
    'networkCode' in outcome
      ? isTransientNetworkCode(outcome.networkCode)
      : transientStatus(outcome.status, outcome.retryAfterMs !== undefined);
  if (!transient) return { retry: false, why: 'final' };
  if (attempt >= policy.maxAttempts) return { retry: false, why: 'exhausted' };
  const asked = 'status' in outcome ? outcome.retryAfterMs : undefined;
  if (asked !== undefined) {
    if (asked > policy.maxWaitMs) return { retry: false, why: 'wait-too-long', askedMs: asked };
    return { retry: true, waitMs: asked };
  }
  return { retry: true, waitMs: Math.min(policy.backoffMs(attempt), policy.maxWaitMs) };
}
