// provenance and sbom: true, false or the attestation's documented attributes.
import { describe, expect, it } from 'vitest';
import { parseAttestation, type AttestationInput } from '../../src/buildx/attestations.js';

interface GoodCase {
  name: string;
  input: AttestationInput;
  value: string;
  expected: string | undefined;
}

const good: GoodCase[] = [
  { name: 'empty: not set', input: 'provenance', value: '', expected: undefined },
  { name: 'false', input: 'provenance', value: 'false', expected: 'false' },
  { name: 'True (YAML spelling)', input: 'provenance', value: 'True', expected: 'true' },
  { name: 'mode=max', input: 'provenance', value: 'mode=max', expected: 'mode=max' },
  {
    name: 'every provenance attribute',
    input: 'provenance',
    value:
      'mode=min,inline-only=true,builder-id=https://github.com/o/r/actions/runs/1,version=v1,reproducible=1,filename=prov.json,capture-usage=false,complete-materials=false,disabled=false',
    expected:
      'mode=min,inline-only=true,builder-id=https://github.com/o/r/actions/runs/1,version=v1,reproducible=1,filename=prov.json,capture-usage=false,complete-materials=false,disabled=false',
  },
  { name: 'sbom true', input: 'sbom', value: 'true', expected: 'true' },
  {
    name: 'sbom generator',
    input: 'sbom',
    value: 'generator=docker/buildkit-syft-scanner:stable-1',
    expected: 'generator=docker/buildkit-syft-scanner:stable-1',
  },
  {
    name: 'sbom generator parameters pass through',
    input: 'sbom',
    value: 'generator=ghcr.io/o/scanner,SCAN_DEPTH=2',
    expected: 'generator=ghcr.io/o/scanner,SCAN_DEPTH=2',
  },
];

const PROV =
  'true, false or provenance attributes such as mode=max (mode=min|max, builder-id=<uri>, inline-only=<bool>, version=v0.2|v1, reproducible=<bool>, filename=<name>)';
const SBOM = 'true, false or SBOM attributes such as generator=<image> (generator parameters as key=value)';
const err = (input: string, given: string, expected: string) =>
  `Input "${input}": got ${JSON.stringify(given)}; expected ${expected}`;

const bad = [
  {
    name: 'provenance: maybe',
    input: 'provenance' as const,
    value: 'maybe',
    message: err('provenance', 'maybe', `${PROV}; "maybe" is not a key=value attribute`),
  },
  {
    name: 'sbom: sometimes',
    input: 'sbom' as const,
    value: 'sometimes',
    message: err('sbom', 'sometimes', `${SBOM}; "sometimes" is not a key=value attribute`),
  },
  {
    name: 'mode=maximum',
    input: 'provenance' as const,
    value: 'mode=maximum',
    message: err('provenance', 'mode=maximum', 'mode=min or mode=max'),
  },
  {
    name: 'unknown provenance attribute',
    input: 'provenance' as const,
    value: 'mode=max,inline=true',
    message: err(
      'provenance',
      'mode=max,inline=true',
      'provenance attributes among mode, builder-id, filename, reproducible, inline-only, version, capture-usage, complete-materials, disabled ("inline" is not one)',
    ),
  },
  {
    name: 'version',
    input: 'provenance' as const,
    value: 'version=v2',
    message: err('provenance', 'version=v2', 'version=v0.2 or version=v1 (SLSA provenance version)'),
  },
  {
    name: 'inline-only not a boolean',
    input: 'provenance' as const,
    value: 'inline-only=yes',
    message: err('provenance', 'inline-only=yes', 'inline-only=true or false (also 1/0, t/f, TRUE/FALSE, True/False)'),
  },
  {
    name: 'empty builder-id',
    input: 'provenance' as const,
    value: 'builder-id=',
    message: err('provenance', 'builder-id=', 'builder-id=<URI of the builder>, e.g. the workflow run URL'),
  },
  {
    name: 'a type attribute',
    input: 'provenance' as const,
    value: 'type=sbom',
    message: err('provenance', 'type=sbom', `${PROV}; no type= here (the input is the provenance attestation)`),
  },
  {
    name: 'generator with capitals',
    input: 'sbom' as const,
    value: 'generator=Docker/Scanner',
    message: err(
      'sbom',
      'generator=Docker/Scanner',
      'generator=<image reference> (repository names must be lower-case)',
    ),
  },
  {
    name: 'provenance 1 (a Go boolean, not the action one)',
    input: 'provenance' as const,
    value: '1',
    message: err('provenance', '1', `${PROV}; "1" is not a key=value attribute`),
  },
];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}

describe('parseAttestation', () => {
  for (const c of good) {
    it(`accepts ${c.input}: ${c.name}`, () => {
      expect(parseAttestation(c.input, c.value)?.value).toBe(c.expected);
    });
  }
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      expect(messageOf(() => parseAttestation(c.input, c.value))).toBe(c.message);
    });
  }
  it('is typed: a toggle or attributes', () => {
    expect(parseAttestation('provenance', 'false')).toEqual({ kind: 'toggle', enabled: false, value: 'false' });
    expect(parseAttestation('provenance', 'mode=max,builder-id=x')).toEqual({
      kind: 'attrs',
      attrs: { mode: 'max', 'builder-id': 'x' },
      value: 'mode=max,builder-id=x',
    });
  });
});
