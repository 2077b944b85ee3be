// Templates in the build's own inputs (`build-args`, and any other value the integrator passes through here).
// With metadata-action a workflow wrote `VERSION=${{ steps.meta.outputs.version }}`; in one step that output does
// not exist yet, so these values may use the engine's expressions for what it computed: the global expressions
// and {{version}}. A value without `{{` is passed through byte for byte.
import { check, COMPUTED_SCHEMA, computedScope, render } from './expressions.js';
import { effectiveContext } from './refs.js';
import { hasExpressions } from './template.js';
import type { MetaContext, Version } from './types.js';

/** What build values render against: the effective context and the computed version. */
export interface MetaScope {
  readonly ctx: MetaContext;
  /** the main tag, '' when no rule gave one */
  readonly version: string;
}

/** The scope of a computed result: pass the same context computeMeta got and its `version`. */
export function metaScope(context: MetaContext, version: Version): MetaScope {
  return { ctx: effectiveContext(context), version: version.main ?? '' };
}

const EXPECTED = 'a valid template (write \\{{ for literal braces)';

/**
 * Check build values before anything runs (whatever the event): a template mistake throws an InputError naming
 * `input` and the value; warnings come back in the same form.
 */
export function checkBuildValues(values: readonly string[], input: string): string[] {
  return values.flatMap((v) => check(v, COMPUTED_SCHEMA, input, v, EXPECTED));
}

/** Render one build value (checked by checkBuildValues) against the computed scope. */
export function renderBuildValue(template: string, input: string, scope: MetaScope): string {
  if (!hasExpressions(template)) return template;
  return render(template, computedScope(scope.ctx, scope.version), input, template, EXPECTED);
}
