// Why a `docker buildx build` failed, read from its output, so the error the user reads starts with the cause and
// what to do — not with the last dozen progress lines. Also decides whether another attempt can help: a registry
// that is rate-limiting, failing with 5xx or unreachable may recover; a refused credential or a failing RUN step
// will not.

export type FailureCause =
  'auth' | 'rate-limit' | 'registry' | 'network' | 'dockerfile' | 'base-image' | 'build-step' | 'unknown';

export interface BuildFailure {
  cause: FailureCause;
  /** one sentence: what went wrong, first */
  headline: string;
  /** what to do next */
  advice: string;
  /** the line of buildx's output that shows it (whole, trimmed) */
  evidence?: string;
  /** another attempt may succeed (only when pushing) */
  transient: boolean;
  /** what the registry asked us to wait, when the output says */
  retryAfterMs?: number;
}

interface Rule {
  cause: FailureCause;
  pattern: RegExp;
  headline: (m: RegExpExecArray) => string;
  advice: string;
  transient: boolean;
}

// Order matters: a build that fails in a RUN step may mention a registry in passing; the step decides.
const RULES: Rule[] = [
  {
    cause: 'dockerfile',
    pattern:
      /dockerfile parse error[^\n]*|failed to read dockerfile[^\n]*|unknown instruction[^\n]*|failed to parse stage name[^\n]*/i,
    headline: (m) => `The Dockerfile cannot be read: ${m[0].trim()}.`,
    advice: 'Fix the Dockerfile at the line shown (or point `file` at the right one).',
    transient: false,
  },
  {
    cause: 'build-step',
    // BuildKit quotes the command as Go's %q does: \" and \\ inside
    pattern: /process "((?:[^"\\\n]|\\.)*)" did not complete successfully: exit code: (\d+)/,
    headline: (m) => `A build step failed: \`${m[1].replace(/\\(.)/g, '$1')}\` exited with code ${m[2]}.`,
    advice: "Read that step's output in the Build group above; run the build locally with the same argv to reproduce.",
    transient: false,
  },
  {
    cause: 'base-image',
    pattern:
      /failed to (?:resolve source metadata|do request) for ([^\s:]+[^\s]*)[^\n]*?(not found|unauthorized|denied)/i,
    headline: (m) => `A base image cannot be pulled: ${m[1]} (${m[2]}).`,
    advice: 'Check the FROM image name and tag, and log in to its registry if it is private (registry-auth).',
    transient: false,
  },
  {
    cause: 'rate-limit',
    pattern: /\b429 Too Many Requests\b|toomanyrequests|rate limit exceeded/i,
    headline: () => 'The registry is rate-limiting this push (429 Too Many Requests).',
    advice: 'Wait and re-run, or log in (authenticated pulls and pushes get higher limits).',
    transient: true,
  },
  {
    cause: 'auth',
    pattern:
      /\b401 Unauthorized\b|\b403 Forbidden\b|insufficient_scope|authentication required|no basic auth credentials|failed to authorize|denied: [^\n]*|unauthorized: [^\n]*/i,
    headline: (m) => `The registry refused the credentials (${m[0].trim()}).`,
    advice:
      'Check the login inputs (registry, username, password or registry-auth) and that the token may write to this repository (`packages: write` for ghcr.io).',
    transient: false,
  },
  {
    cause: 'registry',
    pattern:
      /:\s*(5\d\d)(?: [A-Za-z ]+)?$|\b(50[0-9]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/m,
    headline: (m) => `The registry failed with HTTP ${m[1] ?? m[2]}.`,
    advice: "The registry's side failed; re-run later, or check the registry's status page.",
    transient: true,
  },
  {
    cause: 'network',
    pattern:
      /connection refused|no such host|i\/o timeout|TLS handshake timeout|connection reset by peer|network is unreachable|broken pipe|unexpected EOF/i,
    headline: (m) => `The registry could not be reached (${m[0]}).`,
    advice: 'Check the registry host and port in `images`, and that the runner can reach it.',
    transient: true,
  },
];

/** The whole line of `output` that holds position `index`, without BuildKit's `#N 0.123` prefix or `ERROR: `. */
function lineAt(output: string, index: number): string {
  const start = output.lastIndexOf('\n', index) + 1;
  const end = output.indexOf('\n', index);
  return output
    .slice(start, end < 0 ? undefined : end)
    .replace(/^#\d+(?: \d+\.\d+)? /, '')
    .replace(/^ERROR: /, '')
    .trim();
}

/** `Retry-After: 30` when a registry's message carries it. */
function retryAfter(output: string): number | undefined {
  const m = /retry[- ]after:?\s*(\d+)\s*s?/i.exec(output);
  return m ? Number(m[1]) * 1000 : undefined;
}

export function classifyBuildFailure(output: string, pushing: boolean): BuildFailure {
  for (const rule of RULES) {
    const m = rule.pattern.exec(output);
    if (!m) continue;
    return {
      cause: rule.cause,
      headline: rule.headline(m),
      advice: rule.advice,
      evidence: lineAt(output, m.index),
      transient: pushing && rule.transient,
      retryAfterMs: rule.cause === 'rate-limit' ? retryAfter(output) : undefined,
    };
  }
  const last = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('ERROR:'))
    .pop();
  return {
    cause: 'unknown',
    headline: 'docker buildx build failed.',
    advice: 'Read the Build group above for the cause.',
    evidence: last?.replace(/^ERROR: /, ''),
    transient: false,
  };
}

/** The error text: cause first, then what to do, then buildx's own line. */
export function failureMessage(f: BuildFailure, attempts: number): string {
  // "… failed with HTTP 500 (after 3 attempts)." — the count inside the sentence
  const headline = attempts > 1 ? f.headline.replace(/\.?$/, ` (after ${attempts} attempts).`) : f.headline;
  return [headline, f.advice, ...(f.evidence ? [`buildx: ${f.evidence}`] : [])].join('\n');
}
