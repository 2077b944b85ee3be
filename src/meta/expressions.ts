// The global expressions of tag values, prefixes, suffixes, `enable`, flavor, labels and annotations.
import { DEFAULT_DATE_FORMAT, formatDate } from './dateformat.js';
import { branchName, isDefaultBranch, isPullRef, isTagRef, shortSha, tagName } from './refs.js';
import { renderTemplate, TemplateError, type Helper, type Scope } from './template.js';
import { InputError } from '../errors.js';
import type { MetaContext } from './types.js';

/** A helper rendering `date` with a moment format and an optional `tz='Zone'` (default `defaultTz`). */
export function dateHelper(date: Date, defaultTz = 'UTC'): Helper {
  return (params, hash) => {
    let tz = defaultTz;
    for (const [key, value] of Object.entries(hash)) {
      if (key !== 'tz') throw new TemplateError(`unknown date attribute "${key}" (only tz='Area/City')`);
      tz = String(value);
    }
    const format = params.length > 0 ? String(params[0]) : DEFAULT_DATE_FORMAT;
    try {
      return formatDate(date, format, tz);
    } catch (err) {
      if (err instanceof RangeError) throw new TemplateError(`unknown time zone "${tz}"`);
      throw err;
    }
  };
}

/** `{{date}}` and `{{commit_date}}` only (the documented scope of a schedule pattern). */
export function dateScope(ctx: MetaContext, defaultTz = 'UTC'): Scope {
  return { date: dateHelper(ctx.now, defaultTz), commit_date: dateHelper(ctx.commitDate, defaultTz) };
}

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
    ...dateScope(ctx, defaultTz),
  };
}

const EXPECTED_EXPRESSIONS =
  "known expressions such as {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{date 'YYYYMMDD' tz='UTC'}}, {{commit_date 'YYYYMMDD'}}";

/** Render, turning a template mistake into an InputError naming `input` and showing `given`. */
export function render(
  source: string,
  scope: Scope,
  input: string,
  given: string,
  expected = EXPECTED_EXPRESSIONS,
): string {
  try {
    return renderTemplate(source, scope);
  } catch (err) {
    if (err instanceof TemplateError) throw new InputError(input, given, `${expected}: ${err.message}`);
    throw err;
  }
}
