// "A workflow migrates by deleting steps and moving their `with:` entries into one." This holds that promise to the
// six actions' real action.yml files (test/fixtures/actions/, as released): every input of each is declared here
// under its name or its documented new name, or is in the one list of accepted-and-ignored inputs
// (src/inputs/compat.ts); docs/migrating.md's tables list every input and output and agree with that list; the
// guide's before/after workflows pass GitHub's workflow parser, the "after" ones against this action.yml, and run
// through the main step in dry-run. Then the inputs this closes: metadata-context (with real Git repositories),
// attests, and the ignored inputs' notices.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readAction } from '../../scripts/readme-tables.mjs';
import { readActionInputs, validateWorkflow } from '../../scripts/validate-workflows.mjs';
import { readContext } from '../../src/context.js';
import { InputError } from '../../src/errors.js';
import { GitContextError, readGitContext, type GitRunner } from '../../src/git-context.js';
import { parseAttests, readBuildInputs } from '../../src/inputs/build.js';
import {
  COVERED_INPUTS,
  IGNORED_INPUTS,
  readCompatInputs,
  REFUSED_INPUTS,
  RENAMED_INPUTS,
  SOURCE_ACTIONS,
  type SourceAction,
} from '../../src/inputs/compat.js';
import { readInputs, readMetadataContext } from '../../src/inputs/index.js';
import { main } from '../../src/main.js';
import { buildSource } from '../../src/plan/build-argv.js';
import { inputEnvName, stdout } from '../../src/runner.js';
import { SHA } from '../fixtures/events.js';
import { context, inputs, planOf } from './helpers.js';
import { actionSteps, repoRoot, resolveExpressions, toInputEnv } from './workflow-inputs.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'migration-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// What the action prints (add-mask and notice commands included) goes to a buffer, not to the test runner's stdout.
const realWrite = stdout.write;
let printed = '';
beforeEach(() => {
  printed = '';
  stdout.write = (text: string) => {
    printed += text;
  };
});
afterEach(() => {
  stdout.write = realWrite;
});

// ---------------------------------------------------------------------------------------------------------------
// The six actions, as released

interface Fixture {
  action: SourceAction;
  /** the release the file was taken from, e.g. v4.1.0 */
  version: string;
  inputs: string[];
  outputs: string[];
}

const fixtureFile = (action: SourceAction) => `test/fixtures/actions/${action.replace('/', '-')}.action.yml`;

function loadFixture(action: SourceAction): Fixture {
  const text = read(fixtureFile(action));
  const header = /^# (\S+) (v\d+\.\d+\.\d+) \(commit [0-9a-f]{40}\)/.exec(text);
  if (!header || header[1] !== action) throw new Error(`${fixtureFile(action)}: no "# ${action} vX.Y.Z" header`);
  const doc = parse(text) as { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  return {
    action,
    version: header[2],
    inputs: Object.keys(doc.inputs ?? {}),
    outputs: Object.keys(doc.outputs ?? {}),
  };
}

const fixtures = SOURCE_ACTIONS.map(loadFixture);
function fixtureOf(action: SourceAction): Fixture {
  const f = fixtures.find((x) => x.action === action);
  if (!f) throw new Error(`no fixture for ${action}`);
  return f;
}
const ours = readAction(read('action.yml'));
const ourInputs = new Map(ours.inputs.flatMap((g) => g.entries).map((e) => [e.name, e]));
const ourOutputs = new Set(ours.outputs.flatMap((g) => g.entries).map((e) => e.name));

/** What an input of one of the six actions is here: the "Here" column of docs/migrating.md. */
function classify(action: SourceAction, input: string): string | undefined {
  const mine = <T extends { input: string; from: SourceAction }>(list: readonly T[]) =>
    list.find((e) => e.from === action && e.input === input);
  const renamed = mine(RENAMED_INPUTS);
  if (renamed) return ourInputs.has(renamed.here) ? `renamed: \`${renamed.here}\`` : undefined;
  if (mine(COVERED_INPUTS)) return 'not needed';
  if (mine(IGNORED_INPUTS)) return ourInputs.has(input) ? 'ignored' : undefined;
  if (mine(REFUSED_INPUTS)) return ourInputs.has(input) ? 'refused' : undefined;
  return ourInputs.has(input) ? 'same' : undefined;
}

describe('every input of the six actions is supported here or knowingly not', () => {
  it('has the action.yml of each action, from a release', () => {
    expect(readdirSync(join(repoRoot, 'test/fixtures/actions')).sort()).toEqual(
      SOURCE_ACTIONS.map((a) => fixtureFile(a).split('/').pop()).sort(),
    );
    expect(fixtures.map((f) => `${f.action} ${f.version}`)).toEqual([
      'docker/login-action v4.1.0',
      'docker/metadata-action v6.2.0',
      'docker/setup-qemu-action v4.2.0',
      'docker/setup-buildx-action v4.3.0',
      'docker/build-push-action v7.3.0',
      'actions/attest-build-provenance v4.1.0',
    ]);
  });

  for (const f of fixtures) {
    it(`${f.action}: each input is declared here (same or documented new name) or in the ignored list`, () => {
      expect(f.inputs.length).toBeGreaterThan(0);
      expect(f.inputs.filter((i) => classify(f.action, i) === undefined)).toEqual([]);
    });
  }

  it('the ignored, refused, renamed and covered lists name real inputs of the action they cite', () => {
    const has = (action: SourceAction, input: string) => fixtureOf(action).inputs.includes(input);
    const all = [...IGNORED_INPUTS, ...REFUSED_INPUTS, ...RENAMED_INPUTS, ...COVERED_INPUTS];
    // an input the newest release dropped is listed for workflows written for an older one, and must be gone
    const current = all.filter((e) => !('droppedIn' in e && e.droppedIn));
    const dropped = IGNORED_INPUTS.filter((e) => e.droppedIn);
    expect({
      missing: current.filter((e) => !has(e.from, e.input)).map((e) => `${e.from}: ${e.input}`),
      stillThere: dropped.filter((e) => has(e.from, e.input)).map((e) => `${e.from}: ${e.input}`),
    }).toEqual({ missing: [], stillThere: [] });
    expect(dropped.map((e) => `${e.from}: ${e.input} (dropped in ${e.droppedIn})`)).toEqual([
      'docker/setup-buildx-action: install (dropped in v4.0.0)',
    ]);
  });

  it('an input is in one list only, and the renamed ones are declared under their new name', () => {
    const keys = [...IGNORED_INPUTS, ...REFUSED_INPUTS, ...RENAMED_INPUTS, ...COVERED_INPUTS].map(
      (e) => `${e.from}: ${e.input}`,
    );
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(RENAMED_INPUTS.filter((r) => !ourInputs.has(r.here)).map((r) => r.here)).toEqual([]);
  });

  it('action.yml says "Accepted for … compatibility" of exactly the ignored inputs, "Must be empty" of the refused', () => {
    const described = (prefix: string) =>
      [...ourInputs.values()].filter((e) => e.description.startsWith(prefix)).map((e) => e.name);
    expect(described('Accepted for').sort()).toEqual(IGNORED_INPUTS.map((i) => i.input).sort());
    expect(described('Must be empty').sort()).toEqual(REFUSED_INPUTS.map((i) => i.input).sort());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// docs/migrating.md's tables

const guide = read('docs/migrating.md');

interface Row {
  name: string;
  here: string;
  notes: string;
}

/** The section `## <action> (vX.Y.Z)`: its heading's version and its Input and Output tables. */
function guideSection(action: string): { version?: string; inputs: Row[]; outputs: Row[] } {
  const start = guide.indexOf(`\n## ${action} (`);
  if (start < 0) return { inputs: [], outputs: [] };
  const text = guide.slice(start + 1).split(/\n## /)[0];
  const table = (first: string): Row[] => {
    const at = text.indexOf(`| ${first} | Here | Notes |`);
    if (at < 0) return [];
    const rows: Row[] = [];
    for (const line of text.slice(at).split('\n').slice(2)) {
      const m = /^\| `([^`]+)` \| (.+?) \| (.*?) ?\|$/.exec(line);
      if (!m) break;
      rows.push({ name: m[1], here: m[2], notes: m[3].trim() });
    }
    return rows;
  };
  return { version: /^## \S+ \((v[\d.]+)\)/.exec(text)?.[1], inputs: table('Input'), outputs: table('Output') };
}

describe('docs/migrating.md lists every input and output of the six actions', () => {
  it('is linked from the README, next to "Use it"', () => {
    const readme = read('README.md');
    const useIt = readme.slice(readme.indexOf('\n## Use it\n'), readme.indexOf('\n## Inputs\n'));
    expect(useIt).toContain('(docs/migrating.md)');
  });

  for (const f of fixtures) {
    describe(f.action, () => {
      const section = guideSection(f.action);

      it(`has a section for the release the fixture is (${f.version})`, () => {
        expect(section.version).toBe(f.version);
      });

      it('its input table has every input, in action.yml order, with what it is here', () => {
        expect(section.inputs.map((r) => ({ name: r.name, here: r.here }))).toEqual(
          f.inputs.map((name) => ({ name, here: classify(f.action, name) })),
        );
      });

      it('its output table has every output: the same here, or not provided', () => {
        expect(section.outputs.map((r) => ({ name: r.name, here: r.here }))).toEqual(
          f.outputs.map((name) => ({ name, here: ourOutputs.has(name) ? 'same' : 'not provided' })),
        );
        if (f.outputs.length === 0) expect(guide).toContain(`${f.action.split('/')[1]} has no outputs.`);
      });

      it('says why for every input or output that is not the same here', () => {
        const unexplained = [...section.inputs, ...section.outputs].filter((r) => r.here !== 'same' && !r.notes);
        expect(unexplained.map((r) => r.name)).toEqual([]);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The ignored inputs: read, checked, one notice each

interface CompatCase {
  name: string;
  given: Record<string, string>;
  expected: { notices: string[]; showSummary?: boolean } | { error: string };
}

const compatCases: CompatCase[] = [
  { name: 'none given: no notice', given: {}, expected: { notices: [] } },
  {
    name: "login-action's scope",
    given: { scope: 'myorg/myimage@push' },
    expected: {
      notices: [
        "scope ignored: this step's logins go to a Docker config of its own, deleted by its post step, so they never " +
          "replace the runner's Docker Hub credentials in other steps (what scoped credentials are for); they are " +
          'not limited to one repository.',
      ],
    },
  },
  {
    name: "metadata-action's bake-target",
    given: { 'bake-target': 'meta-helper' },
    expected: {
      notices: [
        'bake-target ignored: this action builds with `docker buildx build` itself and writes no bake definition.',
      ],
    },
  },
  {
    name: 'setup-qemu reset: true',
    given: { reset: 'true' },
    expected: {
      notices: [
        'reset: true ignored: QEMU is registered only for target platforms the builder cannot run, and emulators ' +
          'already registered are kept; to replace them, run docker/setup-qemu-action with reset: true before this ' +
          'step.',
      ],
    },
  },
  { name: 'setup-qemu reset: false asks for nothing', given: { reset: 'false' }, expected: { notices: [] } },
  {
    name: 'setup-qemu reset: maybe',
    given: { reset: 'maybe' },
    expected: { error: 'Input "reset": got "maybe"; expected true or false' },
  },
  {
    name: 'the setup-buildx and setup-qemu inputs with no use here, in list order',
    given: { 'cache-binary': 'false', install: 'true', version: 'v0.20.0', 'cache-image': 'true' },
    expected: {
      notices: [
        'cache-image ignored: the binfmt image is pulled only when a platform lacks QEMU, which one run does once; ' +
          'it is not kept in the GitHub cache.',
        'version: v0.20.0 ignored: this action uses the buildx installed on the runner (install another with ' +
          'docker/setup-buildx-action before this step).',
        'install: true ignored: this action runs `docker buildx build` itself and installs no `docker build` alias.',
        'cache-binary ignored: this action never downloads buildx, so there is no binary to cache.',
      ],
    },
  },
  { name: 'install: false asks for nothing', given: { install: 'false' }, expected: { notices: [] } },
  {
    name: "attest-build-provenance's subjects (from a deleted build step: empty) and one given",
    given: { 'subject-name': 'ghcr.io/octo-org/app', 'subject-digest': '' },
    expected: {
      notices: [
        'subject-name ignored: the attestation subjects are the images this step pushed, under every image name, ' +
          'with the digest it pushed.',
      ],
    },
  },
  {
    name: 'every subject input',
    given: {
      'subject-path': 'dist/*',
      'subject-checksums': 'checksums.txt',
      'subject-digest': `sha256:${'a'.repeat(64)}`,
    },
    expected: {
      notices: ['subject-path', 'subject-digest', 'subject-checksums'].map(
        (i) =>
          `${i} ignored: the attestation subjects are the images this step pushed, under every image name, with ` +
          'the digest it pushed.',
      ),
    },
  },
  {
    name: 'create-storage-record: false',
    given: { 'create-storage-record': 'false' },
    expected: {
      notices: [
        'create-storage-record: false ignored: a storage record is requested whenever push-to-registry is true; ' +
          'when GitHub refuses it (no `artifact-metadata: write`, a personal repository) the step only warns.',
      ],
    },
  },
  {
    name: 'create-storage-record: true is what happens',
    given: { 'create-storage-record': 'true' },
    expected: { notices: [] },
  },
  {
    name: 'create-storage-record: nope',
    given: { 'create-storage-record': 'nope' },
    expected: { error: 'Input "create-storage-record": got "nope"; expected true or false' },
  },
  { name: 'show-summary: false', given: { 'show-summary': 'false' }, expected: { notices: [], showSummary: false } },
  {
    name: 'show-summary: often',
    given: { 'show-summary': 'often' },
    expected: { error: 'Input "show-summary": got "often"; expected true or false' },
  },
  {
    name: 'a custom predicate type is refused',
    given: { 'predicate-type': 'https://example.com/predicate/v1' },
    expected: {
      error:
        'Input "predicate-type": got "https://example.com/predicate/v1"; expected empty: this step attests SLSA ' +
        'build provenance of the image it pushes; for a custom predicate keep an actions/attest step with ' +
        'subject-name and subject-digest: ${{ steps.<this step>.outputs.digest }}',
    },
  },
  {
    name: 'a long predicate is shown by its start',
    given: { predicate: `{"scan":"${'x'.repeat(100)}"}` },
    expected: {
      error:
        `Input "predicate": got "{\\"scan\\":\\"${'x'.repeat(51)}…"; expected empty: this step attests SLSA build ` +
        'provenance of the image it pushes; for a custom predicate keep an actions/attest step with subject-name ' +
        'and subject-digest: ${{ steps.<this step>.outputs.digest }}',
    },
  },
];

describe('readCompatInputs', () => {
  for (const c of compatCases) {
    it(c.name, () => {
      const env = toInputEnv(c.given);
      if ('error' in c.expected) {
        let message = '';
        try {
          readCompatInputs(env);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          message = (e as Error).message;
        }
        expect(message).toBe(c.expected.error);
      } else {
        expect(readCompatInputs(env)).toEqual(c.expected);
      }
      expect(printed).toBe('');
    });
  }
});

interface SummaryCase {
  name: string;
  given: Record<string, string>;
  expected: boolean;
}

const summaryCases: SummaryCase[] = [
  { name: 'neither: a summary', given: {}, expected: true },
  { name: 'show-summary: false alone turns it off', given: { 'show-summary': 'false' }, expected: false },
  { name: 'summary wins over show-summary', given: { summary: 'true', 'show-summary': 'false' }, expected: true },
  { name: 'summary: false', given: { summary: 'false', 'show-summary': 'true' }, expected: false },
];

describe('summary and attest-build-provenance show-summary (readInputs)', () => {
  for (const c of summaryCases) {
    it(c.name, async () => {
      const i = await readInputs(toInputEnv(c.given));
      expect(i.summary).toBe(c.expected);
    });
  }

  it('readInputs hands the notices of the ignored inputs over in inputs.compat', async () => {
    const i = await readInputs(toInputEnv({ 'bake-target': 'x', scope: '@push' }));
    expect((i.compat?.notices ?? []).map((n) => n.split(' ignored:')[0])).toEqual(['scope', 'bake-target']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// attests (build-push-action): buildx --attest, folded into the provenance and sbom values

interface AttestsCase {
  name: string;
  lines: string[];
  expected: { provenance?: string; sbom?: string } | { error: string };
}

const ATTESTS_FORM =
  'one attestation a line: type=provenance or type=sbom, then its attributes (e.g. type=provenance,mode=max or ' +
  'type=sbom,generator=<image>), each type once';

const attestsCases: AttestsCase[] = [
  { name: 'none', lines: [], expected: {} },
  { name: 'type=sbom alone: BuildKit defaults', lines: ['type=sbom'], expected: { sbom: 'true' } },
  {
    name: 'both types with attributes',
    lines: ['type=provenance,mode=max', 'type=sbom,generator=docker/buildkit-syft-scanner:stable-1'],
    expected: { provenance: 'mode=max', sbom: 'generator=docker/buildkit-syft-scanner:stable-1' },
  },
  {
    name: 'type anywhere on the line, fields trimmed as build-push-action trims them',
    lines: ['mode=min, type=provenance ,inline-only=true'],
    expected: { provenance: 'mode=min,inline-only=true' },
  },
  {
    name: "a bare boolean, as build-push-action's disabled= shorthand",
    lines: ['type=provenance,false'],
    expected: { provenance: 'false' },
  },
  { name: 'disabled=true', lines: ['type=sbom,disabled=true'], expected: { sbom: 'disabled=true' } },
  {
    name: 'a quoted attribute keeps its comma',
    lines: ['type=sbom,"generator=ghcr.io/o/scanner","EXTRA=a,b"'],
    expected: { sbom: 'generator=ghcr.io/o/scanner,"EXTRA=a,b"' },
  },
  {
    name: 'a quote inside a field',
    lines: ['type=sbom,EXTRA="a,b"'],
    expected: {
      error: `Input "attests": got "type=sbom,EXTRA=\\"a,b\\""; expected ${ATTESTS_FORM} (a quote inside a field that does not start with one)`,
    },
  },
  {
    name: 'no type',
    lines: ['mode=max'],
    expected: { error: `Input "attests": got "mode=max"; expected ${ATTESTS_FORM}` },
  },
  {
    name: 'an unknown type',
    lines: ['type=vex,file=a.json'],
    expected: {
      error: `Input "attests": got "type=vex,file=a.json"; expected ${ATTESTS_FORM} (BuildKit's attestation types are provenance and sbom, not "vex")`,
    },
  },
  {
    name: 'a type twice',
    lines: ['type=sbom', 'type=sbom,generator=x/y'],
    expected: {
      error: `Input "attests": got "type=sbom,generator=x/y"; expected ${ATTESTS_FORM} (type=sbom is given twice)`,
    },
  },
  {
    name: 'a provenance attribute checked by the provenance parser, reported under attests',
    lines: ['type=provenance,mode=maximum'],
    expected: {
      error: 'Input "attests": got "type=provenance,mode=maximum"; expected type=provenance, then mode=min or mode=max',
    },
  },
];

describe('attests', () => {
  for (const c of attestsCases) {
    it(c.name, () => {
      if ('error' in c.expected) {
        let message = '';
        try {
          parseAttests(c.lines);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          message = (e as Error).message;
        }
        expect(message).toBe(c.expected.error);
      } else {
        expect(parseAttests(c.lines)).toEqual(c.expected);
      }
    });
  }

  interface PrecedenceCase {
    name: string;
    given: Record<string, string>;
    expected: { provenance?: string; sbom?: string };
  }
  const precedence: PrecedenceCase[] = [
    {
      name: 'attests give the values when provenance and sbom are empty',
      given: { attests: 'type=provenance,mode=max\ntype=sbom' },
      expected: { provenance: 'mode=max', sbom: 'true' },
    },
    {
      name: 'provenance and sbom win over attests, as in build-push-action',
      given: { attests: 'type=provenance,mode=max\ntype=sbom,generator=x/y', provenance: 'false', sbom: 'true' },
      expected: { provenance: 'false', sbom: 'true' },
    },
    { name: 'neither', given: {}, expected: {} },
  ];
  for (const c of precedence) {
    it(`readBuildInputs: ${c.name}`, async () => {
      const b = await readBuildInputs(toInputEnv(c.given));
      expect({ provenance: b.provenance, sbom: b.sbom }).toEqual({
        provenance: undefined,
        sbom: undefined,
        ...c.expected,
      });
    });
  }

  it('reaches the buildx argv as --provenance (one value per attestation; buildx reads --attest alike)', async () => {
    const b = await readBuildInputs(toInputEnv({ attests: 'type=provenance,mode=max' }));
    const plan = planOf(inputs({ provenance: b.provenance, dryRun: true }), context('push-master'));
    if (!('build' in plan)) throw new Error('a publish plan has a build');
    const argv = plan.build.argv;
    expect(argv[argv.indexOf('--provenance') + 1]).toBe('mode=max');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// metadata-context: git, against real repositories

interface ContextInputCase {
  name: string;
  value: string;
  expected: string;
}

const contextInputCases: ContextInputCase[] = [
  { name: 'empty: workflow', value: '', expected: 'workflow' },
  { name: 'workflow', value: 'workflow', expected: 'workflow' },
  { name: 'git', value: 'git', expected: 'git' },
  {
    name: 'Git (case matters, as in metadata-action)',
    value: 'Git',
    expected:
      'Input "metadata-context": got "Git"; expected workflow (the ref and commit of the run: GITHUB_REF, ' +
      "GITHUB_SHA) or git (the checked-out repository's HEAD)",
  },
];

describe('metadata-context (the input)', () => {
  for (const c of contextInputCases) {
    it(c.name, () => {
      let got: string;
      try {
        got = readMetadataContext(toInputEnv({ 'metadata-context': c.value }));
      } catch (e) {
        got = (e as Error).message;
      }
      expect(got).toBe(c.expected);
    });
  }
});

const gitEnv = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: tmp,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CEILING_DIRECTORIES: tmp,
  GIT_AUTHOR_NAME: 'Octo Cat',
  GIT_AUTHOR_EMAIL: 'octocat@example.com',
  GIT_COMMITTER_NAME: 'Octo Cat',
  GIT_COMMITTER_EMAIL: 'octocat@example.com',
  GIT_COMMITTER_DATE: '2026-01-02T03:04:05+01:00',
  GIT_AUTHOR_DATE: '2026-01-02T03:04:05+01:00',
};

/** git in `cwd`, as the action's runner would run it there. */
const gitIn =
  (cwd: string): GitRunner =>
  async (args) => {
    const r = spawnSync('git', [...args], { cwd, env: gitEnv, encoding: 'utf8' });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

function sh(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

let repos = 0;
/** A repository with commits a (tagged v1.2.3 and v1.2.3-rc.1) and b on main; `then` arranges HEAD. */
function repo(then: (dir: string, commits: { a: string; b: string }) => void): string {
  const dir = join(tmp, `repo-${repos++}`);
  mkdirSync(dir);
  sh(dir, 'init', '-q', '-b', 'main');
  sh(dir, 'commit', '-q', '--allow-empty', '-m', 'a');
  const a = sh(dir, 'rev-parse', 'HEAD');
  sh(dir, 'tag', 'v1.2.3');
  sh(dir, 'tag', 'v1.2.3-rc.1');
  sh(dir, 'commit', '-q', '--allow-empty', '-m', 'b');
  const b = sh(dir, 'rev-parse', 'HEAD');
  then(dir, { a, b });
  return dir;
}

interface GitCase {
  name: string;
  arrange: (dir: string, commits: { a: string; b: string }) => void;
  /** the expected ref; the commit is HEAD's */
  expected: { ref: string } | { error: string };
}

const gitCases: GitCase[] = [
  { name: 'a branch checkout: its symbolic ref', arrange: () => {}, expected: { ref: 'refs/heads/main' } },
  {
    name: 'a branch with a slash',
    arrange: (d) => sh(d, 'checkout', '-q', '-b', 'feature/login'),
    expected: { ref: 'refs/heads/feature/login' },
  },
  {
    name: 'a tag checked out detached (actions/checkout of a tag push): the tag',
    arrange: (d) => {
      sh(d, 'tag', 'v2.0.0');
      sh(d, 'checkout', '-q', '--detach', 'v2.0.0');
    },
    expected: { ref: 'refs/tags/v2.0.0' },
  },
  {
    name: 'two tags at HEAD: the first one decorating it, as metadata-action reads it',
    arrange: (d, c) => sh(d, 'checkout', '-q', '--detach', c.a),
    expected: { ref: 'refs/tags/v1.2.3-rc.1' },
  },
  {
    name: "a pull request's merge commit (actions/checkout: refs/remotes/pull/42/merge)",
    arrange: (d, c) => {
      sh(d, 'update-ref', 'refs/remotes/pull/42/merge', c.b);
      sh(d, 'branch', '-q', '-m', 'main', 'other');
      sh(d, 'commit', '-q', '--allow-empty', '-m', 'c');
      sh(d, 'checkout', '-q', '--detach', 'refs/remotes/pull/42/merge');
    },
    expected: { ref: 'refs/pull/42/merge' },
  },
  {
    name: 'a commit a remote branch points at',
    arrange: (d, c) => {
      sh(d, 'update-ref', 'refs/remotes/origin/release', c.b);
      sh(d, 'commit', '-q', '--allow-empty', '-m', 'c');
      sh(d, 'checkout', '-q', '--detach', c.b);
    },
    expected: { ref: 'refs/heads/release' },
  },
  {
    name: 'a remote branch and its local branch, with a slash in the name',
    arrange: (d, c) => {
      sh(d, 'branch', 'feature/x', c.b);
      sh(d, 'update-ref', 'refs/remotes/origin/feature/x', c.b);
      sh(d, 'commit', '-q', '--allow-empty', '-m', 'c');
      sh(d, 'checkout', '-q', '--detach', c.b);
    },
    expected: { ref: 'refs/heads/feature/x' },
  },
  {
    name: 'an undecorated commit: the branch that contains it',
    arrange: (d) => {
      sh(d, 'commit', '-q', '--allow-empty', '-m', 'c');
      sh(d, 'checkout', '-q', '--detach', 'HEAD~1');
    },
    expected: { ref: 'refs/heads/main' },
  },
  {
    name: 'a shallow clone (grafted) of a tag',
    arrange: (d) => {
      renameSync(d, `${d}-origin`);
      sh(tmp, 'clone', '-q', '--depth', '1', '--branch', 'v1.2.3', `file://${d}-origin`, d);
    },
    expected: { ref: 'refs/tags/v1.2.3-rc.1' },
  },
  {
    name: 'a commit no ref contains',
    arrange: (d) => {
      sh(d, 'checkout', '-q', '--detach');
      sh(d, 'commit', '-q', '--allow-empty', '-m', 'lost');
    },
    expected: { error: 'cannot tell the ref of the detached HEAD: no branch or tag contains it' },
  },
];

describe('readGitContext (metadata-action git context), real repositories', () => {
  for (const c of gitCases) {
    it(c.name, async () => {
      const dir = repo(c.arrange);
      const git = gitIn(dir);
      if ('error' in c.expected) {
        await expect(readGitContext(git)).rejects.toThrow(new GitContextError(c.expected.error));
        return;
      }
      expect(await readGitContext(git)).toEqual({
        ref: c.expected.ref,
        sha: sh(dir, 'rev-parse', 'HEAD'),
        commitDate: new Date('2026-01-02T02:04:05Z'),
      });
    });
  }
});

describe('readContext with metadata-context: git', () => {
  const eventFile = join(tmp, 'pr-event.json');
  writeFileSync(
    eventFile,
    JSON.stringify({
      number: 42,
      pull_request: { number: 42, head: { sha: 'f'.repeat(40) } },
      repository: { name: 'app', default_branch: 'main', html_url: 'https://github.com/octo-org/app' },
    }),
  );
  const env = {
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REF: 'refs/pull/42/merge',
    GITHUB_SHA: SHA,
    DOCKER_METADATA_PR_HEAD_SHA: 'true',
    SOURCE_DATE_EPOCH: '1767225600',
  };
  const proc = { pid: 1, home: tmp };

  it('takes ref, sha and commit date from HEAD, keeps the run commit for {{defaultContext}}, drops PR_HEAD_SHA', async () => {
    const dir = repo(() => {});
    const ctx = await readContext({ ...env, [inputEnvName('metadata-context')]: 'git' }, '', proc, {
      git: gitIn(dir),
    });
    const head = sh(dir, 'rev-parse', 'HEAD');
    expect({
      ref: ctx.ref,
      sha: ctx.sha,
      commitDate: ctx.commitDate,
      prHeadSha: ctx.settings.prHeadSha,
      workflowCommit: ctx.workflowCommit,
    }).toEqual({
      ref: 'refs/heads/main',
      sha: head,
      commitDate: new Date('2026-01-02T02:04:05Z'),
      prHeadSha: false,
      workflowCommit: { ref: 'refs/pull/42/merge', sha: SHA },
    });
    const source = buildSource(inputs({ context: '{{defaultContext}}:api', githubToken: '' }), ctx);
    expect(source.context).toBe(`https://github.com/octo-org/app.git#${SHA}:api`);
  });

  it('the tags come from the Git ref: a branch rule on a pull_request run', async () => {
    const dir = repo((d) => sh(d, 'checkout', '-q', '-b', 'release/2.x'));
    const ctx = await readContext(env, '', proc, { metadataContext: 'git', git: gitIn(dir) });
    const plan = planOf(
      inputs({
        meta: {
          images: ['ghcr.io/octo-org/app'],
          tags: ['type=ref,event=branch', 'type=sha'],
          flavor: [],
          labels: [],
          annotations: [],
        },
        dryRun: true,
      }),
      ctx,
    );
    const short = sh(dir, 'rev-parse', '--short=7', 'HEAD');
    expect(plan.meta.tags).toEqual(['ghcr.io/octo-org/app:release-2.x', `ghcr.io/octo-org/app:sha-${short}`]);
  });

  it('workflow (the default) leaves the run commit alone and runs no git', async () => {
    const ctx = await readContext(env, '', proc, {
      git: async () => {
        throw new Error('git must not run');
      },
    });
    expect({ ref: ctx.ref, sha: ctx.sha, workflowCommit: ctx.workflowCommit }).toEqual({
      ref: 'refs/pull/42/merge',
      sha: SHA,
      workflowCommit: undefined,
    });
  });

  it('outside a repository: an input error naming metadata-context and what git said', async () => {
    const dir = join(tmp, 'not-a-repo');
    mkdirSync(dir);
    await expect(readContext(env, '', proc, { metadataContext: 'git', git: gitIn(dir) })).rejects.toThrow(
      'Input "metadata-context": got "git"; expected workflow, or git with the repository checked out in the ' +
        'working directory (actions/checkout before this step); git branch --show-current: fatal: not a git ' +
        'repository (or any of the parent directories): .git',
    );
  });

  it('through src/exec.ts in the working directory (this repository)', async () => {
    const rev = (...args: string[]) => spawnSync('git', args, { cwd: process.cwd(), encoding: 'utf8' }).stdout.trim();
    const before = rev('rev-parse', 'HEAD');
    const ctx = await readContext(env, '', proc, { metadataContext: 'git' });
    const after = rev('rev-parse', 'HEAD');
    // other people commit to this working tree: HEAD is the one before or after the read
    expect([before, after]).toContain(ctx.sha);
    expect(ctx.ref).toBe(rev('symbolic-ref', 'HEAD'));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The guide's workflows

/** The ```yaml block after `<!-- workflow: id -->` in docs/migrating.md. */
function guideWorkflow(id: string): string {
  const m = new RegExp(`<!-- workflow: ${id} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(guide);
  if (!m) throw new Error(`docs/migrating.md has no workflow "${id}"`);
  return `${m[1]}\n`;
}

const THIS_ACTION = 'org/publish-image@v1';
/** The "after" as this repository's own workflows run the action, so the validator checks its inputs. */
const asLocal = (workflow: string) => workflow.replaceAll(`uses: ${THIS_ACTION}`, 'uses: ./');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const stepsOf = (workflow: string): Step[] =>
  Object.values((parse(workflow) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap((j) => j.steps);

/** The replaced action a `uses:` names, if it is one of the six. */
const replaced = (uses: string | undefined) => SOURCE_ACTIONS.find((a) => uses?.startsWith(`${a}@`));

const PAIRS = ['single', 'two-registries', 'fanout'];

describe('docs/migrating.md: the before and after workflows', () => {
  for (const pair of PAIRS) {
    it(`${pair}: the before is valid, and uses only inputs its actions have`, async () => {
      const before = guideWorkflow(`${pair}-before`);
      expect(await validateWorkflow(`${pair}-before.yml`, before)).toEqual([]);
      const unknown = stepsOf(before).flatMap((s) => {
        const action = replaced(s.uses);
        if (!action) return [];
        const known = fixtureOf(action).inputs;
        return Object.keys(s.with ?? {})
          .filter((k) => !known.includes(k))
          .map((k) => `${action}: ${k}`);
      });
      expect(unknown).toEqual([]);
      expect(stepsOf(before).some((s) => replaced(s.uses))).toBe(true);
    });

    it(`${pair}: the after is valid against this action.yml and replaces every docker/* and attest step`, async () => {
      const after = guideWorkflow(`${pair}-after`);
      expect(await validateWorkflow(`${pair}-after.yml`, asLocal(after), { actionInputs: readActionInputs() })).toEqual(
        [],
      );
      const steps = stepsOf(after);
      expect(steps.filter((s) => replaced(s.uses) || /imagetools|DOCKER_METADATA/.test(s.run ?? ''))).toEqual([]);
      expect(steps.filter((s) => s.uses === THIS_ACTION).length).toBeGreaterThan(0);
      expect(steps.every((s) => s.uses === THIS_ACTION || s.uses?.startsWith('actions/checkout@'))).toBe(true);
    });
  }

  // Every `with:` entry of the replaced steps is in the one step: under its name (or its new name), with the same
  // value; or moved into another input; or dropped because this action's default does the same; or dropped because
  // it passed a value between the deleted steps (`steps.*`) or is an input ignored here.
  interface CompletenessCase {
    name: string;
    pair: string;
    /** input → the before's value, which this action's default gives */
    defaults: Record<string, string>;
    /** input → the input its value moved into (the value must appear there) */
    movedInto: Record<string, string>;
  }
  const completeness: CompletenessCase[] = [
    {
      name: 'the single-image publish',
      pair: 'single',
      defaults: {
        registry: 'ghcr.io',
        username: '${{ github.actor }}',
        password: '${{ secrets.GITHUB_TOKEN }}',
        context: '.',
        'cache-from': 'type=gha',
        'cache-to': 'type=gha,mode=max',
      },
      movedInto: {},
    },
    {
      name: 'the two-registry publish',
      pair: 'two-registries',
      defaults: {},
      movedInto: { registry: 'registry-auth', username: 'registry-auth', password: 'registry-auth' },
    },
  ];
  for (const c of completeness) {
    it(`${c.name}: every with: entry of the deleted steps is accounted for`, () => {
      const [after] = stepsOf(guideWorkflow(`${c.pair}-after`)).filter((s) => s.uses === THIS_ACTION);
      const given = Object.fromEntries(Object.entries(after.with ?? {}).map(([k, v]) => [k, String(v)]));
      const lost: string[] = [];
      for (const step of stepsOf(guideWorkflow(`${c.pair}-before`))) {
        const action = replaced(step.uses);
        if (!action) continue;
        for (const [input, raw] of Object.entries(step.with ?? {})) {
          const value = String(raw);
          const here = RENAMED_INPUTS.find((r) => r.from === action && r.input === input)?.here ?? input;
          const ignored = IGNORED_INPUTS.some((i) => i.from === action && i.input === input);
          const accounted =
            /\$\{\{\s*steps\./.test(value) ||
            ignored ||
            c.defaults[input] === value ||
            (c.movedInto[input] !== undefined && (given[c.movedInto[input]] ?? '').includes(value)) ||
            given[here] === value;
          if (!accounted) lost.push(`${action}: ${input}: ${value}`);
        }
      }
      expect(lost).toEqual([]);
    });
  }

  // The "after" steps run through the main step in dry-run, with the values GitHub would give their expressions.
  const expressionContext = {
    'github.repository': 'octo-org/publish-image',
    'github.event_name': 'push',
    'github.actor': 'octocat',
    'vars.DOCKERHUB_USERNAME': 'octo',
    'secrets.DOCKERHUB_TOKEN': 'dckr_pat_migrationTestToken',
    'secrets.GITHUB_TOKEN': 'ghs_migrationTestToken',
    'matrix.platform': 'linux/arm64',
    'env.IMAGE': 'ghcr.io/octo-org/app',
    'env.PLATFORMS': 'linux/amd64,linux/arm64',
    'env.TAGS': 'type=ref,event=branch\ntype=sha\n',
  };

  /** Runs the main step as the runner would on a push of `ref`; returns its exit code and outputs. */
  async function dryRun(
    name: string,
    withInputs: Record<string, string>,
    ref: string,
    event: string,
  ): Promise<{ code: number; outputs: Record<string, string> }> {
    const dir = join(tmp, `run-${name}`);
    mkdirSync(dir);
    const files = {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env: Record<string, string> = {
      ...files,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: join(repoRoot, `test/fixtures/events/${event}.json`),
      GITHUB_REF: ref,
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'octo-org/publish-image',
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '1234',
      RUNNER_TEMP: dir,
      SOURCE_DATE_EPOCH: '1767225600',
      // the defaults the runner passes, and a workspace with a Dockerfile
      ...toInputEnv({
        'github-token': 'ghs_migrationTestToken',
        context: join(repoRoot, 'test/fixtures/contexts/hello'),
      }),
      ...toInputEnv({ ...withInputs, 'dry-run': 'true' }),
    };
    const code = await main(env, { pid: 4242, home: dir });
    const outputs: Record<string, string> = {};
    const lines = readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
      if (!m) continue;
      const end = lines.indexOf(m[2], i + 1);
      outputs[m[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    }
    return { code, outputs };
  }

  const errors = () => printed.split('\n').filter((l) => l.startsWith('::error'));

  it('the single-image after, on a tag push: the same tags metadata-action gives, VERSION in the build', async () => {
    const file = join(tmp, 'single-after.yml');
    writeFileSync(file, asLocal(guideWorkflow('single-after')));
    const [step] = actionSteps(file);
    const r = await dryRun(
      'single',
      resolveExpressions(step.inputs, expressionContext),
      'refs/tags/v1.2.3',
      'push-tag',
    );
    expect({ code: r.code, errors: errors() }).toEqual({ code: 0, errors: [] });
    expect(r.outputs.tags.split('\n')).toEqual([
      'ghcr.io/octo-org/publish-image:1.2.3',
      'ghcr.io/octo-org/publish-image:1.2',
      'ghcr.io/octo-org/publish-image:sha-860c190',
      'ghcr.io/octo-org/publish-image:latest',
    ]);
    expect(printed).toContain('--build-arg VERSION=1.2.3 ');
  });

  it('the two-registry after, on a tag push: both images tagged, the tokens nowhere in the log or outputs', async () => {
    const file = join(tmp, 'two-registries-after.yml');
    writeFileSync(file, asLocal(guideWorkflow('two-registries-after')));
    const [step] = actionSteps(file);
    const r = await dryRun('two', resolveExpressions(step.inputs, expressionContext), 'refs/tags/v1.2.3', 'push-tag');
    expect({ code: r.code, errors: errors() }).toEqual({ code: 0, errors: [] });
    expect(r.outputs.tags.split('\n')).toEqual([
      'docker.io/octo-org/app:1.2.3',
      'docker.io/octo-org/app:1.2',
      'docker.io/octo-org/app:latest',
      'ghcr.io/octo-org/app:1.2.3',
      'ghcr.io/octo-org/app:1.2',
      'ghcr.io/octo-org/app:latest',
    ]);
    expect(r.outputs.labels).toContain('org.opencontainers.image.vendor=Octo Org');
    const shown = printed.replace(/^::add-mask::.*$/gm, '') + JSON.stringify(r.outputs);
    expect(shown).not.toContain('dckr_pat_migrationTestToken');
    expect(shown).not.toContain('ghs_migrationTestToken');
  });

  it('the fan-out after: the matrix job plans one native runner per platform, each leg and the merge dry-run', async () => {
    const file = join(tmp, 'fanout-after.yml');
    writeFileSync(file, asLocal(guideWorkflow('fanout-after')));
    const jobs = Object.fromEntries(
      actionSteps(file).map((s) => [s.job, resolveExpressions(s.inputs, expressionContext)]),
    );
    expect(Object.keys(jobs)).toEqual(['prepare', 'build', 'merge']);
    const prepare = await dryRun('prepare', jobs.prepare, 'refs/heads/master', 'push-master');
    expect({ code: prepare.code, errors: errors() }).toEqual({ code: 0, errors: [] });
    expect(JSON.parse(prepare.outputs.matrix)).toEqual({
      include: [
        { platform: 'linux/amd64', runner: 'ubuntu-24.04', pair: 'linux-amd64' },
        { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', pair: 'linux-arm64' },
      ],
    });
    for (const job of ['build', 'merge']) {
      const r = await dryRun(job, jobs[job], 'refs/heads/master', 'push-master');
      expect({ job, code: r.code, errors: errors() }).toEqual({ job, code: 0, errors: [] });
    }
  });
});

describe("docs/migrating.md: build-push-action's tags as image references", () => {
  it('the translation gives exactly the references build-push-action was given', () => {
    const block = /```yaml\n# before \(docker\/build-push-action\)\n([\s\S]*?)# after\n([\s\S]*?)```/.exec(guide);
    if (!block) throw new Error('no before/after tags block');
    const before = parse(block[1]) as { tags: string };
    const after = parse(block[2]) as { images: string; tags: string };
    const lines = (text: string) => text.split('\n').filter(Boolean);
    const plan = planOf(
      inputs({
        meta: { images: lines(after.images), tags: lines(after.tags), flavor: [], labels: [], annotations: [] },
        dryRun: true,
      }),
      context('push-master'),
    );
    expect(plan.meta.tags).toEqual(before.tags.split(','));
  });
});
