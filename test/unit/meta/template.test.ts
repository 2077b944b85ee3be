import { describe, expect, test } from 'vitest';
import { isRawStatement, renderTemplate, TemplateError, type Scope } from '../../../src/meta/template.js';

const scope: Scope = {
  name: 'world',
  n: 3,
  greet: (params, hash) => `${hash.greeting ?? 'hello'} ${params.join('+')}`,
};

describe('renderTemplate', () => {
  const cases = [
    { name: 'plain text', input: 'no expressions', expected: 'no expressions' },
    { name: 'value', input: 'hi {{name}}', expected: 'hi world' },
    { name: 'number value', input: '{{n}}', expected: '3' },
    { name: 'triple stash', input: '{{{name}}}', expected: 'world' },
    { name: 'helper with params and hash', input: "{{greet 'a' \"b\" greeting='hey'}}", expected: 'hey a+b' },
    { name: 'helper with a name as param', input: '{{greet name}}', expected: 'hello world' },
    { name: 'whitespace control', input: 'a  {{~name~}}  b', expected: 'aworldb' },
    { name: 'long comment', input: 'x{{!-- }} --}}y', expected: 'xy' },
    { name: 'escaped braces', input: '\\{{name}}', expected: '{{name}}' },
    { name: 'single braces are text', input: '{name}', expected: '{name}' },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(renderTemplate(input, scope)).toBe(expected);
  });

  const errors = [
    { name: 'unknown name', input: '{{nope}}' },
    { name: 'value with arguments', input: "{{name 'x'}}" },
    { name: 'unclosed', input: '{{name' },
    { name: 'empty', input: '{{}}' },
    { name: 'block', input: '{{#if name}}x{{/if}}' },
    { name: 'partial', input: '{{> part}}' },
    { name: 'unterminated string', input: "{{greet 'x}}" },
    { name: 'param after hash', input: "{{greet a='1' 'b'}}" },
  ];
  test.each(errors)('rejects $name', ({ input }) => {
    expect(() => renderTemplate(input, scope)).toThrow(TemplateError);
  });
});

describe('isRawStatement', () => {
  const cases = [
    { name: 'exactly {{raw}}', input: '{{raw}}', expected: true },
    { name: 'with spaces', input: '{{ raw }}', expected: true },
    { name: 'with text', input: 'v{{raw}}', expected: false },
    { name: 'other name', input: '{{version}}', expected: false },
    { name: 'broken', input: '{{raw', expected: false },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(isRawStatement(input)).toBe(expected);
  });
});
