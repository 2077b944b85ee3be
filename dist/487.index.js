export const id = 487;
export const ids = [487];
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


/***/ })

};
