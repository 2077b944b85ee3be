// Reading this run's artifacts for the merge job: the artifact service's own protocol (the results service's
// ArtifactService over Twirp JSON, then the signed blob URL it hands out), which is what @actions/artifact speaks
// too. Why not the library here: importing it executes Azure's blob client, Octokit and archiver — measured at
// ~0.3 s of a ~0.9 s merge, to read two small files. The legs still upload through the library (building takes
// minutes there; an upload's block blobs and zipping are the library's job). The zip of a leg result is read with
// fflate; the zip's SHA-256 is checked against the listing when the service gives one (act's server does not).
// The registry client's HTTP layer carries the requests (src/registry/http.ts): the runner's proxy settings, Node's
// own agents without one — @actions/http-client, which the library uses, bundles undici, ~60 ms of CPU to load.
import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { HttpPool, NetworkError, type HttpResponse } from '../registry/http.js';
import type { ProxyConfig } from '../registry/proxy.js';

/** The Twirp service, as the results service names it. */
export const ARTIFACT_SERVICE_NAME = 'github.actions.results.api.v1.ArtifactService';

export interface ListedArtifact {
  id: number;
  name: string;
  /** the run and the job that made it: a signed URL is asked for under its maker's ids */
  run: string;
  job: string;
  /** `sha256:<hex>` of the stored zip, when the service says */
  digest?: string;
}

export interface ReaderOptions {
  /** ACTIONS_RESULTS_URL */
  resultsUrl: string;
  /** ACTIONS_RUNTIME_TOKEN: a JWT whose `scp` names `Actions.Results:<run>:<job>` */
  runtimeToken: string;
  /** the connections of this collection (openReaderPool), closed by whoever opened them */
  http: HttpPool;
  /** waits between attempts; injectable so tests use no real time */
  sleep?: (ms: number) => Promise<void>;
}

/** A call to the service failed; `network` carries the socket error code when it never got an answer. */
export class ArtifactReadError extends Error {
  constructor(
    message: string,
    readonly network?: string,
  ) {
    super(message);
    this.name = 'ArtifactReadError';
  }
}

/** The run and job the runtime token speaks for (the library reads the same claim). */
export function backendIds(token: string): { run: string; job: string } {
  const payload = token.split('.')[1];
  let scp: unknown;
  try {
    scp = (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { scp?: unknown }).scp;
  } catch {
    scp = undefined;
  }
  const scope =
    typeof scp === 'string'
      ? scp
          .split(' ')
          .find((s) => s.startsWith('Actions.Results:'))
          ?.split(':')
      : undefined;
  if (!scope || scope.length !== 3) {
    throw new ArtifactReadError('ACTIONS_RUNTIME_TOKEN names no Actions.Results scope (run and job)');
  }
  return { run: scope[1], job: scope[2] };
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const ATTEMPTS = 4;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** a leg result's zip is a few hundred bytes; a Twirp answer lists a run's artifacts */
const ANSWER_LIMIT = 16 * 1024 * 1024;
const TIMEOUTS = { connectMs: 30_000, headersMs: 60_000, bodyMs: 60_000 };

/** The connections for one collection: the service and the storage host each keep theirs (the runner's proxy). */
export function openReaderPool(proxy: ProxyConfig = {}): HttpPool {
  return new HttpPool(proxy, TIMEOUTS);
}

/** The socket error code of a request that got no answer (ECONNREFUSED, ETIMEDOUT, …). */
const networkCode = (e: unknown) =>
  e instanceof NetworkError ? e.code : ((e as { code?: string }).code ?? (e as Error).message ?? 'network error');

const statusLine = (res: HttpResponse) => `HTTP ${res.status} ${STATUS_CODES[res.status] ?? ''}`.trim();

/** One Twirp call: JSON in and out, retried on 429/5xx (1 s, 2 s, 4 s), not on other statuses. */
async function twirp(
  opts: ReaderOptions,
  method: 'ListArtifacts' | 'GetSignedArtifactURL',
  body: object,
): Promise<Record<string, unknown>> {
  const url = new URL(`/twirp/${ARTIFACT_SERVICE_NAME}/${method}`, opts.resultsUrl).href;
  for (let attempt = 1; ; attempt++) {
    let status: number;
    let line: string;
    let text: string;
    try {
      const res = await opts.http.send({
        method: 'POST',
        url: new URL(url),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.runtimeToken}` },
        body: Buffer.from(JSON.stringify(body)),
      });
      status = res.status;
      line = statusLine(res);
      text = (await res.bytes(ANSWER_LIMIT)).toString('utf8');
    } catch (e) {
      const code = networkCode(e);
      throw new ArtifactReadError(`${method}: no answer (${code})`, code);
    }
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new ArtifactReadError(`${method}: the answer is not JSON`);
      }
    }
    let msg = '';
    try {
      msg = String((JSON.parse(text) as { msg?: unknown }).msg ?? '');
    } catch {
      // not a Twirp error body
    }
    const why = `${method}: ${line}${msg ? `: ${msg}` : ''}`;
    if (!RETRYABLE.has(status)) throw new ArtifactReadError(why);
    if (attempt === ATTEMPTS) throw new ArtifactReadError(`${why} (after ${ATTEMPTS} attempts)`);
    await (opts.sleep ?? sleepFor)(1000 * 2 ** (attempt - 1));
  }
}

const field = (o: Record<string, unknown>, snake: string, camel: string) => o[snake] ?? o[camel];

/** Every finalized artifact of this run (the service lists the run's, whichever job made them). */
export async function listArtifacts(opts: ReaderOptions): Promise<ListedArtifact[]> {
  const { run, job } = backendIds(opts.runtimeToken);
  const body = await twirp(opts, 'ListArtifacts', { workflow_run_backend_id: run, workflow_job_run_backend_id: job });
  const artifacts = Array.isArray(body.artifacts) ? (body.artifacts as Record<string, unknown>[]) : [];
  return artifacts.map((a) => {
    const digest = field(a, 'digest', 'digest');
    return {
      id: Number(field(a, 'database_id', 'databaseId')),
      name: String(a.name),
      run: String(field(a, 'workflow_run_backend_id', 'workflowRunBackendId') ?? run),
      job: String(field(a, 'workflow_job_run_backend_id', 'workflowJobRunBackendId') ?? job),
      ...(typeof digest === 'string' && digest ? { digest } : {}),
    };
  });
}

/** The files of one artifact (the stored zip, read in memory: leg results are a few hundred bytes). */
export async function readArtifactFiles(
  opts: ReaderOptions,
  artifact: ListedArtifact,
): Promise<Record<string, Uint8Array>> {
  const signed = await twirp(opts, 'GetSignedArtifactURL', {
    workflow_run_backend_id: artifact.run,
    workflow_job_run_backend_id: artifact.job,
    name: artifact.name,
  });
  const url = field(signed, 'signed_url', 'signedUrl');
  if (typeof url !== 'string' || !url) throw new ArtifactReadError('GetSignedArtifactURL: no signed URL in the answer');
  let zip: Buffer;
  try {
    const res = await opts.http.send({ method: 'GET', url: new URL(url) });
    // the signed URL is a credential: never part of a message
    if (res.status < 200 || res.status >= 300) {
      await res.discard();
      throw new ArtifactReadError(`the artifact storage answered ${statusLine(res)}`);
    }
    zip = await res.bytes(ANSWER_LIMIT);
  } catch (e) {
    if (e instanceof ArtifactReadError) throw e;
    const code = networkCode(e);
    throw new ArtifactReadError(`the artifact storage gave no answer (${code})`, code);
  }
  if (artifact.digest) {
    const got = `sha256:${createHash('sha256').update(zip).digest('hex')}`;
    if (got !== artifact.digest)
      throw new ArtifactReadError(`it downloaded as ${got}, not the listed ${artifact.digest}`);
  }
  const { unzipSync } = await import('fflate');
  try {
    return unzipSync(zip);
  } catch (e) {
    throw new ArtifactReadError(`it is not a zip archive (${(e as Error).message})`);
  }
}
