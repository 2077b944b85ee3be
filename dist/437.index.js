export const id = 437;
export const ids = [437,788];
export const modules = {

/***/ 50437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARTIFACT_SERVICE_NAME: () => (/* binding */ ARTIFACT_SERVICE_NAME),
/* harmony export */   ArtifactReadError: () => (/* binding */ ArtifactReadError),
/* harmony export */   backendIds: () => (/* binding */ backendIds),
/* harmony export */   listArtifacts: () => (/* binding */ listArtifacts),
/* harmony export */   openReaderPool: () => (/* binding */ openReaderPool),
/* harmony export */   readArtifactFiles: () => (/* binding */ readArtifactFiles)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _registry_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44788);
// Reading this run's artifacts for the merge job: the artifact service's own protocol (the results service's
// ArtifactService over Twirp JSON, then the signed blob URL it hands out), which is what @actions/artifact speaks
// too. Why not the library here: importing it executes Azure's blob client, Octokit and archiver — measured at
// ~0.3 s of a ~0.9 s merge, to read two small files. The legs still upload through the library (building takes
// minutes there; an upload's block blobs and zipping are the library's job). The zip of a leg result is read with
// fflate; the zip's SHA-256 is checked against the listing when the service gives one (act's server does not).
// The registry client's HTTP layer carries the requests (src/registry/http.ts): the runner's proxy settings, Node's
// own agents without one — @actions/http-client, which the library uses, bundles undici, ~60 ms of CPU to load.



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
/** a leg result's zip is a few hundred bytes; a Twirp answer lists a run's artifacts */
const ANSWER_LIMIT = 16 * 1024 * 1024;
const TIMEOUTS = { connectMs: 30_000, headersMs: 60_000, bodyMs: 60_000 };
/** The connections for one collection: the service and the storage host each keep theirs (the runner's proxy). */
function openReaderPool(proxy = {}) {
    return new _registry_http_js__WEBPACK_IMPORTED_MODULE_2__.HttpPool(proxy, TIMEOUTS);
}
/** The socket error code of a request that got no answer (ECONNREFUSED, ETIMEDOUT, …). */
const networkCode = (e) => e instanceof _registry_http_js__WEBPACK_IMPORTED_MODULE_2__.NetworkError ? e.code : (e.code ?? e.message ?? 'network error');
const statusLine = (res) => `HTTP ${res.status} ${node_http__WEBPACK_IMPORTED_MODULE_1__.STATUS_CODES[res.status] ?? ''}`.trim();
/** One Twirp call: JSON in and out, retried on 429/5xx (1 s, 2 s, 4 s), not on other statuses. */
async function twirp(opts, method, body) {
    const url = new URL(`/twirp/${ARTIFACT_SERVICE_NAME}/${method}`, opts.resultsUrl).href;
    for (let attempt = 1;; attempt++) {
        let status;
        let line;
        let text;
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
        const why = `${method}: ${line}${msg ? `: ${msg}` : ''}`;
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
        const res = await opts.http.send({ method: 'GET', url: new URL(url) });
        // the signed URL is a credential: never part of a message
        if (res.status < 200 || res.status >= 300) {
            await res.discard();
            throw new ArtifactReadError(`the artifact storage answered ${statusLine(res)}`);
        }
        zip = await res.bytes(ANSWER_LIMIT);
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


/***/ }),

/***/ 44788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_TIMEOUTS: () => (/* binding */ DEFAULT_TIMEOUTS),
  HttpPool: () => (/* binding */ HttpPool),
  NetworkError: () => (/* binding */ NetworkError),
  proxyConfigFromEnv: () => (/* reexport */ proxy/* proxyConfigFromEnv */.o)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/registry/http-node.ts
// The transport of a runner without a proxy: Node's own http/https agents, keep-alive, at most 8 connections per
// origin (the registry, its token service, its blob storage each get their own). Node's http stack is part of the
// runtime (the Engine API probe has loaded it already), so reading a few tags back costs no bundle to compile.



const MAX_CONNECTIONS = 8;
/** an idle keep-alive connection is closed after this (the agent's socket timeout applies to free sockets only) */
const KEEP_ALIVE_MS = 30_000;
/** a discarded body larger than this is dropped with its connection rather than read */
const DRAIN_LIMIT = 64 * 1024;
function timeout(what, ms) {
    return Object.assign(new Error(`${what} within ${ms / 1000}s`), { code: 'ETIMEDOUT' });
}
class NodeTransport {
    timeouts;
    agents = {
        http: new external_node_http_.Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS, timeout: KEEP_ALIVE_MS }),
        https: new external_node_https_.Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS, timeout: KEEP_ALIVE_MS }),
    };
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    send(url, method, headers, body) {
        const secure = url.protocol === 'https:';
        const send = secure ? external_node_https_.request : external_node_http_.request;
        return new Promise((resolve, reject) => {
            const req = send(url, { method, headers, agent: secure ? this.agents.https : this.agents.http });
            let answered = false;
            req.once('error', (e) => {
                if (!answered)
                    reject(e);
            });
            // connecting has its own limit; afterwards the connection may stay silent for headersMs (until the answer)
            // and bodyMs (between two chunks of it): one idle timer with the longer of the two
            req.once('socket', (socket) => {
                if (!socket.connecting)
                    return;
                const timer = setTimeout(() => req.destroy(timeout('no connection', this.timeouts.connectMs)), this.timeouts.connectMs);
                socket.once('connect', () => clearTimeout(timer));
                socket.once('close', () => clearTimeout(timer));
            });
            const idleMs = Math.max(this.timeouts.headersMs, this.timeouts.bodyMs);
            req.setTimeout(idleMs, () => req.destroy(timeout('no answer', idleMs)));
            req.once('response', (res) => {
                answered = true;
                resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: res,
                    dump: () => drain(res),
                    destroy: () => void res.destroy(),
                });
            });
            if (body === undefined)
                req.end();
            else if (body instanceof Uint8Array)
                req.end(body);
            // an upload stream: a failing read destroys the request (and the reverse), reported through 'error'
            else
                (0,external_node_stream_.pipeline)(body, req, () => undefined);
        });
    }
    async close() {
        this.agents.http.destroy();
        this.agents.https.destroy();
    }
}
/** Reads the rest of a small body so its connection is reused; a large one is dropped with its connection. */
function drain(res) {
    // a body already parsed (res.complete) must still be read to its end: only then is the connection free again
    if (res.readableEnded || res.destroyed)
        return Promise.resolve();
    if (Number(res.headers['content-length']) > DRAIN_LIMIT) {
        res.destroy();
        return Promise.resolve();
    }
    return new Promise((resolve) => {
        res.once('end', resolve);
        res.once('close', resolve);
        res.once('error', () => resolve());
        res.resume();
    });
}

// EXTERNAL MODULE: ./src/registry/proxy.ts
var proxy = __webpack_require__(4263);
;// CONCATENATED MODULE: ./src/registry/http.ts


const DEFAULT_TIMEOUTS = { connectMs: 30_000, headersMs: 120_000, bodyMs: 120_000 };
/** A request that got no HTTP answer: `code` is the system or undici code (ECONNREFUSED, UND_ERR_SOCKET …). */
class NetworkError extends Error {
    code;
    reason;
    constructor(code, 
    /** the system's words, secret-free ("connect ECONNREFUSED 127.0.0.1:1"); `message` adds the code */
    reason) {
        super(code === 'UNKNOWN' ? reason : `${reason} (${code})`);
        this.code = code;
        this.reason = reason;
        this.name = 'NetworkError';
    }
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
function flatHeaders(h) {
    const out = {};
    for (const [k, v] of Object.entries(h))
        if (v !== undefined)
            out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return out;
}
function errorCode(e) {
    const err = e;
    const code = err?.code ?? err?.cause?.code ?? err?.errors?.[0]?.code;
    return typeof code === 'string' ? code : 'UNKNOWN';
}
/** A short, secret-free description of a network failure: the message without proxy URLs. */
function describeNetworkError(e) {
    const message = e?.message ?? String(e);
    return message.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s@/]*@/gi, '//***@').replace(/\s+/g, ' ');
}
/** One registry's connections: a keep-alive pool (through the proxy when one applies). */
class HttpPool {
    transport;
    constructor(proxy = {}, timeouts = DEFAULT_TIMEOUTS) {
        this.transport =
            proxy.httpProxy || proxy.httpsProxy
                ? Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(258)]).then(__webpack_require__.bind(__webpack_require__, 54258)).then(({ ProxyTransport }) => new ProxyTransport(proxy, timeouts))
                : Promise.resolve(new NodeTransport(timeouts));
    }
    /** Sends one request; follows redirects of GET and HEAD, dropping Authorization when the origin changes. */
    async send(req) {
        const transport = await this.transport;
        let url = req.url;
        let headers = { ...(req.headers ?? {}) };
        for (let hop = 0;; hop++) {
            let res;
            try {
                res = await transport.send(url, req.method, headers, typeof req.body === 'function' ? req.body() : req.body);
            }
            catch (e) {
                const code = errorCode(e);
                throw new NetworkError(code, describeNetworkError(e));
            }
            const location = res.headers.location;
            if (REDIRECTS.has(res.status) &&
                typeof location === 'string' &&
                (req.method === 'GET' || req.method === 'HEAD') &&
                hop < MAX_REDIRECTS) {
                await res.dump();
                const next = new URL(location, url);
                if (next.origin !== url.origin) {
                    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
                }
                url = next;
                continue;
            }
            const raw = res;
            return {
                status: raw.status,
                headers: flatHeaders(raw.headers),
                url,
                async bytes(limit = Infinity) {
                    const declared = Number(raw.headers['content-length']);
                    if (Number.isFinite(declared) && declared > limit) {
                        raw.destroy();
                        throw new Error(`the response is ${declared} bytes, more than the ${limit} accepted`);
                    }
                    const chunks = [];
                    let total = 0;
                    try {
                        for await (const chunk of raw.body) {
                            total += chunk.length;
                            if (total > limit) {
                                raw.destroy();
                                throw new Error(`the response is more than the ${limit} bytes accepted`);
                            }
                            chunks.push(chunk);
                        }
                    }
                    catch (e) {
                        if (e.message.includes('bytes accepted'))
                            throw e;
                        const code = errorCode(e);
                        throw new NetworkError(code, describeNetworkError(e));
                    }
                    return Buffer.concat(chunks);
                },
                async discard() {
                    try {
                        await raw.dump();
                    }
                    catch {
                        // the connection is dropped instead of reused: nothing to report
                    }
                },
            };
        }
    }
    async close() {
        await (await this.transport).close();
    }
}


/***/ })

};
