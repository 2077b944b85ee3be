import { describe, expect, test } from 'vitest';
import {
  checkTemplate,
  isRawStatement,
  renderTemplate,
  TemplateError,
  type Scope,
  type TemplateSchema,
} from '../../../src/meta/template.js';

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
    {
      name: 'a bare word naming nothing is passed to a helper as text',
      input: '{{greet YYYY-MM}}',
      expected: 'hello YYYY-MM',
    },
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

describe('checkTemplate', () => {
  const schema: TemplateSchema = {
    values: ['name', 'n'],
    helpers: {
      greet: (node) => (node.params.length > 1 ? [`"{{${node.text}}}" greets one`] : []),
    },
  };
  const cases = [
    { name: 'plain text', input: 'no {expressions}', expected: [] },
    { name: 'known values and helpers', input: "{{name}}-{{ n }}-{{greet 'x'}}", expected: [] },
    { name: "a helper's own check warns", input: "{{greet 'a' 'b'}}", expected: ["\"{{greet 'a' 'b'}}\" greets one"] },
    { name: 'comments and escapes are not expressions', input: '{{! {{nope}} }}\\{{nope}}', expected: [] },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(checkTemplate(input, schema)).toEqual(expected);
  });

  const errors = [
    {
      name: 'an unknown name lists the known ones',
      input: 'x{{nmae}}',
      expected: 'unknown expression "{{nmae}}" (known: {{name}}, {{n}}, {{greet}})',
    },
    {
      name: 'a value with arguments',
      input: "{{name 'x'}}",
      expected: '"{{name}}" takes no arguments, got "{{name \'x\'}}"',
    },
    { name: 'a syntax error', input: '{{name', expected: 'unclosed expression at "{{name"' },
  ];
  test.each(errors)('rejects $name', ({ input, expected }) => {
    expect(() => checkTemplate(input, schema)).toThrow(new TemplateError(expected));
  });
});
