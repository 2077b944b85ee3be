// isoUtc writes what Date.prototype.toISOString writes, without its first-call cost (src/meta/iso-time.ts).
import { describe, expect, it } from 'vitest';
import { isoUtc } from '../../../src/meta/iso-time.js';

describe('isoUtc', () => {
  const times = [
    0,
    Date.UTC(2024, 1, 29, 23, 59, 59, 999), // a leap day, the last millisecond
    Date.UTC(2026, 11, 2, 9, 5, 7, 30),
    Date.UTC(1969, 11, 31, 23, 59, 59, 1), // before the epoch
    Date.UTC(999, 0, 1), // a three-digit year, zero-padded
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    Date.UTC(10000, 0, 1), // the expanded form
    Date.UTC(-1, 0, 1),
    1733130000123,
  ];
  for (const t of times) {
    it(`${new Date(t).toISOString()}`, () => {
      expect(isoUtc(new Date(t))).toBe(new Date(t).toISOString());
    });
  }

  it('an invalid date throws as toISOString does', () => {
    expect(() => isoUtc(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('a day-long sweep in steps of 7 minutes and 13 ms agrees', () => {
    for (let t = Date.UTC(2025, 2, 30); t < Date.UTC(2025, 2, 31); t += 7 * 60_000 + 13) {
      expect(isoUtc(new Date(t))).toBe(new Date(t).toISOString());
    }
  });
});
