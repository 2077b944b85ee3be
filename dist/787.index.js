export const id = 787;
export const ids = [787];
export const modules = {

/***/ 22787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyPush: () => (/* binding */ verifyPush)
});

// UNUSED EXPORTS: indexPlatforms

// EXTERNAL MODULE: ./src/image-ref.ts
var image_ref = __webpack_require__(37206);
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
function baseUrl(registry) {
    const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
    return `${(0,image_ref/* isLoopbackRegistry */.jW)(registry) ? 'http' : 'https'}://${host}`;
}
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
        const url = `${baseUrl(this.registry)}/v2/${path}`;
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
            const login = logins.find((l) => l.registry === ref.registry);
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


/***/ })

};
