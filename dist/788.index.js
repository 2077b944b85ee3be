export const id = 788;
export const ids = [788];
export const modules = {

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
