export const id = 237;
export const ids = [237];
export const modules = {

/***/ 44526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ verifyOrReadBack),
/* harmony export */   _: () => (/* binding */ attestDigest)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76670);
/* harmony import */ var _tag_states_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90784);


/** Verifies `refs` → `digest` with every platform; on failure records the error and the tags' states, then throws. */
async function verifyOrReadBack(refs, digest, platforms, registries, result, secrets) {
    const { verifyPush } = await Promise.all(/* import() */[__webpack_require__.e(73), __webpack_require__.e(559)]).then(__webpack_require__.bind(__webpack_require__, 62559));
    try {
        result.verify = await verifyPush(refs, digest, platforms, registries);
        return result.verify;
    }
    catch (e) {
        result.verifyError = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(e.message, [...secrets]);
        result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_1__/* .readTagStates */ .F)(refs, digest, registries);
        throw e;
    }
}
/** Attests `digest` for every subject of the plan (the attestation chunk loads only here). */
async function attestDigest(attest, digest, opts) {
    if (!attest.enabled)
        return;
    const { attestImages } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(825), __webpack_require__.e(88), __webpack_require__.e(636), __webpack_require__.e(738)]).then(__webpack_require__.bind(__webpack_require__, 93738));
    const attestation = await attestImages({
        subjects: attest.subjects.map((name) => ({ name, digest })),
        githubToken: opts.flow.githubToken,
        pushToRegistry: attest.pushToRegistry,
        credentials: opts.credentials,
        bundleDir: opts.workDir,
        sigstore: attest.sigstore,
        urlBase: attest.urlBase,
    });
    opts.result.attestation = attestation;
    opts.result.warnings.push(...attestation.warnings);
}


/***/ }),

/***/ 87237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* harmony import */ var _fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5052);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(76670);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84594);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74813);
/* harmony import */ var _registry_image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18230);
/* harmony import */ var _registries_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59262);
/* harmony import */ var _finish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(44526);
/* harmony import */ var _tag_states_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90784);
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
    // the summary's YAML writer loads while the merge waits on the artifact service and the registries
    (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .preloadComposeWriter */ .d0)();
    // no Docker CLI here: the registry client, and the AWS CLI only for an ECR login
    const { resolveCredentials } = await __webpack_require__.e(/* import() */ 476).then(__webpack_require__.bind(__webpack_require__, 55476));
    if (plan.logins.some((l) => l.kind === 'ecr'))
        (await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(190)]).then(__webpack_require__.bind(__webpack_require__, 73190))).setBaseEnvironment(flow.env);
    const { createIndex, failedTags } = await Promise.all(/* import() */[__webpack_require__.e(73), __webpack_require__.e(451)]).then(__webpack_require__.bind(__webpack_require__, 89451));
    const credentials = await resolveCredentials(plan.logins, secrets);
    const session = (0,_registries_js__WEBPACK_IMPORTED_MODULE_4__/* .openRegistries */ .c)(credentials, flow.env);
    const registries = await session.get();
    try {
        // the registries' auth round trips happen while the legs are collected, not before the first PUT
        const warm = Promise.all(Object.entries(plan.index.repositories).map(([repo, tags]) => {
            const { registry, repository } = (0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageRef */ .Q)(repo);
            return registries.client(registry).warmUp(repository, tags[0] ?? 'latest');
        }));
        const { legs, superseded } = await collect(plan, flow, result.warnings);
        await warm;
        for (const leg of legs)
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.info(`${leg.platform}: ${leg.digest} (${leg.source})`);
        const index = await createIndex({ legs: legs.map((l) => ({ digest: l.digest, platform: l.platform })), ...plan.index }, registries);
        result.merge = { digest: index.digest, legs, superseded };
        const failed = failedTags(index);
        if (failed.length) {
            result.partialDigest = index.digest;
            result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_5__/* .readTagStates */ .F)(plan.verify.tags, index.digest, registries);
            const why = failed.map((t) => `${t.ref}: ${t.error?.message ?? 'failed'}`).join('\n- ');
            throw new Error(`The index ${index.digest} could not be put under ${failed.length} of ${index.tags.length} tags:\n- ${why}\n` +
                (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_5__/* .describeTagStates */ .G)(result.tagStates, index.digest));
        }
        _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.info(`Index ${index.digest} (${index.platforms.join(', ')}) under ${index.tags.length} tag(s)`);
        await (0,_finish_js__WEBPACK_IMPORTED_MODULE_6__/* .verifyOrReadBack */ .C)(plan.verify.tags, index.digest, plan.verify.platforms, registries, result, secrets);
        await (0,_finish_js__WEBPACK_IMPORTED_MODULE_6__/* .attestDigest */ ._)(plan.attest, index.digest, { flow, credentials, workDir: plan.workDir, result });
    }
    catch (e) {
        result.status = 'failure';
        result.error = (0,_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redact */ .E)(e.message, secrets);
    }
    finally {
        await session.close();
    }
    return result;
}


/***/ }),

/***/ 59262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ openRegistries)
/* harmony export */ });
function openRegistries(credentials, env) {
    let session;
    const get = () => (session ??= Promise.all([__webpack_require__.e(/* import() */ 73).then(__webpack_require__.bind(__webpack_require__, 13073)), __webpack_require__.e(/* import() */ 788).then(__webpack_require__.bind(__webpack_require__, 44788))]).then(([{ Registries }, { proxyConfigFromEnv }]) => new Registries({ credentials, proxy: proxyConfigFromEnv(env) })));
    return {
        get,
        prefetch: () => void get().catch(() => undefined),
        close: async () => {
            if (session)
                await (await session).close();
        },
    };
}


/***/ }),

/***/ 90784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ readTagStates),
/* harmony export */   G: () => (/* binding */ describeTagStates)
/* harmony export */ });
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51666);

async function readTagStates(tags, newDigest, registries) {
    const { readBack } = await Promise.all(/* import() */[__webpack_require__.e(73), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 56779));
    const read = await readBack(tags, newDigest, [], registries);
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
    const { moved, notMoved, unknown } = (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .groupTagStates */ .M)(states);
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


/***/ })

};
