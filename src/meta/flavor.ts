// `flavor` input: latest=auto|true|false, prefix=<s>[,onlatest=<bool>], suffix=<s>[,onlatest=<bool>].
import { parseBoolean } from '../bool.js';
import { fields } from './csv.js';
import { check, GLOBAL_SCHEMA, inputWarning } from './expressions.js';
import { InputError } from '../errors.js';

export type LatestMode = 'auto' | 'true' | 'false';

export interface Flavor {
  latest: LatestMode;
  /** template added before every tag unless a rule has its own prefix */
  prefix: string;
  /** also put the prefix on `latest` */
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

const EXPECTED =
  'latest=<auto|true|false>, prefix=<string>[,onlatest=<true|false>] or suffix=<string>[,onlatest=<true|false>]';

/** Parse the flavor lines; prefix/suffix templates are checked here, whatever the event. */
export function parseFlavor(lines: readonly string[], warn: (message: string) => void = () => {}): Flavor {
  const flavor: Flavor = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
  for (const line of lines) {
    if (line.trim() === '') continue;
    let last: 'prefix' | 'suffix' | undefined;
    for (const f of fields(line, 'flavor', EXPECTED)) {
      switch (f.key) {
        case 'latest':
          if (f.value !== 'auto' && f.value !== 'true' && f.value !== 'false') {
            throw new InputError('flavor', line, 'latest=auto, latest=true or latest=false');
          }
          flavor.latest = f.value;
          break;
        case 'prefix':
        case 'suffix':
          for (const w of check(f.value, GLOBAL_SCHEMA, 'flavor', line)) warn(w);
          flavor[f.key] = f.value;
          last = f.key;
          break;
        case 'onlatest': {
          const b = parseBoolean(f.value);
          if (b === undefined) throw new InputError('flavor', line, 'onlatest=true or onlatest=false');
          // metadata-action ignores an onlatest that follows no prefix/suffix on its line
          if (last === undefined) {
            warn(
              inputWarning(
                'flavor',
                line,
                'onlatest applies to the prefix= or suffix= before it on the same line; it is ignored ' +
                  '(write e.g. prefix=v,onlatest=true)',
              ),
            );
          } else if (last === 'prefix') flavor.prefixLatest = b;
          else flavor.suffixLatest = b;
          break;
        }
        default:
          throw new InputError('flavor', line, EXPECTED);
      }
    }
  }
  return flavor;
}
