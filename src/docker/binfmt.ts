// QEMU through the kernel's binfmt_misc: which emulators this machine has (read from /proc, no process started),
// and their registration with the binfmt image, as docker/setup-qemu-action does — only for platforms the
// builder lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBinfmtEntry, type BinfmtEntry } from './builder-facts.js';

export const BINFMT_MISC = '/proc/sys/fs/binfmt_misc';

/** setup-qemu-action's default image. */
export const DEFAULT_BINFMT_IMAGE = 'docker.io/tonistiigi/binfmt:latest';

export interface BinfmtState {
  /** binfmt_misc is mounted and its status is enabled */
  enabled: boolean;
  entries: BinfmtEntry[];
}

/** The qemu-* entries of binfmt_misc (an unmounted or unreadable binfmt_misc reads as disabled). */
export function readBinfmt(dir = BINFMT_MISC): BinfmtState {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith('qemu-'));
  } catch {
    return { enabled: false, entries: [] };
  }
  let enabled = false;
  try {
    enabled = readFileSync(join(dir, 'status'), 'utf8').trim() === 'enabled';
  } catch {
    // no status file: binfmt_misc is not mounted here
  }
  const entries: BinfmtEntry[] = [];
  for (const name of names) {
    try {
      entries.push(parseBinfmtEntry(name, readFileSync(join(dir, name), 'utf8')));
    } catch {
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
export function qemuInstallArgv(image: string, platforms: readonly string[]): string[] {
  // The plan's platforms are normalised names (os/arch[/variant], src/platform.ts's platformName), so the
  // architecture is the second part. Not parsePlatform: importing src/platform.ts from this chunk would make the
  // entry bundle keep it as a separate module, which costs every start.
  const archs = [...new Set(platforms.map((p) => p.split('/')[1] ?? p))];
  return ['run', '--rm', '--privileged', '--network', 'none', image, '--install', archs.join(',')];
}
