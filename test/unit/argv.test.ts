// src/argv.ts prints every argv the action shows. Checked two ways: exact text for named cases, and bash itself
// reading the printed text back (`printf '%s\0' <printed>`) into exactly the argv, for hostile values.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { printArgv, printArgvLayout, quoteArg } from '../../src/argv.js';
import { readsAsCommand } from '../../src/runner.js';

/** The argv bash builds from `text` (printed words), as UTF-8 byte strings. */
function bashReads(text: string): Buffer[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${text}`], {
    env: { LC_ALL: 'C.UTF-8', PATH: '/usr/bin:/bin' },
  });
  const args: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 0) {
      args.push(out.subarray(start, i));
      start = i + 1;
    }
  }
  return args;
}

/** What a process receives for `arg` (Node encodes argv as UTF-8; a lone surrogate becomes U+FFFD). */
const bytes = (arg: string) => Buffer.from(arg, 'utf8');

const HOSTILE: { name: string; value: string }[] = [
  { name: 'empty', value: '' },
  { name: 'space', value: 'two words' },
  { name: 'single quote', value: "it's" },
  { name: 'quotes and backslashes', value: `a'b"c\\d\\'e` },
  { name: 'newline', value: 'a\nb' },
  { name: 'CR LF', value: 'line\r\n' },
  { name: 'tab', value: 'a\tb' },
  { name: 'C0 controls and DEL', value: '\u0001\u0007\u001b[31m\u001f\u007f' },
  { name: 'C1 controls (NEL, CSI)', value: 'x\u0085y\u009bz' },
  { name: 'line and paragraph separators', value: 'a\u2028b\u2029c' },
  { name: 'RTL override', value: 'gpj.\u202eexe' },
  { name: 'bidi isolates', value: '\u2066a\u2067b\u2068c\u2069' },
  { name: 'bidi embeddings and marks', value: '\u202a\u202b\u202c\u202d\u200e\u200f\u061c' },
  { name: 'zero-width and BOM', value: 'a\u200bb\u200cc\u200dd\ufeffe\u2060' },
  { name: 'soft hyphen between #', value: '#\u00ad#[set-output name=x;]y' },
  { name: 'no-break and ideographic spaces', value: 'a\u00a0b\u3000c' },
  { name: 'legacy command', value: '##[set-output name=digest;]sha256:PWNED' },
  { name: 'legacy command repeated', value: '###[x##[y]##[' },
  { name: 'legacy command after a newline', value: 'desc\n##[error]x' },
  { name: 'workflow command', value: '::set-output name=digest::sha256:PWNED' },
  { name: 'workflow command after a newline', value: 'description\n::add-mask::x\n  ::stop-commands::x' },
  { name: 'command substitution', value: '$(touch /tmp/pwned) `id` ${HOME}' },
  { name: 'shell operators', value: '| ; & && || > < >> 2>&1 !x' },
  { name: 'globs and braces', value: '* ? [a] {a,b} ~ ~root' },
  { name: 'HTML', value: '<script>alert(1)</script>' },
  { name: 'ANSI-C lookalike', value: "$'\\n'" },
  { name: 'escape letters after a special', value: '\u0001ff\u0085ab' },
  { name: 'leading dash', value: '-rf' },
  { name: 'leading colon', value: ':tag' },
  { name: 'percent escapes', value: '%0A%25' },
  { name: 'emoji and accents', value: 'café 😀 ﬁ' },
  { name: 'variation selector', value: '❤\ufe0f' },
  { name: 'lone surrogate', value: 'a\ud800b' },
];

describe('quoteArg', () => {
  const exact = [
    { name: 'plain value stays bare', arg: 'type=gha,scope=x', expected: 'type=gha,scope=x' },
    { name: 'image ref stays bare', arg: 'ghcr.io/acme/app:1.2@sha256:ab', expected: 'ghcr.io/acme/app:1.2@sha256:ab' },
    { name: 'empty', arg: '', expected: "''" },
    { name: 'space', arg: 'a b', expected: "'a b'" },
    { name: 'single quote', arg: "it's", expected: `'it'\\''s'` },
    { name: 'leading colon is quoted', arg: '::set-output name=x::y', expected: "'::set-output name=x::y'" },
    { name: 'newline', arg: 'a\nb', expected: "$'a\\nb'" },
    { name: 'quote and backslash beside a newline', arg: "x'\\\n", expected: "$'x\\'\\\\\\n'" },
    { name: 'CR and tab', arg: '\r\t', expected: "$'\\r\\t'" },
    { name: 'DEL and ESC', arg: '\u007f\u001b', expected: "$'\\x7f\\x1b'" },
    { name: 'RTL override as UTF-8 bytes', arg: '\u202eabc', expected: "$'\\xe2\\x80\\xaeabc'" },
    { name: 'no-break space', arg: 'a\u00a0b', expected: "$'a\\xc2\\xa0b'" },
    {
      name: 'legacy command split between the two #',
      arg: '##[set-output name=digest;]PWNED',
      expected: "'#''#[set-output name=digest;]PWNED'",
    },
    { name: 'three # before [', arg: '###[', expected: "'##''#['" },
    { name: 'legacy command in an ANSI-C word', arg: 'a\n##[x', expected: "$'a\\n#''#[x'" },
  ];
  for (const c of exact) it(c.name, () => expect(quoteArg(c.arg)).toBe(c.expected));
});

describe('printArgv', () => {
  it('bash reads every hostile argument back exactly', () => {
    const argv = HOSTILE.map((h) => h.value);
    expect(bashReads(printArgv(argv))).toEqual(argv.map(bytes));
  });

  for (const h of HOSTILE) {
    it(`${h.name}: one line, no command, no invisible or reordering character`, () => {
      const printed = printArgv(['docker', 'buildx', 'build', '--label', `x=${h.value}`, h.value]);
      expect(printed).not.toMatch(/[\r\n\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u00ad\ufeff]/);
      expect(printed).not.toContain('##[');
      expect(readsAsCommand(printed)).toBe(false);
      expect(readsAsCommand(`[command]${printed}`)).toBe(false);
    });
  }

  it('bash reads back 300 random strings over a hostile alphabet', () => {
    const alphabet = [
      ...'#[]:;\'"\\$`|&<>(){}*?~!%= -_a\n\r\t',
      '\u0001',
      '\u0085',
      '\u2028',
      '\u202e',
      '\u2066',
      '\u00ad',
      '\u00a0',
      'é',
      '😀',
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const argv = Array.from({ length: 300 }, () =>
      Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        '',
      ),
    );
    const printed = printArgv(argv);
    expect(bashReads(printed)).toEqual(argv.map(bytes));
    expect(printed).not.toContain('##[');
    expect(printed).not.toMatch(/[\r\n\u0085\u2028\u2029\u202e\u2066\u00ad]/);
  });

  it('redacts secrets before quoting, even a secret that quoting would change', () => {
    const secrets = ["pa'ss\nword", 'tok-123456'];
    const printed = printArgv(['docker', 'login', '-p', "pa'ss\nword", '--x', 'a=tok-123456'], { secrets });
    expect(printed).toBe("docker login -p '***' --x 'a=***'");
    expect(bashReads(printed)).toEqual(['docker', 'login', '-p', '***', '--x', 'a=***'].map(bytes));
  });
});

describe('printArgvLayout', () => {
  const argv = [
    'docker',
    'buildx',
    'build',
    '--tag',
    'ghcr.io/a/b:1',
    '--label',
    'org.opencontainers.image.description=line1\n::set-output name=digest::x\n##[error]y',
    '--push',
    '--provenance=false',
    '--secret',
    'id=pip,env=PUBLISH_IMAGE_SECRET_0',
    '.',
  ];

  it('one option with its value per line, sub-command on the first', () => {
    expect(printArgvLayout(argv)).toBe(
      [
        'docker buildx build \\',
        '  --tag ghcr.io/a/b:1 \\',
        "  --label $'org.opencontainers.image.description=line1\\n::set-output name=digest::x\\n#''#[error]y' \\",
        '  --push \\',
        '  --provenance=false \\',
        '  --secret id=pip,env=PUBLISH_IMAGE_SECRET_0 \\',
        '  .',
      ].join('\n'),
    );
  });

  it('bash reads the laid-out text back exactly, continuation lines included', () => {
    const hostile = ['docker', 'buildx', 'build', ...HOSTILE.flatMap((h) => ['--label', h.value])];
    expect(bashReads(printArgvLayout(hostile))).toEqual(hostile.map(bytes));
  });

  it('no line of the layout reads as a workflow command', () => {
    const lines = printArgvLayout(['docker', '--x', '::add-mask::y', '::stop-commands::z', '##[group]w']).split('\n');
    expect(lines).toEqual(['docker \\', "  --x '::add-mask::y' \\", "  '::stop-commands::z' \\", "  '#''#[group]w'"]);
    for (const l of lines) expect(readsAsCommand(l)).toBe(false);
  });

  it('redacts secrets', () => {
    expect(
      printArgvLayout(['docker', 'build', '--build-arg', 'TOKEN=s3cr3t-value'], { secrets: ['s3cr3t-value'] }),
    ).toBe("docker build \\\n  --build-arg 'TOKEN=***'");
  });
});
