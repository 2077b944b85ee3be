// Small helpers for e2e assertions: run a command (argv, no shell) and read a registry over its HTTP API.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export function sh(
  cmd: string,
  args: string[],
  opts: { input?: string; env?: Record<string, string> } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    // a child that exits without reading its stdin closes the pipe (EPIPE): its exit code says what happened
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface Fetched {
  status: number;
  digest: string;
  json: Record<string, any>;
}

/** GET a manifest or blob from a plain-http registry on 127.0.0.1 (Basic auth when given). */
export async function registryGet(
  registry: string,
  path: string,
  auth?: { user: string; password: string },
): Promise<Fetched> {
  const res = await fetch(`http://${registry}/v2/${path}`, {
    headers: {
      accept: ACCEPT,
      ...(auth ? { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` } : {}),
    },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: Record<string, any> = {};
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    // not JSON (an error page): leave empty
  }
  return { status: res.status, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, json };
}
