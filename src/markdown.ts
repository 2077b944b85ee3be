// Escaping helpers for GitHub-flavoured markdown built from untrusted values (branch names, tags, labels, error
// messages). Every helper returns text that is safe inline, inside a table cell, and cannot open raw HTML, links,
// emphasis, headings or block structure.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** ASCII punctuation with a markdown meaning inline (GFM): escaped with a backslash. */
const MARKDOWN_PUNCT = /[\\`*_[\]#|~$]/g;

/** Line breaks of any kind, plus other control characters that have no business in one line of text. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\v\f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Collapse a value to one line: newlines become spaces, other control characters are dropped. */
export function oneLine(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(/\t/g, ' ');
}

/**
 * Plain text for a paragraph, list item or table cell: HTML-escaped (`<script>` comes out as `&lt;script&gt;`),
 * markdown punctuation backslash-escaped (no emphasis, code, links, images, strikethrough; `|` cannot split a
 * table cell), line breaks collapsed, bare URLs kept from being auto-linked.
 */
export function escapeText(value: string): string {
  return oneLine(value)
    .replace(/[&<>]/g, (c) => HTML[c])
    .replace(MARKDOWN_PUNCT, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://') // GFM extended autolinks: https://…
    .replace(/\b([Ww]{3})\./g, '$1\\.') // … and www.… (cases spelled out: /i costs compile time on every start)
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
export function code(value: string): string {
  if (value === '') return '<code></code>';
  if (PLAIN_SPAN.test(value)) return `\`${value}\``;
  const encoded = oneLine(value).replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<code>${encoded}</code>`;
}

/**
 * A message written for people (a notice, warning or reason) that may quote values: text between single backticks
 * (not touching another backtick) becomes inline code (through `code`), the rest is escaped text (through `escapeText`).
 */
export function escapeMessage(value: string): string {
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

/**
 * Longest run of backticks in `text`: a regular expression, not a loop over the characters (it runs on every
 * summary before anything is optimised, where a character loop cost a quarter of a millisecond of the start).
 */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * A fenced code block whose fence is longer than any run of backticks in the content, so no line of the content
 * can close it. The content is shown verbatim (GitHub renders code blocks as text: `<script>` is inert there).
 */
export function fence(content: string, info = ''): string {
  const body = content.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${ticks}${oneLine(info).replace(/`/g, '')}\n${body}\n${ticks}`;
}

/** One table row. Cells must already be escaped (escapeText / code); line breaks are collapsed defensively. */
export function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => oneLine(c)).join(' | ')} |`;
}

/**
 * A link to an https URL, or undefined when the URL is not an absolute https URL (no javascript:, data:, …).
 * Characters that could end the destination or split a table cell are percent-encoded.
 */
export function link(text: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const href = parsed.href.replace(
    /[\s()<>"'`|[\]\\*_]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeText(text)}](${href})`;
}
