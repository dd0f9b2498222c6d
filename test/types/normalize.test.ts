import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, parseType, sameType, typeToString } from '../../src/types';
import { arbType } from './arbitrary';

const norm = (s: string): string => typeToString(normalize(parseType(s)));

describe('normalize', () => {
  it.each([
    ['string??', 'string?'],
    ['string | nil', 'string?'],
    ['nil | string | number', '(string | number)?'],
    ['string? | number', '(string | number)?'],
    ['(A | B) | (C | A)', 'A | B | C'],
    ['A | any | B', 'any'],
    ['A | unknown', 'unknown'],
    ['A | never', 'A'],
    ['never | never', 'never'],
    ['nil?', 'nil'],
    ['"a" | string | "b"', 'string'],
    ['1 | 2.5 | number', 'number'],
    ['1 | integer | 2.5', 'integer | 2.5'],
    ['integer | number', 'number'],
    ['true | false', 'boolean'],
    ['true | boolean', 'boolean'],
    ['A & (B & A)', 'A & B'],
    ['A & never', 'never'],
    ['A & unknown', 'A'],
    ['A & any', 'any'],
    ['(string)', 'string'],
    ['fun(a: string | nil) -> (integer | nil)', 'fun(a?: string) -> integer?'],
    ['{a: string | string, [string]: A | A}', '{a: string, [string]: A}'],
    ['{[string]: nil | A}', '{[string]: A?}'],
    ['(string | nil)[]', 'string?[]'],
  ])('%s → %s', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it('keeps optional T apart from union (T | nil) only in the input, not after normalising', () => {
    expect(sameType(parseType('string?'), parseType('nil | string'))).toBe(true);
    expect(sameType(parseType('string'), parseType('number'))).toBe(false);
  });

  it('property: normalising twice changes nothing', () => {
    fc.assert(fc.property(arbType, (t) => {
      const once = typeToString(normalize(t));
      expect(typeToString(normalize(normalize(t)))).toBe(once);
    }), { numRuns: 1000 });
  });
});
