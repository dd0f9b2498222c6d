// typeToString: Type data to the canonical notation. parseType(typeToString(t)) prints the same text
// again (the printer never emits anything the parser reads differently).
import type { Field, FunctionType, InterfaceType, Param, RecordType, Type } from './type';

export interface PrintOptions {
  /**
   * Print named records and interfaces by structure instead of by name (top level only).
   * Interfaces then print as a record of their methods, e.g. `{add: fun(self, d: Duration) -> Time}`.
   */
  readonly expand?: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words the parser reads as something other than a field name or type reference. */
const RESERVED = new Set(['readonly']);

/** The canonical notation of `t`, e.g. `fun(a: number, b?: string, ...any) -> (string, Error?)`. */
export function typeToString(t: Type, options: PrintOptions = {}): string {
  const a: Active = new Set();
  if (options.expand) {
    if (t.kind === 'interface') return printFields({ ...t.fields, ...t.methods }, false, undefined, a);
    if (t.kind === 'record') return printRecord({ ...t, name: undefined }, a);
  }
  return print(t, a);
}

function print(t: Type, a: Active): string {
  switch (t.kind) {
    case 'nil': case 'boolean': case 'number': case 'integer': case 'string':
    case 'any': case 'unknown': case 'never': case 'self':
      return t.kind;
    case 'literal':
      return typeof t.value === 'string' ? JSON.stringify(t.value) : globalThis.String(t.value);
    case 'optional':
      return `${operand(t.type, 'postfix', a)}?`;
    case 'union':
      if (t.types.length === 0) return 'never';
      if (t.types.length === 1) return print(t.types[0]!, a);
      return t.types.map((m) => operand(m, 'union', a)).join(' | ');
    case 'intersection':
      if (t.types.length === 0) return 'unknown';
      if (t.types.length === 1) return print(t.types[0]!, a);
      return t.types.map((m) => operand(m, 'intersection', a)).join(' & ');
    case 'tuple':
      if (t.elements.length === 1) return print(t.elements[0]!, a);
      return `(${t.elements.map((x) => print(x, a)).join(', ')})`;
    case 'function':
      return printFunction(t, a);
    case 'interface':
      return t.name;
    case 'record':
      return t.name ?? printRecord(t, a);
    case 'array':
      return `${operand(t.element, 'postfix', a)}[]`;
    case 'map':
      return `{[${print(t.key, a)}]: ${print(t.value, a)}}`;
    case 'ref': case 'typeparam':
      return t.name;
  }
}

type Position = 'union' | 'intersection' | 'postfix';
/** The anonymous records being printed, outermost first: a cycle guard for self-containing tables. */
type Active = Set<Type>;

/** Prints `t` as an operand of `|`, `&` or a postfix `?`/`[]`, adding parentheses where needed. */
function operand(t: Type, pos: Position, a: Active): string {
  const text = print(t, a);
  const kind = effectiveKind(t);
  const needs =
    kind === 'function' ||
    (kind === 'union' && pos !== 'union') ||
    (kind === 'intersection' && pos === 'postfix');
  return needs ? `(${text})` : text;
}

/** The kind that decides parenthesisation, seeing through one-member unions and tuples. */
function effectiveKind(t: Type): Type['kind'] {
  if (t.kind === 'union' && t.types.length === 0) return 'never';
  if (t.kind === 'intersection' && t.types.length === 0) return 'unknown';
  return unwrap(t) === t ? t.kind : effectiveKind(unwrap(t));
}

/** Sees through one-member unions, intersections and tuples, which print as their member. */
function unwrap(t: Type): Type {
  if ((t.kind === 'union' || t.kind === 'intersection') && t.types.length === 1) return unwrap(t.types[0]!);
  if (t.kind === 'tuple' && t.elements.length === 1) return unwrap(t.elements[0]!);
  return t;
}

function printFunction(t: FunctionType, a: Active): string {
  const tp = t.typeParams?.length ? `<${t.typeParams.join(', ')}>` : '';
  const params = t.params.map((p) => printParam(p, a));
  if (t.variadic) params.push(`...${print(t.variadic, a)}`);
  let text = `fun${tp}(${params.join(', ')})`;
  let returns = t.returns;
  const lone = returns.length === 1 ? unwrap(returns[0]!) : undefined;
  if (lone?.kind === 'tuple' && !t.variadicReturn) returns = lone.elements;
  if (returns.length === 0 && !t.variadicReturn) return text;
  if (returns.length === 1 && !t.variadicReturn) {
    return `${text} -> ${print(returns[0]!, a)}`;
  }
  const parts = returns.map((x) => print(x, a));
  if (t.variadicReturn) parts.push(`...${print(t.variadicReturn, a)}`);
  text += ` -> (${parts.join(', ')})`;
  return text;
}

function printParam(p: Param, a: Active): string {
  if (p.name === 'self' && !p.optional && print(p.type, a) === 'self') return 'self';
  // `b: T?` is read as the optional parameter `b?: T`, so print it that way.
  const inner = unwrap(p.type);
  if (!p.optional && inner.kind === 'optional') return `${p.name}?: ${print(inner.type, a)}`;
  return `${p.name}${p.optional ? '?' : ''}: ${print(p.type, a)}`;
}

function printRecord(t: RecordType, a: Active): string {
  // A table that contains itself (`M.__index = M`) prints its inner occurrence as any table.
  if (a.has(t)) return '{...}';
  a.add(t);
  const text = printFields(t.fields, t.open === true, t.indexer, a);
  a.delete(t);
  return text;
}

function printFields(fields: Readonly<Record<string, Field>>, open: boolean, indexer: RecordType['indexer'], a: Active): string {
  const parts = Object.entries(fields).map(([name, f]) => printField(name, f, a));
  if (indexer) parts.push(`[${print(indexer.key, a)}]: ${print(indexer.value, a)}`);
  if (open) parts.push('...');
  // A closed record holding only an indexer prints as a map, which is what it parses back to.
  return `{${parts.join(', ')}}`;
}

function printField(name: string, f: Field, a: Active): string {
  const key = IDENT.test(name) && !RESERVED.has(name) ? name : JSON.stringify(name);
  return `${f.readonly ? 'readonly ' : ''}${key}${f.optional ? '?' : ''}: ${print(f.type, a)}`;
}

/** One line per member: `name: type` (methods of an interface included). */
export function membersToLines(t: InterfaceType | RecordType): string[] {
  const a: Active = new Set([t]);
  const all = t.kind === 'interface' ? { ...t.fields, ...t.methods } : t.fields;
  return Object.entries(all).map(([name, f]) => printField(name, f, a));
}
