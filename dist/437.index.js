export const id = 437;
export const ids = [437];
export const modules = {

/***/ 50437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARTIFACT_SERVICE_NAME: () => (/* binding */ ARTIFACT_SERVICE_NAME),
/* harmony export */   ArtifactReadError: () => (/* binding */ ArtifactReadError),
/* harmony export */   backendIds: () => (/* binding */ backendIds),
/* harmony export */   listArtifacts: () => (/* binding */ listArtifacts),
/* harmony export */   readArtifactFiles: () => (/* binding */ readArtifactFiles)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Reading this run's artifacts for the merge job: the artifact service's own protocol (the results service's
// ArtifactService over Twirp JSON, then the signed blob URL it hands out), which is what @actions/artifact speaks
// too. Why not the library here: importing it executes Azure's blob client, Octokit and archiver — measured at
// ~0.3 s of a ~0.9 s merge, to read two small files. The legs still upload through the library (building takes
// minutes there; an upload's block blobs and zipping are the library's job). The zip of a leg result is read with
// fflate; the zip's SHA-256 is checked against the listing when the service gives one (act's server does not).
// @actions/http-client carries the requests, as in the library: it honours the runner's proxy settings.

/** The Twirp service, as the results service names it. */
const ARTIFACT_SERVICE_NAME = 'github.actions.results.api.v1.ArtifactService';
/** A call to the service failed; `network` carries the socket error code when it never got an answer. */
class ArtifactReadError extends Error {
    network;
    constructor(message, network) {
        super(message);
        this.network = network;
        this.name = 'ArtifactReadError';
    }
}
/** The run and job the runtime token speaks for (the library reads the same claim). */
function backendIds(token) {
    const payload = token.split('.')[1];
    let scp;
    try {
        scp = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')).scp;
    }
    catch {
        scp = undefined;
    }
    const scope = typeof scp === 'string'
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
const sleepFor = (ms) => new Promise((r) => setTimeout(r, ms));
let client;
async function http() {
    if (!client) {
        const { HttpClient } = await __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 44942));
        client = new HttpClient('publish-image', [], { socketTimeout: 60_000, allowRetries: false, keepAlive: true });
    }
    return client;
}
/** The socket error code of a request that got no answer (ECONNREFUSED, ETIMEDOUT, …). */
const networkCode = (e) => e.code ?? e.message ?? 'network error';
/** One Twirp call: JSON in and out, retried on 429/5xx (1 s, 2 s, 4 s), not on other statuses. */
async function twirp(opts, method, body) {
    const url = new URL(`/twirp/${ARTIFACT_SERVICE_NAME}/${method}`, opts.resultsUrl).href;
    for (let attempt = 1;; attempt++) {
        let status;
        let statusText;
        let text;
        try {
            const res = await (await http()).post(url, JSON.stringify(body), {
                'content-type': 'application/json',
                authorization: `Bearer ${opts.runtimeToken}`,
            });
            status = res.message.statusCode ?? 0;
            statusText = res.message.statusMessage ?? '';
            text = await res.readBody();
        }
        catch (e) {
            const code = networkCode(e);
            throw new ArtifactReadError(`${method}: no answer (${code})`, code);
        }
        if (status >= 200 && status < 300) {
            try {
                return JSON.parse(text);
            }
            catch {
                throw new ArtifactReadError(`${method}: the answer is not JSON`);
            }
        }
        let msg = '';
        try {
            msg = String(JSON.parse(text).msg ?? '');
        }
        catch {
            // not a Twirp error body
        }
        const why = `${method}: HTTP ${status} ${statusText}${msg ? `: ${msg}` : ''}`;
        if (!RETRYABLE.has(status))
            throw new ArtifactReadError(why);
        if (attempt === ATTEMPTS)
            throw new ArtifactReadError(`${why} (after ${ATTEMPTS} attempts)`);
        await (opts.sleep ?? sleepFor)(1000 * 2 ** (attempt - 1));
    }
}
const field = (o, snake, camel) => o[snake] ?? o[camel];
/** Every finalized artifact of this run (the service lists the run's, whichever job made them). */
async function listArtifacts(opts) {
    const { run, job } = backendIds(opts.runtimeToken);
    const body = await twirp(opts, 'ListArtifacts', { workflow_run_backend_id: run, workflow_job_run_backend_id: job });
    const artifacts = Array.isArray(body.artifacts) ? body.artifacts : [];
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
async function readArtifactFiles(opts, artifact) {
    const signed = await twirp(opts, 'GetSignedArtifactURL', {
        workflow_run_backend_id: artifact.run,
        workflow_job_run_backend_id: artifact.job,
        name: artifact.name,
    });
    const url = field(signed, 'signed_url', 'signedUrl');
    if (typeof url !== 'string' || !url)
        throw new ArtifactReadError('GetSignedArtifactURL: no signed URL in the answer');
    let zip;
    try {
        const res = await (await http()).get(url);
        const status = res.message.statusCode ?? 0;
        zip = await res.readBodyBuffer();
        // the signed URL is a credential: never part of a message
        if (status < 200 || status >= 300) {
            throw new ArtifactReadError(`the artifact storage answered HTTP ${status} ${res.message.statusMessage ?? ''}`.trim());
        }
    }
    catch (e) {
        if (e instanceof ArtifactReadError)
            throw e;
        const code = networkCode(e);
        throw new ArtifactReadError(`the artifact storage gave no answer (${code})`, code);
    }
    if (artifact.digest) {
        const got = `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(zip).digest('hex')}`;
        if (got !== artifact.digest)
            throw new ArtifactReadError(`it downloaded as ${got}, not the listed ${artifact.digest}`);
    }
    const { unzipSync } = await __webpack_require__.e(/* import() */ 306).then(__webpack_require__.bind(__webpack_require__, 51306));
    try {
        return unzipSync(zip);
    }
    catch (e) {
        throw new ArtifactReadError(`it is not a zip archive (${e.message})`);
    }
}


/***/ })

};
