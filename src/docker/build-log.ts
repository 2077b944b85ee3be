// Reading BuildKit's plain progress output: which steps ran, which came from the cache, and — for a push that
// fails part-way — the digest of the image it was pushing and the references it had started to push.
import type { StepCounts } from '../result.js';

export interface BuildLogReader {
  line(text: string): void;
  steps(): StepCounts;
  /** the image BuildKit exported: the manifest list for several platforms, else the last image manifest */
  exportedDigest(): string | undefined;
  /** `pushing manifest for <ref>@<digest>`: the references whose push had started */
  pushedRefs(): string[];
}

/** `#7 [linux/arm64 stage 2/3] RUN ...`, `#5 [2/3] COPY ...`: Dockerfile steps; `[internal]`/`[auth]` are not. */
const STEP = /^#(\d+) \[(?!internal\]|auth\])[^\]]*\b\d+\/\d+\] /;
const CACHED = /^#(\d+) CACHED\s*$/;
const MANIFEST_LIST = /^#\d+ exporting manifest list (sha256:[0-9a-f]{64})/;
const MANIFEST = /^#\d+ exporting manifest (sha256:[0-9a-f]{64})/;
const PUSHING = /^#\d+ pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;

export function buildLogReader(): BuildLogReader {
  const steps = new Set<string>();
  const cached = new Set<string>();
  let list: string | undefined;
  let manifest: string | undefined;
  const pushed = new Set<string>();
  return {
    line(text) {
      const s = STEP.exec(text);
      if (s) steps.add(s[1]);
      const c = CACHED.exec(text);
      if (c) cached.add(c[1]);
      const l = MANIFEST_LIST.exec(text);
      if (l) list = l[1];
      const m = MANIFEST.exec(text);
      if (m) manifest = m[1];
      const p = PUSHING.exec(text);
      if (p) pushed.add(p[1]);
    },
    steps: () => ({ total: steps.size, cached: [...cached].filter((n) => steps.has(n)).length }),
    exportedDigest: () => list ?? manifest,
    pushedRefs: () => [...pushed],
  };
}
