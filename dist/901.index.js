export const id = 901;
export const ids = [901];
export const modules = {

/***/ 5052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ collectLegResults),
/* harmony export */   I_: () => (/* binding */ artifactServiceFrom),
/* harmony export */   rR: () => (/* binding */ uploadLegResult)
/* harmony export */ });
/* unused harmony exports ArtifactServiceError, requireArtifactService, newestPerPlatform */
/* harmony import */ var _registry_proxy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4263);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76670);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24103);
/* harmony import */ var _leg_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91213);
// Hands fan-out leg results from the build legs to the merge job through the run's artifacts: each leg uploads one
// small JSON file (leg-result.ts) as an artifact named for its image set, platform and run attempt; the merge lists
// this run's artifacts by the image set's name prefix, downloads and validates them, and keeps the newest attempt
// of each platform. The legs upload with @actions/artifact (Twirp + Azure block blobs, the same on GitHub and under
// act's --artifact-server-path); the merge reads with artifact-reader.ts, the same protocol without the library's
// ~0.3 s of start-up. Only the leg and merge flows import this module; the plan names artifacts with naming.ts.






function artifactServiceFrom(env) {
    return {
        resultsUrl: env.ACTIONS_RESULTS_URL || undefined,
        runtimeToken: env.ACTIONS_RUNTIME_TOKEN || undefined,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        act: env.ACT === 'true',
        proxy: (0,_registry_proxy_js__WEBPACK_IMPORTED_MODULE_4__/* .proxyConfigFromEnv */ .o)(env),
    };
}
/** Talking to the artifact service failed; the message says which step and what to do next. */
class ArtifactServiceError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactServiceError';
    }
}
/** Throws when this job has no artifact service, naming what is missing and how to get it. */
function requireArtifactService(service) {
    const missing = [
        service.resultsUrl ? undefined : 'ACTIONS_RESULTS_URL',
        service.runtimeToken ? undefined : 'ACTIONS_RUNTIME_TOKEN',
    ].filter((v) => v !== undefined);
    if (missing.length === 0)
        return service;
    const how = service.act
        ? 'Under act, start it with --artifact-server-path <dir> (e.g. --artifact-server-path /tmp/artifacts).'
        : 'The runner sets both for every JavaScript action step of a GitHub Actions job; outside one, pass the ' +
            "legs' digests to the merge job with the `digests` input instead.";
    return fail(`mode build and mode merge hand the legs' results over through the run's artifact service, and this job has ` +
        `none (${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set). ${how}`);
}
function fail(message) {
    throw new ArtifactServiceError(message);
}
/**
 * One result per platform: the highest run attempt wins (a re-run leg rebuilt and re-pushed; the merge must use
 * what it pushed), and within an attempt the later artifact. Legs the re-run did not repeat keep their result.
 */
function newestPerPlatform(collected) {
    const ordered = [...collected].sort((a, b) => b.result.runAttempt - a.result.runAttempt || b.artifact.id - a.artifact.id);
    const legs = new Map();
    const superseded = [];
    for (const leg of ordered) {
        if (legs.has(leg.result.platform))
            superseded.push(leg);
        else
            legs.set(leg.result.platform, leg);
    }
    const byPlatform = (a, b) => a.result.platform < b.result.platform ? -1 : a.result.platform > b.result.platform ? 1 : 0;
    return { legs: [...legs.values()].sort(byPlatform), superseded: superseded.sort(byPlatform) };
}
/**
 * @actions/artifact reads ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN and GITHUB_SERVER_URL from the process
 * environment itself and takes no other configuration. That is the environment src/index.ts read and handed
 * down (the `service` values come from it), so the library and this module see the same values; `service` is
 * checked first so a missing variable gets this module's error instead of the library's.
 */
async function withLibrary(_service, use) {
    return use(await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(825), __webpack_require__.e(111)]).then(__webpack_require__.bind(__webpack_require__, 40111)));
}
/** The library's message, without secrets (the token, signed URLs' `sig`) and with a hint for known failures. */
function explain(err, service) {
    const e = err;
    const message = (0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(String(e?.message ?? err), [service.runtimeToken]).replace(/([?&]sig=)[^&\s]+/g, '$1***');
    if (e?.name === 'GHESNotSupportedError') {
        return `${message} Hand the legs' digests to the merge job with the \`digests\` input instead.`;
    }
    // the library's NetworkError: from a service call wrapped into "Failed to <Method>: …", from the blob upload as is
    const network = /^(Failed to \w+: )?Unable to make request: (\w+)/.exec(message);
    if (network?.[1])
        return `the artifact service at ${new URL(service.resultsUrl).origin} is unreachable (${network[2]})`;
    if (network)
        return `the artifact storage is unreachable (${network[2]})`;
    if (/Failed to get backend IDs/.test(message)) {
        return `${message} (ACTIONS_RUNTIME_TOKEN has no Actions.Results scope; act needs a version with artifacts v4)`;
    }
    return message.split('\n')[0];
}
/** A build leg hands its result to the merge job. */
async function uploadLegResult(result, options) {
    const service = requireArtifactService(options.service);
    const name = (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .legArtifactName */ .As)(result.images, result.platform, result.runAttempt);
    const text = (0,_leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeLegResult */ .k2)(result);
    (0,_leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLegResult */ .Bu)(text, name); // what the merge will read must pass the merge's checks: fail here, not there
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.workDir, 'fanout-leg', name);
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir, { recursive: true });
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, _leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .LEG_RESULT_FILE */ .me);
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(file, text, 'utf8');
    try {
        const uploaded = await withLibrary(service, (lib) => new lib.DefaultArtifactClient().uploadArtifact(name, [file], dir, { retentionDays: options.retentionDays ?? 1 }));
        if (uploaded.id === undefined)
            fail(`the artifact service gave no id for artifact "${name}"`);
        return { id: uploaded.id, name, size: uploaded.size ?? 0 };
    }
    catch (err) {
        if (err instanceof ArtifactServiceError)
            throw err;
        const message = explain(err, service);
        const duplicate = /\(409\)/.test(message);
        const hint = duplicate
            ? ` This run attempt already has a result for ${result.platform} of these images: ` +
                'build each platform in one leg only.'
            : '';
        const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
        throw new ArtifactServiceError(`Could not upload the leg result for ${result.platform} (artifact "${name}"): ${sentence}${hint}`);
    }
}
/**
 * The merge job collects every leg result of this run for this image set: the newest attempt per platform, each
 * validated and checked against its artifact's name. No result is not an error here: the caller knows whether
 * digests came another way.
 */
async function collectLegResults(images, options) {
    const service = requireArtifactService(options.service);
    const prefix = (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .legArtifactPrefix */ .nx)(images);
    const wanted = (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .imageSet */ .iH)(images);
    const reader = await __webpack_require__.e(/* import() */ 437).then(__webpack_require__.bind(__webpack_require__, 50437));
    const opts = {
        resultsUrl: service.resultsUrl,
        runtimeToken: service.runtimeToken,
        http: reader.openReaderPool(service.proxy),
        sleep: options.sleep,
    };
    const explainRead = (err) => {
        const e = err;
        if (e instanceof reader.ArtifactReadError && e.network && !e.message.startsWith('the artifact storage')) {
            return `the artifact service at ${new URL(service.resultsUrl).origin} is unreachable (${e.network})`;
        }
        return (0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(String(e?.message ?? err), [service.runtimeToken]);
    };
    try {
        let listed;
        try {
            listed = (await reader.listArtifacts(opts)).filter((a) => a.name.startsWith(prefix));
        }
        catch (err) {
            return fail(`Could not list this run's artifacts to collect the leg results: ${explainRead(err)}`);
        }
        const collected = await Promise.all(listed.map(async (artifact) => {
            let files;
            try {
                files = await reader.readArtifactFiles(opts, artifact);
            }
            catch (err) {
                return fail(`Could not download the leg result artifact "${artifact.name}": ${explainRead(err)}`);
            }
            const file = files[_leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .LEG_RESULT_FILE */ .me];
            if (!file)
                throw new _leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .LegResultError */ .OO(artifact.name, `it holds no ${_leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .LEG_RESULT_FILE */ .me}`);
            const result = (0,_leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLegResult */ .Bu)(Buffer.from(file).toString('utf8'), artifact.name);
            const expected = (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .legArtifactName */ .As)(result.images, result.platform, result.runAttempt);
            const images = (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .imageSet */ .iH)(result.images);
            if (expected !== artifact.name || images.join('\n') !== wanted.join('\n')) {
                throw new _leg_result_js__WEBPACK_IMPORTED_MODULE_3__/* .LegResultError */ .OO(artifact.name, `it describes ${result.platform} of ${images.join(', ')} (attempt ${result.runAttempt}), ` +
                    `which belongs in "${expected}"`);
            }
            return { artifact: { id: artifact.id, name: artifact.name }, result };
        }));
        return newestPerPlatform(collected);
    }
    finally {
        await opts.http.close();
    }
}


/***/ }),

/***/ 91213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ parseLegResult),
/* harmony export */   OO: () => (/* binding */ LegResultError),
/* harmony export */   k2: () => (/* binding */ serializeLegResult),
/* harmony export */   me: () => (/* binding */ LEG_RESULT_FILE),
/* harmony export */   r9: () => (/* binding */ LEG_RESULT_SCHEMA)
/* harmony export */ });
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24103);
// What one build leg of a fan-out hands to the merge job: the digest it pushed for its platform and the facts the
// merge's summary reports per leg. It travels between jobs (and between publish-image versions when a workflow
// pins legs and merge differently), so it carries a schema version and is validated field by field on the way in:
// a malformed or foreign file fails the merge with the artifact's name instead of producing a broken index.

/** The version of the leg result's JSON shape; bump it when a field changes meaning or becomes required. */
const LEG_RESULT_SCHEMA = 1;
/** The file inside a leg's artifact. */
const LEG_RESULT_FILE = 'leg-result.json';
/** A leg result that cannot be used; the message names the artifact it came from. */
class LegResultError extends Error {
    artifact;
    problem;
    constructor(artifact, problem) {
        super(`Leg result in artifact "${artifact}": ${problem}`);
        this.artifact = artifact;
        this.problem = problem;
        this.name = 'LegResultError';
    }
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/i;
/** The JSON written into a leg's artifact. */
function serializeLegResult(result) {
    return `${JSON.stringify(result, null, 2)}\n`;
}
/** Shows a value from the file in an error without letting it run on (or across lines). */
function shown(value) {
    const text = value === undefined ? 'nothing' : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
/** Parses and checks a leg result read from the artifact named `artifact`. Unknown fields are ignored. */
function parseLegResult(text, artifact) {
    const fail = (problem) => {
        throw new LegResultError(artifact, problem);
    };
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return fail(`${LEG_RESULT_FILE} is not JSON`);
    }
    if (!isObject(doc))
        return fail(`${LEG_RESULT_FILE} holds ${shown(doc)}, not an object`);
    if (doc.schema !== LEG_RESULT_SCHEMA) {
        return fail(`schema version ${shown(doc.schema)}; this publish-image reads version ${LEG_RESULT_SCHEMA} ` +
            '(use the same publish-image version in the build legs and the merge job)');
    }
    const field = (name, ok, expected, value) => {
        if (!ok)
            fail(`"${name}" must be ${expected}, got ${shown(value)}`);
    };
    const str = (v) => typeof v === 'string';
    const count = (v) => Number.isSafeInteger(v) && v >= 0;
    const images = doc.images;
    field('images', Array.isArray(images) && images.length > 0 && images.every((i) => str(i) && /^\S+$/.test(i)), 'a non-empty list of image names', images);
    field('platform', str(doc.platform) && _naming_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORM_FORM */ .x.test(doc.platform), 'a platform os/arch[/variant]', doc.platform);
    const platform = doc.platform;
    field('pair', doc.pair === (0,_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .platformPair */ .Mi)(platform), `"${(0,_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .platformPair */ .Mi)(platform)}" (the platform's pair)`, doc.pair);
    field('digest', str(doc.digest) && DIGEST.test(doc.digest), 'sha256:<64 hex digits>', doc.digest);
    if (doc.mediaType !== undefined) {
        field('mediaType', str(doc.mediaType) && MEDIA_TYPE.test(doc.mediaType), 'a media type', doc.mediaType);
    }
    if (doc.size !== undefined)
        field('size', count(doc.size), 'a byte count', doc.size);
    field('buildSeconds', typeof doc.buildSeconds === 'number' && Number.isFinite(doc.buildSeconds) && doc.buildSeconds >= 0, 'a number of seconds', doc.buildSeconds);
    const cache = doc.cache;
    field('cache', isObject(cache) && count(cache.hits) && count(cache.steps) && cache.hits <= cache.steps, '{ hits, steps } with 0 <= hits <= steps', cache);
    const builder = doc.builder;
    field('builder', isObject(builder) && str(builder.name) && builder.name !== '' && str(builder.driver) && builder.driver !== '', '{ name, driver }', builder);
    const runner = doc.runner;
    field('runner', isObject(runner) && str(runner.name) && str(runner.os) && str(runner.arch), '{ name, os, arch }', runner);
    field('runAttempt', count(doc.runAttempt) && doc.runAttempt >= 1, 'a run attempt (1, 2, ...)', doc.runAttempt);
    const c = cache;
    const b = builder;
    const r = runner;
    return {
        schema: LEG_RESULT_SCHEMA,
        images: [...images],
        platform,
        pair: doc.pair,
        digest: doc.digest,
        ...(doc.mediaType !== undefined ? { mediaType: doc.mediaType } : {}),
        ...(doc.size !== undefined ? { size: doc.size } : {}),
        buildSeconds: doc.buildSeconds,
        cache: { hits: c.hits, steps: c.steps },
        builder: { name: b.name, driver: b.driver },
        runner: { name: r.name, os: r.os, arch: r.arch },
        runAttempt: doc.runAttempt,
    };
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
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
