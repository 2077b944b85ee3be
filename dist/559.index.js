export const id = 559;
export const ids = [559,779];
export const modules = {

/***/ 62559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyPush: () => (/* binding */ verifyPush)
/* harmony export */ });
/* harmony import */ var _registry_read_back_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56779);
/* harmony import */ var _registry_oci_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25526);


async function verifyPush(tags, digest, platforms, access) {
    const read = await (0,_registry_read_back_js__WEBPACK_IMPORTED_MODULE_0__.readBack)(tags, digest, platforms, access);
    const verified = { tags: [], platforms: [] };
    const problems = [];
    for (const tag of read) {
        if (tag.error || !tag.digest) {
            problems.push(`${tag.ref} could not be read: ${tag.error?.message ?? 'no digest'}`);
            continue;
        }
        verified.tags.push({ ref: tag.ref, digest: tag.digest });
        if (verified.platforms.length === 0)
            verified.platforms = tag.platforms ?? [];
        if (!tag.matches)
            problems.push(`${tag.ref} resolves to ${tag.digest}, not the pushed ${digest}`);
        if (tag.missingPlatforms.length) {
            const listed = tag.platforms?.join(', ') || 'none';
            problems.push(`${tag.ref} lacks platform(s) ${tag.missingPlatforms.join(', ')} (the image lists ${listed})`);
        }
    }
    if (problems.length)
        throw new Error(`The registry does not hold what was pushed:\n- ${problems.join('\n- ')}`);
    return verified;
}


/***/ }),

/***/ 52156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
// Registry calls run side by side (tags read back, blobs uploaded) but bounded: a registry throttles a client that
// opens dozens of connections, and the pool keeps only a few alive.
/** `fn` over `items`, at most `limit` at a time; results in the order of `items`. Rejects on the first failure. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ }),

/***/ 56779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readBack: () => (/* binding */ readBack)
/* harmony export */ });
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18230);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52156);
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25526);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13073);




/**
 * Reads every tag (concurrently, over the session's shared connections). Never throws for a tag: each result says
 * what the tag resolves to or why it could not be read.
 */
async function readBack(tags, expectedDigest, platforms, access, options = {}) {
    const wanted = platforms.map(_oci_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizePlatform */ .FL);
    return (0,_session_js__WEBPACK_IMPORTED_MODULE_2__.withRegistries)(access, async (registries) => {
        // One config read per image, however many tags point at it.
        const configPlatforms = new Map();
        const platformsOfImage = (registry, repository, configDigest) => {
            const key = `${registry}/${repository}@${configDigest}`;
            let p = configPlatforms.get(key);
            if (!p) {
                p = registries
                    .client(registry)
                    .getBlob(repository, configDigest)
                    .then((bytes) => {
                    const platform = (0,_oci_js__WEBPACK_IMPORTED_MODULE_1__/* .configPlatform */ .Ko)(JSON.parse(bytes.toString('utf8')));
                    return platform ? [(0,_oci_js__WEBPACK_IMPORTED_MODULE_1__/* .platformString */ .Fd)(platform)] : [];
                });
                configPlatforms.set(key, p);
            }
            return p;
        };
        return (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_3__/* .mapLimit */ .s)(tags, options.concurrency ?? 8, async (ref) => {
            const image = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(ref);
            try {
                const m = await registries
                    .client(image.registry)
                    .getManifest(image.repository, image.digest ?? image.tag ?? 'latest');
                let listed;
                if ((0,_oci_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexType */ .$U)(m.mediaType)) {
                    listed = (0,_oci_js__WEBPACK_IMPORTED_MODULE_1__/* .indexPlatforms */ .DB)(m.body);
                }
                else {
                    const config = m.body.config?.digest;
                    listed = config ? await platformsOfImage(image.registry, image.repository, config) : [];
                }
                return {
                    ref,
                    digest: m.digest,
                    mediaType: m.mediaType,
                    platforms: listed,
                    matches: expectedDigest !== undefined && m.digest === expectedDigest,
                    missingPlatforms: wanted.filter((p) => !listed.includes(p)),
                };
            }
            catch (e) {
                return { ref, matches: false, missingPlatforms: [], error: e };
            }
        });
    });
}


/***/ })

};
