// What a pushing flow (publish, merge) does once the registry should hold its digest: read every ref back — and
// when that fails, say where every tag points, so no failure leaves tags moved without saying which — then attest
// the digest once per image name. One copy, so the two flows cannot drift in what they guarantee.
import type { AttestPlan } from '../plan/types.js';
import { redact } from '../redact.js';
import type { Credential } from '../registry/identity.js';
import type { Registries } from '../registry/session.js';
import type { RunResult, VerifyResult } from '../result.js';
import { readTagStates } from './tag-states.js';
import type { FlowEnv } from './types.js';

/** Verifies `refs` → `digest` with every platform; on failure records the error and the tags' states, then throws. */
export async function verifyOrReadBack(
  refs: readonly string[],
  digest: string,
  platforms: readonly string[],
  registries: Registries,
  result: RunResult,
  secrets: readonly string[],
): Promise<VerifyResult> {
  const { verifyPush } = await import('../docker/verify.js');
  try {
    result.verify = await verifyPush(refs, digest, platforms, registries);
    return result.verify;
  } catch (e) {
    result.verifyError = redact((e as Error).message, secrets);
    result.tagStates = await readTagStates(refs, digest, registries);
    throw e;
  }
}

/** Attests `digest` for every subject of the plan (the attestation chunk loads only here). */
export async function attestDigest(
  attest: AttestPlan,
  digest: string,
  opts: { flow: FlowEnv; credentials: Credential[]; workDir: string; result: RunResult },
): Promise<void> {
  if (!attest.enabled) return;
  const { attestImages } = await import('../attest.js');
  const attestation = await attestImages({
    subjects: attest.subjects.map((name) => ({ name, digest })),
    githubToken: opts.flow.githubToken,
    pushToRegistry: attest.pushToRegistry,
    credentials: opts.credentials,
    bundleDir: opts.workDir,
    sigstore: attest.sigstore,
    urlBase: attest.urlBase,
  });
  opts.result.attestation = attestation;
  opts.result.warnings.push(...attestation.warnings);
}
