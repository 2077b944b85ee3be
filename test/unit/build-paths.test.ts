import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkBuildPaths } from '../../src/inputs/build.js';
import type { PathKind } from '../../src/buildx/paths.js';

/** A described file system: path → kind. */
const fs = (entries: Record<string, PathKind>) => (path: string) => entries[path];
const TREE = fs({
  '.': 'directory',
  './Dockerfile': 'file',
  api: 'directory',
  'api/Dockerfile': 'directory',
  docs: 'directory',
});

interface PathCase {
  name: string;
  context: string;
  file?: string;
  error?: InputError;
}

const cases: PathCase[] = [
  { name: 'the workspace with its Dockerfile', context: '.' },
  { name: 'a Git URL is BuildKit’s to fetch', context: 'https://github.com/o/r.git#main:api' },
  { name: 'an scp-like Git URL', context: 'git@github.com:o/r.git' },
  { name: "build-push-action's {{defaultContext}} with a subdirectory", context: '{{defaultContext}}:api' },
  { name: 'stdin', context: '-' },
  {
    name: 'a context that does not exist',
    context: 'no/such/dir',
    error: new InputError('context', 'no/such/dir', 'a directory that exists in the workspace (or a git/https URL)'),
  },
  {
    name: 'a file that is a directory',
    context: 'api',
    file: 'api/Dockerfile',
    error: new InputError(
      'file',
      'api/Dockerfile',
      'the path of a Dockerfile (a regular file), relative to the workspace',
    ),
  },
  {
    name: 'a context without a Dockerfile and no file',
    context: 'docs',
    error: new InputError('context', 'docs', 'a directory with a Dockerfile in it, or set `file` to the Dockerfile'),
  },
  { name: 'a context without a Dockerfile, with file given', context: 'docs', file: './Dockerfile' },
];

describe('checkBuildPaths', () => {
  for (const c of cases) {
    it(c.name, () => {
      const check = () => checkBuildPaths(c.context, c.file, TREE);
      if (c.error) expect(check).toThrow(c.error);
      else expect(check).not.toThrow();
    });
  }
});
