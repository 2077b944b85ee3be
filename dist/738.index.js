export const id = 738;
export const ids = [738];
export const modules = {

/***/ 93738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   attestImages: () => (/* binding */ attestImages)
/* harmony export */ });
/* unused harmony exports SIGSTORE_BUNDLE_V03_MEDIA_TYPE, AttestationError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _actions_attest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4476);
/* harmony import */ var _sigstore_oci__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81057);
/* harmony import */ var _registry_identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40585);
/* harmony import */ var _registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18230);
// Build-provenance attestation: sign an SLSA v1 provenance statement for the pushed image(s) with Sigstore
// (via @actions/attest), store it with GitHub's attestations API, write the bundle under RUNNER_TEMP and,
// when asked, attach the bundle to each image in its registry as an OCI referrer.
//
// This module is heavy (Sigstore, Octokit, jose, make-fetch-happen); main.ts loads it with
// `await import('./attest.js')` on the attestation path only, so ncc emits it as a separate chunk.







/** Media type of a Sigstore bundle v0.3; used as the referrer's artifactType and layer media type. */
const SIGSTORE_BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const DIGEST_RE = /^sha256:([a-f0-9]{64})$/;
/** Failure of the attestation step; the message says which part failed and what to do next. */
class AttestationError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'AttestationError';
    }
}
/**
 * One attestation for all subjects: one in-toto statement listing every `name@digest`, signed once (one Fulcio
 * certificate, one transparency-log entry/timestamp) and stored once with the attestations API, which indexes it
 * by every subject digest. The usual case is one image pushed under several names or registries, all with the
 * same digest; the same bundle is then attached as a referrer to each of them.
 */
async function attestImages(opts) {
    const subjects = normaliseSubjects(opts.subjects);
    if (!opts.githubToken) {
        throw new AttestationError('attest: no GitHub token; the attestations API needs one.');
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Attesting build provenance for ${subjects.map((s) => `${s.name}@${s.digest}`).join(', ')}` +
        (opts.sigstore ? ` (Sigstore: ${opts.sigstore})` : ''));
    let attestation;
    try {
        attestation = await (0,_actions_attest__WEBPACK_IMPORTED_MODULE_3__/* .attestProvenance */ .XA)({
            subjects: subjects.map((s) => ({ name: s.name, digest: { sha256: s.hex } })),
            token: opts.githubToken,
            ...(opts.sigstore ? { sigstore: opts.sigstore } : {}),
        });
    }
    catch (err) {
        throw new AttestationError(`attest: creating the provenance attestation failed: ${messageOf(err)}. ${hintFor(err)}`, {
            cause: err,
        });
    }
    const bundleJson = JSON.stringify(attestation.bundle);
    const dir = opts.bundleDir;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const bundlePath = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `attestation-${subjects[0].hex}.json`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(bundlePath, bundleJson + '\n', { mode: 0o644 });
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Sigstore bundle written to ${bundlePath}`);
    if (attestation.tlogID)
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Transparency log index: ${attestation.tlogID}`);
    const outcome = { bundlePath, referrers: [], storageRecords: [], warnings: [] };
    if (attestation.attestationID !== undefined && attestation.attestationID !== null) {
        outcome.attestationId = String(attestation.attestationID);
        outcome.attestationUrl = opts.urlBase ? `${opts.urlBase}${outcome.attestationId}` : undefined;
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Attestation created: ${outcome.attestationUrl ?? outcome.attestationId}`);
    }
    if (opts.pushToRegistry) {
        const artifact = Buffer.from(bundleJson);
        const mediaType = attestation.bundle.mediaType || SIGSTORE_BUNDLE_V03_MEDIA_TYPE;
        // Attach once per image name (a name listed twice with the same digest is one image).
        for (const s of subjects) {
            const ref = (0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryName */ .aR)(s.name);
            const creds = (0,_registry_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialFor */ .FX)((0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .registryOf */ .Fv)(ref), opts.credentials);
            try {
                const descriptor = await attachReferrer(ref, s.digest, artifact, mediaType, creds);
                outcome.referrers.push({ subject: `${s.name}@${s.digest}`, digest: descriptor.digest });
                _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Attestation attached to ${s.name}@${s.digest} as referrer ${descriptor.digest}`);
            }
            catch (err) {
                throw new AttestationError(`attest: attaching the attestation to ${s.name}@${s.digest} failed: ${messageOf(err)}. ` +
                    (creds
                        ? `Check that the credentials for ${(0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .registryOf */ .Fv)(ref)} can push to ${s.name}.`
                        : `No login was configured for ${(0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .registryOf */ .Fv)(ref)}; add it to the action's registry logins.`), { cause: err });
            }
        }
        await recordStorage(subjects, opts.githubToken, outcome);
    }
    return outcome;
}
/**
 * Tell GitHub where the attested image is stored (its artifact metadata API), so the attestation links to the
 * package. Only organization repositories have it, and it needs `artifact-metadata: write`; without it the
 * attestation still stands, so a failure is a warning that names the permission.
 */
async function recordStorage(subjects, token, outcome) {
    for (const s of subjects) {
        const ref = (0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryName */ .aR)(s.name);
        const registry = (0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .registryOf */ .Fv)(ref);
        try {
            const ids = await (0,_actions_attest__WEBPACK_IMPORTED_MODULE_3__/* .createStorageRecord */ .Bz)({ name: s.name, digest: s.digest }, { registryUrl: `https://${registry}`, artifactUrl: `https://${ref}` }, token, 0);
            outcome.storageRecords.push(...ids);
        }
        catch (err) {
            outcome.warnings.push(`No storage record for ${s.name}@${s.digest} (GitHub's artifact metadata API): ${messageOf(err)}. ` +
                'Organization repositories need `permissions: artifact-metadata: write` for it; the attestation itself is stored.');
        }
    }
}
const REFERRER_ANNOTATIONS = {
    'dev.sigstore.bundle.content': 'dsse-envelope',
    'dev.sigstore.bundle.predicateType': SLSA_PROVENANCE_V1,
};
async function attachReferrer(imageName, imageDigest, artifact, mediaType, creds) {
    const attach = (credentials) => (0,_sigstore_oci__WEBPACK_IMPORTED_MODULE_4__/* .attachArtifactToImage */ .Kg)({
        imageName,
        imageDigest,
        artifact,
        mediaType,
        annotations: REFERRER_ANNOTATIONS,
        // undefined → anonymous (no sign-in). Never read from ~/.docker/config.json.
        credentials: credentials,
        fetchOpts: { retry: 2, timeout: 60_000 },
    });
    try {
        return await attach(creds);
    }
    catch (err) {
        // @sigstore/oci signs in by starting a blob upload and parsing the auth challenge; a registry that accepts pushes
        // without auth answers 202 with no challenge ("Invalid challenge: "). It needs no credentials: push anonymously.
        if (creds && /Invalid challenge: $/.test(messageOf(err))) {
            _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz(`${(0,_registry_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .registryOf */ .Fv)(imageName)} accepts pushes without authentication; attaching anonymously`);
            return attach(undefined);
        }
        throw err;
    }
}
function normaliseSubjects(subjects) {
    if (!subjects.length)
        throw new AttestationError('attest: nothing to attest (no pushed image digest).');
    const seen = new Set();
    const out = [];
    for (const s of subjects) {
        const m = DIGEST_RE.exec(s.digest);
        if (!m)
            throw new AttestationError(`attest: subject ${s.name} has digest "${s.digest}"; expected sha256:<64 hex>.`);
        if (s.name.includes('@') || (s.name.split('/').pop() ?? '').includes(':'))
            throw new AttestationError(`attest: subject name "${s.name}" must be an image name without tag or digest.`);
        const key = `${s.name}@${s.digest}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ name: s.name, digest: s.digest, hex: m[1] });
    }
    return out;
}
function messageOf(err) {
    if (!(err instanceof Error))
        return String(err);
    const cause = err.cause;
    return cause instanceof Error && !err.message.includes(cause.message)
        ? `${err.message}: ${cause.message}`
        : err.message;
}
function hintFor(err) {
    const msg = messageOf(err);
    if (/persist attestation/i.test(msg)) {
        if (/\b(403|404)\b|forbidden|not found|Resource not accessible/i.test(msg))
            return 'The job needs `permissions: attestations: write`; attestations on private repositories need a plan that supports them.';
        return 'Storing the attestation with the GitHub API failed; re-run the job.';
    }
    if (/ID token|OIDC|ACTIONS_ID_TOKEN_REQUEST|no tokens available/i.test(msg))
        return 'The job needs `permissions: id-token: write`.';
    return 'Signing with Sigstore failed; re-run the job, or set `sigstore` if the repository visibility was misdetected.';
}


/***/ })

};
