// Type operations the checker needs for flow analysis: nil removal, truthiness, unions, literal
// widening and `type(x) == "..."` filtering. Pure functions over src/types data.
import type { FunctionType, RecordType, Type } from '../types/type';

export const ANY: Type = { kind: 'any' };
export const NIL: Type = { kind: 'nil' };
export const STRING: Type = { kind: 'string' };
export const NUMBER: Type = { kind: 'number' };
export const INTEGER: Type = { kind: 'integer' };
export const BOOLEAN: Type = { kind: 'boolean' };
export const NEVER: Type = { kind: 'never' };
/**
 * What `tonumber(s)` / `tonumber(s, base)` give: a number (integer with a base) or nil. These exact
 * objects mark a conversion's result: its nil signals input the code did not expect, and using it
 * unchecked in arithmetic or as an argument is not reported (need-check-nil, param-type-mismatch).
 */
export const CONVERTED_NUMBER: Type = { kind: 'optional', type: { kind: 'number' } };
export const CONVERTED_INTEGER: Type = { kind: 'optional', type: { kind: 'integer' } };

/** Whether `t` is the result of a number conversion (see CONVERTED_NUMBER). */
export function isConversion(t: Type): boolean {
  return t === CONVERTED_NUMBER || t === CONVERTED_INTEGER;
}
export const UNKNOWN: Type = { kind: 'unknown' };

/** The members of a union/optional, flattened (`T?` gives T and nil). */
export function members(t: Type): Type[] {
  if (t.kind === 'union') return t.types.flatMap(members);
  if (t.kind === 'optional') return [...members(t.type), NIL];
  return [t];
}

function key(t: Type): string {
  switch (t.kind) {
    case 'literal': return `lit:${typeof t.value}:${String(t.value)}`;
    case 'ref': return `ref:${t.name}`;
    case 'array': return `array:${key(t.element)}`;
    case 'nil': case 'boolean': case 'number': case 'integer': case 'string': case 'any': case 'unknown': case 'never': case 'self':
      return t.kind;
    default: return '';
  }
}

/** The union of `types`, flattened and de-duplicated; `T | nil` is written `T?`. */
export function unionOf(types: readonly Type[]): Type {
  const first = types[0];
  if (first === undefined) return NEVER;
  // A conversion's result joined with itself or its number (flows merging after a loop or a
  // comparison) stays marked.
  const conv = types.find(isConversion);
  if (conv && types.every((t) => t === conv || t.kind === 'number' || t.kind === 'integer' || t.kind === 'nil' || (t.kind === 'literal' && typeof t.value === 'number'))) return conv;
  let same = true;
  for (const t of types) {
    if (t.kind === 'any') return ANY;
    if (t !== first) same = false;
  }
  if (same && first.kind !== 'union' && first.kind !== 'optional' && first.kind !== 'never') return first;
  const out: Type[] = [];
  const seen = new Set<string>();
  let hasNil = false;
  for (const t of types) {
    for (const m of members(t)) {
      if (m.kind === 'any') return ANY;
      if (m.kind === 'never') continue;
      if (m.kind === 'nil') { hasNil = true; continue; }
      const k = key(m);
      if (k) { if (seen.has(k)) continue; seen.add(k); } else if (out.includes(m)) continue;
      out.push(m);
    }
  }
  if (seen.has('number') || seen.has('integer')) {
    for (let i = out.length - 1; i >= 0; i--) {
      const m = out[i]!;
      if ((m.kind === 'literal' && typeof m.value === 'number') || (m.kind === 'integer' && seen.has('number'))) out.splice(i, 1);
    }
  }
  if (seen.has('string')) {
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.kind === 'literal' && typeof (out[i] as { value: unknown }).value === 'string') out.splice(i, 1);
  }
  if (seen.has('boolean')) {
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.kind === 'literal' && typeof (out[i] as { value: unknown }).value === 'boolean') out.splice(i, 1);
  }
  const base: Type = out.length === 0 ? (hasNil ? NIL : NEVER) : out.length === 1 ? out[0]! : { kind: 'union', types: out };
  return hasNil && out.length > 0 ? { kind: 'optional', type: base } : base;
}

/** True when a value of `t` may be nil (never for any/unknown: those opt out of nil checks). */
export function mayBeNil(t: Type): boolean {
  switch (t.kind) {
    case 'nil': case 'optional': return true;
    case 'union': return t.types.some(mayBeNil);
    default: return false;
  }
}

/** `t` without nil. */
export function nonNil(t: Type): Type {
  if (t.kind === 'nil') return NEVER;
  if (t.kind !== 'optional' && t.kind !== 'union') return t;
  return unionOf(members(t).filter((m) => m.kind !== 'nil'));
}

/** The part of `t` that is truthy (no nil, no false). */
export function truthyPart(t: Type): Type {
  if (t.kind === 'any' || t.kind === 'unknown') return t;
  return unionOf(members(t).flatMap((m): Type[] => {
    if (m.kind === 'nil') return [];
    if (m.kind === 'literal' && m.value === false) return [];
    if (m.kind === 'boolean') return [{ kind: 'literal', value: true }];
    return [m];
  }));
}

/** The part of `t` that is falsy (nil or false); `nil` when nothing is known. */
export function falsyPart(t: Type): Type {
  if (t.kind === 'any' || t.kind === 'unknown') return t;
  return unionOf(members(t).flatMap((m): Type[] => {
    if (m.kind === 'nil') return [NIL];
    if (m.kind === 'boolean' || (m.kind === 'literal' && m.value === false)) return [{ kind: 'literal', value: false }];
    return [];
  }));
}

/** Literal types widened to their primitive (`"a"` → string, `1` → integer). */
export function widen(t: Type): Type {
  if (t.kind === 'literal') {
    if (typeof t.value === 'string') return STRING;
    if (typeof t.value === 'boolean') return BOOLEAN;
    return Number.isInteger(t.value) ? INTEGER : NUMBER;
  }
  if (isConversion(t)) return t;
  if (t.kind === 'union' || t.kind === 'optional') return unionOf(members(t).map(widen));
  return t;
}

/** The Lua `type()` name of a type's values, or undefined when it could be several. */
export function luaTypeName(t: Type): string | undefined {
  switch (t.kind) {
    case 'nil': return 'nil';
    case 'boolean': return 'boolean';
    case 'number': case 'integer': return 'number';
    case 'string': return 'string';
    case 'literal': return typeof t.value;
    case 'function': return 'function';
    case 'record': case 'array': case 'map': return 'table';
    case 'interface': return 'userdata';
    default: return undefined;
  }
}

const TYPE_NAME_TYPES: Record<string, Type> = {
  string: STRING, number: NUMBER, boolean: BOOLEAN, nil: NIL,
  table: { kind: 'map', key: ANY, value: ANY },
  function: { kind: 'function', params: [], variadic: ANY, returns: [], variadicReturn: ANY } as FunctionType,
};

/** Narrows `t` by `type(x) == name` (matching = true) or `~=` (matching = false). */
export function filterByTypeName(t: Type, name: string, matching: boolean, deref: (t: Type) => Type): Type {
  if (t.kind === 'any' || t.kind === 'unknown') return matching ? (TYPE_NAME_TYPES[name] ?? t) : t;
  return unionOf(members(t).filter((m) => {
    const n = luaTypeName(deref(m));
    return n === undefined ? true : (n === name) === matching;
  }));
}

/** A fresh, mutable record the checker grows as fields are assigned (an inferred table). */
export function newTableType(name?: string): RecordType {
  return { kind: 'record', name, fields: Object.create(null) as Record<string, never> };
}

/** True for number-like types (for arithmetic results). */
export function isIntegerLike(t: Type): boolean {
  return t.kind === 'integer' || (t.kind === 'literal' && typeof t.value === 'number' && Number.isInteger(t.value));
}
