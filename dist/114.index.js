export const id = 114;
export const ids = [114];
export const modules = {

/***/ 83247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ startDockerSteps)
/* harmony export */ });
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86661);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
/* harmony import */ var _registries_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59262);
// What the publish and the leg flows do first, the same way: the run's own Docker config (saved for the post step
// before any credential is written), the builder probes (started at once: they need no login), then the logins
// and one registry session for the step. The merge needs none of this: it speaks to registries only.



async function startDockerSteps(plan, flow, result) {
    const { env, secrets } = flow;
    const docker = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(88), __webpack_require__.e(312)]).then(__webpack_require__.bind(__webpack_require__, 31312));
    docker.setBaseEnvironment(env);
    const dockerConfig = docker.createDockerConfig(plan.workDir, plan.userDockerConfig);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.dockerConfig, dockerConfig);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.logout, String(plan.logout));
    const builderIO = {
        dockerConfig,
        env,
        onCleanup: (state) => (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.builder, state),
        warnings: result.warnings,
        notices: (result.notices ??= []),
    };
    const probes = docker.startBuilderProbes(builderIO);
    return {
        docker,
        dockerConfig,
        builderIO,
        probes,
        async login() {
            const credentials = await docker.resolveCredentials(plan.logins, secrets);
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.registries, credentials.map((c) => c.registry).join(','));
            await docker.login(credentials, dockerConfig, secrets);
            return { credentials, registries: (0,_registries_js__WEBPACK_IMPORTED_MODULE_2__/* .openRegistries */ .c)(credentials, env) };
        },
    };
}


/***/ }),

/***/ 57114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPublish: () => (/* binding */ runPublish)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76670);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _tag_states_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90784);
/* harmony import */ var _docker_steps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83247);




async function runPublish(plan, flow) {
    const { secrets } = flow;
    const result = { status: 'success', warnings: [], notices: [] };
    const { docker, dockerConfig, builderIO, probes, login } = await (0,_docker_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .startDockerSteps */ .k)(plan, flow, result);
    let registries;
    try {
        // an input the runner's buildx cannot honour fails before any login
        if (plan.build.call)
            docker.checkCallSupported(plan.build.call, (await probes.version).version);
        const session = await login();
        registries = session.registries;
        const { credentials } = session;
        result.builder = await docker.setUpBuilder(plan.builder, builderIO, probes);
        try {
            result.build = await docker.build({
                build: plan.build,
                push: plan.push,
                builderOverride: result.builder.name,
                dockerConfig,
                secrets,
            });
        }
        catch (e) {
            // Nothing exported (a failing step, a Dockerfile error): nothing can have been pushed.
            if (!(e instanceof docker.BuildError) || !e.exportedDigest || !plan.push || !plan.verify)
                throw e;
            // Which tags did the failed push move? Read them all back and say so.
            result.partialDigest = e.exportedDigest;
            result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_1__/* .readTagStates */ .F)(plan.verify.tags, e.exportedDigest, registries);
            throw new Error(`${e.message}\n${(0,_tag_states_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTagStates */ .G)(result.tagStates, e.exportedDigest)}`);
        }
        const digest = result.build.digest;
        if (plan.verify && digest) {
            const refs = plan.verify.byDigest?.map((r) => `${r}@${digest}`) ?? plan.verify.tags;
            try {
                result.verify = await docker.verifyPush(refs, digest, plan.verify.platforms, registries);
            }
            catch (e) {
                result.verifyError = (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(e.message, secrets);
                result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_1__/* .readTagStates */ .F)(refs, digest, registries);
                throw e;
            }
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`Verified ${result.verify.tags.length} tag(s) → ${digest}`);
        }
        if (plan.attest.enabled && digest) {
            const { attestImages } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(942), __webpack_require__.e(88), __webpack_require__.e(825), __webpack_require__.e(636), __webpack_require__.e(738)]).then(__webpack_require__.bind(__webpack_require__, 93738));
            const attestation = await attestImages({
                subjects: plan.attest.subjects.map((name) => ({ name, digest })),
                githubToken: flow.githubToken,
                pushToRegistry: plan.attest.pushToRegistry,
                credentials,
                bundleDir: plan.workDir,
                sigstore: plan.attest.sigstore,
                urlBase: plan.attest.urlBase,
            });
            result.attestation = attestation;
            result.warnings.push(...attestation.warnings);
        }
    }
    catch (e) {
        result.status = 'failure';
        result.error = (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(e.message, secrets);
    }
    finally {
        await registries?.close();
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
