// What metadata-action accepts and ignores runs here too, with a warning naming the input, the value and the fix;
// and the warnings metadata-action prints itself (a Git tag that is not a version, a pattern that does not match).
// Every warning starts with fixed text, never with a value from the inputs or the event.
import { describe, expect, test } from 'vitest';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: { tags: string[]; labels?: string[]; warnings: string[] };
}

const tags = (...lines: string[]) => metaInputs({ tags: lines });

const cases: Case[] = [
  // ---- tag rules: attributes metadata-action stores and never reads
  {
    name: 'a flavor key on a tag line (type=edge,onlatest=false)',
    context: events.pushBranch('master'),
    inputs: tags('type=edge,onlatest=false'),
    expected: {
      tags: ['user/app:edge'],
      warnings: [
        'Input "tags": "type=edge,onlatest=false": onlatest= is a flavor key and has no effect on a tag rule; it is ignored (remove it, or set it in the flavor input)',
      ],
    },
  },
  {
    name: 'latest= on a tag line',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=x,latest=true'),
    expected: {
      tags: ['user/app:x'],
      warnings: [
        'Input "tags": "type=raw,value=x,latest=true": latest= is a flavor key and has no effect on a tag rule; it is ignored (remove it, or set it in the flavor input)',
      ],
    },
  },
  {
    name: 'an attribute of another type (branch= on type=sha)',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,branch=main'),
    expected: {
      tags: ['user/app:sha-860c190'],
      warnings: ['Input "tags": "type=sha,branch=main": branch= has no effect on type=sha; it is ignored (remove it)'],
    },
  },
  {
    name: 'format= on type=ref',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=ref,event=tag,format=long'),
    expected: {
      tags: ['user/app:v1.0.0', 'user/app:latest'],
      warnings: [
        'Input "tags": "type=ref,event=tag,format=long": format= has no effect on type=ref; it is ignored (remove it)',
      ],
    },
  },
  {
    name: 'group= on type=semver',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=semver,pattern={{version}},group=1'),
    expected: {
      tags: ['user/app:1.0.0', 'user/app:latest'],
      warnings: [
        'Input "tags": "type=semver,pattern={{version}},group=1": group= has no effect on type=semver; it is ignored (remove it)',
      ],
    },
  },
  {
    name: 'an attribute nobody reads',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=x,comment=nightly-build'),
    expected: {
      tags: ['user/app:x'],
      warnings: [
        'Input "tags": "type=raw,value=x,comment=nightly-build": unknown attribute "comment" is ignored (remove it; type=raw reads type, enable, priority, prefix, suffix, tz, value)',
      ],
    },
  },
  {
    name: 'a field without = on a type that takes no value',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,long'),
    expected: {
      tags: ['user/app:sha-860c190'],
      warnings: [
        'Input "tags": "type=sha,long": "long" (a field without "=") is read as value=, which type=sha does not use; it is ignored',
      ],
    },
  },
  {
    name: 'a short unknown key is not taken for a misspelling (to= is not tz=)',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=x,to=y'),
    expected: {
      tags: ['user/app:x'],
      warnings: [
        'Input "tags": "type=raw,value=x,to=y": unknown attribute "to" is ignored (remove it; type=raw reads type, enable, priority, prefix, suffix, tz, value)',
      ],
    },
  },
  {
    name: 'each rule warns once, in rule order',
    context: events.pushBranch('master'),
    inputs: tags('type=edge,onlatest=true', 'type=sha,latest=false,branch=x'),
    expected: {
      tags: ['user/app:edge', 'user/app:sha-860c190'],
      warnings: [
        'Input "tags": "type=edge,onlatest=true": onlatest= is a flavor key and has no effect on a tag rule; it is ignored (remove it, or set it in the flavor input)',
        'Input "tags": "type=sha,latest=false,branch=x": latest= is a flavor key and has no effect on a tag rule; it is ignored (remove it, or set it in the flavor input)',
        'Input "tags": "type=sha,latest=false,branch=x": branch= has no effect on type=sha; it is ignored (remove it)',
      ],
    },
  },
  // ---- flavor
  {
    name: 'flavor onlatest with no prefix/suffix before it on its line',
    context: events.pushTag('v1.0.0'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['prefix=a-', 'onlatest=true'] }),
    expected: {
      tags: ['user/app:a-1.0.0', 'user/app:latest'],
      warnings: [
        'Input "flavor": "onlatest=true": onlatest applies to the prefix= or suffix= before it on the same line; it is ignored (write e.g. prefix=v,onlatest=true)',
      ],
    },
  },
  // ---- labels and annotations
  {
    name: 'a label line without = is dropped',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ labels: ['maintainer', 'x.y=z'] }),
    expected: {
      tags: ['user/app:dev'],
      labels: [
        'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
        'org.opencontainers.image.description=This your first repo!',
        'org.opencontainers.image.licenses=MIT',
        'org.opencontainers.image.revision=860c1904a1ce19322e91ac35af1ab07466440c37',
        'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.title=Hello-World',
        'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.version=dev',
        'x.y=z',
      ],
      warnings: [
        'Input "labels": "maintainer": not key=value; it is ignored (write e.g. org.opencontainers.image.vendor=Example)',
      ],
    },
  },
  {
    name: 'an annotation line without = is dropped',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ annotations: ['org.example'] }),
    expected: {
      tags: ['user/app:dev'],
      warnings: [
        'Input "annotations": "org.example": not key=value; it is ignored (write e.g. org.opencontainers.image.vendor=Example)',
      ],
    },
  },
  // ---- templates
  {
    name: 'an unquoted date format is rendered as written',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=src-{{commit_date YYYY-MM-DD}}'),
    expected: {
      tags: ['user/app:src-2020-01-08'],
      warnings: [
        'Input "tags": "type=raw,value=src-{{commit_date YYYY-MM-DD}}": the format in "{{commit_date YYYY-MM-DD}}" is not quoted; it is rendered as \'YYYY-MM-DD\' (metadata-action ignores it and renders moment\'s default format, e.g. 2020-01-10T00:30:00Z): write {{commit_date \'YYYY-MM-DD\'}}',
      ],
    },
  },
  {
    name: 'an unquoted date format keeps its tz',
    context: events.pushBranch('dev'),
    inputs: tags("type=raw,value={{date YYYYMMDD-HHmm tz='Asia/Tokyo'}}"),
    expected: {
      tags: ['user/app:20200110-0930'],
      warnings: [
        "Input \"tags\": \"type=raw,value={{date YYYYMMDD-HHmm tz='Asia/Tokyo'}}\": the format in \"{{date YYYYMMDD-HHmm tz='Asia/Tokyo'}}\" is not quoted; it is rendered as 'YYYYMMDD-HHmm' (metadata-action ignores it and renders moment's default format, e.g. 2020-01-10T00:30:00Z): write {{date 'YYYYMMDD-HHmm' tz='Asia/Tokyo'}}",
      ],
    },
  },
  {
    name: 'an unquoted date format is checked on every event',
    context: events.pushBranch('dev'),
    inputs: tags('type=schedule,pattern={{date YYYYMMDD}}'),
    expected: {
      tags: [],
      warnings: [
        'Input "tags": "type=schedule,pattern={{date YYYYMMDD}}": the format in "{{date YYYYMMDD}}" is not quoted; it is rendered as \'YYYYMMDD\' (metadata-action ignores it and renders moment\'s default format, e.g. 2020-01-10T00:30:00Z): write {{date \'YYYYMMDD\'}}',
      ],
    },
  },
  // ---- what metadata-action warns about itself
  {
    name: 'a Git tag that is not semver',
    context: events.pushTag('release1'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: {
      tags: [],
      warnings: [
        'Input "tags": "type=semver,pattern={{version}}": release1 is not a valid semver (https://semver.org/); no tag',
      ],
    },
  },
  {
    name: 'a Git tag that is not PEP 440',
    context: events.pushTag('sometag'),
    inputs: tags('type=pep440,pattern={{version}}'),
    expected: {
      tags: [],
      warnings: [
        'Input "tags": "type=pep440,pattern={{version}}": sometag does not conform to PEP 440 (https://peps.python.org/pep-0440/); no tag',
      ],
    },
  },
  {
    name: 'a match pattern that does not match',
    context: events.pushTag('release1'),
    inputs: tags('type=match,pattern=v(\\d+),group=1'),
    expected: {
      tags: [],
      warnings: ['Input "tags": "type=match,pattern=v(\\\\d+),group=1": v(\\d+) does not match release1; no tag'],
    },
  },
  {
    name: 'a match group that does not exist',
    context: events.pushTag('v1'),
    inputs: tags('type=match,pattern=v\\d,group=2'),
    expected: {
      tags: [],
      warnings: ['Input "tags": "type=match,pattern=v\\\\d,group=2": group 2 does not exist for v\\d in v1; no tag'],
    },
  },
  {
    name: 'semver match= that does not match: the whole text is used',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{version}},match=^p\\d+/v(\\d.\\d.\\d)$'),
    expected: {
      tags: ['user/app:1.2.3', 'user/app:latest'],
      warnings: [
        'Input "tags": "type=semver,pattern={{version}},match=^p\\\\d+/v(\\\\d.\\\\d.\\\\d)$": match=^p\\d+/v(\\d.\\d.\\d)$ does not match v1.2.3; the whole text is used',
      ],
    },
  },
  {
    name: 'semver match= whose group 1 does not take part',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{version}},match=(x)?v1'),
    expected: {
      tags: [],
      warnings: [
        'Input "tags": "type=semver,pattern={{version}},match=(x)?v1": group 1 of match=(x)?v1 captured nothing in v1.2.3; no tag',
      ],
    },
  },
  {
    name: 'a tag with no valid character left',
    context: events.pullRequest(),
    inputs: tags('type=raw,value=//,prefix=,suffix='),
    expected: {
      tags: [],
      warnings: [
        'Input "tags": "type=raw,value=//,prefix=,suffix=": the tag "//" has no valid tag characters; skipped',
      ],
    },
  },
  {
    name: 'a value from the event never starts a warning',
    context: events.pushTag('::error::x'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: {
      tags: [],
      warnings: [
        'Input "tags": "type=semver,pattern={{version}}": ::error::x is not a valid semver (https://semver.org/); no tag',
      ],
    },
  },
];

describe('warnings', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    expect(result.tags).toEqual(expected.tags);
    if (expected.labels) expect(result.labels).toEqual(expected.labels);
    expect(result.warnings).toEqual(expected.warnings);
    for (const w of result.warnings) expect(w).toMatch(/^Input "(tags|flavor|labels|annotations)": "/);
  });
});
