export const id = 151;
export const ids = [151,661];
export const modules = {

/***/ 37206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry)
/* harmony export */ });
/** Docker's rule: the first component is a registry host when it has a dot or a port, or is localhost. */
function parseImageRef(ref) {
    let rest = ref;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        return { registry: first, repository: rest.slice(slash + 1), tag, digest };
    }
    const repository = rest.includes('/') ? rest : `library/${rest}`;
    return { registry: 'docker.io', repository, tag, digest };
}
function registryOf(image) {
    return parseImageRef(image).registry;
}
/** Registries on this machine speak plain http; everything else https. */
function isLoopbackRegistry(registry) {
    return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(registry);
}


/***/ }),

/***/ 3151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/context.ts
// GITHUB_* env + the event payload (+ repository metadata from the payload, else the REST API) → a typed Context.
// This is the read side: it may do I/O. The plan only ever sees the Context.


function readPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (e) {
        throw new Error(`Could not read the event payload at GITHUB_EVENT_PATH=${path}: ${e.message}`);
    }
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** Repository metadata from a payload's `repository` or a REST `GET /repos/{owner}/{repo}` body. */
function repoMetadataFrom(r) {
    const name = str(r.name);
    if (!name)
        return undefined;
    const license = r.license;
    return {
        name,
        description: str(r.description),
        htmlUrl: str(r.html_url),
        license: str(license?.spdx_id) === 'NOASSERTION' ? undefined : str(license?.spdx_id),
        defaultBranch: str(r.default_branch) ?? str(r.master_branch),
    };
}
/** Event payloads carry the repository with default_branch and html_url; the REST API is the fallback. */
async function readRepoMetadata(env, payload, repository, apiUrl, warnings) {
    const name = repository.split('/')[1] ?? repository;
    const fromPayload = payload.repository ? repoMetadataFrom(payload.repository) : undefined;
    if (fromPayload?.defaultBranch && fromPayload.htmlUrl)
        return fromPayload;
    const token = env['INPUT_GITHUB-TOKEN']?.trim();
    try {
        const res = await fetch(`${apiUrl}/repos/${repository}`, {
            headers: {
                accept: 'application/vnd.github+json',
                'user-agent': 'publish-image',
                ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok)
            throw new Error(`HTTP ${res.status}`);
        const meta = repoMetadataFrom((await res.json()));
        if (meta)
            return meta;
        throw new Error('response has no repository name');
    }
    catch (e) {
        warnings.push(`Repository metadata for ${repository} is unavailable (${e.message}); ` +
            'the description, url and license labels are left out.');
        return fromPayload ?? { name };
    }
}
function settings(env) {
    const len = Number.parseInt(env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '', 10);
    return {
        prHeadSha: /^true$/i.test(env.DOCKER_METADATA_PR_HEAD_SHA ?? ''),
        shortShaLength: Number.isFinite(len) && len > 0 ? len : 7,
        annotationLevels: (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? 'manifest')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    };
}
/** One clock for the whole run: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
function runClock(env, fallback = () => new Date()) {
    const epoch = env.SOURCE_DATE_EPOCH;
    if (epoch && /^\d+$/.test(epoch))
        return new Date(Number(epoch) * 1000);
    return fallback();
}
function cacheService(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return { kind: 'none' };
    if (env.ACTIONS_CACHE_SERVICE_V2 && env.ACTIONS_RESULTS_URL)
        return { kind: 'v2', url: env.ACTIONS_RESULTS_URL };
    if (env.ACTIONS_CACHE_URL)
        return { kind: 'v1', url: env.ACTIONS_CACHE_URL };
    if (env.ACTIONS_RESULTS_URL)
        return { kind: 'v2', url: env.ACTIONS_RESULTS_URL };
    return { kind: 'none' };
}
function pullRequest(payload, eventName) {
    const pr = payload.pull_request;
    if (!pr || !eventName.startsWith('pull_request'))
        return undefined;
    const headRepo = pr.head?.repo?.full_name;
    const baseRepo = pr.base?.repo?.full_name;
    return {
        number: pr.number ?? 0,
        headRepo,
        baseRepo,
        fork: !!headRepo && !!baseRepo && headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    };
}
async function readContext(env) {
    const payload = readPayload(env);
    const repository = env.GITHUB_REPOSITORY ?? '';
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const warnings = [];
    const now = runClock(env);
    const headCommitTs = payload.head_commit?.timestamp;
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        eventName,
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        payload,
        repo: await readRepoMetadata(env, payload, repository, apiUrl, warnings),
        now,
        commitDate: headCommitTs ? new Date(headCommitTs) : now,
        settings: settings(env),
        actor: env.GITHUB_ACTOR ?? '',
        repository,
        owner: repository.split('/')[0] ?? '',
        serverUrl,
        apiUrl,
        runId,
        runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`,
        workflowRef: env.GITHUB_WORKFLOW_REF,
        pr: pullRequest(payload, eventName),
        runtime: {
            act: env.ACT === 'true',
            oidc: !!(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
            cache: cacheService(env),
            runnerTemp: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
        },
        warnings,
    };
}

// EXTERNAL MODULE: ./src/meta/types.ts
var types = __webpack_require__(25928);
// EXTERNAL MODULE: ./src/platform.ts
var platform = __webpack_require__(23728);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
;// CONCATENATED MODULE: ./src/inputs.ts
// INPUT_* → typed, validated Inputs. Names and list syntax follow docker/metadata-action, docker/login-action and
// docker/build-push-action so a workflow migrates by deleting steps. Every malformed value throws one InputError
// naming the input, the value and the expected form. Secrets are registered with the runner's masker here, the
// moment they are read, so nothing printed later can leak them.



const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
/** YAML 1.2 core-schema booleans, as the runner's getBooleanInput accepts them. */
function parseBool(input, value) {
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new types/* InputError */.d(input, value, 'true or false');
}
function optionalBool(env, name) {
    const v = (0,runner/* getInput */.V4)(env, name);
    return v === '' ? undefined : parseBool(name, v);
}
function bool(env, name, fallback) {
    return optionalBool(env, name) ?? fallback;
}
function optional(env, name) {
    return (0,runner/* getInput */.V4)(env, name) || undefined;
}
/** One item a line; `#` comment lines and blank lines dropped (metadata-action's ignoreComma lists). */
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
/** Items separated by newlines or commas (build-push-action's platforms). */
function items(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** Separators are taken untrimmed (a "," or " " is meaningful); empty means newline, as metadata-action does. */
function separator(env, name) {
    return env[(0,runner/* inputEnvName */.d_)(name)] || '\n';
}
function keyValueLines(input, value, expected) {
    const out = lines(value);
    for (const l of out) {
        if (!/^[^=\s][^=]*=/.test(l))
            throw new types/* InputError */.d(input, l, expected);
    }
    return out;
}
function parseSecrets(value) {
    return lines(value).map((line) => {
        const eq = line.indexOf('=');
        const id = eq > 0 ? line.slice(0, eq).trim() : '';
        // The message must never echo the value: show only the id part.
        if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
            throw new types/* InputError */.d('secrets', eq > 0 ? `${id}=***` : '***', 'one ID=value per line, ID made of letters, digits, . _ -');
        }
        const secret = line.slice(eq + 1);
        (0,runner/* setSecret */.Pq)(secret);
        return { id, value: secret };
    });
}
async function parseRegistryAuth(value) {
    if (!value.trim())
        return [];
    const expected = 'a YAML list of {registry, username, password} entries';
    // yaml is loaded only when this input is used.
    const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    let doc;
    try {
        doc = parse(value);
    }
    catch {
        throw new types/* InputError */.d('registry-auth', '(unparseable YAML)', expected);
    }
    if (!Array.isArray(doc))
        throw new types/* InputError */.d('registry-auth', '(not a list)', expected);
    return doc.map((entry, i) => {
        const e = entry;
        const registry = typeof e?.registry === 'string' ? e.registry.trim() : '';
        const username = typeof e?.username === 'string' ? e.username : '';
        const password = typeof e?.password === 'string' ? e.password : '';
        (0,runner/* setSecret */.Pq)(password);
        if (!registry || !username || !password) {
            throw new types/* InputError */.d('registry-auth', `entry ${i + 1} (registry ${registry || 'missing'})`, expected);
        }
        checkRegistryHost('registry-auth', registry);
        return { registry, username, password };
    });
}
function checkRegistryHost(input, value) {
    if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?$/i.test(value)) {
        throw new types/* InputError */.d(input, value, 'a registry host such as ghcr.io, docker.io or 127.0.0.1:5000');
    }
}
function parseAttest(value) {
    if (value === '' || value === 'auto')
        return 'auto';
    return parseBool('attest', value) ? 'on' : 'off';
}
function parseNetwork(value) {
    if (value === undefined)
        return undefined;
    if (value === 'default' || value === 'host' || value === 'none')
        return value;
    throw new types/* InputError */.d('network', value, 'default, host or none');
}
function parseUsagePort(value) {
    if (value !== undefined && !/^\d{1,5}(:\d{1,5})?$/.test(value)) {
        throw new types/* InputError */.d('usage-port', value, 'a port mapping such as 5000:5000 or 8080');
    }
    return value;
}
async function readInputs(env) {
    const password = optional(env, 'password');
    const githubToken = (0,runner/* getInput */.V4)(env, 'github-token');
    (0,runner/* setSecret */.Pq)(password ?? '');
    (0,runner/* setSecret */.Pq)(githubToken);
    const registry = optional(env, 'registry');
    if (registry)
        checkRegistryHost('registry', registry);
    const usageService = optional(env, 'usage-service');
    if (usageService !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(usageService)) {
        throw new types/* InputError */.d('usage-service', usageService, 'a docker-compose service name such as mlflow-web');
    }
    return {
        meta: {
            images: lines((0,runner/* getInput */.V4)(env, 'images')),
            tags: lines((0,runner/* getInput */.V4)(env, 'tags')),
            flavor: lines((0,runner/* getInput */.V4)(env, 'flavor')),
            labels: lines((0,runner/* getInput */.V4)(env, 'labels')),
            annotations: lines((0,runner/* getInput */.V4)(env, 'annotations')),
        },
        sepTags: separator(env, 'sep-tags'),
        sepLabels: separator(env, 'sep-labels'),
        sepAnnotations: separator(env, 'sep-annotations'),
        registry,
        username: optional(env, 'username'),
        password,
        registryAuth: await parseRegistryAuth((0,runner/* getInput */.V4)(env, 'registry-auth')),
        logout: bool(env, 'logout', true),
        context: (0,runner/* getInput */.V4)(env, 'context') || '.',
        file: optional(env, 'file'),
        platforms: items((0,runner/* getInput */.V4)(env, 'platforms')).map((p) => (0,platform/* parsePlatform */.FL)('platforms', p)),
        push: optionalBool(env, 'push'),
        load: bool(env, 'load', false),
        buildArgs: keyValueLines('build-args', (0,runner/* getInput */.V4)(env, 'build-args'), 'one NAME=value per line'),
        secrets: parseSecrets((0,runner/* getInput */.V4)(env, 'secrets')),
        target: optional(env, 'target'),
        network: parseNetwork(optional(env, 'network')),
        cacheFrom: lines((0,runner/* getInput */.V4)(env, 'cache-from')),
        cacheTo: lines((0,runner/* getInput */.V4)(env, 'cache-to')),
        noCache: bool(env, 'no-cache', false),
        pull: bool(env, 'pull', false),
        provenance: optional(env, 'provenance'),
        sbom: optional(env, 'sbom'),
        outputs: lines((0,runner/* getInput */.V4)(env, 'outputs')),
        builder: optional(env, 'builder'),
        attest: parseAttest((0,runner/* getInput */.V4)(env, 'attest')),
        pushToRegistry: bool(env, 'push-to-registry', true),
        githubToken,
        dryRun: bool(env, 'dry-run', false),
        summary: bool(env, 'summary', true),
        usageService,
        usagePort: parseUsagePort(optional(env, 'usage-port')),
    };
}

// EXTERNAL MODULE: ./src/image-ref.ts
var image_ref = __webpack_require__(37206);
;// CONCATENATED MODULE: ./src/meta/dateformat.ts
// moment.js format tokens (as metadata-action's `{{date}}` uses moment-timezone), rendered with Intl for the
// time zone: no date library to load at start-up. English names, like moment's default locale.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;
/** moment's default format (`moment().format()`). */
const DEFAULT_DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
const formatters = new Map();
/** Throws a RangeError for an unknown IANA time zone. */
function formatterFor(tz) {
    let f = formatters.get(tz);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: tz,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            era: 'short',
        });
        formatters.set(tz, f);
    }
    return f;
}
function isValidTimeZone(tz) {
    try {
        formatterFor(tz);
        return true;
    }
    catch {
        return false;
    }
}
function toWall(date, tz) {
    const parts = {};
    for (const p of formatterFor(tz).formatToParts(date))
        parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B')
        year = 1 - year;
    const wallMs = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second), date.getUTCMilliseconds());
    const wall = new Date(wallMs);
    if (year >= 0 && year < 100)
        wall.setUTCFullYear(year);
    return { wall, offset: Math.round((wall.getTime() - date.getTime()) / 60_000), instant: date, tz };
}
const pad = (n, width) => {
    const s = String(Math.abs(Math.trunc(n))).padStart(width, '0');
    return n < 0 ? `-${s}` : s;
};
function ordinal(n) {
    const b = n % 10;
    const suffix = Math.floor((n % 100) / 10) === 1 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
}
function offsetString(minutes, sep) {
    const sign = minutes < 0 ? '-' : '+';
    const m = Math.abs(minutes);
    return `${sign}${pad(Math.floor(m / 60), 2)}${sep}${pad(m % 60, 2)}`;
}
function dayOfYear(d) {
    return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}
/** Week and week-year, weeks starting on `dow` (0 = Sunday), week 1 containing Jan `7 - doy + dow`... as moment. */
function weekOfYear(d, dow, doy) {
    // moment's algorithm: the first week is the one containing Jan (7 + dow - doy).
    const weekOffset = (year) => {
        const fwd = 7 + dow - doy;
        const fwdlw = (7 + new Date(Date.UTC(year, 0, fwd)).getUTCDay() - dow) % 7;
        return -fwdlw + fwd - 1;
    };
    const weeksInYear = (year) => {
        const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
        return (daysInYear - weekOffset(year) + weekOffset(year + 1)) / 7;
    };
    const year = d.getUTCFullYear();
    const week = Math.floor((dayOfYear(d) - weekOffset(year) - 1) / 7) + 1;
    if (week < 1)
        return { week: week + weeksInYear(year - 1), year: year - 1 };
    if (week > weeksInYear(year))
        return { week: week - weeksInYear(year), year: year + 1 };
    return { week, year };
}
function zoneAbbreviation(w) {
    if (/^(utc|etc\/utc|gmt|etc\/gmt|z|zulu|universal)$/i.test(w.tz))
        return 'UTC';
    const part = new Intl.DateTimeFormat('en-US', { timeZone: w.tz, timeZoneName: 'short' })
        .formatToParts(w.instant)
        .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
}
const TOKENS = {
    YYYYYY: (w) => (w.wall.getUTCFullYear() < 0 ? '-' : '+') + pad(Math.abs(w.wall.getUTCFullYear()), 6),
    YYYYY: (w) => pad(w.wall.getUTCFullYear(), 5),
    YYYY: (w) => (w.wall.getUTCFullYear() <= 9999 ? pad(w.wall.getUTCFullYear(), 4) : `+${w.wall.getUTCFullYear()}`),
    YY: (w) => pad(w.wall.getUTCFullYear() % 100, 2),
    Y: (w) => String(w.wall.getUTCFullYear()),
    Qo: (w) => ordinal(Math.floor(w.wall.getUTCMonth() / 3) + 1),
    Q: (w) => String(Math.floor(w.wall.getUTCMonth() / 3) + 1),
    MMMM: (w) => MONTHS[w.wall.getUTCMonth()],
    MMM: (w) => MONTHS[w.wall.getUTCMonth()].slice(0, 3),
    MM: (w) => pad(w.wall.getUTCMonth() + 1, 2),
    Mo: (w) => ordinal(w.wall.getUTCMonth() + 1),
    M: (w) => String(w.wall.getUTCMonth() + 1),
    DDDD: (w) => pad(dayOfYear(w.wall), 3),
    DDDo: (w) => ordinal(dayOfYear(w.wall)),
    DDD: (w) => String(dayOfYear(w.wall)),
    DD: (w) => pad(w.wall.getUTCDate(), 2),
    Do: (w) => ordinal(w.wall.getUTCDate()),
    D: (w) => String(w.wall.getUTCDate()),
    dddd: (w) => DAYS[w.wall.getUTCDay()],
    ddd: (w) => DAYS[w.wall.getUTCDay()].slice(0, 3),
    dd: (w) => DAYS[w.wall.getUTCDay()].slice(0, 2),
    do: (w) => ordinal(w.wall.getUTCDay()),
    d: (w) => String(w.wall.getUTCDay()),
    e: (w) => String(w.wall.getUTCDay()),
    E: (w) => String(w.wall.getUTCDay() || 7),
    wo: (w) => ordinal(weekOfYear(w.wall, 0, 6).week),
    ww: (w) => pad(weekOfYear(w.wall, 0, 6).week, 2),
    w: (w) => String(weekOfYear(w.wall, 0, 6).week),
    Wo: (w) => ordinal(weekOfYear(w.wall, 1, 4).week),
    WW: (w) => pad(weekOfYear(w.wall, 1, 4).week, 2),
    W: (w) => String(weekOfYear(w.wall, 1, 4).week),
    gggg: (w) => pad(weekOfYear(w.wall, 0, 6).year, 4),
    gg: (w) => pad(weekOfYear(w.wall, 0, 6).year % 100, 2),
    GGGG: (w) => pad(weekOfYear(w.wall, 1, 4).year, 4),
    GG: (w) => pad(weekOfYear(w.wall, 1, 4).year % 100, 2),
    HH: (w) => pad(w.wall.getUTCHours(), 2),
    H: (w) => String(w.wall.getUTCHours()),
    hh: (w) => pad(w.wall.getUTCHours() % 12 || 12, 2),
    h: (w) => String(w.wall.getUTCHours() % 12 || 12),
    kk: (w) => pad(w.wall.getUTCHours() || 24, 2),
    k: (w) => String(w.wall.getUTCHours() || 24),
    mm: (w) => pad(w.wall.getUTCMinutes(), 2),
    m: (w) => String(w.wall.getUTCMinutes()),
    ss: (w) => pad(w.wall.getUTCSeconds(), 2),
    s: (w) => String(w.wall.getUTCSeconds()),
    A: (w) => (w.wall.getUTCHours() < 12 ? 'AM' : 'PM'),
    a: (w) => (w.wall.getUTCHours() < 12 ? 'am' : 'pm'),
    ZZ: (w) => offsetString(w.offset, ''),
    Z: (w) => offsetString(w.offset, ':'),
    zz: zoneAbbreviation,
    z: zoneAbbreviation,
    X: (w) => String(Math.floor(w.instant.getTime() / 1000)),
    x: (w) => String(w.instant.getTime()),
};
// Longest first, as moment's tokenizer; `[...]` is literal text; `S{1,9}` are fractional seconds.
const TOKEN_RE = new RegExp(`\\[[^\\[]*\\]|S{1,9}|${Object.keys(TOKENS)
    .sort((a, b) => b.length - a.length)
    .join('|')}|[\\s\\S]`, 'g');
/** Format `date` in time zone `tz` with a moment.js format string. Throws RangeError for an unknown zone. */
function formatDate(date, format, tz = 'UTC') {
    const w = toWall(date, tz);
    return format.replace(TOKEN_RE, (tok) => {
        if (tok.startsWith('[') && tok.endsWith(']') && tok.length >= 2)
            return tok.slice(1, -1);
        if (/^S+$/.test(tok))
            return pad(w.wall.getUTCMilliseconds(), 3).padEnd(tok.length, '0').slice(0, tok.length);
        const fn = TOKENS[tok];
        return fn ? fn(w) : tok;
    });
}

;// CONCATENATED MODULE: ./src/meta/refs.ts
/** The context as metadata-action sees it: pull_request_target uses the PR merge ref, and
 *  settings.prHeadSha swaps the commit for the PR head commit on pull_request* events. */
function effectiveContext(ctx) {
    let { ref, sha } = ctx;
    const pr = ctx.payload.pull_request;
    if (ctx.eventName === 'pull_request_target') {
        const number = typeof ctx.payload.number === 'number' ? ctx.payload.number : pr?.number;
        if (number !== undefined)
            ref = `refs/pull/${number}/merge`;
    }
    if (ctx.settings.prHeadSha && ctx.eventName.startsWith('pull_request') && pr?.head?.sha) {
        sha = pr.head.sha;
    }
    return ref === ctx.ref && sha === ctx.sha ? ctx : { ...ctx, ref, sha };
}
const isBranchRef = (ref) => ref.startsWith('refs/heads/');
const isTagRef = (ref) => ref.startsWith('refs/tags/');
const isPullRef = (ref) => ref.startsWith('refs/pull/');
/** `refs/heads/my/branch` → `my/branch`; '' when not a branch ref. */
const branchName = (ref) => (isBranchRef(ref) ? ref.slice('refs/heads/'.length) : '');
/** `refs/tags/v1.2.3` → `v1.2.3`; '' when not a tag ref. */
const tagName = (ref) => (isTagRef(ref) ? ref.slice('refs/tags/'.length) : '');
/** `refs/pull/42/merge` → `42`; '' when not a pull-request ref. */
const pullName = (ref) => (isPullRef(ref) ? ref.slice('refs/pull/'.length).replace(/\/merge$/, '') : '');
function defaultBranch(ctx) {
    const fromPayload = ctx.payload.repository?.default_branch;
    return ctx.repo.defaultBranch || (typeof fromPayload === 'string' ? fromPayload : undefined);
}
/** `{{is_default_branch}}`: the ref is the default branch, or the event always runs on it. */
function isDefaultBranch(ctx) {
    const branch = ctx.ref.replace(/^refs\/heads\//, '');
    if (branch === '')
        return false;
    const fromPayload = ctx.payload.repository?.default_branch;
    const def = typeof fromPayload === 'string' ? fromPayload : ctx.repo.defaultBranch;
    if (def !== undefined && def === branch)
        return true;
    // these events always run for the last commit on the default branch
    return /create|discussion|issues|schedule/.test(ctx.eventName);
}
function shortSha(sha, length) {
    return length >= sha.length ? sha : sha.slice(0, Math.max(0, Math.trunc(length)));
}

;// CONCATENATED MODULE: ./src/meta/template.ts
// The Handlebars subset metadata-action documents: `{{name}}` and `{{helper 'arg' key='value'}}`, plus
// `{{! comments }}`, `\{{` for a literal brace pair, `{{{triple}}}` and `~` whitespace control.
// Output is never HTML-escaped. A small parser instead of the handlebars package keeps the action's
// start-up fast; block helpers (`{{#if}}`) are not part of the documented syntax and are rejected.
/** A malformed template or an unknown expression; callers turn it into an InputError. */
class TemplateError extends Error {
}
function hasExpressions(source) {
    return source.includes('{{');
}
function parseTemplate(source) {
    const nodes = [];
    let text = '';
    let i = 0;
    const pushText = () => {
        if (text)
            nodes.push({ kind: 'text', text });
        text = '';
    };
    while (i < source.length) {
        if (source.startsWith('\\{{', i)) {
            text += '{{';
            i += 3;
            continue;
        }
        if (!source.startsWith('{{', i)) {
            text += source[i++];
            continue;
        }
        const triple = source.startsWith('{{{', i);
        const open = triple ? 3 : 2;
        const close = triple ? '}}}' : '}}';
        let body;
        let end;
        if (source.startsWith('{{!--', i)) {
            end = source.indexOf('--}}', i + 5);
            if (end < 0)
                throw new TemplateError('unclosed comment "{{!--"');
            body = '!';
            end += 2;
        }
        else {
            end = source.indexOf(close, i + open);
            if (end < 0)
                throw new TemplateError(`unclosed expression at "${source.slice(i)}"`);
            body = source.slice(i + open, end);
        }
        let trimLeft = false;
        let trimRight = false;
        if (body.startsWith('~')) {
            trimLeft = true;
            body = body.slice(1);
        }
        if (body.endsWith('~')) {
            trimRight = true;
            body = body.slice(0, -1);
        }
        if (trimLeft)
            text = text.replace(/\s+$/, '');
        pushText();
        i = end + close.length;
        if (trimRight)
            while (i < source.length && /\s/.test(source[i]))
                i++;
        if (body.startsWith('!'))
            continue;
        nodes.push(parseExpression(body.trim()));
    }
    pushText();
    return nodes;
}
const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*/;
function parseExpression(body) {
    if (body === '')
        throw new TemplateError('empty expression "{{}}"');
    if (/^[#/^>&]/.test(body) || body === 'else') {
        throw new TemplateError(`block and partial expressions are not supported: "{{${body}}}"`);
    }
    const tokens = tokenize(body);
    const first = tokens.shift();
    if (!first || first.type !== 'ident')
        throw new TemplateError(`"{{${body}}}" does not start with a name`);
    const node = { kind: 'expr', name: first.value, params: [], hash: {} };
    for (const tok of tokens) {
        if (tok.type === 'hash') {
            node.hash[tok.key] = tok.literal ? tok.value : { ref: tok.value };
        }
        else if (Object.keys(node.hash).length > 0) {
            throw new TemplateError(`"{{${body}}}": positional arguments must come before key=value arguments`);
        }
        else {
            node.params.push(tok.type === 'ident' ? { ref: tok.value } : tok.value);
        }
    }
    return node;
}
function tokenize(body) {
    const tokens = [];
    let rest = body;
    const literal = () => {
        const q = rest[0];
        if (q === "'" || q === '"') {
            const end = rest.indexOf(q, 1);
            if (end < 0)
                throw new TemplateError(`unterminated string in "{{${body}}}"`);
            const value = rest.slice(1, end);
            rest = rest.slice(end + 1);
            return { value, literal: true };
        }
        const num = /^-?\d+(?:\.\d+)?(?=\s|$)/.exec(rest);
        if (num) {
            rest = rest.slice(num[0].length);
            return { value: Number(num[0]), literal: true };
        }
        const bool = /^(true|false)(?=\s|$)/.exec(rest);
        if (bool) {
            rest = rest.slice(bool[0].length);
            return { value: bool[1] === 'true', literal: true };
        }
        const id = IDENT.exec(rest);
        if (id) {
            rest = rest.slice(id[0].length);
            return { value: id[0], literal: false };
        }
        return undefined;
    };
    while ((rest = rest.trimStart()) !== '') {
        const hash = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*/.exec(rest);
        if (hash) {
            rest = rest.slice(hash[0].length);
            const v = literal();
            if (!v)
                throw new TemplateError(`"{{${body}}}": missing value for ${hash[1]}=`);
            tokens.push({ type: 'hash', key: hash[1], value: v.value, literal: v.literal });
            continue;
        }
        const v = literal();
        if (!v)
            throw new TemplateError(`cannot read "${rest}" in "{{${body}}}"`);
        tokens.push({ type: v.literal ? 'literal' : 'ident', value: v.value });
    }
    return tokens;
}
/** Render a template against a scope. Unknown names throw a TemplateError listing the known ones. */
function renderTemplate(source, scope) {
    if (!hasExpressions(source))
        return source;
    let out = '';
    for (const node of parseTemplate(source)) {
        out += node.kind === 'text' ? node.text : evaluate(node, scope);
    }
    return out;
}
function lookup(name, scope) {
    if (!Object.prototype.hasOwnProperty.call(scope, name)) {
        const known = Object.keys(scope)
            .map((k) => `{{${k}}}`)
            .join(', ');
        throw new TemplateError(`unknown expression "{{${name}}}" (known: ${known})`);
    }
    return scope[name];
}
function resolve(arg, scope) {
    if (typeof arg !== 'object')
        return arg;
    const v = lookup(arg.ref, scope);
    return typeof v === 'function' ? v([], {}) : v;
}
function evaluate(node, scope) {
    const target = lookup(node.name, scope);
    if (typeof target !== 'function') {
        if (node.params.length > 0 || Object.keys(node.hash).length > 0) {
            throw new TemplateError(`"{{${node.name}}}" takes no arguments`);
        }
        return String(target);
    }
    const params = node.params.map((p) => resolve(p, scope));
    const hash = {};
    for (const [k, v] of Object.entries(node.hash))
        hash[k] = resolve(v, scope);
    return target(params, hash);
}
/** Whether the template is exactly `{{raw}}` (metadata-action keeps pre-release tags raw only then). */
function isRawStatement(source) {
    try {
        const nodes = parseTemplate(source);
        return nodes.length === 1 && nodes[0].kind === 'expr' && nodes[0].name === 'raw' && nodes[0].params.length === 0;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/meta/expressions.ts
// The global expressions of tag values, prefixes, suffixes, `enable`, flavor, labels and annotations.




/** A helper rendering `date` with a moment format and an optional `tz='Zone'` (default `defaultTz`). */
function dateHelper(date, defaultTz = 'UTC') {
    return (params, hash) => {
        let tz = defaultTz;
        for (const [key, value] of Object.entries(hash)) {
            if (key !== 'tz')
                throw new TemplateError(`unknown date attribute "${key}" (only tz='Area/City')`);
            tz = String(value);
        }
        const format = params.length > 0 ? String(params[0]) : DEFAULT_DATE_FORMAT;
        try {
            return formatDate(date, format, tz);
        }
        catch (err) {
            if (err instanceof RangeError)
                throw new TemplateError(`unknown time zone "${tz}"`);
            throw err;
        }
    };
}
/** `{{date}}` and `{{commit_date}}` only (the documented scope of a schedule pattern). */
function dateScope(ctx, defaultTz = 'UTC') {
    return { date: dateHelper(ctx.now, defaultTz), commit_date: dateHelper(ctx.commitDate, defaultTz) };
}
/** Every global expression; `ctx` must be the effective context (see refs.effectiveContext). */
function globalScope(ctx, defaultTz = 'UTC') {
    return {
        branch: () => branchName(ctx.ref),
        tag: () => tagName(ctx.ref),
        sha: () => shortSha(ctx.sha, ctx.settings.shortShaLength),
        base_ref: () => {
            if (isTagRef(ctx.ref) && typeof ctx.payload.base_ref === 'string') {
                return ctx.payload.base_ref.replace(/^refs\/heads\//, '');
            }
            if (isPullRef(ctx.ref) && ctx.payload.pull_request?.base?.ref !== undefined) {
                return ctx.payload.pull_request.base.ref;
            }
            return '';
        },
        is_default_branch: () => String(isDefaultBranch(ctx)),
        ...dateScope(ctx, defaultTz),
    };
}
const EXPECTED_EXPRESSIONS = "known expressions such as {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{date 'YYYYMMDD' tz='UTC'}}, {{commit_date 'YYYYMMDD'}}";
/** Render, turning a template mistake into an InputError naming `input` and showing `given`. */
function render(source, scope, input, given, expected = EXPECTED_EXPRESSIONS) {
    try {
        return renderTemplate(source, scope);
    }
    catch (err) {
        if (err instanceof TemplateError)
            throw new types/* InputError */.d(input, given, `${expected}: ${err.message}`);
        throw err;
    }
}

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
;// CONCATENATED MODULE: ./src/meta/csv.ts
// One line of a metadata-action list input, read as one CSV record of `key=value` fields.


/** Split a line into CSV fields (double quotes group a field that contains commas). */
function csvFields(line, input, expected) {
    let records;
    try {
        records = (0,sync/* parse */.qg)(line, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    }
    catch (err) {
        throw new types/* InputError */.d(input, line, `${expected} (CSV: ${err.message})`);
    }
    if (records.length > 1) {
        throw new types/* InputError */.d(input, line, `${expected} on one line`);
    }
    return joinExpressions(records[0] ?? []);
}
const count = (s, token) => s.split(token).length - 1;
/** Re-join fields that a comma inside `{{ ... }}` split apart (e.g. `{{date 'MMMM Do, YYYY'}}`). */
function joinExpressions(parts) {
    const out = [];
    let open;
    for (const part of parts) {
        open = open === undefined ? part : `${open},${part}`;
        if (count(open, '{{') <= count(open, '}}')) {
            out.push(open);
            open = undefined;
        }
    }
    if (open !== undefined)
        out.push(open);
    return out;
}
/** Split a field at its first `=`: `pattern={{date 'YYYY' tz='UTC'}}` keeps everything after the key. */
function splitField(field) {
    const at = field.indexOf('=');
    if (at < 0) {
        return { key: undefined, value: field.trim() };
    }
    return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}
function fields(line, input, expected) {
    return csvFields(line, input, expected).map(splitField);
}
function csv_parseBool(value) {
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    return undefined;
}

;// CONCATENATED MODULE: ./src/meta/flavor.ts
// `flavor` input: latest=auto|true|false, prefix=<s>[,onlatest=<bool>], suffix=<s>[,onlatest=<bool>].


const EXPECTED = 'latest=<auto|true|false>, prefix=<string>[,onlatest=<true|false>] or suffix=<string>[,onlatest=<true|false>]';
function parseFlavor(lines) {
    const flavor = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
    for (const line of lines) {
        if (line.trim() === '')
            continue;
        let last;
        for (const f of fields(line, 'flavor', EXPECTED)) {
            switch (f.key) {
                case 'latest':
                    if (f.value !== 'auto' && f.value !== 'true' && f.value !== 'false') {
                        throw new types/* InputError */.d('flavor', line, 'latest=auto, latest=true or latest=false');
                    }
                    flavor.latest = f.value;
                    break;
                case 'prefix':
                case 'suffix':
                    flavor[f.key] = f.value;
                    last = f.key;
                    break;
                case 'onlatest': {
                    const b = csv_parseBool(f.value);
                    if (b === undefined)
                        throw new types/* InputError */.d('flavor', line, 'onlatest=true or onlatest=false');
                    if (last === undefined)
                        throw new types/* InputError */.d('flavor', line, 'onlatest after prefix=... or suffix=... on the same line');
                    if (last === 'prefix')
                        flavor.prefixLatest = b;
                    else
                        flavor.suffixLatest = b;
                    break;
                }
                default:
                    throw new types/* InputError */.d('flavor', line, EXPECTED);
            }
        }
    }
    return flavor;
}

;// CONCATENATED MODULE: ./src/meta/sanitize.ts
// Tag and image-name rules (Docker reference grammar).
/** Longest tag Docker accepts. */
const MAX_TAG_LENGTH = 128;
/**
 * Make a tag valid: runs of characters outside [A-Za-z0-9._-] become one `-` (metadata-action's rule; case is
 * kept), then leading `.`/`-` are removed (a tag must start with a word character) and the tag is cut to 128
 * characters. Returns '' when nothing valid is left.
 */
function sanitizeTag(tag) {
    return tag
        .replace(/[^a-zA-Z0-9._-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, MAX_TAG_LENGTH);
}
const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-f0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** Whether `name` (already lower-cased) is a valid repository name: [registry[:port]/]path, no tag or digest. */
function isValidImageName(name) {
    return name.length > 0 && name.length <= 255 && IMAGE_NAME.test(name);
}

;// CONCATENATED MODULE: ./src/meta/images.ts
// `images` input: `name` lines (or one comma-separated line), or `name=<img>,enable=<bool>`.



const EXPECTED_NAME = 'a registry/repository name such as ghcr.io/owner/name';
const EXPECTED_LINE = 'an image name, or name=<image>,enable=<true|false>';
function parseImages(lines) {
    const images = [];
    for (const line of lines) {
        if (line.trim() === '')
            continue;
        const parsed = fields(line, 'images', EXPECTED_LINE);
        if (parsed.every((f) => f.key === undefined)) {
            // plain names; several on one line are several images (metadata-action's older comma form)
            for (const f of parsed)
                images.push({ name: checkName(f.value, line), enable: true });
            continue;
        }
        let name = '';
        let enable = true;
        for (const f of parsed) {
            if (f.key === undefined || f.key === 'name') {
                name = f.value;
            }
            else if (f.key === 'enable') {
                const b = csv_parseBool(f.value);
                if (b === undefined)
                    throw new types/* InputError */.d('images', line, 'enable=true or enable=false');
                enable = b;
            }
            else {
                throw new types/* InputError */.d('images', line, `${EXPECTED_LINE} (unknown attribute "${f.key}")`);
            }
        }
        images.push({ name: checkName(name, line), enable });
    }
    return images;
}
function checkName(raw, line) {
    const name = raw.toLowerCase();
    if (!isValidImageName(name)) {
        throw new types/* InputError */.d('images', raw === '' ? line : raw, EXPECTED_NAME);
    }
    return name;
}

;// CONCATENATED MODULE: ./src/meta/labels.ts
// The eight default OCI labels/annotations plus the custom `labels`/`annotations` lines.


const OCI = 'org.opencontainers.image';
/** The default `org.opencontainers.image.*` entries, in metadata-action's order. */
function defaultLabels(ctx, version) {
    return [
        [`${OCI}.title`, ctx.repo.name || ''],
        [`${OCI}.description`, ctx.repo.description || ''],
        [`${OCI}.url`, ctx.repo.htmlUrl || ''],
        [`${OCI}.source`, ctx.repo.htmlUrl || ''],
        [`${OCI}.version`, version || ''],
        [`${OCI}.created`, ctx.now.toISOString()],
        [`${OCI}.revision`, ctx.sha || ''],
        [`${OCI}.licenses`, ctx.repo.license || ''],
    ];
}
/** Split a custom `key=value` line (after rendering expressions) at its first `=`. */
function parseKeyValue(line, input, scope) {
    const rendered = render(line, scope, input, line);
    const at = rendered.indexOf('=');
    const key = at < 0 ? '' : rendered.slice(0, at).trim();
    if (at < 0 || key === '' || /\s/.test(key)) {
        throw new types/* InputError */.d(input, line, 'key=value, e.g. org.opencontainers.image.vendor=Example');
    }
    return [key, rendered.slice(at + 1)];
}
// Code-unit order, not localeCompare: label keys are ASCII, and collation loads ICU data (~5 ms at start-up).
const byKey = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
/** Defaults overridden by custom lines with the same key, sorted by key: `key=value`. */
function computeLabels(defaults, lines, scope) {
    const map = new Map(defaults);
    for (const line of lines) {
        if (line.trim() === '')
            continue;
        const [key, value] = parseKeyValue(line, 'labels', scope);
        map.set(key, value);
    }
    return [...map].sort(byKey).map(([k, v]) => `${k}=${v}`);
}
const LEVEL = '(?:manifest|index|manifest-descriptor|index-descriptor)(?:\\[[^\\]]*\\])?';
const LEVEL_PREFIX = new RegExp(`^(${LEVEL}(?:,${LEVEL})*):(.+)$`);
/**
 * Annotations: defaults and custom lines at each level of `levels` (`manifest:key=value`), sorted by key
 * within a level. A custom key that names its own level (`index:key=value`) is kept at that level only.
 */
function computeAnnotations(defaults, lines, levels, scope) {
    const byLevel = new Map();
    const at = (level) => {
        let m = byLevel.get(level);
        if (!m)
            byLevel.set(level, (m = new Map()));
        return m;
    };
    for (const level of levels)
        for (const [k, v] of defaults)
            at(level).set(k, v);
    for (const line of lines) {
        if (line.trim() === '')
            continue;
        const [key, value] = parseKeyValue(line, 'annotations', scope);
        const explicit = LEVEL_PREFIX.exec(key);
        if (explicit)
            at(explicit[1]).set(explicit[2], value);
        else
            for (const level of levels)
                at(level).set(key, value);
    }
    const out = [];
    for (const [level, entries] of byLevel) {
        for (const [k, v] of [...entries].sort(byKey))
            out.push(`${level}:${k}=${v}`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/meta/rules.ts
// `tags` input: one rule per line, `type=<type>,<attr>=<value>,...` (CSV), sorted by priority.



const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
/** Default priority of each type (higher first; the first tag is the version). */
const DEFAULT_PRIORITIES = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100,
};
/** The rules used when the `tags` input is empty. */
const DEFAULT_TAG_LINES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];
const ATTRIBUTES = ['type', 'pattern', 'value', 'group', 'prefix', 'suffix', 'enable', 'priority', 'format', 'branch', 'event', 'tz'];
const EXPECTED_RULE = 'type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,...';
function parseTagRule(line) {
    const attrs = {};
    for (const f of fields(line, 'tags', EXPECTED_RULE)) {
        if (f.key === undefined) {
            attrs.value = f.value;
            continue;
        }
        if (!ATTRIBUTES.includes(f.key)) {
            throw new types/* InputError */.d('tags', line, `${EXPECTED_RULE} (unknown attribute "${f.key}"; known: ${ATTRIBUTES.join(', ')})`);
        }
        attrs[f.key] = f.value;
    }
    const typeName = attrs.type ?? 'raw';
    if (!TAG_TYPES.includes(typeName)) {
        throw new types/* InputError */.d('tags', line, `a known type: type=${TAG_TYPES.join('|')}`);
    }
    const type = typeName;
    const has = (a) => attrs[a] !== undefined;
    if ((type === 'semver' || type === 'pep440' || type === 'match') && !has('pattern')) {
        const example = type === 'match' ? 'type=match,pattern=v(.*),group=1' : `type=${type},pattern={{version}}`;
        throw new types/* InputError */.d('tags', line, `a pattern attribute, e.g. ${example}`);
    }
    if (type === 'raw' && !has('value')) {
        throw new types/* InputError */.d('tags', line, 'a value, e.g. type=raw,value=latest');
    }
    let event;
    if (type === 'ref') {
        if (!has('event'))
            throw new types/* InputError */.d('tags', line, 'an event attribute: type=ref,event=<branch|tag|pr>');
        if (!['branch', 'tag', 'pr'].includes(attrs.event)) {
            throw new types/* InputError */.d('tags', line, 'event=branch, event=tag or event=pr');
        }
        event = attrs.event;
    }
    let format = 'short';
    if (type === 'sha' && has('format')) {
        if (attrs.format !== 'short' && attrs.format !== 'long')
            throw new types/* InputError */.d('tags', line, 'format=short or format=long');
        format = attrs.format;
    }
    let group = 0;
    if (type === 'match' && has('group')) {
        if (!/^\d+$/.test(attrs.group))
            throw new types/* InputError */.d('tags', line, 'group=<number of a capture group>, e.g. group=1');
        group = Number(attrs.group);
    }
    let priority = DEFAULT_PRIORITIES[type];
    if (has('priority')) {
        if (!/^-?\d+(\.\d+)?$/.test(attrs.priority))
            throw new types/* InputError */.d('tags', line, 'priority=<number>, e.g. priority=1000');
        priority = Number(attrs.priority);
    }
    const tz = attrs.tz ?? 'UTC';
    if (has('tz') && !isValidTimeZone(tz)) {
        throw new types/* InputError */.d('tags', line, "tz=<IANA time zone>, e.g. tz=Asia/Tokyo");
    }
    let prefix = attrs.prefix;
    if (prefix === undefined && type === 'ref' && event === 'pr')
        prefix = 'pr-';
    if (prefix === undefined && type === 'sha')
        prefix = 'sha-';
    return {
        type,
        line,
        priority,
        enable: attrs.enable ?? 'true',
        pattern: type === 'schedule' ? (attrs.pattern ?? 'nightly') : attrs.pattern,
        value: attrs.value ?? '',
        group,
        prefix,
        suffix: attrs.suffix,
        event,
        format,
        branch: attrs.branch ?? '',
        tz,
    };
}
/** Parse the `tags` input (the defaults when empty), highest priority first (stable for equal priorities). */
function parseTagRules(lines) {
    const given = lines.filter((l) => l.trim() !== '');
    const rules = (given.length > 0 ? given : DEFAULT_TAG_LINES).map(parseTagRule);
    return rules
        .map((rule, index) => ({ rule, index }))
        .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
        .map(({ rule }) => rule);
}

;// CONCATENATED MODULE: ./src/meta/tags/source.ts


/**
 * The version text a semver/pep440/match rule reads: its `value` (rendered) when given, else the Git tag on a
 * tag ref (slashes as `-` unless `keepSlashes`); undefined when the rule does not apply.
 */
function versionSource(rule, env, scope, keepSlashes = false) {
    if (rule.value.length > 0)
        return render(rule.value, scope, 'tags', rule.line);
    if (!isTagRef(env.ctx.ref))
        return undefined;
    const tag = tagName(env.ctx.ref);
    return keepSlashes ? tag : tag.replace(/\//g, '-');
}

;// CONCATENATED MODULE: ./src/meta/tags/match.ts


/** The rule's pattern as a RegExp: `/source/flags` or a plain regular expression. */
function matchRegExp(pattern, line) {
    const literal = /^\/(.+)\/(.*)$/.exec(pattern);
    try {
        return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern);
    }
    catch (err) {
        throw new types/* InputError */.d('tags', line, `pattern=<regular expression> (${err.message})`);
    }
}
/** type=match: a capture group of a regular expression matched against the Git tag (or value). */
const matchTag = (rule, env, scope) => {
    const re = matchRegExp(rule.pattern, rule.line);
    const raw = versionSource(rule, env, scope, true);
    if (raw === undefined)
        return undefined;
    const m = raw.match(re);
    if (!m) {
        env.warn(`${rule.pattern} does not match ${raw}.`);
        return undefined;
    }
    const value = m[rule.group];
    if (value === undefined) {
        env.warn(`Group ${rule.group} does not exist for ${rule.pattern} pattern.`);
        return undefined;
    }
    return { value, latest: true };
};

// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/lib/version.js
var lib_version = __webpack_require__(74818);
;// CONCATENATED MODULE: ./src/meta/tags/pep440.ts




const pep440_EXPECTED = 'a pattern using {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}';
/** type=pep440: a PEP 440 Git tag (or value) through the pattern; dev/pre/post releases give only the version. */
const pep440Tag = (rule, env, scope) => {
    const raw = versionSource(rule, env, scope);
    if (raw === undefined)
        return undefined;
    const v = (0,lib_version.explain)(raw);
    if (!v) {
        env.warn(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
        return undefined;
    }
    const version = (0,lib_version.clean)(raw) ?? raw;
    if (v.is_prerelease || v.is_postrelease || v.is_devrelease) {
        const value = isRawStatement(rule.pattern) ? raw : version;
        return { value, latest: false };
    }
    const value = render(rule.pattern, { raw, version, major: v.release[0] ?? 0, minor: v.release[1] ?? 0, patch: v.release[2] ?? 0 }, 'tags', rule.line, pep440_EXPECTED);
    return { value, latest: true };
};

;// CONCATENATED MODULE: ./src/meta/tags/raw.ts


/** type=raw: the value (with global expressions). */
const rawTag = (rule, _env, scope) => ({
    value: render(rule.value, scope, 'tags', rule.line),
    latest: false,
});
/** type=sha: the commit, short (settings.shortShaLength) or long; prefix `sha-` by default. */
const shaTag = (rule, env) => {
    const sha = env.ctx.sha;
    if (!sha)
        return undefined;
    return { value: rule.format === 'long' ? sha : shortSha(sha, env.ctx.settings.shortShaLength), latest: false };
};

;// CONCATENATED MODULE: ./src/meta/tags/ref.ts

/** type=ref: the branch, tag or pull-request number (prefix `pr-` by default) of the Git ref. */
const refTag = (rule, env) => {
    const ref = env.ctx.ref;
    switch (rule.event) {
        case 'branch':
            return isBranchRef(ref) ? { value: branchName(ref), latest: false } : undefined;
        case 'tag':
            return isTagRef(ref) ? { value: tagName(ref), latest: true } : undefined;
        case 'pr':
            return isPullRef(ref) ? { value: pullName(ref), latest: false } : undefined;
        default:
            return undefined;
    }
};
/** type=edge: `edge` on a push to the given branch (default: the repository's default branch). */
const edgeTag = (rule, env) => {
    if (!isBranchRef(env.ctx.ref))
        return undefined;
    const branch = rule.branch || env.defaultBranch;
    if (!branch || branch !== branchName(env.ctx.ref))
        return undefined;
    return { value: 'edge', latest: false };
};

;// CONCATENATED MODULE: ./src/meta/tags/schedule.ts

/** type=schedule: on schedule events, the pattern (default `nightly`) with {{date}} expressions. */
const scheduleTag = (rule, env, scope) => {
    if (!/schedule/.test(env.ctx.eventName))
        return undefined;
    return { value: render(rule.pattern ?? 'nightly', scope, 'tags', rule.line), latest: false };
};

// EXTERNAL MODULE: ./node_modules/semver/functions/parse.js
var parse = __webpack_require__(16353);
var parse_default = /*#__PURE__*/__webpack_require__.n(parse);
;// CONCATENATED MODULE: ./src/meta/tags/semver.ts




const semver_EXPECTED = 'a pattern using {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}, {{prerelease}}, {{build}}';
/** type=semver: a SemVer Git tag (or value) through the pattern; pre-releases give only the full version. */
const semverTag = (rule, env, scope) => {
    const raw = versionSource(rule, env, scope);
    if (raw === undefined)
        return undefined;
    const v = parse_default()(raw);
    if (!v) {
        env.warn(`${raw} is not a valid semver. More info: https://semver.org/`);
        return undefined;
    }
    const prerelease = v.prerelease.length > 0;
    const pattern = prerelease && !isRawStatement(rule.pattern) ? '{{version}}' : rule.pattern;
    const value = render(pattern, {
        raw: v.raw,
        version: v.version,
        major: v.major,
        minor: v.minor,
        patch: v.patch,
        prerelease: v.prerelease.join('.'),
        build: v.build.join('.'),
    }, 'tags', rule.line, semver_EXPECTED);
    return { value, latest: !prerelease };
};

;// CONCATENATED MODULE: ./src/meta/tags/index.ts
// Turns the sorted tag rules into the version: main tag, other tags, and whether `latest` is added.









const PRODUCERS = {
    schedule: scheduleTag,
    semver: semverTag,
    pep440: pep440Tag,
    match: matchTag,
    edge: edgeTag,
    ref: refTag,
    raw: rawTag,
    sha: shaTag,
};
/** Whether the rule is enabled: its `enable` template must render to `true` or `false`. */
function isEnabled(rule, scope) {
    const rendered = render(rule.enable, scope, 'tags', rule.line).trim();
    if (rendered === 'true')
        return true;
    if (rendered === 'false')
        return false;
    throw new types/* InputError */.d('tags', rule.line, `enable=true or enable=false (or an expression giving one), got "${rendered}"`);
}
/** prefix/suffix: the rule's own when it has one, else the flavor's. */
function withAffixes(value, rule, env, scope) {
    const prefix = rule.prefix ?? env.flavor.prefix;
    const suffix = rule.suffix ?? env.flavor.suffix;
    const pre = prefix ? render(prefix, scope, rule.prefix !== undefined ? 'tags' : 'flavor', rule.prefix !== undefined ? rule.line : prefix) : '';
    const post = suffix ? render(suffix, scope, rule.suffix !== undefined ? 'tags' : 'flavor', rule.suffix !== undefined ? rule.line : suffix) : '';
    return `${pre}${value}${post}`;
}
function computeVersion(rules, env) {
    let main;
    const partial = [];
    let latest;
    for (const rule of rules) {
        const scope = globalScope(env.ctx, rule.tz);
        if (!isEnabled(rule, scope))
            continue;
        const candidate = PRODUCERS[rule.type](rule, env, scope);
        if (!candidate || candidate.value.length === 0)
            continue;
        const tag = sanitizeTag(withAffixes(candidate.value, rule, env, scope));
        if (tag.length === 0) {
            env.warn(`Tag rule "${rule.line}" gave no valid tag characters; skipped.`);
            continue;
        }
        if (main === undefined)
            main = tag;
        else if (tag !== main && !partial.includes(tag))
            partial.push(tag);
        if (latest === undefined) {
            latest = env.flavor.latest === 'auto' ? candidate.latest : env.flavor.latest === 'true';
        }
    }
    return { main, partial, latest: latest ?? false };
}

;// CONCATENATED MODULE: ./src/meta/index.ts
// The tag/label engine: metadata-action compatible tags, labels and annotations, computed purely from the
// inputs and the context (no environment, clock or network).















/** The `latest` tag name with the flavor's prefix/suffix when `onlatest=true`. */
function latestTagName(flavor, render) {
    const prefix = flavor.prefixLatest ? render(flavor.prefix) : '';
    const suffix = flavor.suffixLatest ? render(flavor.suffix) : '';
    return sanitizeTag(`${prefix}latest${suffix}`);
}
/** Tag names in output order: main, the others, then `latest` (no duplicates). */
function tagNamesOf(version, latestName) {
    if (version.main === undefined)
        return [];
    const names = [version.main, ...version.partial];
    if (version.latest && !names.includes(latestName))
        names.push(latestName);
    return names;
}
function computeMeta(inputs, context) {
    const ctx = effectiveContext(context);
    const warnings = [];
    const images = parseImages(inputs.images);
    const rules = parseTagRules(inputs.tags);
    const flavor = parseFlavor(inputs.flavor);
    const version = computeVersion(rules, { ctx, flavor, defaultBranch: defaultBranch(ctx), warn: (m) => warnings.push(m) });
    const scope = globalScope(ctx);
    const renderFlavor = (s) => (s ? render(s, scope, 'flavor', s) : '');
    const tagNames = tagNamesOf(version, latestTagName(flavor, renderFlavor));
    const imageNames = images.filter((i) => i.enable).map((i) => i.name);
    const tags = imageNames.length > 0 ? imageNames.flatMap((img) => tagNames.map((t) => `${img}:${t}`)) : [...tagNames];
    const defaults = defaultLabels(ctx, version.main);
    const levels = ctx.settings.annotationLevels.filter((l) => l.trim() !== '');
    return {
        version,
        images: imageNames,
        tags,
        tagNames,
        labels: computeLabels(defaults, inputs.labels, scope),
        annotations: computeAnnotations(defaults, inputs.annotations, levels.length > 0 ? levels : ['manifest'], scope),
        warnings,
    };
}

;// CONCATENATED MODULE: ./src/plan.ts




/** Secrets reach buildx as environment variables with these names (`--secret id=X,env=NAME`). */
function secretEnvName(index) {
    return `PUBLISH_IMAGE_SECRET_${index}`;
}
/** A cache scope per image and platform set: jobs of a matrix must not overwrite each other's cache. */
function cacheScope(image, platforms) {
    const path = image.split('/').slice(1).join('/') || image;
    const parts = [path, ...platforms].join('-');
    return parts.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}
function defaultImage(ctx) {
    return `ghcr.io/${ctx.repository.toLowerCase()}`;
}
/** Pull requests from forks (and Dependabot's) run with a read-only token: pushing can only fail. */
function readOnlyReason(ctx) {
    if (ctx.pr?.fork)
        return `pull request #${ctx.pr.number} comes from the fork ${ctx.pr.headRepo}, whose token cannot write packages`;
    if (ctx.eventName.startsWith('pull_request') && ctx.actor === 'dependabot[bot]') {
        return 'Dependabot pull requests run with a read-only token';
    }
    return undefined;
}
function planLogins(inputs, ctx, images, notices) {
    const logins = [];
    const primary = inputs.registry ?? (0,image_ref/* registryOf */.Fv)(images[0]);
    const password = inputs.password ?? (primary === 'ghcr.io' && inputs.githubToken ? inputs.githubToken : undefined);
    if (password) {
        logins.push({
            registry: primary,
            username: inputs.username ?? ctx.actor,
            password,
            source: inputs.password ? 'password' : 'github-token',
        });
    }
    for (const a of inputs.registryAuth) {
        if (!logins.some((l) => l.registry === a.registry))
            logins.push({ ...a, source: 'registry-auth' });
    }
    const covered = new Set(logins.map((l) => l.registry));
    for (const registry of new Set(images.map(image_ref/* registryOf */.Fv))) {
        if (!covered.has(registry) && !(0,image_ref/* isLoopbackRegistry */.jW)(registry)) {
            notices.push(`No credentials for ${registry}: pushing there without logging in (set registry/password or registry-auth).`);
        }
    }
    return logins;
}
function planCache(inputs, ctx, images, platforms) {
    if (inputs.cacheFrom.length || inputs.cacheTo.length) {
        return { source: 'inputs', from: inputs.cacheFrom, to: inputs.cacheTo };
    }
    const service = ctx.runtime.cache;
    if (service.kind === 'none') {
        return {
            source: 'none',
            from: [],
            to: [],
            reason: 'this runtime offers no GitHub cache service (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL with ACTIONS_RUNTIME_TOKEN)',
        };
    }
    const scope = cacheScope(images[0], platforms);
    return {
        source: 'gha',
        service,
        scope,
        from: [`type=gha,scope=${scope}`],
        to: [`type=gha,mode=max,scope=${scope},ignore-error=true`],
    };
}
function planAttest(inputs, ctx, push, images, notices) {
    const base = { pushToRegistry: inputs.pushToRegistry, subjects: images };
    if (inputs.attest === 'off')
        return { ...base, enabled: false, reason: 'attest is false' };
    if (!push)
        return { ...base, enabled: false, reason: 'nothing is pushed' };
    if (!ctx.runtime.oidc) {
        const need = 'add `permissions: id-token: write` and `attestations: write` to the job';
        if (inputs.attest === 'on') {
            throw new types/* InputError */.d('attest', 'true', `a runtime with an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL): ${need}`);
        }
        notices.push(`Build-provenance attestation skipped: this run has no OIDC token; ${need}.`);
        return { ...base, enabled: false, reason: 'no OIDC token (id-token: write missing)' };
    }
    return { ...base, enabled: true, reason: 'pushed image, OIDC token available' };
}
function metaOutputs(meta, inputs) {
    return {
        version: meta.version.main ?? '',
        tags: meta.tags.join(inputs.sepTags),
        'tag-names': meta.tagNames.join(inputs.sepTags),
        labels: meta.labels.join(inputs.sepLabels),
        annotations: meta.annotations.join(inputs.sepAnnotations),
        json: JSON.stringify({
            tags: meta.tags,
            labels: Object.fromEntries(meta.labels.map((l) => splitKeyValue(l))),
            annotations: meta.annotations,
        }, null, 2),
    };
}
function splitKeyValue(kv) {
    const eq = kv.indexOf('=');
    return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
}
function buildArgv(inputs, meta, platforms, push, cache, provenance, files) {
    const argv = ['buildx', 'build', '--progress', 'plain'];
    if (inputs.builder)
        argv.push('--builder', inputs.builder);
    if (inputs.file)
        argv.push('--file', inputs.file);
    if (platforms.length)
        argv.push('--platform', platforms.join(','));
    for (const t of meta.tags)
        argv.push('--tag', t);
    for (const l of meta.labels)
        argv.push('--label', l);
    for (const a of meta.annotations)
        argv.push('--annotation', a);
    for (const b of inputs.buildArgs)
        argv.push('--build-arg', b);
    inputs.secrets.forEach((s, i) => argv.push('--secret', `id=${s.id},env=${secretEnvName(i)}`));
    if (inputs.target)
        argv.push('--target', inputs.target);
    if (inputs.network)
        argv.push('--network', inputs.network);
    for (const c of cache.from)
        argv.push('--cache-from', c);
    for (const c of cache.to)
        argv.push('--cache-to', c);
    if (inputs.noCache)
        argv.push('--no-cache');
    if (inputs.pull)
        argv.push('--pull');
    argv.push('--provenance', provenance);
    if (inputs.sbom)
        argv.push('--sbom', inputs.sbom);
    if (inputs.outputs.length) {
        for (const o of inputs.outputs)
            argv.push('--output', o);
    }
    else {
        if (push)
            argv.push('--push');
        if (inputs.load)
            argv.push('--load');
    }
    argv.push('--metadata-file', files.metadataFile, '--iidfile', files.iidFile);
    argv.push(inputs.context);
    return argv;
}
function plan_plan(inputs, ctx) {
    const notices = [];
    const warnings = [...ctx.warnings];
    const images = inputs.meta.images.length ? inputs.meta.images : [defaultImage(ctx)];
    const { warnings: metaWarnings, ...meta } = computeMeta({ ...inputs.meta, images }, ctx);
    warnings.push(...metaWarnings);
    const platforms = inputs.platforms.map(platform/* platformName */.$r);
    let push = inputs.push ?? true;
    const readOnly = readOnlyReason(ctx);
    if (readOnly && push) {
        push = false;
        const msg = `Build only: ${readOnly}. No login, no push, no attestation.`;
        if (inputs.push === true)
            warnings.push(`push: true ignored. ${msg}`);
        else
            notices.push(msg);
    }
    if (push && meta.tags.length === 0) {
        throw new types/* InputError */.d('tags', inputs.meta.tags.join('\n'), `rules that give at least one tag for this ${ctx.eventName || 'event'} when push is true (or push: false)`);
    }
    const cache = planCache(inputs, ctx, meta.images.length ? meta.images : images, platforms);
    if (cache.source === 'none')
        notices.push(`No GitHub cache: ${cache.reason}.`);
    if (cache.source === 'gha' && cache.service.kind === 'v2') {
        notices.push('GitHub cache service v2: needs buildx ≥ 0.21 and BuildKit ≥ 0.20 (checked when the builder is ready).');
    }
    const attest = planAttest(inputs, ctx, push, meta.images, notices);
    // BuildKit's own provenance adds "unknown/unknown" attestation manifests to the index; the GitHub attestation
    // covers provenance without them. An explicit `provenance` input is passed through unchanged.
    const provenance = inputs.provenance ?? 'false';
    const workDir = `${ctx.runtime.runnerTemp.replace(/\/$/, '')}/publish-image-${ctx.runId || 'local'}`;
    const files = { metadataFile: `${workDir}/metadata.json`, iidFile: `${workDir}/iid.txt` };
    const env = Object.fromEntries(inputs.secrets.map((s, i) => [secretEnvName(i), s.value]));
    return {
        meta,
        outputs: metaOutputs(meta, inputs),
        images: meta.images,
        platforms,
        push,
        noPushReason: push ? undefined : readOnly,
        load: inputs.load,
        logins: push ? planLogins(inputs, ctx, meta.images, notices) : [],
        logout: inputs.logout,
        build: {
            argv: buildArgv(inputs, meta, platforms, push, cache, provenance, files),
            env,
            ...files,
            context: inputs.context,
            file: inputs.file,
            builder: inputs.builder,
        },
        cache,
        attest,
        verify: push && inputs.outputs.length === 0,
        dryRun: inputs.dryRun,
        workDir,
        summary: { enabled: inputs.summary, usageService: inputs.usageService, usagePort: inputs.usagePort },
        notices,
        warnings,
    };
}

// EXTERNAL MODULE: ./src/post.ts
var post = __webpack_require__(86661);
// EXTERNAL MODULE: ./src/markdown.ts
var markdown = __webpack_require__(83758);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
;// CONCATENATED MODULE: ./src/main.ts
// The main step: read → plan → effects → report. The only place that knows the order of the effects; each
// effect module is imported when it is reached, so a dry-run never loads the Docker or attestation code.









/** Every secret value this run knows, for redaction. */
function secretValues(inputs) {
    return [
        inputs.password ?? '',
        inputs.githubToken,
        ...inputs.registryAuth.map((a) => a.password),
        ...inputs.secrets.map((s) => s.value),
    ].filter(Boolean);
}
const isRemoteContext = (c) => /^(https?:\/\/|git@|github\.com\/|[a-z]+:\/\/)/.test(c) || c === '-';
/** Paths are checked before anything runs, so a typo is an input error, not a Docker failure. */
function checkPaths(inputs) {
    if (!isRemoteContext(inputs.context) && !((0,external_node_fs_.existsSync)(inputs.context) && (0,external_node_fs_.statSync)(inputs.context).isDirectory())) {
        throw new types/* InputError */.d('context', inputs.context, 'a directory that exists in the workspace (or a git/https URL)');
    }
    if (inputs.file && !isRemoteContext(inputs.context) && !(0,external_node_fs_.existsSync)(inputs.file)) {
        throw new types/* InputError */.d('file', inputs.file, 'the path of a Dockerfile that exists, relative to the workspace');
    }
}
function report(plan, result, env, secrets) {
    for (const n of [...plan.notices, ...result.notices])
        runner/* log */.Rm.notice((0,redact/* redact */.E)(n, secrets));
    for (const w of [...plan.warnings, ...result.warnings])
        runner/* log */.Rm.warning((0,redact/* redact */.E)(w, secrets));
}
async function writeSummary(plan, result, env, secrets) {
    if (!plan.summary.enabled)
        return;
    const { renderSummary } = await __webpack_require__.e(/* import() */ 855).then(__webpack_require__.bind(__webpack_require__, 28855));
    (0,runner/* appendSummary */.fe)(env, renderSummary(plan, result, { secrets }));
}
async function publish(plan, ctx, inputs, secrets, env) {
    const result = { status: 'success', notices: [], warnings: [] };
    const { createDockerConfig } = await __webpack_require__.e(/* import() */ 656).then(__webpack_require__.bind(__webpack_require__, 70656));
    const dockerConfig = createDockerConfig(plan.workDir);
    // Saved before the first credential is written, so the post step cleans up whatever happens next.
    (0,runner/* saveState */.LZ)(env, post/* STATE */.c.dockerConfig, dockerConfig);
    (0,runner/* saveState */.LZ)(env, post/* STATE */.c.registries, plan.logins.map((l) => l.registry).join(','));
    (0,runner/* saveState */.LZ)(env, post/* STATE */.c.logout, String(plan.logout));
    try {
        if (plan.logins.length) {
            const { login } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(377)]).then(__webpack_require__.bind(__webpack_require__, 54377));
            await login(plan.logins, dockerConfig, secrets);
        }
        const { prepareBuilder } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(88), __webpack_require__.e(335)]).then(__webpack_require__.bind(__webpack_require__, 49716));
        result.builder = await prepareBuilder({
            builder: plan.build.builder,
            platforms: plan.platforms,
            needs: { multiPlatform: plan.platforms.length > 1, cacheExport: plan.cache.to.length > 0 },
            cacheV2: plan.cache.source === 'gha' && plan.cache.service.kind === 'v2',
            dockerConfig,
            createName: `publish-image-${ctx.runId || process.pid}`,
            onCreated: (name) => (0,runner/* saveState */.LZ)(env, post/* STATE */.c.builder, name),
        }, result.warnings);
        const { build } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(43)]).then(__webpack_require__.bind(__webpack_require__, 7043));
        result.build = await build({
            build: plan.build,
            push: plan.push,
            builderOverride: result.builder.created ? result.builder.name : undefined,
            dockerConfig,
            secrets,
        });
        const digest = result.build.digest;
        if (plan.verify && digest) {
            const { verifyPush } = await __webpack_require__.e(/* import() */ 787).then(__webpack_require__.bind(__webpack_require__, 22787));
            result.verify = await verifyPush(plan.meta.tags, digest, plan.platforms, plan.logins);
            runner/* log */.Rm.info(`Verified ${result.verify.tags.length} tag(s) → ${digest}`);
        }
        if (plan.attest.enabled && digest) {
            const { attestImages } = await Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(88), __webpack_require__.e(499), __webpack_require__.e(738)]).then(__webpack_require__.bind(__webpack_require__, 93738));
            result.attestation = await attestImages({
                subjects: plan.attest.subjects.map((name) => ({ name, digest })),
                githubToken: inputs.githubToken,
                pushToRegistry: plan.attest.pushToRegistry,
                credentials: plan.logins.map((l) => ({ registry: l.registry, username: l.username, password: l.password })),
                runnerTemp: ctx.runtime.runnerTemp,
            });
        }
    }
    catch (e) {
        result.status = 'failure';
        result.error = (0,redact/* redact */.E)(e.message, secrets);
    }
    return result;
}
function writeOutputs(plan, result, env, secrets) {
    const outputs = { ...plan.outputs };
    if (result.build) {
        outputs.digest = result.build.digest ?? '';
        outputs.imageid = result.build.imageId ?? '';
        outputs.metadata = JSON.stringify(result.build.metadata);
    }
    if (result.attestation) {
        outputs['attestation-id'] = result.attestation.attestationId ?? '';
        outputs['attestation-url'] = result.attestation.attestationUrl ?? '';
        outputs['bundle-path'] = result.attestation.bundlePath;
    }
    for (const [k, v] of Object.entries(outputs))
        (0,runner/* setOutput */.uH)(env, k, (0,redact/* redact */.E)(v, secrets));
}
async function main(env) {
    (0,runner/* saveState */.LZ)(env, post/* STATE */.c.isPost, 'true');
    let inputs;
    let ctx;
    let plan;
    try {
        inputs = await readInputs(env);
        checkPaths(inputs);
        ctx = await readContext(env);
        plan = plan_plan(inputs, ctx);
    }
    catch (e) {
        if (e instanceof types/* InputError */.d) {
            runner/* log */.Rm.error(e.message, 'publish-image: invalid input');
            return 1;
        }
        throw e;
    }
    const secrets = secretValues(inputs);
    if (plan.dryRun) {
        runner/* log */.Rm.info(`Dry run: would run\n  docker ${plan.build.argv.map(markdown/* shellQuote */.ZL).join(' ')}`);
        const result = { status: 'dry-run', notices: [], warnings: [] };
        report(plan, result, env, secrets);
        writeOutputs(plan, result, env, secrets);
        await writeSummary(plan, result, env, secrets);
        return 0;
    }
    const result = await publish(plan, ctx, inputs, secrets, env);
    report(plan, result, env, secrets);
    writeOutputs(plan, result, env, secrets);
    await writeSummary(plan, result, env, secrets);
    if (result.status === 'failure') {
        runner/* log */.Rm.error(result.error ?? 'failed', 'publish-image failed');
        return 1;
    }
    return 0;
}


/***/ }),

/***/ 83758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   hC: () => (/* binding */ escapeMessage),
/* harmony export */   jD: () => (/* binding */ tableRow),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* unused harmony export oneLine */
// Escaping helpers for GitHub-flavoured markdown built from untrusted values (branch names, tags, labels, error
// messages). Every helper returns text that is safe inline, inside a table cell, and cannot open raw HTML, links,
// emphasis, headings or block structure.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** ASCII punctuation with a markdown meaning inline (GFM): escaped with a backslash. */
const MARKDOWN_PUNCT = /[\\`*_[\]#|~$]/g;
/** Line breaks of any kind, plus other control characters that have no business in one line of text. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\v\f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** Collapse a value to one line: newlines become spaces, other control characters are dropped. */
function oneLine(value) {
    return value.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(/\t/g, ' ');
}
/**
 * Plain text for a paragraph, list item or table cell: HTML-escaped (`<script>` comes out as `&lt;script&gt;`),
 * markdown punctuation backslash-escaped (no emphasis, code, links, images, strikethrough; `|` cannot split a
 * table cell), line breaks collapsed, bare URLs kept from being auto-linked.
 */
function escapeText(value) {
    return oneLine(value)
        .replace(/[&<>]/g, (c) => HTML[c])
        .replace(MARKDOWN_PUNCT, (c) => `\\${c}`)
        .replace(/:\/\//g, '\\://') // GFM extended autolinks: https://…
        .replace(/\b(www)\./gi, '$1\\.') // … and www.…
        .replace(/^([-=+]+|\d+[.)])(?=\s|$)/, (m) => m.replace(/[-=+.)]/g, (c) => `\\${c}`)); // list / setext at line start
}
/**
 * Values shown as a plain backtick span: image refs, tags, digests, platforms, cache specs. Anything else (a
 * backtick, pipe, backslash, HTML or markdown punctuation, a line break, leading/trailing space) is entity-encoded.
 */
const PLAIN_SPAN = /^[A-Za-z0-9._:/@+=,%-]+(?: [A-Za-z0-9._:/@+=,%-]+)*$/;
/**
 * A value shown as inline code. Ordinary values become `` `value` ``. Any other value becomes `<code>…</code>` with
 * every ASCII punctuation character written as an HTML entity: a backtick cannot end the span, a pipe cannot split
 * a table cell, `<script>` stays text and nothing inside is parsed as markdown (no emphasis, links or autolinks).
 */
function code(value) {
    if (value === '')
        return '<code></code>';
    if (PLAIN_SPAN.test(value))
        return `\`${value}\``;
    const encoded = oneLine(value).replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<code>${encoded}</code>`;
}
/**
 * A message written for people (a notice, warning or reason) that may quote values: text between single backticks
 * (not touching another backtick) becomes inline code (through `code`), the rest is escaped text (through `escapeText`).
 */
function escapeMessage(value) {
    const line = oneLine(value);
    let out = '';
    let last = 0;
    // a span must not touch another backtick: adjacent spans would merge into one with a different reading
    for (const m of line.matchAll(/(?<!`)`([^`]+)`(?!`)/g)) {
        out += escapeText(line.slice(last, m.index)) + code(m[1]);
        last = m.index + m[0].length;
    }
    return out + escapeText(line.slice(last));
}
/** Longest run of consecutive `ch` in `text`. */
function longestRun(text, ch) {
    let longest = 0;
    let run = 0;
    for (const c of text) {
        run = c === ch ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}
/**
 * A fenced code block whose fence is longer than any run of backticks in the content, so no line of the content
 * can close it. The content is shown verbatim (GitHub renders code blocks as text: `<script>` is inert there).
 */
function fence(content, info = '') {
    const body = content.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    const ticks = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
    return `${ticks}${oneLine(info).replace(/`/g, '')}\n${body}\n${ticks}`;
}
/** One table row. Cells must already be escaped (escapeText / code); line breaks are collapsed defensively. */
function tableRow(cells) {
    return `| ${cells.map((c) => oneLine(c)).join(' | ')} |`;
}
/**
 * A link to an https URL, or undefined when the URL is not an absolute https URL (no javascript:, data:, …).
 * Characters that could end the destination or split a table cell are percent-encoded.
 */
function link(text, url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:')
        return undefined;
    const href = parsed.href.replace(/[\s()<>"'`|[\]\\*_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${escapeText(text)}](${href})`;
}
/** Quote one argument for a POSIX shell, for display: bare when it only has safe characters. */
function shellQuote(arg) {
    if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg))
        return arg;
    return `'${arg.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 25928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
// The contract between the tag/label engine (src/meta/) and the rest of the action.
// The engine is pure: everything it needs arrives in MetaInputs and MetaContext; it never reads
// process.env, the clock or the network.
/** A user mistake in an input: names the input, what was given and what is expected. */
class InputError extends Error {
    input;
    given;
    expected;
    constructor(input, given, expected) {
        super(`Input "${input}": got ${JSON.stringify(given)}; expected ${expected}`);
        this.input = input;
        this.given = given;
        this.expected = expected;
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 23728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ platformName),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   TT: () => (/* binding */ qemuArch)
/* harmony export */ });
/* harmony import */ var _meta_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25928);
// Platforms as buildx names them: os/arch[/variant]. Validated against the set BuildKit can target, so a typo
// such as linux/amd65 fails before anything runs instead of deep inside a build.

const KNOWN = new Set([
    'linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/386',
    'linux/arm64', 'linux/arm64/v8', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7',
    'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'linux/mips64le', 'linux/mips64', 'linux/loong64',
    'windows/amd64', 'windows/arm64', 'darwin/amd64', 'darwin/arm64', 'freebsd/amd64', 'freebsd/arm64',
]);
function platformName(p) {
    return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}
function parsePlatform(input, value) {
    const normalised = value.trim().toLowerCase();
    if (!KNOWN.has(normalised)) {
        throw new _meta_types_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, value, 'a platform os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7');
    }
    const [os, arch, variant] = normalised.split('/');
    return variant ? { os, arch, variant } : { os, arch };
}
/** The QEMU binfmt name for a foreign architecture (qemu-<name>), as update-binfmts and binfmt images call it. */
function qemuArch(p) {
    const map = {
        arm64: 'aarch64', arm: 'arm', amd64: 'x86_64', '386': 'i386', ppc64le: 'ppc64le', s390x: 's390x',
        riscv64: 'riscv64', mips64le: 'mips64el', mips64: 'mips64', loong64: 'loongarch64',
    };
    return map[p.arch] ?? p.arch;
}


/***/ }),

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


/***/ }),

/***/ 76670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
// Secrets never reach a log line, an output, the summary or an error message. The runner masks values
// registered with ::add-mask::, but local runs (act, tests, a terminal) have no masker: redact ourselves.
/**
 * Replace every occurrence of each secret with `***`. Longer secrets first (one may contain another); each line
 * of a multi-line secret is masked on its own too, as the runner's log masking does.
 */
function redact(text, secrets) {
    const all = new Set();
    for (const s of secrets) {
        if (!s || !s.trim())
            continue;
        all.add(s);
        for (const line of s.split(/\r?\n/))
            if (line.trim().length >= 4)
                all.add(line);
    }
    let out = text;
    for (const s of [...all].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}


/***/ })

};
