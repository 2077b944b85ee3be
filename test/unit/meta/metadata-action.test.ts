// docker/metadata-action's own test cases, run through this engine. fixtures/metadata-action.json holds their
// inputs and expected outputs as data (transcribed from metadata-action's __tests__ and fixture events; no code).
// Every case either gives metadata-action's expected output, or is listed in DIFFERENCES with the output this engine
// gives instead and the README bullet ("Compatibility with docker/metadata-action") that explains why.
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  computeMeta,
  parseFlavor,
  parseImages,
  parseTagRules,
  type MetaOutcome,
  type TagRule,
} from '../../../src/meta/index.js';
import { isRawStatement } from '../../../src/meta/template.js';
import type { EventPayload, MetaContext, MetaInputs } from '../../../src/meta/types.js';
import data from './fixtures/metadata-action.json' with { type: 'json' };
import { PARSERS } from './helpers.js';

/** metadata-action's tests fix moment and Date.prototype.toISOString at this instant. */
const FIXED = new Date('2020-01-10T00:30:00.000Z');

interface FixtureEvent {
  eventName: string;
  ref: string;
  sha: string;
  payload: EventPayload;
}
const events = data.events as Record<string, FixtureEvent>;

function contextOf(event: string, o: { prHeadSha?: boolean; annotationLevels?: string[] } = {}): MetaContext {
  const e = events[event];
  return {
    eventName: e.eventName,
    ref: e.ref,
    sha: e.sha,
    payload: e.payload,
    repo: data.repo,
    now: FIXED,
    commitDate: FIXED,
    settings: {
      prHeadSha: o.prHeadSha ?? false,
      shortShaLength: 7,
      annotationLevels: o.annotationLevels ?? ['manifest'],
    },
  };
}

interface RawInputs {
  images?: string[];
  tags?: string[];
  flavor?: string[];
  labels?: string[];
  annotations?: string[];
}
const inputsOf = (i: RawInputs): MetaInputs => ({
  images: i.images ?? [],
  tags: i.tags ?? [],
  flavor: i.flavor ?? [],
  labels: i.labels ?? [],
  annotations: i.annotations ?? [],
});

const run = (inputs: MetaInputs, context: MetaContext): MetaOutcome =>
  computeMeta(inputs, context, { rules: parseTagRules(inputs.tags), parsers: PARSERS });

const toObject = (entries: string[]) =>
  Object.fromEntries(entries.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/** Where this engine's output differs from the expected one of metadata-action's test: ours, and why. */
interface Difference {
  /** the README bullet (Compatibility with docker/metadata-action) that explains it, or another reason */
  why: string;
  expected: unknown;
}

const UNQUOTED_DATE = 'README: "An unquoted date format is rendered as written, with a warning"';

const DIFFERENCES: Record<string, Difference> = {
  // metadata-action: its default format, 2020-01-10T00:30:00Z, sanitised
  'pr/pr12': {
    why: UNQUOTED_DATE,
    expected: {
      version: { main: '2020-01-10-003000', partial: [], latest: false },
      tags: ['org/app:2020-01-10-003000'],
      labels: labelsWith('2020-01-10-003000', 'a9c8c5828b91be19d9728548b24759e352367ef1'),
      annotations: labelsWith('2020-01-10-003000', 'a9c8c5828b91be19d9728548b24759e352367ef1'),
    },
  },
  'pr-head-sha/pr12': {
    why: UNQUOTED_DATE,
    expected: {
      version: { main: 'src-2020-01-10', partial: [], latest: false },
      tags: ['org/app:src-2020-01-10'],
      labels: labelsWith('src-2020-01-10', '3370e228f2209994d57af4427fe64e71bb79ac96'),
      annotations: labelsWith('src-2020-01-10', '3370e228f2209994d57af4427fe64e71bb79ac96'),
    },
  },
  // metadata-action's Transform gives [{ name: 'name/bar', enable: true }] as well: its test expects a throw, but the
  // failed expect() inside its try block is caught by its own catch block, which then passes.
  'images #8: ["name/foo,name=name/bar,enable=true"]': {
    why: "metadata-action's own test cannot fail; its parser accepts this line as this engine does",
    expected: [{ name: 'name/bar', enable: true }],
  },
};

/** The eight default labels of the fixture repository. */
function labelsWith(version: string, revision: string): string[] {
  return [
    'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
    'org.opencontainers.image.description=This your first repo!',
    'org.opencontainers.image.licenses=MIT',
    `org.opencontainers.image.revision=${revision}`,
    'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
    'org.opencontainers.image.title=Hello-World',
    'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
    `org.opencontainers.image.version=${version}`,
  ];
}

interface OutputCase {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  /** the output, shaped as metadata-action's test reads it */
  actual: (r: MetaOutcome) => Record<string, unknown>;
  expected: Record<string, unknown>;
}

const stripLevel = (annotations: string[]) => annotations.map((a) => a.replace(/^manifest:/, ''));

const outputCases: OutputCase[] = [
  ...data.meta.map((c) => ({
    name: `${c.group}/${c.name}`,
    context: contextOf(c.event, { prHeadSha: 'prHeadSha' in c ? c.prHeadSha : false }),
    inputs: inputsOf(c.inputs),
    actual: (r: MetaOutcome) => ({
      version: { main: r.version.main, partial: r.version.partial, latest: r.version.latest },
      tags: r.tags,
      labels: r.labels,
      annotations: stripLevel(r.annotations),
    }),
    expected: {
      version: { main: undefined, ...c.expected.version },
      tags: c.expected.tags,
      labels: c.expected.labels,
      annotations: 'annotations' in c.expected ? c.expected.annotations : c.expected.labels,
    },
  })),
  ...data.json.map((c) => ({
    name: `json/${c.name}`,
    context: contextOf(c.event),
    inputs: inputsOf(c.inputs),
    actual: (r: MetaOutcome) => ({
      tags: r.tags,
      'tag-names': r.tagNames,
      labels: toObject(r.labels),
      annotations: r.annotations,
    }),
    expected: c.expected,
  })),
  ...data.bake.map((c) => {
    // the one target of a bake file, whatever its name (bake-target)
    const target = (v: unknown) => Object.values((v as { target: Record<string, Record<string, unknown>> }).target)[0];
    const e = c.expected as { tags?: unknown; labels?: unknown; annotations?: unknown; tagsLabels?: unknown };
    return {
      name: `bake/${c.name}`,
      context: contextOf(c.event, { annotationLevels: ['index', 'manifest-descriptor'] }),
      inputs: inputsOf(c.inputs),
      actual: (r: MetaOutcome) => {
        const args = { DOCKER_META_IMAGES: r.images.join(','), DOCKER_META_VERSION: r.version.main };
        if (e.tagsLabels) return { tags: r.tags, labels: toObject(r.labels), args };
        return { tags: r.tags, args, labels: toObject(r.labels), annotations: r.annotations };
      },
      expected: e.tagsLabels
        ? target(e.tagsLabels)
        : { ...target(e.tags), ...target(e.labels), ...target(e.annotations) },
    };
  }),
  ...data.sepTags.map((c) => ({
    name: `sepTags/${c.name}`,
    context: contextOf(c.event),
    inputs: inputsOf(c.inputs),
    actual: (r: MetaOutcome) => ({ tags: r.tags.join(c.inputs.sepTags) }),
    expected: { tags: c.expected },
  })),
];

/** Ours, and a check that a listed difference really differs from metadata-action's expected output. */
function expectedOf(name: string, theirs: unknown): unknown {
  const d = DIFFERENCES[name];
  if (!d) return theirs;
  expect(d.expected).not.toEqual(theirs);
  return d.expected;
}

describe('metadata-action test cases: outputs', () => {
  test.each(outputCases)('$name', ({ name, context, inputs, actual, expected }) => {
    expect(actual(run(inputs, context))).toEqual(expectedOf(name, expected));
  });
});

describe('metadata-action test cases: isRawStatement', () => {
  const cases = data.isRawStatement.map((c) => ({ name: c.pattern, input: c.pattern, expected: c.expected }));
  test.each(cases)('$name', ({ input, expected }) => {
    expect(isRawStatement(input)).toBe(expected);
  });
});

/** A rule in the shape of metadata-action's parsed Tag (`{ type, attrs }`, every attribute a string). */
function asMetadataActionTag(rule: TagRule): { type: string; attrs: Record<string, string> } {
  const attrs: Record<string, string> = { priority: String(rule.priority), enable: rule.enable };
  if (rule.prefix !== undefined) attrs.prefix = rule.prefix;
  if (rule.suffix !== undefined) attrs.suffix = rule.suffix;
  switch (rule.type) {
    case 'schedule':
      attrs.pattern = rule.pattern;
      break;
    case 'semver':
    case 'pep440':
      Object.assign(attrs, { pattern: rule.pattern, value: rule.value, match: rule.match?.source ?? '' });
      break;
    case 'match':
      Object.assign(attrs, { pattern: rule.pattern.source, group: String(rule.group), value: rule.value });
      break;
    case 'edge':
      attrs.branch = rule.branch;
      break;
    case 'ref':
      attrs.event = rule.event;
      break;
    case 'raw':
      attrs.value = rule.value;
      break;
    case 'sha':
      attrs.format = rule.format;
      break;
  }
  return { type: rule.type, attrs };
}

/** What a parser gives for metadata-action's input: its result, or that it was rejected with an InputError. */
function outcome<T>(parse: () => T): T | 'rejected' {
  try {
    return parse();
  } catch (err) {
    if (err instanceof InputError) return 'rejected';
    throw err;
  }
}

interface ParseCase {
  name: string;
  actual: () => unknown;
  expected: unknown;
}

const parseCases: ParseCase[] = [
  ...data.tagParse.map((c, i) => ({
    name: `tags ${c.group} #${i}: ${JSON.stringify(c.input)}`,
    actual: () =>
      outcome(() =>
        Array.isArray(c.input)
          ? parseTagRules(c.input).map(asMetadataActionTag)
          : asMetadataActionTag(parseTagRules([c.input])[0]),
      ),
    expected: c.invalid ? 'rejected' : c.expected,
  })),
  ...data.flavor.map((c, i) => ({
    name: `flavor #${i}: ${JSON.stringify(c.input)}`,
    actual: () => outcome(() => parseFlavor(c.input)),
    expected: c.invalid ? 'rejected' : c.expected,
  })),
  ...data.images.map((c, i) => ({
    name: `images #${i}: ${JSON.stringify(c.input)}`,
    actual: () => outcome(() => parseImages(c.input)),
    // metadata-action lower-cases names when it writes tags; this engine when it reads them
    expected: c.invalid ? 'rejected' : c.expected?.map((img) => ({ ...img, name: img.name.toLowerCase() })),
  })),
];

describe('metadata-action test cases: parsers', () => {
  test.each(parseCases)('$name', ({ name, actual, expected }) => {
    expect(actual()).toEqual(expectedOf(name, expected));
  });
});

describe('metadata-action test cases: the count', () => {
  test('191 cases, 188 agree; the 3 differences are listed by the names of real cases', () => {
    const names = [...outputCases, ...parseCases].map((c) => c.name);
    expect(names.length + data.isRawStatement.length).toBe(191);
    expect(Object.keys(DIFFERENCES).filter((n) => !names.includes(n))).toEqual([]);
    expect(Object.keys(DIFFERENCES)).toHaveLength(3);
  });
});
