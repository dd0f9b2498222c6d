// C printf's number conversions (src/runtime/printf.ts). The exact outputs are checked against
// native lua5.3 by test/conformance (format.lua); here: properties over all doubles and the cases
// where JS's own formatting rounds differently from glibc.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFloat, formatInteger } from '../../src/runtime/printf';

const spec = (conv: string, precision?: number, flags = '', width = 0) => ({ conv, precision, flags, width });

describe('printf', () => {
  it('%.17g round-trips every finite double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Number(formatFloat(x, spec('g', 17)))).toBe(x);
    }), { numRuns: 2000 });
  });
  it('%.Ne agrees with toExponential except on exact ties', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (x, p) => {
      const ours = formatFloat(x, spec('e', p));
      // JS drops the sign of -0; C keeps it.
      const js = (Object.is(x, -0) ? '-' : '') + x.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
      if (ours !== js) {
        // Only a tie may differ, and then by one unit in the last place, towards the even digit.
        const digits = (s: string) => BigInt(s.replace(/^-/, '').replace('.', '').replace(/e.*$/, ''));
        expect(digits(js) - digits(ours)).toBe(1n);
        expect(Number(digits(ours) % 2n)).toBe(0);
      }
    }), { numRuns: 2000 });
  });
  it('rounds exact ties half to even, as glibc', () => {
    expect([0.5, 1.5, 2.5, -2.5].map((x) => formatFloat(x, spec('f', 0)))).toEqual(['0', '2', '2', '-2']);
    expect(formatFloat(0.125, spec('f', 2))).toBe('0.12');
    expect(formatFloat(12345678901234.5, spec('g', 14))).toBe('12345678901234');
  });
  it('formats %a like glibc', () => {
    expect(formatFloat(1, spec('a'))).toBe('0x1p+0');
    expect(formatFloat(0.1, spec('a'))).toBe('0x1.999999999999ap-4');
    expect(formatFloat(-3.75, spec('A', 0))).toBe('-0X2P+1');
    expect(formatFloat(2 ** -1074, spec('a'))).toBe('0x0.0000000000001p-1022');
    expect(formatFloat(0, spec('a', undefined, '#'))).toBe('0x0.p+0');
  });
  it('signs, widths and special values', () => {
    expect(formatFloat(-0, spec('g'))).toBe('-0');
    expect(formatFloat(Infinity, spec('f', undefined, '0', 8))).toBe('     inf');
    expect(formatFloat(-(0 / 0), spec('e', undefined, '+'))).toBe('+nan');
    expect(formatFloat(3.14159, spec('f', 2, '0+', 9))).toBe('+00003.14');
    expect(formatFloat(1e6, spec('g', undefined, '#'))).toBe('1.00000e+06');
  });
  it('integers: precision, # and 64-bit two\'s complement for x/o', () => {
    expect(formatInteger(42, spec('d', 5, '+'))).toBe('+00042');
    expect(formatInteger(0, spec('d', 0))).toBe('');
    expect(formatInteger(255, spec('x', undefined, '#', 8))).toBe('    0xff');
    expect(formatInteger(-1, spec('x'))).toBe('ffffffffffffffff');
    expect(formatInteger(8, spec('o', undefined, '#'))).toBe('010');
    expect(formatInteger(-(2n ** 63n), spec('d'))).toBe('-9223372036854775808');
  });
});
