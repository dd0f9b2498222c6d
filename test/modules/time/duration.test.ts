// Duration parsing and printing (Go's rules).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, parseDuration, HOUR, MINUTE, MILLISECOND, SECOND } from '../../../src/modules/time/duration';

const nanos = (s: string): number => {
  const r = parseDuration(s);
  if ('error' in r) throw new Error(r.error);
  return r.nanos;
};

describe('parseDuration', () => {
  it('reads units, fractions, signs and sequences', () => {
    expect(nanos('1h30m')).toBe(HOUR + 30 * MINUTE);
    expect(nanos('250ms')).toBe(250 * MILLISECOND);
    expect(nanos('1.5s')).toBe(1.5 * SECOND);
    expect(nanos('-2m3.5s')).toBe(-(2 * MINUTE + 3.5 * SECOND));
    expect(nanos('10us')).toBe(10_000);
    expect(nanos('10µs')).toBe(10_000);
    expect(nanos('7ns')).toBe(7);
    expect(nanos('.5h')).toBe(HOUR / 2);
    expect(nanos('0')).toBe(0);
    expect(nanos('+3s')).toBe(3 * SECOND);
  });
  it('rejects bad text with a reason', () => {
    for (const [text, why] of [['', /empty/], ['1', /missing unit/], ['1d', /unknown unit "d"/], ['h', /expected a number/], ['1.h', /expected a number|missing/], ['-', /empty/]] as const) {
      const r = parseDuration(text);
      if (text === '1.h') { expect('nanos' in r).toBe(true); continue; } // "1." is a number, as in Go
      expect('error' in r ? r.error : '').toMatch(why);
    }
  });
});

describe('formatDuration', () => {
  it('prints like Go', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(HOUR + 30 * MINUTE)).toBe('1h30m0s');
    expect(formatDuration(1.5 * SECOND)).toBe('1.5s');
    expect(formatDuration(250 * MILLISECOND)).toBe('250ms');
    expect(formatDuration(1500)).toBe('1.5µs');
    expect(formatDuration(7)).toBe('7ns');
    expect(formatDuration(-61 * SECOND)).toBe('-1m1s');
    expect(formatDuration(100 * HOUR + 1)).toBe('100h0m0.000000001s');
  });
  it('parse(format(d)) == d for integer nanoseconds', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (d) => {
      expect(nanos(formatDuration(d))).toBe(d);
    }));
  });
});
