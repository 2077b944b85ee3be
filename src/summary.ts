// The job summary: one GitHub-flavoured markdown page built from the plan and what the effects produced.
// Every value that can come from a branch, tag, label, input or error goes through src/markdown.ts, and every
// secret the plan knows (login passwords, build-secret values) plus `opts.secrets` is masked twice: in each value
// before it is escaped, and in the finished page.
import { printArgv, printArgvLayout } from './argv.js';
import { code, escapeMessage, escapeText, fence, link, tableRow } from './markdown.js';
import { redact } from './redact.js';
import type { AttestPlan, CachePlan, LoginPlan, Plan } from './plan/index.js';
import { groupTagStates, type BuildResult, type LegVia, type RunResult, type TagState } from './result.js';

export interface SummaryOptions {
  /** extra strings to mask (e.g. the github-token input) */
  secrets?: string[];
}

/** Registry, user and source of a login, as the summary shows it (never the password). */
function loginShown(l: LoginPlan): { registry: string; username: string; source: string } {
  return l.kind === 'password' ? l.credential : { registry: l.registry, username: 'AWS', source: 'ecr' };
}

export async function renderSummary(plan: Plan, result: RunResult, opts: SummaryOptions = {}): Promise<string> {
  const secrets = [
    ...(opts.secrets ?? []),
    ...plan.logins.flatMap((l) => (l.kind === 'password' ? [l.credential.password] : [])),
    ...('build' in plan ? Object.values(plan.build.env) : []),
  ];
  const clean = (s: string) => redact(s, secrets);
  const text = (s: string) => escapeText(clean(s));
  const c = (s: string) => code(clean(s));
  const msg = (s: string) => escapeMessage(clean(s));

  const dryRun = result.status === 'dry-run';
  const build = dryRun ? undefined : result.build;
  const digest = result.merge?.digest ?? build?.digest;
  // a leg's image has no tag: it is not for pulling on its own (the merged index is)
  const pushed = !dryRun && plan.push && !!digest && plan.images.length > 0 && plan.mode !== 'build';

  const out: string[] = [];
  out.push(`## ${heading(plan, result)} ${plan.images.map(c).join(', ')}`.trimEnd(), '');

  if (result.status === 'failure') {
    out.push('**Error**', '', fence(clean(result.error ?? 'the run failed without a message'), 'text'), '');
  }

  // The facts table.
  const rows: [string, string][] = [];
  rows.push([plan.images.length === 1 ? 'Image' : 'Images', list(plan.images.map(c))]);
  const tagNames = plan.meta.tagNames.length ? plan.meta.tagNames.map(c).join(' ') : 'none';
  rows.push([
    'Tags',
    plan.mode === 'build' && plan.meta.tagNames.length
      ? `${tagNames} (the merge puts the index under these)`
      : tagNames,
  ]);
  if (digest) rows.push(['Digest', c(digest)]);
  else if (result.partialDigest)
    rows.push(['Digest', `${c(result.partialDigest)} (the new image; not every tag points at it)`]);
  rows.push(['Platforms', plan.platforms.length ? plan.platforms.map(c).join(', ') : 'builder default']);
  rows.push(['Push', pushRow(plan, result, msg, c)]);
  if (plan.mode === 'build') rows.push(['Leg', legRow(plan, result, text, c)]);
  if (plan.logins.length) {
    rows.push([
      'Registry login',
      plan.logins
        .map(loginShown)
        .map((l) => `${c(l.registry)} as ${c(l.username)} (${text(l.source)})`)
        .join('<br>'),
    ]);
  }
  if ('cache' in plan) rows.push(['Cache', cacheRow(plan.cache, build, msg, c)]);
  const secretCount = 'build' in plan ? Object.keys(plan.build.env).length : 0;
  if (secretCount) rows.push(['Build secrets', `${secretCount} (values not shown)`]);
  if (build) {
    rows.push(['Build time', duration(build.durationMs) + (build.attempts > 1 ? ` (${build.attempts} attempts)` : '')]);
  }
  if (result.builder) {
    const b = result.builder;
    rows.push([
      'Builder',
      `${c(b.name)} (${text(b.driver)}) · buildx ${text(b.buildxVersion)} · BuildKit ${text(b.buildkitVersion)}`,
    ]);
  }
  if ('attest' in plan) rows.push(['Attestation', attestRow(plan, result, pushed, clean, msg, c)]);
  const verification = verifyRow(plan, result, digest, c);
  if (verification) rows.push(['Verification', verification]);

  out.push(tableRow(['', '']), '| --- | --- |', ...rows.map(([k, v]) => tableRow([`**${k}**`, v])), '');
  if (plan.mode === 'matrix') out.push(...matrixTable(plan, msg, c));
  if (result.merge) out.push(...legsTable(result.merge, text, c));

  // Warnings and notices: the plan's, then the run's, without repeats.
  const warnings = unique([...plan.warnings, ...result.warnings]);
  const notices = unique([...plan.notices, ...(result.notices ?? [])]);
  if (warnings.length) out.push(alert('WARNING', warnings.map(msg)), '');
  if (notices.length) out.push(alert('NOTE', notices.map(msg)), '');

  if (pushed && digest) {
    const refs = plan.images.map((image) => clean(`${image}@${digest}`));
    out.push('### Use it', '', fence(refs.map((r) => printArgv(['docker', 'pull', r])).join('\n'), 'sh'), '');
    // loaded only for a pushed image: a dry-run or a failed run never parses it
    const { composeSnippet } = await import('./compose-snippet.js');
    out.push(fence(await composeSnippet(plan, refs[0], clean), 'yaml'), '');
  }

  if (dryRun) {
    if ('build' in plan) {
      out.push(details('Build command', fence(printArgvLayout(['docker', ...plan.build.argv], { secrets }), 'sh')), '');
    }
    out.push(
      details(
        `Labels (${plan.meta.labels.length})`,
        fence(plan.meta.labels.map((l) => displayLine(clean(l))).join('\n'), 'text'),
      ),
      '',
    );
    if (plan.meta.annotations.length) {
      out.push(
        details(
          `Annotations (${plan.meta.annotations.length})`,
          fence(plan.meta.annotations.map((a) => displayLine(clean(a))).join('\n'), 'text'),
        ),
        '',
      );
    }
  }

  return redact(out.join('\n').replace(/\n+$/, '\n'), secrets);
}

function heading(plan: Plan, result: RunResult): string {
  switch (result.status) {
    case 'failure':
      return '❌ Failed:';
    case 'dry-run':
      return '🧪 Dry run (plan only):';
    case 'success':
      if (plan.mode === 'matrix') return '🧮 Build matrix:';
      if (plan.mode === 'build')
        return plan.push
          ? `✅ Leg ${plan.leg.platform} pushed by digest:`
          : `🔨 Leg ${plan.leg.platform} built (not pushed):`;
      if (plan.mode === 'merge')
        return plan.push
          ? `✅ Published (merged from ${result.merge?.legs.length ?? 0} legs):`
          : '⏭️ Nothing to merge:';
      return plan.push ? '✅ Published:' : '🔨 Built (not pushed):';
  }
}

function list(items: string[]): string {
  return items.length ? items.join('<br>') : 'none';
}

function pushRow(plan: Plan, result: RunResult, text: (s: string) => string, c: (s: string) => string): string {
  if (plan.mode === 'matrix') return 'no: `mode: matrix` plans the legs only';
  if (plan.push) {
    if (result.status === 'dry-run') return 'yes, when run without dry-run';
    if (result.tagStates) return tagStatesRow(result, text, c);
    if (result.merge?.digest || result.build?.digest) return plan.mode === 'build' ? 'yes, by digest (no tags)' : 'yes';
    return 'no: the run stopped before pushing';
  }
  const why = plan.noPushReason ? text(plan.noPushReason) : '`push: false`';
  return plan.mode === 'publish' && plan.load ? `no, loaded into the local engine (${why})` : `no: ${why}`;
}

/** After a failed push or index: exactly which tags point at the new image now, which do not, which are unknown. */
function tagStatesRow(result: RunResult, text: (s: string) => string, c: (s: string) => string): string {
  const states = result.tagStates ?? [];
  const { moved, notMoved, unknown } = groupTagStates(states);
  const where = (t: TagState) => (t.digest ? `${c(t.ref)} (still at ${c(t.digest)})` : `${c(t.ref)} (absent)`);
  const unknownPart = unknown.length
    ? `<br>unknown: ${unknown.map((t) => `${c(t.ref)} (unreadable: ${text(t.error ?? '')})`).join(', ')}`
    : '';
  const notMovedList = notMoved.map(where).join(', ');
  // the new image: left part-way by a failed push or index, or pushed whole when only the read-back failed
  const newDigest = result.partialDigest ?? result.merge?.digest ?? result.build?.digest;
  if (!newDigest) return `no: nothing was pushed; the tags are as they were: ${notMovedList}${unknownPart}`;
  if (moved.length === 0) {
    return unknown.length && !notMoved.length
      ? `unknown: no tag could be read back${unknownPart}`
      : `no: no tag points at the new image; ${notMovedList}${unknownPart}`;
  }
  const head = `partly: ${moved.length} of ${states.length} tags point at the new image: ${moved.map((t) => c(t.ref)).join(', ')}`;
  return `${head}${notMoved.length ? `<br>not moved: ${notMovedList}` : ''}${unknownPart}`;
}

const LEG_VIA: Record<LegVia, string> = {
  'push-by-digest': 'pushed by digest by buildx',
  'oci-layout':
    "pushed by digest through the registry API from buildx's OCI archive (this builder cannot push by digest)",
  'docker-save':
    'pushed by digest through the registry API from `docker save` (the docker driver with the classic image store exports no OCI archive)',
};

/** A build leg: its platform, how it reached the registry, where its result went. */
function legRow(
  plan: Extract<Plan, { mode: 'build' }>,
  result: RunResult,
  text: (s: string) => string,
  c: (s: string) => string,
): string {
  const runner = plan.leg.runner.name ? ` on ${c(plan.leg.runner.name)}` : '';
  const parts = [`${c(plan.leg.platform)}${runner}`];
  if (result.leg) {
    parts.push(LEG_VIA[result.leg.via]);
    if (result.leg.artifact) parts.push(`result handed to the merge as artifact ${c(result.leg.artifact)}`);
  } else if (plan.leg.artifact) {
    parts.push(`result for the merge: artifact ${c(plan.leg.artifact)}`);
  } else {
    parts.push(text('no result for the merge (nothing is pushed)'));
  }
  return parts.join(' · ');
}

function matrixTable(
  plan: Extract<Plan, { mode: 'matrix' }>,
  text: (s: string) => string,
  c: (s: string) => string,
): string[] {
  return [
    '### Legs',
    '',
    tableRow(['Platform', 'Runner', 'Pair']),
    '| --- | --- | --- |',
    ...plan.matrix.map((e) => tableRow([c(e.platform), [e.runner].flat().map(c).join(', '), c(e.pair)])),
    '',
    text(
      "Use the `matrix` output as the build job's `strategy.matrix` (`mode: build`, `platforms: ${{ matrix.platform }}`).",
    ),
    '',
  ];
}

function legsTable(
  merge: NonNullable<RunResult['merge']>,
  text: (s: string) => string,
  c: (s: string) => string,
): string[] {
  const rows = merge.legs.map((l) => {
    const r = l.result;
    return tableRow([
      c(l.platform),
      r ? (r.runner.name ? c(r.runner.name) : text(`${r.runner.os} ${r.runner.arch}`.trim() || 'unknown')) : 'n/a',
      c(l.digest),
      r ? duration(r.buildSeconds * 1000) : 'n/a',
      r ? `${r.cache.hits} of ${r.cache.steps}` : 'n/a',
      l.source === 'artifact' ? 'leg result' : text('digests input'),
    ]);
  });
  const replaced = merge.superseded ? [`${merge.superseded} earlier attempt(s) of re-run legs replaced.`, ''] : [];
  return [
    '### Legs',
    '',
    tableRow(['Platform', 'Runner', 'Digest', 'Build time', 'Steps cached', 'From']),
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...replaced,
  ];
}

function cacheRow(
  cache: CachePlan,
  build: BuildResult | undefined,
  text: (s: string) => string,
  c: (s: string) => string,
): string {
  let where: string;
  switch (cache.source) {
    case 'gha':
      where = `GitHub cache ${cache.service.kind}, scope ${c(cache.scope)}`;
      break;
    case 'inputs': {
      const parts: string[] = [];
      if (cache.from.length) parts.push(`from ${cache.from.map(c).join(', ')}`);
      if (cache.to.length) parts.push(`to ${cache.to.map(c).join(', ')}`);
      where = parts.join('; ');
      break;
    }
    case 'none':
      where = `none: ${text(cache.reason)}`;
      break;
  }
  if (build && build.steps.total > 0) where += ` · ${build.steps.cached} of ${build.steps.total} steps cached`;
  return where;
}

function attestRow(
  plan: Extract<Plan, { attest: AttestPlan }>,
  result: RunResult,
  pushed: boolean,
  clean: (s: string) => string,
  msg: (s: string) => string,
  c: (s: string) => string,
): string {
  const a = result.attestation;
  if (a) {
    const name = a.attestationId ? `build provenance #${a.attestationId}` : 'build provenance';
    const shown = (a.attestationUrl && link(clean(name), clean(a.attestationUrl))) || escapeText(clean(name));
    const where = plan.attest.pushToRegistry && a.referrers.length ? ', also pushed to the registry' : '';
    return shown + where;
  }
  if (!plan.attest.enabled) return `no: ${msg(plan.attest.reason)}`;
  if (result.status === 'dry-run') return `planned for ${plan.attest.subjects.map(c).join(', ')}`;
  if (result.status === 'failure') return 'not created: the run failed before attesting';
  return pushed ? 'not created (the run stopped before attesting)' : 'not created (nothing was pushed)';
}

function verifyRow(
  plan: Plan,
  result: RunResult,
  digest: string | undefined,
  c: (s: string) => string,
): string | undefined {
  const v = result.verify;
  if (!v) {
    if (!('verify' in plan) || !plan.verify) return undefined;
    if (result.verifyError) return `failed: ${escapeMessage(result.verifyError)}`;
    if (result.status === 'dry-run') return 'planned: read the pushed tags back';
    return result.status === 'failure' ? 'not done: the run failed before it' : 'not done';
  }
  const parts: string[] = [];
  const wrong = digest ? v.tags.filter((t) => t.digest !== digest) : [];
  parts.push(
    wrong.length
      ? `${v.tags.length - wrong.length} of ${v.tags.length} tags read back at this digest; ` +
          wrong.map((t) => `${c(t.ref)} is at ${c(t.digest)}`).join(', ')
      : `${v.tags.length} ${v.tags.length === 1 ? 'tag' : 'tags'} read back`,
  );
  if (v.platforms.length) parts.push(`platforms ${v.platforms.map(c).join(', ')}`);
  const missing = plan.platforms.filter((p) => !v.platforms.includes(p));
  if (v.platforms.length && missing.length) parts.push(`missing ${missing.map(c).join(', ')}`);
  return parts.join(' · ');
}

function alert(kind: 'WARNING' | 'NOTE', items: string[]): string {
  return [`> [!${kind}]`, ...items.map((i) => `> - ${i}`)].join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter((i) => i.trim()))];
}

/** "850ms", "4.2s", "42s", "1m 04s", "1h 02m 03s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** Characters that break a line or reorder it visually (bidi overrides, isolates, marks). */
const LINE_UNSAFE = /[\r\n\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/**
 * One label or annotation per line: a value that would break its line or reorder it (a right-to-left override in
 * a repository description) is shown JSON-quoted with those characters as \u escapes, so it reads as it is.
 */
function displayLine(value: string): string {
  if (!LINE_UNSAFE.test(value)) return value;
  return JSON.stringify(value).replace(
    /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
