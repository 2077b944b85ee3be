export const id = 312;
export const ids = [312,190,476];
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


/***/ }),

/***/ 31312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BuildError: () => (/* reexport */ BuildError),
  build: () => (/* reexport */ build),
  checkCallSupported: () => (/* reexport */ checkCallSupported),
  createDockerConfig: () => (/* reexport */ config/* createDockerConfig */.lp),
  login: () => (/* reexport */ login),
  logout: () => (/* reexport */ logout),
  removeBuilder: () => (/* reexport */ removeBuilder),
  removeDockerConfig: () => (/* reexport */ config/* removeDockerConfig */.nS),
  resolveCredentials: () => (/* reexport */ credentials.resolveCredentials),
  saveImage: () => (/* reexport */ saveImage),
  setBaseEnvironment: () => (/* reexport */ exec.setBaseEnvironment),
  setUpBuilder: () => (/* reexport */ setUpBuilder),
  startBuilderProbes: () => (/* reexport */ startBuilderProbes),
  usesCredentialStore: () => (/* reexport */ config/* usesCredentialStore */.fj)
});

// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(70656);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./src/registry/identity.ts
var identity = __webpack_require__(40585);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/docker/builder-facts.ts
// Pure readings of what the engine, buildx and the kernel say about the builder (the Engine API's /info,
// `buildx version`, `buildx inspect`, buildx's store files, binfmt_misc entries), and the decisions made from them.
// Kept apart from the effects so every answer the probes can get is unit-tested without an engine.

function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v) {
    return typeof v === 'string' ? v : '';
}
/** /info's DriverStatus lists ["driver-type","io.containerd.snapshotter.v1"] with the containerd image store. */
function containerdStoreIn(driverStatus) {
    if (!Array.isArray(driverStatus))
        return false;
    return driverStatus.some((row) => Array.isArray(row) &&
        row[0] === 'driver-type' &&
        typeof row[1] === 'string' &&
        row[1].startsWith('io.containerd.snapshotter'));
}
/** `docker info --format '{{json .DriverStatus}}'` (text) → containerd store on? Malformed text → false. */
function usesContainerdStore(driverStatusJson) {
    try {
        return containerdStoreIn(JSON.parse(driverStatusJson));
    }
    catch {
        return false;
    }
}
/** uname -m (as /info's Architecture says it) → GOARCH, as the engine's Go runtime names it. */
const UNAME_ARCH = {
    x86_64: 'amd64',
    aarch64: 'arm64',
    armv7l: 'arm',
    armv6l: 'arm',
    armv8l: 'arm',
    i386: '386',
    i686: '386',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64: 'mips64',
    loongarch64: 'loong64',
};
/** The engine's own platform as BuildKit lists it first (containerd's Normalize: a bare arm is arm/v7). */
function nativePlatform(os, unameArch) {
    const arch = UNAME_ARCH[unameArch] ?? unameArch;
    if (arch === 'arm')
        return `${os}/arm/${unameArch === 'armv6l' ? 'v6' : 'v7'}`;
    return `${os}/${arch}`;
}
/**
 * The Engine API's /info document (the JSON `docker info --format '{{json .}}'` prints). /info alone: /version adds
 * nothing needed here, and each of the two makes dockerd run `runc --version` (~50–100 ms on a busy runner).
 */
function parseEngineInfo(info) {
    if (!isObject(info) || !str(info.ServerVersion) || !str(info.OSType) || !str(info.Architecture)) {
        throw new Error('the engine answered /info without ServerVersion, OSType and Architecture');
    }
    return {
        version: str(info.ServerVersion),
        platform: nativePlatform(str(info.OSType), str(info.Architecture)),
        storageDriver: str(info.Driver),
        containerdStore: containerdStoreIn(info.DriverStatus),
    };
}
/**
 * "github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3" (Debian) or "github.com/docker/buildx v0.21.1 abc" → "0.13.1".
 * Standalone binaries print the same line.
 */
function parseBuildxVersion(text) {
    const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
    return m ? m[1] : 'unknown';
}
/** "linux/amd64*, linux/arm64" → ["linux/amd64", "linux/arm64"] (a * marks platforms set by the user). */
function platformList(value) {
    return value
        .split(',')
        .map((p) => p.trim().replace(/\*$/, ''))
        .filter(Boolean);
}
/** The text `docker buildx inspect [--bootstrap]` prints (a header, then `Nodes:` with one block per node). */
function parseInspect(text) {
    const lines = text.split('\n');
    const nodesAt = lines.findIndex((l) => /^Nodes:\s*$/.test(l));
    const header = nodesAt < 0 ? lines : lines.slice(0, nodesAt);
    const field = (block, key) => {
        const re = new RegExp(`^${key}:\\s*(.*)$`);
        for (const l of block) {
            const m = re.exec(l);
            if (m)
                return m[1].trim();
        }
        return '';
    };
    const nodes = [];
    if (nodesAt >= 0) {
        let block = [];
        const flush = () => {
            if (!block.some((l) => l.startsWith('Name:')))
                return;
            const error = field(block, 'Error');
            nodes.push({
                name: field(block, 'Name'),
                endpoint: field(block, 'Endpoint'),
                status: field(block, 'Status'),
                buildkitVersion: field(block, 'Build[kK]it(?: version)?'),
                platforms: platformList(field(block, 'Platforms')),
                ...(error ? { error } : {}),
            });
        };
        for (const l of lines.slice(nodesAt + 1)) {
            if (l.startsWith('Name:') && block.length) {
                flush();
                block = [];
            }
            block.push(l);
        }
        flush();
    }
    const error = field(header, 'Error');
    return {
        name: field(header, 'Name'),
        driver: field(header, 'Driver'),
        buildkitVersion: nodes.find((n) => n.buildkitVersion)?.buildkitVersion || 'unknown',
        platforms: [...new Set(nodes.flatMap((n) => n.platforms))],
        nodes,
        ...(error ? { error } : {}),
    };
}
/** `{"Key":"unix:///var/run/docker.sock","Name":"mybuilder","Global":false}`; undefined for anything else. */
function parseBuildxCurrent(text) {
    try {
        const doc = JSON.parse(text);
        if (!isObject(doc))
            return undefined;
        return { key: str(doc.Key), name: str(doc.Name), global: doc.Global === true };
    }
    catch {
        return undefined;
    }
}
/** `instances/<name>`: `{"Name","Driver","Nodes":[{"Name","Endpoint","Platforms":[{"os","architecture"}]}]}`. */
function parseStoredBuilder(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!isObject(doc) || !str(doc.Name))
        return undefined;
    const nodes = Array.isArray(doc.Nodes) ? doc.Nodes.filter(isObject) : [];
    return {
        name: str(doc.Name),
        driver: str(doc.Driver),
        nodes: nodes.map((n) => ({
            name: str(n.Name),
            endpoint: str(n.Endpoint),
            platforms: (Array.isArray(n.Platforms) ? n.Platforms.filter(isObject) : []).map((p) => [str(p.os), str(p.architecture), str(p.variant)].filter(Boolean).join('/')),
        })),
    };
}
/**
 * The builder `docker buildx build` would use without --builder, by buildx's own rule (store.Txn.Current):
 * a global choice first, then the choice made for this endpoint, then the endpoint's default, else the
 * current Docker context's builder, which has the context's name and the docker driver.
 */
function resolveCurrentBuilder(store, key, contextName) {
    const c = store.current;
    if (c?.name) {
        if (c.global) {
            const builder = store.instance(c.name);
            if (builder)
                return { kind: 'instance', builder };
        }
        if (c.key === key) {
            const builder = store.instance(c.name);
            return builder ? { kind: 'instance', builder } : { kind: 'context', name: contextName };
        }
    }
    const name = store.defaultFor(key);
    const builder = name ? store.instance(name) : undefined;
    return builder ? { kind: 'instance', builder } : { kind: 'context', name: contextName };
}
function parseBinfmtEntry(name, text) {
    const lines = text.split('\n').map((l) => l.trim());
    return {
        name,
        enabled: lines[0] === 'enabled',
        interpreter: lines.find((l) => l.startsWith('interpreter '))?.slice('interpreter '.length) ?? '',
        flags: lines
            .find((l) => l.startsWith('flags:'))
            ?.slice('flags:'.length)
            .trim() ?? '',
    };
}
/** QEMU's binfmt names (qemu-<name>) → the platforms BuildKit lists when that emulator works. */
const QEMU_PLATFORMS = {
    'qemu-aarch64': ['linux/arm64'],
    'qemu-x86_64': ['linux/amd64'],
    'qemu-arm': ['linux/arm/v7', 'linux/arm/v6'],
    'qemu-riscv64': ['linux/riscv64'],
    'qemu-ppc64': ['linux/ppc64'],
    'qemu-ppc64le': ['linux/ppc64le'],
    'qemu-s390x': ['linux/s390x'],
    'qemu-i386': ['linux/386'],
    'qemu-mips64el': ['linux/mips64le'],
    'qemu-mips64': ['linux/mips64'],
    'qemu-loongarch64': ['linux/loong64'],
};
/**
 * The platforms a local engine's BuildKit can run: its own, plus every enabled QEMU emulator registered with the
 * F flag (the kernel opens the interpreter at registration, so it works inside containers and BuildKit's chroot).
 * A lower bound: BuildKit also finds amd64 micro-architecture levels and 32-bit modes by running test binaries,
 * which a file read cannot; a requested platform missing here is asked of BuildKit before QEMU is registered.
 */
function localPlatforms(native, binfmt, binfmtEnabled = true) {
    const out = [native];
    if (!binfmtEnabled || !native.startsWith('linux/'))
        return out;
    for (const e of binfmt) {
        if (!e.enabled || !e.flags.includes('F'))
            continue;
        for (const p of QEMU_PLATFORMS[e.name] ?? []) {
            if (!out.some((o) => sameArch(o, p)))
                out.push(p);
        }
    }
    return out;
}
/** os/arch of a platform (variants aside): linux/amd64/v3 → linux/amd64; linux/arm/v7 stays (arm variants differ). */
function osArch(p) {
    const parts = p.split('/');
    return parts[1] === 'arm' ? parts.join('/') : parts.slice(0, 2).join('/');
}
function sameArch(a, b) {
    return osArch(a) === osArch(b);
}
/**
 * The `docker` driver without the containerd image store can neither build several platforms into one image nor
 * export a cache; every other driver can. (Push by digest is not a reason to create a builder: the build leg has
 * its own way for the docker driver, see canPushByDigest.)
 */
function builderCanDo(driver, containerdStore, needs) {
    if (driver !== 'docker' || containerdStore)
        return { ok: true };
    if (needs.multiPlatform)
        return { ok: false, why: 'the docker driver without the containerd image store cannot build several platforms' };
    if (needs.cacheExport)
        return { ok: false, why: 'the docker driver without the containerd image store cannot export a cache' };
    return { ok: true };
}
/** buildx refuses `push-by-digest=true` with the docker driver ("not implemented for docker driver"), every version. */
function canPushByDigest(driver) {
    return driver !== 'docker';
}
/** GitHub's runners offer only cache v2; buildx forwards it from 0.21 (BuildKit ≥ 0.20). */
function cacheV2Unsupported(buildxVersion) {
    const v = semver_default().coerce(buildxVersion);
    return !v || semver_default().lt(v, '0.21.0');
}
/** Requested platforms the builder does not list (each needs QEMU). A variant is served by its os/arch. */
function missingPlatforms(requested, offered) {
    const have = new Set(offered.flatMap((p) => [p, p.split('/').slice(0, 2).join('/')]));
    return requested.filter((p) => !have.has(p) && !have.has(p.split('/').slice(0, 2).join('/')));
}

;// CONCATENATED MODULE: ./src/docker/engine-api.ts
// The Engine API asked directly over its socket: /info answers in tens of milliseconds, where `docker info`
// starts the CLI from scratch first (~0.2–0.4 s on a 2-core runner). Only for endpoints
// the action can reach exactly as the CLI would (a unix socket, or plain tcp); ssh, TLS and named contexts keep
// the CLI, which knows their configuration.




const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';
function dockerEnv(env) {
    return {
        DOCKER_HOST: env.DOCKER_HOST,
        DOCKER_CONTEXT: env.DOCKER_CONTEXT,
        DOCKER_TLS_VERIFY: env.DOCKER_TLS_VERIFY,
        DOCKER_CERT_PATH: env.DOCKER_CERT_PATH,
    };
}
/**
 * The CLI's choice of context (cli/command.resolveContextName): DOCKER_HOST means the default context, then
 * DOCKER_CONTEXT, then config.json's currentContext, else default.
 */
function contextName(env, currentContext) {
    if (env.DOCKER_HOST)
        return 'default';
    if (env.DOCKER_CONTEXT)
        return env.DOCKER_CONTEXT;
    return currentContext || 'default';
}
/** config.json's currentContext in a Docker config directory (undefined when unset or unreadable). */
function readCurrentContext(dockerConfig) {
    try {
        const doc = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dockerConfig, 'config.json'), 'utf8'));
        return typeof doc.currentContext === 'string' && doc.currentContext ? doc.currentContext : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The default context's host as the CLI spells it (buildx keys its `current` builder by it): DOCKER_HOST, else
 * the local socket. `tcp://host` gets Docker's default port, as the CLI's ParseHost does.
 */
function defaultContextHost(env) {
    const host = (env.DOCKER_HOST ?? '').trim();
    if (!host)
        return DEFAULT_DOCKER_HOST;
    const tcp = /^tcp:\/\/([^/:]+|\[[^\]]+\])\/?$/.exec(host);
    if (tcp)
        return `tcp://${tcp[1]}:${env.DOCKER_TLS_VERIFY ? 2376 : 2375}`;
    return host;
}
/** How to reach the engine the CLI would use (pure: the caller reads config.json's currentContext). */
function engineEndpoint(env, currentContext) {
    const context = contextName(env, currentContext);
    const host = context === 'default' ? defaultContextHost(env) : context;
    if (context !== 'default')
        return { kind: 'cli', host, reason: `the Docker context "${context}" is in use` };
    if (env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH) {
        return { kind: 'cli', host, reason: 'DOCKER_TLS_VERIFY/DOCKER_CERT_PATH ask for TLS' };
    }
    const unix = /^unix:\/\/(\/.+)$/.exec(host);
    if (unix)
        return { kind: 'unix', host, socketPath: unix[1] };
    const tcp = /^tcp:\/\/(\[[^\]]+\]|[^/:]+):(\d+)\/?$/.exec(host);
    if (tcp)
        return { kind: 'tcp', host, hostname: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2]) };
    return { kind: 'cli', host, reason: `the engine is at ${host}` };
}
/** One Engine API request (unversioned paths: the engine's own API version); the status and the body as text. */
function engineRequest(endpoint, method, path, timeoutMs, json) {
    const target = endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath } : { host: endpoint.hostname, port: endpoint.port };
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    return new Promise((resolve, reject) => {
        // A unix socket has no host name; the CLI sends "api.moby.localhost" as the Host header there.
        const headers = endpoint.kind === 'unix' ? { host: 'api.moby.localhost' } : {};
        if (payload)
            headers['content-type'] = 'application/json';
        const req = (0,external_node_http_.request)({ ...target, path, method, headers, timeout: timeoutMs }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`${method} ${path} on ${endpoint.host}: no answer in ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(payload);
    });
}
/** A GET to the Engine API, its body as JSON. */
async function engineGet(endpoint, path, timeoutMs = 10_000) {
    const { status, body } = await engineRequest(endpoint, 'GET', path, timeoutMs);
    if (status !== 200)
        throw new Error(`GET ${path} on ${endpoint.host}: HTTP ${status} ${body.slice(0, 200).trim()}`);
    try {
        return JSON.parse(body);
    }
    catch {
        throw new Error(`GET ${path} on ${endpoint.host}: not JSON`);
    }
}
/**
 * The engine's own check of a registry login (POST /auth, what `docker login` asks first): the identity token
 * when the registry gave one, or undefined when the engine did not say yes — refused, unreachable, or an engine
 * that cannot be asked — for the caller to let the CLI try and word the failure.
 */
async function engineLogin(endpoint, login, timeoutMs = 30_000) {
    try {
        const { status, body } = await engineRequest(endpoint, 'POST', '/auth', timeoutMs, {
            username: login.username,
            password: login.password,
            serveraddress: login.serverAddress,
        });
        if (status !== 200)
            return undefined;
        const answer = JSON.parse(body);
        return typeof answer.IdentityToken === 'string' && answer.IdentityToken
            ? { identityToken: answer.IdentityToken }
            : {};
    }
    catch {
        return undefined;
    }
}
/** /info → the engine's facts. Throws when the engine does not answer. */
async function engineFactsFromApi(endpoint) {
    return parseEngineInfo(await engineGet(endpoint, '/info'));
}

// EXTERNAL MODULE: ./src/docker/credentials.ts + 1 modules
var credentials = __webpack_require__(55476);
;// CONCATENATED MODULE: ./src/docker/login.ts
// The run's logins, into the run's isolated DOCKER_CONFIG. The same credentials then serve the read-back and the
// attestation; the merge needs no Docker CLI at all.
//
// `docker login` asks the engine to check the login (POST /auth), then writes config.json. When the action reaches
// the engine itself (a local socket, plain tcp: engine-api.ts) it does the same two things without starting the CLI
// (~30 ms and a process on the path before the build, measured by scripts/trace-docker.mjs). Anything but the
// engine's yes — a refused password, an unreachable registry, an engine only the CLI can reach — goes to
// `docker login` itself (password on stdin), which also tries without the engine and words the failure.






async function cliLogin(c, dockerConfig, secrets) {
    const out = await (0,exec.run)('docker', ['login', '--username', c.username, '--password-stdin', c.registry], {
        secrets,
        input: c.password,
        env: { DOCKER_CONFIG: dockerConfig },
    });
    if (out.code !== 0) {
        throw new Error(`Login to ${c.registry} as ${c.username} failed: ${(0,exec.tail)(out, 3)}\n` +
            'Check the username and password (or registry-auth) inputs and that the registry is reachable.');
    }
}
/** Logs in with every credential: checked by the engine where it can be asked, else by `docker login`. */
async function login(credentials, dockerConfig, secrets, engine) {
    for (const c of credentials)
        runner/* log */.Rm.info(`Logging in to ${c.registry} as ${c.username} (${c.source})`);
    const checked = await Promise.all(credentials.map(async (c) => {
        const serverAddress = (0,identity/* dockerLoginAddress */.AA)(c.registry);
        const yes = engine.kind === 'cli'
            ? undefined
            : await engineLogin(engine, { username: c.username, password: c.password, serverAddress });
        return { c, serverAddress, yes };
    }));
    const accepted = checked.flatMap(({ c, serverAddress, yes }) => yes ? [{ serverAddress, username: c.username, password: c.password, identityToken: yes.identityToken }] : []);
    if (accepted.length)
        (0,config/* storeLogins */._g)(dockerConfig, accepted);
    // one at a time: each `docker login` rewrites config.json
    for (const { c, yes } of checked)
        if (!yes)
            await cliLogin(c, dockerConfig, secrets);
}
async function logout(registries, dockerConfig) {
    for (const registry of registries) {
        const out = await (0,exec.run)('docker', ['logout', registry], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
        runner/* log */.Rm.info(out.code === 0 ? `Logged out of ${registry}` : `Logout of ${registry}: ${(0,exec.tail)(out, 1)}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/argv.ts
var argv = __webpack_require__(65037);
;// CONCATENATED MODULE: ./src/docker/buildx-plugin.ts
// The buildx version straight from the plugin binary: `docker-buildx version` skips the Docker CLI's start and
// plugin discovery (`docker buildx version` runs two programs, ~0.2 s; the plugin alone ~0.1 s). The binary is
// found where the CLI looks for plugins, in the CLI's order, so it is the same buildx `docker buildx` runs.





/** The CLI's system plugin directories on Linux, in its order (cli-plugins/manager/manager_unix.go). */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
/**
 * Where the CLI looks for plugins (getPluginDirs): config.json's cliPluginsExtraDirs, then <config dir>/cli-plugins
 * (DOCKER_CONFIG, which replaces ~/.docker rather than adding to it), then the system directories.
 */
function pluginDirs(dockerConfig, extraDirs = []) {
    return [...extraDirs, (0,external_node_path_.join)(dockerConfig, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS];
}
/** config.json's cliPluginsExtraDirs (none when unset or unreadable). */
function readExtraPluginDirs(dockerConfig) {
    try {
        const doc = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dockerConfig, 'config.json'), 'utf8'));
        const dirs = doc.cliPluginsExtraDirs;
        return Array.isArray(dirs) ? dirs.filter((d) => typeof d === 'string') : [];
    }
    catch {
        return [];
    }
}
function isExecutableFile(path) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The first docker-buildx the CLI would find, or undefined (then only `docker buildx` can tell). */
function findBuildxPlugin(dockerConfig) {
    return pluginDirs(dockerConfig, readExtraPluginDirs(dockerConfig))
        .map((d) => (0,external_node_path_.join)(d, 'docker-buildx'))
        .find(isExecutableFile);
}
/** buildx's version ("0.13.1"): from the plugin binary when found, else through the CLI. */
async function buildxVersion(dockerConfig) {
    const plugin = findBuildxPlugin(dockerConfig);
    const [command, args] = plugin ? [plugin, ['version']] : ['docker', ['buildx', 'version']];
    const out = await (0,exec.run)(command, args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    if (out.code !== 0)
        throw new Error(`buildx is not usable (${(0,argv/* printArgv */.Q0)([command, ...args])}): ${(0,exec.tail)(out, 4)}`);
    return { version: parseBuildxVersion(out.stdout), via: plugin ?? 'docker buildx' };
}

;// CONCATENATED MODULE: ./src/docker/binfmt.ts
// QEMU through the kernel's binfmt_misc: which emulators this machine has (read from /proc, no process started),
// and their registration with the binfmt image, as docker/setup-qemu-action does — only for platforms the
// builder lacks.



const BINFMT_MISC = '/proc/sys/fs/binfmt_misc';
/** setup-qemu-action's default image. */
const DEFAULT_BINFMT_IMAGE = 'docker.io/tonistiigi/binfmt:latest';
/** The qemu-* entries of binfmt_misc (an unmounted or unreadable binfmt_misc reads as disabled). */
function readBinfmt(dir = BINFMT_MISC) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(dir).filter((n) => n.startsWith('qemu-'));
    }
    catch {
        return { enabled: false, entries: [] };
    }
    let enabled = false;
    try {
        enabled = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'status'), 'utf8').trim() === 'enabled';
    }
    catch {
        // no status file: binfmt_misc is not mounted here
    }
    const entries = [];
    for (const name of names) {
        try {
            entries.push(parseBinfmtEntry(name, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8')));
        }
        catch {
            // removed between readdir and read
        }
    }
    return { enabled, entries };
}
/**
 * `docker run` argv that registers QEMU for these platforms with the binfmt image. The image takes platform
 * architectures (arm64, arm, 386, riscv64 …), not QEMU's names (aarch64 …), and exits 0 even when one fails:
 * the caller checks binfmt_misc (or asks BuildKit) afterwards.
 */
function qemuInstallArgv(image, platforms) {
    // The plan's platforms are normalised names (os/arch[/variant], src/platform.ts's platformName), so the
    // architecture is the second part. Not parsePlatform: importing src/platform.ts from this chunk would make the
    // entry bundle keep it as a separate module, which costs every start.
    const archs = [...new Set(platforms.map((p) => p.split('/')[1] ?? p))];
    return ['run', '--rm', '--privileged', '--network', 'none', image, '--install', archs.join(',')];
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
// Executes the builder plan (src/plan/builder.ts) and reports what the builder is. Facts come from the cheapest
// source that knows them: buildx's store files and the Engine API (a few ms) for the current Docker context's own
// builder on a local engine; BuildKit (`buildx inspect --bootstrap`, ~0.3 s and a boot) only for a builder that
// only BuildKit can describe — a stored or created builder, a remote engine, a named context. QEMU is registered
// only for platforms the builder lacks, and only where it can help (the engine's own kernel).











/** State for the post step: a bare name when that says it all (the state older runs saved), else JSON. */
function encodeCleanup(c) {
    const plain = c.name && !c.filesDir && c.remove?.join(' ') === `buildx rm ${c.name}`;
    return plain ? c.name : JSON.stringify(c);
}
function decodeCleanup(state) {
    if (!state)
        return {};
    if (!state.startsWith('{'))
        return { name: state, remove: ['buildx', 'rm', state] };
    const doc = JSON.parse(state);
    return {
        ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
        ...(Array.isArray(doc.remove) ? { remove: doc.remove.map(String) } : {}),
        ...(typeof doc.filesDir === 'string' ? { filesDir: doc.filesDir } : {}),
    };
}
async function docker(args, dockerConfig, what) {
    const out = await (0,exec.run)('docker', args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    if (out.code !== 0)
        throw new Error(`${what} failed (${(0,argv/* printArgv */.Q0)(['docker', ...args])}): ${(0,exec.tail)(out, 4)}`);
    return out.stdout;
}
/** Where buildx keeps its builders (confutil: BUILDX_CONFIG, else $DOCKER_CONFIG/buildx). */
function buildxDir(io) {
    return io.env?.BUILDX_CONFIG || (0,external_node_path_.join)(io.dockerConfig, 'buildx');
}
function readText(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
function storeView(dir) {
    const current = readText((0,external_node_path_.join)(dir, 'current'));
    const instance = (name) => {
        const text = readText((0,external_node_path_.join)(dir, 'instances', name.toLowerCase()));
        return text === undefined ? undefined : parseStoredBuilder(text);
    };
    return {
        current: current === undefined ? undefined : parseBuildxCurrent(current),
        instance,
        defaultFor: (key) => {
            const hash = (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 20);
            return readText((0,external_node_path_.join)(dir, 'defaults', hash))?.trim() || undefined;
        },
    };
}
/** The engine's facts: over its socket when the action can reach it as the CLI would, else `docker info`. */
async function engineFacts(endpoint, dockerConfig) {
    if (endpoint.kind !== 'cli') {
        try {
            return await engineFactsFromApi(endpoint);
        }
        catch (e) {
            runner/* log */.Rm.debug(`Engine API at ${endpoint.host} did not answer (${e.message}); asking the Docker CLI`);
        }
    }
    return parseEngineInfo(JSON.parse(await docker(['info', '--format', '{{json .}}'], dockerConfig, 'docker info')));
}
async function inspect(name, dockerConfig, what) {
    const args = ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])];
    return parseInspect(await docker(args, dockerConfig, what));
}
/** A remote endpoint that accepts a connection (tcp://host:port, unix:///path), or why not. */
function probeEndpoint(endpoint, timeoutMs = 5_000) {
    const tcp = /^tcp:\/\/\[?([^\]/]+?)\]?:(\d+)\/?$/.exec(endpoint);
    const unix = /^unix:\/\/(\/.+)$/.exec(endpoint);
    const target = tcp ? { host: tcp[1], port: Number(tcp[2]) } : unix ? { path: unix[1] } : undefined;
    if (!target)
        return Promise.resolve(undefined);
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)(target);
        const done = (why) => {
            socket.destroy();
            resolve(why);
        };
        socket.setTimeout(timeoutMs, () => done(`no answer in ${timeoutMs / 1000} s`));
        socket.once('connect', () => done());
        socket.once('error', (e) => done(e.code ?? e.message));
    });
}
function writePlannedFiles(c) {
    (0,external_node_fs_.mkdirSync)(c.filesDir, { recursive: true, mode: 0o700 });
    for (const f of c.files)
        (0,external_node_fs_.writeFileSync)(f.path, f.content, { mode: 0o600 });
}
/** Creates the planned builder and boots it; the post step's state is saved before anything can be left behind. */
async function createBuilder(c, io) {
    const cleanup = c.files.length ? { filesDir: c.filesDir } : {};
    if (c.files.length) {
        io.onCleanup(encodeCleanup(cleanup));
        writePlannedFiles(c);
    }
    // A dead endpoint makes BuildKit wait 20 s and then say only "context deadline exceeded": dial it meanwhile.
    const probes = Promise.all(c.probe.map(async (ep) => ({ ep, why: await probeEndpoint(ep) })));
    await docker(c.create, io.dockerConfig, `Creating the builder ${c.name}`);
    if (c.remove)
        io.onCleanup(encodeCleanup({ ...cleanup, name: c.name, remove: c.remove }));
    else if (c.files.length)
        io.notices.push(`cleanup: false: the builder ${c.name} and ${c.filesDir} are kept.`);
    for (const argv of c.append)
        await docker(argv, io.dockerConfig, `Appending a node to the builder ${c.name}`);
    const dead = (await probes).filter((p) => p.why);
    if (dead.length) {
        const list = dead.map((p) => `${p.ep} (${p.why})`).join(', ');
        throw new Error(`The remote BuildKit endpoint ${list} of the builder ${c.name} does not answer. Check the endpoint input and that buildkitd listens there.`);
    }
    return inspect(c.name, io.dockerConfig, `Booting the builder ${c.name} (driver ${c.driver})`);
}
/**
 * Starts the builder's probes (buildx version from the plugin, the engine over its socket) without waiting for
 * them. A caller may start them before the login, which takes longer, so setUpBuilder finds them answered.
 */
function startBuilderProbes(io) {
    const env = io.env ? dockerEnv(io.env) : undefined;
    const currentContext = readCurrentContext(io.dockerConfig);
    const endpoint = env
        ? engineEndpoint(env, currentContext)
        : { kind: 'cli', host: 'unknown', reason: 'the environment was not passed down' };
    const context = env ? contextName(env, currentContext) : (currentContext ?? 'default');
    const version = buildxVersion(io.dockerConfig);
    let settled;
    version.then((v) => (settled = v.version), () => undefined);
    // Over the socket the engine is asked at once (a few ms); through the CLI only when a docker driver needs it,
    // since a remote builder may run where no engine answers.
    let engine;
    const ask = () => (engine ??= engineFacts(endpoint, io.dockerConfig));
    if (endpoint.kind !== 'cli')
        ask().catch(() => undefined);
    return {
        endpoint,
        context,
        key: endpoint.host,
        store: storeView(buildxDir(io)),
        engine: ask,
        version,
        settledVersion: () => settled,
    };
}
function dockerFacts(name, engine, platforms, source) {
    return {
        name,
        driver: 'docker',
        buildkitVersion: `of Docker Engine ${engine.version}`,
        platforms,
        containerdStore: engine.containerdStore,
        engineVersion: engine.version,
        source,
    };
}
/** The context's own builder (driver docker) read without BuildKit: the engine's facts + binfmt_misc. */
async function contextBuilderFast(name, probe, io) {
    const engine = await probe.engine();
    const binfmt = readBinfmt(io.binfmtDir ?? BINFMT_MISC);
    return dockerFacts(name, engine, localPlatforms(engine.platform, binfmt.entries, binfmt.enabled), 'engine-api');
}
/** Facts from BuildKit; a docker driver also needs the engine's image store. */
async function fromBuildkit(name, probe, io, what) {
    // A context's builder has the docker driver: ask the engine at the same time as BuildKit.
    if (name === undefined || !probe.store.instance(name))
        probe.engine().catch(() => undefined);
    return asFound(await inspect(name, io.dockerConfig, what), probe);
}
/** A named builder (or context), read the cheapest way that is exact. */
async function namedBuilder(name, probe, io) {
    const local = probe.endpoint.kind === 'unix';
    if (!probe.store.instance(name) && name === probe.context && local)
        return contextBuilderFast(name, probe, io);
    return fromBuildkit(name, probe, io, `Inspecting the buildx builder ${name}`);
}
function cannot(name, why, hint) {
    return new Error(`The builder "${name}" cannot do this build: ${why}. ${hint}`);
}
async function choose(plan, probe, io) {
    const c = plan.choice;
    switch (c.kind) {
        case 'named': {
            const found = await namedBuilder(c.name, probe, io);
            const can = builderCanDo(found.driver, found.containerdStore, plan.needs);
            if (!can.ok)
                throw cannot(c.name, can.why, 'Choose another builder, or leave builder empty (a docker-container builder is created when needed).');
            return { ...found, created: false };
        }
        case 'docker': {
            const found = await namedBuilder(probe.context, probe, io);
            const can = builderCanDo(found.driver, found.containerdStore, plan.needs);
            if (!can.ok)
                throw cannot(found.name, can.why, 'Use driver: docker-container, or turn on the containerd image store.');
            return { ...found, created: false };
        }
        case 'create': {
            const existing = c.reuseExisting ? probe.store.instance(c.create.name) : undefined;
            if (existing) {
                if (existing.driver !== c.create.driver) {
                    throw new Error(`The builder "${c.create.name}" exists with driver ${existing.driver}, not ${c.create.driver}: choose another builder name or driver.`);
                }
                runner/* log */.Rm.info(`Using the existing builder ${c.create.name}`);
                return {
                    ...(await fromBuildkit(c.create.name, probe, io, `Booting the builder ${c.create.name}`)),
                    created: false,
                };
            }
            const facts = await createBuilder(c.create, io);
            return { ...(await asFound(facts, probe)), created: true };
        }
        case 'current': {
            const current = resolveCurrentBuilder(probe.store, probe.key, probe.context);
            const found = current.kind === 'context' && probe.endpoint.kind === 'unix'
                ? await contextBuilderFast(current.name, probe, io)
                : await fromBuildkit(undefined, probe, io, 'Inspecting the current buildx builder');
            const can = builderCanDo(found.driver, found.containerdStore, plan.needs);
            if (can.ok) {
                if (c.unusedIfCurrent.length) {
                    io.notices.push(`${c.unusedIfCurrent.join(', ')} not used: the current builder ${found.name} can build this, so none is created (set driver: docker-container to always create one).`);
                }
                return { ...found, created: false };
            }
            runner/* log */.Rm.info(`Creating a docker-container builder: ${can.why}`);
            const facts = await createBuilder(c.fallback, io);
            return { ...(await asFound(facts, probe)), created: true };
        }
    }
}
async function asFound(facts, probe) {
    if (facts.driver === 'docker') {
        const engine = await probe.engine();
        return { ...dockerFacts(facts.name, engine, facts.platforms, 'buildkit'), buildkitVersion: facts.buildkitVersion };
    }
    return {
        name: facts.name,
        driver: facts.driver,
        buildkitVersion: facts.buildkitVersion,
        platforms: facts.platforms,
        containerdStore: false,
        source: 'buildkit',
    };
}
/** QEMU for requested platforms the builder lacks; returns the builder's platforms afterwards. */
async function ensurePlatforms(plan, found, probe, io) {
    let facts = found;
    let missing = missingPlatforms(plan.platforms, facts.platforms);
    if (!missing.length)
        return facts;
    if (facts.source === 'engine-api') {
        // The engine-side list is a lower bound (no amd64 levels, no 32-bit modes): BuildKit has the last word.
        facts = await fromBuildkit(facts.name, probe, io, `Inspecting the buildx builder ${facts.name}`);
        missing = missingPlatforms(plan.platforms, facts.platforms);
        if (!missing.length)
            return facts;
    }
    if (facts.driver !== 'docker' && facts.driver !== 'docker-container') {
        io.warnings.push(`The builder ${facts.name} (driver ${facts.driver}) lists no ${missing.join(', ')}; QEMU on this runner cannot help a builder that runs elsewhere, so these platforms may fail to build.`);
        return facts;
    }
    const image = plan.qemuImage || DEFAULT_BINFMT_IMAGE;
    runner/* log */.Rm.info(`Registering QEMU for ${missing.join(', ')} with ${image}`);
    const out = await (0,exec.run)('docker', qemuInstallArgv(image, missing), {
        secrets: [],
        env: { DOCKER_CONFIG: io.dockerConfig },
    });
    if (out.code !== 0) {
        io.warnings.push(`QEMU registration for ${missing.join(', ')} failed: ${(0,exec.tail)(out, 2)}`);
        return facts;
    }
    facts = await fromBuildkit(facts.name, probe, io, `Inspecting the buildx builder ${facts.name}`);
    const still = missingPlatforms(plan.platforms, facts.platforms);
    if (still.length) {
        io.warnings.push(`QEMU registration with ${image} did not make ${still.join(', ')} available: ${(0,exec.tail)(out, 2)}`);
    }
    return facts;
}
/** Executes the plan: the builder the build will use, ready, with QEMU for every platform asked for. */
async function setUpBuilder(plan, io, probe = startBuilderProbes(io)) {
    const chosen = await choose(plan, probe, io);
    // buildx's version decides only whether the GitHub cache v2 can work; otherwise it is a fact for the summary,
    // and waiting for it here would hold the build back (the version probe is a process of its own)
    const version = plan.needs.cacheV2 ? (await probe.version).version : probe.settledVersion();
    const found = await ensurePlatforms(plan, chosen, probe, io);
    const facts = {
        ...found,
        buildxVersion: version ?? 'unknown',
        created: chosen.created,
        pushByDigest: canPushByDigest(found.driver),
    };
    runner/* log */.Rm.info(`Builder ${facts.name} (driver ${facts.driver}${facts.containerdStore ? ', containerd image store' : ''}): ` +
        `${version ? `buildx ${version}, ` : ''}BuildKit ${facts.buildkitVersion}`);
    runner/* log */.Rm.debug(`Builder facts from ${facts.source}; engine endpoint ${probe.endpoint.host} (${probe.endpoint.kind})`);
    if (plan.needs.cacheV2 && version && cacheV2Unsupported(version)) {
        io.warnings.push(`This runtime offers only the GitHub cache service v2, which buildx ${version} cannot use (needs buildx ≥ 0.21 and BuildKit ≥ 0.20): the build runs without the GitHub cache.`);
    }
    return facts;
}
/** The post step: removes the builder this run created (per its cleanup state) and the files its creation wrote. */
async function removeBuilder(state, dockerConfig) {
    const c = decodeCleanup(state);
    if (c.name && c.remove) {
        const out = await (0,exec.run)('docker', c.remove, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
        runner/* log */.Rm.info(out.code === 0 ? `Removed builder ${c.name}` : `Removing builder ${c.name}: ${(0,exec.tail)(out, 1)}`);
    }
    if (c.filesDir) {
        (0,external_node_fs_.rmSync)(c.filesDir, { recursive: true, force: true });
        runner/* log */.Rm.info(`Removed ${c.filesDir}`);
    }
}

;// CONCATENATED MODULE: ./src/docker/build-log.ts
/** `#7 [linux/arm64 stage 2/3] RUN ...`, `#5 [2/3] COPY ...`: Dockerfile steps; `[internal]`/`[auth]` are not. */
const STEP = /^#(\d+) \[(?!internal\]|auth\])[^\]]*\b\d+\/\d+\] /;
const CACHED = /^#(\d+) CACHED\s*$/;
const MANIFEST_LIST = /^#\d+ exporting manifest list (sha256:[0-9a-f]{64})/;
const MANIFEST = /^#\d+ exporting manifest (sha256:[0-9a-f]{64})/;
const PUSHING = /^#\d+ pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
function buildLogReader() {
    const steps = new Set();
    const cached = new Set();
    let list;
    let manifest;
    const pushed = new Set();
    return {
        line(text) {
            const s = STEP.exec(text);
            if (s)
                steps.add(s[1]);
            const c = CACHED.exec(text);
            if (c)
                cached.add(c[1]);
            const l = MANIFEST_LIST.exec(text);
            if (l)
                list = l[1];
            const m = MANIFEST.exec(text);
            if (m)
                manifest = m[1];
            const p = PUSHING.exec(text);
            if (p)
                pushed.add(p[1]);
        },
        steps: () => ({ total: steps.size, cached: [...cached].filter((n) => steps.has(n)).length }),
        exportedDigest: () => list ?? manifest,
        pushedRefs: () => [...pushed],
    };
}

;// CONCATENATED MODULE: ./src/docker/build-failure.ts
// Why a `docker buildx build` failed, read from its output, so the error the user reads starts with the cause and
// what to do — not with the last dozen progress lines. Also decides whether another attempt can help: a registry
// that is rate-limiting, failing with 5xx or unreachable may recover; a refused credential or a failing RUN step
// will not.
// Order matters: a build that fails in a RUN step may mention a registry in passing; the step decides.
const RULES = [
    {
        cause: 'dockerfile',
        pattern: /dockerfile parse error[^\n]*|failed to read dockerfile[^\n]*|unknown instruction[^\n]*|failed to parse stage name[^\n]*/i,
        headline: (m) => `The Dockerfile cannot be read: ${m[0].trim()}.`,
        advice: 'Fix the Dockerfile at the line shown (or point `file` at the right one).',
        transient: false,
    },
    {
        cause: 'build-step',
        // BuildKit quotes the command as Go's %q does: \" and \\ inside
        pattern: /process "((?:[^"\\\n]|\\.)*)" did not complete successfully: exit code: (\d+)/,
        headline: (m) => `A build step failed: \`${m[1].replace(/\\(.)/g, '$1')}\` exited with code ${m[2]}.`,
        advice: "Read that step's output in the Build group above; run the build locally with the same argv to reproduce.",
        transient: false,
    },
    {
        cause: 'base-image',
        pattern: /failed to (?:resolve source metadata|do request) for ([^\s:]+[^\s]*)[^\n]*?(not found|unauthorized|denied)/i,
        headline: (m) => `A base image cannot be pulled: ${m[1]} (${m[2]}).`,
        advice: 'Check the FROM image name and tag, and log in to its registry if it is private (registry-auth).',
        transient: false,
    },
    {
        cause: 'rate-limit',
        pattern: /\b429 Too Many Requests\b|toomanyrequests|rate limit exceeded/i,
        headline: () => 'The registry is rate-limiting this push (429 Too Many Requests).',
        advice: 'Wait and re-run, or log in (authenticated pulls and pushes get higher limits).',
        transient: true,
    },
    {
        cause: 'auth',
        pattern: /\b401 Unauthorized\b|\b403 Forbidden\b|insufficient_scope|authentication required|no basic auth credentials|failed to authorize|denied: [^\n]*|unauthorized: [^\n]*/i,
        headline: (m) => `The registry refused the credentials (${m[0].trim()}).`,
        advice: 'Check the login inputs (registry, username, password or registry-auth) and that the token may write to this repository (`packages: write` for ghcr.io).',
        transient: false,
    },
    {
        cause: 'registry',
        pattern: /:\s*(5\d\d)(?: [A-Za-z ]+)?$|\b(50[0-9]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/m,
        headline: (m) => `The registry failed with HTTP ${m[1] ?? m[2]}.`,
        advice: "The registry's side failed; re-run later, or check the registry's status page.",
        transient: true,
    },
    {
        cause: 'network',
        pattern: /connection refused|no such host|i\/o timeout|TLS handshake timeout|connection reset by peer|network is unreachable|broken pipe|unexpected EOF/i,
        headline: (m) => `The registry could not be reached (${m[0]}).`,
        advice: 'Check the registry host and port in `images`, and that the runner can reach it.',
        transient: true,
    },
];
/** The whole line of `output` that holds position `index`, without BuildKit's `#N 0.123` prefix or `ERROR: `. */
function lineAt(output, index) {
    const start = output.lastIndexOf('\n', index) + 1;
    const end = output.indexOf('\n', index);
    return output
        .slice(start, end < 0 ? undefined : end)
        .replace(/^#\d+(?: \d+\.\d+)? /, '')
        .replace(/^ERROR: /, '')
        .trim();
}
/** `Retry-After: 30` when a registry's message carries it. */
function retryAfter(output) {
    const m = /retry[- ]after:?\s*(\d+)\s*s?/i.exec(output);
    return m ? Number(m[1]) * 1000 : undefined;
}
function classifyBuildFailure(output, pushing) {
    for (const rule of RULES) {
        const m = rule.pattern.exec(output);
        if (!m)
            continue;
        return {
            cause: rule.cause,
            headline: rule.headline(m),
            advice: rule.advice,
            evidence: lineAt(output, m.index),
            transient: pushing && rule.transient,
            retryAfterMs: rule.cause === 'rate-limit' ? retryAfter(output) : undefined,
        };
    }
    const last = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('ERROR:'))
        .pop();
    return {
        cause: 'unknown',
        headline: 'docker buildx build failed.',
        advice: 'Read the Build group above for the cause.',
        evidence: last?.replace(/^ERROR: /, ''),
        transient: false,
    };
}
/** The error text: cause first, then what to do, then buildx's own line. */
function failureMessage(f, attempts) {
    // "… failed with HTTP 500 (after 3 attempts)." — the count inside the sentence
    const headline = attempts > 1 ? f.headline.replace(/\.?$/, ` (after ${attempts} attempts).`) : f.headline;
    return [headline, f.advice, ...(f.evidence ? [`buildx: ${f.evidence}`] : [])].join('\n');
}

;// CONCATENATED MODULE: ./src/docker/build.ts
// One `docker buildx build` from the plan's argv, streamed live in a collapsible group, retried when the registry
// fails transiently during the push (rate limits, 5xx, unreachable). A failure says its cause first
// (build-failure.ts) and carries what the log showed of the push, so the caller can tell the user which tags moved.







const realClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
/** Attempts in all, and the longest wait between two (a registry's Retry-After is honoured up to this). */
const MAX_ATTEMPTS = 3;
const MAX_WAIT_MS = 60_000;
/** The wait before attempt `next` (2, 3, …): what the registry asked, else 2 s, 4 s, … (rate limits: 5 s, 10 s, …). */
function retryWait(failure, next) {
    const base = failure.cause === 'rate-limit' ? 5_000 : 2_000;
    return Math.min(failure.retryAfterMs ?? base * 2 ** (next - 2), MAX_WAIT_MS);
}
/** A build that failed for good: why, and what the log showed of the push when it stopped. */
class BuildError extends Error {
    failure;
    attempts;
    exportedDigest;
    pushedRefs;
    constructor(failure, attempts, 
    /** the image BuildKit exported before the push failed (undefined when it never got that far) */
    exportedDigest, 
    /** references whose manifest push had started */
    pushedRefs) {
        super(failureMessage(failure, attempts));
        this.failure = failure;
        this.attempts = attempts;
        this.exportedDigest = exportedDigest;
        this.pushedRefs = pushedRefs;
        this.name = 'BuildError';
    }
}
function argvFor(req) {
    if (!req.builderOverride || req.build.argv.includes('--builder'))
        return req.build.argv;
    const [buildx, build, ...rest] = req.build.argv;
    return [buildx, build, '--builder', req.builderOverride, ...rest];
}
/**
 * The program that runs the build: the buildx plugin itself when there is one where the CLI looks (buildx-plugin.ts),
 * else the CLI. `docker buildx build` starts three programs — the CLI, the plugin for its metadata, the plugin for
 * the build — where the plugin alone does the same build: ~0.15 s less before the build starts on a 2-core runner
 * (scripts/bench-publish.mjs, scripts/trace-docker.mjs).
 */
function command(req, argv) {
    const plugin = argv[0] === 'buildx' ? findBuildxPlugin(req.dockerConfig) : undefined;
    return plugin ? [plugin, argv.slice(1)] : ['docker', argv];
}
/**
 * buildx asks git seven times before each build in a Git checkout (BUILDX_GIT_INFO) for the VCS facts of BuildKit's
 * provenance; with provenance off (`--provenance false`, this action's default) nothing reads them, and skipping git
 * saves ~0.07 s (scripts/bench-publish.mjs). BUILDX_GIT_LABELS, when the user sets it, still runs git for its labels.
 */
function buildxEnv(argv) {
    const i = argv.indexOf('--provenance');
    return i >= 0 && argv[i + 1] === 'false' ? { BUILDX_GIT_INFO: 'false' } : {};
}
function readJson(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function build_readText(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}
async function build(req, clock = realClock) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(req.build.metadataFile), { recursive: true });
    const [program, argv] = command(req, argvFor(req));
    const started = clock.now();
    for (let attempt = 1;; attempt++) {
        (0,external_node_fs_.rmSync)(req.build.metadataFile, { force: true });
        (0,external_node_fs_.rmSync)(req.build.iidFile, { force: true });
        const reader = buildLogReader();
        let running = false;
        runner/* log */.Rm.startGroup(attempt === 1 ? 'Build' : `Build (attempt ${attempt} of ${MAX_ATTEMPTS})`);
        const out = await (0,exec.run)(program, argv, {
            secrets: req.secrets,
            env: { ...buildxEnv(argv), ...req.build.env, DOCKER_CONFIG: req.dockerConfig },
            stream: true,
            onLine: (l) => {
                if (!running) {
                    running = true;
                    req.onStarted?.();
                }
                reader.line(l);
            },
        }).finally(() => runner/* log */.Rm.endGroup());
        if (out.code === 0) {
            const metadata = readJson(req.build.metadataFile);
            const digest = typeof metadata['containerimage.digest'] === 'string'
                ? metadata['containerimage.digest']
                : undefined;
            if (req.push && !digest) {
                throw new Error('The build pushed but buildx reported no image digest (containerimage.digest missing from the metadata file).');
            }
            return {
                digest: req.push ? digest : undefined,
                imageId: build_readText(req.build.iidFile) ?? metadata['containerimage.config.digest'],
                metadata,
                durationMs: clock.now() - started,
                steps: reader.steps(),
                attempts: attempt,
            };
        }
        const failure = classifyBuildFailure(`${out.stdout}\n${out.stderr}`, req.push);
        if (failure.transient && attempt < MAX_ATTEMPTS) {
            const wait = retryWait(failure, attempt + 1);
            runner/* log */.Rm.warning(`Attempt ${attempt} of ${MAX_ATTEMPTS} failed: ${failure.headline} Retrying in ${wait / 1000}s.` +
                (failure.evidence ? ` buildx: ${failure.evidence}` : ''));
            await clock.sleep(wait);
            continue;
        }
        throw new BuildError(failure, attempt, reader.exportedDigest(), reader.pushedRefs());
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/buildx/call-support.ts
// Whether the runner's buildx has `--call` (added in buildx 0.15.0). Asked once the effects know the buildx
// version; kept out of call.ts so reading the inputs does not load the SemVer parser.
// Mapping to buildx 0.13's experimental `--print` is not equivalent: it needs BUILDX_EXPERIMENTAL=1 (another
// build code path), has no `check` method and no `ignorestatus`, and exits 0 whatever the checks find.


const CALL_MIN_BUILDX = '0.15.0';
/**
 * Throws an InputError naming `call` and the buildx version needed when the runner's buildx (as `docker buildx
 * version` reports it, e.g. "0.13.1") predates `--call`. An unreadable version lets buildx decide.
 */
function checkCallSupported(call, buildxVersion) {
    if (call === undefined || call.name === 'build')
        return;
    const v = semver_default().coerce(buildxVersion);
    if (v && semver_default().lt(v, CALL_MIN_BUILDX)) {
        throw new errors/* InputError */.d('call', call.value, `a buildx with --call (buildx ≥ ${CALL_MIN_BUILDX}; this runner has buildx ${buildxVersion}): update buildx, e.g. with docker/setup-buildx-action, or remove call`);
    }
}

;// CONCATENATED MODULE: ./src/docker/save.ts
// The leg strategy for the docker driver on an engine with the classic image store, which can neither push by
// digest nor export an OCI archive: the image is loaded into the engine under a local name, written out with
// `docker save` (an OCI layout since Docker 25) and removed again; the registry client then pushes the layout
// by digest like any other.

async function saveImage(image, dest, dockerConfig) {
    const env = { DOCKER_CONFIG: dockerConfig };
    const saved = await (0,exec.run)('docker', ['save', '--output', dest, image], { secrets: [], env });
    // the local name was only a handle for `docker save`: never leave it in the engine
    await (0,exec.run)('docker', ['image', 'rm', image], { secrets: [], env });
    if (saved.code !== 0)
        throw new Error(`docker save ${image} failed: ${(0,exec.tail)(saved, 3)}`);
}

;// CONCATENATED MODULE: ./src/docker/effects.ts
// The Docker effects as one lazily imported chunk: a dry-run never loads them, a real run loads them once
// (one chunk instead of one per effect, so shared code such as exec.ts is bundled once).









/***/ }),

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
