// `provenance` and `sbom`: buildx's `--provenance` / `--sbom` shorthands (true, false, or the attestation's
// attributes), checked against what BuildKit documents for each, so `provenance: maybe` or `mode=maximum` fail here
// instead of inside the build. Booleans are the action's (true/false); attributes hold BuildKit's (Go) booleans.
import { parseBoolean } from '../bool.js';
import { InputError } from '../errors.js';
import { checkBools, parseAttrs, unknownAttr } from './attrs.js';
import { csvPairs } from './csv.js';
import { checkReference } from './reference.js';

export type AttestationInput = 'provenance' | 'sbom';

export type Attestation =
  /** `true` / `false`: BuildKit's defaults, or none */
  | { kind: 'toggle'; enabled: boolean; value: string }
  /** attributes (`mode=max`, `generator=…`, …) */
  | { kind: 'attrs'; attrs: Readonly<Record<string, string>>; value: string };

const PROVENANCE = [
  'mode',
  'builder-id',
  'filename',
  'reproducible',
  'inline-only',
  'version',
  'capture-usage',
  'complete-materials',
  'disabled',
];

const FORMS: Record<AttestationInput, string> = {
  provenance:
    'true, false or provenance attributes such as mode=max (mode=min|max, builder-id=<uri>, inline-only=<bool>, ' +
    'version=v0.2|v1, reproducible=<bool>, filename=<name>)',
  sbom: 'true, false or SBOM attributes such as generator=<image> (generator parameters as key=value)',
};

function checkProvenance(shown: string, attrs: Map<string, string>): void {
  const fail = (expected: string): never => {
    throw new InputError('provenance', shown, expected);
  };
  for (const key of attrs.keys()) {
    if (!PROVENANCE.includes(key)) unknownAttr('provenance', shown, 'provenance', key, PROVENANCE);
  }
  const mode = attrs.get('mode');
  if (mode !== undefined && mode !== 'min' && mode !== 'max') fail('mode=min or mode=max');
  const version = attrs.get('version');
  if (version !== undefined && version !== 'v0.2' && version !== 'v1')
    fail('version=v0.2 or version=v1 (SLSA provenance version)');
  if (attrs.get('builder-id') === '') fail('builder-id=<URI of the builder>, e.g. the workflow run URL');
  const filename = attrs.get('filename');
  if (filename !== undefined && (filename === '' || filename.includes('/')))
    fail('filename=<file name> (no directory)');
  checkBools('provenance', shown, attrs, [
    'reproducible',
    'inline-only',
    'capture-usage',
    'complete-materials',
    'disabled',
  ]);
}

function checkSbom(shown: string, attrs: Map<string, string>): void {
  for (const key of attrs.keys()) {
    // Attributes other than generator and disabled are the generator's parameters (BUILDKIT_SCAN_<key>).
    if (!/^[A-Za-z0-9_.-]+$/.test(key))
      unknownAttr('sbom', shown, 'sbom', key, ['generator', 'disabled', '<parameter>']);
  }
  const generator = attrs.get('generator');
  if (generator !== undefined) {
    const r = checkReference(generator);
    if (!r.ok) throw new InputError('sbom', shown, `generator=<image reference> (${r.why})`);
  }
  checkBools('sbom', shown, attrs, ['disabled']);
}

/** The input's value (undefined when empty), typed; the `value` is what buildx receives after --provenance / --sbom. */
export function parseAttestation(input: AttestationInput, value: string): Attestation | undefined {
  if (value === '') return undefined;
  const b = parseBoolean(value);
  if (b !== undefined) return { kind: 'toggle', enabled: b, value: String(b) };
  const attrs = new Map<string, string>();
  for (const a of parseAttrs(input, value, value, FORMS[input])) {
    if (a.key === 'type') {
      throw new InputError(input, value, `${FORMS[input]}; no type= here (the input is the ${input} attestation)`);
    }
    // buildx lower-cases only `type` and `disabled`; BuildKit looks the others up as written (`Mode` is not `mode`)
    attrs.set(a.key === 'disabled' ? 'disabled' : a.rawKey, a.value);
  }
  if (input === 'provenance') checkProvenance(value, attrs);
  else checkSbom(value, attrs);
  return { kind: 'attrs', attrs: Object.fromEntries(attrs), value: csvPairs([...attrs]) };
}
