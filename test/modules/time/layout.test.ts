// Go-style layout formatting and parsing (pure functions, no VM).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTime, RFC3339, RFC3339_NANO } from '../../../src/modules/time/layout-format';
import { parseTime } from '../../../src/modules/time/layout-parse';
import { makeInstant, type Instant } from '../../../src/modules/time/instant';

const utc = (sec: number, nsec = 0): Instant => makeInstant(sec, nsec, 0, 'UTC');
const ok = (layout: string, value: string): Instant => {
  const r = parseTime(layout, value);
  if ('error' in r) throw new Error(r.error);
  return r.time;
};

describe('formatTime', () => {
  // 2006-01-02T15:04:05.123456789Z, a Monday.
  const ref = utc(1136214245, 123456789);
  it('formats every element of the reference time', () => {
    expect(formatTime(ref, RFC3339)).toBe('2006-01-02T15:04:05Z');
    expect(formatTime(ref, 'Mon Jan _2 15:04:05 MST 2006')).toBe('Mon Jan  2 15:04:05 UTC 2006');
    expect(formatTime(ref, 'Monday, January 2, 2006 3:04:05 PM')).toBe('Monday, January 2, 2006 3:04:05 PM');
    expect(formatTime(ref, '06/1/2 03:04pm 002 __2')).toBe('06/1/2 03:04pm 002   2');
    expect(formatTime(ref, '15:04:05.000')).toBe('15:04:05.123');
    expect(formatTime(ref, '15:04:05,000000')).toBe('15:04:05,123456');
    expect(formatTime(ref, RFC3339_NANO)).toBe('2006-01-02T15:04:05.123456789Z');
    expect(formatTime(utc(0, 5e8), '05.999')).toBe('00.5');
    expect(formatTime(utc(0), '05.999')).toBe('00');
  });
  it('prints fixed offsets and keeps literal text', () => {
    const t = makeInstant(1136214245 + 7 * 3600, 0, -7 * 3600);
    expect(formatTime(t, RFC3339)).toBe('2006-01-02T15:04:05-07:00');
    expect(formatTime(t, '-0700 -07 Z0700 MST')).toBe('-0700 -07 -0700 -0700');
    expect(formatTime(t, 'at: 15h')).toBe('at: 15h');
  });
  it('handles dates before the epoch and leap days', () => {
    expect(formatTime(utc(-1), RFC3339)).toBe('1969-12-31T23:59:59Z');
    expect(formatTime(ok('2006-01-02', '2024-02-29'), 'Mon 002')).toBe('Thu 060');
  });
});

describe('parseTime', () => {
  it('parses RFC 3339 with and without offset or fraction', () => {
    expect(ok(RFC3339, '2006-01-02T15:04:05Z')).toEqual(utc(1136214245));
    const t = ok(RFC3339, '2006-01-02T08:04:05-07:00');
    expect(t.sec).toBe(1136214245);
    expect(t.offset).toBe(-25200);
    expect(ok(RFC3339, '2006-01-02T15:04:05.25Z').nsec).toBe(250_000_000);
  });
  it('defaults missing elements like Go (year 0, UTC) and applies PM', () => {
    const t = ok('3:04pm', '3:04pm');
    expect(formatTime(t, '2006-01-02 15:04')).toBe('0000-01-01 15:04');
    expect(formatTime(ok('Jan 2 2006 3PM', 'feb 9 2021 12AM'), RFC3339)).toBe('2021-02-09T00:00:00Z');
  });
  it('reports mismatches, ranges and extra text', () => {
    const err = (layout: string, value: string) => {
      const r = parseTime(layout, value);
      return 'error' in r ? r.error : 'no error';
    };
    expect(err(RFC3339, 'yesterday')).toMatch(/cannot parse "yesterday" as "2006"/);
    expect(err('2006-01-02', '2023-13-01')).toMatch(/month out of range/);
    expect(err('2006-01-02', '2023-02-29')).toMatch(/day out of range/);
    expect(err('2006-01-02', '2023-02-01 junk')).toMatch(/extra text: " junk"/);
    expect(err('15:04', '24:00')).toMatch(/hour out of range/);
  });
  it('round-trips RFC 3339 with nanoseconds for any instant', () => {
    fc.assert(fc.property(
      fc.integer({ min: -62135596800 + 50400, max: 253402300799 - 50400 }), fc.integer({ min: 0, max: 999_999_999 }),
      fc.integer({ min: -14 * 60, max: 14 * 60 }),
      (sec, nsec, offMin) => {
        const t = makeInstant(sec, nsec, offMin * 60);
        const back = ok(RFC3339_NANO, formatTime(t, RFC3339_NANO));
        expect([back.sec, back.nsec, back.offset]).toEqual([sec, nsec, offMin * 60]);
      }));
  });
});
