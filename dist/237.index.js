export const id = 237;
export const ids = [237];
export const modules = {

/***/ 87237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* harmony import */ var _fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5052);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76670);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
/* harmony import */ var _registry_image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18230);
/* harmony import */ var _registries_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59262);
/* harmony import */ var _tag_states_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(90784);
// The fan-out merge: collect the legs of this run (artifacts, plus digests given directly) → one digest per planned
// platform, or a clear error → the index under every tag of every image (registry API, no Docker CLI) → read every
// tag back → attest the index once. When the legs did not push (a pull request, push: false) nothing is touched.






/** The digest of every planned platform: given digests win over artifacts; a missing platform is an error. */
async function collect(plan, flow, warnings) {
    const given = plan.legs.given;
    const needArtifacts = plan.platforms.some((p) => !given[p]);
    const found = new Map();
    let superseded = 0;
    if (needArtifacts) {
        const collected = await (0,_fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__/* .collectLegResults */ .D2)(plan.images, {
            workDir: plan.workDir,
            service: (0,_fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactServiceFrom */ .I_)(flow.env),
        });
        superseded = collected.superseded.length;
        for (const { result, artifact } of collected.legs) {
            if (!plan.platforms.includes(result.platform)) {
                warnings.push(`The leg result for ${result.platform} (artifact ${artifact.name}) is not used: ${result.platform} is not in \`platforms\`.`);
                continue;
            }
            found.set(result.platform, { platform: result.platform, digest: result.digest, source: 'artifact', result });
        }
    }
    for (const [platform, digest] of Object.entries(given)) {
        const leg = found.get(platform);
        if (leg && leg.digest !== digest) {
            warnings.push(`${platform}: the digests input (${digest}) replaces the leg's artifact (${leg.digest}).`);
        }
        found.set(platform, { platform, digest, source: 'digests input' });
    }
    const missing = plan.platforms.filter((p) => !found.has(p));
    if (missing.length) {
        throw new Error(`No leg result for ${missing.join(', ')}: the merge needs one per platform of \`platforms\` ` +
            `(found ${[...found.keys()].join(', ') || 'none'}${needArtifacts ? ` in artifacts named ${plan.legs.artifactPrefix}*` : ''}). ` +
            'Check that the build job ran with mode: build for every platform, pushed, and finished before this job ' +
            "(needs:), that the legs' artifacts have not expired (they are kept 1 day), or pass the digests input.");
    }
    return { legs: plan.platforms.map((p) => found.get(p)), superseded };
}
async function runMerge(plan, flow) {
    const { secrets } = flow;
    const result = { status: 'success', warnings: [] };
    if (!plan.push)
        return result;
    // no Docker CLI here: the registry client, and the AWS CLI only for an ECR login
    const { resolveCredentials } = await __webpack_require__.e(/* import() */ 476).then(__webpack_require__.bind(__webpack_require__, 55476));
    if (plan.logins.some((l) => l.kind === 'ecr'))
        (await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(190)]).then(__webpack_require__.bind(__webpack_require__, 73190))).setBaseEnvironment(flow.env);
    const { createIndex, failedTags } = await __webpack_require__.e(/* import() */ 451).then(__webpack_require__.bind(__webpack_require__, 89451));
    const { verifyPush } = await __webpack_require__.e(/* import() */ 559).then(__webpack_require__.bind(__webpack_require__, 62559));
    const credentials = await resolveCredentials(plan.logins, secrets);
    const registries = (0,_registries_js__WEBPACK_IMPORTED_MODULE_3__/* .openRegistries */ .c)(credentials, flow.env);
    try {
        // the registries' auth round trips happen while the legs are collected, not before the first PUT
        const warm = Promise.all(Object.entries(plan.index.repositories).map(([repo, tags]) => {
            const { registry, repository } = (0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageRef */ .Q)(repo);
            return registries.client(registry).warmUp(repository, tags[0] ?? 'latest');
        }));
        const { legs, superseded } = await collect(plan, flow, result.warnings);
        await warm;
        for (const leg of legs)
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`${leg.platform}: ${leg.digest} (${leg.source})`);
        const index = await createIndex({ legs: legs.map((l) => ({ digest: l.digest, platform: l.platform })), ...plan.index }, registries);
        result.merge = { digest: index.digest, legs, superseded };
        const failed = failedTags(index);
        if (failed.length) {
            result.partialDigest = index.digest;
            result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_4__/* .readTagStates */ .F)(plan.verify.tags, index.digest, registries);
            const why = failed.map((t) => `${t.ref}: ${t.error?.message ?? 'failed'}`).join('\n- ');
            throw new Error(`The index ${index.digest} could not be put under ${failed.length} of ${index.tags.length} tags:\n- ${why}\n` +
                (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTagStates */ .G)(result.tagStates, index.digest));
        }
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`Index ${index.digest} (${index.platforms.join(', ')}) under ${index.tags.length} tag(s)`);
        try {
            result.verify = await verifyPush(plan.verify.tags, index.digest, plan.verify.platforms, registries);
        }
        catch (e) {
            result.verifyError = (0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(e.message, secrets);
            result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_4__/* .readTagStates */ .F)(plan.verify.tags, index.digest, registries);
            throw e;
        }
        if (plan.attest.enabled) {
            const { attestImages } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(942), __webpack_require__.e(88), __webpack_require__.e(825), __webpack_require__.e(636), __webpack_require__.e(738)]).then(__webpack_require__.bind(__webpack_require__, 93738));
            result.attestation = await attestImages({
                subjects: plan.attest.subjects.map((name) => ({ name, digest: index.digest })),
                githubToken: flow.githubToken,
                pushToRegistry: plan.attest.pushToRegistry,
                credentials,
                bundleDir: plan.workDir,
                sigstore: plan.attest.sigstore,
                urlBase: plan.attest.urlBase,
            });
            result.warnings.push(...result.attestation.warnings);
        }
    }
    catch (e) {
        result.status = 'failure';
        result.error = (0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(e.message, secrets);
    }
    finally {
        await registries.close();
    }
    return result;
}


/***/ }),

/***/ 59262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ openRegistries)
/* harmony export */ });
/* harmony import */ var _registry_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58851);
/* harmony import */ var _registry_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13073);


function openRegistries(credentials, env) {
    return new _registry_session_js__WEBPACK_IMPORTED_MODULE_1__/* .Registries */ .I({ credentials, proxy: (0,_registry_http_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyConfigFromEnv */ .oR)(env) });
}


/***/ }),

/***/ 90784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ readTagStates),
/* harmony export */   G: () => (/* binding */ describeTagStates)
/* harmony export */ });
/* harmony import */ var _registry_read_back_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56779);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51666);
// After a push or an index that failed part-way: where every planned tag points now. The user must never be left
// guessing which tags moved — the error, the `pushed-tags` output and the summary all come from this.


async function readTagStates(tags, newDigest, registries) {
    const read = await (0,_registry_read_back_js__WEBPACK_IMPORTED_MODULE_0__/* .readBack */ .e)(tags, newDigest, [], registries);
    return read.map((t) => ({
        ref: t.ref,
        digest: t.digest,
        moved: newDigest !== undefined && t.digest === newDigest,
        error: t.error && !/not.found|404/i.test(t.error.message) ? t.error.message : undefined,
    }));
}
/**
 * "Registry state: 1 of 3 tags point at the new image sha256:…: a. Not moved: b (still at sha256:…), c (absent).
 * Unknown: d (unreadable: …)."
 */
function describeTagStates(states, newDigest) {
    const { moved, notMoved, unknown } = (0,_result_js__WEBPACK_IMPORTED_MODULE_1__/* .groupTagStates */ .M)(states);
    const where = (s) => (s.digest ? `${s.ref} (still at ${s.digest})` : `${s.ref} (absent)`);
    const unknownPart = unknown.length
        ? ` Unknown: ${unknown.map((s) => `${s.ref} (unreadable: ${s.error})`).join(', ')}.`
        : '';
    if (!newDigest) {
        return `Registry state: nothing was pushed; the tags are as they were: ${notMoved.map(where).join(', ')}.${unknownPart}`;
    }
    const head = `Registry state: ${moved.length} of ${states.length} tags point at the new image ${newDigest}`;
    return (`${head}${moved.length ? `: ${moved.map((s) => s.ref).join(', ')}` : ''}.` +
        (notMoved.length ? ` Not moved: ${notMoved.map(where).join(', ')}.` : '') +
        unknownPart);
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
/* harmony export */   e: () => (/* binding */ readBack)
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
    return (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .withRegistries */ .u)(access, async (registries) => {
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
