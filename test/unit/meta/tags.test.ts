import { describe, expect, test } from 'vitest';
import type { MetaContext, MetaInputs } from '../../../src/meta/types.js';
import { compute, events, metaInputs } from './helpers.js';

interface Case {
  name: string;
  context: MetaContext;
  inputs: MetaInputs;
  expected: { main: string | undefined; tags: string[]; latest?: boolean; warnings?: number };
}

const tags = (...lines: string[]) => metaInputs({ tags: lines });

const cases: Case[] = [
  // ---- defaults when `tags` is empty
  {
    name: 'defaults: push to a branch gives the branch',
    context: events.pushBranch('dev'),
    inputs: metaInputs(),
    expected: { main: 'dev', tags: ['user/app:dev'], latest: false },
  },
  {
    name: 'defaults: branch with a slash',
    context: events.pushBranch('releases/v1'),
    inputs: metaInputs(),
    expected: { main: 'releases-v1', tags: ['user/app:releases-v1'] },
  },
  {
    name: 'defaults: semver tag push gives the tag and latest',
    context: events.pushTag('v1.2.3'),
    inputs: metaInputs(),
    expected: { main: 'v1.2.3', tags: ['user/app:v1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'defaults: pre-release tag push still gives latest (ref,event=tag)',
    context: events.pushTag('v2.0.8-beta.67'),
    inputs: metaInputs(),
    expected: { main: 'v2.0.8-beta.67', tags: ['user/app:v2.0.8-beta.67', 'user/app:latest'] },
  },
  {
    name: 'defaults: pull request gives pr-N',
    context: events.pullRequest(),
    inputs: metaInputs(),
    expected: { main: 'pr-15', tags: ['user/app:pr-15'], latest: false },
  },
  {
    name: 'defaults: pull_request_target uses the PR number, not the base branch',
    context: events.pullRequestTarget(),
    inputs: metaInputs(),
    expected: { main: 'pr-15', tags: ['user/app:pr-15'] },
  },
  {
    name: 'defaults: schedule gives nightly (schedule outranks ref)',
    context: events.schedule(),
    inputs: metaInputs(),
    expected: { main: 'nightly', tags: ['user/app:nightly', 'user/app:master'] },
  },
  {
    name: 'defaults: workflow_dispatch on a branch',
    context: events.workflowDispatch('master'),
    inputs: metaInputs(),
    expected: { main: 'master', tags: ['user/app:master'] },
  },
  {
    name: 'defaults: unknown ref gives no tags',
    context: events.pushBranch('x', { ref: 'refs/other/thing' }),
    inputs: metaInputs(),
    expected: { main: undefined, tags: [], latest: false },
  },
  {
    name: 'defaults: several images',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: ['org/app', 'ghcr.io/user/app'] }),
    expected: { main: 'dev', tags: ['org/app:dev', 'ghcr.io/user/app:dev'] },
  },
  {
    name: 'no images: bare tag names',
    context: events.pushBranch('dev'),
    inputs: metaInputs({ images: [] }),
    expected: { main: 'dev', tags: ['dev'] },
  },

  // ---- schedule
  {
    name: 'schedule: only on schedule events',
    context: events.pushBranch('master'),
    inputs: tags('type=schedule'),
    expected: { main: undefined, tags: [] },
  },
  {
    name: 'schedule: custom pattern',
    context: events.schedule(),
    inputs: tags('type=schedule,pattern=nightly-build'),
    expected: { main: 'nightly-build', tags: ['user/app:nightly-build'] },
  },
  {
    name: 'schedule: {{date}}',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'YYYYMMDD'}}"),
    expected: { main: '20200110', tags: ['user/app:20200110'] },
  },
  {
    name: 'schedule: {{date}} with tz',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"),
    expected: { main: '20200110-093000', tags: ['user/app:20200110-093000'] },
  },
  {
    name: 'schedule: {{date}} 12-hour clock',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'YYYYMMDD-hhmmss' tz='Asia/Tokyo'}}"),
    expected: { main: '20200110-093000', tags: ['user/app:20200110-093000'] },
  },
  {
    name: 'schedule: tz behind UTC changes the day',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'YYYY-MM-DD' tz='America/New_York'}}"),
    expected: { main: '2020-01-09', tags: ['user/app:2020-01-09'] },
  },
  {
    name: 'schedule: comma inside an expression needs no quoting',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'MMM D, YYYY'}}"),
    expected: { main: 'Jan-10-2020', tags: ['user/app:Jan-10-2020'] },
  },
  {
    name: 'schedule: quoted CSV field',
    context: events.schedule(),
    inputs: tags(`type=schedule,"pattern={{date 'YYYY,MM'}}"`),
    expected: { main: '2020-01', tags: ['user/app:2020-01'] },
  },
  {
    name: 'schedule: {{commit_date}}',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{commit_date 'YYYYMMDD-HHmm'}}"),
    expected: { main: '20200108-1504', tags: ['user/app:20200108-1504'] },
  },
  {
    name: 'schedule: rule tz attribute is the default zone',
    context: events.schedule(),
    inputs: tags("type=schedule,pattern={{date 'HH:mm'}},tz=Asia/Tokyo"),
    expected: { main: '09-30', tags: ['user/app:09-30'] },
  },
  {
    name: 'schedule: with prefix and suffix',
    context: events.schedule(),
    inputs: tags('type=schedule,prefix=v-,suffix=-x'),
    expected: { main: 'v-nightly-x', tags: ['user/app:v-nightly-x'] },
  },

  // ---- semver
  {
    name: 'semver: {{version}}',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'semver: version, major.minor, major',
    context: events.pushTag('v1.2.3'),
    inputs: tags(
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}}',
    ),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:1.2', 'user/app:1', 'user/app:latest'] },
  },
  {
    name: 'semver: {{raw}} keeps the v',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{raw}}'),
    expected: { main: 'v1.2.3', tags: ['user/app:v1.2.3', 'user/app:latest'] },
  },
  {
    name: 'semver: v{{major}}',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern=v{{major}}'),
    expected: { main: 'v1', tags: ['user/app:v1', 'user/app:latest'] },
  },
  {
    name: 'semver: {{minor}} and {{patch}}',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{minor}}-{{patch}}'),
    expected: { main: '2-3', tags: ['user/app:2-3', 'user/app:latest'] },
  },
  {
    name: 'semver: pre-release gives only the full version and no latest',
    context: events.pushTag('v2.0.8-beta.67'),
    inputs: tags('type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}'),
    expected: { main: '2.0.8-beta.67', tags: ['user/app:2.0.8-beta.67'], latest: false },
  },
  {
    name: 'semver: pre-release with {{raw}}',
    context: events.pushTag('v2.0.8-beta.67'),
    inputs: tags('type=semver,pattern={{raw}}'),
    expected: { main: 'v2.0.8-beta.67', tags: ['user/app:v2.0.8-beta.67'] },
  },
  {
    name: 'semver: pre-release with build metadata',
    context: events.pushTag('v9.5.7-alpha.2+fork.3.1.8'),
    inputs: tags('type=semver,pattern={{major}}'),
    expected: { main: '9.5.7-alpha.2', tags: ['user/app:9.5.7-alpha.2'] },
  },
  {
    name: 'semver: build metadata in {{raw}} is sanitised',
    context: events.pushTag('v1.2.3+build.7'),
    inputs: tags('type=semver,pattern={{raw}}'),
    expected: { main: 'v1.2.3-build.7', tags: ['user/app:v1.2.3-build.7', 'user/app:latest'] },
  },
  {
    name: 'semver: not semver gives a warning and no tag',
    context: events.pushTag('release1'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { main: undefined, tags: [], warnings: 1 },
  },
  {
    name: 'semver: two-part version is not semver',
    context: events.pushTag('v1.2'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { main: undefined, tags: [], warnings: 1 },
  },
  {
    name: 'semver: ignored on a branch push',
    context: events.pushBranch('master'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { main: undefined, tags: [] },
  },
  {
    name: 'semver: value on a branch push',
    context: events.pushBranch('master'),
    inputs: tags('type=semver,pattern={{version}},value=v3.1.0'),
    expected: { main: '3.1.0', tags: ['user/app:3.1.0', 'user/app:latest'] },
  },
  {
    name: 'semver: value overrides the Git tag',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{version}},value=2.0.0'),
    expected: { main: '2.0.0', tags: ['user/app:2.0.0', 'user/app:latest'] },
  },
  {
    name: 'semver: value from an expression',
    context: events.pushTag('v4.5.6'),
    inputs: tags('type=semver,pattern={{major}},value={{tag}}'),
    expected: { main: '4', tags: ['user/app:4', 'user/app:latest'] },
  },
  {
    name: 'semver: major zero',
    context: events.pushTag('v0.1.2'),
    inputs: tags('type=semver,pattern={{major}}.{{minor}}'),
    expected: { main: '0.1', tags: ['user/app:0.1', 'user/app:latest'] },
  },
  {
    name: 'semver: large numbers',
    context: events.pushTag('v101.12.13'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { main: '101.12.13', tags: ['user/app:101.12.13', 'user/app:latest'] },
  },
  {
    name: 'semver: slash in tag becomes dash before parsing',
    context: events.pushTag('p1/v1.0.0'),
    inputs: tags('type=semver,pattern={{version}}'),
    expected: { main: undefined, tags: [], warnings: 1 },
  },

  // ---- pep440
  {
    name: 'pep440: {{version}}',
    context: events.pushTag('1.2.3'),
    inputs: tags('type=pep440,pattern={{version}}'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:latest'] },
  },
  {
    name: 'pep440: v prefix removed by {{version}}',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=pep440,pattern={{version}}'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:latest'] },
  },
  {
    name: 'pep440: {{major}}.{{minor}}',
    context: events.pushTag('1.2.3'),
    inputs: tags('type=pep440,pattern={{major}}.{{minor}}'),
    expected: { main: '1.2', tags: ['user/app:1.2', 'user/app:latest'] },
  },
  {
    name: 'pep440: v{{major}} and {{raw}}',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=pep440,pattern={{raw}}', 'type=pep440,pattern=v{{major}}'),
    expected: { main: 'v1.2.3', tags: ['user/app:v1.2.3', 'user/app:v1', 'user/app:latest'] },
  },
  {
    name: 'pep440: short version patch is 0',
    context: events.pushTag('1.2'),
    inputs: tags('type=pep440,pattern={{major}}.{{minor}}.{{patch}}'),
    expected: { main: '1.2.0', tags: ['user/app:1.2.0', 'user/app:latest'] },
  },
  {
    name: 'pep440: rc gives only the version',
    context: events.pushTag('1.2.3rc2'),
    inputs: tags('type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}'),
    expected: { main: '1.2.3rc2', tags: ['user/app:1.2.3rc2'], latest: false },
  },
  {
    name: 'pep440: rc with {{raw}}',
    context: events.pushTag('v1.2.3rc2'),
    inputs: tags('type=pep440,pattern={{raw}}'),
    expected: { main: 'v1.2.3rc2', tags: ['user/app:v1.2.3rc2'] },
  },
  {
    name: 'pep440: post release is normalised',
    context: events.pushTag('1.2.3post1'),
    inputs: tags('type=pep440,pattern={{major}}.{{minor}}'),
    expected: { main: '1.2.3.post1', tags: ['user/app:1.2.3.post1'] },
  },
  {
    name: 'pep440: beta is normalised to b',
    context: events.pushTag('1.2.3beta2'),
    inputs: tags('type=pep440,pattern={{major}}.{{minor}}'),
    expected: { main: '1.2.3b2', tags: ['user/app:1.2.3b2'] },
  },
  {
    name: 'pep440: dev release',
    context: events.pushTag('1.0dev4'),
    inputs: tags('type=pep440,pattern={{major}}.{{minor}}'),
    expected: { main: '1.0.dev4', tags: ['user/app:1.0.dev4'] },
  },
  {
    name: 'pep440: invalid version warns',
    context: events.pushTag('sometag'),
    inputs: tags('type=pep440,pattern={{version}}'),
    expected: { main: undefined, tags: [], warnings: 1 },
  },
  {
    name: 'pep440: value on a branch',
    context: events.pushBranch('dev'),
    inputs: tags('type=pep440,pattern={{version}},value=1.0.0'),
    expected: { main: '1.0.0', tags: ['user/app:1.0.0', 'user/app:latest'] },
  },

  // ---- match
  {
    name: 'match: whole match',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=match,pattern=\\d.\\d.\\d'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:latest'], latest: true },
  },
  {
    name: 'match: group 1',
    context: events.pushTag('v2.0.8-beta.67'),
    inputs: tags('type=match,pattern=v(.*),group=1'),
    expected: { main: '2.0.8-beta.67', tags: ['user/app:2.0.8-beta.67', 'user/app:latest'] },
  },
  {
    name: 'match: partial group',
    context: events.pushTag('v2.0.8-beta.67'),
    inputs: tags('type=match,pattern=v(\\d.\\d),group=1'),
    expected: { main: '2.0', tags: ['user/app:2.0', 'user/app:latest'] },
  },
  {
    name: 'match: digits only',
    context: events.pushTag('20200110-RC2'),
    inputs: tags('type=match,pattern=\\d+'),
    expected: { main: '20200110', tags: ['user/app:20200110', 'user/app:latest'] },
  },
  {
    name: 'match: slash kept in the tag it matches',
    context: events.pushTag('p1/v1.2.3'),
    inputs: tags('type=match,pattern=p1/v(\\d.\\d.\\d),group=1'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:latest'] },
  },
  {
    name: 'match: /regex/flags form',
    context: events.pushTag('V1.2.3'),
    inputs: tags('type=match,pattern=/v(\\d+)/i,group=1'),
    expected: { main: '1', tags: ['user/app:1', 'user/app:latest'] },
  },
  {
    name: 'match: no match warns',
    context: events.pushTag('release1'),
    inputs: tags('type=match,pattern=v(\\d+),group=1'),
    expected: { main: undefined, tags: [], warnings: 1 },
  },
  {
    name: 'match: missing group warns',
    context: events.pushTag('v1'),
    inputs: tags('type=match,pattern=v\\d,group=2'),
    expected: { main: undefined, tags: [], warnings: 1 },
  },
  {
    name: 'match: value on a branch',
    context: events.pushBranch('dev'),
    inputs: tags('type=match,pattern=v(.*),group=1,value=v9.9'),
    expected: { main: '9.9', tags: ['user/app:9.9', 'user/app:latest'] },
  },
  {
    name: 'match: ignored on a branch without value',
    context: events.pushBranch('dev'),
    inputs: tags('type=match,pattern=v(.*),group=1'),
    expected: { main: undefined, tags: [] },
  },

  // ---- edge
  {
    name: 'edge: on the default branch',
    context: events.pushBranch('master'),
    inputs: tags('type=edge'),
    expected: { main: 'edge', tags: ['user/app:edge'], latest: false },
  },
  {
    name: 'edge: not on another branch',
    context: events.pushBranch('dev'),
    inputs: tags('type=edge'),
    expected: { main: undefined, tags: [] },
  },
  {
    name: 'edge: branch attribute',
    context: events.pushBranch('dev'),
    inputs: tags('type=edge,branch=dev'),
    expected: { main: 'edge', tags: ['user/app:edge'] },
  },
  {
    name: 'edge: default branch from the payload',
    context: events.pushBranch('main', {
      repo: { defaultBranch: undefined },
      payload: { repository: { default_branch: 'main' } },
    }),
    inputs: tags('type=edge'),
    expected: { main: 'edge', tags: ['user/app:edge'] },
  },
  {
    name: 'edge: not on tags',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=edge'),
    expected: { main: undefined, tags: [] },
  },

  // ---- ref
  {
    name: 'ref: branch',
    context: events.pushBranch('feature/x'),
    inputs: tags('type=ref,event=branch'),
    expected: { main: 'feature-x', tags: ['user/app:feature-x'], latest: false },
  },
  {
    name: 'ref: branch rule ignores tags',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=ref,event=branch'),
    expected: { main: undefined, tags: [] },
  },
  {
    name: 'ref: tag',
    context: events.pushTag('release1'),
    inputs: tags('type=ref,event=tag'),
    expected: { main: 'release1', tags: ['user/app:release1', 'user/app:latest'], latest: true },
  },
  {
    name: 'ref: pr',
    context: events.pullRequest(),
    inputs: tags('type=ref,event=pr'),
    expected: { main: 'pr-15', tags: ['user/app:pr-15'] },
  },
  {
    name: 'ref: pr with custom prefix',
    context: events.pullRequest(),
    inputs: tags('type=ref,event=pr,prefix=pull-'),
    expected: { main: 'pull-15', tags: ['user/app:pull-15'] },
  },
  {
    name: 'ref: pr with empty prefix',
    context: events.pullRequest(),
    inputs: tags('type=ref,event=pr,prefix='),
    expected: { main: '15', tags: ['user/app:15'] },
  },
  {
    name: 'ref: pr_target branch rule does not fire on the base branch',
    context: events.pullRequestTarget(),
    inputs: tags('type=ref,event=branch', 'type=ref,event=pr'),
    expected: { main: 'pr-15', tags: ['user/app:pr-15'] },
  },

  // ---- raw
  {
    name: 'raw: value',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=foo'),
    expected: { main: 'foo', tags: ['user/app:foo'], latest: false },
  },
  {
    name: 'raw: bare field',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,foo'),
    expected: { main: 'foo', tags: ['user/app:foo'] },
  },
  {
    name: 'raw: bare line',
    context: events.pushBranch('dev'),
    inputs: tags('foo', 'bar'),
    expected: { main: 'foo', tags: ['user/app:foo', 'user/app:bar'] },
  },
  {
    name: 'raw: value keeps text after a second =',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=a=b'),
    expected: { main: 'a-b', tags: ['user/app:a-b'] },
  },
  {
    name: 'raw: expressions',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=mytag-{{branch}}-{{sha}}'),
    expected: { main: 'mytag-dev-860c190', tags: ['user/app:mytag-dev-860c190'] },
  },
  {
    name: 'raw: empty expression result gives no tag',
    context: events.pullRequest(),
    inputs: tags('type=raw,value={{branch}}'),
    expected: { main: undefined, tags: [] },
  },
  {
    name: 'raw: latest on the default branch',
    context: events.pushDefault(),
    inputs: tags('type=raw,value=latest,enable={{is_default_branch}}'),
    expected: { main: 'latest', tags: ['user/app:latest'] },
  },
  {
    name: 'raw: latest not on another branch',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=latest,enable={{is_default_branch}}'),
    expected: { main: undefined, tags: [] },
  },
  {
    name: 'raw: duplicates removed',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=a', 'type=raw,value=b', 'type=raw,value=a'),
    expected: { main: 'a', tags: ['user/app:a', 'user/app:b'] },
  },

  // ---- sha
  {
    name: 'sha: short',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha'),
    expected: { main: 'sha-860c190', tags: ['user/app:sha-860c190'], latest: false },
  },
  {
    name: 'sha: long',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,format=long'),
    expected: {
      main: 'sha-860c1904a1ce19322e91ac35af1ab07466440c37',
      tags: ['user/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37'],
    },
  },
  {
    name: 'sha: custom length',
    context: events.pushBranch('dev', { settings: { shortShaLength: 12 } }),
    inputs: tags('type=sha'),
    expected: { main: 'sha-860c1904a1ce', tags: ['user/app:sha-860c1904a1ce'] },
  },
  {
    name: 'sha: length beyond the sha gives the whole sha',
    context: events.pushBranch('dev', { settings: { shortShaLength: 99 } }),
    inputs: tags('type=sha,prefix='),
    expected: {
      main: '860c1904a1ce19322e91ac35af1ab07466440c37',
      tags: ['user/app:860c1904a1ce19322e91ac35af1ab07466440c37'],
    },
  },
  {
    name: 'sha: prefix from the branch',
    context: events.pushBranch('dev'),
    inputs: tags('type=sha,prefix={{branch}}-'),
    expected: { main: 'dev-860c190', tags: ['user/app:dev-860c190'] },
  },
  {
    name: 'sha: PR merge commit by default',
    context: events.pullRequest(),
    inputs: tags('type=sha'),
    expected: { main: 'sha-860c190', tags: ['user/app:sha-860c190'] },
  },
  {
    name: 'sha: PR head commit with prHeadSha',
    context: events.pullRequest({ settings: { prHeadSha: true } }),
    inputs: tags('type=sha'),
    expected: { main: 'sha-a9c8c58', tags: ['user/app:sha-a9c8c58'] },
  },
  {
    name: 'sha: PR target head commit with prHeadSha',
    context: events.pullRequestTarget({ settings: { prHeadSha: true } }),
    inputs: tags('type=sha', 'type=raw,value={{sha}}'),
    expected: { main: 'a9c8c58', tags: ['user/app:a9c8c58', 'user/app:sha-a9c8c58'] },
  },
  {
    name: 'sha: prHeadSha ignored on push',
    context: events.pushBranch('dev', { settings: { prHeadSha: true } }),
    inputs: tags('type=sha'),
    expected: { main: 'sha-860c190', tags: ['user/app:sha-860c190'] },
  },
  {
    name: 'sha: no sha gives no tag',
    context: events.pushBranch('dev', { sha: '' }),
    inputs: tags('type=sha'),
    expected: { main: undefined, tags: [] },
  },

  // ---- enable and priority
  {
    name: 'enable=false skips the rule',
    context: events.pushBranch('dev'),
    inputs: tags('type=ref,event=branch,enable=false', 'type=sha'),
    expected: { main: 'sha-860c190', tags: ['user/app:sha-860c190'] },
  },
  {
    name: 'enable from an expression',
    context: events.pushTag('v1.0.0'),
    inputs: tags('type=raw,value=stable,enable={{is_default_branch}}', 'type=ref,event=tag'),
    expected: { main: 'v1.0.0', tags: ['user/app:v1.0.0', 'user/app:latest'] },
  },
  {
    name: 'priority: semver before ref before sha, regardless of order',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=sha', 'type=ref,event=tag', 'type=semver,pattern={{version}}'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:v1.2.3', 'user/app:sha-860c190', 'user/app:latest'] },
  },
  {
    name: 'priority: custom priority makes raw the version',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=semver,pattern={{version}}', 'type=raw,value=custom,priority=2000'),
    expected: { main: 'custom', tags: ['user/app:custom', 'user/app:1.2.3'], latest: false },
  },
  {
    name: 'priority: equal priorities keep input order',
    context: events.pushBranch('dev'),
    inputs: tags('type=raw,value=b', 'type=raw,value=a', 'type=raw,value=c,priority=200'),
    expected: { main: 'b', tags: ['user/app:b', 'user/app:a', 'user/app:c'] },
  },
  {
    name: 'latest: decided by the first tag (sha first: no latest)',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=sha,priority=1000', 'type=semver,pattern={{version}}'),
    expected: { main: 'sha-860c190', tags: ['user/app:sha-860c190', 'user/app:1.2.3'], latest: false },
  },
  {
    name: 'latest: a pre-release semver first blocks latest from ref,event=tag',
    context: events.pushTag('v2.0.0-rc.1'),
    inputs: tags('type=semver,pattern={{version}}', 'type=ref,event=tag'),
    expected: { main: '2.0.0-rc.1', tags: ['user/app:2.0.0-rc.1', 'user/app:v2.0.0-rc.1'], latest: false },
  },
  {
    name: 'latest: disabled rules do not decide',
    context: events.pushTag('v1.2.3'),
    inputs: tags('type=sha,priority=1000,enable=false', 'type=semver,pattern={{version}}'),
    expected: { main: '1.2.3', tags: ['user/app:1.2.3', 'user/app:latest'], latest: true },
  },
];

describe('computeMeta tags', () => {
  test.each(cases)('$name', ({ context, inputs, expected }) => {
    const result = compute(inputs, context);
    expect(result.version.main).toBe(expected.main);
    expect(result.tags).toEqual(expected.tags);
    if (expected.latest !== undefined) expect(result.version.latest).toBe(expected.latest);
    expect(result.warnings).toHaveLength(expected.warnings ?? 0);
    expect(result.tagNames).toEqual(
      expected.tags
        .map((t) => (inputs.images.length ? t.slice(t.indexOf(':') + 1) : t))
        .filter((t, i, a) => a.indexOf(t) === i),
    );
  });
});
