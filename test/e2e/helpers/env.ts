// The real test environment, as written by `bash scripts/test-env.sh` to its env file
// (default /tmp/publish-image-test-env/env; override with PUBLISH_IMAGE_TEST_ENV_FILE).
// A missing or incomplete environment is an error, never a reason to skip: e2e tests must fail loudly.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

export const DEFAULT_TEST_ENV_FILE = '/tmp/publish-image-test-env/env';
const HINT = 'Run `bash scripts/test-env.sh` (as root) to set up dockerd, buildx, QEMU and the test registries.';

export interface TestEnv {
  /** The env file these values came from. */
  file: string;
  /** Where the script keeps its state: registry storage, logs, password, pid files. */
  stateDir: string;
  /** Absolute path of the docker CLI with the buildx plugin (Debian's /usr/bin/docker). */
  docker: string;
  /** host:port of the registry without auth, e.g. 127.0.0.1:5000 (plain http; dockerd treats 127.0.0.0/8 as insecure). */
  registryOpen: string;
  /** host:port of the registry with htpasswd auth, e.g. 127.0.0.1:5001. */
  registryAuth: string;
  registryUser: string;
  /** The auth registry's password (read from registryPasswordFile). */
  registryPassword: string;
  registryPasswordFile: string;
  /** Multi-platform (linux/amd64, linux/arm64) busybox image on scratch in the open registry: use it in FROM. */
  baseImage: string;
  /** Static busybox binaries (amd64 and arm64) the base image was made from. */
  busyboxAmd64: string;
  busyboxArm64: string;
}

const KEYS = {
  stateDir: 'STATE_DIR',
  docker: 'DOCKER',
  registryOpen: 'REGISTRY_OPEN',
  registryAuth: 'REGISTRY_AUTH',
  registryUser: 'REGISTRY_USER',
  registryPasswordFile: 'REGISTRY_PASSWORD_FILE',
  baseImage: 'BASE_IMAGE',
  busyboxAmd64: 'BUSYBOX_AMD64',
  busyboxArm64: 'BUSYBOX_ARM64',
} as const;

/** Parses the env file's `KEY=value` lines (comments and blank lines ignored). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

let cached: TestEnv | undefined;

/** Reads the env file; throws (with the command to run) when it is missing or incomplete. */
export function loadTestEnv(file = process.env.PUBLISH_IMAGE_TEST_ENV_FILE ?? DEFAULT_TEST_ENV_FILE): TestEnv {
  if (cached && cached.file === file) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`The e2e test environment is missing: cannot read ${file} (${(err as Error).message}). ${HINT}`);
  }
  const vars = parseEnvFile(text);
  const missing = Object.values(KEYS).filter((k) => !vars[k]);
  if (missing.length > 0) {
    throw new Error(`The e2e env file ${file} lacks ${missing.join(', ')}. ${HINT}`);
  }
  let registryPassword: string;
  try {
    registryPassword = readFileSync(vars.REGISTRY_PASSWORD_FILE, 'utf8').trim();
  } catch (err) {
    throw new Error(
      `Cannot read the registry password ${vars.REGISTRY_PASSWORD_FILE}: ${(err as Error).message}. ${HINT}`,
    );
  }
  cached = {
    file,
    stateDir: vars[KEYS.stateDir],
    docker: vars[KEYS.docker],
    registryOpen: vars[KEYS.registryOpen],
    registryAuth: vars[KEYS.registryAuth],
    registryUser: vars[KEYS.registryUser],
    registryPassword,
    registryPasswordFile: vars[KEYS.registryPasswordFile],
    baseImage: vars[KEYS.baseImage],
    busyboxAmd64: vars[KEYS.busyboxAmd64],
    busyboxArm64: vars[KEYS.busyboxArm64],
  };
  return cached;
}

const run = promisify(execFile);

/**
 * Loads the env and checks that it is up: dockerd answers, the open registry serves /v2/ (200) and the auth
 * registry demands credentials (401). Throws with the command to run otherwise (e.g. after a reboot).
 */
export async function requireTestEnv(): Promise<TestEnv> {
  const env = loadTestEnv();
  try {
    await run(env.docker, ['info', '--format', '{{.ServerVersion}}'], { timeout: 20_000 });
  } catch (err) {
    throw new Error(`dockerd does not answer (${env.docker} info: ${(err as Error).message.trim()}). ${HINT}`);
  }
  for (const [name, hostPort, want] of [
    ['open', env.registryOpen, 200],
    ['auth', env.registryAuth, 401],
  ] as const) {
    let status: number | string;
    try {
      status = (await fetch(`http://${hostPort}/v2/`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch (err) {
      status = (err as Error).message;
    }
    if (status !== want) {
      throw new Error(`The ${name} registry at ${hostPort} answered ${status} to /v2/, expected ${want}. ${HINT}`);
    }
  }
  return env;
}

/**
 * The inputs of a real two-platform push of test/fixtures/contexts/multiarch to the auth registry: `repo` is the
 * repository path, `nonce` makes the RUN step's output unique to the test run.
 */
export function multiarchPushInputs(env: TestEnv, repo: string, nonce: string): Record<string, string> {
  return {
    images: `${env.registryAuth}/${repo}`,
    registry: env.registryAuth,
    username: env.registryUser,
    password: env.registryPassword,
    context: 'test/fixtures/contexts/multiarch',
    platforms: 'linux/amd64,linux/arm64',
    network: 'host',
    'build-args': `BASE=${env.baseImage}\nNONCE=${nonce}`,
  };
}
