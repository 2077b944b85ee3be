export const id = 258;
export const ids = [258];
export const modules = {

/***/ 54258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyTransport: () => (/* binding */ ProxyTransport)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);

class ProxyTransport {
    timeouts;
    dispatcher;
    constructor(proxy, timeouts) {
        this.timeouts = timeouts;
        // Empty strings, never undefined: undici falls back to the process environment for undefined, and this code
        // decides which environment counts (index.ts's).
        this.dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
            keepAliveTimeout: 30_000,
            connections: 8,
            connect: { timeout: timeouts.connectMs },
            headersTimeout: timeouts.headersMs,
            bodyTimeout: timeouts.bodyMs,
            httpProxy: proxy.httpProxy ?? '',
            httpsProxy: proxy.httpsProxy ?? '',
            noProxy: proxy.noProxy ?? '',
            // plain-http registries through an http proxy in absolute form: proxies often allow CONNECT to 443 only
            proxyTunnel: false,
        });
    }
    async send(url, method, headers, body) {
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
            dispatcher: this.dispatcher,
            method: method,
            headers,
            body,
            headersTimeout: this.timeouts.headersMs,
            bodyTimeout: this.timeouts.bodyMs,
        });
        return {
            status: res.statusCode,
            headers: res.headers,
            body: res.body,
            dump: () => res.body.dump(),
            destroy: () => void res.body.destroy(),
        };
    }
    async close() {
        await this.dispatcher.close();
    }
}


/***/ })

};
