export const id = 901;
export const ids = [901];
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
        async settleBuildxVersion() {
            if (result.builder?.buildxVersion !== 'unknown')
                return;
            result.builder.buildxVersion = await probes.version.then((v) => v.version, () => 'unknown');
        },
        async login() {
            const credentials = await docker.resolveCredentials(plan.logins, secrets);
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(env, _post_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.registries, credentials.map((c) => c.registry).join(','));
            await docker.login(credentials, dockerConfig, secrets, probes.endpoint);
            return { credentials, registries: (0,_registries_js__WEBPACK_IMPORTED_MODULE_2__/* .openRegistries */ .c)(credentials, env) };
        },
    };
}


/***/ }),

/***/ 76901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLeg: () => (/* binding */ runLeg)
/* harmony export */ });
/* harmony import */ var _fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5052);
/* harmony import */ var _fanout_leg_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91213);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76670);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74813);
/* harmony import */ var _docker_steps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83247);
// A fan-out build leg: builder → build this platform → push it by digest (buildx when the builder can; else the
// action pushes buildx's OCI archive through the registry API) → check every repository holds it → hand the
// result to the merge job through the run's artifacts. No tags: the merge puts the index under them.





async function runLeg(plan, flow) {
    const { env, secrets } = flow;
    const result = { status: 'success', warnings: [], notices: [] };
    const { docker, dockerConfig, builderIO, probes, login, settleBuildxVersion } = await (0,_docker_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .startDockerSteps */ .k)(plan, flow, result);
    let registries;
    try {
        registries = (await login()).registries;
        const builder = await docker.setUpBuilder(plan.builder, builderIO, probes);
        result.builder = builder;
        // buildx 0.13's docker driver answers "push-by-digest is currently not implemented for docker driver"; with the
        // classic image store it cannot export an OCI archive either ("OCI exporter is not supported")
        const via = !plan.push || builder.pushByDigest ? 'push-by-digest' : builder.containerdStore ? 'oci-layout' : 'docker-save';
        const spec = via === 'push-by-digest' ? plan.build : via === 'oci-layout' ? plan.layout : plan.saved;
        const session = registries;
        result.build = await docker.build({
            onStarted: () => session.prefetch(),
            build: spec,
            push: plan.push && via === 'push-by-digest',
            builderOverride: builder.name,
            dockerConfig,
            secrets,
        });
        if (!plan.push)
            return result;
        let digest = result.build.digest;
        let pushed = {};
        if (via !== 'push-by-digest') {
            if (via === 'docker-save') {
                await docker.saveImage(plan.saved.image, plan.saved.dest, dockerConfig);
                if (plan.meta.annotations.length) {
                    result.notices.push('The manifest annotations are not on this leg: the docker driver with the classic image store drops them (the index the merge creates carries its own).');
                }
            }
            const { pushOciLayout } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(73), __webpack_require__.e(973)]).then(__webpack_require__.bind(__webpack_require__, 40973));
            const source = via === 'oci-layout' ? plan.layout.dest : plan.saved.dest;
            const image = await pushOciLayout(source, plan.build.pushes, await registries.get(), plan.workDir);
            digest = image.digest;
            pushed = { mediaType: image.mediaType, size: image.size };
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.info(`Pushed ${plan.leg.platform} by digest to ${image.repositories.join(', ')}: ${digest} ` +
                `(blobs: ${image.blobs.uploaded} uploaded, ${image.blobs.mounted} mounted, ${image.blobs.exists} already there)`);
        }
        if (!digest)
            throw new Error('The leg pushed, but no digest is known for what it pushed.');
        result.build = { ...result.build, digest };
        // Every repository must hold the leg's image, or the merge cannot make an index of it there.
        const { verifyPush } = await Promise.all(/* import() */[__webpack_require__.e(73), __webpack_require__.e(559)]).then(__webpack_require__.bind(__webpack_require__, 62559));
        await verifyPush(plan.build.pushes.map((r) => `${r}@${digest}`), digest, [plan.leg.platform], await registries.get());
        const leg = {
            schema: _fanout_leg_result_js__WEBPACK_IMPORTED_MODULE_1__/* .LEG_RESULT_SCHEMA */ .r9,
            images: plan.images,
            platform: plan.leg.platform,
            pair: plan.leg.pair,
            digest,
            ...pushed,
            buildSeconds: Math.round(result.build.durationMs / 100) / 10,
            cache: { hits: result.build.steps.cached, steps: result.build.steps.total },
            builder: { name: builder.name, driver: builder.driver },
            runner: plan.leg.runner,
            runAttempt: plan.leg.runAttempt,
        };
        result.leg = { result: leg, via };
        if (plan.leg.artifact) {
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.startGroup('Hand the leg result to the merge job');
            const uploaded = await (0,_fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__/* .uploadLegResult */ .rR)(leg, { workDir: plan.workDir, service: (0,_fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactServiceFrom */ .I_)(env) }).finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.endGroup());
            result.leg.artifact = uploaded.name;
            _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.info(`Leg result for ${plan.leg.platform} handed to the merge job as artifact ${uploaded.name}`);
        }
    }
    catch (e) {
        result.status = 'failure';
        result.error = (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E)(e.message, secrets);
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


/***/ })

};
