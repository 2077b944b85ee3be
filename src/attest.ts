// Build-provenance attestation: sign an SLSA v1 provenance statement for the pushed image(s) with Sigstore
// (via @actions/attest), store it with GitHub's attestations API, write the bundle under RUNNER_TEMP and,
// when asked, attach the bundle to each image in its registry as an OCI referrer.
//
// This module is heavy (Sigstore, Octokit, jose, make-fetch-happen); main.ts loads it with
// `await import('./attest.js')` on the attestation path only, so ncc emits it as a separate chunk.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { attestProvenance, createStorageRecord } from '@actions/attest';
import { attachArtifactToImage } from '@sigstore/oci';
import { credentialFor, type Credential } from './registry/identity.js';
import { registryOf, repositoryName } from './registry/image-ref.js';

export interface AttestSubject {
  /** Image name without tag, e.g. `127.0.0.1:5001/org/app` or `ghcr.io/owner/app`. */
  name: string;
  /** `sha256:<hex>` — the digest that was pushed (the index digest for multi-platform images). */
  digest: string;
}

export interface AttestOptions {
  subjects: AttestSubject[];
  githubToken: string;
  pushToRegistry: boolean;
  /** The credentials this action logged in with; the only ones used for the referrer push. */
  credentials: Credential[];
  /** Where the Sigstore bundle JSON is written (the run's work dir under RUNNER_TEMP). */
  bundleDir: string;
  /** Sigstore instance; default: chosen by @actions/attest from the repository visibility in the event. */
  sigstore?: 'public-good' | 'github';
  /** `<server>/<owner>/<repo>/attestations/`: an attestation's page is this plus its id (from the plan). */
  urlBase?: string;
}

export interface AttestOutcome {
  attestationId?: string;
  attestationUrl?: string;
  /** Path of the Sigstore bundle JSON written under RUNNER_TEMP. */
  bundlePath: string;
  /** One entry per image the bundle was attached to: the image (name@digest) and the referrer manifest digest. */
  referrers: { subject: string; digest: string }[];
  /** Ids of the storage records created with GitHub's artifact metadata API. */
  storageRecords: number[];
  /** Problems that did not fail the attestation (e.g. no storage record without artifact-metadata: write). */
  warnings: string[];
}

/** Media type of a Sigstore bundle v0.3; used as the referrer's artifactType and layer media type. */
export const SIGSTORE_BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const DIGEST_RE = /^sha256:([a-f0-9]{64})$/;

/** Failure of the attestation step; the message says which part failed and what to do next. */
export class AttestationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AttestationError';
  }
}

/**
 * One attestation for all subjects: one in-toto statement listing every `name@digest`, signed once (one Fulcio
 * certificate, one transparency-log entry/timestamp) and stored once with the attestations API, which indexes it
 * by every subject digest. The usual case is one image pushed under several names or registries, all with the
 * same digest; the same bundle is then attached as a referrer to each of them.
 */
export async function attestImages(opts: AttestOptions): Promise<AttestOutcome> {
  const subjects = normaliseSubjects(opts.subjects);
  if (!opts.githubToken) {
    throw new AttestationError('attest: no GitHub token; the attestations API needs one.');
  }

  core.info(
    `Attesting build provenance for ${subjects.map((s) => `${s.name}@${s.digest}`).join(', ')}` +
      (opts.sigstore ? ` (Sigstore: ${opts.sigstore})` : ''),
  );

  let attestation: Awaited<ReturnType<typeof attestProvenance>>;
  try {
    attestation = await attestProvenance({
      subjects: subjects.map((s) => ({ name: s.name, digest: { sha256: s.hex } })),
      token: opts.githubToken,
      ...(opts.sigstore ? { sigstore: opts.sigstore } : {}),
    });
  } catch (err) {
    throw new AttestationError(
      `attest: creating the provenance attestation failed: ${messageOf(err)}. ${hintFor(err)}`,
      {
        cause: err,
      },
    );
  }

  const bundleJson = JSON.stringify(attestation.bundle);
  const dir = opts.bundleDir;
  await mkdir(dir, { recursive: true });
  const bundlePath = path.join(dir, `attestation-${subjects[0].hex}.json`);
  await writeFile(bundlePath, bundleJson + '\n', { mode: 0o644 });
  core.info(`Sigstore bundle written to ${bundlePath}`);
  if (attestation.tlogID) core.info(`Transparency log index: ${attestation.tlogID}`);

  const outcome: AttestOutcome = { bundlePath, referrers: [], storageRecords: [], warnings: [] };
  if (attestation.attestationID !== undefined && attestation.attestationID !== null) {
    outcome.attestationId = String(attestation.attestationID);
    outcome.attestationUrl = opts.urlBase ? `${opts.urlBase}${outcome.attestationId}` : undefined;
    core.info(`Attestation created: ${outcome.attestationUrl ?? outcome.attestationId}`);
  }

  if (opts.pushToRegistry) {
    const artifact = Buffer.from(bundleJson);
    const mediaType = attestation.bundle.mediaType || SIGSTORE_BUNDLE_V03_MEDIA_TYPE;
    // Attach once per image name (a name listed twice with the same digest is one image).
    for (const s of subjects) {
      const ref = repositoryName(s.name);
      const creds = credentialFor(registryOf(ref), opts.credentials);
      try {
        const descriptor = await attachReferrer(ref, s.digest, artifact, mediaType, creds);
        outcome.referrers.push({ subject: `${s.name}@${s.digest}`, digest: descriptor.digest });
        core.info(`Attestation attached to ${s.name}@${s.digest} as referrer ${descriptor.digest}`);
      } catch (err) {
        throw new AttestationError(
          `attest: attaching the attestation to ${s.name}@${s.digest} failed: ${messageOf(err)}. ` +
            (creds
              ? `Check that the credentials for ${registryOf(ref)} can push to ${s.name}.`
              : `No login was configured for ${registryOf(ref)}; add it to the action's registry logins.`),
          { cause: err },
        );
      }
    }
    await recordStorage(subjects, opts.githubToken, outcome);
  }
  return outcome;
}

/**
 * Tell GitHub where the attested image is stored (its artifact metadata API), so the attestation links to the
 * package. Only organization repositories have it, and it needs `artifact-metadata: write`; without it the
 * attestation still stands, so a failure is a warning that names the permission.
 */
async function recordStorage(subjects: NormalisedSubject[], token: string, outcome: AttestOutcome): Promise<void> {
  for (const s of subjects) {
    const ref = repositoryName(s.name);
    const registry = registryOf(ref);
    try {
      const ids = await createStorageRecord(
        { name: s.name, digest: s.digest },
        { registryUrl: `https://${registry}`, artifactUrl: `https://${ref}` },
        token,
        0,
      );
      outcome.storageRecords.push(...ids);
    } catch (err) {
      outcome.warnings.push(
        `No storage record for ${s.name}@${s.digest} (GitHub's artifact metadata API): ${messageOf(err)}. ` +
          'Organization repositories need `permissions: artifact-metadata: write` for it; the attestation itself is stored.',
      );
    }
  }
}

// make-fetch-happen ships no types, so @sigstore/oci's Pick<FetchOptions, …> asks for every key.
type OciFetchOptions = NonNullable<Parameters<typeof attachArtifactToImage>[0]['fetchOpts']>;

const REFERRER_ANNOTATIONS = {
  'dev.sigstore.bundle.content': 'dsse-envelope',
  'dev.sigstore.bundle.predicateType': SLSA_PROVENANCE_V1,
};

async function attachReferrer(
  imageName: string,
  imageDigest: string,
  artifact: Buffer,
  mediaType: string,
  creds: Credential | undefined,
): Promise<{ digest: string }> {
  const attach = (credentials: Credential | undefined) =>
    attachArtifactToImage({
      imageName,
      imageDigest,
      artifact,
      mediaType,
      annotations: REFERRER_ANNOTATIONS,
      // undefined → anonymous (no sign-in). Never read from ~/.docker/config.json.
      credentials: credentials as { username: string; password: string },
      fetchOpts: { retry: 2, timeout: 60_000 } as OciFetchOptions,
    });
  try {
    return await attach(creds);
  } catch (err) {
    // @sigstore/oci signs in by starting a blob upload and parsing the auth challenge; a registry that accepts pushes
    // without auth answers 202 with no challenge ("Invalid challenge: "). It needs no credentials: push anonymously.
    if (creds && /Invalid challenge: $/.test(messageOf(err))) {
      core.debug(`${registryOf(imageName)} accepts pushes without authentication; attaching anonymously`);
      return attach(undefined);
    }
    throw err;
  }
}

interface NormalisedSubject extends AttestSubject {
  hex: string;
}

function normaliseSubjects(subjects: AttestSubject[]): NormalisedSubject[] {
  if (!subjects.length) throw new AttestationError('attest: nothing to attest (no pushed image digest).');
  const seen = new Set<string>();
  const out: NormalisedSubject[] = [];
  for (const s of subjects) {
    const m = DIGEST_RE.exec(s.digest);
    if (!m) throw new AttestationError(`attest: subject ${s.name} has digest "${s.digest}"; expected sha256:<64 hex>.`);
    if (s.name.includes('@') || (s.name.split('/').pop() ?? '').includes(':'))
      throw new AttestationError(`attest: subject name "${s.name}" must be an image name without tag or digest.`);
    const key = `${s.name}@${s.digest}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: s.name, digest: s.digest, hex: m[1] });
  }
  return out;
}

function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error && !err.message.includes(cause.message)
    ? `${err.message}: ${cause.message}`
    : err.message;
}

function hintFor(err: unknown): string {
  const msg = messageOf(err);
  if (/persist attestation/i.test(msg)) {
    if (/\b(403|404)\b|forbidden|not found|Resource not accessible/i.test(msg))
      return 'The job needs `permissions: attestations: write`; attestations on private repositories need a plan that supports them.';
    return 'Storing the attestation with the GitHub API failed; re-run the job.';
  }
  if (/ID token|OIDC|ACTIONS_ID_TOKEN_REQUEST|no tokens available/i.test(msg))
    return 'The job needs `permissions: id-token: write`.';
  return 'Signing with Sigstore failed; re-run the job, or set `sigstore` if the repository visibility was misdetected.';
}
