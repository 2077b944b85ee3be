// The expressions templates may use, in two forms: scopes that render them for one context, and schemas that check
// a template before any context exists (so a typo is an input error on every event, not only on the events that
// render that template).
import { formatDate, isValidTimeZone } from './dateformat.js';
import { branchName, isDefaultBranch, isPullRef, isTagRef, shortSha, tagName } from './refs.js';
import {
  checkTemplate,
  renderTemplate,
  TemplateError,
  type ExprNode,
  type Helper,
  type Scope,
  type TemplateSchema,
} from './template.js';
import { InputError } from '../errors.js';
import type { MetaContext } from './types.js';

/** A helper rendering `date` with a moment format (default: moment's) and an optional `tz='Zone'` (default `defaultTz`). */
export function dateHelper(date: Date, defaultTz = 'UTC'): Helper {
  return (params, hash) => {
    let tz = defaultTz;
    for (const [key, value] of Object.entries(hash)) {
      if (key !== 'tz') throw new TemplateError(`unknown date attribute "${key}" (only tz='Area/City')`);
      tz = String(value);
    }
    const format = params.length > 0 ? String(params[0]) : undefined;
    try {
      return formatDate(date, format, tz);
    } catch (err) {
      if (err instanceof RangeError) throw new TemplateError(`unknown time zone "${tz}"`);
      throw err;
    }
  };
}

/** The names every template position outside version patterns knows (besides the date helpers). */
export const GLOBAL_VALUES = [
  'branch',
  'tag',
  'sha',
  'base_ref',
  'is_default_branch',
  'is_not_default_branch',
] as const;

/** Every global expression; `ctx` must be the effective context (see refs.effectiveContext). */
export function globalScope(ctx: MetaContext, defaultTz = 'UTC'): Scope {
  return {
    branch: () => branchName(ctx.ref),
    tag: () => tagName(ctx.ref),
    sha: () => shortSha(ctx.sha, ctx.settings.shortShaLength),
    base_ref: () => {
      if (isTagRef(ctx.ref) && typeof ctx.payload.base_ref === 'string') {
        return ctx.payload.base_ref.replace(/^refs\/heads\//, '');
      }
      if (isPullRef(ctx.ref) && ctx.payload.pull_request?.base?.ref !== undefined) {
        return ctx.payload.pull_request.base.ref;
      }
      return '';
    },
    is_default_branch: () => String(isDefaultBranch(ctx)),
    is_not_default_branch: () => String(!isDefaultBranch(ctx)),
    date: dateHelper(ctx.now, defaultTz),
    commit_date: dateHelper(ctx.commitDate, defaultTz),
  };
}

/** The global expressions plus `{{version}}`, the computed main tag ('' when there is none). */
export function computedScope(ctx: MetaContext, version: string): Scope {
  return { ...globalScope(ctx), version };
}

/** `{{date …}}` / `{{commit_date …}}`: at most one format, quoted; only `tz=`, a known zone. */
function checkDate(node: ExprNode, schema: TemplateSchema): string[] {
  const example = `{{${node.name} 'YYYYMMDD' tz='UTC'}}`;
  if (node.params.length > 1) {
    throw new TemplateError(`"{{${node.text}}}" takes one format, e.g. ${example}`);
  }
  const warnings: string[] = [];
  const format = node.params[0];
  if (typeof format === 'object' && !schema.values.includes(format.ref)) {
    // Handlebars reads a bare word as a missing variable, so metadata-action renders its default format here;
    // the format the user typed is what they meant.
    const quoted = node.name + node.text.slice(node.name.length).replace(format.ref, `'${format.ref}'`);
    warnings.push(
      `the format in "{{${node.text}}}" is not quoted; it is rendered as '${format.ref}' (metadata-action ` +
        `ignores it and renders moment's default format, e.g. 2020-01-10T00:30:00Z): write {{${quoted}}}`,
    );
  } else if (format !== undefined && typeof format !== 'string') {
    throw new TemplateError(`"{{${node.text}}}": the format must be a quoted string, e.g. ${example}`);
  }
  for (const [key, value] of Object.entries(node.hash)) {
    if (key !== 'tz') {
      throw new TemplateError(`"{{${node.text}}}": unknown attribute "${key}" (only tz='Area/City')`);
    }
    if (typeof value !== 'string') {
      throw new TemplateError(`"{{${node.text}}}": tz must be a quoted IANA time zone, e.g. tz='Asia/Tokyo'`);
    }
    if (!isValidTimeZone(value)) {
      throw new TemplateError(`"{{${node.text}}}": unknown time zone "${value}" (an IANA name such as 'Asia/Tokyo')`);
    }
  }
  return warnings;
}

function dateHelpers(values: readonly string[]): TemplateSchema {
  const schema: TemplateSchema = {
    values,
    helpers: { date: (n) => checkDate(n, schema), commit_date: (n) => checkDate(n, schema) },
  };
  return schema;
}

/** Tag values, prefixes, suffixes, `enable`, schedule patterns and the flavor's prefix/suffix. */
export const GLOBAL_SCHEMA: TemplateSchema = dateHelpers(GLOBAL_VALUES);
/** Labels, annotations and build values: rendered after the version is known. */
export const COMPUTED_SCHEMA: TemplateSchema = dateHelpers([...GLOBAL_VALUES, 'version']);

/** The start of an InputError's "expected" for a template; the TemplateError says what is wrong and what is known. */
const EXPECTED_TEMPLATE = 'a valid template';

/** A warning about one input value, in the form of InputError's message (the input named first). */
export function inputWarning(input: string, given: string, message: string): string {
  return `Input "${input}": ${JSON.stringify(given)}: ${message}`;
}

/**
 * Check a template at parse time: a mistake throws an InputError naming `input` and showing `given`; what still
 * renders but deserves attention comes back as warnings in the same form.
 */
export function check(
  source: string,
  schema: TemplateSchema,
  input: string,
  given: string,
  expected = EXPECTED_TEMPLATE,
): string[] {
  try {
    return checkTemplate(source, schema).map((w) => inputWarning(input, given, w));
  } catch (err) {
    if (err instanceof TemplateError) throw new InputError(input, given, `${expected}: ${err.message}`);
    throw err;
  }
}

/** Render, turning a template mistake into an InputError naming `input` and showing `given`. */
export function render(
  source: string,
  scope: Scope,
  input: string,
  given: string,
  expected = EXPECTED_TEMPLATE,
): string {
  try {
    return renderTemplate(source, scope);
  } catch (err) {
    if (err instanceof TemplateError) throw new InputError(input, given, `${expected}: ${err.message}`);
    throw err;
  }
}
