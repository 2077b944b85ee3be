export const id = 451;
export const ids = [451];
export const modules = {

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

/***/ 89451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ buildIndex),
/* harmony export */   createIndex: () => (/* binding */ createIndex),
/* harmony export */   failedTags: () => (/* binding */ failedTags)
/* harmony export */ });
/* unused harmony export resolveLegs */
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18230);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52156);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25526);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(13073);





function sortedRecord(r) {
    if (!r || Object.keys(r).length === 0)
        return undefined;
    return Object.fromEntries(Object.keys(r)
        .sort()
        .map((k) => [k, r[k]]));
}
/** A descriptor with its keys in one fixed order (JSON.stringify keeps insertion order). */
function canonicalDescriptor(d) {
    const out = { mediaType: d.mediaType, digest: d.digest, size: d.size };
    if (d.platform) {
        const p = { architecture: d.platform.architecture, os: d.platform.os };
        if (d.platform['os.version'])
            p['os.version'] = d.platform['os.version'];
        if (d.platform['os.features']?.length)
            p['os.features'] = [...d.platform['os.features']];
        if (d.platform.variant)
            p.variant = d.platform.variant;
        out.platform = p;
    }
    if (d.artifactType)
        out.artifactType = d.artifactType;
    const annotations = sortedRecord(d.annotations);
    if (annotations)
        out.annotations = annotations;
    return out;
}
/**
 * The index bytes for these entries: runnable images sorted by platform, then attestation manifests in the order
 * of the images they describe; duplicates dropped; annotations with sorted keys. Two different images for one
 * platform are an error (two legs built the same platform).
 */
function buildIndex(entries, annotations) {
    const byDigest = new Map();
    for (const e of entries)
        if (!byDigest.has(e.digest))
            byDigest.set(e.digest, e);
    const all = [...byDigest.values()];
    const images = all.filter((d) => !(0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .isAttestationDescriptor */ .Gc)(d));
    const attestations = all.filter((d) => (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .isAttestationDescriptor */ .Gc)(d));
    const key = (d) => (d.platform ? (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .platformString */ .Fd)(d.platform) : '');
    const seen = new Map();
    for (const d of images) {
        if (!d.platform)
            throw new Error(`The manifest ${d.digest} has no platform: an index entry needs one`);
        const other = seen.get(key(d));
        if (other)
            throw new Error(`Two images for ${key(d)}: ${other} and ${d.digest} (did two legs build the same platform?)`);
        seen.set(key(d), d.digest);
    }
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    images.sort((a, b) => cmp(key(a), key(b)) || cmp(a.digest, b.digest));
    const order = new Map(images.map((d, i) => [d.digest, i]));
    const subjectRank = (d) => order.get(d.annotations?.['vnd.docker.reference.digest'] ?? '') ?? images.length;
    attestations.sort((a, b) => subjectRank(a) - subjectRank(b) || cmp(a.digest, b.digest));
    const manifests = [...images, ...attestations].map(canonicalDescriptor);
    const index = { schemaVersion: 2, mediaType: _oci_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPES */ .Z2.ociIndex, manifests };
    const top = sortedRecord(annotations);
    if (top)
        index.annotations = top;
    const bytes = Buffer.from(JSON.stringify(index), 'utf8');
    return {
        bytes,
        digest: (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .digestOf */ .ol)(bytes),
        mediaType: _oci_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA_TYPES */ .Z2.ociIndex,
        size: bytes.length,
        manifests,
        platforms: images.map(key),
    };
}
/**
 * The index entries the legs contribute, read from one repository: an image contributes itself (platform from
 * its config, which must agree with the leg's), an index its entries (attestations included).
 */
async function resolveLegs(registries, repositoryRef, legs) {
    const { registry, repository } = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(repositoryRef);
    const client = registries.client(registry);
    const parts = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimit */ .s)(legs, 4, async (leg) => {
        const m = await client.getManifest(repository, leg.digest).catch((e) => {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && e.kind === 'not-found') {
                const which = leg.platform ? `The ${leg.platform} leg's image` : 'A leg image';
                throw new Error(`Cannot create the index: ${which} ${leg.digest} is not in ${registry}/${repository}: the leg did not push ` +
                    'there (each leg pushes every image), or the digest names another image.');
            }
            throw e;
        });
        const what = `The leg manifest ${registry}/${repository}@${leg.digest}`;
        if ((0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexType */ .$U)(m.mediaType))
            return (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .childDescriptors */ .bl)(m.body, m.mediaType, what);
        const [config] = (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .childDescriptors */ .bl)(m.body, m.mediaType, what);
        const fromConfig = (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .configPlatform */ .Ko)(JSON.parse((await client.getBlob(repository, config.digest)).toString('utf8')));
        if (leg.platform && fromConfig && (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePlatform */ .FL)(leg.platform) !== (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .platformString */ .Fd)(fromConfig)) {
            throw new Error(`${what} is an image for ${(0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .platformString */ .Fd)(fromConfig)}, not ${leg.platform} as its leg says`);
        }
        const platform = fromConfig ?? (leg.platform ? (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePlatformString */ .CJ)(leg.platform) : undefined);
        if (!platform)
            throw new Error(`${what} names no platform in its config, and its leg gives none`);
        return [{ mediaType: m.mediaType, digest: m.digest, size: m.size, platform }];
    });
    return parts.flat();
}
/**
 * Builds the index from the legs and PUTs it under every tag of every repository. Throws before writing anything
 * when a repository lacks a leg's manifest (the legs push every image, so that means a leg did not run or pushed
 * elsewhere); after that, never throws for a tag: each tag's outcome is in the result (see `failedTags`).
 */
async function createIndex(req, access) {
    const repositories = Object.keys(req.repositories);
    if (repositories.length === 0)
        throw new Error('No repository to put the index in');
    if (req.legs.length === 0)
        throw new Error('No leg digests to make an index from');
    return (0,_session_js__WEBPACK_IMPORTED_MODULE_3__.withRegistries)(access, async (registries) => {
        const entries = await resolveLegs(registries, repositories[0], req.legs);
        const index = buildIndex(entries, req.annotations);
        // Every repository must hold every entry before a tag points at an index naming it.
        const missing = (await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimit */ .s)(repositories, 4, async (repo) => {
            const { registry, repository } = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(repo);
            const client = registries.client(registry);
            const heads = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimit */ .s)(index.manifests, 8, (d) => client.findManifest(repository, d.digest));
            return index.manifests
                .filter((_, i) => heads[i] === undefined)
                .map((d) => {
                const what = d.platform && !(0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .isAttestationDescriptor */ .Gc)(d) ? (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .platformString */ .Fd)(d.platform) : 'attestation';
                return `${registry}/${repository} lacks ${d.digest} (${what})`;
            });
        })).flat();
        if (missing.length) {
            throw new Error(`Cannot create the index: the legs' manifests are not in every repository (each leg pushes every image):\n- ${missing.join('\n- ')}`);
        }
        const targets = repositories.flatMap((repo) => req.repositories[repo].map((tag) => ({ repo, tag })));
        const tags = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimit */ .s)(targets, 4, async ({ repo, tag }) => {
            const { registry, repository } = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(repo);
            const ref = `${registry}/${repository}:${tag}`;
            try {
                await registries.client(registry).putManifest(repository, tag, index.bytes, index.mediaType);
                return { ref, ok: true };
            }
            catch (e) {
                return { ref, ok: false, error: e };
            }
        });
        return { ...index, tags };
    });
}
/** The failed tags of a created index, for an error message; empty when every tag points at the index. */
function failedTags(created) {
    return created.tags.filter((t) => !t.ok);
}


/***/ })

};
