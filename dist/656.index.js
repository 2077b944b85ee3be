export const id = 656;
export const ids = [656];
export const modules = {

/***/ 70656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDockerConfig: () => (/* binding */ createDockerConfig),
/* harmony export */   removeDockerConfig: () => (/* binding */ removeDockerConfig)
/* harmony export */ });
/* unused harmony export dockerConfigDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// An isolated DOCKER_CONFIG for this run: our credentials go into a config.json nobody else reads, and the post
// step deletes it. The user's CLI plugins, buildx builders and contexts stay visible through symlinks, so a
// buildx installed by setup-buildx-action under ~/.docker keeps working.



const SHARED_ENTRIES = ['cli-plugins', 'buildx', 'contexts'];
function dockerConfigDir(workDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(workDir, 'docker-config');
}
function createDockerConfig(workDir, userConfigDir = process.env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker')) {
    const dir = dockerConfigDir(workDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'config.json'), '{"auths":{}}\n', { mode: 0o600 });
    for (const entry of SHARED_ENTRIES) {
        const source = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(userConfigDir, entry);
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(source) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)(source, target);
    }
    return dir;
}
function removeDockerConfig(dir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
}


/***/ })

};
