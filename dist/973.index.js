export const id = 973;
export const ids = [973,451];
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


/***/ }),

/***/ 40973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushOciLayout: () => (/* binding */ pushOciLayout)
});

// UNUSED EXPORTS: pushLayout

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/registry/image-ref.ts
var image_ref = __webpack_require__(18230);
// EXTERNAL MODULE: ./src/registry/concurrency.ts
var concurrency = __webpack_require__(52156);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(98697);
// EXTERNAL MODULE: ./src/registry/image-index.ts
var image_index = __webpack_require__(89451);
// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __webpack_require__(25526);
;// CONCATENATED MODULE: ./src/registry/oci-layout.ts
// Reading the OCI image layout `docker buildx build --output type=oci,dest=<file>` writes: a tar (or, with
// tar=false, a directory) holding `oci-layout`, `index.json` and every blob under `blobs/<alg>/<hex>`. A fan-out leg
// built with buildx 0.13's docker driver cannot push by digest, so the action pushes this layout itself (push.ts).
// Everything is checked as it is read: each blob's size and digest, each manifest's shape; a corrupt or truncated
// layout fails here, not half-way through a push.







class LayoutError extends Error {
    constructor(source, problem) {
        super(`The OCI layout ${source} ${problem}`);
        this.name = 'LayoutError';
    }
}
async function fileDigest(path, like) {
    const hash = (0,external_node_crypto_.createHash)(like.startsWith('sha512:') ? 'sha512' : 'sha256');
    let size = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { digest: `${like.split(':')[0]}:${hash.digest('hex')}`, size };
}
/**
 * Opens a layout (tar file or directory) and reads everything reachable from its index.json, verifying every blob.
 * A tar is extracted under `workDir` (node-tar refuses absolute paths and `..`); call dispose() when done.
 */
async function openOciLayout(source, workDir) {
    let dir = source;
    let owned = false;
    const info = await (0,promises_.stat)(source).catch(() => undefined);
    if (!info)
        throw new LayoutError(source, 'does not exist');
    if (!info.isDirectory()) {
        dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(workDir, 'oci-layout-'));
        owned = true;
        try {
            await (0,index_min.x)({ file: source, cwd: dir, strict: true });
        }
        catch (e) {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            throw new LayoutError(source, `is not a readable tar: ${e.message}`);
        }
    }
    const dispose = async () => {
        if (owned)
            await (0,promises_.rm)(dir, { recursive: true, force: true });
    };
    try {
        return { ...(await readLayout(source, dir)), dir, dispose };
    }
    catch (e) {
        await dispose();
        throw e;
    }
}
async function readLayout(source, dir) {
    const marker = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'oci-layout'), 'utf8').catch(() => undefined);
    let version;
    try {
        version =
            marker === undefined ? undefined : JSON.parse(marker).imageLayoutVersion;
    }
    catch {
        version = undefined;
    }
    if (typeof version !== 'string') {
        throw new LayoutError(source, 'has no oci-layout file: build it with --output type=oci,dest=<file>');
    }
    const indexBytes = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'index.json')).catch(() => undefined);
    if (!indexBytes)
        throw new LayoutError(source, 'has no index.json');
    const indexJson = (0,oci/* parseManifestBytes */.w$)(indexBytes, `${source}: index.json`);
    const roots = (0,oci/* childDescriptors */.bl)(indexJson, oci/* MEDIA_TYPES */.Z2.ociIndex, `${source}: index.json`);
    if (roots.length === 0)
        throw new LayoutError(source, 'holds no image (index.json lists no manifest)');
    const blobPath = (digest) => {
        if (!(0,oci/* isDigest */.Bc)(digest))
            throw new LayoutError(source, `names a blob with a digest this action cannot check: ${digest}`);
        const [alg, hex] = digest.split(':');
        return (0,external_node_path_.join)(dir, 'blobs', alg, hex);
    };
    const readVerified = async (d) => {
        const bytes = await (0,promises_.readFile)(blobPath(d.digest)).catch(() => undefined);
        if (!bytes)
            throw new LayoutError(source, `lacks the blob ${d.digest}`);
        if (bytes.length !== d.size || (0,oci/* digestOf */.ol)(bytes, d.digest) !== d.digest) {
            throw new LayoutError(source, `has a corrupt blob ${d.digest} (${bytes.length} bytes, digest ${(0,oci/* digestOf */.ol)(bytes, d.digest)})`);
        }
        return bytes;
    };
    const manifests = [];
    const blobs = new Map();
    const seen = new Set();
    const configs = new Map();
    const walk = async (d) => {
        if (seen.has(d.digest))
            return;
        seen.add(d.digest);
        const bytes = await readVerified(d);
        const body = (0,oci/* parseManifestBytes */.w$)(bytes, `${source}: manifest ${d.digest}`);
        const mediaType = typeof body.mediaType === 'string' ? body.mediaType : d.mediaType;
        if (!(0,oci/* isIndexType */.$U)(mediaType) && !(0,oci/* isManifestType */.Q3)(mediaType)) {
            throw new LayoutError(source, `names ${d.digest} of type ${mediaType}, neither an image manifest nor an index`);
        }
        const children = (0,oci/* childDescriptors */.bl)(body, mediaType, `${source}: manifest ${d.digest}`);
        if ((0,oci/* isIndexType */.$U)(mediaType)) {
            for (const child of children)
                await walk(child);
        }
        else {
            for (const [i, blob] of children.entries()) {
                if (blobs.has(blob.digest))
                    continue;
                const path = blobPath(blob.digest);
                const found = await fileDigest(path, blob.digest).catch(() => undefined);
                if (!found) {
                    // Non-distributable layers (Windows base layers) live elsewhere: they are named, not pushed.
                    if (blob.urls?.length)
                        continue;
                    throw new LayoutError(source, `lacks the blob ${blob.digest}`);
                }
                if (found.size !== blob.size || found.digest !== blob.digest) {
                    throw new LayoutError(source, `has a corrupt blob ${blob.digest} (${found.size} bytes, digest ${found.digest})`);
                }
                blobs.set(blob.digest, { digest: blob.digest, size: blob.size, mediaType: blob.mediaType, path });
                if (i === 0)
                    configs.set(d.digest, JSON.parse((await (0,promises_.readFile)(path)).toString('utf8')));
            }
        }
        manifests.push({ descriptor: { mediaType, digest: d.digest, size: d.size }, bytes });
    };
    for (const r of roots)
        await walk(r);
    const platformOf = (d) => {
        const config = configs.get(d.digest);
        return d.platform ?? (config ? (0,oci/* configPlatform */.Ko)(config) : undefined);
    };
    let root;
    if (roots.length === 1) {
        root = {
            ...roots[0],
            mediaType: manifests.find((m) => m.descriptor.digest === roots[0].digest).descriptor.mediaType,
        };
    }
    else {
        // Several images side by side in index.json: the image is an index of them, made as the merge makes one.
        const built = (0,image_index/* buildIndex */.X)(roots.map((d) => ({ ...d, platform: platformOf(d) })));
        root = { mediaType: built.mediaType, digest: built.digest, size: built.size };
        manifests.push({ descriptor: root, bytes: built.bytes });
    }
    const rootBytes = manifests.find((m) => m.descriptor.digest === root.digest).bytes;
    let platforms;
    if ((0,oci/* isIndexType */.$U)(root.mediaType)) {
        platforms = (0,oci/* indexPlatforms */.DB)(JSON.parse(rootBytes.toString('utf8')));
    }
    else {
        const p = platformOf(roots[0]);
        platforms = p ? [(0,oci/* platformString */.Fd)(p)] : [];
    }
    return {
        root: { mediaType: root.mediaType, digest: root.digest, size: root.size },
        manifests,
        blobs: [...blobs.values()],
        platforms,
    };
}

// EXTERNAL MODULE: ./src/registry/session.ts + 3 modules
var session = __webpack_require__(13073);
;// CONCATENATED MODULE: ./src/registry/push.ts
// Pushing an OCI layout by digest, as a fan-out leg does when its builder cannot (buildx 0.13's docker driver:
// "push-by-digest is currently not implemented"): every blob, then every manifest, then the image itself, each
// under its digest and no tag, to every repository of the leg's images. Registries are pushed side by side; the
// repositories of one registry one after another, so the second gets its blobs by cross-repository mount instead
// of a second upload.





/** Pushes an opened layout to every repository of `images` (image names; a tag or digest in them is ignored). */
async function pushLayout(layout, images, access, options = {}) {
    const byRegistry = new Map();
    for (const image of images) {
        const { registry, repository } = (0,image_ref/* parseImageRef */.Q)(image);
        const repos = byRegistry.get(registry) ?? [];
        if (!repos.includes(repository))
            repos.push(repository);
        byRegistry.set(registry, repos);
    }
    if (byRegistry.size === 0)
        throw new Error('No repository to push the image to');
    const counts = { exists: 0, mounted: 0, uploaded: 0 };
    await (0,session.withRegistries)(access, (registries) => Promise.all([...byRegistry].map(async ([registry, repositories]) => {
        const client = registries.client(registry);
        for (const [i, repository] of repositories.entries()) {
            const mountFrom = repositories.slice(0, i);
            await (0,concurrency/* mapLimit */.s)(layout.blobs, options.concurrency ?? 4, async (blob) => {
                const outcome = await client.uploadBlob(repository, { digest: blob.digest, size: blob.size, open: () => (0,external_node_fs_.createReadStream)(blob.path) }, mountFrom);
                counts[outcome]++;
            });
            // Children before the indexes naming them: a registry may refuse an index whose entries it lacks.
            for (const m of layout.manifests) {
                await client.putManifest(repository, m.descriptor.digest, m.bytes, m.descriptor.mediaType);
            }
        }
    })));
    return {
        digest: layout.root.digest,
        mediaType: layout.root.mediaType,
        size: layout.root.size,
        platforms: layout.platforms,
        repositories: [...byRegistry].flatMap(([registry, repos]) => repos.map((r) => `${registry}/${r}`)),
        blobs: counts,
    };
}
/**
 * Opens the layout `docker buildx build --output type=oci,dest=<source>` wrote (tar or directory), pushes it by
 * digest to every repository of `images`, and removes the extracted copy. `workDir` holds that copy.
 */
async function pushOciLayout(source, images, access, workDir, options = {}) {
    const layout = await openOciLayout(source, workDir);
    try {
        return await pushLayout(layout, images, access, options);
    }
    finally {
        await layout.dispose();
    }
}


/***/ })

};
