// GitHub REST API double on 127.0.0.1 (point GITHUB_API_URL at `url`).
//
//   POST /repos/{owner}/{repo}/attestations   {"bundle": …} → 201 {"id": n}; the bundle is recorded
//   GET  /repos/{owner}/{repo}                → repository metadata (configurable)
//   anything else                             → 404 {"message": "Not Found"}
//
// Every request is recorded (method, path, whether an Authorization header came, its scheme, body).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RepoMetadata {
  name: string;
  full_name: string;
  description: string | null;
  html_url: string;
  homepage?: string | null;
  license: { key: string; spdx_id: string; name: string } | null;
  default_branch: string;
  private: boolean;
  visibility: 'public' | 'private' | 'internal';
  topics?: string[];
  owner: { login: string; type: 'User' | 'Organization' };
  [field: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  hasAuth: boolean;
  /** e.g. "token", "bearer", "basic" (lower-case), when an Authorization header came. */
  authScheme?: string;
  /** The credential after the scheme — only for tests that assert which token was sent. */
  authValue?: string;
  userAgent?: string;
  body?: unknown;
}

export interface StoredAttestation {
  id: number;
  owner: string;
  repo: string;
  bundle: unknown;
}

export interface GitHubApiDoubleOptions {
  /** owner/repo whose metadata is served; default `octo-org/publish-image-demo`. */
  repository?: string;
  /** Overrides merged into the default metadata. */
  repo?: Partial<RepoMetadata>;
  /** First attestation id (default 1000). */
  firstAttestationId?: number;
  /** Answer the attestation POST with this status instead (e.g. 403 to test the permission hint). */
  attestationStatus?: number;
  /** Answer storage-record requests with this status (e.g. 403 without artifact-metadata: write). */
  storageRecordStatus?: number;
  /** Require this token (`Authorization: token|bearer <t>`) on every request; 401 otherwise. */
  requireToken?: string;
}

export interface StoredStorageRecord {
  id: number;
  owner: string;
  record: Record<string, unknown>;
}

export interface GitHubApiDouble {
  url: string;
  requests: RecordedRequest[];
  attestations: StoredAttestation[];
  /** POST /orgs/{owner}/artifacts/metadata/storage-record bodies */
  storageRecords: StoredStorageRecord[];
  setStorageRecordStatus(status: number | undefined): void;
  /** Replace the served repository metadata (merged into the defaults). */
  setRepo(meta: Partial<RepoMetadata>): void;
  setAttestationStatus(status: number | undefined): void;
  env(): Record<string, string>;
  close(): Promise<void>;
}

export function defaultRepoMetadata(repository: string): RepoMetadata {
  const [owner, name] = repository.split('/');
  return {
    id: 123456789,
    node_id: 'R_kgDOtest',
    name,
    full_name: repository,
    description: 'A model image published with publish-image',
    html_url: `https://github.com/${repository}`,
    homepage: null,
    license: { key: 'mit', spdx_id: 'MIT', name: 'MIT License' },
    default_branch: 'main',
    private: false,
    visibility: 'public',
    topics: [],
    owner: { login: owner, type: 'Organization' },
  };
}

export async function startGitHubApiDouble(opts: GitHubApiDoubleOptions = {}): Promise<GitHubApiDouble> {
  const repository = opts.repository ?? 'octo-org/publish-image-demo';
  let repo: RepoMetadata = { ...defaultRepoMetadata(repository), ...opts.repo };
  let nextId = opts.firstAttestationId ?? 1000;
  let attestationStatus = opts.attestationStatus;
  const requests: RecordedRequest[] = [];
  const attestations: StoredAttestation[] = [];
  const storageRecords: StoredStorageRecord[] = [];
  let storageRecordStatus = opts.storageRecordStatus;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const auth = req.headers.authorization;
    const [scheme, ...rest] = (auth ?? '').split(' ');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      hasAuth: Boolean(auth),
      ...(auth ? { authScheme: scheme.toLowerCase(), authValue: rest.join(' ') } : {}),
      userAgent: req.headers['user-agent'],
      body,
    };
    requests.push(recorded);

    const send = (status: number, payload: unknown) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': `DBL:${requests.length}`,
      });
      res.end(JSON.stringify(payload));
    };
    if (opts.requireToken && recorded.authValue !== opts.requireToken) {
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }

    const m = /^\/repos\/([^/]+)\/([^/]+)(\/attestations)?\/?$/.exec(url.pathname);
    if (m && m[3] && req.method === 'POST') {
      if (attestationStatus && attestationStatus >= 400) {
        return send(attestationStatus, {
          message: attestationStatus === 403 ? 'Resource not accessible by integration' : 'Error',
          documentation_url: 'https://docs.github.com/rest/repos/attestations',
        });
      }
      const bundle = (body as { bundle?: unknown } | undefined)?.bundle;
      if (!bundle || typeof bundle !== 'object') return send(422, { message: 'Invalid request: bundle is required' });
      const id = nextId++;
      attestations.push({ id, owner: m[1], repo: m[2], bundle });
      return send(201, { id });
    }
    // GitHub's artifact metadata API: a storage record says where an attested artifact lives (org repositories;
    // needs `artifact-metadata: write`). Answered like the real endpoint: the ids of the records created.
    const storage = /^\/orgs\/([^/]+)\/artifacts\/metadata\/storage-record$/.exec(url.pathname);
    if (storage && req.method === 'POST') {
      if (storageRecordStatus && storageRecordStatus >= 400) {
        return send(storageRecordStatus, { message: 'Resource not accessible by integration' });
      }
      const record = body as Record<string, unknown> | undefined;
      if (!record?.name || !record?.digest || !record?.registry_url) {
        return send(422, { message: 'Invalid request: name, digest and registry_url are required' });
      }
      const id = nextId++;
      storageRecords.push({ id, owner: storage[1], record });
      return send(200, { storage_records: [{ id }] });
    }
    if (m && !m[3] && req.method === 'GET') {
      if (`${m[1]}/${m[2]}`.toLowerCase() !== repo.full_name.toLowerCase()) return send(404, { message: 'Not Found' });
      return send(200, repo);
    }
    return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    requests,
    attestations,
    storageRecords,
    setStorageRecordStatus: (status) => {
      storageRecordStatus = status;
    },
    setRepo: (meta) => {
      repo = { ...defaultRepoMetadata(repository), ...meta };
    },
    setAttestationStatus: (status) => {
      attestationStatus = status;
    },
    env: () => ({ GITHUB_API_URL: url }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
