// `ssh`: SSH agent sockets or keys the build may use (`RUN --mount=type=ssh`), as buildx's `--ssh` takes them:
// `default`, `<id>` (both: the agent at SSH_AUTH_SOCK), or `<id>=<socket|key>[,<socket|key>…]`. Paths are checked
// to exist; keys are never read here (buildx loads them), so their content cannot reach a log.
import { InputError } from '../errors.js';
import type { PathProbe } from './paths.js';

export interface SshEntry {
  id: string;
  /** agent sockets or private key files; empty: the agent at SSH_AUTH_SOCK */
  paths: string[];
  /** the `--ssh` value */
  value: string;
}

export const SSH_FORM = 'default, <id>, or <id>=<agent socket or key file>[,<socket or key>…]';
const ID = /^[A-Za-z0-9_.-]+$/;

/**
 * The entries of the input's items. build-push-action splits this input at every comma; a comma-separated item
 * without `=` right after an `id=path` item is another path of that entry, as in buildx's own `id=path,path`.
 */
export function parseSsh(
  items: readonly string[],
  probe: PathProbe,
  env: Readonly<Record<string, string | undefined>>,
): SshEntry[] {
  const entries: { id: string; paths: string[] }[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const last = entries[entries.length - 1];
    if (eq < 0 && last && last.paths.length > 0) {
      last.paths.push(item);
      continue;
    }
    const id = eq < 0 ? item : item.slice(0, eq);
    const path = eq < 0 ? '' : item.slice(eq + 1);
    if (!ID.test(id) || (eq >= 0 && path === '')) throw new InputError('ssh', item, SSH_FORM);
    entries.push({ id, paths: path ? [path] : [] });
  }
  return entries.map(({ id, paths }) => {
    const value = paths.length ? `${id}=${paths.join(',')}` : id;
    for (const p of paths) {
      const kind = probe(p);
      if (kind !== 'socket' && kind !== 'file') {
        throw new InputError('ssh', value, `${SSH_FORM} (${p} ${kind ? `is a ${kind}` : 'does not exist'})`);
      }
    }
    if (paths.length === 0) {
      const sock = env.SSH_AUTH_SOCK;
      if (!sock || probe(sock) !== 'socket') {
        throw new InputError(
          'ssh',
          value,
          `${SSH_FORM}; "${id}" uses the SSH agent, but SSH_AUTH_SOCK ${sock ? `(${sock}) is not a socket` : 'is not set'}: start an agent first or give ${id}=<key file>`,
        );
      }
    }
    return { id, paths, value };
  });
}
