// List inputs read as docker/actions-toolkit's getInputList reads them (build-push-action's rules), and buildx's
// own CSV reading of one flag value.
import { describe, expect, it } from 'vitest';
import { csvField, csvPairs, csvRecord } from '../../src/buildx/csv.js';
import { inputList, type ListOptions } from '../../src/buildx/input-list.js';

interface ListCase {
  name: string;
  raw: string;
  opts?: ListOptions;
  expected: string[];
}

const lists: ListCase[] = [
  { name: 'empty', raw: '', expected: [] },
  { name: 'only whitespace', raw: '  \n ', expected: [] },
  {
    name: 'commas and newlines separate items',
    raw: 'linux/amd64,linux/arm64\nlinux/arm/v7',
    expected: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
  },
  {
    name: 'ignoreComma: one item a line',
    raw: 'type=gha,scope=a\ntype=local,src=/c',
    opts: { ignoreComma: true },
    expected: ['type=gha,scope=a', 'type=local,src=/c'],
  },
  { name: 'items trimmed, blank lines skipped', raw: '  a , b \n\n\n c ', expected: ['a', 'b', 'c'] },
  { name: 'CRLF line ends', raw: 'A=1\r\nB=2', opts: { ignoreComma: true }, expected: ['A=1', 'B=2'] },
  { name: 'a quoted field keeps its comma among other fields', raw: '"a,b",c', expected: ['a,b', 'c'] },
  { name: 'a quoted field alone is split at its commas (as getInputList does)', raw: '"a,b"', expected: ['a', 'b'] },
  {
    name: 'ignoreComma joins quoted fields without their quotes',
    raw: '"name=a,b",push=true',
    opts: { ignoreComma: true },
    expected: ['name=a,b,push=true'],
  },
  {
    name: 'quote: false keeps the quotes for buildx',
    raw: 'type=image,"name=a,b",push=true',
    opts: { ignoreComma: true, quote: false },
    expected: ['type=image,"name=a,b",push=true'],
  },
  {
    name: 'a quoted value may span lines',
    raw: '"KEY=line 1\nline 2"\nB=2',
    opts: { ignoreComma: true },
    expected: ['KEY=line 1\nline 2', 'B=2'],
  },
  {
    name: 'a quote inside a field is an ordinary character',
    raw: 'A=ab"cd',
    opts: { ignoreComma: true },
    expected: ['A=ab"cd'],
  },
  {
    name: 'trimWhitespace: false keeps spaces around items',
    raw: '  A=x  \nB=y ',
    opts: { ignoreComma: true, trimWhitespace: false },
    expected: ['  A=x  ', 'B=y '],
  },
  {
    name: 'no comment syntax: # is an ordinary character',
    raw: '# note\nA=1',
    opts: { ignoreComma: true },
    expected: ['# note', 'A=1'],
  },
];

interface CsvCase {
  name: string;
  value: string;
  expected: string[];
}

const records: CsvCase[] = [
  { name: 'plain fields', value: 'type=gha,scope=x', expected: ['type=gha', 'scope=x'] },
  {
    name: 'quoted field with a comma',
    value: 'type=image,"name=a,b",push=true',
    expected: ['type=image', 'name=a,b', 'push=true'],
  },
  { name: 'doubled quote inside a quoted field', value: '"a=say ""hi""",b=1', expected: ['a=say "hi"', 'b=1'] },
  { name: 'empty fields kept', value: 'a,,b,', expected: ['a', '', 'b', ''] },
  { name: 'quoted field last', value: 'x,"y,z"', expected: ['x', 'y,z'] },
  { name: 'spaces kept', value: ' a = b ', expected: [' a = b '] },
];

const csvErrors = [
  {
    name: 'unclosed quote',
    value: 'a,"b',
    message: 'Input "outputs": got "a,\\"b"; expected X (a quoted field is not closed)',
  },
  {
    name: 'text after a closing quote',
    value: '"a"b,c',
    message: 'Input "outputs": got "\\"a\\"b,c"; expected X (text after the closing quote of a field)',
  },
  {
    name: 'bare quote in an unquoted field',
    value: 'a=b"c',
    message: 'Input "outputs": got "a=b\\"c"; expected X (a quote inside a field that does not start with one)',
  },
];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}

describe('inputList', () => {
  for (const c of lists) {
    it(c.name, () => {
      expect(inputList('some-input', c.raw, c.opts)).toEqual(c.expected);
    });
  }
  it('an unclosed quote is an input error naming the input', () => {
    expect(messageOf(() => inputList('cache-from', '"type=gha', { ignoreComma: true }))).toBe(
      'Input "cache-from": got "(list)"; expected one item a line, CSV-quoted where needed (Quote Not Closed: the parsing is finished with an opening quote at line 1)',
    );
  });
});

describe('csvRecord (buildx reading one flag value)', () => {
  for (const c of records) {
    it(c.name, () => {
      expect(csvRecord('outputs', c.value, c.value, 'X')).toEqual(c.expected);
    });
  }
  for (const c of csvErrors) {
    it(`refuses: ${c.name}`, () => {
      expect(messageOf(() => csvRecord('outputs', c.value, c.value, 'X'))).toBe(c.message);
    });
  }
  it('quotes what needs quoting, and reads it back unchanged', () => {
    expect(csvField('src=/a,b')).toBe('"src=/a,b"');
    expect(csvField('a="x"')).toBe('"a=""x"""');
    expect(csvField('plain=1')).toBe('plain=1');
    const pairs: [string, string][] = [
      ['id', 'x'],
      ['src', '/tmp/a,"b"'],
    ];
    expect(csvRecord('x', csvPairs(pairs), '', '')).toEqual(['id=x', 'src=/tmp/a,"b"']);
  });
});
