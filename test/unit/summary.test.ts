import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { quoteArg } from '../../src/argv.js';
import { code, escapeMessage, escapeText, fence } from '../../src/markdown.js';
import { redact } from '../../src/redact.js';
import type { PublishPlan } from '../../src/plan/index.js';
import type { RunResult } from '../../src/result.js';
import { duration, renderSummary } from '../../src/summary.js';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures, written by hand (not by plan()): the summary must render whatever a plan can hold.

const DIGEST = 'sha256:4f2a9c1d7e8b6a5f3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';
const IMAGE = 'ghcr.io/acme/mlflow-server';
const WORK = '/home/runner/work/_temp/publish-image-1234';

function argvFor(tags: string[], labels: string[], extra: string[] = []): string[] {
  return [
    'buildx',
    'build',
    '--progress',
    'plain',
    '--file',
    'dockerfile.mlflow',
    '--platform',
    'linux/amd64,linux/arm64',
    ...tags.flatMap((t) => ['--tag', t]),
    ...labels.flatMap((l) => ['--label', l]),
    '--cache-from',
    'type=gha,scope=acme-mlflow-server-linux-amd64-linux-arm64',
    '--cache-to',
    'type=gha,mode=max,scope=acme-mlflow-server-linux-amd64-linux-arm64,ignore-error=true',
    ...extra,
    '--provenance',
    'false',
    '--push',
    '--metadata-file',
    `${WORK}/metadata.json`,
    '--iidfile',
    `${WORK}/iid.txt`,
    '.',
  ];
}

const LABELS = [
  'org.opencontainers.image.title=mlflow-server',
  'org.opencontainers.image.source=https://github.com/acme/models',
  'org.opencontainers.image.version=2.19.0',
  'org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567',
  'org.opencontainers.image.created=2025-01-02T03:04:05.000Z',
];

function makePlan(over: Partial<PublishPlan> = {}): PublishPlan {
  const tagNames = over.meta?.tagNames ?? ['2.19.0', '2.19', 'latest'];
  const tags = tagNames.map((t) => `${IMAGE}:${t}`);
  const labels = over.meta?.labels ?? LABELS;
  return {
    meta: {
      version: { main: '2.19.0', partial: ['2.19'], latest: true },
      images: [IMAGE],
      tags,
      tagNames,
      labels,
      annotations: ['manifest:org.opencontainers.image.version=2.19.0'],
      ...over.meta,
    },
    outputs: {
      version: '2.19.0',
      tags: tags.join('\n'),
      'tag-names': tagNames.join('\n'),
      labels: labels.join('\n'),
      annotations: '',
      json: '{}',
    },
    images: [IMAGE],
    platforms: ['linux/amd64', 'linux/arm64'],
    push: true,
    load: false,
    logins: [
      {
        kind: 'password',
        credential: {
          registry: 'ghcr.io',
          username: 'octocat',
          password: 'ghs_LOGINPASSWORD0000000000000',
          source: 'github-token',
        },
      },
    ],
    logout: true,
    build: {
      argv: argvFor(tags, labels),
      env: {},
      metadataFile: `${WORK}/metadata.json`,
      iidFile: `${WORK}/iid.txt`,
      pushes: tags,
    },
    builder: {
      choice: { kind: 'named', name: 'publish-image-1234', source: 'builder' },
      platforms: ['linux/amd64', 'linux/arm64'],
      needs: { multiPlatform: true, cacheExport: true },
      qemuImage: 'tonistiigi/binfmt:latest',
      notices: [],
    },
    cache: {
      source: 'gha',
      service: { kind: 'v1', url: 'https://artifactcache.actions.githubusercontent.com/abc/', tokenIsJwt: true },
      scope: 'acme-mlflow-server-linux-amd64-linux-arm64',
      from: ['type=gha,scope=acme-mlflow-server-linux-amd64-linux-arm64'],
      to: ['type=gha,mode=max,scope=acme-mlflow-server-linux-amd64-linux-arm64,ignore-error=true'],
    },
    attest: { enabled: true, reason: 'pushed image, OIDC token available', pushToRegistry: true, subjects: [IMAGE] },
    verify: { tags, platforms: ['linux/amd64', 'linux/arm64'] },
    dryRun: false,
    workDir: WORK,
    userDockerConfig: '/home/runner/.docker',
    mode: 'publish',
    summary: { enabled: true, usageService: 'mlflow-web', usagePort: '5000:5000' },
    notices: [],
    warnings: [],
    ...over,
  };
}

function makeResult(over: Partial<RunResult> = {}): RunResult {
  return {
    status: 'success',
    builder: {
      name: 'publish-image-1234',
      driver: 'docker-container',
      buildxVersion: 'v0.21.1',
      buildkitVersion: 'v0.20.2',
      created: true,
    },
    build: {
      digest: DIGEST,
      imageId: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
      metadata: { 'containerimage.digest': DIGEST },
      durationMs: 64_200,
      steps: { total: 5, cached: 3 },
      attempts: 1,
    },
    verify: {
      tags: ['2.19.0', '2.19', 'latest'].map((t) => ({ ref: `${IMAGE}:${t}`, digest: DIGEST })),
      platforms: ['linux/amd64', 'linux/arm64'],
    },
    attestation: {
      attestationId: '4242',
      attestationUrl: 'https://github.com/acme/models/attestations/4242',
      bundlePath: `${WORK}/attestation.jsonl`,
      referrers: [
        { subject: IMAGE, digest: 'sha256:2222222222222222222222222222222222222222222222222222222222222222' },
      ],
      storageRecords: [],
      warnings: [],
    },
    warnings: [],
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers that read the markdown back the way GitHub does, enough to check structure.

/** Split the page into fenced code blocks and the text between them (a fence closes only with ≥ its length). */
function splitFences(md: string): { text: string; blocks: { info: string; body: string }[]; unclosed: boolean } {
  const lines = md.split('\n');
  const text: string[] = [];
  const blocks: { info: string; body: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})([^`]*)$/.exec(lines[i]);
    if (!open) {
      text.push(lines[i]);
      continue;
    }
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^(`{3,})\s*$/.exec(lines[j]);
      if (close && close[1].length >= open[1].length) break;
      body.push(lines[j]);
    }
    if (j === lines.length) return { text: text.join('\n'), blocks, unclosed: true };
    blocks.push({ info: open[2].trim(), body: body.join('\n') });
    i = j;
  }
  return { text: text.join('\n'), blocks, unclosed: false };
}

/** GFM table cells of one row: split on pipes not escaped by a backslash (as cmark-gfm does). */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && i + 1 < inner.length) {
      cur += inner[i] + inner[i + 1];
      i++;
    } else if (inner[i] === '|') {
      out.push(cur);
      cur = '';
    } else cur += inner[i];
  }
  out.push(cur);
  return out;
}

function tableRows(md: string): string[] {
  return splitFences(md)
    .text.split('\n')
    .filter((l) => l.startsWith('|'));
}

/** The page outside fenced blocks and inline code (where GitHub renders text literally). */
function prose(md: string): string {
  return splitFences(md)
    .text.replace(/<code>.*?<\/code>/g, '')
    .replace(/(?<!\\)`[^`]*`/g, '');
}

/** Markdown links `[text](dest)` whose brackets are not backslash-escaped. */
function links(md: string): string[] {
  return [...prose(md).matchAll(/(?<!\\)\[[^\]]*(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
}

// ---------------------------------------------------------------------------------------------------------------

describe('renderSummary: golden pages', () => {
  const cases = [
    {
      name: 'success: two-platform push, GitHub cache v1, 3 of 5 steps cached, attestation link',
      golden: './__golden__/summary-success.md',
      plan: makePlan(),
      result: makeResult(),
    },
    {
      name: 'dry-run: the plan, the exact command, labels and annotations',
      golden: './__golden__/summary-dry-run.md',
      plan: makePlan({
        dryRun: true,
        notices: [
          'Build-provenance attestation skipped: this run has no OIDC token; add `permissions: id-token: write` and `attestations: write` to the job.',
        ],
        attest: {
          enabled: false,
          reason: 'no OIDC token (id-token: write missing)',
          pushToRegistry: true,
          subjects: [IMAGE],
        },
        build: {
          ...makePlan().build,
          env: { PUBLISH_IMAGE_SECRET_0: 'pip-index-token-abcdef' },
          argv: argvFor(makePlan().meta.tags, LABELS, ['--secret', 'id=pip,env=PUBLISH_IMAGE_SECRET_0']),
        },
      }),
      result: { status: 'dry-run', warnings: [] } satisfies RunResult,
    },
    {
      name: 'failure: the push failed after the build; the error is shown, nothing to pull',
      golden: './__golden__/summary-failure.md',
      plan: makePlan({ summary: { enabled: true } }),
      result: makeResult({
        status: 'failure',
        build: undefined,
        verify: undefined,
        attestation: undefined,
        // the registry refused the second tag: the first had moved, the read-back after the failure says so
        partialDigest: DIGEST,
        tagStates: [
          { ref: `${IMAGE}:2.19.0`, digest: DIGEST, moved: true },
          { ref: `${IMAGE}:2.19`, digest: `sha256:${'9'.repeat(64)}`, moved: false },
          { ref: `${IMAGE}:latest`, moved: false },
        ],
        error:
          'The registry refused the credentials (403 Forbidden) (after 3 attempts).\nCheck the login inputs (registry, username, password or registry-auth) and that the token may write to this repository (`packages: write` for ghcr.io).\nbuildx: failed to push ghcr.io/acme/mlflow-server:2.19: unexpected status from PUT request: 403 Forbidden',
        warnings: ['registry ghcr.io answered 502 twice; retried'],
      }),
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      await expect(await renderSummary(c.plan, c.result)).toMatchFileSnapshot(c.golden);
    });
  }
});

describe('renderSummary: content', () => {
  const cases = [
    {
      name: 'built, not pushed (fork PR): says why, no pull block, no attestation',
      plan: makePlan({
        push: false,
        logins: [],
        verify: undefined,
        attest: { enabled: false, reason: 'nothing is pushed', pushToRegistry: true, subjects: [IMAGE] },
        noPushReason: 'pull request #7 comes from the fork evil/models, whose token cannot write packages',
        notices: [
          'Build only: pull request #7 comes from the fork evil/models, whose token cannot write packages. No login, no push, no attestation.',
        ],
      }),
      result: makeResult({ verify: undefined, attestation: undefined }),
      contains: [
        '## 🔨 Built (not pushed):',
        'no: pull request \\#7 comes from the fork evil/models',
        '**Attestation** | no: nothing is pushed',
      ],
      excludes: ['docker pull', 'services:', '**Verification**'],
    },
    {
      name: 'cache from inputs and no cache, durations',
      plan: makePlan({ cache: { source: 'inputs', from: ['type=registry,ref=ghcr.io/acme/cache'], to: [] } }),
      result: makeResult({ build: { ...makeResult().build!, durationMs: 3_723_000, steps: { total: 0, cached: 0 } } }),
      contains: ['**Cache** | from `type=registry,ref=ghcr.io/acme/cache` |', '**Build time** | 1h 02m 03s |'],
      excludes: ['steps cached'],
    },
    {
      name: 'no cache service: the reason',
      plan: makePlan({
        cache: { source: 'none', from: [], to: [], reason: 'this runtime offers no GitHub cache service' },
      }),
      result: makeResult(),
      contains: ['**Cache** | none: this runtime offers no GitHub cache service · 3 of 5 steps cached |'],
      excludes: [],
    },
    {
      name: 'compose service defaults to the last path segment; no ports without usagePort',
      plan: makePlan({ summary: { enabled: true } }),
      result: makeResult(),
      contains: [`services:\n  mlflow-server:\n    image: ${IMAGE}@${DIGEST}\n\`\`\``],
      excludes: ['ports:'],
    },
    {
      name: 'verification mismatch is reported',
      plan: makePlan(),
      result: makeResult({
        verify: {
          tags: [
            { ref: `${IMAGE}:latest`, digest: 'sha256:9999' },
            { ref: `${IMAGE}:2.19`, digest: DIGEST },
          ],
          platforms: ['linux/amd64'],
        },
      }),
      contains: [
        '1 of 2 tags read back at this digest; `ghcr.io/acme/mlflow-server:latest` is at `sha256:9999`',
        'missing `linux/arm64`',
      ],
      excludes: [],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const md = await renderSummary(c.plan, c.result);
      for (const s of c.contains) expect(md).toContain(s);
      for (const s of c.excludes) expect(md).not.toContain(s);
    });
  }

  it('the compose snippet is valid YAML with the image by digest and the port', async () => {
    const md = await renderSummary(makePlan(), makeResult());
    const yaml = splitFences(md).blocks.find((b) => b.info === 'yaml');
    expect(parseYaml(yaml!.body)).toEqual({
      services: { 'mlflow-web': { image: `${IMAGE}@${DIGEST}`, ports: ['5000:5000'] } },
    });
  });

  it('durations', async () => {
    const cases = [
      { ms: 850, expected: '850ms' },
      { ms: 4_250, expected: '4.2s' },
      { ms: 42_000, expected: '42s' },
      { ms: 64_200, expected: '1m 04s' },
      { ms: 3_723_000, expected: '1h 02m 03s' },
    ];
    for (const c of cases) expect(duration(c.ms), String(c.ms)).toBe(c.expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const HOSTILE = [
  '<script>alert(1)</script>',
  'a`b``c```d',
  '```',
  'x|y||z',
  '[x](javascript:alert(1))',
  'line1\nline2\r\n# heading',
  '**bold** _em_ ~~s~~ $x$ &amp; <img src=x onerror=alert(1)>',
  '\\|',
  '- [ ] task',
  'https://evil.example/x www.evil.example',
];

describe('renderSummary: hostile names', () => {
  const hostilePlan = (over: Partial<PublishPlan> = {}) => {
    const tagNames = HOSTILE;
    const labels = HOSTILE.map((h, i) => `evil.label.${i}=${h}`);
    const base = makePlan({
      meta: {
        ...makePlan().meta,
        tagNames,
        tags: tagNames.map((t) => `${IMAGE}:${t}`),
        labels,
        annotations: HOSTILE,
        version: { main: HOSTILE[0], partial: [], latest: false },
      },
    });
    return makePlan({
      ...over,
      meta: base.meta,
      platforms: ['linux/amd64', 'linux/<script>x</script>|'],
      build: { ...base.build, argv: argvFor(base.meta.tags, labels) },
      cache: { source: 'inputs', from: HOSTILE.slice(0, 5), to: HOSTILE.slice(5) },
      noPushReason: `branch ${HOSTILE.join(' ')}`,
      notices: HOSTILE.map((h) => `Build only: branch ${h}. No login, no push, no attestation.`),
      warnings: HOSTILE,
      summary: { enabled: true, usageService: 'svc: {x}\n  evil: [1]', usagePort: '80"\n  privileged: true' },
      logins: [
        {
          kind: 'password',
          credential: {
            registry: 'ghcr.io',
            username: '<script>u</script>|',
            password: 'pw-secret-hostile',
            source: 'password',
          },
        },
      ],
    });
  };
  const hostileResult = (over: Partial<RunResult> = {}) =>
    makeResult({
      builder: {
        name: '<script>b</script>|`',
        driver: 'x|y',
        buildxVersion: '[x](javascript:alert(1))',
        buildkitVersion: '\n| a | b |',
        created: false,
      },
      verify: { tags: HOSTILE.map((h) => ({ ref: `${IMAGE}:${h}`, digest: DIGEST })), platforms: ['linux/<script>'] },
      attestation: {
        attestationId: '1](javascript:alert(1))',
        attestationUrl: 'javascript:alert(1)',
        bundlePath: '/tmp/b',
        referrers: [],
        storageRecords: [],
        warnings: [],
      },
      warnings: HOSTILE.map((h) => `result ${h}`),
      ...over,
    });

  const cases = [
    { name: 'success page', plan: hostilePlan(), result: hostileResult() },
    {
      name: 'failure page',
      plan: hostilePlan(),
      result: hostileResult({ status: 'failure', error: HOSTILE.join('\n') }),
    },
    {
      name: 'dry-run page',
      plan: hostilePlan({ dryRun: true }),
      result: { status: 'dry-run', warnings: HOSTILE } satisfies RunResult,
    },
    {
      name: 'attestation link with a hostile https URL',
      plan: hostilePlan(),
      result: hostileResult({
        attestation: {
          attestationId: '7',
          attestationUrl: 'https://github.com/a/b/attestations/7?x=)[y](javascript:alert(1)) |',
          bundlePath: '/tmp/b',
          referrers: [],
          storageRecords: [],
          warnings: [],
        },
      }),
    },
  ];

  for (const c of cases) {
    it(`${c.name}: no raw HTML, table intact, fences intact, no injected link`, async () => {
      const md = await renderSummary(c.plan, c.result);
      const { text, blocks, unclosed } = splitFences(md);

      // fences: every block closes, and only the blocks the renderer writes exist
      expect(unclosed).toBe(false);
      for (const b of blocks) expect(['sh', 'yaml', 'text']).toContain(b.info);

      // no raw HTML from values outside code blocks (inside a code block GitHub renders text, so it is inert)
      expect(text).not.toMatch(/<script|<img|<\/script/i);
      if (c.result.status !== 'dry-run' && c.result.status !== 'failure') expect(md).not.toMatch(/<script|<img/i);
      // the only HTML tags are the renderer's own
      for (const tag of text.matchAll(/<\/?([a-z]+)[^>]*>/gi))
        expect(['code', 'br', 'details', 'summary']).toContain(tag[1].toLowerCase());

      // the table: two cells in every row, and the row count is the renderer's
      const rows = tableRows(md);
      expect(rows.length).toBeGreaterThanOrEqual(8);
      for (const r of rows) expect(cells(r), r).toHaveLength(2);
      // after the header and separator, every row starts with one of the renderer's own keys
      for (const r of rows.slice(2)) expect(r).toMatch(/^\| \*\*[A-Z][a-z]+(?: [a-z]+)?\*\* \| /);
      // one heading line; nothing else became a heading
      expect(text.split('\n').filter((l) => /^#{1,6} /.test(l))).toHaveLength(md.includes('\n### Use it\n') ? 2 : 1);

      // links: only https ones the renderer made
      for (const dest of links(md)) expect(dest).toMatch(/^https:\/\/github\.com\//);
      expect(prose(md)).not.toMatch(/(?<!\\)\]\((?!https:\/\/github\.com\/)/);
      // bare URLs from values are not auto-linked
      expect(prose(md)).not.toMatch(/https:\/\/evil|www\.evil/);

      // every alert/list line stays inside its block quote; no bare line starts a new block
      for (const line of text.split('\n')) {
        expect(line, line).toMatch(
          /^(|## .*|### .*|\*\*Error\*\*|\| .*|> .*|<details><summary>[^<]*<\/summary>|<\/details>)$/,
        );
      }

      // dry-run: the command block is the exact argv, shell-quoted
      if (c.result.status === 'dry-run') {
        const sh = blocks.find((b) => b.info === 'sh')!;
        expect(sh.body).toContain(`--label ${quoteArg('evil.label.2=```')}`);
      }
      // compose snippet (success): valid YAML, one service, no injected keys
      const yaml = blocks.find((b) => b.info === 'yaml');
      if (yaml) {
        const doc = parseYaml(yaml.body);
        expect(Object.keys(doc.services)).toEqual(['svc: {x}\n  evil: [1]']);
        expect(doc.services['svc: {x}\n  evil: [1]']).toEqual({
          image: `${IMAGE}@${DIGEST}`,
          ports: ['80"\n  privileged: true'],
        });
      }
    });
  }
});

describe('renderSummary: secrets', () => {
  const LOGIN = 'ghp_LoginPassword123456';
  const OTHER_LOGIN = 'dockerhub-pat-7890';
  const BUILD = 'pypi-build-secret-value';
  const EXTRA = 'github-token-extra-0001';
  const MULTI = 'first-line-secret\nsecond-line-secret';
  const plan = makePlan({
    logins: [
      {
        kind: 'password',
        credential: { registry: 'ghcr.io', username: 'octocat', password: LOGIN, source: 'password' },
      },
      {
        kind: 'password',
        credential: { registry: 'docker.io', username: 'acme', password: OTHER_LOGIN, source: 'registry-auth' },
      },
    ],
    build: { ...makePlan().build, env: { PUBLISH_IMAGE_SECRET_0: BUILD, PUBLISH_IMAGE_SECRET_1: MULTI } },
    // a secret leaking into plan text that is escaped (underscores) or shown in code
    warnings: [`token ${LOGIN} looks like a PAT`],
    notices: [`value_with_${BUILD}_inside`],
    meta: { ...makePlan().meta, labels: [`leak=${OTHER_LOGIN}`], tagNames: [`t-${BUILD}`] },
  });
  const error = `login failed: password ${LOGIN} rejected; secret ${BUILD}; token ${EXTRA}; ${MULTI.split('\n')[1]}|\`${OTHER_LOGIN}\``;
  const cases = [
    { name: 'failure with the secrets in the error message', result: makeResult({ status: 'failure', error }) },
    { name: 'success', result: makeResult({ warnings: [`<${EXTRA}>`] }) },
    { name: 'dry-run', result: { status: 'dry-run', warnings: [EXTRA] } satisfies RunResult },
  ];
  for (const c of cases) {
    it(`${c.name}: no secret appears, not even escaped`, async () => {
      const md = await renderSummary({ ...plan, dryRun: c.result.status === 'dry-run' }, c.result, {
        secrets: [EXTRA],
      });
      for (const s of [LOGIN, OTHER_LOGIN, BUILD, EXTRA, MULTI, ...MULTI.split('\n')]) {
        expect(md).not.toContain(s);
        expect(md).not.toContain(escapeText(s));
        expect(md).not.toContain(s.replace(/_/g, '&#95;').replace(/-/g, '&#45;'));
      }
      // masked, shown as *** (escaped as \*\*\* in text, where a bare *** would be emphasis)
      expect(md).toMatch(/\\\*\\\*\\\*|\*\*\*/);
    });
  }
});

describe('markdown helpers', () => {
  const cases = [
    {
      name: 'escapeText: HTML is inert',
      fn: escapeText,
      input: '<script>alert(1)</script>',
      expected: '&lt;script&gt;alert(1)&lt;/script&gt;',
    },
    {
      name: 'escapeText: link syntax is broken',
      fn: escapeText,
      input: '[x](javascript:alert(1))',
      expected: '\\[x\\](javascript:alert(1))',
    },
    {
      name: 'escapeText: pipes, newlines, emphasis',
      fn: escapeText,
      input: 'a|b\n*c* _d_',
      expected: 'a\\|b \\*c\\* \\_d\\_',
    },
    { name: 'escapeText: a list marker at the start', fn: escapeText, input: '- item', expected: '\\- item' },
    {
      name: 'escapeText: www autolinks in any case are broken',
      fn: escapeText,
      input: 'www.a.example WWW.b.example Www.c.example awww.d',
      expected: 'www\\.a.example WWW\\.b.example Www\\.c.example awww.d',
    },
    {
      name: 'code: a plain value is a code span',
      fn: code,
      input: 'ghcr.io/acme/app:1.2.3',
      expected: '`ghcr.io/acme/app:1.2.3`',
    },
    { name: 'code: a backtick cannot end the span', fn: code, input: 'a`b', expected: '<code>a&#96;b</code>' },
    { name: 'code: a pipe cannot split a cell', fn: code, input: 'a|b', expected: '<code>a&#124;b</code>' },
    { name: 'code: HTML stays text', fn: code, input: '<b>', expected: '<code>&#60;b&#62;</code>' },
    {
      name: 'code: markdown punctuation is entity-encoded',
      fn: code,
      input: '[x](javascript:a)',
      expected: '<code>&#91;x&#93;&#40;javascript&#58;a&#41;</code>',
    },
    {
      name: 'escapeMessage: quoted values become code',
      fn: escapeMessage,
      input: 'add `id-token: write` to *the* job',
      expected: 'add `id-token: write` to \\*the\\* job',
    },
    {
      name: 'escapeMessage: adjacent backtick pairs are not code',
      fn: escapeMessage,
      input: 'a`b``c`',
      expected: 'a\\`b\\`\\`c\\`',
    },
    { name: 'quoteArg: quote in value', fn: quoteArg, input: "it's", expected: `'it'\\''s'` },
    {
      name: 'quoteArg: plain value stays bare',
      fn: quoteArg,
      input: 'type=gha,scope=x',
      expected: 'type=gha,scope=x',
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.fn(c.input)).toBe(c.expected));

  it('fence: longer than any run of backticks in the content', async () => {
    expect(fence('a\n```\nb\n`````x', 'sh')).toBe('``````sh\na\n```\nb\n`````x\n``````');
    expect(fence('plain')).toBe('```\nplain\n```');
  });

  it('redact: longest first, empty secrets ignored, multi-line secrets masked line by line', async () => {
    expect(redact('abc abcdef', ['abc', 'abcdef', ''])).toBe('*** ***');
    expect(redact('x first-line y', ['first-line\nsecond'])).toBe('x *** y');
  });
});
