// What the effects produced, for outputs and the job summary.
import type { AttestOutcome } from './attest.js';
import type { LegResult } from './fanout/leg-result.js';

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

/** After a failed push: where each planned tag points now, so the user knows the registry's state. */
export interface TagState {
  ref: string;
  /** the digest the tag resolves to now, if it could be read */
  digest?: string;
  /** the tag points at the image this run built */
  moved: boolean;
  /** why the tag could not be read back */
  error?: string;
}

/**
 * How a leg's image got to the registry: buildx pushed it by digest; or the action pushed buildx's OCI archive
 * (docker driver, containerd store); or the action pushed what `docker save` wrote (docker driver, classic store).
 */
export type LegVia = 'push-by-digest' | 'oci-layout' | 'docker-save';

/** A fan-out leg: what it pushed and how, and the artifact that carries its result to the merge. */
export interface LegOutcome {
  result: LegResult;
  via: LegVia;
  artifact?: string;
}

/** One platform of the merged index and where its digest came from. */
export interface MergedLeg {
  platform: string;
  digest: string;
  source: 'artifact' | 'digests input';
  /** the leg's own report, when it came through an artifact */
  result?: LegResult;
}

export interface MergeOutcome {
  digest: string;
  legs: MergedLeg[];
  /** earlier attempts of re-run legs that were replaced */
  superseded: number;
}

/**
 * The tags after a failure, in the three groups the user must tell apart: at the new image; not (readable, at
 * another image or absent); unknown (could not be read — the action cannot say whether they moved).
 */
export function groupTagStates(states: readonly TagState[]): {
  moved: TagState[];
  notMoved: TagState[];
  unknown: TagState[];
} {
  return {
    moved: states.filter((s) => s.moved),
    notMoved: states.filter((s) => !s.moved && !s.error),
    unknown: states.filter((s) => !s.moved && !!s.error),
  };
}

export type RunStatus = 'success' | 'failure' | 'dry-run';

export interface RunResult {
  status: RunStatus;
  builder?: BuilderInfo;
  build?: BuildResult;
  verify?: VerifyResult;
  /** verification ran and failed: why (the summary says "failed: …") */
  verifyError?: string;
  /** the new image's digest when the push failed part-way (read from BuildKit's log) */
  partialDigest?: string;
  /** the tags read back after a failed push */
  tagStates?: TagState[];
  attestation?: AttestOutcome;
  leg?: LegOutcome;
  merge?: MergeOutcome;
  /** the failure, already free of secrets */
  error?: string;
  /** warnings found while running (added to the plan's) */
  warnings: string[];
  /** notices found while running, e.g. builder inputs that went unused (added to the plan's) */
  notices?: string[];
}
