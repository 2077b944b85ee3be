export const id = 661;
export const ids = [661,656];
export const modules = {

/***/ 70656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _g: () => (/* binding */ storeLogins),
/* harmony export */   fj: () => (/* binding */ usesCredentialStore),
/* harmony export */   lp: () => (/* binding */ createDockerConfig),
/* harmony export */   nS: () => (/* binding */ removeDockerConfig)
/* harmony export */ });
/* unused harmony export dockerConfigDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// An isolated DOCKER_CONFIG for this run: our credentials go into a config.json nobody else reads, and the post
// step deletes it. The user's CLI plugins, buildx builders and contexts stay visible through symlinks, so a
// buildx installed by setup-buildx-action under ~/.docker keeps working.


const SHARED_ENTRIES = ['cli-plugins', 'buildx', 'contexts'];
/**
 * Settings of the user's config.json that change what the CLI and buildx do, kept in the run's config: the
 * current context, extra plugin directories and the proxies the CLI hands to builds. Credentials (auths,
 * credsStore, credHelpers) are never copied: this run's config holds this run's logins only.
 */
const KEPT_SETTINGS = ['currentContext', 'cliPluginsExtraDirs', 'proxies'];
function keptSettings(userConfigDir) {
    try {
        const user = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(userConfigDir, 'config.json'), 'utf8'));
        return Object.fromEntries(KEPT_SETTINGS.filter((k) => user[k] !== undefined).map((k) => [k, user[k]]));
    }
    catch {
        return {}; // no user config (the usual case on a runner), or one the CLI itself could not read
    }
}
function dockerConfigDir(workDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, 'docker-config');
}
/** `userConfigDir`: the user's DOCKER_CONFIG (or ~/.docker), whose plugins, builders and contexts stay visible. */
function createDockerConfig(workDir, userConfigDir) {
    const dir = dockerConfigDir(workDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'config.json'), `${JSON.stringify({ auths: {}, ...keptSettings(userConfigDir) })}\n`, {
        mode: 0o600,
    });
    for (const entry of SHARED_ENTRIES) {
        const source = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(userConfigDir, entry);
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(source) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)(source, target);
    }
    return dir;
}
/**
 * Writes logins into the run's config.json the way the CLI's file store does: `auth` is base64 of
 * `username:password` (the password left out when an identity token replaces it). Written to a new file and renamed,
 * mode 0600, so buildx never reads half a file.
 */
function storeLogins(dir, logins) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'config.json');
    const config = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    const auths = (config.auths ??= {});
    for (const l of logins) {
        const password = l.identityToken ? '' : l.password;
        auths[l.serverAddress] = {
            auth: Buffer.from(`${l.username}:${password}`).toString('base64'),
            ...(l.identityToken ? { identitytoken: l.identityToken } : {}),
        };
    }
    const next = `${file}.tmp`; // the directory is this run's alone
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(next, `${JSON.stringify(config)}\n`, { mode: 0o600 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(next, file);
}
function removeDockerConfig(dir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
}
/** The CLI keeps credentials outside config.json when it names a credential store or per-registry helpers. */
function usesCredentialStore(dir) {
    try {
        const config = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'config.json'), 'utf8'));
        const helpers = config.credHelpers;
        return !!config.credsStore || (!!helpers && Object.keys(helpers).length > 0);
    }
    catch {
        return true; // unreadable: log out to be safe
    }
}


/***/ }),

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70656);
/* harmony import */ var _post_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38653);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74813);
// The post step: runs after the job even when the main step failed. Removes a builder this run created, logs
// out of every registry and deletes the run's DOCKER_CONFIG, so no credential outlives the job.




async function post(env) {
    const dockerConfig = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getState */ .Gu)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.dockerConfig);
    const builder = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getState */ .Gu)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.builder);
    const registries = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getState */ .Gu)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.registries).split(',').filter(Boolean);
    if (!dockerConfig && !builder) {
        _runner_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info('Nothing to clean up.');
        return;
    }
    // The Docker effects chunk (exec, the registry client's undici, …) only when a process must run: removing the
    // run's config alone is a file operation, and most runs need nothing else (measured by scripts/bench-publish.mjs).
    const effects = async () => {
        const docker = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(353), __webpack_require__.e(88), __webpack_require__.e(312)]).then(__webpack_require__.bind(__webpack_require__, 31312));
        docker.setBaseEnvironment(env);
        return docker;
    };
    if (builder)
        await (await effects()).removeBuilder(builder, dockerConfig);
    if (dockerConfig && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dockerConfig)) {
        if ((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getState */ .Gu)(env, _post_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.logout) === 'false') {
            // login-action's meaning of logout: false: later steps of the job may still use the credentials.
            _runner_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`logout is false: the registry credentials stay in ${dockerConfig} until the runner is cleaned.`);
            return;
        }
        // With credentials in config.json itself, deleting the run's config removes them; `docker logout` is needed
        // only when the CLI put them in a credential store (credsStore/credHelpers), which outlives the directory.
        if ((0,_docker_config_js__WEBPACK_IMPORTED_MODULE_1__/* .usesCredentialStore */ .fj)(dockerConfig))
            await (await effects()).logout(registries, dockerConfig);
        (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_1__/* .removeDockerConfig */ .nS)(dockerConfig);
        _runner_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`Removed ${dockerConfig}`);
    }
}


/***/ })

};
