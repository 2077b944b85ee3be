export const id = 190;
export const ids = [190];
export const modules = {

/***/ 73190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lineSplitter: () => (/* binding */ lineSplitter),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   setBaseEnvironment: () => (/* binding */ setBaseEnvironment),
/* harmony export */   tail: () => (/* binding */ tail)
/* harmony export */ });
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81260);
/* harmony import */ var _argv_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65037);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76670);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74813);
// The one way this action starts a process: an argv array (never a shell), output redacted, optionally streamed.
// A streamed process's output is untrusted (Dockerfile text, labels, registry messages): it is shown inside a
// stop-commands region (src/runner.ts) so no line of it runs as a workflow command, and the `[command]` line is
// printed by src/argv.ts, shell-quoted, so no argument can break it into lines.





/**
 * Splits a byte stream into lines, handing each to `emit`; `flush` gives the last partial line. A character whose
 * UTF-8 bytes straddle two chunks is decoded whole (StringDecoder keeps the partial bytes).
 */
function lineSplitter(emit) {
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8');
    let pending = '';
    return {
        push(chunk) {
            pending += decoder.write(chunk);
            const parts = pending.split('\n');
            pending = parts.pop() ?? '';
            for (const p of parts)
                emit(p);
        },
        flush() {
            pending += decoder.end();
            if (pending)
                emit(pending);
            pending = '';
        },
    };
}
/**
 * The environment every child process starts from: the action's own, handed over once by src/index.ts (the only
 * reader of the process environment). A call's `env` is added on top; without one, the child inherits the action's.
 */
let baseEnvironment = {};
function setBaseEnvironment(env) {
    baseEnvironment = env;
}
function definedOnly(env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
}
async function run(command, args, opts) {
    const out = [];
    const err = [];
    let shown;
    const handle = (sink) => (raw) => {
        const line = (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E)(raw, opts.secrets);
        sink.push(line);
        shown?.line(line);
        opts.onLine?.(line);
    };
    const stdout = lineSplitter(handle(out));
    const stderr = lineSplitter(handle(err));
    if (opts.stream) {
        _runner_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`[command]${(0,_argv_js__WEBPACK_IMPORTED_MODULE_2__/* .printArgv */ .Q0)([command, ...args], { secrets: opts.secrets })}`);
        shown = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .untrustedOutput */ .a)();
    }
    const env = opts.env ? { ...definedOnly(baseEnvironment), ...opts.env } : undefined;
    let code;
    try {
        code = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .exec */ .m)(command, [...args], {
            silent: true,
            ignoreReturnCode: true,
            input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
            env,
            listeners: { stdout: (b) => stdout.push(b), stderr: (b) => stderr.push(b) },
        });
    }
    catch (e) {
        // Spawn failures (command not found) carry no secrets, but redact anyway: the message echoes argv.
        throw new Error((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E)(`Could not run ${command}: ${e.message}`, opts.secrets));
    }
    finally {
        stdout.flush();
        stderr.flush();
        shown?.close();
    }
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
