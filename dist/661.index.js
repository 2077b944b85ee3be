export const id = 661;
export const ids = [661];
export const modules = {

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE),
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
// The post step: runs after the job even when the main step failed. Removes a builder this run created, logs
// out of every registry and deletes the run's DOCKER_CONFIG, so no credential outlives the job.


const STATE = {
    isPost: 'isPost',
    dockerConfig: 'dockerConfig',
    registries: 'registries',
    logout: 'logout',
    builder: 'createdBuilder',
};
async function post(env) {
    const dockerConfig = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu)(env, STATE.dockerConfig);
    const builder = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu)(env, STATE.builder);
    const registries = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu)(env, STATE.registries).split(',').filter(Boolean);
    if (!dockerConfig && !builder) {
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info('Nothing to clean up.');
        return;
    }
    const { removeBuilder } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(88), __webpack_require__.e(353), __webpack_require__.e(716)]).then(__webpack_require__.bind(__webpack_require__, 49716));
    const { logout } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 54377));
    const { removeDockerConfig } = await __webpack_require__.e(/* import() */ 656).then(__webpack_require__.bind(__webpack_require__, 70656));
    if (builder)
        await removeBuilder(builder, dockerConfig);
    if (dockerConfig && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dockerConfig)) {
        if ((0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu)(env, STATE.logout) === 'false') {
            // login-action's meaning of logout: false: later steps of the job may still use the credentials.
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.warning(`logout is false: the registry credentials stay in ${dockerConfig} until the runner is cleaned.`);
            return;
        }
        await logout(registries, dockerConfig);
        removeDockerConfig(dockerConfig);
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`Removed ${dockerConfig}`);
    }
}


/***/ })

};
