export const id = 237;
export const ids = [237,487];
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

/***/ 87237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* harmony import */ var _fanout_artifacts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5052);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(76670);
/* harmony import */ var _compose_snippet_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(487);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
/* harmony import */ var _registry_image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18230);
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
    (0,_compose_snippet_js__WEBPACK_IMPORTED_MODULE_3__/* .preloadComposeWriter */ .d)();
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
            result.tagStates = await (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_5__/* .readTagStates */ .F)(plan.verify.tags, index.digest, registries);
            const why = failed.map((t) => `${t.ref}: ${t.error?.message ?? 'failed'}`).join('\n- ');
            throw new Error(`The index ${index.digest} could not be put under ${failed.length} of ${index.tags.length} tags:\n- ${why}\n` +
                (0,_tag_states_js__WEBPACK_IMPORTED_MODULE_5__/* .describeTagStates */ .G)(result.tagStates, index.digest));
        }
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`Index ${index.digest} (${index.platforms.join(', ')}) under ${index.tags.length} tag(s)`);
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
