// What the entry bundle (dist/index.js, parsed on every start, main and post) must not carry, because it costs every
// run start-up time whether it runs or not (measured by `npm run bench -- --startup`): a regular-expression literal
// with a Unicode property escape (V8 checks its syntax when it parses the script, which loads ICU's property data:
// src/lazy-regexp.ts), and csv-parse (loaded on demand: src/csv-parse.ts). dist/ is the committed bundle, kept fresh
// by scripts/check-dist.sh.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lazyRegExp } from '../../src/lazy-regexp.js';
import { repoRoot } from './workflow-inputs.js';

const dist = join(repoRoot, 'dist');
const entry = readFileSync(join(dist, 'index.js'), 'utf8');
const chunks = readdirSync(dist)
  .filter((f) => /^\d+\.index\.js$/.test(f))
  .map((f) => readFileSync(join(dist, f), 'utf8'));

describe('the entry bundle', () => {
  it('has no regular-expression literal with a Unicode property escape', () => {
    const literals: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) literals.push(node.text);
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile('index.js', entry, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.filter((r) => /\\[pP]\{/.test(r))).toEqual([]);
  });

  it('leaves csv-parse to a chunk', () => {
    // (a boolean, so a failure does not print the whole bundle)
    expect(entry.includes('CSV_INVALID_OPTION')).toBe(false);
    expect(chunks.filter((c) => c.includes('CSV_INVALID_OPTION'))).toHaveLength(1);
  });
});

describe('lazyRegExp', () => {
  it('builds the expression on the first call and returns the same one after', () => {
    const get = lazyRegExp(String.raw`[\p{Cf}]`, 'gu');
    const re = get();
    expect(re.flags).toBe('gu');
    expect('a\u200Bb'.replace(re, '')).toBe('ab');
    expect(get()).toBe(re);
  });
});
