// The contract between the tag/label engine (src/meta/) and the rest of the action.
// The engine is pure: everything it needs arrives in MetaInputs and MetaContext; it never reads
// the environment, the clock or the network.

/** Repository facts used by the default OCI labels and `{{is_default_branch}}`. */
export interface RepoMetadata {
  /** repository name without owner, e.g. "publish-image" */
  name: string;
  description?: string;
  htmlUrl?: string;
  /** SPDX id, e.g. "MIT" */
  license?: string;
  defaultBranch?: string;
}

/** The GitHub event payload as read from GITHUB_EVENT_PATH (only the fields the engine needs are typed). */
export interface EventPayload {
  base_ref?: string | null;
  pull_request?: {
    number?: number;
    head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    base?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
  };
  head_commit?: { timestamp?: string } | null;
  repository?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Settings metadata-action takes from DOCKER_METADATA_* environment variables. */
export interface MetaSettings {
  /** DOCKER_METADATA_PR_HEAD_SHA: use the PR head sha instead of the merge commit sha */
  prHeadSha: boolean;
  /** DOCKER_METADATA_SHORT_SHA_LENGTH, default 7 */
  shortShaLength: number;
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS, default ["manifest"] */
  annotationLevels: string[];
}

export interface MetaContext {
  eventName: string;
  /** GITHUB_REF, e.g. refs/heads/main, refs/tags/v1.2.3, refs/pull/42/merge */
  ref: string;
  /** GITHUB_SHA (full 40 hex) */
  sha: string;
  payload: EventPayload;
  repo: RepoMetadata;
  /** the run's clock (SOURCE_DATE_EPOCH when set): created label and {{date}} */
  now: Date;
  /** the commit's date: {{commit_date}} */
  commitDate: Date;
  settings: MetaSettings;
}

/** The raw metadata-action inputs, already split into lines/items (comments and blank lines removed). */
export interface MetaInputs {
  images: string[];
  tags: string[];
  flavor: string[];
  labels: string[];
  annotations: string[];
}

export interface ImageName {
  name: string;
  enable: boolean;
}

export interface Version {
  /** the main version (first tag by priority), undefined when no tag */
  main: string | undefined;
  /** the other tag values */
  partial: string[];
  /** whether `latest` is added */
  latest: boolean;
}

export interface MetaResult {
  version: Version;
  /** enabled image names */
  images: string[];
  /** full references: image:tag for each enabled image and each tag */
  tags: string[];
  /** tag names without the image */
  tagNames: string[];
  /** key=value */
  labels: string[];
  /** level-prefixed key=value, e.g. "manifest:org.opencontainers.image.title=x" */
  annotations: string[];
}
