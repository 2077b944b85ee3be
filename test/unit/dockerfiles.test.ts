// Static checks of the two images this repository publishes. They cannot be built here (no PyPI, no GHCR),
// so: dockerfile-utils' validator (the Docker language server's) must report nothing, and the structure
// the workflows and users rely on is asserted instruction by instruction.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationSeverity, validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './workflow-inputs.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

/** Every optional check of the validator turned into an error. */
const strict = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

interface Instruction {
  keyword: string;
  args: string;
  line: number;
  stage: number; // index of the FROM this instruction belongs to; -1 before the first FROM
}

/** Instructions with continuation lines joined and comments dropped (enough for these files). */
function instructions(content: string): Instruction[] {
  const out: Instruction[] = [];
  let buffer = '';
  let start = 0;
  let stage = -1;
  content.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (!buffer && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    if (buffer && line.trimStart().startsWith('#')) return; // comment inside a continuation
    if (!buffer) start = index + 1;
    if (line.endsWith('\\')) {
      buffer += line.slice(0, -1) + ' ';
      return;
    }
    buffer += line;
    const [, keyword, args] = /^\s*(\S+)\s*([\s\S]*)$/.exec(buffer)!;
    if (keyword.toUpperCase() === 'FROM') stage++;
    out.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ').trim(), line: start, stage });
    buffer = '';
  });
  return out;
}

const find = (all: Instruction[], keyword: string, pattern: RegExp | string = /.*/) =>
  all.findIndex(
    (i) => i.keyword === keyword && (typeof pattern === 'string' ? i.args.includes(pattern) : pattern.test(i.args)),
  );

const dockerignorePatterns = (file: string) =>
  read(file)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

describe('dockerfile-utils validation', () => {
  for (const file of ['examplemodel/Dockerfile', 'dockerfile.mlflow']) {
    it(`${file} has no diagnostics, even with every optional check as an error`, () => {
      const content = read(file);
      expect(validate(content)).toEqual([]);
      expect(validate(content, strict)).toEqual([]);
    });
  }

  it('the validator does report a broken Dockerfile (so an empty list means something)', () => {
    const diagnostics = validate('FROM python:3.11-slim\nHEALTHCHECK --interval=3 CMD true\nFROMM x\n', strict);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'time: missing unit in duration 3',
      'Unknown instruction: FROMM',
    ]);
  });
});

describe('examplemodel/Dockerfile', () => {
  const all = instructions(read('examplemodel/Dockerfile'));
  const runtime = Math.max(...all.map((i) => i.stage));

  it('takes the base image from ARG BASE_IMAGE=python:3.11-slim-bookworm in every stage', () => {
    expect(all[0]).toMatchObject({ keyword: 'ARG', args: 'BASE_IMAGE=python:3.11-slim-bookworm', stage: -1 });
    const froms = all.filter((i) => i.keyword === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(1);
    for (const from of froms) expect(from.args).toMatch(/^\$\{BASE_IMAGE\}( AS \w+)?$/);
  });

  it('installs GDAL from apt and builds the Python bindings for exactly that GDAL', () => {
    const build = all.filter((i) => i.stage < runtime);
    expect(build.some((i) => i.keyword === 'RUN' && /apt-get install .*libgdal-dev/.test(i.args))).toBe(true);
    expect(
      build.some(
        (i) =>
          i.keyword === 'RUN' && i.args.includes('pip install --no-build-isolation "GDAL==$(gdal-config --version)"'),
      ),
    ).toBe(true);
    const runtimeRuns = all
      .filter((i) => i.stage === runtime && i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runtimeRuns).toMatch(/apt-get install .*gdal-bin/);
    expect(runtimeRuns).not.toMatch(/libgdal-dev|g\+\+|gcc/);
  });

  it('copies and installs requirements.txt before the code, so code changes reuse the dependency layers', () => {
    const copyRequirements = find(all, 'COPY', /^requirements\.txt /);
    const installRequirements = find(all, 'RUN', /pip install -r \S*requirements\.txt/);
    const copySource = find(all, 'COPY', /^src /);
    expect(copyRequirements).toBeGreaterThanOrEqual(0);
    expect(installRequirements).toBeGreaterThan(copyRequirements);
    expect(copySource).toBeGreaterThan(installRequirements);
    // Nothing that changes with the code is copied before the dependencies are installed.
    const copiesBeforeInstall = all.slice(0, installRequirements).filter((i) => i.keyword === 'COPY');
    expect(copiesBeforeInstall.map((i) => i.args)).toEqual([expect.stringMatching(/^requirements\.txt /)]);
  });

  it('runs as a non-root user with an exec-form ENTRYPOINT and CMD', () => {
    const user = all.filter((i) => i.keyword === 'USER').at(-1);
    expect(user?.stage).toBe(runtime);
    expect(user?.args).not.toMatch(/^(root|0)(:|$)/);
    const entrypoint = all.find((i) => i.keyword === 'ENTRYPOINT');
    const cmd = all.find((i) => i.keyword === 'CMD');
    expect(JSON.parse(entrypoint!.args)).toEqual(['docker-entrypoint.sh']);
    expect(JSON.parse(cmd!.args)).toEqual(['--help']);
  });

  it('the entrypoint runs the model CLI for its subcommands and anything else as given', () => {
    const script = join(repoRoot, 'examplemodel/docker-entrypoint.sh');
    const bin = mkdtempSync(join(tmpdir(), 'fake-python-'));
    try {
      // A stand-in `python` on PATH shows what the entrypoint would execute.
      writeFileSync(join(bin, 'python'), '#!/bin/sh\necho "python $*"\n');
      chmodSync(join(bin, 'python'), 0o755);
      const run = (...args: string[]) =>
        spawnSync('sh', [script, ...args], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } }).stdout;
      expect(run('train', '--epochs', '1')).toBe('python -m campdetect train --epochs 1\n');
      expect(run('predict', '--help')).toBe('python -m campdetect predict --help\n');
      expect(run('--help')).toBe('python -m campdetect --help\n');
      expect(run()).toBe('python -m campdetect\n');
      expect(run('echo', 'hello')).toBe('hello\n');
      expect(run('python', '-c', 'x')).toBe('python -c x\n');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('.dockerignore lets in exactly what the Dockerfile copies', () => {
    const patterns = dockerignorePatterns('examplemodel/.dockerignore');
    expect(patterns[0]).toBe('*');
    const copied = all
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) =>
        i.args
          .split(' ')
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    const allowed = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/\/$/, ''));
    expect(new Set(copied)).toEqual(new Set(allowed));
  });

  it('requirements.txt pins every package and leaves GDAL to the Dockerfile', () => {
    const lines = read('examplemodel/requirements.txt')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('--'));
    for (const line of lines) expect(line).toMatch(/^[A-Za-z0-9._-]+==[0-9][\w.]*$/);
    const names = lines.map((l) => l.split('==')[0].toLowerCase());
    expect(names).toEqual(expect.arrayContaining(['torch', 'torchvision', 'numpy', 'pillow']));
    expect(names).not.toContain('gdal');
  });
});

describe('dockerfile.mlflow', () => {
  const all = instructions(read('dockerfile.mlflow'));
  const runtime = Math.max(...all.map((i) => i.stage));
  const inStage = (stage: number) => all.filter((i) => i.stage === stage);

  it('declares the version ARGs, with the MLflow tag before FROM and empty client pins', () => {
    expect(all[0]).toMatchObject({ keyword: 'ARG', args: 'MLFLOW_VERSION=v3.1.1', stage: -1 });
    const args = all.filter((i) => i.keyword === 'ARG').map((i) => i.args);
    expect(args).toEqual(expect.arrayContaining(['BOTO3_VERSION=', 'PSYCOPG2_VERSION=']));
  });

  it('is multi-stage on ghcr.io/mlflow/mlflow:${MLFLOW_VERSION}: a wheel builder and a runtime without compilers', () => {
    const froms = all.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    expect(froms).toEqual([
      'ghcr.io/mlflow/mlflow:${MLFLOW_VERSION} AS build',
      'ghcr.io/mlflow/mlflow:${MLFLOW_VERSION}',
    ]);
    const buildRuns = inStage(0)
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(buildRuns).toMatch(/apt-get install .*gcc/);
    expect(buildRuns).toMatch(/apt-get install .*libpq-dev/);
    expect(buildRuns).toMatch(/pip wheel --wheel-dir \/wheels/);
    const runtimeRuns = inStage(runtime)
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runtimeRuns).toMatch(/apt-get install .*libpq5/);
    expect(runtimeRuns).not.toMatch(/gcc|libpq-dev/);
    expect(runtimeRuns).toMatch(/pip install --no-index --find-links \/wheels boto3 psycopg2/);
  });

  const pipWheel = all.find((i) => i.keyword === 'RUN' && i.args.startsWith('pip wheel'))!;
  const pinCases = [
    {
      name: 'empty versions install the latest',
      env: { BOTO3_VERSION: '', PSYCOPG2_VERSION: '' },
      expected: ['boto3', 'psycopg2'],
    },
    {
      name: 'set versions pin with ==',
      env: { BOTO3_VERSION: '1.39.4', PSYCOPG2_VERSION: '2.9.10' },
      expected: ['boto3==1.39.4', 'psycopg2==2.9.10'],
    },
    {
      name: 'one pinned, one latest',
      env: { BOTO3_VERSION: '', PSYCOPG2_VERSION: '2.9.10' },
      expected: ['boto3', 'psycopg2==2.9.10'],
    },
  ];
  for (const c of pinCases) {
    it(`requirement specifiers: ${c.name}`, () => {
      // Run the RUN line with /bin/sh (as Docker does) and a `pip` that prints its arguments.
      const script = `pip() { shift 3; printf '%s\\n' "$@"; }\n${pipWheel.args}`;
      const r = spawnSync('sh', ['-c', script], { env: { PATH: '/usr/bin:/bin', ...c.env }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual(c.expected);
    });
  }

  it('sets the Python/pip environment, WORKDIR /app and EXPOSE 5000 in the runtime stage', () => {
    const env = inStage(runtime)
      .filter((i) => i.keyword === 'ENV')
      .flatMap((i) => i.args.split(' '));
    expect(env).toEqual(
      expect.arrayContaining([
        'PYTHONUNBUFFERED=1',
        'PYTHONDONTWRITEBYTECODE=1',
        'PIP_NO_CACHE_DIR=1',
        'PIP_DISABLE_PIP_VERSION_CHECK=1',
      ]),
    );
    expect(inStage(runtime).find((i) => i.keyword === 'WORKDIR')?.args).toBe('/app');
    expect(inStage(runtime).find((i) => i.keyword === 'EXPOSE')?.args).toBe('5000');
  });

  it('serves with mlflow server on 0.0.0.0:5000', () => {
    const cmd = all.filter((i) => i.keyword === 'CMD').at(-1)!;
    expect(JSON.parse(cmd.args)).toEqual(['mlflow', 'server', '--host', '0.0.0.0', '--port', '5000']);
  });

  describe('HEALTHCHECK (python urllib, no curl)', () => {
    const healthcheck = all.find((i) => i.keyword === 'HEALTHCHECK')!;
    const argv: string[] = JSON.parse(healthcheck.args.replace(/^.*?CMD /, ''));
    const code = argv[2];

    it('asks http://127.0.0.1:5000/health with Python', () => {
      expect(argv.slice(0, 2)).toEqual(['python', '-c']);
      expect(code).toContain("'http://127.0.0.1:5000/health'");
      expect(all.map((i) => i.args).join('\n')).not.toMatch(/\bcurl\b|\bwget\b/);
    });

    const statusCases = [
      { name: 'healthy server', status: 200, expectedExit: 0 },
      { name: 'unhealthy server', status: 503, expectedExit: 1 },
    ];
    for (const c of statusCases) {
      it(`exits ${c.expectedExit} for a ${c.name} (${c.status})`, async () => {
        const server = createServer((req, res) => {
          res.statusCode = req.url === '/health' ? c.status : 404;
          res.end('OK');
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
          const { port } = server.address() as AddressInfo;
          const local = code.replace('127.0.0.1:5000', `127.0.0.1:${port}`);
          const r = await new Promise<number | null>((resolve) => {
            // Asynchronous: the server answers from this same event loop.
            spawn('python3', ['-c', local], { stdio: 'ignore' }).on('exit', resolve);
          });
          expect(r).toBe(c.expectedExit);
        } finally {
          server.close();
        }
      });
    }
  });

  it('the repository-root .dockerignore sends only dockerfile.mlflow', () => {
    expect(dockerignorePatterns('.dockerignore')).toEqual(['*', '!dockerfile.mlflow']);
    expect(all.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')).toEqual([]);
  });
});
