export const id = 656;
export const ids = [656];
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


/***/ })

};
