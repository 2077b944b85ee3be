export const id = 594;
export const ids = [594];
export const modules = {

/***/ 84594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderSummary: () => (/* binding */ renderSummary)
});

// UNUSED EXPORTS: duration

;// CONCATENATED MODULE: ./src/markdown.ts
// Escaping helpers for GitHub-flavoured markdown built from untrusted values (branch names, tags, labels, error
// messages). Every helper returns text that is safe inline, inside a table cell, and cannot open raw HTML, links,
// emphasis, headings or block structure.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** ASCII punctuation with a markdown meaning inline (GFM): escaped with a backslash. */
const MARKDOWN_PUNCT = /[\\`*_[\]#|~$]/g;
/** Line breaks of any kind, plus other control characters that have no business in one line of text. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\v\f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** Collapse a value to one line: newlines become spaces, other control characters are dropped. */
function oneLine(value) {
    return value.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(/\t/g, ' ');
}
/**
 * Plain text for a paragraph, list item or table cell: HTML-escaped (`<script>` comes out as `&lt;script&gt;`),
 * markdown punctuation backslash-escaped (no emphasis, code, links, images, strikethrough; `|` cannot split a
 * table cell), line breaks collapsed, bare URLs kept from being auto-linked.
 */
function escapeText(value) {
    return oneLine(value)
        .replace(/[&<>]/g, (c) => HTML[c])
        .replace(MARKDOWN_PUNCT, (c) => `\\${c}`)
        .replace(/:\/\//g, '\\://') // GFM extended autolinks: https://…
        .replace(/\b(www)\./gi, '$1\\.') // … and www.…
        .replace(/^([-=+]+|\d+[.)])(?=\s|$)/, (m) => m.replace(/[-=+.)]/g, (c) => `\\${c}`)); // list / setext at line start
}
/**
 * Values shown as a plain backtick span: image refs, tags, digests, platforms, cache specs. Anything else (a
 * backtick, pipe, backslash, HTML or markdown punctuation, a line break, leading/trailing space) is entity-encoded.
 */
const PLAIN_SPAN = /^[A-Za-z0-9._:/@+=,%-]+(?: [A-Za-z0-9._:/@+=,%-]+)*$/;
/**
 * A value shown as inline code. Ordinary values become `` `value` ``. Any other value becomes `<code>…</code>` with
 * every ASCII punctuation character written as an HTML entity: a backtick cannot end the span, a pipe cannot split
 * a table cell, `<script>` stays text and nothing inside is parsed as markdown (no emphasis, links or autolinks).
 */
function code(value) {
    if (value === '')
        return '<code></code>';
    if (PLAIN_SPAN.test(value))
        return `\`${value}\``;
    const encoded = oneLine(value).replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<code>${encoded}</code>`;
}
/**
 * A message written for people (a notice, warning or reason) that may quote values: text between single backticks
 * (not touching another backtick) becomes inline code (through `code`), the rest is escaped text (through `escapeText`).
 */
function escapeMessage(value) {
    const line = oneLine(value);
    let out = '';
    let last = 0;
    // a span must not touch another backtick: adjacent spans would merge into one with a different reading
    for (const m of line.matchAll(/(?<!`)`([^`]+)`(?!`)/g)) {
        out += escapeText(line.slice(last, m.index)) + code(m[1]);
        last = m.index + m[0].length;
    }
    return out + escapeText(line.slice(last));
}
/** Longest run of consecutive `ch` in `text`. */
function longestRun(text, ch) {
    let longest = 0;
    let run = 0;
    for (const c of text) {
        run = c === ch ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}
/**
 * A fenced code block whose fence is longer than any run of backticks in the content, so no line of the content
 * can close it. The content is shown verbatim (GitHub renders code blocks as text: `<script>` is inert there).
 */
function fence(content, info = '') {
    const body = content.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    const ticks = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
    return `${ticks}${oneLine(info).replace(/`/g, '')}\n${body}\n${ticks}`;
}
/** One table row. Cells must already be escaped (escapeText / code); line breaks are collapsed defensively. */
function tableRow(cells) {
    return `| ${cells.map((c) => oneLine(c)).join(' | ')} |`;
}
/**
 * A link to an https URL, or undefined when the URL is not an absolute https URL (no javascript:, data:, …).
 * Characters that could end the destination or split a table cell are percent-encoded.
 */
function markdown_link(text, url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:')
        return undefined;
    const href = parsed.href.replace(/[\s()<>"'`|[\]\\*_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${escapeText(text)}](${href})`;
}
/** Quote one argument for a POSIX shell, for display: bare when it only has safe characters. */
function shellQuote(arg) {
    if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg))
        return arg;
    return `'${arg.replace(/'/g, `'\\''`)}'`;
}
/**
 * Replace every occurrence of each secret with `***`. Longer secrets first (one may contain another); each line
 * of a multi-line secret is masked on its own too, as the runner's log masking does.
 */
function redact(text, secrets) {
    const all = new Set();
    for (const s of secrets) {
        if (!s || !s.trim())
            continue;
        all.add(s);
        for (const line of s.split(/\r?\n/))
            if (line.trim().length >= 4)
                all.add(line);
    }
    let out = text;
    for (const s of [...all].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: one GitHub-flavoured markdown page built from the plan and what the effects produced.
// Every value that can come from a branch, tag, label, input or error goes through src/markdown.ts, and every
// secret the plan knows (login passwords, build-secret values) plus `opts.secrets` is masked twice: in each value
// before it is escaped, and in the finished page.

/** Buildx flags that take no value, for laying the command out one option per line. */
const BOOLEAN_FLAGS = new Set(['--push', '--load', '--no-cache', '--pull', '--quiet', '-q']);
function renderSummary(plan, result, opts = {}) {
    const secrets = [
        ...(opts.secrets ?? []),
        ...plan.logins.map((l) => l.password),
        ...Object.values(plan.build.env),
    ];
    const clean = (s) => redact(s, secrets);
    const text = (s) => escapeText(clean(s));
    const c = (s) => code(clean(s));
    const msg = (s) => escapeMessage(clean(s));
    const dryRun = result.status === 'dry-run';
    const build = dryRun ? undefined : result.build;
    const digest = build?.digest;
    const pushed = !dryRun && plan.push && !!digest && plan.images.length > 0;
    const out = [];
    out.push(`## ${heading(plan, result)} ${plan.images.map(c).join(', ')}`.trimEnd(), '');
    if (result.status === 'failure') {
        out.push('**Error**', '', fence(clean(result.error ?? 'the run failed without a message'), 'text'), '');
    }
    // The facts table.
    const rows = [];
    rows.push([plan.images.length === 1 ? 'Image' : 'Images', list(plan.images.map(c))]);
    rows.push(['Tags', plan.meta.tagNames.length ? plan.meta.tagNames.map(c).join(' ') : 'none']);
    if (digest)
        rows.push(['Digest', c(digest)]);
    rows.push(['Platforms', plan.platforms.length ? plan.platforms.map(c).join(', ') : 'builder default']);
    rows.push(['Push', pushRow(plan, result, msg)]);
    if (plan.logins.length) {
        rows.push([
            'Registry login',
            plan.logins.map((l) => `${c(l.registry)} as ${c(l.username)} (${text(l.source)})`).join('<br>'),
        ]);
    }
    rows.push(['Cache', cacheRow(plan, build, msg, c)]);
    const secretCount = Object.keys(plan.build.env).length;
    if (secretCount)
        rows.push(['Build secrets', `${secretCount} (values not shown)`]);
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
    rows.push(['Attestation', attestRow(plan, result, pushed, clean, msg, c)]);
    const verification = verifyRow(plan, result, digest, c);
    if (verification)
        rows.push(['Verification', verification]);
    out.push(tableRow(['', '']), '| --- | --- |', ...rows.map(([k, v]) => tableRow([`**${k}**`, v])), '');
    // Warnings and notices: the plan's, then the run's, without repeats.
    const warnings = unique([...plan.warnings, ...result.warnings]);
    const notices = unique([...plan.notices, ...result.notices]);
    if (warnings.length)
        out.push(summary_alert('WARNING', warnings.map(msg)), '');
    if (notices.length)
        out.push(summary_alert('NOTE', notices.map(msg)), '');
    if (pushed && digest) {
        const refs = plan.images.map((image) => clean(`${image}@${digest}`));
        out.push('### Use it', '', fence(refs.map((r) => `docker pull ${shellQuote(r)}`).join('\n'), 'sh'), '');
        out.push(fence(compose(plan, refs[0], clean), 'yaml'), '');
    }
    if (dryRun) {
        out.push(details('Build command', fence(command(plan.build.argv.map(clean)), 'sh')), '');
        out.push(details(`Labels (${plan.meta.labels.length})`, fence(plan.meta.labels.map((l) => displayLine(clean(l))).join('\n'), 'text')), '');
        if (plan.meta.annotations.length) {
            out.push(details(`Annotations (${plan.meta.annotations.length})`, fence(plan.meta.annotations.map((a) => displayLine(clean(a))).join('\n'), 'text')), '');
        }
    }
    return redact(out.join('\n').replace(/\n+$/, '\n'), secrets);
}
function heading(plan, result) {
    switch (result.status) {
        case 'failure':
            return '❌ Failed:';
        case 'dry-run':
            return '🧪 Dry run (plan only):';
        case 'success':
            return plan.push ? '✅ Published:' : '🔨 Built (not pushed):';
    }
}
function list(items) {
    return items.length ? items.join('<br>') : 'none';
}
/** Why the plan does not push. The plan has no field for it; its "Build only: …" message carries the reason. */
function noPushReason(plan) {
    for (const m of [...plan.warnings, ...plan.notices]) {
        const match = /Build only: (.+?)\. No login/.exec(m);
        if (match)
            return match[1];
    }
    return undefined;
}
function pushRow(plan, result, text) {
    if (plan.push) {
        if (result.status === 'dry-run')
            return 'yes, when run without dry-run';
        return result.build?.digest ? 'yes' : 'yes, but nothing was pushed';
    }
    const reason = noPushReason(plan);
    const why = reason ? text(reason) : '`push: false`';
    return plan.load ? `no, loaded into the local engine (${why})` : `no: ${why}`;
}
function cacheRow(plan, build, text, c) {
    const cache = plan.cache;
    let where;
    switch (cache.source) {
        case 'gha':
            where = `GitHub cache ${cache.service.kind}, scope ${c(cache.scope)}`;
            break;
        case 'inputs': {
            const parts = [];
            if (cache.from.length)
                parts.push(`from ${cache.from.map(c).join(', ')}`);
            if (cache.to.length)
                parts.push(`to ${cache.to.map(c).join(', ')}`);
            where = parts.join('; ');
            break;
        }
        case 'none':
            where = `none: ${text(cache.reason)}`;
            break;
    }
    if (build && build.steps.total > 0)
        where += ` · ${build.steps.cached} of ${build.steps.total} steps cached`;
    return where;
}
function attestRow(plan, result, pushed, clean, msg, c) {
    const a = result.attestation;
    if (a) {
        const name = a.attestationId ? `build provenance #${a.attestationId}` : 'build provenance';
        const shown = (a.attestationUrl && markdown_link(clean(name), clean(a.attestationUrl))) || escapeText(clean(name));
        const where = plan.attest.pushToRegistry && a.referrers.length ? ', also pushed to the registry' : '';
        return shown + where;
    }
    if (!plan.attest.enabled)
        return `no: ${msg(plan.attest.reason)}`;
    if (result.status === 'dry-run')
        return `planned for ${plan.attest.subjects.map(c).join(', ')}`;
    return pushed ? 'not created (the run stopped before attesting)' : 'not created (nothing was pushed)';
}
function verifyRow(plan, result, digest, c) {
    const v = result.verify;
    if (!v) {
        if (!plan.verify)
            return undefined;
        return result.status === 'dry-run' ? 'planned: read the pushed tags back' : 'not done';
    }
    const parts = [];
    const wrong = digest ? v.tags.filter((t) => t.digest !== digest) : [];
    parts.push(wrong.length
        ? `${v.tags.length - wrong.length} of ${v.tags.length} tags read back at this digest; ` +
            wrong.map((t) => `${c(t.ref)} is at ${c(t.digest)}`).join(', ')
        : `${v.tags.length} ${v.tags.length === 1 ? 'tag' : 'tags'} read back`);
    if (v.platforms.length)
        parts.push(`platforms ${v.platforms.map(c).join(', ')}`);
    const missing = plan.platforms.filter((p) => !v.platforms.includes(p));
    if (v.platforms.length && missing.length)
        parts.push(`missing ${missing.map(c).join(', ')}`);
    return parts.join(' · ');
}
function summary_alert(kind, items) {
    return [`> [!${kind}]`, ...items.map((i) => `> - ${i}`)].join('\n');
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function unique(items) {
    return [...new Set(items.filter((i) => i.trim()))];
}
/** "850ms", "4.2s", "42s", "1m 04s", "1h 02m 03s". */
function duration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return 'unknown';
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 10_000)
        return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    if (h)
        return `${h}h ${pad(m)}m ${pad(s)}s`;
    if (m)
        return `${m}m ${pad(s)}s`;
    return `${s}s`;
}
/** `docker <argv>`, shell-quoted, one option (with its value) per line. */
function command(argv) {
    const lines = [['docker']];
    let i = 0;
    // the sub-command words (buildx build) stay on the first line
    while (i < argv.length && !argv[i].startsWith('-') && i < 2)
        lines[0].push(argv[i++]);
    while (i < argv.length) {
        const arg = argv[i++];
        const line = [arg];
        if (arg.startsWith('-') && !arg.includes('=') && !BOOLEAN_FLAGS.has(arg) && i < argv.length)
            line.push(argv[i++]);
        lines.push(line);
    }
    return lines.map((l) => l.map(shellQuote).join(' ')).join(' \\\n  ');
}
/** One label or annotation per line: a value with a line break is shown JSON-quoted so it stays on its line. */
function displayLine(value) {
    return /[\r\n\u2028\u2029]/.test(value) ? JSON.stringify(value) : value;
}
function yamlScalar(value) {
    return /^[A-Za-z0-9_][A-Za-z0-9_.\/@:+-]*$/.test(value) && !/:(\s|$)/.test(value) ? value : JSON.stringify(value);
}
function compose(plan, ref, clean) {
    const name = plan.summary.usageService || plan.images[0].split('/').pop().split(/[:@]/)[0];
    const lines = ['services:', `  ${yamlScalar(clean(name))}:`, `    image: ${yamlScalar(ref)}`];
    if (plan.summary.usagePort)
        lines.push(`    ports: [${JSON.stringify(clean(plan.summary.usagePort))}]`);
    return lines.join('\n');
}


/***/ })

};
