export const id = 114;
export const ids = [114,487];
export const modules = {

/***/ 487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composeSnippet: () => (/* binding */ composeSnippet),
/* harmony export */   d: () => (/* binding */ preloadComposeWriter)
/* harmony export */ });
/** Starts loading the compose snippet's YAML writer while a flow waits on the network or on buildx. */
function preloadComposeWriter() {
    void __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19)).catch(() => undefined);
}
/**
 * A docker-compose service for the pushed image. Its names come from inputs (`usage-service`, `usage-port`), so the
 * YAML is written by the yaml package, which quotes whatever needs it; loaded only when a pushed image is shown.
 */
async function composeSnippet(plan, ref, clean) {
    const { Document, Scalar, YAMLSeq } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const name = clean(plan.summary.usageService || plan.images[0].split('/').pop().split(/[:@]/)[0]);
    const doc = new Document({ services: { [name]: { image: ref } } });
    if (plan.summary.usagePort) {
        // ports quoted, as Compose's docs advise: "5000:5000" unquoted reads as a base-60 number to YAML 1.1 parsers
        const port = new Scalar(clean(plan.summary.usagePort));
        port.type = Scalar.QUOTE_DOUBLE;
        const ports = new YAMLSeq();
        ports.items.push(port);
        ports.flow = true;
        doc.setIn(['services', name, 'ports'], ports);
    }
    return doc.toString({ flowCollectionPadding: false }).trimEnd();
}


/***/ }),

/***/ 83247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ startDockerSteps)
/* harmony export */ });
/* harmony import */ var _post_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38653);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
/* harmony import */ var _registries_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59262);
// What the publish and the leg flows do first, the same way: the run's own Docker config (saved for the post step
// before any credential is written), the builder probes (started at once: they need no login), then the logins
// and one registry session for the step. The merge needs none of this: it speaks to registries only.



async function startDockerSteps(plan, flow, result) {
    const { env, secrets } = flow;
    const docker = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(88), __webpack_require__.e(312), __webpack_require__.e(656)]).then(__webpack_require__.bind(__webpack_require__, 31312));
    docker.setBaseEnvironment(env);
    const dockerConfig = docker.createDockerConfig(plan.workDir, plan.userDockerConfig);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.dockerConfig, dockerConfig);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.logout, String(plan.logout));
    const builderIO = {
        dockerConfig,
        env,
        onCleanup: (state) => (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.builder, state),
        warnings: result.warnings,
        notices: (result.notices ??= []),
    };
    const probes = docker.startBuilderProbes(builderIO);
    return {
        docker,
        dockerConfig,
        builderIO,
        probes,
        async settleBuildxVersion() {
            if (result.builder?.buildxVersion !== 'unknown')
                return;
            result.builder.buildxVersion = await probes.version.then((v) => v.version, () => 'unknown');
        },
        async login() {
            const credentials = await docker.resolveCredentials(plan.logins, secrets);
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.registries, credentials.map((c) => c.registry).join(','));
            await docker.login(credentials, dockerConfig, secrets, probes.endpoint);
            return { credentials, registries: (0,_registries_js__WEBPACK_IMPORTED_MODULE_2__/* .openRegistries */ .c)(credentials, env) };
        },
    };
}


/***/ }),

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
        result.verifyError = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(e.message, secrets);
        result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_1__/* .readTagStates */ .F)(refs, digest, registries);
        throw e;
    }
}
/** Attests `digest` for every subject of the plan (the attestation chunk loads only here). */
async function attestDigest(attest, digest, opts) {
    if (!attest.enabled)
        return;
    const { attestImages } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(88), __webpack_require__.e(825), __webpack_require__.e(636), __webpack_require__.e(738)]).then(__webpack_require__.bind(__webpack_require__, 93738));
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

/***/ 57114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPublish: () => (/* binding */ runPublish)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76670);
/* harmony import */ var _compose_snippet_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(487);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _tag_states_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90784);
/* harmony import */ var _docker_steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83247);
/* harmony import */ var _finish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(44526);






async function runPublish(plan, flow) {
    const { secrets } = flow;
    const result = { status: 'success', warnings: [], notices: [] };
    const { docker, dockerConfig, builderIO, probes, login, settleBuildxVersion } = await (0,_docker_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .startDockerSteps */ .k)(plan, flow, result);
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
            const session = registries;
            result.build = await docker.build({
                // while buildx runs: load what comes after it (the registry client, the summary's yaml), off the user's path
                onStarted: () => {
                    session.prefetch();
                    (0,_compose_snippet_js__WEBPACK_IMPORTED_MODULE_2__/* .preloadComposeWriter */ .d)();
                },
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
            result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_3__/* .readTagStates */ .F)(plan.verify.tags, e.exportedDigest, await registries.get());
            throw new Error(`${e.message}\n${(0,_tag_states_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTagStates */ .G)(result.tagStates, e.exportedDigest)}`);
        }
        const digest = result.build.digest;
        if (plan.verify && digest) {
            const refs = plan.verify.byDigest?.map((r) => `${r}@${digest}`) ?? plan.verify.tags;
            const verified = await (0,_finish_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyOrReadBack */ .C)(refs, digest, plan.verify.platforms, await registries.get(), result, secrets);
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`Verified ${verified.tags.length} tag(s) → ${digest}`);
        }
        if (digest)
            await (0,_finish_js__WEBPACK_IMPORTED_MODULE_4__/* .attestDigest */ ._)(plan.attest, digest, { flow, credentials, workDir: plan.workDir, result });
    }
    catch (e) {
        result.status = 'failure';
        result.error = (0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(e.message, secrets);
    }
    finally {
        await registries?.close();
        await settleBuildxVersion();
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
