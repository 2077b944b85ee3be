export const id = 851;
export const ids = [851];
export const modules = {

/***/ 58851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_TIMEOUTS: () => (/* binding */ DEFAULT_TIMEOUTS),
/* harmony export */   HttpPool: () => (/* binding */ HttpPool),
/* harmony export */   NetworkError: () => (/* binding */ NetworkError),
/* harmony export */   proxyConfigFromEnv: () => (/* binding */ proxyConfigFromEnv)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);

/**
 * Proxy settings from an environment (the one index.ts hands down). Lower-case names win, as curl, Go and undici
 * read them; an empty value disables a proxy.
 */
function proxyConfigFromEnv(env) {
    const pick = (name) => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';
    return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') };
}
const DEFAULT_TIMEOUTS = { connectMs: 30_000, headersMs: 120_000, bodyMs: 120_000 };
/** A request that got no HTTP answer: `code` is the system or undici code (ECONNREFUSED, UND_ERR_SOCKET …). */
class NetworkError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
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
/** A short, secret-free description of a network failure: the code and the message, without proxy URLs. */
function describeNetworkError(e, code) {
    const message = e?.message ?? String(e);
    const cleaned = message.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s@/]*@/gi, '//***@').replace(/\s+/g, ' ');
    return code === 'UNKNOWN' ? cleaned : `${cleaned} (${code})`;
}
/** One registry's connections: a keep-alive pool (through the proxy when one applies). */
class HttpPool {
    timeouts;
    dispatcher;
    constructor(proxy = {}, timeouts = DEFAULT_TIMEOUTS) {
        this.timeouts = timeouts;
        const agentOptions = {
            keepAliveTimeout: 30_000,
            connections: 8,
            connect: { timeout: timeouts.connectMs },
            headersTimeout: timeouts.headersMs,
            bodyTimeout: timeouts.bodyMs,
        };
        // Empty strings, never undefined: undici falls back to the process environment for undefined, and this code decides
        // which environment counts (index.ts's).
        this.dispatcher =
            proxy.httpProxy || proxy.httpsProxy
                ? new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
                    ...agentOptions,
                    httpProxy: proxy.httpProxy ?? '',
                    httpsProxy: proxy.httpsProxy ?? '',
                    noProxy: proxy.noProxy ?? '',
                    // plain-http registries through an http proxy in absolute form: proxies often allow CONNECT to 443 only
                    proxyTunnel: false,
                })
                : new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6(agentOptions);
    }
    /** Sends one request; follows redirects of GET and HEAD, dropping Authorization when the origin changes. */
    async send(req) {
        let url = req.url;
        let headers = { ...(req.headers ?? {}) };
        for (let hop = 0;; hop++) {
            let res;
            try {
                res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                    dispatcher: this.dispatcher,
                    method: req.method,
                    headers,
                    body: typeof req.body === 'function' ? req.body() : req.body,
                    headersTimeout: this.timeouts.headersMs,
                    bodyTimeout: this.timeouts.bodyMs,
                });
            }
            catch (e) {
                const code = errorCode(e);
                throw new NetworkError(code, describeNetworkError(e, code));
            }
            const location = res.headers.location;
            if (REDIRECTS.has(res.statusCode) &&
                typeof location === 'string' &&
                (req.method === 'GET' || req.method === 'HEAD') &&
                hop < MAX_REDIRECTS) {
                await res.body.dump();
                const next = new URL(location, url);
                if (next.origin !== url.origin) {
                    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
                }
                url = next;
                continue;
            }
            const body = res.body;
            return {
                status: res.statusCode,
                headers: flatHeaders(res.headers),
                url,
                async bytes(limit = Infinity) {
                    const declared = Number(res.headers['content-length']);
                    if (Number.isFinite(declared) && declared > limit) {
                        await body.dump();
                        throw new Error(`the response is ${declared} bytes, more than the ${limit} accepted`);
                    }
                    const chunks = [];
                    let total = 0;
                    try {
                        for await (const chunk of body) {
                            total += chunk.length;
                            if (total > limit) {
                                body.destroy();
                                throw new Error(`the response is more than the ${limit} bytes accepted`);
                            }
                            chunks.push(chunk);
                        }
                    }
                    catch (e) {
                        if (e.message.includes('bytes accepted'))
                            throw e;
                        const code = errorCode(e);
                        throw new NetworkError(code, describeNetworkError(e, code));
                    }
                    return Buffer.concat(chunks);
                },
                async discard() {
                    try {
                        await body.dump();
                    }
                    catch {
                        // the connection is dropped instead of reused: nothing to report
                    }
                },
            };
        }
    }
    async close() {
        await this.dispatcher.close();
    }
}


/***/ })

};
