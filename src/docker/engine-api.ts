// The Engine API asked directly over its socket: /info answers in tens of milliseconds, where `docker info`
// starts the CLI from scratch first (~0.2–0.4 s on a 2-core runner). Only for endpoints
// the action can reach exactly as the CLI would (a unix socket, or plain tcp); ssh, TLS and named contexts keep
// the CLI, which knows their configuration.
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../runner.js';
import { parseEngineInfo, type EngineFacts } from './builder-facts.js';

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** Where the Docker CLI would connect, and whether the action can do the same without it. */
export type EngineEndpoint =
  | { kind: 'unix'; host: string; socketPath: string }
  | { kind: 'tcp'; host: string; hostname: string; port: number }
  /** only the CLI knows how: why, for the debug log */
  | { kind: 'cli'; host: string; reason: string };

/** The environment the Docker CLI reads to find its engine (values as the runner passes them). */
export interface DockerEnv {
  DOCKER_HOST?: string;
  DOCKER_CONTEXT?: string;
  DOCKER_TLS_VERIFY?: string;
  DOCKER_CERT_PATH?: string;
}

export function dockerEnv(env: Env): DockerEnv {
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
export function contextName(env: DockerEnv, currentContext: string | undefined): string {
  if (env.DOCKER_HOST) return 'default';
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  return currentContext || 'default';
}

/** config.json's currentContext in a Docker config directory (undefined when unset or unreadable). */
export function readCurrentContext(dockerConfig: string): string | undefined {
  try {
    const doc = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as { currentContext?: unknown };
    return typeof doc.currentContext === 'string' && doc.currentContext ? doc.currentContext : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The default context's host as the CLI spells it (buildx keys its `current` builder by it): DOCKER_HOST, else
 * the local socket. `tcp://host` gets Docker's default port, as the CLI's ParseHost does.
 */
export function defaultContextHost(env: DockerEnv): string {
  const host = (env.DOCKER_HOST ?? '').trim();
  if (!host) return DEFAULT_DOCKER_HOST;
  const tcp = /^tcp:\/\/([^/:]+|\[[^\]]+\])\/?$/.exec(host);
  if (tcp) return `tcp://${tcp[1]}:${env.DOCKER_TLS_VERIFY ? 2376 : 2375}`;
  return host;
}

/** How to reach the engine the CLI would use (pure: the caller reads config.json's currentContext). */
export function engineEndpoint(env: DockerEnv, currentContext?: string): EngineEndpoint {
  const context = contextName(env, currentContext);
  const host = context === 'default' ? defaultContextHost(env) : context;
  if (context !== 'default') return { kind: 'cli', host, reason: `the Docker context "${context}" is in use` };
  if (env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH) {
    return { kind: 'cli', host, reason: 'DOCKER_TLS_VERIFY/DOCKER_CERT_PATH ask for TLS' };
  }
  const unix = /^unix:\/\/(\/.+)$/.exec(host);
  if (unix) return { kind: 'unix', host, socketPath: unix[1] };
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^/:]+):(\d+)\/?$/.exec(host);
  if (tcp) return { kind: 'tcp', host, hostname: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2]) };
  return { kind: 'cli', host, reason: `the engine is at ${host}` };
}

type ReachableEngine = Extract<EngineEndpoint, { kind: 'unix' | 'tcp' }>;

/** One Engine API request (unversioned paths: the engine's own API version); the status and the body as text. */
function engineRequest(
  endpoint: ReachableEngine,
  method: 'GET' | 'POST',
  path: string,
  timeoutMs: number,
  json?: unknown,
): Promise<{ status: number; body: string }> {
  const target =
    endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath } : { host: endpoint.hostname, port: endpoint.port };
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    // A unix socket has no host name; the CLI sends "api.moby.localhost" as the Host header there.
    const headers: Record<string, string> = endpoint.kind === 'unix' ? { host: 'api.moby.localhost' } : {};
    if (payload) headers['content-type'] = 'application/json';
    const req = request({ ...target, path, method, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${path} on ${endpoint.host}: no answer in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A GET to the Engine API, its body as JSON. */
export async function engineGet(endpoint: ReachableEngine, path: string, timeoutMs = 10_000): Promise<unknown> {
  const { status, body } = await engineRequest(endpoint, 'GET', path, timeoutMs);
  if (status !== 200) throw new Error(`GET ${path} on ${endpoint.host}: HTTP ${status} ${body.slice(0, 200).trim()}`);
  try {
    return JSON.parse(body);
  } catch {
    throw new Error(`GET ${path} on ${endpoint.host}: not JSON`);
  }
}

/**
 * The engine's own check of a registry login (POST /auth, what `docker login` asks first): the identity token
 * when the registry gave one, or undefined when the engine did not say yes — refused, unreachable, or an engine
 * that cannot be asked — for the caller to let the CLI try and word the failure.
 */
export async function engineLogin(
  endpoint: ReachableEngine,
  login: { username: string; password: string; serverAddress: string },
  timeoutMs = 30_000,
): Promise<{ identityToken?: string } | undefined> {
  try {
    const { status, body } = await engineRequest(endpoint, 'POST', '/auth', timeoutMs, {
      username: login.username,
      password: login.password,
      serveraddress: login.serverAddress,
    });
    if (status !== 200) return undefined;
    const answer = JSON.parse(body) as { IdentityToken?: unknown };
    return typeof answer.IdentityToken === 'string' && answer.IdentityToken
      ? { identityToken: answer.IdentityToken }
      : {};
  } catch {
    return undefined;
  }
}

/** /info → the engine's facts. Throws when the engine does not answer. */
export async function engineFactsFromApi(endpoint: ReachableEngine): Promise<EngineFacts> {
  return parseEngineInfo(await engineGet(endpoint, '/info'));
}
