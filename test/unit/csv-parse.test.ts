// csv-parse is loaded on demand (src/csv-parse.ts): readInputs loads it when an input holds a double quote or a
// carriage return, and the synchronous readers use it then. The unit setup file loads it for every other test, so
// each test here starts from fresh module instances.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inputEnvName, stdout } from '../../src/runner.js';

const env = (inputs: Record<string, string>) =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));

beforeEach(() => {
  vi.resetModules();
  vi.spyOn(stdout, 'write').mockImplementation(() => undefined);
});

describe('csv-parse on demand', () => {
  it('is not loaded until asked for: a quoted value read before then is an internal error, not a wrong result', async () => {
    const { csvParse } = await import('../../src/csv-parse.js');
    expect(() => csvParse('"a,b",c', {})).toThrow(/csv-parse used before loadCsvParse/);
  });

  it('readInputs loads it for a quoted tag rule and a quoted build-arg, and both are read as CSV', async () => {
    const { readInputs } = await import('../../src/inputs/index.js');
    const { parseTagRules } = await import('../../src/meta/index.js');
    const inputs = await readInputs(
      env({
        images: 'ghcr.io/o/r',
        tags: 'type=raw,"value=a,b"',
        'build-args': '"GREETING=hello, world"',
      }),
    );
    expect(inputs.buildArgs).toEqual(['GREETING=hello, world']);
    expect(parseTagRules(inputs.meta.tags)[0]).toMatchObject({ type: 'raw', value: 'a,b' });
  });

  it('readInputs leaves it unloaded when no input needs it', async () => {
    const { readInputs } = await import('../../src/inputs/index.js');
    await readInputs(env({ images: 'ghcr.io/o/r', tags: 'type=raw,value=a', 'build-args': 'A=1' }));
    const { csvParse } = await import('../../src/csv-parse.js');
    expect(() => csvParse('"a"', {})).toThrow(/before loadCsvParse/);
  });

  it('needsCsvParse: a double quote or a carriage return, nothing else', async () => {
    const { needsCsvParse } = await import('../../src/csv-parse.js');
    expect(['a"b', 'a\r\nb', '"'].map(needsCsvParse)).toEqual([true, true, true]);
    expect(['a,b', 'a\nb', "it's", ''].map(needsCsvParse)).toEqual([false, false, false, false]);
  });
});
