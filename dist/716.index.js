export const id = 716;
export const ids = [716];
export const modules = {

/***/ 49716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareBuilder: () => (/* binding */ prepareBuilder),
  removeBuilder: () => (/* binding */ removeBuilder)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./src/platform.ts
var platform = __webpack_require__(23728);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/docker/builder-facts.ts
// Pure readings of `docker buildx version`, `docker buildx inspect` and `docker info`, and the decisions made
// from them. Kept apart from the effects so the decisions are unit-tested without an engine.

/** "github.com/docker/buildx 0.13.1+ds1 ..." or "github.com/docker/buildx v0.21.1 abc" → "0.13.1" */
function parseBuildxVersion(text) {
    const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
    return m ? m[1] : 'unknown';
}
function parseInspect(text) {
    const field = (re) => re.exec(text)?.[1]?.trim() ?? '';
    const platforms = field(/^Platforms:\s*(.*)$/m)
        .split(',')
        .map((p) => p.trim().replace(/\*$/, ''))
        .filter(Boolean);
    return {
        name: field(/^Name:\s*(.*)$/m),
        driver: field(/^Driver:\s*(.*)$/m),
        buildkitVersion: field(/^Build[kK]it(?: version)?:\s*(.*)$/m) || 'unknown',
        platforms,
    };
}
/** `docker info --format '{{json .DriverStatus}}'` lists ["driver-type","io.containerd.snapshotter.v1"] with the containerd store. */
function usesContainerdStore(driverStatusJson) {
    try {
        const rows = JSON.parse(driverStatusJson);
        return !!rows?.some(([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'));
    }
    catch {
        return false;
    }
}
/**
 * The `docker` driver without the containerd image store can neither build several platforms into one image nor
 * export a cache; every other driver can.
 */
function builderCanDo(driver, containerdStore, needs) {
    if (driver !== 'docker' || containerdStore)
        return { ok: true };
    if (needs.multiPlatform)
        return { ok: false, why: 'the docker driver without the containerd image store cannot build several platforms' };
    if (needs.cacheExport)
        return { ok: false, why: 'the docker driver without the containerd image store cannot export a cache' };
    return { ok: true };
}
/** GitHub's runners offer only cache v2; buildx forwards it from 0.21 (BuildKit ≥ 0.20). */
function cacheV2Unsupported(buildxVersion) {
    const v = semver_default().coerce(buildxVersion);
    return !v || semver_default().lt(v, '0.21.0');
}
/** Requested platforms the builder does not list (each needs QEMU). */
function missingPlatforms(requested, offered) {
    const have = new Set(offered);
    return requested.filter((p) => !have.has(p) && !have.has(p.split('/').slice(0, 2).join('/')));
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
// Choose the buildx builder: the selected one when it can do what the plan needs, else a docker-container
// builder created for this run (removed in post). QEMU is registered only for platforms the builder lacks.





async function docker(args, dockerConfig, what) {
    const out = await (0,exec/* run */.e)('docker', args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    if (out.code !== 0)
        throw new Error(`${what} failed (docker ${args.join(' ')}): ${(0,exec/* tail */.R)(out, 4)}`);
    return out.stdout;
}
async function inspect(name, dockerConfig) {
    const args = ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])];
    return parseInspect(await docker(args, dockerConfig, 'Inspecting the buildx builder'));
}
async function registerQemu(platforms, dockerConfig, warnings) {
    for (const p of platforms) {
        const arch = (0,platform/* qemuArch */.TT)((0,platform/* parsePlatform */.FL)('platforms', p));
        if ((0,external_node_fs_.existsSync)(`/proc/sys/fs/binfmt_misc/qemu-${arch}`))
            continue;
        runner/* log */.Rm.info(`Registering QEMU for ${p} (qemu-${arch})`);
        // The same registration docker/setup-qemu-action performs.
        const out = await (0,exec/* run */.e)('docker', ['run', '--rm', '--privileged', '--network', 'none', 'tonistiigi/binfmt:latest', '--install', arch], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
        if (out.code !== 0)
            warnings.push(`QEMU registration for ${p} failed: ${(0,exec/* tail */.R)(out, 2)}`);
    }
}
async function prepareBuilder(req, warnings) {
    // Three independent questions to the engine, asked at once: each docker CLI start costs ~50 ms.
    const [versionText, initialFacts, driverStatus] = await Promise.all([
        docker(['buildx', 'version'], req.dockerConfig, 'buildx'),
        inspect(req.builder, req.dockerConfig),
        docker(['info', '--format', '{{json .DriverStatus}}'], req.dockerConfig, 'docker info'),
    ]);
    const buildxVersion = parseBuildxVersion(versionText);
    let facts = initialFacts;
    let created = false;
    const containerd = facts.driver === 'docker' && usesContainerdStore(driverStatus);
    const can = builderCanDo(facts.driver, containerd, req.needs);
    if (!can.ok) {
        if (req.builder)
            throw new Error(`The builder "${req.builder}" cannot do this build: ${can.why}. Choose another builder or leave builder empty.`);
        runner/* log */.Rm.info(`Creating a docker-container builder: ${can.why}`);
        await docker(['buildx', 'create', '--name', req.createName, '--driver', 'docker-container', '--driver-opt', 'network=host'], req.dockerConfig, 'Creating a buildx builder');
        req.onCreated(req.createName);
        created = true;
        facts = await inspect(req.createName, req.dockerConfig);
    }
    const missing = missingPlatforms(req.platforms, facts.platforms);
    if (missing.length) {
        await registerQemu(missing, req.dockerConfig, warnings);
        facts = await inspect(facts.name || req.builder, req.dockerConfig);
    }
    runner/* log */.Rm.info(`Builder ${facts.name} (driver ${facts.driver}${containerd ? ', containerd image store' : ''}): buildx ${buildxVersion}, BuildKit ${facts.buildkitVersion}`);
    if (req.cacheV2 && cacheV2Unsupported(buildxVersion)) {
        warnings.push(`This runtime offers only the GitHub cache service v2, which buildx ${buildxVersion} cannot use (needs buildx ≥ 0.21 and BuildKit ≥ 0.20): the build runs without the GitHub cache.`);
    }
    return { name: facts.name, driver: facts.driver, buildxVersion, buildkitVersion: facts.buildkitVersion, created };
}
async function removeBuilder(name, dockerConfig) {
    const out = await (0,exec/* run */.e)('docker', ['buildx', 'rm', name], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    runner/* log */.Rm.info(out.code === 0 ? `Removed builder ${name}` : `Removing builder ${name}: ${(0,exec/* tail */.R)(out, 1)}`);
}


/***/ }),

/***/ 73190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ tail),
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81260);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76670);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
// The one way this action starts a process: an argv array (never a shell), output redacted, optionally streamed.



/** Splits a byte stream into lines, handing each to `emit`; `flush` gives the last partial line. */
function lineSplitter(emit) {
    let pending = '';
    return {
        push(chunk) {
            pending += chunk.toString('utf8');
            const parts = pending.split('\n');
            pending = parts.pop() ?? '';
            for (const p of parts)
                emit(p);
        },
        flush() {
            if (pending)
                emit(pending);
            pending = '';
        },
    };
}
async function run(command, args, opts) {
    const out = [];
    const err = [];
    const handle = (sink) => (raw) => {
        const line = (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(raw, opts.secrets);
        sink.push(line);
        if (opts.stream)
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOut */ .sD)(`${line}\n`);
        opts.onLine?.(line);
    };
    const stdout = lineSplitter(handle(out));
    const stderr = lineSplitter(handle(err));
    if (opts.stream)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOut */ .sD)(`[command]${command} ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(args.join(' '), opts.secrets)}\n`);
    const env = opts.env ? { ...process.env, ...opts.env } : undefined;
    let code;
    try {
        code = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .exec */ .m)(command, [...args], {
            silent: true,
            ignoreReturnCode: true,
            input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
            env,
            listeners: { stdout: (b) => stdout.push(b), stderr: (b) => stderr.push(b) },
        });
    }
    catch (e) {
        // Spawn failures (command not found) carry no secrets, but redact anyway: the message echoes argv.
        throw new Error((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(`Could not run ${command}: ${e.message}`, opts.secrets));
    }
    stdout.flush();
    stderr.flush();
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
/** The last few meaningful lines of a failed command, for an error message. */
function tail(output, lines = 8) {
    return `${output.stdout}\n${output.stderr}`
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '')
        .slice(-lines)
        .join('\n');
}


/***/ })

};
