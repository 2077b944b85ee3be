// A second Docker engine for the e2e tests, as a second machine would have: its own dockerd on its own socket, with
// the classic image store (vfs, no containerd snapshotter), no bridge, no iptables, its own containerd namespace.
// The builder tests use it for the decisions a classic engine forces; the fan-out test builds a leg on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sh } from './docker.js';

export interface ClassicEngine {
  /** DOCKER_HOST of the engine: unix://<dir>/docker.sock */
  host: string;
  stop(): Promise<void>;
}

/**
 * `env`: extra environment of the dockerd process, e.g. SSL_CERT_FILE: Docker Hub's login trusts the system roots
 * only (not /etc/docker/certs.d), and a running dockerd has read those once for good.
 */
export async function startClassicEngine(
  docker: string,
  opts: { env?: Record<string, string> } = {},
): Promise<ClassicEngine> {
  const dir = mkdtempSync('/tmp/pi-dockerd2-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'daemon.json'), '{}');
  const host = `unix://${dir}/docker.sock`;
  const namespace = `publish-image-classic-${dir.slice(-6).toLowerCase()}`;
  const dockerd: ChildProcess = spawn(
    '/usr/sbin/dockerd',
    [
      ...['--config-file', join(dir, 'daemon.json'), '--data-root', join(dir, 'data')],
      ...['--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'docker.pid'), '--host', host],
      ...['--storage-driver', 'vfs', '--bridge', 'none', '--iptables=false', '--ip-masq=false'],
      ...['--containerd-namespace', namespace, '--containerd-plugins-namespace', `${namespace}-plugins`],
    ],
    { stdio: 'ignore', env: { ...process.env, ...opts.env } },
  );
  const stop = async () => {
    if (dockerd.exitCode === null) {
      const exited = new Promise((r) => dockerd.once('exit', r));
      dockerd.kill('SIGTERM');
      await exited;
    }
    // dockerd leaves its network namespace mounted; unmount it so the state directory can go
    await sh('umount', [join(dir, 'exec/netns/default')]);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    const info = await sh(docker, ['--host', host, 'info', '--format', '{{json .DriverStatus}}']);
    if (info.code === 0) {
      if (info.stdout.includes('io.containerd.snapshotter')) {
        await stop();
        throw new Error('the second dockerd uses the containerd store');
      }
      return { host, stop };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('the second dockerd did not start');
}
