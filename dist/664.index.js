export const id = 664;
export const ids = [664];
export const modules = {

/***/ 23664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  build: () => (/* reexport */ build),
  createDockerConfig: () => (/* reexport */ createDockerConfig),
  login: () => (/* reexport */ login),
  logout: () => (/* reexport */ logout),
  prepareBuilder: () => (/* reexport */ prepareBuilder),
  removeBuilder: () => (/* reexport */ removeBuilder),
  removeDockerConfig: () => (/* reexport */ removeDockerConfig),
  verifyPush: () => (/* reexport */ verifyPush)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/docker/config.ts
// An isolated DOCKER_CONFIG for this run: our credentials go into a config.json nobody else reads, and the post
// step deletes it. The user's CLI plugins, buildx builders and contexts stay visible through symlinks, so a
// buildx installed by setup-buildx-action under ~/.docker keeps working.



const SHARED_ENTRIES = ['cli-plugins', 'buildx', 'contexts'];
function dockerConfigDir(workDir) {
    return (0,external_node_path_.join)(workDir, 'docker-config');
}
function createDockerConfig(workDir, userConfigDir = process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker')) {
    const dir = dockerConfigDir(workDir);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), '{"auths":{}}\n', { mode: 0o600 });
    for (const entry of SHARED_ENTRIES) {
        const source = (0,external_node_path_.join)(userConfigDir, entry);
        const target = (0,external_node_path_.join)(dir, entry);
        if ((0,external_node_fs_.existsSync)(source) && !(0,external_node_fs_.existsSync)(target))
            (0,external_node_fs_.symlinkSync)(source, target);
    }
    return dir;
}
function removeDockerConfig(dir) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
;// CONCATENATED MODULE: ./src/exec.ts
// The one way this action starts a process: an argv array (never a shell), output redacted, optionally streamed.



/** Splits a byte stream into lines, handing each to `emit`; `flush` gives the last partial line. */
function lineSplitter(emit) {
    let pending = '';
    return {
        push(chunk) {
            pending += chunk.toString('utf8');
            const parts = pending.split('\n');
            pending = parts.pop() ?? '';
            for (const p of parts)
                emit(p);
        },
        flush() {
            if (pending)
                emit(pending);
            pending = '';
        },
    };
}
async function run(command, args, opts) {
    const out = [];
    const err = [];
    const handle = (sink) => (raw) => {
        const line = (0,redact/* redact */.E)(raw, opts.secrets);
        sink.push(line);
        if (opts.stream)
            (0,runner/* writeOut */.sD)(`${line}\n`);
        opts.onLine?.(line);
    };
    const stdout = lineSplitter(handle(out));
    const stderr = lineSplitter(handle(err));
    if (opts.stream)
        (0,runner/* writeOut */.sD)(`[command]${command} ${(0,redact/* redact */.E)(args.join(' '), opts.secrets)}\n`);
    const env = opts.env ? { ...process.env, ...opts.env } : undefined;
    let code;
    try {
        code = await (0,exec/* exec */.m)(command, [...args], {
            silent: true,
            ignoreReturnCode: true,
            input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
            env,
            listeners: { stdout: (b) => stdout.push(b), stderr: (b) => stderr.push(b) },
        });
    }
    catch (e) {
        // Spawn failures (command not found) carry no secrets, but redact anyway: the message echoes argv.
        throw new Error((0,redact/* redact */.E)(`Could not run ${command}: ${e.message}`, opts.secrets));
    }
    stdout.flush();
    stderr.flush();
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

;// CONCATENATED MODULE: ./src/docker/login.ts
// docker login with the password on stdin, into the run's isolated DOCKER_CONFIG.


async function login(logins, dockerConfig, secrets) {
    for (const l of logins) {
        runner/* log */.Rm.info(`Logging in to ${l.registry} as ${l.username} (${l.source})`);
        const out = await run('docker', ['login', '--username', l.username, '--password-stdin', l.registry], {
            secrets,
            input: l.password,
            env: { DOCKER_CONFIG: dockerConfig },
        });
        if (out.code !== 0) {
            throw new Error(`Login to ${l.registry} as ${l.username} failed: ${tail(out, 3)}\n` +
                'Check the username and password (or registry-auth) inputs and that the registry is reachable.');
        }
    }
}
async function logout(registries, dockerConfig) {
    for (const registry of registries) {
        const out = await run('docker', ['logout', registry], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
        runner/* log */.Rm.info(out.code === 0 ? `Logged out of ${registry}` : `Logout of ${registry}: ${tail(out, 1)}`);
    }
}

// EXTERNAL MODULE: ./src/platform.ts
var platform = __webpack_require__(23728);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/docker/builder-facts.ts
// Pure readings of `docker buildx version`, `docker buildx inspect` and `docker info`, and the decisions made
// from them. Kept apart from the effects so the decisions are unit-tested without an engine.

/** "github.com/docker/buildx 0.13.1+ds1 ..." or "github.com/docker/buildx v0.21.1 abc" → "0.13.1" */
function parseBuildxVersion(text) {
    const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
    return m ? m[1] : 'unknown';
}
function parseInspect(text) {
    const field = (re) => re.exec(text)?.[1]?.trim() ?? '';
    const platforms = field(/^Platforms:\s*(.*)$/m)
        .split(',')
        .map((p) => p.trim().replace(/\*$/, ''))
        .filter(Boolean);
    return {
        name: field(/^Name:\s*(.*)$/m),
        driver: field(/^Driver:\s*(.*)$/m),
        buildkitVersion: field(/^Build[kK]it(?: version)?:\s*(.*)$/m) || 'unknown',
        platforms,
    };
}
/** `docker info --format '{{json .DriverStatus}}'` lists ["driver-type","io.containerd.snapshotter.v1"] with the containerd store. */
function usesContainerdStore(driverStatusJson) {
    try {
        const rows = JSON.parse(driverStatusJson);
        return !!rows?.some(([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'));
    }
    catch {
        return false;
    }
}
/**
 * The `docker` driver without the containerd image store can neither build several platforms into one image nor
 * export a cache; every other driver can.
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
/** GitHub's runners offer only cache v2; buildx forwards it from 0.21 (BuildKit ≥ 0.20). */
function cacheV2Unsupported(buildxVersion) {
    const v = semver_default().coerce(buildxVersion);
    return !v || semver_default().lt(v, '0.21.0');
}
/** Requested platforms the builder does not list (each needs QEMU). */
function missingPlatforms(requested, offered) {
    const have = new Set(offered);
    return requested.filter((p) => !have.has(p) && !have.has(p.split('/').slice(0, 2).join('/')));
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
// Choose the buildx builder: the selected one when it can do what the plan needs, else a docker-container
// builder created for this run (removed in post). QEMU is registered only for platforms the builder lacks.





async function docker(args, dockerConfig, what) {
    const out = await run('docker', args, { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    if (out.code !== 0)
        throw new Error(`${what} failed (docker ${args.join(' ')}): ${tail(out, 4)}`);
    return out.stdout;
}
async function inspect(name, dockerConfig) {
    const args = ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])];
    return parseInspect(await docker(args, dockerConfig, 'Inspecting the buildx builder'));
}
async function registerQemu(platforms, dockerConfig, warnings) {
    for (const p of platforms) {
        const arch = (0,platform/* qemuArch */.TT)((0,platform/* parsePlatform */.FL)('platforms', p));
        if ((0,external_node_fs_.existsSync)(`/proc/sys/fs/binfmt_misc/qemu-${arch}`))
            continue;
        runner/* log */.Rm.info(`Registering QEMU for ${p} (qemu-${arch})`);
        // The same registration docker/setup-qemu-action performs.
        const out = await run('docker', ['run', '--rm', '--privileged', '--network', 'none', 'tonistiigi/binfmt:latest', '--install', arch], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
        if (out.code !== 0)
            warnings.push(`QEMU registration for ${p} failed: ${tail(out, 2)}`);
    }
}
async function prepareBuilder(req, warnings) {
    // Three independent questions to the engine, asked at once: each docker CLI start costs ~50 ms.
    const [versionText, initialFacts, driverStatus] = await Promise.all([
        docker(['buildx', 'version'], req.dockerConfig, 'buildx'),
        inspect(req.builder, req.dockerConfig),
        docker(['info', '--format', '{{json .DriverStatus}}'], req.dockerConfig, 'docker info'),
    ]);
    const buildxVersion = parseBuildxVersion(versionText);
    let facts = initialFacts;
    let created = false;
    const containerd = facts.driver === 'docker' && usesContainerdStore(driverStatus);
    const can = builderCanDo(facts.driver, containerd, req.needs);
    if (!can.ok) {
        if (req.builder)
            throw new Error(`The builder "${req.builder}" cannot do this build: ${can.why}. Choose another builder or leave builder empty.`);
        runner/* log */.Rm.info(`Creating a docker-container builder: ${can.why}`);
        const opts = req.driverOpts.some((o) => o.startsWith('network='))
            ? req.driverOpts
            : ['network=host', ...req.driverOpts];
        await docker([
            'buildx',
            'create',
            '--name',
            req.createName,
            '--driver',
            'docker-container',
            ...opts.flatMap((o) => ['--driver-opt', o]),
        ], req.dockerConfig, 'Creating a buildx builder');
        req.onCreated(req.createName);
        created = true;
        facts = await inspect(req.createName, req.dockerConfig);
    }
    const missing = missingPlatforms(req.platforms, facts.platforms);
    if (missing.length) {
        await registerQemu(missing, req.dockerConfig, warnings);
        facts = await inspect(facts.name || req.builder, req.dockerConfig);
    }
    runner/* log */.Rm.info(`Builder ${facts.name} (driver ${facts.driver}${containerd ? ', containerd image store' : ''}): buildx ${buildxVersion}, BuildKit ${facts.buildkitVersion}`);
    if (req.cacheV2 && cacheV2Unsupported(buildxVersion)) {
        warnings.push(`This runtime offers only the GitHub cache service v2, which buildx ${buildxVersion} cannot use (needs buildx ≥ 0.21 and BuildKit ≥ 0.20): the build runs without the GitHub cache.`);
    }
    return { name: facts.name, driver: facts.driver, buildxVersion, buildkitVersion: facts.buildkitVersion, created };
}
async function removeBuilder(name, dockerConfig) {
    const out = await run('docker', ['buildx', 'rm', name], { secrets: [], env: { DOCKER_CONFIG: dockerConfig } });
    runner/* log */.Rm.info(out.code === 0 ? `Removed builder ${name}` : `Removing builder ${name}: ${tail(out, 1)}`);
}

;// CONCATENATED MODULE: ./src/docker/build-log.ts
/** `#7 [linux/arm64 stage 2/3] RUN ...`, `#5 [2/3] COPY ...`: Dockerfile steps; `[internal]`/`[auth]` are not. */
const STEP = /^#(\d+) \[(?!internal\]|auth\])[^\]]*\b\d+\/\d+\] /;
const CACHED = /^#(\d+) CACHED\s*$/;
const CACHE_IMPORT = /importing cache manifest from /;
function buildLogReader() {
    const steps = new Set();
    const cached = new Set();
    let imported = false;
    return {
        line(text) {
            const s = STEP.exec(text);
            if (s)
                steps.add(s[1]);
            const c = CACHED.exec(text);
            if (c)
                cached.add(c[1]);
            if (CACHE_IMPORT.test(text))
                imported = true;
        },
        steps: () => ({ total: steps.size, cached: [...cached].filter((n) => steps.has(n)).length }),
        cacheImported: () => imported,
    };
}
const BUILD_FAILURE = /did not complete successfully|failed to solve: .*(dockerfile|failed to compute cache key|not found)|failed to read dockerfile|dockerfile parse error/i;
const REGISTRY_TRANSIENT = /(unexpected status(?: from \w+ request)?[^\n]*: 5\d\d|\b50[0-9] (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|connection reset by peer|connection refused|i\/o timeout|TLS handshake timeout|unexpected EOF|broken pipe)/i;
/** A failed build is retried only when the registry failed transiently and nothing in the build itself failed. */
function isTransientRegistryFailure(output) {
    return REGISTRY_TRANSIENT.test(output) && !BUILD_FAILURE.test(output);
}

;// CONCATENATED MODULE: ./src/docker/build.ts
// One `docker buildx build` from the plan's argv, streamed live in a collapsible group, retried with backoff
// when the registry fails transiently during the push.





function argvFor(req) {
    if (!req.builderOverride || req.build.builder)
        return req.build.argv;
    const [buildx, build, ...rest] = req.build.argv;
    return [buildx, build, '--builder', req.builderOverride, ...rest];
}
function readJson(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function readText(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function build(req) {
    const maxAttempts = req.maxAttempts ?? 3;
    const backoff = req.backoffMs ?? ((n) => 2000 * 2 ** (n - 2));
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(req.build.metadataFile), { recursive: true });
    const argv = argvFor(req);
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        (0,external_node_fs_.rmSync)(req.build.metadataFile, { force: true });
        (0,external_node_fs_.rmSync)(req.build.iidFile, { force: true });
        const reader = buildLogReader();
        runner/* log */.Rm.startGroup(attempt === 1 ? 'Build' : `Build (attempt ${attempt} of ${maxAttempts})`);
        const out = await run('docker', argv, {
            secrets: req.secrets,
            env: { ...req.build.env, DOCKER_CONFIG: req.dockerConfig },
            stream: true,
            onLine: (l) => reader.line(l),
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
                imageId: readText(req.build.iidFile) ?? metadata['containerimage.config.digest'],
                metadata,
                durationMs: Date.now() - started,
                steps: reader.steps(),
                cacheImported: reader.cacheImported(),
                attempts: attempt,
            };
        }
        const output = `${out.stdout}\n${out.stderr}`;
        const transient = req.push && isTransientRegistryFailure(output);
        if (transient && attempt < maxAttempts) {
            const wait = backoff(attempt + 1);
            runner/* log */.Rm.warning(`Attempt ${attempt} of ${maxAttempts} failed talking to the registry; retrying in ${wait / 1000}s: ${tail(out, 1)}`);
            await sleep(wait);
            continue;
        }
        if (transient) {
            throw new Error(`The registry kept failing: the push failed ${attempt} times. Last error: ${tail(out, 3)}`);
        }
        throw new Error(`docker buildx build failed (exit ${out.code}):\n${tail(out, 12)}`);
    }
}

// EXTERNAL MODULE: ./src/registry/identity.ts
var identity = __webpack_require__(40585);
// EXTERNAL MODULE: ./src/registry/image-ref.ts
var image_ref = __webpack_require__(18230);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/registry/client.ts
// A minimal OCI distribution client: enough to read a pushed manifest back (verification) with the credentials
// this action logged in with. Handles the two auth schemes registries use: Basic (htpasswd registries) and the
// Bearer token challenge (ghcr.io, Docker Hub).


const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
function basic(c) {
    return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}
/** `Bearer realm="…",service="…",scope="…"` → its parameters. */
function parseChallenge(header) {
    const [scheme, ...rest] = header.split(' ');
    const params = {};
    for (const m of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g))
        params[m[1]] = m[2];
    return { scheme: scheme.toLowerCase(), params };
}
class RegistryClient {
    registry;
    credential;
    authorization;
    constructor(registry, credential) {
        this.registry = registry;
        this.credential = credential;
    }
    async authorize(challenge, scope) {
        const { scheme, params } = parseChallenge(challenge);
        if (scheme === 'basic') {
            if (!this.credential)
                throw new Error(`${this.registry} asks for credentials and none were given`);
            this.authorization = basic(this.credential);
            return;
        }
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', params.scope ?? scope);
        const res = await fetch(url, {
            headers: this.credential ? { authorization: basic(this.credential) } : {},
            signal: AbortSignal.timeout(30_000),
        });
        if (!res.ok)
            throw new Error(`token request to ${url.host} failed: HTTP ${res.status}`);
        const body = (await res.json());
        this.authorization = `Bearer ${body.token ?? body.access_token}`;
    }
    async get(path, repository, accept) {
        const url = `${(0,identity/* registryApiBase */.vO)(this.registry)}/v2/${path}`;
        const attempt = () => fetch(url, {
            headers: { accept: accept.join(', '), ...(this.authorization ? { authorization: this.authorization } : {}) },
            signal: AbortSignal.timeout(30_000),
        });
        let res = await attempt();
        const challenge = res.headers.get('www-authenticate');
        if (res.status === 401 && challenge) {
            await this.authorize(challenge, `repository:${repository}:pull`);
            res = await attempt();
        }
        return res;
    }
    /** The manifest a tag or digest points at, with its digest computed from the bytes served. */
    async manifest(ref) {
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const res = await this.get(`${ref.repository}/manifests/${reference}`, ref.repository, MANIFEST_TYPES);
        if (!res.ok)
            throw new Error(`GET manifest ${ref.registry}/${ref.repository}:${reference}: HTTP ${res.status}`);
        const bytes = Buffer.from(await res.arrayBuffer());
        const body = JSON.parse(bytes.toString('utf8'));
        return {
            digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`,
            mediaType: body.mediaType ?? res.headers.get('content-type') ?? '',
            body,
        };
    }
    async blobJson(repository, digest) {
        const res = await this.get(`${repository}/blobs/${digest}`, repository, ['*/*']);
        if (!res.ok)
            throw new Error(`GET blob ${repository}@${digest}: HTTP ${res.status}`);
        return (await res.json());
    }
}

;// CONCATENATED MODULE: ./src/docker/verify.ts
// After a push, read every pushed tag back from the registry: it must resolve to the digest buildx reported, and
// an index must list every requested platform. Anything else fails the step.



/** Platforms of an index, without BuildKit's attestation manifests (unknown/unknown). */
function indexPlatforms(body) {
    const manifests = body.manifests ?? [];
    return manifests
        .map((m) => m.platform)
        .filter((p) => !!p && p.os !== 'unknown')
        .map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'));
}
async function verifyPush(tags, digest, platforms, logins) {
    const clients = new Map();
    const verified = { tags: [], platforms: [] };
    const problems = [];
    for (const tag of tags) {
        const ref = (0,image_ref/* parseImageRef */.Q)(tag);
        let client = clients.get(ref.registry);
        if (!client) {
            const login = (0,identity/* credentialFor */.FX)(ref.registry, logins);
            client = new RegistryClient(ref.registry, login && { username: login.username, password: login.password });
            clients.set(ref.registry, client);
        }
        const manifest = await client.manifest(ref);
        verified.tags.push({ ref: tag, digest: manifest.digest });
        if (manifest.digest !== digest)
            problems.push(`${tag} resolves to ${manifest.digest}, not the pushed ${digest}`);
        const listed = Array.isArray(manifest.body.manifests) ? indexPlatforms(manifest.body) : [];
        if (verified.platforms.length === 0)
            verified.platforms = listed;
        const missing = platforms.filter((p) => !listed.includes(p) && !(platforms.length === 1 && listed.length === 0));
        if (missing.length)
            problems.push(`${tag} lacks platform(s) ${missing.join(', ')} (index lists ${listed.join(', ') || 'none'})`);
    }
    if (problems.length)
        throw new Error(`The registry does not hold what was pushed:\n- ${problems.join('\n- ')}`);
    return verified;
}

;// CONCATENATED MODULE: ./src/docker/effects.ts
// The Docker effects as one lazily imported chunk: a dry-run never loads them, a real run loads them once
// (one chunk instead of one per effect, so shared code such as exec.ts is bundled once).







/***/ })

};
