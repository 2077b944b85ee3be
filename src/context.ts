// GITHUB_* env + the event payload (+ repository metadata from the payload, else the REST API) → a typed Context.
// This is the read side: it may do I/O. The plan only ever sees the Context. With `metadata-context: git` the ref,
// commit and commit date come from the checked-out repository (src/git-context.ts), read here, never in the plan.
import { proxyConfigFromEnv, type ProxyConfig } from './registry/proxy.js';
import { readFileSync } from 'node:fs';
import type { EventPayload, MetaContext, MetaSettings, RepoMetadata } from './meta/types.js';
import { parseBoolean } from './bool.js';
import { InputError } from './errors.js';
import type { GitRunner } from './git-context.js';
import { readMetadataContext, type MetadataContext } from './inputs/index.js';
import type { Env } from './runner.js';

export type CacheService =
  | { kind: 'none' }
  | {
      kind: 'v1' | 'v2';
      url: string;
      /** BuildKit parses ACTIONS_RUNTIME_TOKEN as a JWT (GitHub's runners and act ≥ 0.2.63 give one) */
      tokenIsJwt: boolean;
    };

export interface PullRequestInfo {
  number: number;
  headRepo?: string;
  baseRepo?: string;
  /** the head lives in another repository: the token is read-only and secrets are withheld */
  fork: boolean;
}

export interface Runtime {
  /** running under nektos/act */
  act: boolean;
  /** ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN present (workflow has id-token: write) */
  oidc: boolean;
  /** the GitHub cache service offered to this job (needs ACTIONS_RUNTIME_TOKEN too) */
  cache: CacheService;
  runnerTemp: string;
  /** the user's Docker config directory (DOCKER_CONFIG, else ~/.docker) */
  dockerConfig: string;
  /** unique per job run and process: names what this run creates (a builder) so parallel runs never collide */
  instance: string;
  /** the runner this job runs on, for the fan-out summary */
  runner: { name: string; os: string; arch: string };
  /** the run's artifact service (ACTIONS_RESULTS_URL with ACTIONS_RUNTIME_TOKEN): fan-out legs hand results through it */
  artifacts: boolean;
}

export interface Context extends MetaContext {
  /**
   * Set by `metadata-context: git`, when `ref`, `sha` and `commitDate` are the checked-out HEAD's: the run's own ref
   * and commit (GITHUB_REF, GITHUB_SHA), which `{{defaultContext}}` still builds, as build-push-action does.
   */
  workflowCommit?: { ref: string; sha: string };
  actor: string;
  /** owner/name */
  repository: string;
  serverUrl: string;
  runId: string;
  runAttempt: number;
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS was set (else the fan-out modes annotate both manifest and index) */
  annotationLevelsGiven: boolean;
  /** DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: `{{defaultContext}}` of a pull request is its head commit */
  prHeadRef: boolean;
  /** public, private or internal, when the payload says (decides the Sigstore instance for attestations) */
  visibility?: string;
  pr?: PullRequestInfo;
  runtime: Runtime;
  /** warnings met while reading the context (e.g. repository metadata unavailable) */
  warnings: string[];
}

function readPayload(env: Env): EventPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch (e) {
    throw new Error(`Could not read the event payload at GITHUB_EVENT_PATH=${path}: ${(e as Error).message}`);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Repository metadata from a payload's `repository` or a REST `GET /repos/{owner}/{repo}` body. */
export function repoMetadataFrom(r: Record<string, unknown>): RepoMetadata | undefined {
  const name = str(r.name);
  if (!name) return undefined;
  const license = r.license as { spdx_id?: string } | null | undefined;
  return {
    name,
    description: str(r.description),
    htmlUrl: str(r.html_url),
    license: str(license?.spdx_id) === 'NOASSERTION' ? undefined : str(license?.spdx_id),
    defaultBranch: str(r.default_branch) ?? str(r.master_branch),
  };
}

/** Event payloads carry the repository with default_branch and html_url; the REST API is the fallback. */
async function readRepoMetadata(
  token: string,
  payload: EventPayload,
  repository: string,
  apiUrl: string,
  proxy: ProxyConfig,
  warnings: string[],
): Promise<RepoMetadata> {
  const name = repository.split('/')[1] ?? repository;
  const fromPayload = payload.repository ? repoMetadataFrom(payload.repository) : undefined;
  if (fromPayload?.defaultBranch && fromPayload.htmlUrl) return fromPayload;
  try {
    // the registry client's HTTP layer: the runner's HTTPS_PROXY/NO_PROXY (self-hosted runners behind a proxy), Node's
    // own agents without one; loaded only on this fallback, so a run whose payload is complete never pays for it
    const { HttpPool, NetworkError } = await import('./registry/http.js');
    const http = new HttpPool(proxy, { connectMs: 10_000, headersMs: 10_000, bodyMs: 10_000 });
    let body: Record<string, unknown>;
    try {
      const res = await http
        .send({
          method: 'GET',
          url: new URL(`${apiUrl}/repos/${repository}`),
          headers: {
            accept: 'application/vnd.github+json',
            'user-agent': 'publish-image',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        })
        .catch((e: unknown) => {
          // the system's words only ("connect ECONNREFUSED 127.0.0.1:1"), without the code repeated
          throw e instanceof NetworkError ? new Error(e.reason) : e;
        });
      if (res.status !== 200) {
        await res.discard();
        throw new Error(`HTTP ${res.status}`);
      }
      body = JSON.parse((await res.bytes(1024 * 1024)).toString('utf8')) as Record<string, unknown>;
    } finally {
      await http.close();
    }
    const meta = repoMetadataFrom(body);
    if (meta) return meta;
    throw new Error('response has no repository name');
  } catch (e) {
    warnings.push(
      `Repository metadata for ${repository} is unavailable (${(e as Error).message}); ` +
        'the description, url and license labels are left out.',
    );
    return fromPayload ?? { name };
  }
}

/** metadata-action's DOCKER_METADATA_* settings; a malformed one is an error naming it, as metadata-action throws. */
function settings(env: Env): MetaSettings {
  const lengthText = env.DOCKER_METADATA_SHORT_SHA_LENGTH?.trim() ?? '';
  if (lengthText && !/^[1-9]\d*$/.test(lengthText)) {
    throw new InputError(
      'DOCKER_METADATA_SHORT_SHA_LENGTH',
      lengthText,
      'a positive whole number of characters, e.g. 7',
    );
  }
  return {
    prHeadSha: (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').toLowerCase() === 'true',
    shortShaLength: lengthText ? Number(lengthText) : 7,
    // empty means the default, as in metadata-action
    annotationLevels: (env.DOCKER_METADATA_ANNOTATIONS_LEVELS || 'manifest')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** One clock for the whole run: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
export function runClock(env: Env, fallback: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return fallback();
}

function cacheService(env: Env): CacheService {
  const token = env.ACTIONS_RUNTIME_TOKEN;
  if (!token) return { kind: 'none' };
  const tokenIsJwt = /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
  if (env.ACTIONS_CACHE_SERVICE_V2 && env.ACTIONS_RESULTS_URL)
    return { kind: 'v2', url: env.ACTIONS_RESULTS_URL, tokenIsJwt };
  if (env.ACTIONS_CACHE_URL) return { kind: 'v1', url: env.ACTIONS_CACHE_URL, tokenIsJwt };
  if (env.ACTIONS_RESULTS_URL) return { kind: 'v2', url: env.ACTIONS_RESULTS_URL, tokenIsJwt };
  return { kind: 'none' };
}

function pullRequest(payload: EventPayload, eventName: string): PullRequestInfo | undefined {
  const pr = payload.pull_request;
  if (!pr || !eventName.startsWith('pull_request')) return undefined;
  const headRepo = pr.head?.repo?.full_name;
  const baseRepo = pr.base?.repo?.full_name;
  return {
    number: pr.number ?? 0,
    headRepo,
    baseRepo,
    fork: !!headRepo && !!baseRepo && headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

function repoVisibility(payload: EventPayload): string | undefined {
  const r = payload.repository as { visibility?: unknown; private?: unknown } | undefined;
  if (typeof r?.visibility === 'string') return r.visibility;
  if (typeof r?.private === 'boolean') return r.private ? 'private' : 'public';
  return undefined;
}

/** What only the process knows (index.ts reads it): its id, and the user's home for the Docker config default. */
export interface ProcessFacts {
  pid: number;
  home: string;
}

export interface ContextOptions {
  /** the `metadata-context` input (default: read from the environment's INPUT_METADATA-CONTEXT) */
  metadataContext?: MetadataContext;
  /** runs git for `metadata-context: git` (default: git through src/exec.ts, in the working directory) */
  git?: GitRunner;
}

async function execGit(): Promise<GitRunner> {
  // src/exec.ts (and @actions/exec) are loaded only for the git context: a workflow-context dry-run never pays
  const { run } = await import('./exec.js');
  return (args) => run('git', args, { secrets: [] });
}

/**
 * metadata-action's git context: the ref and commit of HEAD instead of the run's, and the commit's own date. As in
 * metadata-action, the workflow-only adjustments (the pull_request_target merge ref, DOCKER_METADATA_PR_HEAD_SHA)
 * do not apply to it: the commit is the one checked out.
 */
async function gitMeta(opts: ContextOptions, settings: MetaSettings) {
  // loaded only for this context, like exec.ts: a workflow-context run does not parse it at start
  const { GitContextError, readGitContext } = await import('./git-context.js');
  try {
    const git = await readGitContext(opts.git ?? (await execGit()));
    return { ...git, settings: { ...settings, prHeadSha: false } };
  } catch (e) {
    if (!(e instanceof GitContextError)) throw e;
    throw new InputError(
      'metadata-context',
      'git',
      `workflow, or git with the repository checked out in the working directory (actions/checkout before this step); ${e.message}`,
    );
  }
}

/** `githubToken` (the github-token input) authenticates the REST fallback for repository metadata. */
export async function readContext(
  env: Env,
  githubToken: string,
  proc: ProcessFacts,
  opts: ContextOptions = {},
): Promise<Context> {
  const metadataContext = opts.metadataContext ?? readMetadataContext(env);
  const payload = readPayload(env);
  const repository = env.GITHUB_REPOSITORY ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const warnings: string[] = [];
  const now = runClock(env);
  const headCommitTs = payload.head_commit?.timestamp;
  const runId = env.GITHUB_RUN_ID ?? '';
  const workflow = {
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    commitDate: headCommitTs ? new Date(headCommitTs) : now,
    settings: settings(env),
  };
  return {
    eventName,
    payload,
    repo: await readRepoMetadata(githubToken, payload, repository, apiUrl, proxyConfigFromEnv(env), warnings),
    now,
    ...(metadataContext === 'git'
      ? { ...(await gitMeta(opts, workflow.settings)), workflowCommit: { ref: workflow.ref, sha: workflow.sha } }
      : workflow),
    actor: env.GITHUB_ACTOR ?? '',
    repository,
    serverUrl,
    runId,
    runAttempt: Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) || 1,
    annotationLevelsGiven: !!env.DOCKER_METADATA_ANNOTATIONS_LEVELS?.trim(),
    prHeadRef: parseBoolean(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF ?? '') === true,
    visibility: repoVisibility(payload),
    pr: pullRequest(payload, eventName),
    runtime: {
      act: env.ACT === 'true',
      oidc: !!(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
      cache: cacheService(env),
      runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
      dockerConfig: env.DOCKER_CONFIG || `${proc.home.replace(/\/$/, '')}/.docker`,
      instance: [runId || 'local', env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB, proc.pid]
        .filter((p) => p !== undefined && p !== '')
        .join('-')
        .replace(/[^A-Za-z0-9_.-]+/g, '-'),
      runner: { name: env.RUNNER_NAME ?? '', os: env.RUNNER_OS ?? '', arch: env.RUNNER_ARCH ?? '' },
      artifacts: !!(env.ACTIONS_RESULTS_URL && env.ACTIONS_RUNTIME_TOKEN),
    },
    warnings,
  };
}
