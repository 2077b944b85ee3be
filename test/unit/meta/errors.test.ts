// Every user mistake the engine rejects, with the exact message main.ts prints (one InputError naming the input,
// the value given and the expected form). Templates, zones and regular expressions are checked when the inputs are
// parsed, so the "every event" cases fail on events that would not render the broken rule at all.
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  /** InputError's message */
  expected: string;
}

const ctx = events.pushTag('v1.2.3');
const tagLine = (line: string): MetaInputs => metaInputs({ tags: [line] });

const cases: Case[] = [
  {
    name: 'unknown tag type',
    context: ctx,
    inputs: tagLine('type=foo,value=x'),
    expected:
      'Input "tags": got "type=foo,value=x"; expected a known type: type=schedule|semver|pep440|match|edge|ref|raw|sha',
  },
  {
    name: 'type is case-sensitive, as in metadata-action',
    context: ctx,
    inputs: tagLine('type=Semver,pattern={{version}}'),
    expected:
      'Input "tags": got "type=Semver,pattern={{version}}"; expected a known type: type=schedule|semver|pep440|match|edge|ref|raw|sha',
  },
  {
    name: 'semver without pattern',
    context: ctx,
    inputs: tagLine('type=semver'),
    expected: 'Input "tags": got "type=semver"; expected a pattern attribute, e.g. type=semver,pattern={{version}}',
  },
  {
    name: 'pep440 without pattern',
    context: ctx,
    inputs: tagLine('type=pep440,value=1.0'),
    expected:
      'Input "tags": got "type=pep440,value=1.0"; expected a pattern attribute, e.g. type=pep440,pattern={{version}}',
  },
  {
    name: 'match without pattern',
    context: ctx,
    inputs: tagLine('type=match,group=1'),
    expected:
      'Input "tags": got "type=match,group=1"; expected a pattern attribute, e.g. type=match,pattern=v(.*),group=1',
  },
  {
    name: 'match with a bad group',
    context: ctx,
    inputs: tagLine('type=match,pattern=v(.*),group=one'),
    expected:
      'Input "tags": got "type=match,pattern=v(.*),group=one"; expected group=<number of a capture group>, e.g. group=1',
  },
  {
    name: 'match with a bad regular expression',
    context: ctx,
    inputs: tagLine('type=match,pattern=v(.*'),
    expected:
      'Input "tags": got "type=match,pattern=v(.*"; expected pattern=<regular expression> (Invalid regular expression: /v(.*/: Unterminated group)',
  },
  {
    name: 'semver match= that is not a regular expression',
    context: ctx,
    inputs: tagLine('type=semver,pattern={{version}},match=v(\\d'),
    expected:
      'Input "tags": got "type=semver,pattern={{version}},match=v(\\\\d"; expected match=<regular expression whose group 1 is the version>, e.g. match=v(\\d.\\d.\\d)$ (Invalid regular expression: /v(\\d/: Unterminated group)',
  },
  {
    name: 'semver match= without a capture group',
    context: ctx,
    inputs: tagLine('type=semver,pattern={{version}},match=v\\d.\\d.\\d$'),
    expected:
      'Input "tags": got "type=semver,pattern={{version}},match=v\\\\d.\\\\d.\\\\d$"; expected match=<regular expression whose group 1 is the version>, e.g. match=v(\\d.\\d.\\d)$ (it has no capture group)',
  },
  {
    name: 'pep440 match= without a capture group',
    context: ctx,
    inputs: tagLine('type=pep440,pattern={{version}},match=\\d+'),
    expected:
      'Input "tags": got "type=pep440,pattern={{version}},match=\\\\d+"; expected match=<regular expression whose group 1 is the version>, e.g. match=v(\\d.\\d.\\d)$ (it has no capture group)',
  },
  {
    name: 'raw without value',
    context: ctx,
    inputs: tagLine('type=raw'),
    expected: 'Input "tags": got "type=raw"; expected a value, e.g. type=raw,value=latest',
  },
  {
    name: 'ref without event',
    context: ctx,
    inputs: tagLine('type=ref'),
    expected: 'Input "tags": got "type=ref"; expected an event attribute: type=ref,event=<branch|tag|pr>',
  },
  {
    name: 'ref with an unknown event',
    context: ctx,
    inputs: tagLine('type=ref,event=push'),
    expected: 'Input "tags": got "type=ref,event=push"; expected event=branch, event=tag or event=pr',
  },
  {
    name: 'sha with an unknown format',
    context: ctx,
    inputs: tagLine('type=sha,format=medium'),
    expected: 'Input "tags": got "type=sha,format=medium"; expected format=short or format=long',
  },
  {
    name: 'enable=maybe',
    context: ctx,
    inputs: tagLine('type=sha,enable=maybe'),
    expected:
      'Input "tags": got "type=sha,enable=maybe"; expected enable=true or enable=false (or an expression giving one)',
  },
  {
    name: 'enable rendering to something else',
    context: ctx,
    inputs: tagLine('type=sha,enable={{tag}}'),
    expected:
      'Input "tags": got "type=sha,enable={{tag}}"; expected enable=true or enable=false (or an expression giving one), got "v1.2.3"',
  },
  {
    name: 'enable is checked even when the rule would not apply',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=semver,pattern={{version}},enable=yes'),
    expected:
      'Input "tags": got "type=semver,pattern={{version}},enable=yes"; expected enable=true or enable=false (or an expression giving one)',
  },
  {
    name: 'bad priority',
    context: ctx,
    inputs: tagLine('type=sha,priority=high'),
    expected: 'Input "tags": got "type=sha,priority=high"; expected priority=<number>, e.g. priority=1000',
  },
  {
    name: 'empty priority',
    context: ctx,
    inputs: tagLine('type=sha,priority='),
    expected: 'Input "tags": got "type=sha,priority="; expected priority=<number>, e.g. priority=1000',
  },
  {
    name: 'misspelt attribute of the type: did you mean',
    context: ctx,
    inputs: tagLine('type=semver,patern={{version}}'),
    expected:
      'Input "tags": got "type=semver,patern={{version}}"; expected type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,... (unknown attribute "patern"; did you mean "pattern"?)',
  },
  {
    name: 'misspelt enable would publish the tag: an error, not a warning',
    context: ctx,
    inputs: tagLine('type=raw,value=latest,enabled=false'),
    expected:
      'Input "tags": got "type=raw,value=latest,enabled=false"; expected type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,... (unknown attribute "enabled"; did you mean "enable"?)',
  },
  {
    name: 'misspelt branch of an edge rule',
    context: events.pushBranch('main'),
    inputs: tagLine('type=edge,brnach=main'),
    expected:
      'Input "tags": got "type=edge,brnach=main"; expected type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,... (unknown attribute "brnach"; did you mean "branch"?)',
  },
  {
    name: 'swapped letters in format',
    context: ctx,
    inputs: tagLine('type=sha,fromat=long'),
    expected:
      'Input "tags": got "type=sha,fromat=long"; expected type=<schedule|semver|pep440|match|edge|ref|raw|sha>,<attribute>=<value>,... (unknown attribute "fromat"; did you mean "format"?)',
  },
  {
    name: 'bad tz attribute',
    context: ctx,
    inputs: tagLine('type=raw,value=x,tz=Mars/Base'),
    expected: 'Input "tags": got "type=raw,value=x,tz=Mars/Base"; expected tz=<IANA time zone>, e.g. tz=Asia/Tokyo',
  },
  {
    name: 'unknown expression in a value',
    context: ctx,
    inputs: tagLine('type=raw,value={{brnch}}'),
    expected:
      'Input "tags": got "type=raw,value={{brnch}}"; expected a valid template: unknown expression "{{brnch}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'unknown expression in a semver pattern',
    context: ctx,
    inputs: tagLine('type=semver,pattern={{branch}}'),
    expected:
      'Input "tags": got "type=semver,pattern={{branch}}"; expected a valid semver pattern: unknown expression "{{branch}}" (known: {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}, {{prerelease}}, {{build}})',
  },
  {
    name: 'unknown expression in a pep440 pattern',
    context: ctx,
    inputs: tagLine('type=pep440,pattern={{prerelease}}'),
    expected:
      'Input "tags": got "type=pep440,pattern={{prerelease}}"; expected a valid pep440 pattern: unknown expression "{{prerelease}}" (known: {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}})',
  },
  {
    name: 'unknown time zone in {{date}}',
    context: ctx,
    inputs: tagLine("type=raw,value={{date 'YYYY' tz='Nowhere/City'}}"),
    expected:
      "Input \"tags\": got \"type=raw,value={{date 'YYYY' tz='Nowhere/City'}}\"; expected a valid template: \"{{date 'YYYY' tz='Nowhere/City'}}\": unknown time zone \"Nowhere/City\" (an IANA name such as 'Asia/Tokyo')",
  },
  {
    name: 'unknown {{date}} attribute',
    context: ctx,
    inputs: tagLine("type=raw,value={{date 'YYYY' zone='UTC'}}"),
    expected:
      "Input \"tags\": got \"type=raw,value={{date 'YYYY' zone='UTC'}}\"; expected a valid template: \"{{date 'YYYY' zone='UTC'}}\": unknown attribute \"zone\" (only tz='Area/City')",
  },
  {
    name: 'unquoted tz',
    context: ctx,
    inputs: tagLine("type=raw,value={{date 'YYYY' tz=UTC}}"),
    expected:
      'Input "tags": got "type=raw,value={{date \'YYYY\' tz=UTC}}"; expected a valid template: "{{date \'YYYY\' tz=UTC}}": tz must be a quoted IANA time zone, e.g. tz=\'Asia/Tokyo\'',
  },
  {
    name: 'two date formats',
    context: ctx,
    inputs: tagLine("type=raw,value={{date 'YYYY' 'MM'}}"),
    expected:
      "Input \"tags\": got \"type=raw,value={{date 'YYYY' 'MM'}}\"; expected a valid template: \"{{date 'YYYY' 'MM'}}\" takes one format, e.g. {{date 'YYYYMMDD' tz='UTC'}}",
  },
  {
    name: 'a number as date format',
    context: ctx,
    inputs: tagLine('type=raw,value={{date 2020}}'),
    expected:
      'Input "tags": got "type=raw,value={{date 2020}}"; expected a valid template: "{{date 2020}}": the format must be a quoted string, e.g. {{date \'YYYYMMDD\' tz=\'UTC\'}}',
  },
  {
    name: 'an expression name as date format',
    context: ctx,
    inputs: tagLine('type=raw,value={{date sha}}'),
    expected:
      'Input "tags": got "type=raw,value={{date sha}}"; expected a valid template: "{{date sha}}": the format must be a quoted string, e.g. {{date \'YYYYMMDD\' tz=\'UTC\'}}',
  },
  {
    name: 'arguments to a value',
    context: ctx,
    inputs: tagLine("type=raw,value={{branch 'x'}}"),
    expected:
      'Input "tags": got "type=raw,value={{branch \'x\'}}"; expected a valid template: "{{branch}}" takes no arguments, got "{{branch \'x\'}}"',
  },
  {
    name: 'unclosed expression',
    context: ctx,
    inputs: tagLine('type=raw,value={{branch'),
    expected:
      'Input "tags": got "type=raw,value={{branch"; expected a valid template: unclosed expression at "{{branch"',
  },
  {
    name: 'block helper',
    context: ctx,
    inputs: tagLine('type=raw,value={{#if tag}}x{{/if}}'),
    expected:
      'Input "tags": got "type=raw,value={{#if tag}}x{{/if}}"; expected a valid template: block and partial expressions are not supported: "{{#if tag}}"',
  },
  {
    name: 'unknown expression in a rule prefix',
    context: ctx,
    inputs: tagLine('type=sha,prefix={{branhc}}-'),
    expected:
      'Input "tags": got "type=sha,prefix={{branhc}}-"; expected a valid template: unknown expression "{{branhc}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'flavor latest=sometimes',
    context: ctx,
    inputs: metaInputs({ flavor: ['latest=sometimes'] }),
    expected: 'Input "flavor": got "latest=sometimes"; expected latest=auto, latest=true or latest=false',
  },
  {
    name: 'flavor unknown key',
    context: ctx,
    inputs: metaInputs({ flavor: ['lastest=true'] }),
    expected:
      'Input "flavor": got "lastest=true"; expected latest=<auto|true|false>, prefix=<string>[,onlatest=<true|false>] or suffix=<string>[,onlatest=<true|false>]',
  },
  {
    name: 'flavor entry without =',
    context: ctx,
    inputs: metaInputs({ flavor: ['latest'] }),
    expected:
      'Input "flavor": got "latest"; expected latest=<auto|true|false>, prefix=<string>[,onlatest=<true|false>] or suffix=<string>[,onlatest=<true|false>]',
  },
  {
    name: 'flavor onlatest not a boolean',
    context: ctx,
    inputs: metaInputs({ flavor: ['prefix=a-,onlatest=yes'] }),
    expected: 'Input "flavor": got "prefix=a-,onlatest=yes"; expected onlatest=true or onlatest=false',
  },
  {
    name: 'flavor unknown expression in prefix',
    context: ctx,
    inputs: metaInputs({ tags: ['type=ref,event=tag'], flavor: ['prefix={{nope}}-'] }),
    expected:
      'Input "flavor": got "prefix={{nope}}-"; expected a valid template: unknown expression "{{nope}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'label with an empty key',
    context: ctx,
    inputs: metaInputs({ labels: ['=value'] }),
    expected:
      'Input "labels": got "=value"; expected key=value with a key, e.g. org.opencontainers.image.vendor=Example',
  },
  {
    name: 'label with an unknown expression',
    context: ctx,
    inputs: metaInputs({ labels: ['a={{nope}}'] }),
    expected:
      'Input "labels": got "a={{nope}}"; expected a valid template: unknown expression "{{nope}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{version}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'annotation with an unknown time zone',
    context: ctx,
    inputs: metaInputs({ annotations: ["x.built={{date 'YYYY' tz='Mars/Olympus'}}"] }),
    expected:
      "Input \"annotations\": got \"x.built={{date 'YYYY' tz='Mars/Olympus'}}\"; expected a valid template: \"{{date 'YYYY' tz='Mars/Olympus'}}\": unknown time zone \"Mars/Olympus\" (an IANA name such as 'Asia/Tokyo')",
  },
  {
    name: 'image with a space',
    context: ctx,
    inputs: metaInputs({ images: ['user/my app'] }),
    expected: 'Input "images": got "user/my app"; expected a registry/repository name such as ghcr.io/owner/name',
  },
  {
    name: 'image with a tag',
    context: ctx,
    inputs: metaInputs({ images: ['user/app:1.0'] }),
    expected: 'Input "images": got "user/app:1.0"; expected a registry/repository name such as ghcr.io/owner/name',
  },
  {
    name: 'image enable=maybe',
    context: ctx,
    inputs: metaInputs({ images: ['name=user/app,enable=maybe'] }),
    expected: 'Input "images": got "name=user/app,enable=maybe"; expected enable=true or enable=false',
  },
  {
    name: 'image unknown attribute',
    context: ctx,
    inputs: metaInputs({ images: ['name=user/app,tag=1'] }),
    expected:
      'Input "images": got "name=user/app,tag=1"; expected an image name, or name=<image>,enable=<true|false> (unknown attribute "tag")',
  },
  {
    name: 'image with an empty name',
    context: ctx,
    inputs: metaInputs({ images: ['name=,enable=true'] }),
    expected: 'Input "images": got "name=,enable=true"; expected a registry/repository name such as ghcr.io/owner/name',
  },
  {
    name: 'every event: {{versoin}} in a semver pattern on a branch push',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=semver,pattern={{versoin}}'),
    expected:
      'Input "tags": got "type=semver,pattern={{versoin}}"; expected a valid semver pattern: unknown expression "{{versoin}}" (known: {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}, {{prerelease}}, {{build}})',
  },
  {
    name: 'every event: unknown tz= of a schedule rule on a push',
    context: events.pushBranch('dev'),
    inputs: tagLine("type=schedule,pattern={{date 'YYYYMMDD'}},tz=Mars/Olympus"),
    expected:
      'Input "tags": got "type=schedule,pattern={{date \'YYYYMMDD\'}},tz=Mars/Olympus"; expected tz=<IANA time zone>, e.g. tz=Asia/Tokyo',
  },
  {
    name: 'every event: unknown zone in a schedule pattern on a pull request',
    context: events.pullRequest(),
    inputs: tagLine("type=schedule,pattern={{date 'YYYY' tz='Mars/Olympus'}}"),
    expected:
      "Input \"tags\": got \"type=schedule,pattern={{date 'YYYY' tz='Mars/Olympus'}}\"; expected a valid template: \"{{date 'YYYY' tz='Mars/Olympus'}}\": unknown time zone \"Mars/Olympus\" (an IANA name such as 'Asia/Tokyo')",
  },
  {
    name: 'every event: typo in the value of a disabled rule',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=raw,value={{tga}},enable=false'),
    expected:
      'Input "tags": got "type=raw,value={{tga}},enable=false"; expected a valid template: unknown expression "{{tga}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'every event: typo in a semver value on a branch push',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=semver,pattern={{version}},value={{tga}}'),
    expected:
      'Input "tags": got "type=semver,pattern={{version}},value={{tga}}"; expected a valid template: unknown expression "{{tga}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'every event: typo in a match value on a branch push',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=match,pattern=v(.*),group=1,value={{tga}}'),
    expected:
      'Input "tags": got "type=match,pattern=v(.*),group=1,value={{tga}}"; expected a valid template: unknown expression "{{tga}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'every event: typo in an edge prefix off the default branch',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=edge,prefix={{sah}}-'),
    expected:
      'Input "tags": got "type=edge,prefix={{sah}}-"; expected a valid template: unknown expression "{{sah}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'every event: typo in the pr rule suffix on a push',
    context: events.pushBranch('dev'),
    inputs: tagLine('type=ref,event=pr,suffix=-{{base-ref}}'),
    expected:
      'Input "tags": got "type=ref,event=pr,suffix=-{{base-ref}}"; expected a valid template: unknown expression "{{base-ref}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'every event: flavor suffix typo when no rule gives a tag',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=semver,pattern={{version}}'], flavor: ['suffix=-{{brnch}}'] }),
    expected:
      'Input "flavor": got "suffix=-{{brnch}}"; expected a valid template: unknown expression "{{brnch}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}})',
  },
  {
    name: 'every event: label typo checked before any tag rule fails',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ tags: ['type=sha'], labels: ['x={{versoin}}'] }),
    expected:
      'Input "labels": got "x={{versoin}}"; expected a valid template: unknown expression "{{versoin}}" (known: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{version}}, {{date}}, {{commit_date}})',
  },
];

describe('input errors', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    let error: unknown;
    try {
      compute(inputs, context);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(expected);
  });
});
