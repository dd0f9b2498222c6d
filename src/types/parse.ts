// parseType: the type notation (see docs/manifests.md) to Type data. Recursive descent over the
// tokens of lex.ts; every failure is a TypeParseError naming the column and what was expected.
import { tokenize, TypeParseError, type Token } from './lex';
import { hasOwn, setOwn } from './own-props';
import type { Field, FunctionType, Param, RecordType, Type } from './type';

export { TypeParseError } from './lex';

/**
 * Parses a type written in the notation, e.g. `fun(a: number, b?: string) -> (string, Error?)`.
 * @throws TypeParseError with `column` (1-based) and `expected`.
 */
export function parseType(text: string): Type {
  const p = new Parser(tokenize(text));
  const type = p.type();
  p.expectEnd();
  return type;
}

/** Like parseType, but returns the error instead of throwing. */
export function tryParseType(text: string): { type: Type; error?: undefined } | { type?: undefined; error: TypeParseError } {
  try {
    return { type: parseType(text) };
  } catch (err) {
    if (err instanceof TypeParseError) return { error: err };
    throw err;
  }
}

const PRIMITIVES: Record<string, Type> = {
  nil: { kind: 'nil' }, boolean: { kind: 'boolean' }, number: { kind: 'number' },
  integer: { kind: 'integer' }, string: { kind: 'string' }, any: { kind: 'any' },
  unknown: { kind: 'unknown' }, never: { kind: 'never' }, self: { kind: 'self' },
};

/** LuaCATS names accepted as input; they print in their canonical spelling. */
const ALIASES: Record<string, Type> = {
  table: { kind: 'record', fields: {}, open: true },
  function: { kind: 'function', params: [], variadic: { kind: 'any' }, returns: [], variadicReturn: { kind: 'any' } },
};

/** Deeper types are refused (with a TypeParseError) rather than overflowing the stack. */
const MAX_DEPTH = 256;

class Parser {
  private pos = 0;
  private depth = 0;
  /** Open brackets around the current position: a LuaCATS `fun(): A, B` list only at the top level. */
  private groups = 0;
  /** Type parameters in scope (innermost last). */
  private readonly typeParams: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  type(): Type {
    const first = this.intersection();
    if (!this.isPunct('|')) return first;
    const types = [first];
    while (this.eatPunct('|')) types.push(this.intersection());
    return { kind: 'union', types };
  }

  expectEnd(): void {
    if (this.peek().kind !== 'eof') this.fail('end of type');
  }

  private intersection(): Type {
    const first = this.postfix();
    if (!this.isPunct('&')) return first;
    const types = [first];
    while (this.eatPunct('&')) types.push(this.postfix());
    return { kind: 'intersection', types };
  }

  private postfix(): Type {
    if (++this.depth > MAX_DEPTH) this.fail(`less nesting (at most ${MAX_DEPTH} levels)`);
    let type = this.primary();
    this.depth--;
    // Each suffix nests the type one level deeper (`string[][]?`): count it against the same limit.
    for (let suffixes = 1; ; suffixes++) {
      const suffix = this.isPunct('?') || (this.isPunct('[') && this.isPunct(']', 1));
      if (suffix && this.depth + suffixes > MAX_DEPTH) this.fail(`less nesting (at most ${MAX_DEPTH} levels)`);
      if (this.eatPunct('?')) type = { kind: 'optional', type };
      else if (this.isPunct('[') && this.isPunct(']', 1)) {
        this.pos += 2;
        type = { kind: 'array', element: type };
      } else return type;
    }
  }

  private primary(): Type {
    const tok = this.peek();
    if (tok.kind === 'string') { this.pos++; return { kind: 'literal', value: tok.value as string }; }
    if (tok.kind === 'number') { this.pos++; return { kind: 'literal', value: tok.value as number }; }
    if (tok.kind === 'punct') {
      if (tok.text === '(') return this.parenthesised();
      if (tok.text === '{') return this.braced();
      return this.fail('a type');
    }
    if (tok.kind !== 'ident') return this.fail('a type');
    this.pos++;
    if (tok.text === 'true' || tok.text === 'false') return { kind: 'literal', value: tok.text === 'true' };
    if (tok.text === 'fun') return this.func();
    if (tok.text === 'table' && this.eatPunct('<')) { // LuaCATS `table<K, V>`
      const key = this.type();
      this.expectPunct(',');
      const value = this.type();
      this.expectPunct('>');
      return { kind: 'map', key, value };
    }
    const prim = hasOwn(PRIMITIVES, tok.text) ? PRIMITIVES[tok.text] : hasOwn(ALIASES, tok.text) ? ALIASES[tok.text] : undefined;
    if (prim && !this.isPunct('.')) return prim;
    let name = tok.text;
    while (this.eatPunct('.')) name += '.' + this.ident('a name after \'.\'');
    // A LuaCATS generic class's arguments (`Stack<integer>`): the class is used as declared.
    if (this.isPunct('<')) {
      this.pos++;
      this.groups++;
      do this.type(); while (this.eatPunct(','));
      this.groups--;
      this.expectPunct('>');
    }
    if (!name.includes('.') && this.typeParams.includes(name)) return { kind: 'typeparam', name };
    return { kind: 'ref', name };
  }

  /** `(T)` groups; `(A, B)` and `()` are tuples. */
  private parenthesised(): Type {
    this.expectPunct('(');
    if (this.eatPunct(')')) return { kind: 'tuple', elements: [] };
    this.groups++;
    const elements = [this.type()];
    while (this.eatPunct(',')) elements.push(this.type());
    this.groups--;
    this.expectPunct(')');
    return elements.length === 1 ? elements[0]! : { kind: 'tuple', elements };
  }

  /** `{T}` array, `{[K]: V}` map, `{a: T, b?: U, [K]: V, ...}` record. */
  private braced(): Type {
    this.groups++;
    try {
      return this.bracedBody();
    } finally {
      this.groups--;
    }
  }

  private bracedBody(): Type {
    this.expectPunct('{');
    if (this.eatPunct('}')) return { kind: 'record', fields: {} };
    if (!this.startsField() && !this.isPunct('[') && !this.isPunct('...')) {
      const element = this.type();
      this.expectPunct('}');
      return { kind: 'array', element };
    }
    const fields: Record<string, Field> = {};
    let indexer: RecordType['indexer'];
    let open = false;
    do {
      if (this.isPunct('}')) break; // trailing comma
      if (open) this.fail("'}' after '...'");
      if (this.eatPunct('...')) { open = true; continue; }
      if (this.isPunct('[')) {
        const col = this.peek().column;
        if (indexer) throw new TypeParseError('one [K]: V part only', col);
        this.pos++;
        const key = this.type();
        this.expectPunct(']');
        this.expectPunct(':');
        indexer = { key, value: this.type() };
        continue;
      }
      const nameColumn = this.peek().column;
      const [name, field] = this.field();
      if (hasOwn(fields, name)) throw new TypeParseError(`a field name other than '${name}' (duplicate)`, nameColumn);
      setOwn(fields, name, field);
    } while (this.eatPunct(','));
    this.expectPunct('}');
    if (indexer && !open && Object.keys(fields).length === 0) return { kind: 'map', key: indexer.key, value: indexer.value };
    const record: { -readonly [K in keyof RecordType]: RecordType[K] } = { kind: 'record', fields };
    if (open) record.open = true;
    if (indexer) record.indexer = indexer;
    return record;
  }

  /** True when the next tokens read `name:`, `name?:`, `"name":` or `readonly name`. */
  private startsField(): boolean {
    const t = this.peek();
    if (t.kind !== 'ident' && t.kind !== 'string') return false;
    if (this.isPunct(':', 1) || (this.isPunct('?', 1) && this.isPunct(':', 2))) return true;
    const next = this.peek(1);
    return t.kind === 'ident' && t.text === 'readonly' && (next.kind === 'ident' || next.kind === 'string');
  }

  private field(): [string, Field] {
    let readonly = false;
    const t = this.peek();
    if (t.kind === 'ident' && t.text === 'readonly' && (this.peek(1).kind === 'ident' || this.peek(1).kind === 'string')) {
      readonly = true;
      this.pos++;
    }
    const name = this.fieldName();
    const optional = this.eatPunct('?');
    this.expectPunct(':');
    const type = this.type();
    return [name, { type, ...(optional ? { optional } : {}), ...(readonly ? { readonly } : {}) }];
  }

  private fieldName(): string {
    const t = this.peek();
    if (t.kind === 'string') { this.pos++; return t.value as string; }
    return this.ident('a field name');
  }

  /** After `fun`: `<T, U>(params) -> returns`, also the LuaCATS `: returns` form. */
  private func(): FunctionType {
    const typeParams: string[] = [];
    if (this.eatPunct('<')) {
      do typeParams.push(this.ident('a type parameter name')); while (this.eatPunct(','));
      this.expectPunct('>');
    }
    this.typeParams.push(...typeParams);
    try {
      this.expectPunct('(');
      this.groups++;
      const params: Param[] = [];
      let variadic: Type | undefined;
      if (!this.isPunct(')')) {
        do {
          if (variadic) this.fail("')' after the variadic parameter");
          if (this.eatPunct('...')) variadic = this.eatPunct(':') || this.startsType() ? this.type() : { kind: 'any' };
          else params.push(this.param());
        } while (this.eatPunct(','));
      }
      this.groups--;
      this.expectPunct(')');
      const fn: { -readonly [K in keyof FunctionType]: FunctionType[K] } = { kind: 'function', params, returns: [] };
      if (typeParams.length) fn.typeParams = typeParams;
      if (variadic) fn.variadic = variadic;
      if (this.eatPunct('->') || this.eatPunct(':')) this.returns(fn);
      return fn;
    } finally {
      this.typeParams.length -= typeParams.length;
    }
  }

  private param(): Param {
    const name = this.ident('a parameter name');
    if (name === 'self' && (this.isPunct(',') || this.isPunct(')'))) return { name, type: { kind: 'self' } };
    let optional = this.eatPunct('?');
    // LuaCATS `fun(a, b)`: a parameter without a type is any.
    if (this.isPunct(',') || this.isPunct(')')) return { name, type: { kind: 'any' }, optional: true };
    this.expectPunct(':');
    let type = this.type();
    if (type.kind === 'optional' && !optional) { optional = true; type = type.type; } // LuaCATS `b: string?`
    return optional ? { name, type, optional } : { name, type };
  }

  /** `-> T`, `-> (A, B)`, `-> (A, ...B)`, `-> ()`, `-> ...T`. */
  private returns(fn: { returns: readonly Type[]; variadicReturn?: Type }): void {
    if (this.eatPunct('...')) { fn.variadicReturn = this.type(); return; }
    if (!this.isPunct('(')) {
      this.returnName();
      const list = [this.type()];
      // LuaCATS `fun(): A, B` (at the top level of an annotation only: elsewhere ',' ends the type).
      while (this.groups === 0 && this.eatPunct(',')) { this.returnName(); list.push(this.type()); }
      fn.returns = list;
      return;
    }
    // A parenthesised list; but `(A | B)[]` or `(fun() -> X)?` is one type that starts with '('.
    const save = this.pos;
    this.pos++;
    const returns: Type[] = [];
    let variadic: Type | undefined;
    // Inside the parentheses ',' separates this list: a nested `fun(): A, B` must not take it.
    this.groups++;
    if (!this.isPunct(')')) {
      do {
        if (variadic) this.fail("')' after the variadic return");
        if (this.eatPunct('...')) variadic = this.type();
        else { this.returnName(); returns.push(this.type()); }
      } while (this.eatPunct(','));
    }
    this.groups--;
    this.expectPunct(')');
    if (this.continuesType()) {
      this.pos = save;
      fn.returns = [this.type()];
      return;
    }
    fn.returns = returns;
    if (variadic) fn.variadicReturn = variadic;
  }

  /** Skips the name of a LuaCATS named return (`fun(): (ok: boolean, err: string?)`). */
  private returnName(): void {
    if (this.peek().kind === 'ident' && this.isPunct(':', 1) && this.peek().text !== 'fun') this.pos += 2;
  }

  private continuesType(): boolean {
    return this.isPunct('?') || this.isPunct('|') || this.isPunct('&') || (this.isPunct('[') && this.isPunct(']', 1));
  }

  private startsType(): boolean {
    const t = this.peek();
    return t.kind === 'ident' || t.kind === 'string' || t.kind === 'number' || (t.kind === 'punct' && (t.text === '(' || t.text === '{'));
  }

  private ident(expected: string): string {
    const t = this.peek();
    if (t.kind !== 'ident') this.fail(expected);
    this.pos++;
    return t.text;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private isPunct(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === text;
  }

  private eatPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.pos++;
    return true;
  }

  private expectPunct(text: string): void {
    if (!this.eatPunct(text)) this.fail(`'${text}'`);
  }

  private fail(expected: string): never {
    const t = this.peek();
    throw new TypeParseError(expected, t.column, t.kind === 'eof' ? 'end of text' : `'${t.text}'`);
  }
}
