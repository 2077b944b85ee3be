// What the effects produced, for outputs and the job summary.
import type { AttestOutcome } from './attest.js';

export interface StepCounts {
  /** build steps BuildKit ran or reused (`#N [stage i/n] ...` lines) */
  total: number;
  /** of those, served from the cache (`#N CACHED`) */
  cached: number;
}

export interface BuildResult {
  /** what was pushed: the index digest for a multi-platform push, else the manifest digest */
  digest?: string;
  imageId?: string;
  /** the buildx --metadata-file JSON */
  metadata: Record<string, unknown>;
  durationMs: number;
  steps: StepCounts;
  /** BuildKit imported a cache manifest from a cache source */
  cacheImported: boolean;
  /** attempts used (transient registry failures are retried) */
  attempts: number;
}

export interface BuilderInfo {
  name: string;
  driver: string;
  buildxVersion: string;
  buildkitVersion: string;
  /** created by this run (removed in post) */
  created: boolean;
}

export interface VerifiedTag {
  ref: string;
  digest: string;
}

export interface VerifyResult {
  tags: VerifiedTag[];
  platforms: string[];
}

export type RunStatus = 'success' | 'failure' | 'dry-run';

export interface RunResult {
  status: RunStatus;
  builder?: BuilderInfo;
  build?: BuildResult;
  verify?: VerifyResult;
  attestation?: AttestOutcome;
  /** the failure, already free of secrets */
  error?: string;
  /** notices and warnings found while running (added to the plan's) */
  notices: string[];
  warnings: string[];
}
