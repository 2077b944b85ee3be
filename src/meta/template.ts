// The Handlebars subset metadata-action documents: `{{name}}` and `{{helper 'arg' key='value'}}`, plus
// `{{! comments }}`, `\{{` for a literal brace pair, `{{{triple}}}` and `~` whitespace control.
// Output is never HTML-escaped. A small parser instead of the handlebars package keeps the action's
// start-up fast; block helpers (`{{#if}}`) are not part of the documented syntax and are rejected.
// checkTemplate reads a template against a schema of the names known at its position, so the engine can reject a
// typo when the inputs are read instead of when (and if) an event renders it.

export type Param = string | number | boolean;
export type Helper = (params: Param[], hash: Record<string, Param>) => string;
/** What a template may refer to: plain values or helpers. */
export type Scope = Record<string, string | number | Helper>;

export interface TextNode {
  kind: 'text';
  text: string;
}
export interface ExprNode {
  kind: 'expr';
  /** the expression as written between the braces, trimmed (for messages) */
  text: string;
  name: string;
  params: Array<Param | { ref: string }>;
  hash: Record<string, Param | { ref: string }>;
}
export type TemplateNode = TextNode | ExprNode;

/** A malformed template or an unknown expression; callers turn it into an InputError. */
export class TemplateError extends Error {}

export function hasExpressions(source: string): boolean {
  return source.includes('{{');
}

export function parseTemplate(source: string): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let text = '';
  let i = 0;
  const pushText = () => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  while (i < source.length) {
    if (source.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!source.startsWith('{{', i)) {
      text += source[i++];
      continue;
    }
    const triple = source.startsWith('{{{', i);
    const open = triple ? 3 : 2;
    const close = triple ? '}}}' : '}}';
    let body: string;
    let end: number;
    if (source.startsWith('{{!--', i)) {
      end = source.indexOf('--}}', i + 5);
      if (end < 0) throw new TemplateError('unclosed comment "{{!--"');
      body = '!';
      end += 2;
    } else {
      end = source.indexOf(close, i + open);
      if (end < 0) throw new TemplateError(`unclosed expression at "${source.slice(i)}"`);
      body = source.slice(i + open, end);
    }
    let trimLeft = false;
    let trimRight = false;
    if (body.startsWith('~')) {
      trimLeft = true;
      body = body.slice(1);
    }
    if (body.endsWith('~')) {
      trimRight = true;
      body = body.slice(0, -1);
    }
    if (trimLeft) text = text.replace(/\s+$/, '');
    pushText();
    i = end + close.length;
    if (trimRight) while (i < source.length && /\s/.test(source[i])) i++;
    if (body.startsWith('!')) continue;
    nodes.push(parseExpression(body.trim()));
  }
  pushText();
  return nodes;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*/;

function parseExpression(body: string): ExprNode {
  if (body === '') throw new TemplateError('empty expression "{{}}"');
  if (/^[#/^>&]/.test(body) || body === 'else') {
    throw new TemplateError(`block and partial expressions are not supported: "{{${body}}}"`);
  }
  const tokens = tokenize(body);
  const first = tokens.shift();
  if (!first || first.type !== 'ident') throw new TemplateError(`"{{${body}}}" does not start with a name`);
  const node: ExprNode = { kind: 'expr', text: body, name: first.value as string, params: [], hash: {} };
  for (const tok of tokens) {
    if (tok.type === 'hash') {
      node.hash[tok.key as string] = tok.literal ? (tok.value as Param) : { ref: tok.value as string };
    } else if (Object.keys(node.hash).length > 0) {
      throw new TemplateError(`"{{${body}}}": positional arguments must come before key=value arguments`);
    } else {
      node.params.push(tok.type === 'ident' ? { ref: tok.value as string } : (tok.value as Param));
    }
  }
  return node;
}

interface Token {
  type: 'ident' | 'literal' | 'hash';
  value: Param;
  key?: string;
  literal?: boolean;
}

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let rest = body;
  const literal = (): { value: Param; literal: boolean } | undefined => {
    const q = rest[0];
    if (q === "'" || q === '"') {
      const end = rest.indexOf(q, 1);
      if (end < 0) throw new TemplateError(`unterminated string in "{{${body}}}"`);
      const value = rest.slice(1, end);
      rest = rest.slice(end + 1);
      return { value, literal: true };
    }
    const num = /^-?\d+(?:\.\d+)?(?=\s|$)/.exec(rest);
    if (num) {
      rest = rest.slice(num[0].length);
      return { value: Number(num[0]), literal: true };
    }
    const bool = /^(true|false)(?=\s|$)/.exec(rest);
    if (bool) {
      rest = rest.slice(bool[0].length);
      return { value: bool[1] === 'true', literal: true };
    }
    const id = IDENT.exec(rest);
    if (id) {
      rest = rest.slice(id[0].length);
      return { value: id[0], literal: false };
    }
    return undefined;
  };
  while ((rest = rest.trimStart()) !== '') {
    const hash = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*/.exec(rest);
    if (hash) {
      rest = rest.slice(hash[0].length);
      const v = literal();
      if (!v) throw new TemplateError(`"{{${body}}}": missing value for ${hash[1]}=`);
      tokens.push({ type: 'hash', key: hash[1], value: v.value, literal: v.literal });
      continue;
    }
    const v = literal();
    if (!v) throw new TemplateError(`cannot read "${rest}" in "{{${body}}}"`);
    tokens.push({ type: v.literal ? 'literal' : 'ident', value: v.value });
  }
  return tokens;
}

/** Render a template against a scope. Unknown names throw a TemplateError listing the known ones. */
export function renderTemplate(source: string, scope: Scope): string {
  if (!hasExpressions(source)) return source;
  let out = '';
  for (const node of parseTemplate(source)) {
    out += node.kind === 'text' ? node.text : evaluate(node, scope);
  }
  return out;
}

function unknownExpression(name: string, known: readonly string[]): TemplateError {
  return new TemplateError(`unknown expression "{{${name}}}" (known: ${known.map((k) => `{{${k}}}`).join(', ')})`);
}

function lookup(name: string, scope: Scope): string | number | Helper {
  if (!Object.prototype.hasOwnProperty.call(scope, name)) throw unknownExpression(name, Object.keys(scope));
  return scope[name];
}

// A bare word that names nothing is handed to a helper as its text: `{{commit_date YYYY-MM-DD}}` means the format
// the user typed (checkTemplate has already warned that it should be quoted).
function resolveParam(arg: Param | { ref: string }, scope: Scope): Param {
  if (typeof arg !== 'object') return arg;
  if (!Object.prototype.hasOwnProperty.call(scope, arg.ref)) return arg.ref;
  const v = scope[arg.ref];
  return typeof v === 'function' ? v([], {}) : v;
}

function evaluate(node: ExprNode, scope: Scope): string {
  const target = lookup(node.name, scope);
  if (typeof target !== 'function') {
    if (node.params.length > 0 || Object.keys(node.hash).length > 0) {
      throw new TemplateError(`"{{${node.name}}}" takes no arguments`);
    }
    return String(target);
  }
  const params = node.params.map((p) => resolveParam(p, scope));
  const hash: Record<string, Param> = {};
  for (const [k, v] of Object.entries(node.hash)) hash[k] = resolveParam(v, scope);
  return target(params, hash);
}

/** Checks one helper call without rendering it: throws a TemplateError, returns warnings. */
export type HelperCheck = (node: ExprNode) => string[];

/** What a template may use at one position, known before any context exists. */
export interface TemplateSchema {
  /** names that render to a value and take no arguments, e.g. `{{branch}}` */
  readonly values: readonly string[];
  /** helpers, e.g. `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`, each with its argument check */
  readonly helpers: Readonly<Record<string, HelperCheck>>;
}

/**
 * Check a template against a schema without a context, so a typo is reported on every event and not only on the
 * events that render it. Throws a TemplateError for the first mistake; returns warnings for what still renders.
 */
export function checkTemplate(source: string, schema: TemplateSchema): string[] {
  if (!hasExpressions(source)) return [];
  const warnings: string[] = [];
  for (const node of parseTemplate(source)) {
    if (node.kind === 'text') continue;
    if (schema.values.includes(node.name)) {
      if (node.params.length > 0 || Object.keys(node.hash).length > 0) {
        throw new TemplateError(`"{{${node.name}}}" takes no arguments, got "{{${node.text}}}"`);
      }
    } else if (Object.prototype.hasOwnProperty.call(schema.helpers, node.name)) {
      warnings.push(...schema.helpers[node.name](node));
    } else {
      throw unknownExpression(node.name, [...schema.values, ...Object.keys(schema.helpers)]);
    }
  }
  return warnings;
}

/** Whether the template is exactly `{{raw}}` (metadata-action keeps pre-release tags raw only then). */
export function isRawStatement(source: string): boolean {
  try {
    const nodes = parseTemplate(source);
    return nodes.length === 1 && nodes[0].kind === 'expr' && nodes[0].name === 'raw' && nodes[0].params.length === 0;
  } catch {
    return false;
  }
}
