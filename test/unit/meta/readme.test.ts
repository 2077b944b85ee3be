// One case per feature documented in docker/metadata-action's README (expressions, tag types and their tables,
// attributes, flavor keys, images, labels, annotations, environment settings), run through this engine. The README's
// example outputs use its own clock; here the clock is 2020-01-10T00:30:00Z and the commit date
// 2020-01-08T15:04:05Z (helpers.ts). None of the documented forms may warn.
import { describe, expect, test } from 'vitest';
import { DEFAULT_PRIORITIES } from '../../../src/meta/index.js';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaContext, metaInputs, SHA } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  /** tag names (cases use no image unless they test images), and whatever else the case is about */
  expected: { tags?: string[]; latest?: boolean; labels?: string[]; annotations?: string[] };
}

/** tag names only: no image */
const tags = (...lines: string[]) => metaInputs({ images: [], tags: lines });
/** the rendered text of a template, unsanitised: a custom label `x=<template>` */
const label = (template: string) => metaInputs({ images: [], tags: ['type=raw,value=t'], labels: [`x=${template}`] });
const prEvent = (n: number) =>
  events.pullRequest({ ref: `refs/pull/${n}/merge`, payload: { number: n, pull_request: { number: n } } });

const cases: Case[] = [
  // ---- Global expressions
  {
    name: '{{branch}}: pull_request gives nothing',
    context: prEvent(2),
    inputs: tags('x{{branch}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{branch}}: push master',
    context: events.pushBranch('master'),
    inputs: tags('{{branch}}'),
    expected: { tags: ['master'] },
  },
  {
    name: '{{branch}}: push my/branch (sanitised in a tag)',
    context: events.pushBranch('my/branch'),
    inputs: tags('{{branch}}'),
    expected: { tags: ['my-branch'] },
  },
  {
    name: '{{branch}}: push tag gives nothing',
    context: events.pushTag('v1.2.3'),
    inputs: tags('x{{branch}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{tag}}: pull_request gives nothing',
    context: prEvent(2),
    inputs: tags('x{{tag}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{tag}}: push master gives nothing',
    context: events.pushBranch('master'),
    inputs: tags('x{{tag}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{tag}}: push my/branch gives nothing',
    context: events.pushBranch('my/branch'),
    inputs: tags('x{{tag}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{tag}}: push tag',
    context: events.pushTag('v1.2.3'),
    inputs: tags('{{tag}}'),
    expected: { tags: ['v1.2.3'] },
  },
  {
    name: '{{sha}}: the short commit',
    context: events.pushBranch('dev'),
    inputs: tags('{{sha}}'),
    expected: { tags: ['860c190'] },
  },
  {
    name: '{{base_ref}}: pull_request',
    context: events.pullRequest(),
    inputs: tags('{{base_ref}}'),
    expected: { tags: ['master'] },
  },
  {
    name: '{{base_ref}}: push master gives nothing',
    context: events.pushBranch('master'),
    inputs: tags('x{{base_ref}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{base_ref}}: push my/branch gives nothing',
    context: events.pushBranch('my/branch'),
    inputs: tags('x{{base_ref}}'),
    expected: { tags: ['x'] },
  },
  {
    name: '{{base_ref}}: push tag (base_ref of the push payload)',
    context: events.pushTag('v1.2.3', { payload: { base_ref: 'refs/heads/master' } }),
    inputs: tags('{{base_ref}}'),
    expected: { tags: ['master'] },
  },
  {
    name: '{{is_default_branch}}: the default branch',
    context: events.pushDefault(),
    inputs: tags('{{is_default_branch}}'),
    expected: { tags: ['true'] },
  },
  {
    name: '{{is_default_branch}}: another branch',
    context: events.pushBranch('dev'),
    inputs: tags('{{is_default_branch}}'),
    expected: { tags: ['false'] },
  },
  {
    name: '{{is_not_default_branch}}: the default branch',
    context: events.pushDefault(),
    inputs: tags('{{is_not_default_branch}}'),
    expected: { tags: ['false'] },
  },
  {
    name: '{{is_not_default_branch}}: another branch',
    context: events.pushBranch('dev'),
    inputs: tags('{{is_not_default_branch}}'),
    expected: { tags: ['true'] },
  },
  {
    name: "{{date 'YYYYMMDD'}}",
    context: events.pushBranch('dev'),
    inputs: label("{{date 'YYYYMMDD'}}"),
    expected: { labels: ['x=20200110'] },
  },
  {
    name: "{{date 'dddd, MMMM Do YYYY, h:mm:ss a'}}",
    context: events.pushBranch('dev'),
    inputs: label("{{date 'dddd, MMMM Do YYYY, h:mm:ss a'}}"),
    expected: { labels: ['x=Friday, January 10th 2020, 12:30:00 am'] },
  },
  {
    name: "{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
    context: events.pushBranch('dev'),
    inputs: label("{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"),
    expected: { labels: ['x=20200110-093000'] },
  },
  {
    name: "{{commit_date 'YYYYMMDD'}}",
    context: events.pushBranch('dev'),
    inputs: label("{{commit_date 'YYYYMMDD'}}"),
    expected: { labels: ['x=20200108'] },
  },
  {
    name: "{{commit_date 'dddd, MMMM Do YYYY, h:mm:ss a'}}",
    context: events.pushBranch('dev'),
    inputs: label("{{commit_date 'dddd, MMMM Do YYYY, h:mm:ss a'}}"),
    expected: { labels: ['x=Wednesday, January 8th 2020, 3:04:05 pm'] },
  },
  {
    name: "{{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
    context: events.pushBranch('dev'),
    inputs: label("{{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"),
    expected: { labels: ['x=20200109-000405'] },
  },
  {
    name: 'global expressions example: type=sha,prefix={{branch}}-',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,prefix={{branch}}-'),
    expected: { tags: ['dev-860c190'] },
  },
  {
    name: 'global expressions example: type=raw,value=mytag-{{branch}}-{{sha}}',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=mytag-{{branch}}-{{sha}}'),
    expected: { tags: ['mytag-dev-860c190'] },
  },
  {
    name: "labels example: created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}",
    context: events.pushBranch('dev'),
    inputs: metaInputs({
      images: [],
      labels: ["org.opencontainers.image.created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}"],
    }),
    expected: {
      labels: [
        'org.opencontainers.image.created=2020-01-08T15:04:05.000Z',
        'org.opencontainers.image.description=This your first repo!',
        'org.opencontainers.image.licenses=MIT',
        `org.opencontainers.image.revision=${SHA}`,
        'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.title=Hello-World',
        'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.version=dev',
      ],
    },
  },

  // ---- tags input: default entries and global attributes
  {
    name: 'default entries when tags is empty (a tag push)',
    context: events.pushTag('v1.2.3'),
    inputs: tags(),
    expected: { tags: ['v1.2.3', 'latest'] },
  },
  {
    name: 'enable=false',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=a,enable=false', 'type=raw,value=b'),
    expected: { tags: ['b'] },
  },
  {
    name: 'priority=<number>',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=a', 'type=raw,value=b,priority=201'),
    expected: { tags: ['b', 'a'] },
  },
  {
    name: 'prefix=<string>',
    context: events.pushBranch('dev'),
    inputs: tags('type=ref,event=branch,prefix=br-'),
    expected: { tags: ['br-dev'] },
  },
  {
    name: 'suffix=<string>',
    context: events.pushBranch('dev'),
    inputs: tags('type=ref,event=branch,suffix=-slim'),
    expected: { tags: ['dev-slim'] },
  },

  // ---- type=schedule
  {
    name: 'schedule: minimal',
    context: events.schedule(),
    inputs: tags('type=schedule'),
    expected: { tags: ['nightly'] },
  },
  {
    name: 'schedule: default pattern=nightly',
    context: events.schedule(),
    inputs: tags('type=schedule,pattern=nightly'),
    expected: { tags: ['nightly'] },
  },
  {
    name: 'schedule: handlebars',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'YYYYMMDD'}}"),
    expected: { tags: ['20200110'] },
  },
  {
    name: 'schedule: handlebars with timezone',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"),
    expected: { tags: ['20200110-093000'] },
  },
  {
    name: 'schedule: extended attributes and default values',
    context: events.schedule(),
    inputs: tags('type=schedule,enable=true,priority=1000,prefix=,suffix=,pattern=nightly'),
    expected: { tags: ['nightly'] },
  },
  {
    name: 'schedule: only on schedule events',
    context: events.pushBranch('master'),
    inputs: tags('type=schedule'),
    expected: { tags: [] },
  },

  // ---- type=semver (the README's table, then its examples)
  ...[
    { tag: 'v1.2.3', pattern: '{{raw}}', match: '', output: 'v1.2.3' },
    { tag: 'v1.2.3', pattern: '{{version}}', match: '', output: '1.2.3' },
    { tag: 'v1.2.3', pattern: '{{major}}.{{minor}}', match: '', output: '1.2' },
    { tag: 'v1.2.3', pattern: 'v{{major}}', match: '', output: 'v1' },
    { tag: 'v1.2.3', pattern: '{{minor}}', match: '', output: '2' },
    { tag: 'v1.2.3', pattern: '{{patch}}', match: '', output: '3' },
    { tag: 'p1/v1.2.3', pattern: '{{version}}', match: 'v(\\d.\\d.\\d)$', output: '1.2.3' },
    { tag: 'v2.0.8-beta.67', pattern: '{{raw}}', match: '', output: 'v2.0.8-beta.67' },
    { tag: 'v2.0.8-beta.67', pattern: '{{version}}', match: '', output: '2.0.8-beta.67' },
    { tag: 'v2.0.8-beta.67', pattern: '{{major}}', match: '', output: '2.0.8-beta.67' },
    { tag: 'v2.0.8-beta.67', pattern: '{{major}}.{{minor}}', match: '', output: '2.0.8-beta.67' },
  ].map(({ tag, pattern, match, output }) => ({
    name: `semver table: ${tag} ${pattern}${match ? ` match=${match}` : ''} → ${output}`,
    context: events.pushTag(tag),
    inputs: tags(`type=semver,pattern=${pattern}${match ? `,match=${match}` : ''}`),
    // a pre-release never adds latest
    expected: { tags: tag.includes('-') ? [output] : [output, 'latest'] },
  })),
  {
    name: 'semver: custom value instead of the Git tag',
    context: events.pushBranch('dev'),
    inputs: tags('type=semver,pattern={{version}},value=v1.0.0'),
    expected: { tags: ['1.0.0', 'latest'] },
  },
  {
    name: 'semver: custom value and match part of it',
    context: events.pushBranch('dev'),
    inputs: tags('type=semver,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$'),
    expected: { tags: ['1.0.0', 'latest'] },
  },
  {
    name: 'semver: extended attributes and default values (an empty pattern gives no tag)',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,enable=true,priority=900,prefix=,suffix=,pattern=,value=,match='),
    expected: { tags: [] },
  },

  // ---- type=pep440
  ...[
    { tag: '1.2.3', pattern: '{{raw}}', match: '', output: '1.2.3' },
    { tag: '1.2.3', pattern: '{{version}}', match: '', output: '1.2.3' },
    { tag: 'v1.2.3', pattern: '{{version}}', match: '', output: '1.2.3' },
    { tag: '1.2.3', pattern: '{{major}}.{{minor}}', match: '', output: '1.2' },
    { tag: '1.2.3', pattern: 'v{{major}}', match: '', output: 'v1' },
    { tag: 'v1.2.3rc2', pattern: '{{raw}}', match: '', output: 'v1.2.3rc2' },
    { tag: '1.2.3rc2', pattern: '{{version}}', match: '', output: '1.2.3rc2' },
    { tag: 'p1/v1.2.3', pattern: '{{version}}', match: 'v(\\d.\\d.\\d)$', output: '1.2.3' },
    { tag: '1.2.3rc2', pattern: '{{major}}.{{minor}}', match: '', output: '1.2.3rc2' },
    { tag: '1.2.3post1', pattern: '{{major}}.{{minor}}', match: '', output: '1.2.3.post1' },
    { tag: '1.2.3beta2', pattern: '{{major}}.{{minor}}', match: '', output: '1.2.3b2' },
    { tag: '1.0dev4', pattern: '{{major}}.{{minor}}', match: '', output: '1.0.dev4' },
  ].map(({ tag, pattern, match, output }) => ({
    name: `pep440 table: ${tag} ${pattern}${match ? ` match=${match}` : ''} → ${output}`,
    context: events.pushTag(tag),
    inputs: tags(`type=pep440,pattern=${pattern}${match ? `,match=${match}` : ''}`),
    // dev, pre and post releases never add latest
    expected: { tags: /rc|beta|post|dev/.test(tag) ? [output] : [output, 'latest'] },
  })),
  {
    name: 'pep440: custom value instead of the Git tag',
    context: events.pushBranch('dev'),
    inputs: tags('type=pep440,pattern={{version}},value=1.0.0'),
    expected: { tags: ['1.0.0', 'latest'] },
  },
  {
    name: 'pep440: custom value and match part of it',
    context: events.pushBranch('dev'),
    inputs: tags('type=pep440,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$'),
    expected: { tags: ['1.0.0', 'latest'] },
  },
  {
    name: 'pep440: extended attributes and default values (an empty pattern gives no tag)',
    context: events.pushTag('1.2.3'),
    inputs: tags('type=pep440,enable=true,priority=900,prefix=,suffix=,pattern=,value='),
    expected: { tags: [] },
  },

  // ---- type=match
  ...[
    { tag: 'v1.2.3', pattern: '\\d.\\d.\\d', group: '0', output: '1.2.3' },
    { tag: 'v2.0.8-beta.67', pattern: 'v(.*)', group: '1', output: '2.0.8-beta.67' },
    { tag: 'v2.0.8-beta.67', pattern: 'v(\\d.\\d)', group: '1', output: '2.0' },
    { tag: '20200110-RC2', pattern: '\\d+', group: '0', output: '20200110' },
    { tag: 'p1/v1.2.3', pattern: 'p1/v(\\d.\\d.\\d)', group: '1', output: '1.2.3' },
  ].map(({ tag, pattern, group, output }) => ({
    name: `match table: ${tag} ${pattern} group ${group} → ${output}`,
    context: events.pushTag(tag),
    inputs: tags(`type=match,pattern=${pattern},group=${group}`),
    expected: { tags: [output, 'latest'] },
  })),
  {
    name: 'match: minimal',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=match,pattern=\\d.\\d.\\d'),
    expected: { tags: ['1.2.3', 'latest'] },
  },
  {
    name: 'match: custom value instead of the Git tag',
    context: events.pushBranch('dev'),
    inputs: tags('type=match,pattern=v(.*),group=1,value=v1.0.0'),
    expected: { tags: ['1.0.0', 'latest'] },
  },
  {
    name: 'match: extended attributes and default values (an empty pattern matches the empty start)',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=match,enable=true,priority=800,prefix=,suffix=,pattern=,group=0,value='),
    expected: { tags: [] },
  },

  // ---- type=edge
  {
    name: 'edge: minimal, on the default branch',
    context: events.pushBranch('master'),
    inputs: tags('type=edge'),
    expected: { tags: ['edge'] },
  },
  {
    name: 'edge: branch=main',
    context: events.pushBranch('main'),
    inputs: tags('type=edge,branch=main'),
    expected: { tags: ['edge'] },
  },
  {
    name: 'edge: extended attributes (branch=$repo.default_branch is a placeholder, read literally)',
    context: events.pushBranch('master'),
    inputs: tags('type=edge,enable=true,priority=700,prefix=,suffix=,branch=$repo.default_branch'),
    expected: { tags: [] },
  },

  // ---- type=ref (the README's table)
  {
    name: 'ref table: pull_request refs/pull/2/merge → pr-2',
    context: prEvent(2),
    inputs: tags('type=ref,event=pr'),
    expected: { tags: ['pr-2'] },
  },
  {
    name: 'ref table: push refs/heads/master → master',
    context: events.pushBranch('master'),
    inputs: tags('type=ref,event=branch'),
    expected: { tags: ['master'] },
  },
  {
    name: 'ref table: push refs/heads/my/branch → my-branch',
    context: events.pushBranch('my/branch'),
    inputs: tags('type=ref,event=branch'),
    expected: { tags: ['my-branch'] },
  },
  {
    name: 'ref table: push tag refs/tags/v1.2.3 → v1.2.3',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=ref,event=tag'),
    expected: { tags: ['v1.2.3', 'latest'] },
  },
  {
    name: 'ref table: push tag refs/tags/v2.0.8-beta.67 → v2.0.8-beta.67',
    context: events.pushTag('v2.0.8-beta.67'),
    inputs: tags('type=ref,event=tag'),
    expected: { tags: ['v2.0.8-beta.67', 'latest'] },
  },
  {
    name: 'ref table: workflow_dispatch refs/heads/master → master',
    context: events.workflowDispatch('master'),
    inputs: tags('type=ref,event=branch'),
    expected: { tags: ['master'] },
  },
  {
    name: 'ref: extended attributes and default values',
    context: prEvent(2),
    inputs: tags(
      'type=ref,enable=true,priority=600,prefix=,suffix=,event=branch',
      'type=ref,enable=true,priority=600,prefix=,suffix=,event=tag',
      'type=ref,enable=true,priority=600,prefix=pr-,suffix=,event=pr',
    ),
    expected: { tags: ['pr-2'] },
  },

  // ---- type=raw
  {
    name: 'raw: value=',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=foo', 'type=raw,value=bar'),
    expected: { tags: ['foo', 'bar'] },
  },
  {
    name: 'raw: type=raw,<value>',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,foo', 'type=raw,bar'),
    expected: { tags: ['foo', 'bar'] },
  },
  {
    name: 'raw: the value alone',
    context: events.pushBranch('dev'),
    inputs: tags('foo', 'bar'),
    expected: { tags: ['foo', 'bar'] },
  },
  {
    name: 'raw: extended attributes and default values (an empty value gives no tag)',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,enable=true,priority=200,prefix=,suffix=,value='),
    expected: { tags: [] },
  },

  // ---- type=sha
  {
    name: 'sha: minimal (short sha)',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha'),
    expected: { tags: ['sha-860c190'] },
  },
  {
    name: 'sha: format=long',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,format=long'),
    expected: { tags: [`sha-${SHA}`] },
  },
  {
    name: 'sha: DOCKER_METADATA_SHORT_SHA_LENGTH=12',
    context: events.pushBranch('dev', { settings: { shortShaLength: 12 } }),
    inputs: tags('type=sha'),
    expected: { tags: ['sha-860c1904a1ce'] },
  },
  {
    name: 'sha: extended attributes and default values',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,enable=true,priority=100,prefix=sha-,suffix=,format=short'),
    expected: { tags: ['sha-860c190'] },
  },

  // ---- Latest tag
  {
    name: 'latest: auto for type=ref,event=tag',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=ref,event=tag'),
    expected: { tags: ['v1.0.0', 'latest'], latest: true },
  },
  {
    name: 'latest: auto for type=semver',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { tags: ['1.0.0', 'latest'], latest: true },
  },
  {
    name: 'latest: auto for type=pep440',
    context: events.pushTag('1.0.0'),
    inputs: tags('type=pep440,pattern={{version}}'),
    expected: { tags: ['1.0.0', 'latest'], latest: true },
  },
  {
    name: 'latest: auto for type=match',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=match,pattern=\\d.\\d.\\d'),
    expected: { tags: ['1.0.0', 'latest'], latest: true },
  },
  {
    name: 'latest: not for type=ref,event=branch',
    context: events.pushBranch('master'),
    inputs: tags('type=ref,event=branch'),
    expected: { tags: ['master'], latest: false },
  },
  {
    name: "latest: for master with enable=${{ github.ref == ... }} (GitHub renders it to 'true')",
    context: events.pushBranch('master'),
    inputs: tags('type=raw,value=latest,enable=true'),
    expected: { tags: ['latest'] },
  },
  {
    name: 'latest: for the default branch with enable={{is_default_branch}}',
    context: events.pushDefault(),
    inputs: tags('type=raw,value=latest,enable={{is_default_branch}}'),
    expected: { tags: ['latest'] },
  },
  {
    name: 'latest: not for another branch with enable={{is_default_branch}}',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=latest,enable={{is_default_branch}}'),
    expected: { tags: [] },
  },

  // ---- priority: the first tag is the version
  {
    name: 'priority: the default order whatever the input order',
    context: metaContext({ eventName: 'schedule', ref: 'refs/tags/v1.2.3' }),
    inputs: tags(
      'type=sha',
      'type=raw,value=r',
      'type=ref,event=tag',
      'type=edge,branch=x',
      'type=match,pattern=\\d.\\d.\\d',
      'type=semver,pattern=s{{version}}',
      'type=schedule',
    ),
    expected: { tags: ['nightly', 's1.2.3', '1.2.3', 'v1.2.3', 'r', 'sha-860c190'] },
  },

  // ---- Major version zero
  {
    name: 'major version zero: {{major}} disabled by enable=${{ !startsWith(github.ref, ...) }} (rendered false)',
    context: events.pushTag('v0.1.2'),
    inputs: tags(
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}},enable=false',
    ),
    expected: { tags: ['0.1.2', '0.1', 'latest'] },
  },

  // ---- flavor input
  {
    name: 'flavor: latest=auto',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['latest=auto'] },
    expected: { tags: ['v1.0.0', 'latest'] },
  },
  {
    name: 'flavor: latest=true',
    context: events.pushBranch('dev'),
    inputs: { ...tags('type=ref,event=branch'), flavor: ['latest=true'] },
    expected: { tags: ['dev', 'latest'] },
  },
  {
    name: 'flavor: latest=false',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['latest=false'] },
    expected: { tags: ['v1.0.0'] },
  },
  {
    name: 'flavor: prefix= and suffix= (defaults, empty)',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['latest=auto', 'prefix=', 'suffix='] },
    expected: { tags: ['v1.0.0', 'latest'] },
  },
  {
    name: 'flavor: prefix=<string>',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['prefix=app-'] },
    expected: { tags: ['app-v1.0.0', 'latest'] },
  },
  {
    name: 'flavor: prefix=<string>,onlatest=true',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['prefix=app-,onlatest=true'] },
    expected: { tags: ['app-v1.0.0', 'app-latest'] },
  },
  {
    name: 'flavor: suffix=<string>',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['suffix=-slim'] },
    expected: { tags: ['v1.0.0-slim', 'latest'] },
  },
  {
    name: 'flavor: suffix=<string>,onlatest=true',
    context: events.pushTag('v1.0.0'),
    inputs: { ...tags('type=ref,event=tag'), flavor: ['suffix=-slim,onlatest=true'] },
    expected: { tags: ['v1.0.0-slim', 'latest-slim'] },
  },

  // ---- images input
  {
    name: 'images: one name a line',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: ['name/foo', 'ghcr.io/name/bar'] }),
    expected: { tags: ['name/foo:dev', 'ghcr.io/name/bar:dev'] },
  },
  {
    name: 'images: name= form',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: ['name=name/foo', 'name=ghcr.io/name/bar'] }),
    expected: { tags: ['name/foo:dev', 'ghcr.io/name/bar:dev'] },
  },
  {
    name: 'images: enable=false',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: ['name=name/foo,enable=false', 'name=ghcr.io/name/bar,enable=true'] }),
    expected: { tags: ['ghcr.io/name/bar:dev'] },
  },
  {
    name: 'images: empty gives tags without a base name',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: [] }),
    expected: { tags: ['dev'] },
  },

  // ---- sanitization
  {
    name: 'sanitization: the image name is lower-cased',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: ['ghcr.io/UserName/Foo'] }),
    expected: { tags: ['ghcr.io/username/foo:dev'] },
  },
  {
    name: 'sanitization: invalid character runs in a tag become -',
    context: events.pushBranch('my/feature#1245'),
    inputs: tags('type=ref,event=branch'),
    expected: { tags: ['my-feature-1245'] },
  },

  // ---- Overwrite labels and annotations
  {
    name: 'labels: overwrite and add',
    context: events.pushBranch('dev'),
    inputs: metaInputs({
      images: [],
      labels: [
        'maintainer=CrazyMax',
        'org.opencontainers.image.title=MyCustomTitle',
        'org.opencontainers.image.description=Another description',
        'org.opencontainers.image.vendor=MyCompany',
      ],
    }),
    expected: {
      labels: [
        'maintainer=CrazyMax',
        'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
        'org.opencontainers.image.description=Another description',
        'org.opencontainers.image.licenses=MIT',
        `org.opencontainers.image.revision=${SHA}`,
        'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.title=MyCustomTitle',
        'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.vendor=MyCompany',
        'org.opencontainers.image.version=dev',
      ],
    },
  },

  // ---- Annotations with DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest,index
  {
    name: 'annotations: levels manifest,index',
    context: events.pushBranch('dev', { settings: { annotationLevels: ['manifest', 'index'] } }),
    inputs: metaInputs({ images: [], annotations: ['org.opencontainers.image.vendor=MyCompany'] }),
    expected: {
      annotations: ['manifest', 'index'].flatMap((level) =>
        [
          'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
          'org.opencontainers.image.description=This your first repo!',
          'org.opencontainers.image.licenses=MIT',
          `org.opencontainers.image.revision=${SHA}`,
          'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
          'org.opencontainers.image.title=Hello-World',
          'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
          'org.opencontainers.image.vendor=MyCompany',
          'org.opencontainers.image.version=dev',
        ].map((a) => `${level}:${a}`),
      ),
    },
  },

  // ---- environment variables
  {
    name: 'DOCKER_METADATA_PR_HEAD_SHA=true: the head commit of the pull request',
    context: events.pullRequest({ settings: { prHeadSha: true } }),
    inputs: tags('type=sha'),
    expected: { tags: ['sha-a9c8c58'] },
  },
];

describe("metadata-action's README, feature by feature", () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    if (expected.tags) expect(result.tags).toEqual(expected.tags);
    if (expected.latest !== undefined) expect(result.version.latest).toBe(expected.latest);
    if (expected.labels) {
      const custom = inputs.labels.length > 0 && inputs.labels[0].startsWith('x=');
      expect(custom ? result.labels.filter((l) => l.startsWith('x=')) : result.labels).toEqual(expected.labels);
    }
    if (expected.annotations) expect(result.annotations).toEqual(expected.annotations);
    expect(result.warnings).toEqual([]);
  });

  test('the default priorities are the README table', () => {
    expect(DEFAULT_PRIORITIES).toEqual({
      schedule: 1000,
      semver: 900,
      pep440: 900,
      match: 800,
      edge: 700,
      ref: 600,
      raw: 200,
      sha: 100,
    });
  });
});
