// The fan-out inputs: `mode` (publish, matrix, build, merge), `runners` (which runner builds which platform) and
// `digests` (legs handed to the merge directly instead of through the run's artifacts).
import { InputError } from '../errors.js';
import { parsePlatform, platformName } from '../platform.js';
import { getInput, type Env } from '../runner.js';
import type { Mode } from '../plan/types.js';
import { lines } from './read.js';

export interface FanoutInputs {
  mode: Mode;
  /** platform (normalised) → runner label(s) for `runs-on` */
  runners: Record<string, string | string[]>;
  /** platform (normalised) → sha256 digest */
  digests: Record<string, string>;
}

const MODES: readonly Mode[] = ['publish', 'matrix', 'build', 'merge'];
const DIGEST = /^sha256:[0-9a-f]{64}$/;

function parseMode(value: string): Mode {
  if (value === '') return 'publish';
  const mode = MODES.find((m) => m === value);
  if (!mode) throw new InputError('mode', value, 'publish, matrix, build or merge');
  return mode;
}

const RUNNERS_EXPECTED = 'a YAML map of platform to runner label(s), e.g. `linux/arm64: ubuntu-24.04-arm`';

async function parseRunners(value: string): Promise<Record<string, string | string[]>> {
  if (!value.trim()) return {};
  // yaml is loaded only when this input is used (start-up time).
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(value);
  } catch {
    throw new InputError('runners', '(unparseable YAML)', RUNNERS_EXPECTED);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError('runners', '(not a map)', RUNNERS_EXPECTED);
  const out: Record<string, string | string[]> = {};
  for (const [key, runner] of Object.entries(doc)) {
    const platform = platformName(parsePlatform('runners', key));
    const labels = Array.isArray(runner) ? runner : [runner];
    if (labels.length === 0 || !labels.every((l) => typeof l === 'string' && /^\S+$/.test(l))) {
      throw new InputError('runners', `${key}: ${JSON.stringify(runner)}`, RUNNERS_EXPECTED);
    }
    out[platform] = Array.isArray(runner) ? (labels as string[]) : (labels[0] as string);
  }
  return out;
}

function parseDigests(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines(value)) {
    const eq = line.indexOf('=');
    const digest = eq > 0 ? line.slice(eq + 1).trim() : '';
    if (eq <= 0 || !DIGEST.test(digest)) {
      throw new InputError('digests', line, 'one platform=sha256:<64 hex> per line, e.g. linux/arm64=sha256:4f2c…');
    }
    const platform = platformName(parsePlatform('digests', line.slice(0, eq).trim()));
    if (out[platform] && out[platform] !== digest) {
      throw new InputError('digests', line, `one digest per platform (${platform} is given twice)`);
    }
    out[platform] = digest;
  }
  return out;
}

export async function readFanoutInputs(env: Env): Promise<FanoutInputs> {
  // an unset input's parser is not called, so never compiled (start-up time)
  const runners = getInput(env, 'runners');
  const digests = getInput(env, 'digests');
  return {
    mode: parseMode(getInput(env, 'mode')),
    runners: runners ? await parseRunners(runners) : {},
    digests: digests ? parseDigests(digests) : {},
  };
}
