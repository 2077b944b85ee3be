// src/runner.ts speaks the runner protocol in place of @actions/core. The protocol cases are @actions/core's own
// (packages/core/__tests__ in actions/toolkit: escaping of commands and properties, legacy and file commands,
// heredoc delimiters, getInput, state), checked here against runner.ts; then the shielding of free text and of
// untrusted streams, read back through a simulation of the runner (test/fixtures/workflow-commands.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendSummary,
  getInput,
  getState,
  hasCommandLine,
  inputEnvName,
  log,
  readsAsCommand,
  saveState,
  setOutputs,
  setSecret,
  stdout,
  untrustedOutput,
} from '../../src/runner.js';
import { foreignCommands, runnerView } from '../fixtures/workflow-commands.js';

let writes: string[];
beforeEach(() => {
  writes = [];
  vi.spyOn(stdout, 'write').mockImplementation((s) => void writes.push(s));
});
afterEach(() => vi.restoreAllMocks());

const printed = () => writes.join('');

type Uuid = `${string}-${string}-${string}-${string}-${string}`;
const T1 = '11111111-1111-4111-8111-111111111111' as Uuid;
const T2 = '22222222-2222-4222-8222-222222222222' as Uuid;
const T3 = '33333333-3333-4333-8333-333333333333' as Uuid;
/** Makes randomUUID return these tokens, in order. */
function tokens(...values: Uuid[]) {
  const spy = vi.spyOn(globalThis.crypto, 'randomUUID');
  for (const v of values) spy.mockReturnValueOnce(v);
  return spy;
}

describe('workflow commands (@actions/core command.test.ts and core.test.ts cases)', () => {
  const cases = [
    { name: 'warning', run: () => log.warning('Warning'), expected: '::warning::Warning\n' },
    {
      name: 'warning escapes the message',
      run: () => log.warning('\r\nwarning\n'),
      expected: '::warning::%0D%0Awarning%0A\n',
    },
    { name: 'notice', run: () => log.notice('Notice'), expected: '::notice::Notice\n' },
    {
      name: 'notice escapes the message',
      run: () => log.notice('\r\nnotice\n'),
      expected: '::notice::%0D%0Anotice%0A\n',
    },
    { name: 'error', run: () => log.error('Error message'), expected: '::error::Error message\n' },
    {
      name: 'error escapes the message',
      run: () => log.error('Error message\r\n\n'),
      expected: '::error::Error message%0D%0A%0A\n',
    },
    {
      name: 'error with a title property',
      run: () => log.error('msg', 'A title'),
      expected: '::error title=A title::msg\n',
    },
    { name: 'debug', run: () => log.debug('Debug'), expected: '::debug::Debug\n' },
    { name: 'debug escapes the message', run: () => log.debug('\r\ndebug\n'), expected: '::debug::%0D%0Adebug%0A\n' },
    {
      name: 'data: every %, CR and LF is escaped, not just the first',
      run: () => log.debug('percent % percent % cr \r cr \r lf \n lf \n'),
      expected: '::debug::percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A\n',
    },
    {
      name: 'data: literal escape sequences are escaped again',
      run: () => log.debug('%25 %25 %0D %0D %0A %0A'),
      expected: '::debug::%2525 %2525 %250D %250D %250A %250A\n',
    },
    {
      name: 'property: %, CR, LF, colon and comma are escaped',
      run: () => log.warning('', 'percent % percent % cr \r cr \r lf \n lf \n colon : colon : comma , comma ,'),
      expected:
        '::warning title=percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A colon %3A colon %3A comma %2C comma %2C::\n',
    },
    {
      name: 'data: colon and comma are not escaped, their escapes are',
      run: () => log.notice('%25 %25 %0D %0D %0A %0A %3A %3A %2C %2C'),
      expected: '::notice::%2525 %2525 %250D %250D %250A %250A %253A %253A %252C %252C\n',
    },
    {
      name: 'setSecret',
      run: () => {
        setSecret('secret val');
        setSecret('multi\nline\r\nsecret');
      },
      expected: '::add-mask::secret val\n::add-mask::multi%0Aline%0D%0Asecret\n',
    },
    { name: 'setSecret ignores an empty value', run: () => setSecret(''), expected: '' },
    { name: 'startGroup', run: () => log.startGroup('my-group'), expected: '::group::my-group\n' },
    { name: 'startGroup escapes the name', run: () => log.startGroup('a\nb'), expected: '::group::a%0Ab\n' },
    { name: 'endGroup', run: () => log.endGroup(), expected: '::endgroup::\n' },
    {
      name: 'legacy setOutputs (no GITHUB_OUTPUT) starts on a fresh line',
      run: () => setOutputs({}, { 'some output': 'some value' }),
      expected: '\n::set-output name=some output::some value\n',
    },
    {
      name: 'legacy setOutputs escapes name and value',
      run: () => setOutputs({}, { 'a,b:c': 'x\ny%' }),
      expected: '\n::set-output name=a%2Cb%3Ac::x%0Ay%25\n',
    },
    {
      name: 'legacy saveState',
      run: () => saveState({}, 'state_1', 'some value'),
      expected: '::save-state name=state_1::some value\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      c.run();
      expect(printed()).toBe(c.expected);
    });
  }
});

describe('file commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-test-'));
  const file = (name: string) => {
    const p = join(dir, `${name}-${Math.random().toString(36).slice(2)}`);
    writeFileSync(p, '');
    return p;
  };
  /** The runner's heredoc reading: `name<<DELIM`, the value's lines, then a line that is exactly DELIM. */
  function readHeredocs(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^(.+?)<<(.+)$/.exec(lines[i]);
      if (!m) continue;
      const value: string[] = [];
      for (i++; lines[i] !== m[2]; i++) {
        if (i >= lines.length) throw new Error(`unterminated heredoc ${m[2]}`);
        value.push(lines[i]);
      }
      out[m[1]] = value.join('\n');
    }
    return out;
  }

  it('setOutputs writes name<<delimiter, the value, the delimiter', () => {
    const f = file('output');
    setOutputs({ GITHUB_OUTPUT: f }, { 'my out': 'out val' });
    expect(readFileSync(f, 'utf8')).toMatch(/^my out<<(ghadelimiter_[a-z0-9]+)\nout val\n\1\n$/);
    expect(printed()).toBe('');
  });

  it('setOutputs appends every output after what the file holds, in order, and each reads back exactly', () => {
    const f = file('output');
    writeFileSync(f, 'earlier<<EOF\nkept\nEOF\n');
    const values = { version: 'master', tags: 'a:1\na:2', empty: '', json: '{\n  "x": 1\n}' };
    setOutputs({ GITHUB_OUTPUT: f }, values);
    expect(readHeredocs(readFileSync(f, 'utf8'))).toEqual({ earlier: 'kept', ...values });
    expect(Object.keys(readHeredocs(readFileSync(f, 'utf8')))).toEqual(['earlier', ...Object.keys(values)]);
    expect(printed()).toBe('');
  });

  it('setOutputs without GITHUB_OUTPUT falls back to one set-output command per output', () => {
    setOutputs({}, { a: '1', b: 'x\ny' });
    expect(printed()).toBe('\n::set-output name=a::1\n\n::set-output name=b::x%0Ay\n');
  });

  it('saveState writes to GITHUB_STATE the same way', () => {
    const f = file('state');
    saveState({ GITHUB_STATE: f }, 'my state', 'out val');
    expect(readFileSync(f, 'utf8')).toMatch(/^my state<<(ghadelimiter_[a-z0-9]+)\nout val\n\1\n$/);
  });

  it('multi-line values, empty values and values that look like heredocs read back exactly', () => {
    const f = file('output');
    const values = {
      multi: 'line 1\nline 2\n\nline 4',
      empty: '',
      heredoc: 'x<<EOF\ny\nEOF',
      crlf: 'a\r\nb',
      trailing: 'ends with a newline\n',
    };
    for (const [k, v] of Object.entries(values)) setOutputs({ GITHUB_OUTPUT: f }, { [k]: v });
    expect(readHeredocs(readFileSync(f, 'utf8'))).toEqual(values);
  });

  it('a value containing the first delimiter drawn gets another one (the containment check)', () => {
    const f = file('output');
    // Math.random drives the delimiter: the first draw spells ghadelimiter_<a><a>, which the value contains.
    const draws = [0.5, 0.5, 0.25, 0.75];
    vi.spyOn(Math, 'random').mockImplementation(() => draws.shift() ?? 0.125);
    const first = `ghadelimiter_${(0.5).toString(36).slice(2)}${(0.5).toString(36).slice(2)}`;
    const second = `ghadelimiter_${(0.25).toString(36).slice(2)}${(0.75).toString(36).slice(2)}`;
    const value = `good stuff\n${first}\nbad: injected=1`;
    setOutputs({ GITHUB_OUTPUT: f }, { out: value });
    expect(readFileSync(f, 'utf8')).toBe(`out<<${second}\n${value}\n${second}\n`);
    expect(readHeredocs(readFileSync(f, 'utf8'))).toEqual({ out: value });
  });

  it('appendSummary appends markdown, ending it with a newline; false without GITHUB_STEP_SUMMARY', () => {
    const f = file('summary');
    expect(appendSummary({ GITHUB_STEP_SUMMARY: f }, '# one')).toBe(true);
    expect(appendSummary({ GITHUB_STEP_SUMMARY: f }, 'two\n')).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe('# one\ntwo\n');
    expect(appendSummary({}, 'x')).toBe(false);
  });
});

describe('inputs and state', () => {
  const env = {
    INPUT_MY_INPUT: 'val',
    INPUT_MISSING: '',
    'INPUT_SPECIAL_CHARS_\'\t"\\': '\'\t"\\ response ',
    INPUT_MULTIPLE_SPACES_VARIABLE: 'I have multiple spaces',
    INPUT_WITH_TRAILING_WHITESPACE: '  some val  ',
    'INPUT_USAGE-PORT': '5000:5000',
    STATE_TEST_1: 'state_val',
  };
  const cases = [
    { name: 'gets an input', input: 'my input', expected: 'val' },
    { name: 'is case-insensitive', input: 'My InPuT', expected: 'val' },
    { name: 'a missing input is empty', input: 'missing', expected: '' },
    { name: 'an unset input is empty', input: 'not set at all', expected: '' },
    { name: 'special characters', input: 'special chars_\'\t"\\', expected: '\'\t"\\ response' },
    { name: 'several spaces', input: 'multiple spaces variable', expected: 'I have multiple spaces' },
    { name: 'trims whitespace', input: 'with trailing whitespace', expected: 'some val' },
    { name: 'keeps hyphens', input: 'usage-port', expected: '5000:5000' },
  ];
  for (const c of cases) it(`getInput ${c.name}`, () => expect(getInput(env, c.input)).toBe(c.expected));

  const names = [
    { name: 'spaces become underscores', input: 'my input', expected: 'INPUT_MY_INPUT' },
    { name: 'hyphens are kept', input: 'sep-tags', expected: 'INPUT_SEP-TAGS' },
    { name: 'upper-cased', input: 'Github-Token', expected: 'INPUT_GITHUB-TOKEN' },
  ];
  for (const c of names) it(`inputEnvName: ${c.name}`, () => expect(inputEnvName(c.input)).toBe(c.expected));

  it('getState reads STATE_<name>, empty when unset', () => {
    expect(getState(env, 'TEST_1')).toBe('state_val');
    expect(getState(env, 'other')).toBe('');
  });
});

describe('readsAsCommand: the runner rules, erring on the safe side', () => {
  const cases = [
    { name: 'plain text', line: 'Logging in to ghcr.io as octocat', expected: false },
    { name: 'colons inside a line', line: 'image ghcr.io/a:1 -> sha256::x', expected: false },
    { name: 'a command', line: '::set-output name=x::y', expected: true },
    { name: 'after spaces and tabs', line: ' \t ::add-mask::x', expected: true },
    { name: 'after NEL (.NET whitespace)', line: '\u0085::error::x', expected: true },
    { name: 'after a no-break space', line: '\u00a0::error::x', expected: true },
    { name: 'after a BOM', line: '\ufeff::error::x', expected: true },
    { name: 'after a soft hyphen (ignorable)', line: '\u00ad::error::x', expected: true },
    { name: 'after a letter', line: 'a::error::x', expected: false },
    { name: 'legacy form anywhere', line: 'text ##[set-output name=x;]y', expected: true },
    { name: 'legacy form split by an ignorable character', line: '#\u200d#[error]x', expected: true },
    { name: 'legacy form split by a control character', line: '#\u0001#[error]x', expected: true },
    { name: 'legacy form split by a tab (erring on the safe side)', line: '#\t#[error]x', expected: true },
    { name: 'no colon and no #', line: 'Removed builder publish-image-1', expected: false },
    { name: 'one # only', line: '# [x] #[y]', expected: false },
  ];
  for (const c of cases) it(c.name, () => expect(readsAsCommand(c.line)).toBe(c.expected));

  const texts = [
    { name: 'a command on the second line', text: 'description\n::set-output name=x::y', expected: true },
    { name: 'after a lone CR (a line break for the runner)', text: 'a\r::add-mask::x', expected: true },
    { name: 'after U+2028 (not a line break for the runner)', text: 'a\u2028::add-mask::x', expected: false },
    { name: 'no command', text: 'line 1\nline 2', expected: false },
  ];
  for (const c of texts) it(`hasCommandLine: ${c.name}`, () => expect(hasCommandLine(c.text)).toBe(c.expected));
});

describe('log.info: text that reads as a command is shown, never executed', () => {
  it('prints plain text as is, without touching crypto', () => {
    const crypto = vi.spyOn(globalThis, 'crypto', 'get');
    log.info('Dry run: would run\n  docker buildx build .');
    expect(printed()).toBe('Dry run: would run\n  docker buildx build .\n');
    expect(crypto).not.toHaveBeenCalled();
  });

  const hostile = [
    { name: 'set-output on its own line', message: 'desc\n::set-output name=digest::sha256:PWNED\n' },
    { name: 'add-mask after spaces', message: 'x\n   ::add-mask::PWNED' },
    { name: 'stop-commands with a guessable token', message: 'x\n::stop-commands::x\n::error::PWNED\n::x::' },
    { name: 'legacy form mid-line', message: 'desc ##[set-output name=digest;]PWNED' },
    { name: 'after a lone CR', message: 'a\r::error::PWNED' },
  ];
  for (const c of hostile) {
    it(`${c.name}: wrapped in stop-commands with a random token`, () => {
      tokens(T1);
      log.info(c.message);
      expect(printed()).toBe(`::stop-commands::${T1}\n${c.message}\n::${T1}::\n`);
      const view = runnerView(printed());
      expect(view.executed.map((e) => e.name)).toEqual(['stop-commands', T1]);
      expect(view.stoppedAtEnd).toBe(false);
      expect(foreignCommands(view, [])).toEqual([]);
    });
  }

  it('draws another token when the message contains the first (in any case)', () => {
    tokens(T1, T2);
    const message = `::${T1.toUpperCase()}::\n::set-output name=x::y`;
    log.info(message);
    expect(printed()).toBe(`::stop-commands::${T2}\n${message}\n::${T2}::\n`);
  });
});

describe('untrustedOutput: a stream shown inside one stop-commands region', () => {
  it('opens the region before the first line and resumes after the last', () => {
    tokens(T1);
    const out = untrustedOutput();
    out.line('#1 [internal] load build definition');
    out.line('::set-output name=digest::sha256:PWNED');
    out.line('##[add-mask]x');
    out.close();
    expect(printed()).toBe(
      [
        `::stop-commands::${T1}`,
        '#1 [internal] load build definition',
        '::set-output name=digest::sha256:PWNED',
        '##[add-mask]x',
        `::${T1}::`,
        '',
      ].join('\n'),
    );
    expect(foreignCommands(runnerView(printed()), [])).toEqual([]);
  });

  it('our own commands issued inside the region resume processing around themselves', () => {
    tokens(T1, T2, T3);
    const out = untrustedOutput();
    out.line('::error::from the stream');
    setSecret('pw-1');
    log.warning('ours');
    log.info('::debug::free text inside the region');
    out.close();
    expect(printed()).toBe(
      [
        `::stop-commands::${T1}`,
        '::error::from the stream',
        `::${T1}::`,
        '::add-mask::pw-1',
        `::stop-commands::${T2}`,
        `::${T2}::`,
        '::warning::ours',
        `::stop-commands::${T3}`,
        '::debug::free text inside the region',
        `::${T3}::`,
        '',
      ].join('\n'),
    );
    const view = runnerView(printed());
    expect(view.executed.map((e) => e.name)).toEqual([
      'stop-commands',
      T1,
      'add-mask',
      'stop-commands',
      T2,
      'warning',
      'stop-commands',
      T3,
    ]);
    expect(view.shielded).toEqual(['::error::from the stream', '::debug::free text inside the region']);
    expect(foreignCommands(view, ['pw-1'])).toEqual([]);
  });

  it('nested regions share one stop/resume pair; close is idempotent', () => {
    tokens(T1);
    const outer = untrustedOutput();
    const inner = untrustedOutput();
    inner.line('::x::');
    inner.close();
    inner.close();
    outer.line('::y::');
    outer.close();
    outer.close();
    expect(printed()).toBe(`::stop-commands::${T1}\n::x::\n::y::\n::${T1}::\n`);
  });

  it('a line after close is a programming error', () => {
    tokens(T1);
    const out = untrustedOutput();
    out.close();
    expect(() => out.line('late')).toThrow('untrustedOutput: line() after close()');
  });
});

describe('the runner simulation (test/fixtures/workflow-commands.ts) finds what it must', () => {
  const cases = [
    {
      name: 'a bare set-output line',
      stdout: 'text\n::set-output name=digest::PWNED\n',
      expected: [{ name: 'set-output', properties: { name: 'digest' }, data: 'PWNED' }],
    },
    {
      name: 'a legacy command mid-line',
      stdout: 'a ##[set-output name=digest;]PWNED\n',
      expected: [{ name: 'set-output', properties: { name: 'digest' }, data: 'PWNED' }],
    },
    {
      name: 'a stop with a guessable token, then the resume, then a command',
      stdout: '::stop-commands::abc\n::error::hidden\n::ABC::\n::add-mask::PWNED\n',
      expected: [
        { name: 'stop-commands', properties: {}, data: 'abc' },
        { name: 'ABC', properties: {}, data: '' },
        { name: 'add-mask', properties: {}, data: 'PWNED' },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const foreign = foreignCommands(runnerView(c.stdout), []);
      expect(foreign.map(({ name, properties, data }) => ({ name, properties, data }))).toEqual(c.expected);
    });
  }
});
