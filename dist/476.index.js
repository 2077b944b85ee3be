export const id = 476;
export const ids = [476];
export const modules = {

/***/ 55476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveCredentials: () => (/* binding */ resolveCredentials)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
;// CONCATENATED MODULE: ./src/docker/ecr.ts
/** The exact AWS CLI call for a registry's token. */
function ecrTokenCall(login) {
    const env = {};
    if (login.awsAccessKeyId && login.awsSecretAccessKey) {
        env.AWS_ACCESS_KEY_ID = login.awsAccessKeyId;
        env.AWS_SECRET_ACCESS_KEY = login.awsSecretAccessKey;
    }
    const service = login.public ? 'ecr-public' : 'ecr';
    const args = [service, 'get-authorization-token', '--region', login.region, '--output', 'json'];
    if (!login.public) {
        // the registry's own account: `<account>.dkr.ecr.<region>.amazonaws.com`
        args.splice(2, 0, '--registry-ids', login.registry.split('.')[0]);
    }
    return { args, env };
}
/** `{"authorizationData": [{"authorizationToken": base64("AWS:<password>")}]}` (ECR Public: an object). */
function parseEcrToken(stdout, registry) {
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        throw new Error(`The AWS CLI's answer for ${registry} is not JSON.`);
    }
    const data = Array.isArray(doc.authorizationData) ? doc.authorizationData[0] : doc.authorizationData;
    const token = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
    const colon = token.indexOf(':');
    if (colon <= 0)
        throw new Error(`AWS returned no authorization token for ${registry}.`);
    return { registry, username: token.slice(0, colon), password: token.slice(colon + 1), source: 'ecr' };
}
async function ecrCredential(login, aws) {
    const call = ecrTokenCall(login);
    let stdout;
    try {
        stdout = await aws(call.args, call.env);
    }
    catch (e) {
        throw new Error(`Getting an Amazon ECR token for ${login.registry} failed: ${e.message}\n` +
            'Give the job AWS credentials (aws-actions/configure-aws-credentials, or username/password as an access key) ' +
            'allowed to call ecr:GetAuthorizationToken, and make sure the AWS CLI is installed.');
    }
    return parseEcrToken(stdout, login.registry);
}

;// CONCATENATED MODULE: ./src/docker/credentials.ts


const awsCli = async (args, env) => {
    const { run, tail } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(190)]).then(__webpack_require__.bind(__webpack_require__, 73190));
    const out = await run('aws', args, { secrets: Object.values(env), env });
    if (out.code !== 0)
        throw new Error(tail(out, 3));
    return out.stdout;
};
/**
 * A password learnt now (ECR) is registered with the masker and added to `secrets`, so nothing printed later shows
 * it.
 */
async function resolveCredentials(logins, secrets) {
    const credentials = [];
    for (const l of logins) {
        if (l.kind === 'password') {
            credentials.push(l.credential);
            continue;
        }
        const c = await ecrCredential(l, awsCli);
        (0,runner/* setSecret */.Pq)(c.password);
        if (!secrets.includes(c.password))
            secrets.push(c.password);
        credentials.push(c);
    }
    return credentials;
}


/***/ })

};
