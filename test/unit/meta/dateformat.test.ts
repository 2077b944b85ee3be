import dayjs from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat.js';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import weekOfYear from 'dayjs/plugin/weekOfYear.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { describe, expect, test } from 'vitest';
import { formatDate } from '../../../src/meta/index.js';
import { isValidTimeZone } from '../../../src/meta/dateformat.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(advancedFormat);
dayjs.extend(weekOfYear);
dayjs.extend(isoWeek);

const NOW = new Date('2020-01-10T00:30:00Z');

describe('formatDate: documented examples', () => {
  const cases = [
    { name: 'YYYYMMDD', input: { format: 'YYYYMMDD', tz: 'UTC' }, expected: '20200110' },
    { name: 'Tokyo time', input: { format: 'YYYYMMDD-HHmmss', tz: 'Asia/Tokyo' }, expected: '20200110-093000' },
    {
      name: 'long English form',
      input: { format: 'dddd, MMMM Do YYYY, h:mm:ss a', tz: 'UTC' },
      expected: 'Friday, January 10th 2020, 12:30:00 am',
    },
    {
      name: 'escaped text',
      input: { format: 'YYYY-MM-DDTHH:mm:ss.SSS[Z]', tz: 'UTC' },
      expected: '2020-01-10T00:30:00.000Z',
    },
    { name: 'offset tokens', input: { format: 'Z ZZ', tz: 'Asia/Kolkata' }, expected: '+05:30 +0530' },
    { name: 'negative offset', input: { format: 'Z', tz: 'America/New_York' }, expected: '-05:00' },
    { name: 'ISO week', input: { format: 'GGGG-[W]WW', tz: 'UTC' }, expected: '2020-W02' },
    { name: 'locale week', input: { format: 'gggg-ww wo', tz: 'UTC' }, expected: '2020-02 2nd' },
    { name: 'day of year and quarter', input: { format: 'DDDD DDDo Q Qo', tz: 'UTC' }, expected: '010 10th 1 1st' },
    { name: 'k hours', input: { format: 'k kk', tz: 'UTC' }, expected: '24 24' },
    { name: 'unix timestamps', input: { format: 'X x', tz: 'UTC' }, expected: '1578616200 1578616200000' },
    { name: 'zone abbreviation for UTC', input: { format: 'z', tz: 'UTC' }, expected: 'UTC' },
    { name: 'unknown letters pass through', input: { format: 'YYYY-ii', tz: 'UTC' }, expected: '2020-ii' },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(formatDate(NOW, input.format, input.tz)).toBe(expected);
  });
});

describe('formatDate agrees with dayjs (moment-compatible tokens)', () => {
  // X/x are left out: dayjs's tz() shifts the instant they read (moment and formatDate give the true instant).
  const format = 'YYYY YY M MM MMM MMMM D DD Do d dd ddd dddd H HH h hh k kk m mm s ss SSS A a Z ZZ Q w ww W WW';
  const cases = [
    { name: 'UTC new year', input: { date: '2021-01-01T00:00:00.123Z', tz: 'UTC' } },
    { name: 'Tokyo, year end', input: { date: '2020-12-31T20:15:07.009Z', tz: 'Asia/Tokyo' } },
    { name: 'New York DST', input: { date: '2020-07-04T16:05:09.500Z', tz: 'America/New_York' } },
    { name: 'Kathmandu 45-minute offset', input: { date: '2019-03-10T12:00:00.000Z', tz: 'Asia/Kathmandu' } },
    { name: 'Auckland', input: { date: '2024-02-29T23:59:59.999Z', tz: 'Pacific/Auckland' } },
    { name: 'ISO week 53', input: { date: '2020-12-31T12:00:00.000Z', tz: 'UTC' } },
  ];
  test.each(cases)('$name', ({ input }) => {
    const date = new Date(input.date);
    expect(formatDate(date, format, input.tz)).toBe(dayjs(date).tz(input.tz).format(format));
  });
});

describe('formatDate: UTC without Intl gives what Intl gives for a zero-offset zone', () => {
  // Etc/GMT0 takes the Intl path; UTC the direct one. z is left out: the zone names differ (UTC, GMT).
  const format =
    'YYYYYY YYYY YY Q M MM MMM MMMM D DD DDD DDDD Do d dd ddd dddd e E w ww W WW gggg GGGG H HH h hh k kk m mm s ss S SS SSS A a Z ZZ X x';
  const cases = [
    { name: 'the fixed clock', input: '2020-01-10T00:30:00.000Z' },
    { name: 'leap day, last millisecond', input: '2024-02-29T23:59:59.999Z' },
    { name: 'ISO week 53', input: '2020-12-31T12:00:00.000Z' },
    { name: 'year 50', input: '0050-06-01T08:09:10.011Z' },
  ];
  test.each(cases)('$name', ({ input }) => {
    const date = new Date(input);
    expect(formatDate(date, format, 'UTC')).toBe(formatDate(date, format, 'Etc/GMT0'));
  });
});

describe("formatDate: moment's default format", () => {
  const cases = [
    { name: 'UTC: moment UTC mode', input: { tz: 'UTC' }, expected: '2020-01-10T00:30:00Z' },
    { name: 'a zero offset elsewhere: UTC mode too', input: { tz: 'Europe/London' }, expected: '2020-01-10T00:30:00Z' },
    { name: 'an offset', input: { tz: 'Asia/Kolkata' }, expected: '2020-01-10T06:00:00+05:30' },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(formatDate(NOW, undefined, input.tz)).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  const cases = [
    { name: 'UTC', input: 'UTC', expected: true },
    { name: 'utc, as Intl accepts it', input: 'utc', expected: true },
    { name: 'Etc/UTC', input: 'Etc/UTC', expected: true },
    { name: 'an IANA zone', input: 'Asia/Tokyo', expected: true },
    { name: 'an unknown zone', input: 'Mars/Olympus', expected: false },
    { name: 'a military letter', input: 'Z', expected: false },
    { name: 'empty', input: '', expected: false },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(isValidTimeZone(input)).toBe(expected);
  });
});
