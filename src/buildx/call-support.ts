// Whether the runner's buildx has `--call` (added in buildx 0.15.0). Asked once the effects know the buildx
// version; kept out of call.ts so reading the inputs does not load the SemVer parser.
// Mapping to buildx 0.13's experimental `--print` is not equivalent: it needs BUILDX_EXPERIMENTAL=1 (another
// build code path), has no `check` method and no `ignorestatus`, and exits 0 whatever the checks find.
import semver from 'semver';
import { InputError } from '../errors.js';
import type { CallFunc } from './call.js';

export const CALL_MIN_BUILDX = '0.15.0';

/**
 * Throws an InputError naming `call` and the buildx version needed when the runner's buildx (as `docker buildx
 * version` reports it, e.g. "0.13.1") predates `--call`. An unreadable version lets buildx decide.
 */
export function checkCallSupported(call: CallFunc | undefined, buildxVersion: string): void {
  if (call === undefined || call.name === 'build') return;
  const v = semver.coerce(buildxVersion);
  if (v && semver.lt(v, CALL_MIN_BUILDX)) {
    throw new InputError(
      'call',
      call.value,
      `a buildx with --call (buildx ≥ ${CALL_MIN_BUILDX}; this runner has buildx ${buildxVersion}): update buildx, e.g. with docker/setup-buildx-action, or remove call`,
    );
  }
}
