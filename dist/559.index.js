export const id = 559;
export const ids = [559];
export const modules = {

/***/ 62559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyPush: () => (/* binding */ verifyPush)
/* harmony export */ });
/* harmony import */ var _registry_read_back_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56779);
/* harmony import */ var _registry_oci_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25526);


async function verifyPush(tags, digest, platforms, access) {
    const read = await (0,_registry_read_back_js__WEBPACK_IMPORTED_MODULE_0__/* .readBack */ .e)(tags, digest, platforms, access);
    const verified = { tags: [], platforms: [] };
    const problems = [];
    for (const tag of read) {
        if (tag.error || !tag.digest) {
            problems.push(`${tag.ref} could not be read: ${tag.error?.message ?? 'no digest'}`);
            continue;
        }
        verified.tags.push({ ref: tag.ref, digest: tag.digest });
        if (verified.platforms.length === 0)
            verified.platforms = tag.platforms ?? [];
        if (!tag.matches)
            problems.push(`${tag.ref} resolves to ${tag.digest}, not the pushed ${digest}`);
        if (tag.missingPlatforms.length) {
            const listed = tag.platforms?.join(', ') || 'none';
            problems.push(`${tag.ref} lacks platform(s) ${tag.missingPlatforms.join(', ')} (the image lists ${listed})`);
        }
    }
    if (problems.length)
        throw new Error(`The registry does not hold what was pushed:\n- ${problems.join('\n- ')}`);
    return verified;
}


/***/ })

};
