import { describe, expect, it } from 'vitest';
import { ErrorInterface, isAssignable, parseType, type Type, type TypeResolver } from '../../src/types';

const P = parseType;
const ok = (from: string, to: string, r?: TypeResolver): boolean => isAssignable(P(from), P(to), r);

describe('isAssignable: primitives, literals, any/unknown/never', () => {
  it.each([
    ['integer', 'number', true], ['number', 'integer', false], ['string', 'string', true],
    ['string', 'number', false], ['"a"', 'string', true], ['string', '"a"', false], ['"a"', '"a"', true],
    ['"a"', '"b"', false], ['1', 'integer', true], ['1.5', 'integer', false], ['1.5', 'number', true],
    ['true', 'boolean', true], ['boolean', 'true | false', true], ['boolean', 'true', false],
    ['any', 'string', true], ['string', 'any', true], ['string', 'unknown', true], ['unknown', 'string', false],
    ['unknown', 'any', true], ['never', 'string', true], ['string', 'never', false], ['nil', 'nil', true],
    ['T', 'string', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(ok(from, to)).toBe(expected);
  });
});

describe('isAssignable: optional, union, intersection', () => {
  it.each([
    ['string', 'string?', true], ['nil', 'string?', true], ['string?', 'string', false],
    ['string?', 'string | nil', true], ['string | nil', 'string?', true], ['string??', 'string?', true],
    ['integer | string', 'number | string', true], ['integer | boolean', 'number | string', false],
    ['string', 'string | number', true], ['A & B', 'A', true], ['A', 'A & B', false], ['A & B', 'A & B', true],
    ['{a: string} & {b: integer}', '{a: string, b: number}', true],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(ok(from, to)).toBe(expected);
  });
});

describe('isAssignable: records, maps, arrays, tuples', () => {
  it.each([
    ['{a: integer}', '{a: number}', true],
    ['{a: integer, b: string}', '{a: number}', false],          // closed target rejects extra fields
    ['{a: integer, b: string}', '{a: number, ...}', true],      // open target accepts them
    ['{a: integer, ...}', '{a: number}', false],                // open source may hold more
    ['{}', '{a?: string}', true],
    ['{}', '{a: string}', false],
    ['{a?: string}', '{a: string}', false],
    ['{a?: string}', '{a: string?}', true],
    ['{a: string}', '{a?: string}', true],
    ['{a: string, b: string}', '{a: string, [string]: string}', true],
    ['{a: string, b: integer}', '{a: string, [string]: string}', false],
    ['{a: string, b: string}', '{[string]: string}', true],
    ['{a: string, ...}', '{[string]: string}', false],
    ['{[string]: integer}', '{[string]: number}', true],
    ['{[string]: string}', '{[string]: number}', false],
    ['integer[]', 'number[]', true],
    ['integer[]', '{[integer]: number}', true],
    ['{[integer]: string}', 'string[]', true],
    ['{}', 'string[]', true],
    ['{a: string}', 'string[]', false],
    ['string[]', '{...}', true],
    ['(string, integer)', '(string, number)', true],
    ['(string)', '(string, integer?)', true],
    ['(string)', '(string, integer)', false],
    ['{...}', 'string', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(ok(from, to)).toBe(expected);
  });
});

describe('isAssignable: functions', () => {
  it.each([
    ['fun(x: number) -> integer', 'fun(x: integer) -> number', true],   // contravariant params, covariant returns
    ['fun(x: integer) -> integer', 'fun(x: number) -> number', false],
    ['fun(x: number) -> number', 'fun(x: number) -> integer', false],
    ['fun()', 'fun(x: string)', true],                                  // extra arguments are ignored
    ['fun(x: string, y: string)', 'fun(x: string)', false],             // y would be missing
    ['fun(x: string, y?: string)', 'fun(x: string)', true],
    ['fun(x?: string)', 'fun(x: string)', true],
    ['fun(x: string)', 'fun(x?: string)', false],
    ['fun(...string)', 'fun(a: string, b: string)', true],
    ['fun(...integer)', 'fun(a: string)', false],
    ['fun(a: string, b: string)', 'fun(...string)', true],
    ['fun(...number)', 'fun(...integer)', true],
    ['fun(...integer)', 'fun(...number)', false],
    ['fun() -> (string, Error?)', 'fun() -> string', true],
    ['fun() -> string', 'fun() -> (string, Error?)', true],
    ['fun() -> string', 'fun() -> (string, integer)', false],
    ['fun() -> (...integer)', 'fun() -> (number, number)', true],       // a variadic return is taken as enough values
    ['fun() -> (...string)', 'fun() -> (number, number?)', false],
    ['fun() -> (string, integer)', 'fun() -> (string, ...number)', true],
    ['fun<T>(x: T) -> T', 'fun(x: string) -> string', true],
    ['fun(self, x: string)', 'fun(self, x: string)', true],
    ['fun(x: string)', 'string', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(ok(from, to)).toBe(expected);
  });
});

describe('isAssignable: interfaces and refs', () => {
  const time: Type = {
    kind: 'interface', name: 'time.Time',
    methods: { unix: { type: P('fun(self) -> integer') }, add: { type: P('fun(self, d: time.Duration) -> time.Time') } },
  };
  const other: Type = { ...time, name: 'other.Time' } as Type;
  const list: Type = P('{value: integer, next: List?}');
  const resolver: TypeResolver = {
    resolve: (name) => ({ 'time.Time': time, 'other.Time': other, List: list, Alias: P('List'), Loop: P('Loop') } as Record<string, Type>)[name],
  };

  it('same name matches; structural otherwise', () => {
    expect(ok('time.Time', 'time.Time')).toBe(true);
    expect(ok('time.Time', 'other.Time', resolver)).toBe(true);
    expect(ok('{unix: fun(self) -> integer}', 'time.Time', resolver)).toBe(false);
    expect(ok('time.Time', '{unix: fun(self) -> number, ...}', resolver)).toBe(true);
    expect(ok('time.Time', 'Error', resolver)).toBe(false);
  });

  it('unresolvable names only match themselves', () => {
    expect(ok('Unknown1', 'Unknown2', resolver)).toBe(false);
    expect(ok('string', 'Nope', resolver)).toBe(false);
  });

  it('recursive types terminate', () => {
    expect(ok('{value: integer, next: nil}', 'List', resolver)).toBe(true);
    expect(ok('Alias', 'List', resolver)).toBe(true);
    expect(ok('List', '{value: number, next: List?}', resolver)).toBe(true);
    expect(ok('Loop', 'string', resolver)).toBe(true); // a pure alias cycle is assumed to hold (the registry rejects it)
  });

  it('Error resolves to ErrorInterface without a resolver', () => {
    expect(isAssignable(ErrorInterface, P('Error'))).toBe(true);
    expect(ok('Error', '{message: fun(self) -> string, ...}')).toBe(true);
    expect(ok('{kind: fun(self) -> string}', 'Error')).toBe(false);
  });
});
