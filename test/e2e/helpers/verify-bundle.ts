// Verify a Sigstore bundle written by the action against the Sigstore doubles' trust root, with @sigstore/verify
// directly (sigstore.verify() always goes through TUF, which is unreachable offline).
//
//   const { statement, identity } = verifyBundle(bundlePath, {
//     trustedRootPath,                       // SIGSTORE_DOUBLE_TRUSTED_ROOT written by test/doubles/sigstore-preload.mjs
//     subjectAlternativeName: oidc.identity.subjectAlternativeName,
//     issuer: oidc.identity.issuer,
//   });
//
// Throws (VerificationError / PolicyError / Error) when anything does not hold: chain to the mock Fulcio CA, SCT,
// transparency-log inclusion + body (public-good) or RFC 3161 timestamp (github), DSSE signature, SAN, issuer.
import { readFileSync } from 'node:fs';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier, type Signer } from '@sigstore/verify';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

export interface InTotoStatement {
  _type: string;
  subject: { name: string; digest: Record<string, string> }[];
  predicateType: string;
  predicate: Record<string, any>;
}

export interface VerifyBundleOptions {
  /** Path of the trusted_root.json the preload wrote (or the parsed JSON). */
  trustedRootPath?: string;
  trustedRoot?: unknown;
  /** Expected certificate SAN, e.g. https://github.com/owner/repo/.github/workflows/x.yml@refs/heads/main */
  subjectAlternativeName?: string | RegExp;
  /** Expected OIDC issuer (Fulcio extension 1.3.6.1.4.1.57264.1.8). */
  issuer?: string;
  /**
   * Which Sigstore instance signed it: public-good bundles must carry a Rekor entry, github bundles an RFC 3161
   * timestamp instead. Default: decided from the bundle (a tlog entry present → public-good).
   */
  sigstore?: 'public-good' | 'github';
}

export interface VerifiedBundle {
  statement: InTotoStatement;
  payloadType: string;
  identity: NonNullable<Signer['identity']>;
  /** Fulcio certificate extensions by OID (string values), for asserting repository, ref, sha, … */
  certificateExtensions: Record<string, string>;
  tlogEntries: number;
  timestamps: number;
}

export function verifyBundle(
  bundleOrPath: string | SerializedBundle | object,
  opts: VerifyBundleOptions,
): VerifiedBundle {
  const json = (
    typeof bundleOrPath === 'string' ? JSON.parse(readFileSync(bundleOrPath, 'utf8')) : bundleOrPath
  ) as SerializedBundle;
  const rootJson = opts.trustedRoot ?? JSON.parse(readFileSync(requirePath(opts.trustedRootPath), 'utf8'));
  const trustMaterial = toTrustMaterial(TrustedRoot.fromJSON(rootJson));

  const bundle = bundleFromJSON(json);
  if (bundle.content.$case !== 'dsseEnvelope') throw new Error(`expected a DSSE bundle, got ${bundle.content.$case}`);
  const tlogEntries = bundle.verificationMaterial.tlogEntries.length;
  const timestamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  const instance = opts.sigstore ?? (tlogEntries > 0 ? 'public-good' : 'github');

  const verifier = new Verifier(trustMaterial, {
    ctlogThreshold: 1,
    tlogThreshold: instance === 'public-good' ? 1 : 0,
    timestampThreshold: 1,
  });
  const signer = verifier.verify(toSignedEntity(bundle), {
    ...(opts.subjectAlternativeName ? { subjectAlternativeName: opts.subjectAlternativeName } : {}),
    ...(opts.issuer ? { extensions: { issuer: opts.issuer } } : {}),
  });
  if (instance === 'github' && timestamps < 1) throw new Error('github instance bundle without an RFC 3161 timestamp');

  const envelope = bundle.content.dsseEnvelope;
  const statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as InTotoStatement;
  return {
    statement,
    payloadType: envelope.payloadType,
    identity: signer.identity ?? {},
    certificateExtensions: fulcioExtensions(signer.identity ?? {}),
    tlogEntries,
    timestamps,
  };
}

function requirePath(p: string | undefined): string {
  if (!p) throw new Error('verifyBundle: pass trustedRootPath or trustedRoot');
  return p;
}

/** Fulcio extensions (OID 1.3.6.1.4.1.57264.1.*) of the signing certificate, decoded to strings. */
function fulcioExtensions(identity: NonNullable<Signer['identity']>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { oid, value } of identity.oids ?? []) {
    const id = oid?.id.join('.') ?? '';
    if (!id.startsWith('1.3.6.1.4.1.57264.1.')) continue;
    let v = Buffer.from(value);
    // .1–.6 are raw strings; later ones are DER UTF8String (tag 0x0c, short or long length).
    if (v[0] === 0x0c && v.length > 1) {
      const lenByte = v[1];
      const hdr = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
      v = v.subarray(hdr);
    }
    out[id] = v.toString('utf8');
  }
  return out;
}
