// normalize: one canonical shape per type — unions flattened and deduplicated, `any`/`unknown`
// absorb, `never` dropped, `T??` = `T?`, `T | nil` written `T?`, literals folded into their primitive.
import { setOwn } from './own-props';
import { typeToString } from './print';
import type { Field, Type } from './type';

const NIL: Type = { kind: 'nil' };

/** Returns the canonical form of `t` (a new value; `t` is not changed). */
export function normalize(t: Type): Type {
  switch (t.kind) {
    case 'optional':
      return normalizeUnion([t.type, NIL]);
    case 'union':
      return normalizeUnion(t.types);
    case 'intersection':
      return normalizeIntersection(t.types);
    case 'tuple':
      return t.elements.length === 1 ? normalize(t.elements[0]!) : { kind: 'tuple', elements: t.elements.map(normalize) };
    case 'array':
      return { kind: 'array', element: normalize(t.element) };
    case 'map':
      return { kind: 'map', key: normalize(t.key), value: normalize(t.value) };
    case 'function': {
      const fn = {
        ...t,
        params: t.params.map((p) => normalizeParam(p)),
        returns: t.returns.map(normalize),
      };
      if (t.variadic) fn.variadic = normalize(t.variadic);
      if (t.variadicReturn) fn.variadicReturn = normalize(t.variadicReturn);
      return fn;
    }
    case 'record': {
      const rec = { ...t, fields: normalizeFields(t.fields) };
      if (t.indexer) rec.indexer = { key: normalize(t.indexer.key), value: normalize(t.indexer.value) };
      return rec;
    }
    case 'interface': {
      const itf = { ...t, methods: normalizeFields(t.methods) };
      if (t.fields) itf.fields = normalizeFields(t.fields);
      return itf;
    }
    default:
      return t;
  }
}

function normalizeParam<P extends { type: Type; optional?: boolean }>(p: P): P {
  const type = normalize(p.type);
  // `b: T?` and `b?: T` mean the same: keep the flag, drop the inner optional.
  if (type.kind === 'optional') return { ...p, type: type.type, optional: true };
  return { ...p, type };
}

function normalizeFields(fields: Readonly<Record<string, Field>>): Record<string, Field> {
  const out: Record<string, Field> = {};
  for (const [name, f] of Object.entries(fields)) setOwn(out, name, { ...f, type: normalize(f.type) });
  return out;
}

/** Flattens, normalises members, applies absorption, and folds `| nil` into an optional. */
function normalizeUnion(types: readonly Type[]): Type {
  const flat: Type[] = [];
  const add = (t: Type): void => {
    const n = normalize(t);
    if (n.kind === 'union') n.types.forEach(add);
    else if (n.kind === 'optional') { add(n.type); flat.push(NIL); }
    else if (n.kind !== 'never') flat.push(n);
  };
  types.forEach(add);
  if (flat.some((t) => t.kind === 'any')) return { kind: 'any' };
  if (flat.some((t) => t.kind === 'unknown')) return { kind: 'unknown' };
  const has = (kind: Type['kind']): boolean => flat.some((t) => t.kind === kind);
  const members = dedupe(flat).filter((t) => {
    if (t.kind === 'integer') return !has('number');
    if (t.kind !== 'literal') return true;
    if (typeof t.value === 'string') return !has('string');
    if (typeof t.value === 'boolean') return !has('boolean');
    return !has('number') && !(globalThis.Number.isInteger(t.value) && has('integer'));
  });
  const trueLit = members.findIndex((t) => t.kind === 'literal' && t.value === true);
  const falseLit = members.findIndex((t) => t.kind === 'literal' && t.value === false);
  if (trueLit >= 0 && falseLit >= 0) {
    members.splice(Math.min(trueLit, falseLit), 1, { kind: 'boolean' });
    members.splice(Math.max(trueLit, falseLit), 1);
  }
  const nonNil = members.filter((t) => t.kind !== 'nil');
  const inner: Type = nonNil.length === 0 ? { kind: 'never' } : nonNil.length === 1 ? nonNil[0]! : { kind: 'union', types: nonNil };
  if (nonNil.length === members.length) return inner;
  return nonNil.length === 0 ? NIL : { kind: 'optional', type: inner };
}

function normalizeIntersection(types: readonly Type[]): Type {
  const flat: Type[] = [];
  const add = (t: Type): void => {
    const n = normalize(t);
    if (n.kind === 'intersection') n.types.forEach(add);
    else if (n.kind !== 'unknown') flat.push(n);
  };
  types.forEach(add);
  if (flat.some((t) => t.kind === 'never')) return { kind: 'never' };
  if (flat.some((t) => t.kind === 'any')) return { kind: 'any' };
  const members = dedupe(flat);
  if (members.length === 0) return { kind: 'unknown' };
  return members.length === 1 ? members[0]! : { kind: 'intersection', types: members };
}

/** Removes structurally equal members, keeping the first of each. */
function dedupe(types: Type[]): Type[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    const key = typeKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A string equal for structurally equal types (named types compare by name). */
export function typeKey(t: Type): string {
  return t.kind === 'literal' ? `lit:${typeof t.value}:${globalThis.String(t.value)}` : typeToString(t);
}

/** True when `a` and `b` are the same type after normalisation. */
export function sameType(a: Type, b: Type): boolean {
  return typeKey(normalize(a)) === typeKey(normalize(b));
}
