// The one way this action prints an argv: the `[command]` line of every process it starts, the dry-run's "would
// run" line and the job summary's build command. Arguments carry values from inputs, the event and the repository
// (labels hold the repository description, tags hold branch names), so the printed text must be safe to show:
// - it is bash, and pasting it runs exactly the same argv;
// - no argument can end the line, start a new one or reorder it visually: control characters, line and
//   paragraph separators, bidi overrides and invisible format characters are written with bash's `$'…'` quoting;
// - `##[`, which the runner reads as a (legacy) workflow command anywhere in a line, never appears: it is split
//   across two quoted words, still one argument to the shell;
// - secrets are replaced with *** before quoting (after quoting a secret with a `'` in it would no longer match).
import { lazyRegExp } from './lazy-regexp.js';
import { redact } from './redact.js';

export interface PrintOptions {
  /** values to show as *** */
  secrets?: readonly string[];
}

/** Left bare: characters that mean nothing to bash in an argument. A leading `:` is quoted (`::` starts commands). */
const BARE = /^[A-Za-z0-9_@%+=,./-][A-Za-z0-9_@%+=:,./-]*$/;

/**
 * Characters written as escapes inside `$'…'`: C0/C1 controls and DEL (Cc), format characters such as bidi
 * overrides and isolates, zero-width characters, soft hyphen and BOM (Cf), line and paragraph separators (Zl, Zp),
 * other default-ignorable characters (invisible), spaces other than U+0020 (Zs: they look like a space but are not
 * one) and lone surrogates (Cs, which reach the process as U+FFFD).
 */
const SPECIAL = String.raw`(?! )[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}\p{Zs}]`;
const special = lazyRegExp(SPECIAL, 'u');
const specialAll = lazyRegExp(SPECIAL, 'gu');
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Where `##[` would occur: between its two `#`. */
const LEGACY_COMMAND_SPLIT = /(?<=#)(?=#\[)/;

/** One character inside `$'…'`: a short escape, or its UTF-8 bytes as `\xHH` (exact bytes, whatever the locale). */
function ansiEscape(ch: string): string {
  if (SHORT_ESCAPES[ch]) return SHORT_ESCAPES[ch];
  return [...Buffer.from(ch, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/**
 * Printable ASCII and spaces: nothing to escape. Checked first, so the Unicode-property class above is built only
 * for an argument that is not plain ASCII (src/lazy-regexp.ts says what it costs).
 */
const PRINTABLE_ASCII = /^[ -~]*$/;

/** One word of shell text that is exactly `text` (which holds no `##[`). */
function quoteWord(text: string): string {
  if (BARE.test(text)) return text;
  if (PRINTABLE_ASCII.test(text) || !special().test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  // `$'…'`: backslash and quote are escaped, specials become escapes, everything else is literal.
  return `$'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(specialAll(), ansiEscape)}'`;
}

/** One argument as bash text that reads back as exactly `arg` (a NUL cannot be in an argv and is not handled). */
export function quoteArg(arg: string): string {
  if (arg === '') return "''";
  const parts = arg.split(LEGACY_COMMAND_SPLIT);
  // Adjacent quoted words are one argument to the shell: '…#''#[…' is `…##[…`, yet `##[` is not in the text.
  return parts.map(quoteWord).join('');
}

/** The argv (program first) as one line of bash: `docker buildx build --tag 'a b' …`. */
export function printArgv(argv: readonly string[], opts: PrintOptions = {}): string {
  const secrets = opts.secrets ?? [];
  return argv.map((a) => quoteArg(redact(a, secrets))).join(' ');
}

/** docker / buildx options that take no value, so the layout does not pair them with the next word. */
const FLAGS_WITHOUT_VALUE: ReadonlySet<string> = new Set(['--push', '--load', '--no-cache', '--pull', '--quiet', '-q']);

/**
 * The argv (program first) as bash laid out for reading: the program and its sub-command words (at most two,
 * e.g. `buildx build`) on the first line, then one option with its value per line, continued with ` \`.
 */
export function printArgvLayout(argv: readonly string[], opts: PrintOptions = {}): string {
  const secrets = opts.secrets ?? [];
  const args = argv.map((a) => redact(a, secrets));
  const lines: string[][] = [args.slice(0, 1)];
  let i = 1;
  while (i < args.length && i < 3 && !args[i].startsWith('-')) lines[0].push(args[i++]);
  while (i < args.length) {
    const arg = args[i++];
    const line = [arg];
    if (arg.startsWith('-') && !arg.includes('=') && !FLAGS_WITHOUT_VALUE.has(arg) && i < args.length) {
      line.push(args[i++]);
    }
    lines.push(line);
  }
  return lines.map((l) => l.map(quoteArg).join(' ')).join(' \\\n  ');
}
