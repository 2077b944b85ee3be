export const id = 758;
export const ids = [758,377];
export const modules = {

/***/ 54377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   login: () => (/* binding */ login),
/* harmony export */   logout: () => (/* binding */ logout)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73190);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
// docker login with the password on stdin, into the run's isolated DOCKER_CONFIG.


async function login(logins, dockerConfig, secrets) {
    for (const l of logins) {
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`Logging in to ${l.registry} as ${l.username} (${l.source})`);
        const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)('docker', ['login', '--username', l.username, '--password-stdin', l.registry], {
            secrets,
            input: l.password,
            env: { DOCKER_CONFIG: dockerConfig },
        });
        if (out.code !== 0) {
            throw new Error(`Login to ${l.registry} as ${l.username} failed: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .tail */ .R)(out, 3)}\n` +
                'Check the username and password (or registry-auth) inputs and that the registry is reachable.');
        }
    }
}
async function logout(registries, dockerConfig) {
    for (const registry of registries) {
        const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)('docker', ['logout', registry], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(out.code === 0 ? `Logged out of ${registry}` : `Logout of ${registry}: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .tail */ .R)(out, 1)}`);
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
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76670);
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
        const line = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(raw, opts.secrets);
        sink.push(line);
        if (opts.stream)
            process.stdout.write(`${line}\n`);
        opts.onLine?.(line);
    };
    const stdout = lineSplitter(handle(out));
    const stderr = lineSplitter(handle(err));
    if (opts.stream)
        process.stdout.write(`[command]${command} ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(args.join(' '), opts.secrets)}\n`);
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
        throw new Error((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(`Could not run ${command}: ${e.message}`, opts.secrets));
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


/***/ }),

/***/ 76670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
// Secrets never reach a log line, an output, the summary or an error message. The runner masks values
// registered with ::add-mask::, but local runs (act, tests, a terminal) have no masker: redact ourselves.
/**
 * Replace every occurrence of each secret with `***`. Longer secrets first (one may contain another); each line
 * of a multi-line secret is masked on its own too, as the runner's log masking does.
 */
function redact(text, secrets) {
    const all = new Set();
    for (const s of secrets) {
        if (!s || !s.trim())
            continue;
        all.add(s);
        for (const line of s.split(/\r?\n/))
            if (line.trim().length >= 4)
                all.add(line);
    }
    let out = text;
    for (const s of [...all].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}


/***/ })

};
