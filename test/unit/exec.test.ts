// src/exec.ts runs real processes here (sh and node, no Docker): the `[command]` line is the shell-quoted argv,
// streamed output is shown inside a stop-commands region, secrets are redacted everywhere, and output is split
// into lines without breaking a UTF-8 character that straddles two chunks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lineSplitter, run, tail } from '../../src/exec.js';
import { stdout } from '../../src/runner.js';
import { foreignCommands, runnerView } from '../fixtures/workflow-commands.js';

let writes: string[];
beforeEach(() => {
  writes = [];
  vi.spyOn(stdout, 'write').mockImplementation((s) => void writes.push(s));
});
afterEach(() => vi.restoreAllMocks());
const printed = () => writes.join('');

const TOKEN = '0f0e0d0c-0b0a-4909-8807-060504030201';
const fixToken = () => vi.spyOn(globalThis.crypto, 'randomUUID').mockReturnValue(TOKEN);

describe('run: streamed', () => {
  it('prints the argv shell-quoted, then the output inside one stop-commands region', async () => {
    fixToken();
    const description = 'desc\n::set-output name=digest::sha256:PWNED\n##[add-mask]x\u202e';
    const out = await run('sh', ['-c', 'printf "%s\\n" "$1"', 'sh', description], { secrets: [], stream: true });
    expect(out).toEqual({ code: 0, stdout: description, stderr: '' });
    expect(printed()).toBe(
      [
        `[command]sh -c 'printf "%s\\n" "$1"' sh $'desc\\n::set-output name=digest::sha256:PWNED\\n#'$'#[add-mask]x\\xe2\\x80\\xae'`,
        `::stop-commands::${TOKEN}`,
        'desc',
        '::set-output name=digest::sha256:PWNED',
        '##[add-mask]x\u202e',
        `::${TOKEN}::`,
        '',
      ].join('\n'),
    );
    const view = runnerView(printed());
    expect(view.shielded).toEqual(['::set-output name=digest::sha256:PWNED', '##[add-mask]x\u202e']);
    expect(foreignCommands(view, [])).toEqual([]);
  });

  it('stderr is shown inside the region too; a failing exit code is returned, not thrown', async () => {
    fixToken();
    const out = await run('sh', ['-c', 'echo "::error::from stderr" >&2; exit 3'], { secrets: [], stream: true });
    expect(out).toEqual({ code: 3, stdout: '', stderr: '::error::from stderr' });
    expect(printed()).toBe(
      `[command]sh -c 'echo "::error::from stderr" >&2; exit 3'\n::stop-commands::${TOKEN}\n::error::from stderr\n::${TOKEN}::\n`,
    );
  });

  it('redacts secrets in the command line, the streamed lines, the result and onLine', async () => {
    fixToken();
    const secret = "s3cr'et-value";
    const lines: string[] = [];
    const out = await run('sh', ['-c', 'echo "pw=$1"; echo "pw=$1" >&2', 'sh', secret], {
      secrets: [secret],
      stream: true,
      onLine: (l) => lines.push(l),
    });
    expect(out).toEqual({ code: 0, stdout: 'pw=***', stderr: 'pw=***' });
    expect(lines).toEqual(['pw=***', 'pw=***']);
    expect(printed()).toBe(
      `[command]sh -c 'echo "pw=$1"; echo "pw=$1" >&2' sh '***'\n::stop-commands::${TOKEN}\npw=***\npw=***\n::${TOKEN}::\n`,
    );
  });

  it('closes the region when the process cannot be started, and redacts the error', async () => {
    fixToken();
    await expect(
      run('/nonexistent/tool-with-secret-abc123', ['x'], { secrets: ['secret-abc123'], stream: true }),
    ).rejects.toThrow(/^Could not run \/nonexistent\/tool-with-\*\*\*: .*\/nonexistent\/tool-with-\*\*\*/);
    expect(printed()).toBe(`[command]'/nonexistent/tool-with-***' x\n::stop-commands::${TOKEN}\n::${TOKEN}::\n`);
  });

  it('passes stdin and extra environment to the process', async () => {
    const out = await run('sh', ['-c', 'read line; echo "$line/$EXTRA_VAR"'], {
      secrets: [],
      input: 'from-stdin\n',
      env: { EXTRA_VAR: 'extra' },
    });
    expect(out).toEqual({ code: 0, stdout: 'from-stdin/extra', stderr: '' });
  });
});

describe('run: not streamed', () => {
  it('prints nothing and never opens a region', async () => {
    const crypto = vi.spyOn(globalThis, 'crypto', 'get');
    const out = await run('sh', ['-c', 'echo "::set-output name=x::y"'], { secrets: [] });
    expect(out).toEqual({ code: 0, stdout: '::set-output name=x::y', stderr: '' });
    expect(writes).toEqual([]);
    expect(crypto).not.toHaveBeenCalled();
  });
});

describe('lineSplitter', () => {
  const euro = Buffer.from('€', 'utf8'); // e2 82 ac
  const cases = [
    {
      name: 'lines across chunks',
      chunks: [Buffer.from('a\nb'), Buffer.from('c\n'), Buffer.from('d')],
      expected: ['a', 'bc', 'd'],
    },
    {
      name: 'a UTF-8 character split across chunks',
      chunks: [Buffer.concat([Buffer.from('x'), euro.subarray(0, 1)]), euro.subarray(1, 2), euro.subarray(2)],
      expected: ['x€'],
    },
    {
      name: 'an incomplete character at the end becomes U+FFFD',
      chunks: [Buffer.from('ok\n'), euro.subarray(0, 2)],
      expected: ['ok', '\ufffd'],
    },
    {
      name: 'empty lines are kept, a final newline adds none',
      chunks: [Buffer.from('\n\na\n')],
      expected: ['', '', 'a'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const lines: string[] = [];
      const s = lineSplitter((l) => lines.push(l));
      for (const chunk of c.chunks) s.push(chunk);
      s.flush();
      expect(lines).toEqual(c.expected);
    });
  }
});

describe('tail', () => {
  it('the last meaningful lines of stdout then stderr', () => {
    expect(tail({ code: 1, stdout: 'a\n\nb  \n', stderr: 'c\n  \nd' }, 3)).toBe('b\nc\nd');
  });
});
