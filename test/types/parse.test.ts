import { describe, expect, it } from 'vitest';
import { parseType, tryParseType, TypeParseError, typeToString } from '../../src/types';

const canon = (s: string): string => typeToString(parseType(s));

describe('parseType: valid notation', () => {
  it.each([
    ['string', { kind: 'string' }],
    ['integer', { kind: 'integer' }],
    ['nil', { kind: 'nil' }],
    ['unknown', { kind: 'unknown' }],
    ['never', { kind: 'never' }],
    ['any', { kind: 'any' }],
    ['"x"', { kind: 'literal', value: 'x' }],
    ["'y'", { kind: 'literal', value: 'y' }],
    ['-1.5', { kind: 'literal', value: -1.5 }],
    ['true', { kind: 'literal', value: true }],
    ['time.Time', { kind: 'ref', name: 'time.Time' }],
    ['Error', { kind: 'ref', name: 'Error' }],
    ['string?', { kind: 'optional', type: { kind: 'string' } }],
    ['T[]', { kind: 'array', element: { kind: 'ref', name: 'T' } }],
    ['{T}', { kind: 'array', element: { kind: 'ref', name: 'T' } }],
    ['{[string]: number}', { kind: 'map', key: { kind: 'string' }, value: { kind: 'number' } }],
    ['()', { kind: 'tuple', elements: [] }],
  ])('%s', (text, expected) => {
    expect(parseType(text)).toEqual(expected);
  });

  it('unions and intersections with precedence (& binds tighter than |)', () => {
    expect(parseType('A & B | C')).toEqual({
      kind: 'union',
      types: [{ kind: 'intersection', types: [{ kind: 'ref', name: 'A' }, { kind: 'ref', name: 'B' }] }, { kind: 'ref', name: 'C' }],
    });
    expect(canon('(A | B) & C')).toBe('(A | B) & C');
  });

  it('closed record with optional and readonly fields', () => {
    expect(parseType('{name: string, age?: integer, readonly id: string}')).toEqual({
      kind: 'record',
      fields: {
        name: { type: { kind: 'string' } },
        age: { type: { kind: 'integer' }, optional: true },
        id: { type: { kind: 'string' }, readonly: true },
      },
    });
  });

  it('open records end with ...; an indexer may sit beside fields', () => {
    expect(parseType('{name: string, ...}')).toMatchObject({ kind: 'record', open: true });
    expect(parseType('{...}')).toEqual({ kind: 'record', fields: {}, open: true });
    expect(parseType('{n: integer, [string]: any}')).toMatchObject({ kind: 'record', indexer: { key: { kind: 'string' } } });
    expect(parseType('{"foo-bar": number}')).toMatchObject({ kind: 'record', fields: { 'foo-bar': {} } });
  });

  it('a LuaCATS `fun(): A, B` inside a parenthesised return list leaves the list\'s commas alone', () => {
    const t = parseType('fun() -> (fun() -> nil, ...nil)');
    expect(t).toEqual({ kind: 'function', params: [], returns: [{ kind: 'function', params: [], returns: [{ kind: 'nil' }] }], variadicReturn: { kind: 'nil' } });
    expect(parseType('fun(): integer, string')).toMatchObject({ returns: [{ kind: 'integer' }, { kind: 'string' }] });
  });

  it('the full function form', () => {
    expect(parseType('fun(a: number, b?: string, ...any) -> (string, Error?)')).toEqual({
      kind: 'function',
      params: [
        { name: 'a', type: { kind: 'number' } },
        { name: 'b', type: { kind: 'string' }, optional: true },
      ],
      variadic: { kind: 'any' },
      returns: [{ kind: 'string' }, { kind: 'optional', type: { kind: 'ref', name: 'Error' } }],
    });
  });

  it('self parameter, generics and typeparams', () => {
    expect(parseType('fun(self, d: Duration) -> Time')).toMatchObject({
      params: [{ name: 'self', type: { kind: 'self' } }, { name: 'd', type: { kind: 'ref', name: 'Duration' } }],
      returns: [{ kind: 'ref', name: 'Time' }],
    });
    expect(parseType('fun<T>(x: T) -> T')).toEqual({
      kind: 'function', typeParams: ['T'],
      params: [{ name: 'x', type: { kind: 'typeparam', name: 'T' } }],
      returns: [{ kind: 'typeparam', name: 'T' }],
    });
    // T is a type parameter only inside its function.
    expect(parseType('(fun<T>(x: T)) | T')).toMatchObject({ types: [{}, { kind: 'ref', name: 'T' }] });
  });

  it('LuaCATS forms: `: R` returns and `b: T?` optional parameters', () => {
    expect(canon('fun(x: integer): string')).toBe('fun(x: integer) -> string');
    expect(canon('fun(a: number, b: string?)')).toBe('fun(a: number, b?: string)');
    expect(canon('fun(...: string)')).toBe('fun(...string)');
    expect(canon('{f: fun(): string, g: number}')).toBe('{f: fun() -> string, g: number}');
  });

  it('return forms: none, one, list, variadic, and a single parenthesised type', () => {
    expect(parseType('fun()')).toMatchObject({ returns: [] });
    expect(parseType('fun() -> ()')).toMatchObject({ returns: [] });
    expect(parseType('fun() -> (A, ...B)')).toMatchObject({ returns: [{ name: 'A' }], variadicReturn: { name: 'B' } });
    expect(parseType('fun() -> (A | B)[]')).toMatchObject({ returns: [{ kind: 'array' }] });
    expect(parseType('fun() -> A | B')).toMatchObject({ kind: 'function', returns: [{ kind: 'union' }] });
    expect(parseType('(fun() -> A) | B')).toMatchObject({ kind: 'union' });
  });

  it('LuaCATS table/function spellings', () => {
    expect(canon('table')).toBe('{...}');
    expect(canon('table<string, integer>')).toBe('{[string]: integer}');
    expect(tryParseType('table<string>').error?.expected).toBe("','");
    expect(canon('function')).toBe('fun(...any) -> (...any)');
  });

  it('whitespace is free', () => {
    expect(canon('  fun ( a :number )->string ? ')).toBe('fun(a: number) -> string?');
  });
});

describe('parseType: invalid notation', () => {
  it.each([
    ['fun(a number)', 7, "':'"],
    ['{a: }', 5, 'a type'],
    ['string |', 9, 'a type'],
    ['(A, B', 6, "')'"],
    ['fun<>(x: T)', 5, 'a type parameter name'],
    ['"abc', 5, 'closing "'],
    ['a $ b', 3, 'a type'],
    ['string string', 8, 'end of type'],
    ['fun(...any, a: string)', 13, "')' after the variadic parameter"],
    ['{a: string, a: number}', 13, "a field name other than 'a' (duplicate)"],
    ['{[string]: number, [number]: any}', 20, 'one [K]: V part only'],
    ['{..., a: string}', 7, "'}' after '...'"],
    ['time.', 6, "a name after '.'"],
    ['', 1, 'a type'],
  ])('%s', (text, column, expected) => {
    const err = (() => { try { parseType(text); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(TypeParseError);
    expect((err as TypeParseError).column).toBe(column);
    expect((err as TypeParseError).expected).toBe(expected);
    expect((err as TypeParseError).message).toContain(`expected ${expected} at column ${column}`);
  });

  it('tryParseType returns the error instead of throwing', () => {
    const r = tryParseType('fun(');
    expect(r.type).toBeUndefined();
    expect(r.error?.message).toMatch(/^expected a parameter name at column 5/);
    expect(tryParseType('integer').type).toEqual({ kind: 'integer' });
  });
});

describe('parseType: robustness', () => {
  it('property: any text either parses or raises TypeParseError (never another error)', async () => {
    const fc = (await import('fast-check')).default;
    const alphabet = fc.constantFrom(...'fun()->{}[]<>,:?|&."\'\\ ...abcT1-e'.split(''), 'fun', 'self', '...', 'string', 'readonly');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 30 }).map((a) => a.join(''))), (text) => {
      const r = tryParseType(text);
      if (r.error) {
        expect(r.error.column).toBeGreaterThanOrEqual(1);
        expect(r.error.column).toBeLessThanOrEqual(text.length + 1);
      } else {
        expect(typeToString(parseType(typeToString(r.type)))).toBe(typeToString(r.type));
      }
    }), { numRuns: 3000 });
  });

  it('deep nesting parses', () => {
    expect(canon('{'.repeat(200) + 'string' + '}'.repeat(200))).toBe('string' + '[]'.repeat(200));
  });
});

describe('parseType: nesting limit', () => {
  it('refuses absurd nesting with a TypeParseError instead of overflowing the stack', () => {
    const r = tryParseType('{'.repeat(100_000) + 'x' + '}'.repeat(100_000));
    expect(r.error?.expected).toMatch(/^less nesting/);
    expect(tryParseType('('.repeat(5000) + 'x' + ')'.repeat(5000)).error).toBeInstanceOf(TypeParseError);
  });
});
