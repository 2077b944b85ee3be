// moment.js format tokens (as metadata-action's `{{date}}` uses moment-timezone), rendered with Intl for the
// time zone: no date library to load at start-up. English names, like moment's default locale.
// UTC, the default zone, is computed without Intl: the first Intl.DateTimeFormat with a timeZone loads ICU's zone
// data, which cost ~30 ms of CPU at start-up (measured; dayjs's UTC mode, the alternative, cost ~7 ms).

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

/** moment's default formats (`moment().format()`): `Z` for a zero offset (moment's UTC mode), else `+hh:mm`. */
const DEFAULT_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
const DEFAULT_FORMAT_UTC = 'YYYY-MM-DDTHH:mm:ss[Z]';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Zone names that are UTC at every instant (compared case-insensitively, as Intl does). */
const UTC_NAMES: ReadonlySet<string> = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'zulu', 'universal']);
const isUtc = (tz: string): boolean => UTC_NAMES.has(tz.toLowerCase());

/** Throws a RangeError for an unknown IANA time zone. */
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  if (isUtc(tz)) return true;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  /** the wall-clock time in the zone, expressed as a UTC instant (read it with getUTC*) */
  wall: Date;
  /** offset from UTC in minutes */
  offset: number;
  instant: Date;
  tz: string;
}

function toWall(date: Date, tz: string): Wall {
  if (isUtc(tz)) return { wall: date, offset: 0, instant: date, tz };
  const parts: Record<string, string> = {};
  for (const p of formatterFor(tz).formatToParts(date)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wallMs = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
    date.getUTCMilliseconds(),
  );
  const wall = new Date(wallMs);
  if (year >= 0 && year < 100) wall.setUTCFullYear(year);
  return { wall, offset: Math.round((wall.getTime() - date.getTime()) / 60_000), instant: date, tz };
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(Math.trunc(n))).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function ordinal(n: number): string {
  const b = n % 10;
  const suffix = Math.floor((n % 100) / 10) === 1 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function offsetString(minutes: number, sep: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60), 2)}${sep}${pad(m % 60, 2)}`;
}

function dayOfYear(d: Date): number {
  return (
    Math.round(
      (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS,
    ) + 1
  );
}

/** Week and week-year, weeks starting on `dow` (0 = Sunday), week 1 containing Jan `7 - doy + dow`... as moment. */
function weekOfYear(d: Date, dow: number, doy: number): { week: number; year: number } {
  // moment's algorithm: the first week is the one containing Jan (7 + dow - doy).
  const weekOffset = (year: number): number => {
    const fwd = 7 + dow - doy;
    const fwdlw = (7 + new Date(Date.UTC(year, 0, fwd)).getUTCDay() - dow) % 7;
    return -fwdlw + fwd - 1;
  };
  const weeksInYear = (year: number): number => {
    const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
    return (daysInYear - weekOffset(year) + weekOffset(year + 1)) / 7;
  };
  const year = d.getUTCFullYear();
  const week = Math.floor((dayOfYear(d) - weekOffset(year) - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(year - 1), year: year - 1 };
  if (week > weeksInYear(year)) return { week: week - weeksInYear(year), year: year + 1 };
  return { week, year };
}

function zoneAbbreviation(w: Wall): string {
  if (isUtc(w.tz)) return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZone: w.tz, timeZoneName: 'short' })
    .formatToParts(w.instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

type TokenFn = (w: Wall) => string;

const TOKENS: Record<string, TokenFn> = {
  YYYYYY: (w) => (w.wall.getUTCFullYear() < 0 ? '-' : '+') + pad(Math.abs(w.wall.getUTCFullYear()), 6),
  YYYYY: (w) => pad(w.wall.getUTCFullYear(), 5),
  YYYY: (w) => (w.wall.getUTCFullYear() <= 9999 ? pad(w.wall.getUTCFullYear(), 4) : `+${w.wall.getUTCFullYear()}`),
  YY: (w) => pad(w.wall.getUTCFullYear() % 100, 2),
  Y: (w) => String(w.wall.getUTCFullYear()),
  Qo: (w) => ordinal(Math.floor(w.wall.getUTCMonth() / 3) + 1),
  Q: (w) => String(Math.floor(w.wall.getUTCMonth() / 3) + 1),
  MMMM: (w) => MONTHS[w.wall.getUTCMonth()],
  MMM: (w) => MONTHS[w.wall.getUTCMonth()].slice(0, 3),
  MM: (w) => pad(w.wall.getUTCMonth() + 1, 2),
  Mo: (w) => ordinal(w.wall.getUTCMonth() + 1),
  M: (w) => String(w.wall.getUTCMonth() + 1),
  DDDD: (w) => pad(dayOfYear(w.wall), 3),
  DDDo: (w) => ordinal(dayOfYear(w.wall)),
  DDD: (w) => String(dayOfYear(w.wall)),
  DD: (w) => pad(w.wall.getUTCDate(), 2),
  Do: (w) => ordinal(w.wall.getUTCDate()),
  D: (w) => String(w.wall.getUTCDate()),
  dddd: (w) => DAYS[w.wall.getUTCDay()],
  ddd: (w) => DAYS[w.wall.getUTCDay()].slice(0, 3),
  dd: (w) => DAYS[w.wall.getUTCDay()].slice(0, 2),
  do: (w) => ordinal(w.wall.getUTCDay()),
  d: (w) => String(w.wall.getUTCDay()),
  e: (w) => String(w.wall.getUTCDay()),
  E: (w) => String(w.wall.getUTCDay() || 7),
  wo: (w) => ordinal(weekOfYear(w.wall, 0, 6).week),
  ww: (w) => pad(weekOfYear(w.wall, 0, 6).week, 2),
  w: (w) => String(weekOfYear(w.wall, 0, 6).week),
  Wo: (w) => ordinal(weekOfYear(w.wall, 1, 4).week),
  WW: (w) => pad(weekOfYear(w.wall, 1, 4).week, 2),
  W: (w) => String(weekOfYear(w.wall, 1, 4).week),
  gggg: (w) => pad(weekOfYear(w.wall, 0, 6).year, 4),
  gg: (w) => pad(weekOfYear(w.wall, 0, 6).year % 100, 2),
  GGGG: (w) => pad(weekOfYear(w.wall, 1, 4).year, 4),
  GG: (w) => pad(weekOfYear(w.wall, 1, 4).year % 100, 2),
  HH: (w) => pad(w.wall.getUTCHours(), 2),
  H: (w) => String(w.wall.getUTCHours()),
  hh: (w) => pad(w.wall.getUTCHours() % 12 || 12, 2),
  h: (w) => String(w.wall.getUTCHours() % 12 || 12),
  kk: (w) => pad(w.wall.getUTCHours() || 24, 2),
  k: (w) => String(w.wall.getUTCHours() || 24),
  mm: (w) => pad(w.wall.getUTCMinutes(), 2),
  m: (w) => String(w.wall.getUTCMinutes()),
  ss: (w) => pad(w.wall.getUTCSeconds(), 2),
  s: (w) => String(w.wall.getUTCSeconds()),
  A: (w) => (w.wall.getUTCHours() < 12 ? 'AM' : 'PM'),
  a: (w) => (w.wall.getUTCHours() < 12 ? 'am' : 'pm'),
  ZZ: (w) => offsetString(w.offset, ''),
  Z: (w) => offsetString(w.offset, ':'),
  zz: zoneAbbreviation,
  z: zoneAbbreviation,
  X: (w) => String(Math.floor(w.instant.getTime() / 1000)),
  x: (w) => String(w.instant.getTime()),
};

// Longest first, as moment's tokenizer; `[...]` is literal text; `S{1,9}` are fractional seconds.
const TOKEN_RE = new RegExp(
  `\\[[^\\[]*\\]|S{1,9}|${Object.keys(TOKENS)
    .sort((a, b) => b.length - a.length)
    .join('|')}|[\\s\\S]`,
  'g',
);

/**
 * Format `date` in time zone `tz` with a moment.js format string (undefined: moment's default format). Throws
 * RangeError for an unknown zone.
 */
export function formatDate(date: Date, format: string | undefined, tz = 'UTC'): string {
  const w = toWall(date, tz);
  return (format ?? (w.offset === 0 ? DEFAULT_FORMAT_UTC : DEFAULT_FORMAT)).replace(TOKEN_RE, (tok) => {
    if (tok.startsWith('[') && tok.endsWith(']') && tok.length >= 2) return tok.slice(1, -1);
    if (/^S+$/.test(tok)) return pad(w.wall.getUTCMilliseconds(), 3).padEnd(tok.length, '0').slice(0, tok.length);
    const fn = TOKENS[tok];
    return fn ? fn(w) : tok;
  });
}
