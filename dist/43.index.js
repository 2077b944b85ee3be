export const id = 43;
export const ids = [43];
export const modules = {

/***/ 7043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  build: () => (/* binding */ build)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
;// CONCATENATED MODULE: ./src/docker/build-log.ts
/** `#7 [linux/arm64 stage 2/3] RUN ...`, `#5 [2/3] COPY ...`: Dockerfile steps; `[internal]`/`[auth]` are not. */
const STEP = /^#(\d+) \[(?!internal\]|auth\])[^\]]*\b\d+\/\d+\] /;
const CACHED = /^#(\d+) CACHED\s*$/;
const CACHE_IMPORT = /importing cache manifest from /;
function buildLogReader() {
    const steps = new Set();
    const cached = new Set();
    let imported = false;
    return {
        line(text) {
            const s = STEP.exec(text);
            if (s)
                steps.add(s[1]);
            const c = CACHED.exec(text);
            if (c)
                cached.add(c[1]);
            if (CACHE_IMPORT.test(text))
                imported = true;
        },
        steps: () => ({ total: steps.size, cached: [...cached].filter((n) => steps.has(n)).length }),
        cacheImported: () => imported,
    };
}
const BUILD_FAILURE = /did not complete successfully|failed to solve: .*(dockerfile|failed to compute cache key|not found)|failed to read dockerfile|dockerfile parse error/i;
const REGISTRY_TRANSIENT = /(unexpected status(?: from \w+ request)?[^\n]*: 5\d\d|\b50[0-9] (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|connection reset by peer|connection refused|i\/o timeout|TLS handshake timeout|unexpected EOF|broken pipe)/i;
/** A failed build is retried only when the registry failed transiently and nothing in the build itself failed. */
function isTransientRegistryFailure(output) {
    return REGISTRY_TRANSIENT.test(output) && !BUILD_FAILURE.test(output);
}

;// CONCATENATED MODULE: ./src/docker/build.ts
// One `docker buildx build` from the plan's argv, streamed live in a collapsible group, retried with backoff
// when the registry fails transiently during the push.




function argvFor(req) {
    if (!req.builderOverride || req.build.builder)
        return req.build.argv;
    const [buildx, build, ...rest] = req.build.argv;
    return [buildx, build, '--builder', req.builderOverride, ...rest];
}
function readJson(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function readText(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function build(req) {
    const maxAttempts = req.maxAttempts ?? 3;
    const backoff = req.backoffMs ?? ((n) => 2000 * 2 ** (n - 2));
    (0,external_node_fs_.mkdirSync)(req.build.metadataFile.replace(/\/[^/]+$/, ''), { recursive: true });
    const argv = argvFor(req);
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        (0,external_node_fs_.rmSync)(req.build.metadataFile, { force: true });
        (0,external_node_fs_.rmSync)(req.build.iidFile, { force: true });
        const reader = buildLogReader();
        runner/* log */.Rm.startGroup(attempt === 1 ? 'Build' : `Build (attempt ${attempt} of ${maxAttempts})`);
        const out = await (0,exec/* run */.e)('docker', argv, {
            secrets: req.secrets,
            env: { ...req.build.env, DOCKER_CONFIG: req.dockerConfig },
            stream: true,
            onLine: (l) => reader.line(l),
        }).finally(() => runner/* log */.Rm.endGroup());
        if (out.code === 0) {
            const metadata = readJson(req.build.metadataFile);
            const digest = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : undefined;
            if (req.push && !digest) {
                throw new Error('The build pushed but buildx reported no image digest (containerimage.digest missing from the metadata file).');
            }
            return {
                digest: req.push ? digest : undefined,
                imageId: readText(req.build.iidFile) ?? metadata['containerimage.config.digest'],
                metadata,
                durationMs: Date.now() - started,
                steps: reader.steps(),
                cacheImported: reader.cacheImported(),
                attempts: attempt,
            };
        }
        const output = `${out.stdout}\n${out.stderr}`;
        const transient = req.push && isTransientRegistryFailure(output);
        if (transient && attempt < maxAttempts) {
            const wait = backoff(attempt + 1);
            runner/* log */.Rm.warning(`Attempt ${attempt} of ${maxAttempts} failed talking to the registry; retrying in ${wait / 1000}s: ${(0,exec/* tail */.R)(out, 1)}`);
            await sleep(wait);
            continue;
        }
        if (transient) {
            throw new Error(`The registry kept failing: the push failed ${attempt} times. Last error: ${(0,exec/* tail */.R)(out, 3)}`);
        }
        throw new Error(`docker buildx build failed (exit ${out.code}):\n${(0,exec/* tail */.R)(out, 12)}`);
    }
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
