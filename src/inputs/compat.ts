// A workflow migrates by deleting the docker/* and attest steps and moving their `with:` entries into this one. Some
// of those inputs have no job inside one step (a bake target, an attestation subject this step computes itself); they
// are declared in action.yml anyway, so a moved `with:` block runs, and each is ignored with a notice that names it
// and says why. This module is the one list of them — the reader below makes the notices from it and
// test/unit/migration.test.ts checks every input of the six actions against it — together with the inputs that
// live here under another name, the ones another input covers, and the ones refused because ignoring them would
// publish something other than what the workflow asked for.
import { InputError } from '../errors.js';
import { getInput, type Env } from '../runner.js';
import { optionalBool, parseBool } from './read.js';

/** The actions a workflow replaces with this one (their action.yml files: test/fixtures/actions/). */
export const SOURCE_ACTIONS = [
  'docker/login-action',
  'docker/metadata-action',
  'docker/setup-qemu-action',
  'docker/setup-buildx-action',
  'docker/build-push-action',
  'actions/attest-build-provenance',
] as const;
export type SourceAction = (typeof SOURCE_ACTIONS)[number];

/** An input declared only so a migrated `with:` block runs: read, checked, then ignored with a notice. */
export interface IgnoredInput {
  input: string;
  from: SourceAction;
  /** boolean inputs are checked as booleans; text is taken as it is */
  kind: 'boolean' | 'text';
  /** why it has no job here: the notice says it, docs/migrating.md says the same */
  why: string;
  /** the values that get the notice: any value given, or only true (false) when only that asks for something */
  when: 'given' | 'true' | 'false';
  /** the notice quotes the value given (a version number) */
  quote?: boolean;
  /** the release of `from` that dropped the input: workflows written for an older one still pass it */
  droppedIn?: string;
}

const SUBJECT_WHY =
  'the attestation subjects are the images this step pushed, under every image name, with the digest it pushed';

const subject = (input: string): IgnoredInput => ({
  input,
  from: 'actions/attest-build-provenance',
  kind: 'text',
  why: SUBJECT_WHY,
  when: 'given',
});

export const IGNORED_INPUTS: readonly IgnoredInput[] = [
  {
    input: 'scope',
    from: 'docker/login-action',
    kind: 'text',
    why:
      "this step's logins go to a Docker config of its own, deleted by its post step, so they never replace the " +
      "runner's Docker Hub credentials in other steps (what scoped credentials are for); they are not limited to " +
      'one repository',
    when: 'given',
  },
  {
    input: 'bake-target',
    from: 'docker/metadata-action',
    kind: 'text',
    why: 'this action builds with `docker buildx build` itself and writes no bake definition',
    when: 'given',
  },
  {
    input: 'reset',
    from: 'docker/setup-qemu-action',
    kind: 'boolean',
    why:
      'QEMU is registered only for target platforms the builder cannot run, and emulators already registered are ' +
      'kept; to replace them, run docker/setup-qemu-action with reset: true before this step',
    when: 'true',
  },
  {
    input: 'cache-image',
    from: 'docker/setup-qemu-action',
    kind: 'boolean',
    why:
      'the binfmt image is pulled only when a platform lacks QEMU, which one run does once; it is not kept in the ' +
      'GitHub cache',
    when: 'given',
  },
  {
    input: 'version',
    from: 'docker/setup-buildx-action',
    kind: 'text',
    why:
      'this action uses the buildx installed on the runner (install another with docker/setup-buildx-action ' +
      'before this step)',
    when: 'given',
    quote: true,
  },
  {
    input: 'install',
    from: 'docker/setup-buildx-action',
    kind: 'boolean',
    why: 'this action runs `docker buildx build` itself and installs no `docker build` alias',
    when: 'true',
    droppedIn: 'v4.0.0',
  },
  {
    input: 'cache-binary',
    from: 'docker/setup-buildx-action',
    kind: 'boolean',
    why: 'this action never downloads buildx, so there is no binary to cache',
    when: 'given',
  },
  subject('subject-path'),
  subject('subject-name'),
  subject('subject-digest'),
  subject('subject-checksums'),
  {
    input: 'create-storage-record',
    from: 'actions/attest-build-provenance',
    kind: 'boolean',
    why:
      'a storage record is requested whenever push-to-registry is true; when GitHub refuses it (no ' +
      '`artifact-metadata: write`, a personal repository) the step only warns',
    when: 'false',
  },
];

/** The notice for an ignored input given `value` (a checked boolean for boolean inputs), or none. */
function ignoredNotice(i: IgnoredInput, value: string): string | undefined {
  if (i.when !== 'given' && parseBool(i.input, value) !== (i.when === 'true')) return undefined;
  const label = i.when !== 'given' ? `${i.input}: ${i.when}` : i.quote ? `${i.input}: ${value}` : i.input;
  return `${label} ignored: ${i.why}.`;
}

/** An input declared so that giving it fails with an explanation: ignoring it would publish the wrong thing. */
export interface RefusedInput {
  input: string;
  from: SourceAction;
  expected: string;
}

const CUSTOM_PREDICATE =
  'empty: this step attests SLSA build provenance of the image it pushes; for a custom predicate keep an ' +
  'actions/attest step with subject-name and subject-digest: ${{ steps.<this step>.outputs.digest }}';

export const REFUSED_INPUTS: readonly RefusedInput[] = ['predicate-type', 'predicate', 'predicate-path'].map(
  (input) => ({ input, from: 'actions/attest-build-provenance', expected: CUSTOM_PREDICATE }),
);

/** An input of the six actions that is here under another name, because its own name means something else here. */
export interface RenamedInput {
  input: string;
  from: SourceAction;
  here: string;
  why: string;
}

export const RENAMED_INPUTS: readonly RenamedInput[] = [
  {
    input: 'context',
    from: 'docker/metadata-action',
    here: 'metadata-context',
    why: "`context` is build-push-action's build context",
  },
  {
    input: 'platforms',
    from: 'docker/setup-buildx-action',
    here: 'builder-platforms',
    why: "`platforms` is build-push-action's target platforms",
  },
  { input: 'name', from: 'docker/setup-buildx-action', here: 'builder', why: "build-push-action's name for it" },
  {
    input: 'show-summary',
    from: 'actions/attest-build-provenance',
    here: 'summary',
    why: 'this step writes one job summary, the attestation in it; `show-summary` is read when `summary` is not given',
  },
];

/** An input of the six actions whose meaning another input here covers; its name belongs to that other input. */
export interface CoveredInput {
  input: string;
  from: SourceAction;
  why: string;
}

export const COVERED_INPUTS: readonly CoveredInput[] = [
  {
    input: 'platforms',
    from: 'docker/setup-qemu-action',
    why:
      "QEMU is registered for the target platforms (`platforms`, the build's) that the builder cannot run, and " +
      'for no others',
  },
];

/** What the migration inputs give the rest of the action. */
export interface CompatInputs {
  /** one notice per ignored input that was given, in IGNORED_INPUTS order */
  notices: string[];
  /** attest-build-provenance's `show-summary`, when given */
  showSummary?: boolean;
}

/** A long value (a predicate is up to 16 MB of JSON) shown by its start. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

export function readCompatInputs(env: Env): CompatInputs {
  for (const r of REFUSED_INPUTS) {
    const v = getInput(env, r.input);
    if (v !== '') throw new InputError(r.input, shown(v), r.expected);
  }
  const notices: string[] = [];
  for (const i of IGNORED_INPUTS) {
    const v = getInput(env, i.input);
    if (v === '') continue;
    if (i.kind === 'boolean') parseBool(i.input, v);
    const notice = ignoredNotice(i, v);
    if (notice !== undefined) notices.push(notice);
  }
  const showSummary = optionalBool(env, 'show-summary');
  return { notices, ...(showSummary === undefined ? {} : { showSummary }) };
}

/** A `scope:` key in a `registry-auth` entry means what the `scope` input means: ignored, for the same reason. */
export function entryScopeNotice(registry: string): string {
  const scope = IGNORED_INPUTS.find((i) => i.input === 'scope')!;
  return `scope (the registry-auth entry for ${registry}) ignored: ${scope.why}.`;
}
