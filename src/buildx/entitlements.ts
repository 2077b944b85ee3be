// `allow`: the privileged entitlements a build may use (`--allow`), as BuildKit and buildx name them. BuildKit
// refuses an unknown one only after the build started; here it is an input error.
import { InputError } from '../errors.js';
import { csvRecord } from './csv.js';

export type Entitlement =
  | { kind: 'network.host' | 'security.insecure' | 'buildx.local.delete'; value: string }
  /** CDI devices: all of them, or one by name with an optional alias */
  | { kind: 'device'; device?: string; alias?: string; value: string };

export const ALLOW_FORM =
  'network.host, security.insecure, device[=<kind|name>[,alias=<kind|name>]] (quoted when it has a comma) or buildx.local.delete';

export function parseEntitlement(value: string): Entitlement {
  if (value === 'network.host' || value === 'security.insecure' || value === 'buildx.local.delete') {
    return { kind: value, value };
  }
  if (value === 'device') return { kind: 'device', value };
  if (value.startsWith('device=')) {
    const fields = csvRecord('allow', value.slice('device='.length), value, ALLOW_FORM);
    const [device, ...rest] = fields;
    let alias: string | undefined;
    for (const f of rest) {
      if (!f.startsWith('alias=') || f.length === 'alias='.length) throw new InputError('allow', value, ALLOW_FORM);
      alias = f.slice('alias='.length);
    }
    if (!device) throw new InputError('allow', value, ALLOW_FORM);
    return { kind: 'device', device, ...(alias ? { alias } : {}), value };
  }
  throw new InputError('allow', value, ALLOW_FORM);
}
