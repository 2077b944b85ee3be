// What a path on the runner is, asked once per path an input names (secret files, SSH keys and agent sockets, build
// contexts). Injected into the checks so they stay pure and the unit tests can describe a file system.
import { statSync } from 'node:fs';

export type PathKind = 'file' | 'directory' | 'socket' | 'other';

/** The kind of what `path` names (symlinks followed), undefined when nothing is there or it cannot be read. */
export type PathProbe = (path: string) => PathKind | undefined;

export const statPath: PathProbe = (path) => {
  try {
    const s = statSync(path);
    if (s.isFile()) return 'file';
    if (s.isDirectory()) return 'directory';
    if (s.isSocket()) return 'socket';
    return 'other';
  } catch {
    return undefined;
  }
};
