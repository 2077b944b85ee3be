// Reading BuildKit's plain progress output: which steps ran, which came from the cache, and whether a failure
// was a registry hiccup worth retrying or a real build failure.
import type { StepCounts } from '../result.js';

export interface BuildLogReader {
  line(text: string): void;
  steps(): StepCounts;
}

/** `#7 [linux/arm64 stage 2/3] RUN ...`, `#5 [2/3] COPY ...`: Dockerfile steps; `[internal]`/`[auth]` are not. */
const STEP = /^#(\d+) \[(?!internal\]|auth\])[^\]]*\b\d+\/\d+\] /;
const CACHED = /^#(\d+) CACHED\s*$/;

export function buildLogReader(): BuildLogReader {
  const steps = new Set<string>();
  const cached = new Set<string>();
  return {
    line(text) {
      const s = STEP.exec(text);
      if (s) steps.add(s[1]);
      const c = CACHED.exec(text);
      if (c) cached.add(c[1]);
    },
    steps: () => ({ total: steps.size, cached: [...cached].filter((n) => steps.has(n)).length }),
  };
}

const BUILD_FAILURE =
  /did not complete successfully|failed to solve: .*(dockerfile|failed to compute cache key|not found)|failed to read dockerfile|dockerfile parse error/i;
const REGISTRY_TRANSIENT =
  /(unexpected status(?: from \w+ request)?[^\n]*: 5\d\d|\b50[0-9] (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|connection reset by peer|connection refused|i\/o timeout|TLS handshake timeout|unexpected EOF|broken pipe)/i;

/** A failed build is retried only when the registry failed transiently and nothing in the build itself failed. */
export function isTransientRegistryFailure(output: string): boolean {
  return REGISTRY_TRANSIENT.test(output) && !BUILD_FAILURE.test(output);
}
