// Whether and what to attest: the pushed digest of every image name, signed with the Sigstore instance the
// repository's visibility calls for (public-good for public repositories, GitHub's for private and internal ones).
import type { Context } from '../context.js';
import { InputError } from '../errors.js';
import type { AttestMode } from '../inputs/index.js';
import type { AttestPlan, SigstoreInstance } from './types.js';

function sigstoreFor(visibility: string | undefined): SigstoreInstance | undefined {
  if (visibility === undefined) return undefined; // @actions/attest decides from the event payload
  return visibility === 'public' ? 'public-good' : 'github';
}

export function planAttest(
  given: { attest: AttestMode; pushToRegistry: boolean },
  ctx: Context,
  push: boolean,
  subjects: string[],
  notices: string[],
): AttestPlan {
  const base = {
    pushToRegistry: given.pushToRegistry,
    subjects,
    sigstore: sigstoreFor(ctx.visibility),
    urlBase: ctx.repository ? `${ctx.serverUrl}/${ctx.repository}/attestations/` : undefined,
  };
  if (given.attest === 'off') return { ...base, enabled: false, reason: 'attest is false' };
  if (!push) return { ...base, enabled: false, reason: 'nothing is pushed' };
  if (!ctx.runtime.oidc) {
    const need = ctx.runtime.act
      ? 'act offers no OIDC token, so runs under act cannot attest'
      : 'add `permissions: id-token: write` and `attestations: write` to the job';
    if (given.attest === 'on') {
      throw new InputError('attest', 'true', `a runtime with an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL): ${need}`);
    }
    notices.push(`Build-provenance attestation skipped: this run has no OIDC token; ${need}.`);
    return { ...base, enabled: false, reason: 'no OIDC token (id-token: write missing)' };
  }
  return { ...base, enabled: true, reason: 'pushed image, OIDC token available' };
}
