// `add-hosts`: extra /etc/hosts entries for RUN containers, in docker's `host:ip` or `host=ip` form, the IP plain,
// in square brackets (IPv6) or the special `host-gateway` — the rules buildx applies when it converts them.
import { InputError } from '../errors.js';

export interface HostEntry {
  host: string;
  /** an IP address, or host-gateway */
  ip: string;
  /** the value handed to buildx */
  value: string;
}

export const ADD_HOST_FORM = 'host=ip or host:ip, e.g. db=10.0.0.5, api:[2001:db8::1] or docker=host-gateway';

/** node:net's isIP, passed in: loading node:net costs ~10 ms of the action's start, so only when add-hosts is used. */
export type IsIP = (ip: string) => number;

export function parseAddHost(value: string, isIP: IsIP): HostEntry {
  let sep = value.indexOf('=');
  if (sep < 0) sep = value.indexOf(':');
  const host = sep < 0 ? '' : value.slice(0, sep);
  let ip = sep < 0 ? '' : value.slice(sep + 1);
  if (!host || /\s/.test(host) || !ip) throw new InputError('add-hosts', value, ADD_HOST_FORM);
  if (ip !== 'host-gateway') {
    if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    if (isIP(ip) === 0) throw new InputError('add-hosts', value, `${ADD_HOST_FORM} ("${ip}" is not an IP address)`);
  }
  return { host, ip, value: `${host}=${ip}` };
}
