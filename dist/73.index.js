export const id = 73;
export const ids = [73,788];
export const modules = {

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   o3: () => (/* binding */ kindOfStatus),
/* harmony export */   rN: () => (/* binding */ registryErrorDetail)
/* harmony export */ });
// Registry failures as values the caller can act on. Every request the registry client makes either succeeds or
// throws a RegistryError that names the registry, the method, the path and the status, and says what kind of
// failure it was, so main.ts can word the message (a 401 is a credentials problem, a 429 a rate limit, a refused
// connection an outage) and the read-back after a failed push can tell "not there" from "could not ask".
// No dependencies: main.ts may import this statically to test `instanceof` without loading the HTTP stack.
const KIND_WORDS = {
    auth: 'not authorized',
    'rate-limit': 'rate limited',
    'not-found': 'not found',
    server: 'registry error',
    network: 'network error',
    rejected: 'rejected',
    integrity: 'integrity check failed',
};
class RegistryError extends Error {
    kind;
    registry;
    method;
    path;
    status;
    attempts;
    detail;
    constructor(init) {
        const status = init.status === undefined ? '' : `HTTP ${init.status}, `;
        const attempts = (init.attempts ?? 1) > 1 ? ` after ${init.attempts} attempts` : '';
        const detail = init.detail ? `: ${init.detail}` : '';
        super(`${init.method} ${init.registry}${init.path} failed (${status}${KIND_WORDS[init.kind]}${attempts})${detail}`);
        this.name = 'RegistryError';
        this.kind = init.kind;
        this.registry = init.registry;
        this.method = init.method;
        this.path = init.path;
        this.status = init.status;
        this.attempts = init.attempts ?? 1;
        this.detail = init.detail;
    }
}
/** The kind of failure an HTTP status means (only called for statuses that are failures). */
function kindOfStatus(status) {
    if (status === 401 || status === 403)
        return 'auth';
    if (status === 404)
        return 'not-found';
    if (status === 429)
        return 'rate-limit';
    if (status >= 500)
        return 'server';
    return 'rejected';
}
/**
 * One line from a registry's error body (`{"errors":[{"code","message"}]}`, the distribution spec's form), or
 * from a plain-text body; whitespace collapsed and the length capped, so it is safe to put in a log line.
 */
function registryErrorDetail(body) {
    let text = body;
    try {
        const parsed = JSON.parse(body);
        if (Array.isArray(parsed.errors) && parsed.errors.length) {
            text = parsed.errors
                .map((e) => [e.code, e.message].filter((x) => typeof x === 'string' && x).join(': '))
                .filter(Boolean)
                .join('; ');
        }
    }
    catch {
        // not JSON: an HTML error page or plain text from a proxy in between
    }
    const line = text.replace(/\s+/g, ' ').trim();
    if (!line)
        return undefined;
    return line.length > 300 ? `${line.slice(0, 297)}...` : line;
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


/***/ }),

/***/ 25526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ isIndexType),
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   CJ: () => (/* binding */ parsePlatformString),
/* harmony export */   DB: () => (/* binding */ indexPlatforms),
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Fd: () => (/* binding */ platformString),
/* harmony export */   Gc: () => (/* binding */ isAttestationDescriptor),
/* harmony export */   Ko: () => (/* binding */ configPlatform),
/* harmony export */   Q3: () => (/* binding */ isManifestType),
/* harmony export */   Z2: () => (/* binding */ MEDIA_TYPES),
/* harmony export */   bl: () => (/* binding */ childDescriptors),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   gp: () => (/* binding */ manifestMediaType),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   w$: () => (/* binding */ parseManifestBytes)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// The OCI image-spec shapes this action reads and writes (descriptors, manifests, indexes, platforms) and the rules
// for telling them apart, shared by the layout reader, the pusher, the index builder and the read-back. Docker's
// v2 schema 2 types are the same shapes under other media type names, so both families are accepted everywhere.

const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
/** What the client accepts when it reads a manifest: indexes first, so a tag never resolves to one platform. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerList,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifest,
];
function isIndexType(mediaType) {
    return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}
function isManifestType(mediaType) {
    return mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest;
}
/** `sha256:<64 hex>` (or sha512:<128 hex>): the digests this client can check. */
const DIGEST = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;
function isDigest(value) {
    return DIGEST.test(value);
}
/** The digest of bytes in the algorithm `like` names (sha256 unless it names sha512). */
function digestOf(bytes, like = 'sha256:') {
    const algorithm = like.startsWith('sha512:') ? 'sha512' : 'sha256';
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/**
 * A manifest's media type: the `mediaType` field (OCI makes it optional, BuildKit always writes it), else the
 * Content-Type the registry served, else inferred from the shape.
 */
function manifestMediaType(body, contentType) {
    if (typeof body.mediaType === 'string' && body.mediaType)
        return body.mediaType;
    const served = contentType?.split(';')[0].trim();
    if (served && (isIndexType(served) || isManifestType(served)))
        return served;
    return Array.isArray(body.manifests) ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
}
/**
 * `os/arch[/variant]`, normalised the way containerd compares platforms: arm64's default variant v8 and amd64's
 * v1 are dropped, so `linux/arm64/v8` and `linux/arm64` name one platform.
 */
function platformString(p) {
    const variant = (p.architecture === 'arm64' && p.variant === 'v8') || (p.architecture === 'amd64' && p.variant === 'v1')
        ? undefined
        : p.variant;
    return [p.os, p.architecture, variant].filter(Boolean).join('/');
}
/** The same normalisation for a platform written as a string (`linux/arm64/v8` → `linux/arm64`). */
function normalizePlatform(platform) {
    const [os, architecture, variant] = platform.trim().toLowerCase().split('/');
    return platformString({ os, architecture: architecture ?? '', variant });
}
/** `linux/arm/v7` → its OCI platform object. */
function parsePlatformString(platform) {
    const [os, architecture, variant] = platform.trim().toLowerCase().split('/');
    return variant ? { os, architecture, variant } : { os, architecture };
}
/**
 * BuildKit's attestation manifests (provenance, SBOM) sit in an index as `unknown/unknown` entries: they are not
 * images anyone can run, so platform lists and checks skip them.
 */
function isAttestationDescriptor(d) {
    return (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown'));
}
/** The runnable platforms an index lists, normalised, in index order (attestations left out). */
function indexPlatforms(index) {
    return index.manifests
        .filter((m) => m.platform && !isAttestationDescriptor(m))
        .map((m) => platformString(m.platform));
}
/** The platform fields of an image config blob (`{"os","architecture","variant",…}`). */
function configPlatform(config) {
    if (typeof config.os !== 'string' || typeof config.architecture !== 'string')
        return undefined;
    const p = { os: config.os, architecture: config.architecture };
    if (typeof config.variant === 'string' && config.variant)
        p.variant = config.variant;
    if (typeof config['os.version'] === 'string' && config['os.version'])
        p['os.version'] = config['os.version'];
    if (Array.isArray(config['os.features']) && config['os.features'].length)
        p['os.features'] = config['os.features'];
    return p;
}
/** Parses manifest bytes, checking only what the rest of the code relies on. */
function parseManifestBytes(bytes, what) {
    let body;
    try {
        body = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (e) {
        throw new Error(`${what} is not JSON: ${e.message}`);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new Error(`${what} is not a JSON object`);
    return body;
}
/** The descriptors an index lists or an image manifest references (config first), with their shape checked. */
function childDescriptors(body, mediaType, what) {
    const list = isIndexType(mediaType)
        ? body.manifests
        : [body.config, ...(Array.isArray(body.layers) ? body.layers : [undefined])];
    if (!Array.isArray(list))
        throw new Error(`${what} lists no manifests`);
    return list.map((d, i) => {
        const desc = d;
        if (!desc || typeof desc.digest !== 'string' || !isDigest(desc.digest) || typeof desc.size !== 'number') {
            throw new Error(`${what}: entry ${i} is not a descriptor with a sha256 digest and a size`);
        }
        return desc;
    });
}


/***/ }),

/***/ 13073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Registries: () => (/* binding */ Registries),
  withRegistries: () => (/* binding */ withRegistries)
});

// EXTERNAL MODULE: ./src/registry/http.ts + 1 modules
var http = __webpack_require__(44788);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// The `WWW-Authenticate` header a registry answers a 401 with: which scheme (Basic for htpasswd registries, Bearer
// with a token service for ghcr.io, Docker Hub, ECR Public, Harbor …) and its parameters (realm, service, scope).
// Hand-written because the npm parsers are either unmaintained (auth-header, 2018) or accept only the parameters of
// RFC 6750 and reject `service`, which every registry sends. The grammar is RFC 9110 §11.6.1: a comma-separated
// list of challenges, each a scheme followed by a token68 or by comma-separated name=value parameters whose value
// is a token or a quoted-string (with \-escapes); commas separate both challenges and parameters.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;
class Cursor {
    text;
    pos;
    constructor(text, pos = 0) {
        this.text = text;
        this.pos = pos;
    }
    get rest() {
        return this.text.slice(this.pos);
    }
    get done() {
        return this.pos >= this.text.length;
    }
    peek() {
        return this.text[this.pos] ?? '';
    }
    skipSpaces() {
        while (this.peek() === ' ' || this.peek() === '\t')
            this.pos++;
    }
    /** skips spaces and list separators (empty list elements are allowed by the grammar) */
    skipSeparators() {
        while (/[ \t,]/.test(this.peek()) && !this.done)
            this.pos++;
    }
    match(re) {
        const m = re.exec(this.rest);
        if (!m)
            return undefined;
        this.pos += m[0].length;
        return m[0];
    }
    quoted() {
        if (this.peek() !== '"')
            return undefined;
        let out = '';
        for (let i = this.pos + 1; i < this.text.length; i++) {
            const c = this.text[i];
            if (c === '\\' && i + 1 < this.text.length)
                out += this.text[++i];
            else if (c === '"') {
                this.pos = i + 1;
                return out;
            }
            else
                out += c;
        }
        return undefined; // unterminated
    }
}
/** `name = value` at the cursor, or undefined (cursor unchanged) when the next item is not a parameter. */
function param(c) {
    const start = c.pos;
    const name = c.match(TOKEN);
    if (name) {
        c.skipSpaces();
        if (c.peek() === '=') {
            c.pos++;
            c.skipSpaces();
            const value = c.quoted() ?? c.match(TOKEN);
            if (value !== undefined)
                return [name.toLowerCase(), value];
        }
    }
    c.pos = start;
    return undefined;
}
/** Every challenge in a `WWW-Authenticate` value, up to the first part that cannot be read (never thrown). */
function parseChallenges(header) {
    const c = new Cursor(header);
    const out = [];
    for (;;) {
        c.skipSeparators();
        if (c.done)
            return out;
        const scheme = c.match(TOKEN);
        if (!scheme) {
            c.pos++; // not a token: skip the character and resynchronise
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        out.push(challenge);
        c.skipSpaces();
        if (!param(new Cursor(c.rest))) {
            // no parameters: a token68 (`Negotiate abc==`) or nothing (`Basic`)
            const save = c.pos;
            const t68 = c.match(TOKEN68);
            c.skipSpaces();
            if (t68 && (c.done || c.peek() === ','))
                challenge.token68 = t68;
            else
                c.pos = save;
            // anything else after a scheme is unreadable: keep what was read, guess no further
            if (!c.done && c.peek() !== ',')
                return out;
            continue;
        }
        // parameters until the next challenge (a token not followed by `=`)
        for (;;) {
            const p = param(c);
            if (!p)
                return out;
            challenge.params[p[0]] = p[1];
            c.skipSpaces();
            if (c.done)
                return out;
            if (c.peek() !== ',')
                return out;
            const beforeComma = c.pos;
            c.skipSeparators();
            if (!param(new Cursor(c.rest))) {
                c.pos = beforeComma;
                break;
            }
        }
    }
}
/** The challenge to answer: Bearer when offered (it carries the scope), else Basic, else the first. */
function preferredChallenge(header) {
    const all = parseChallenges(header);
    return all.find((ch) => ch.scheme === 'bearer') ?? all.find((ch) => ch.scheme === 'basic') ?? all[0];
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/identity.ts
var identity = __webpack_require__(40585);
;// CONCATENATED MODULE: ./src/registry/retry.ts
// When a registry request is worth sending again, and after how long. Registries throttle (ghcr.io and Docker Hub
// answer 429, some 503 with Retry-After) and have bad moments (5xx, dropped connections); both pass, so the client
// waits and retries, bounded so a run never hangs. Credentials and missing things do not pass: 401/403/404 and
// other 4xx are final. Pure: the caller supplies the clock and performs the wait (tests use no real time).
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 4,
    maxWaitMs: 60_000,
    backoffMs: (retry) => 500 * 2 ** (retry - 1),
};
/**
 * `Retry-After` in milliseconds from `now`: delta-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00
 * GMT`); a date in the past is 0. Undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    const v = value?.trim();
    if (!v)
        return undefined;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    // Only the HTTP-date forms (they all name a weekday or a month), not whatever Date.parse would guess at.
    if (!/[A-Za-z]{3}/.test(v))
        return undefined;
    const at = Date.parse(v);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/** Network failures that pass: the connection was refused, reset or timed out (not an unknown host). */
const TRANSIENT_NETWORK = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNABORTED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
function isTransientNetworkCode(code) {
    return TRANSIENT_NETWORK.has(code);
}
/** Whether a status is worth retrying at all (before counting attempts). */
function transientStatus(status, hasRetryAfter) {
    if (status === 429)
        return true;
    if (status === 503 && hasRetryAfter)
        return true;
    return status >= 500 && status !== 501 && status !== 505;
}
/**
 * Retry after `attempt` sends (1-based)? 429 and 503 wait what Retry-After asks (capped by policy: a longer wait
 * is not taken), other transient failures back off exponentially.
 */
function decideRetry(outcome, attempt, policy) {
    const transient = 'networkCode' in outcome
        ? isTransientNetworkCode(outcome.networkCode)
        : transientStatus(outcome.status, outcome.retryAfterMs !== undefined);
    if (!transient)
        return { retry: false, why: 'final' };
    if (attempt >= policy.maxAttempts)
        return { retry: false, why: 'exhausted' };
    const asked = 'status' in outcome ? outcome.retryAfterMs : undefined;
    if (asked !== undefined) {
        if (asked > policy.maxWaitMs)
            return { retry: false, why: 'wait-too-long', askedMs: asked };
        return { retry: true, waitMs: asked };
    }
    return { retry: true, waitMs: Math.min(policy.backoffMs(attempt), policy.maxWaitMs) };
}

// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __webpack_require__(25526);
;// CONCATENATED MODULE: ./src/registry/client.ts
// A client for one registry over the OCI distribution API: what this action needs to push an image by digest,
// create an index under tags and read tags back. Answers the registry's auth challenge (Basic for htpasswd
// registries, the Bearer token service of ghcr.io, Docker Hub and most others) with the credential the action logged
// in with, keeping one token per scope; retries what passes (retry.ts); and checks every digest it is served.






/** The spec's limit for a manifest; a registry serving more is broken or hostile. */
const MANIFEST_LIMIT = 4 * 1024 * 1024;
function scopeString(s) {
    return `repository:${s.repository}:${[...s.actions].sort().join(',')}`;
}
function describeRetry(n) {
    const what = n.status !== undefined ? `answered HTTP ${n.status}` : `failed (${n.networkCode})`;
    const wait = `${Math.round(n.waitMs / 100) / 10} s${n.asked ? ' as it asked' : ''}`;
    return `Registry ${n.registry}: ${n.method} ${n.path} ${what}; retrying in ${wait} (attempt ${n.attempt + 1} of ${n.maxAttempts})`;
}
const basic = (c) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
class RegistryClient {
    registry;
    opts;
    scheme = 'unknown';
    bearer;
    tokens = [];
    pendingTokens = new Map();
    base;
    constructor(
    /** canonical registry (identity.ts) */
    registry, opts) {
        this.registry = registry;
        this.opts = opts;
        this.base = (0,identity/* registryApiBase */.vO)(registry);
    }
    // ---- manifests ------------------------------------------------------------------------------------------------
    /** The manifest a tag or digest names; its digest is computed from the bytes (and must match a digest asked for). */
    async getManifest(repository, reference) {
        const path = `${repository}/manifests/${reference}`;
        const { res, bytes } = await this.call({
            method: 'GET',
            target: path,
            scopes: [{ repository, actions: ['pull'] }],
            accept: [200],
            headers: { accept: oci/* MANIFEST_ACCEPT */.dY.join(', ') },
            read: true,
        });
        const digest = (0,oci/* digestOf */.ol)(bytes, reference.includes(':') ? reference : 'sha256:');
        if (reference.includes(':') && digest !== reference) {
            throw new errors/* RegistryError */.gl({
                kind: 'integrity',
                registry: this.registry,
                method: 'GET',
                path: `/v2/${path}`,
                detail: `the registry served a manifest whose digest is ${digest}`,
            });
        }
        const body = (0,oci/* parseManifestBytes */.w$)(bytes, `The manifest ${this.registry}/${repository}@${digest}`);
        return {
            digest,
            mediaType: (0,oci/* manifestMediaType */.gp)(body, res.headers['content-type']),
            size: bytes.length,
            bytes: bytes,
            body,
        };
    }
    /**
     * The manifest a tag or digest names, or undefined when the registry does not have it. A GET, not a HEAD:
     * undici closes the connection after every HEAD (against servers that send a body anyway), and a manifest is a
     * few kilobytes, so reading it costs less than a new connection (and a TLS handshake) per check.
     */
    async findManifest(repository, reference) {
        try {
            return await this.getManifest(repository, reference);
        }
        catch (e) {
            if (e instanceof errors/* RegistryError */.gl && e.kind === 'not-found')
                return undefined;
            throw e;
        }
    }
    /**
     * Learn the registry's auth scheme and fetch the token a push to `repository` needs, ahead of time: the merge does
     * this while it collects the legs, so the index's first PUT does not wait for the challenge round trips. Never
     * throws — a real problem shows up, with its message, on the call that needs it.
     */
    async warmUp(repository, reference) {
        try {
            await this.findManifest(repository, reference);
            if (this.scheme === 'bearer')
                await this.authorization([{ repository, actions: ['pull', 'push'] }]);
        }
        catch {
            // left for the real call to report
        }
    }
    /** PUT a manifest under a tag or its digest; returns its digest (checked against the registry's). */
    async putManifest(repository, reference, bytes, mediaType) {
        const digest = (0,oci/* digestOf */.ol)(bytes);
        const path = `${repository}/manifests/${reference}`;
        const { res } = await this.call({
            method: 'PUT',
            target: path,
            scopes: [{ repository, actions: ['pull', 'push'] }],
            accept: [200, 201, 202],
            headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
            body: bytes,
        });
        await res.discard();
        const served = res.headers['docker-content-digest'];
        if (served && served !== digest && served.startsWith('sha256:')) {
            throw new errors/* RegistryError */.gl({
                kind: 'integrity',
                registry: this.registry,
                method: 'PUT',
                path: `/v2/${path}`,
                detail: `the registry stored the manifest as ${served}, not ${digest}`,
            });
        }
        return digest;
    }
    // ---- blobs ----------------------------------------------------------------------------------------------------
    /** Whether the repository holds a blob (a HEAD: a blob can be large; its connection is not reused by undici). */
    async hasBlob(repository, digest) {
        const { res } = await this.call({
            method: 'HEAD',
            target: `${repository}/blobs/${digest}`,
            scopes: [{ repository, actions: ['pull'] }],
            accept: [200, 404],
        });
        await res.discard();
        return res.status === 200;
    }
    /** A small blob (an image config) read whole and checked against its digest. */
    async getBlob(repository, digest, limit = MANIFEST_LIMIT) {
        const path = `${repository}/blobs/${digest}`;
        const { bytes } = await this.call({
            method: 'GET',
            target: path,
            scopes: [{ repository, actions: ['pull'] }],
            accept: [200],
            read: true,
            readLimit: limit,
        });
        if ((0,oci/* digestOf */.ol)(bytes, digest) !== digest) {
            throw new errors/* RegistryError */.gl({
                kind: 'integrity',
                registry: this.registry,
                method: 'GET',
                path: `/v2/${path}`,
                detail: `the registry served bytes whose digest is ${(0,oci/* digestOf */.ol)(bytes, digest)}`,
            });
        }
        return bytes;
    }
    /**
     * Puts a blob in a repository unless it is there: a cross-repository mount when another repository of this
     * registry holds it (no bytes sent), else a monolithic upload (POST a session, PUT the bytes with the digest).
     */
    async uploadBlob(repository, blob, mountFrom = []) {
        if (await this.hasBlob(repository, blob.digest))
            return 'exists';
        let location;
        for (const from of mountFrom.filter((r) => r !== repository)) {
            const { res } = await this.call({
                method: 'POST',
                target: `${repository}/blobs/uploads/?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`,
                scopes: [
                    { repository, actions: ['pull', 'push'] },
                    { repository: from, actions: ['pull'] },
                ],
                accept: [201, 202],
                headers: { 'content-length': '0' },
            });
            await res.discard();
            if (res.status === 201)
                return 'mounted';
            // 202: the mount was refused, the registry opened an upload session instead
            location = this.uploadLocation(res, repository);
            break;
        }
        // A session the registry lost (restarted, expired) is opened again once.
        for (let session = 1;; session++) {
            location ??= await this.startUpload(repository);
            const target = new URL(`${location.href}${location.search ? '&' : '?'}digest=${encodeURIComponent(blob.digest)}`);
            try {
                const { res } = await this.call({
                    method: 'PUT',
                    target,
                    scopes: [{ repository, actions: ['pull', 'push'] }],
                    accept: [201, 204],
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
                    body: blob.open,
                });
                await res.discard();
                return 'uploaded';
            }
            catch (e) {
                if (session === 1 && e instanceof errors/* RegistryError */.gl && e.kind === 'not-found') {
                    location = undefined;
                    continue;
                }
                throw e;
            }
        }
    }
    async startUpload(repository) {
        const { res } = await this.call({
            method: 'POST',
            target: `${repository}/blobs/uploads/`,
            scopes: [{ repository, actions: ['pull', 'push'] }],
            accept: [202],
            headers: { 'content-length': '0' },
        });
        await res.discard();
        return this.uploadLocation(res, repository);
    }
    uploadLocation(res, repository) {
        const location = res.headers.location;
        if (!location) {
            throw new errors/* RegistryError */.gl({
                kind: 'rejected',
                registry: this.registry,
                method: 'POST',
                path: `/v2/${repository}/blobs/uploads/`,
                status: res.status,
                detail: 'the registry opened an upload session without a Location',
            });
        }
        return new URL(location, res.url);
    }
    // ---- requests, auth, retries ----------------------------------------------------------------------------------
    urlFor(target) {
        return target instanceof URL ? target : new URL(`${this.base}/v2/${target}`);
    }
    fail(method, url, init) {
        throw new errors/* RegistryError */.gl({
            kind: 'server',
            registry: this.registry,
            method,
            path: url.pathname,
            ...init,
        });
    }
    /**
     * One logical request: sent, answered to a 401 challenge once (a 401 after fresh credentials is final), and
     * retried while retry.ts says so. Returns the response when its status is one of `accept`.
     */
    async call(o) {
        const url = this.urlFor(o.target);
        const sameOrigin = url.origin === new URL(this.base).origin;
        const policy = this.opts.retry;
        let freshCredentials = false;
        for (let attempt = 1;;) {
            const headers = { ...(o.headers ?? {}) };
            const authorization = sameOrigin ? await this.authorization(o.scopes) : undefined;
            if (authorization)
                headers.authorization = authorization;
            let outcome;
            let res;
            let detail;
            try {
                res = await this.opts.pool.send({ method: o.method, url, headers, body: o.body });
                if (res.status === 401 && sameOrigin) {
                    const challenge = res.headers['www-authenticate'];
                    await res.discard();
                    // Basic credentials refused once are refused for good; a Bearer token may just have expired: renew once.
                    if (freshCredentials || !challenge || authorization?.startsWith('Basic ')) {
                        this.fail(o.method, url, {
                            kind: 'auth',
                            status: 401,
                            attempts: attempt,
                            detail: this.opts.credential
                                ? `the registry refused the credentials of ${this.opts.credential.username}`
                                : 'the registry asks for credentials and this run has none for it',
                        });
                    }
                    await this.answerChallenge(challenge, o.scopes, o.method, url, authorization);
                    freshCredentials = true;
                    continue; // an auth round trip is not a retry
                }
                if (o.accept.includes(res.status)) {
                    if (!o.read)
                        return { res };
                    const limit = o.readLimit ?? MANIFEST_LIMIT;
                    const bytes = await res.bytes(limit).catch((e) => {
                        if (e instanceof http.NetworkError)
                            throw e;
                        this.fail(o.method, url, {
                            kind: 'rejected',
                            status: res.status,
                            detail: `the answer is larger than the ${limit} bytes accepted`,
                        });
                    });
                    return { res, bytes };
                }
                outcome = { status: res.status, retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.opts.now()) };
                detail = (0,errors/* registryErrorDetail */.rN)((await res.bytes(64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8'));
            }
            catch (e) {
                if (!(e instanceof http.NetworkError))
                    throw e;
                outcome = { networkCode: e.code };
                detail = e.message;
            }
            const decision = decideRetry(outcome, attempt, policy);
            if (decision.retry) {
                this.opts.onRetry?.({
                    registry: this.registry,
                    method: o.method,
                    path: url.pathname,
                    ...('status' in outcome ? { status: outcome.status } : { networkCode: outcome.networkCode }),
                    attempt,
                    maxAttempts: policy.maxAttempts,
                    waitMs: decision.waitMs,
                    asked: 'status' in outcome && outcome.retryAfterMs !== undefined,
                });
                await this.opts.sleep(decision.waitMs);
                attempt++;
                continue;
            }
            if (decision.why === 'wait-too-long') {
                detail = `the registry asks to wait ${Math.ceil(decision.askedMs / 1000)} s, longer than the ${policy.maxWaitMs / 1000} s this action waits${detail ? `; ${detail}` : ''}`;
            }
            if ('networkCode' in outcome)
                this.fail(o.method, url, { kind: 'network', attempts: attempt, detail });
            this.fail(o.method, url, {
                kind: (0,errors/* kindOfStatus */.o3)(outcome.status),
                status: outcome.status,
                attempts: attempt,
                detail,
            });
        }
    }
    /** The Authorization header for these scopes, fetching a Bearer token when none cached covers them. */
    async authorization(scopes) {
        if (this.scheme === 'basic')
            return this.opts.credential && basic(this.opts.credential);
        if (this.scheme !== 'bearer')
            return undefined;
        const wanted = scopes.map(scopeString);
        const now = this.opts.now();
        this.tokens = this.tokens.filter((t) => t.expiresAt > now);
        const cached = this.tokens.find((t) => wanted.every((w) => covers(t.scopes, w)));
        if (cached)
            return `Bearer ${cached.token}`;
        return `Bearer ${(await this.fetchToken(wanted)).token}`;
    }
    /** `used`: the Authorization the refused request carried (a token fetched since then is tried before a new one). */
    async answerChallenge(header, scopes, method, url, used) {
        const challenge = preferredChallenge(header);
        if (challenge?.scheme === 'basic') {
            if (!this.opts.credential) {
                this.fail(method, url, {
                    kind: 'auth',
                    status: 401,
                    detail: 'the registry asks for credentials and this run has none for it',
                });
            }
            this.scheme = 'basic';
            return;
        }
        if (challenge?.scheme === 'bearer' && challenge.params.realm) {
            let realm;
            try {
                realm = new URL(challenge.params.realm);
            }
            catch {
                this.fail(method, url, {
                    kind: 'auth',
                    status: 401,
                    detail: 'the registry names a token service that is not a URL',
                });
            }
            this.scheme = 'bearer';
            this.bearer = { realm, service: challenge.params.service };
            const wanted = scopes.map(scopeString);
            // The registry may name a scope of its own (insufficient_scope): ask for both.
            if (challenge.params.scope)
                for (const s of challenge.params.scope.split(' '))
                    if (s && !wanted.includes(s))
                        wanted.push(s);
            // Concurrent requests refused with one stale token: the first to get here renews it, the others (whose 401s may
            // arrive after the renewal has finished) use the renewed token instead of renewing it again.
            const now = this.opts.now();
            const renewedMeanwhile = (t) => t.expiresAt > now && `Bearer ${t.token}` !== used && wanted.every((w) => covers(t.scopes, w));
            if (used?.startsWith('Bearer ') && this.tokens.some(renewedMeanwhile))
                return;
            this.tokens = this.tokens.filter((t) => !wanted.some((w) => covers(t.scopes, w)));
            await this.fetchToken(wanted);
            return;
        }
        this.fail(method, url, {
            kind: 'auth',
            status: 401,
            detail: `the registry asks for an authentication scheme this action does not speak (${challenge?.scheme ?? 'none'})`,
        });
    }
    /** One token request per scope set at a time: concurrent calls that need the same token share its request. */
    fetchToken(scopes) {
        const key = [...scopes].sort().join(' ');
        let pending = this.pendingTokens.get(key);
        if (!pending) {
            pending = this.requestToken(scopes).finally(() => this.pendingTokens.delete(key));
            this.pendingTokens.set(key, pending);
        }
        return pending;
    }
    /** GET the token service (anonymous when no credential: public pulls from ghcr.io and Docker Hub work so). */
    async requestToken(scopes) {
        const { realm, service } = this.bearer;
        const url = new URL(realm);
        if (service)
            url.searchParams.set('service', service);
        for (const s of scopes)
            url.searchParams.append('scope', s);
        const policy = this.opts.retry;
        for (let attempt = 1;; attempt++) {
            let outcome;
            let detail;
            try {
                const res = await this.opts.pool.send({
                    method: 'GET',
                    url,
                    headers: this.opts.credential ? { authorization: basic(this.opts.credential) } : {},
                });
                if (res.status === 200) {
                    const body = JSON.parse((await res.bytes(MANIFEST_LIMIT)).toString('utf8'));
                    const value = body.token ?? body.access_token;
                    if (!value)
                        this.fail('GET', url, { kind: 'auth', status: 200, detail: `the token service ${url.host} sent no token` });
                    // The spec's default lifetime is 60 s; renew 10 s early so a token never expires in flight.
                    const ttl = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60) * 1000;
                    const token = {
                        token: value,
                        scopes: new Set(scopes),
                        expiresAt: this.opts.now() + Math.max(ttl - 10_000, ttl / 2),
                    };
                    this.tokens.push(token);
                    return token;
                }
                outcome = { status: res.status, retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.opts.now()) };
                detail = (0,errors/* registryErrorDetail */.rN)((await res.bytes(64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8'));
            }
            catch (e) {
                if (!(e instanceof http.NetworkError)) {
                    if (e instanceof errors/* RegistryError */.gl)
                        throw e;
                    this.fail('GET', url, { kind: 'auth', detail: `the token service ${url.host} sent an unreadable answer` });
                }
                outcome = { networkCode: e.code };
                detail = e.message;
            }
            const decision = decideRetry(outcome, attempt, policy);
            if (decision.retry) {
                this.opts.onRetry?.({
                    registry: this.registry,
                    method: 'GET',
                    path: url.pathname,
                    ...('status' in outcome ? { status: outcome.status } : { networkCode: outcome.networkCode }),
                    attempt,
                    maxAttempts: policy.maxAttempts,
                    waitMs: decision.waitMs,
                    asked: 'status' in outcome && outcome.retryAfterMs !== undefined,
                });
                await this.opts.sleep(decision.waitMs);
                continue;
            }
            const who = this.opts.credential ? `the credentials of ${this.opts.credential.username}` : 'an anonymous request';
            const tokenDetail = `the token service ${url.host} refused ${who}${detail ? `: ${detail}` : ''}`;
            if ('networkCode' in outcome)
                this.fail('GET', url, { kind: 'network', attempts: attempt, detail: `token service ${url.host}: ${detail}` });
            const kind = outcome.status === 401 || outcome.status === 403 ? 'auth' : (0,errors/* kindOfStatus */.o3)(outcome.status);
            this.fail('GET', url, { kind, status: outcome.status, attempts: attempt, detail: tokenDetail });
        }
    }
}
/** A token granted for `repository:x:pull,push` also covers `repository:x:pull`. */
function covers(granted, wanted) {
    if (granted.has(wanted))
        return true;
    const [type, name, actions] = splitScope(wanted);
    for (const g of granted) {
        const [gt, gn, ga] = splitScope(g);
        if (gt === type && gn === name && actions.every((a) => ga.includes(a) || ga.includes('*')))
            return true;
    }
    return false;
}
function splitScope(scope) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    return [scope.slice(0, first), scope.slice(first + 1, last), scope.slice(last + 1).split(',')];
}

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
;// CONCATENATED MODULE: ./src/registry/session.ts
// The registries one step talks to, each with its client: one connection pool and one token cache per registry,
// shared by every call of the step (the pushes of all legs' blobs, the index under every tag, the read-back of
// every tag), with the run's credentials, proxy and retry policy. Tests inject the clock and the sleep.





const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class Registries {
    opts;
    clients = new Map();
    constructor(opts = {}) {
        this.opts = opts;
    }
    /** The client of a registry (any alias: docker.io and index.docker.io are one), created on first use. */
    client(registry) {
        const canonical = (0,identity/* canonicalRegistry */.i7)(registry);
        const known = this.clients.get(canonical);
        if (known)
            return known.client;
        const pool = new http.HttpPool(this.opts.proxy, { ...http.DEFAULT_TIMEOUTS, ...this.opts.timeouts });
        const credential = (0,identity/* credentialFor */.FX)(canonical, this.opts.credentials ?? []);
        const client = new RegistryClient(canonical, {
            credential: credential && { username: credential.username, password: credential.password },
            pool,
            retry: { ...DEFAULT_RETRY_POLICY, ...this.opts.retry },
            sleep: this.opts.sleep ?? realSleep,
            now: this.opts.now ?? Date.now,
            onRetry: this.opts.onRetry ?? ((n) => runner/* log */.Rm.info(describeRetry(n))),
        });
        this.clients.set(canonical, { client, pool });
        return client;
    }
    /** Closes every pool (idle keep-alive connections would otherwise hold the process for their timeout). */
    async close() {
        const all = [...this.clients.values()];
        this.clients.clear();
        await Promise.all(all.map((c) => c.pool.close()));
    }
}
/** Runs `fn` with the given session, or with one of its own (closed afterwards) built from credentials. */
async function withRegistries(access, fn) {
    if (access instanceof Registries)
        return fn(access);
    const registries = new Registries({ credentials: access });
    try {
        return await fn(registries);
    }
    finally {
        await registries.close();
    }
}


/***/ })

};
