// What a run will do, decided before anything runs: one plan shape per mode. The effects only execute a plan and
// report facts; a dry-run shows the plan. Every mode computes the same metadata from the same inputs, so the labels
// of the build legs and the tags of the merge always agree.
import type { CacheService } from '../context.js';
import type { MetaResult } from '../meta/types.js';
import type { Credential } from '../registry/identity.js';
import type { BuilderPlan } from './builder.js';
import type { CallFunc } from '../buildx/call.js';

export type Mode = 'publish' | 'matrix' | 'build' | 'merge';

/** How the action logs in to one registry. ECR passwords come from AWS at run time. */
export type LoginPlan =
  | { kind: 'password'; credential: Credential }
  | {
      kind: 'ecr';
      registry: string;
      region: string;
      public: boolean;
      awsAccessKeyId?: string;
      awsSecretAccessKey?: string;
    };

export type CachePlan =
  | { source: 'gha'; service: Exclude<CacheService, { kind: 'none' }>; scope: string; from: string[]; to: string[] }
  | { source: 'inputs'; from: string[]; to: string[] }
  | { source: 'none'; from: []; to: []; reason: string };

export type SigstoreInstance = 'public-good' | 'github';

export interface AttestPlan {
  enabled: boolean;
  /** why attestation is on or off, in words for the summary */
  reason: string;
  pushToRegistry: boolean;
  /** image names without tag, one subject each */
  subjects: string[];
  /** Sigstore instance: public repositories sign with the public-good instance, others with GitHub's */
  sigstore?: SigstoreInstance;
  /** `<server>/<owner>/<repo>/attestations/` — an attestation's page is this plus its id */
  urlBase?: string;
}

export interface BuildPlan {
  /** arguments after `docker`: buildx build … <context> */
  argv: string[];
  /** `call` other than build: needs a buildx with --call (checked against the runner's before anything runs) */
  call?: CallFunc;
  /** extra environment for buildx: build secrets travel as env vars, never as argv or files */
  env: Record<string, string>;
  metadataFile: string;
  iidFile: string;
  /** the image names buildx pushes (tags for a publish, repositories for a push by digest) */
  pushes: string[];
}

export interface MetaOutputs {
  version: string;
  tags: string;
  'tag-names': string;
  labels: string;
  annotations: string;
  json: string;
}

export interface SummaryPlan {
  enabled: boolean;
  usageService?: string;
  usagePort?: string;
}

/** What every mode shares: the metadata, the push decision, the logins and the messages. */
export interface PlanBase {
  mode: Mode;
  meta: MetaResult;
  outputs: MetaOutputs;
  images: string[];
  platforms: string[];
  push: boolean;
  /** why nothing is pushed when the action decided so (fork PR, read-only token) */
  noPushReason?: string;
  logins: LoginPlan[];
  logout: boolean;
  dryRun: boolean;
  /** where this run keeps its files (DOCKER_CONFIG, metadata file, bundles) */
  workDir: string;
  /** the user's Docker config directory (CLI plugins, buildx builders and contexts stay visible from the run's own) */
  userDockerConfig: string;
  summary: SummaryPlan;
  notices: string[];
  warnings: string[];
}

/** Read every tag back after the push: one digest, every platform. */
export interface VerifyPlan {
  tags: string[];
  platforms: string[];
  /** a push by digest writes no tag: read `<repository>@<digest>` in each of these instead */
  byDigest?: string[];
}

/** `mode: publish` — build every platform here, push the tags, verify, attest. */
export interface PublishPlan extends PlanBase {
  mode: 'publish';
  load: boolean;
  builder: BuilderPlan;
  build: BuildPlan;
  cache: CachePlan;
  attest: AttestPlan;
  verify?: VerifyPlan;
}

/** One entry of the build matrix: a platform, the runner that builds it natively, a name-safe pair. */
export interface MatrixEntry {
  platform: string;
  /** `runs-on` of the leg: one label, or several (a self-hosted runner with all of them) */
  runner: string | string[];
  pair: string;
}

/** `mode: matrix` — no Docker: the per-platform matrix as an output. */
export interface MatrixPlan extends PlanBase {
  mode: 'matrix';
  matrix: MatrixEntry[];
}

/** `mode: build` — one leg of a fan-out: build the leg's platform, push by digest (no tags), hand the result on. */
export interface BuildLegPlan extends PlanBase {
  mode: 'build';
  builder: BuilderPlan;
  /** a builder that pushes by digest natively (docker-container, remote) */
  build: BuildPlan;
  /** buildx 0.13's docker driver cannot push by digest: build an OCI archive and push it through the registry API */
  layout: BuildPlan & { dest: string };
  /**
   * The docker driver on an engine with the classic image store exports no OCI archive either: load the image
   * under a local name (never pushed), `docker save` it (an OCI layout) and push that through the registry API
   */
  saved: BuildPlan & { image: string; dest: string };
  cache: CachePlan;
  leg: {
    platform: string;
    pair: string;
    /** the artifact that carries this leg's result to the merge job (none when nothing is pushed) */
    artifact?: string;
    runAttempt: number;
    runner: { name: string; os: string; arch: string };
  };
}

/** `mode: merge` — collect the legs, create the index under every tag, verify, attest once. */
export interface MergePlan extends PlanBase {
  mode: 'merge';
  legs: {
    /** artifacts of this run whose names start with this carry the legs' results */
    artifactPrefix: string;
    /** platform → digest given directly in the `digests` input */
    given: Record<string, string>;
  };
  /** repository (registry/path) → the tags to put the index under */
  index: { repositories: Record<string, string[]>; annotations: Record<string, string> };
  attest: AttestPlan;
  verify: VerifyPlan;
}

export type Plan = PublishPlan | MatrixPlan | BuildLegPlan | MergePlan;
