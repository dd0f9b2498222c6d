import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorInterface, parseType, typeToString, type Type } from '../../src/types';
import { arbType } from './arbitrary';

const canon = (s: string): string => typeToString(parseType(s));

describe('typeToString', () => {
  it.each([
    'string', 'integer?', 'A | B', 'A & B', '"x" | 1 | true | -2.5', 'T[]', '{[string]: number}',
    '{name: string, age?: integer}', '{name: string, ...}', '{...}', '{}',
    'fun(a: number, b?: string, ...any) -> (string, Error?)', 'fun(self, d: Duration) -> Time',
    'fun<T>(x: T) -> T', 'time.Time', '(A | B)[]', '(A, B)', 'fun() -> (A | B)[]', '(fun() -> A) | B',
    'fun() -> A | B', '(A & B)?', '(A | B) & C', 'A & B | C', '{readonly id: string, "foo-bar": number, [string]: any}',
    'fun() -> (...any)', 'fun() -> (A, B)?', 'string??', 'T?[]', 'T[]?', '(fun())?', '()[]',
  ])('%s is already canonical', (text) => {
    expect(canon(text)).toBe(text);
  });

  it.each([
    ['{T}', 'T[]'],
    ['fun(x: integer): string', 'fun(x: integer) -> string'],
    ['fun(b: string?)', 'fun(b?: string)'],
    ['(string)', 'string'],
    ["'q'", '"q"'],
    ['fun() -> ...any', 'fun() -> (...any)'],
    ['{[string]: any,}', '{[string]: any}'],
  ])('%s prints as %s', (text, expected) => {
    expect(canon(text)).toBe(expected);
  });

  it('named records and interfaces print by name; expand prints their members', () => {
    expect(typeToString(ErrorInterface)).toBe('Error');
    expect(typeToString(ErrorInterface, { expand: true })).toContain('kind: fun(self) -> string');
    const rec: Type = { kind: 'record', name: 'shop.Item', fields: { sku: { type: { kind: 'string' } } } };
    expect(typeToString(rec)).toBe('shop.Item');
    expect(typeToString(rec, { expand: true })).toBe('{sku: string}');
  });

  it('degenerate unions, intersections and tuples', () => {
    expect(typeToString({ kind: 'union', types: [] })).toBe('never');
    expect(typeToString({ kind: 'intersection', types: [] })).toBe('unknown');
    expect(typeToString({ kind: 'tuple', elements: [{ kind: 'nil' }] })).toBe('nil');
    expect(typeToString({ kind: 'array', element: { kind: 'union', types: [{ kind: 'function', params: [], returns: [] }] } })).toBe('(fun())[]');
  });

  it('property: printing is stable through parsing (print ∘ parse ∘ print = print)', () => {
    fc.assert(
      fc.property(arbType, (t) => {
        const text = typeToString(t);
        expect(typeToString(parseType(text))).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('typeToString on self-containing tables', () => {
  it('prints the inner occurrence of a record that contains itself as {...}', () => {
    const fields: Record<string, import('../../src/types').Field> = {};
    const m: import('../../src/types').RecordType = { kind: 'record', fields };
    fields.__index = { type: m };
    fields.get = { type: { kind: 'function', params: [{ name: 'self', type: m }], returns: [{ kind: 'number' }] } };
    expect(typeToString(m)).toBe('{__index: {...}, get: fun(self: {...}) -> number}');
  });
});
