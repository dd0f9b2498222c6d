// Printing checker types for people. Tables the checker infers can contain themselves
// (`M.__index = M`), so types are cut at a depth and at cycles before `typeToString`.
import { isAssignable } from '../types/assignable';
import { typeToString } from '../types/print';
import type { Field, Type, TypeResolver } from '../types/type';
import { isStackOverflow } from './nesting-guard';

const MAX_DEPTH = 3;

/** `typeToString` that is safe on cyclic and very deep inferred tables (use it for hover too). */
export function showType(t: Type): string {
  return typeToString(cut(t, 0, new Set()));
}

function cut(t: Type, depth: number, seen: Set<Type>): Type {
  switch (t.kind) {
    case 'record': {
      if (t.name && depth > 0) return { kind: 'ref', name: t.name };
      if (seen.has(t) || depth >= MAX_DEPTH) return { kind: 'ref', name: t.name ?? 'table' };
      seen.add(t);
      const fields: Record<string, Field> = {};
      for (const [k, f] of Object.entries(t.fields)) fields[k] = { ...f, type: cut(f.type, depth + 1, seen) };
      seen.delete(t);
      return { ...t, fields, ...(t.indexer ? { indexer: { key: cut(t.indexer.key, depth + 1, seen), value: cut(t.indexer.value, depth + 1, seen) } } : {}) };
    }
    case 'optional': return { kind: 'optional', type: cut(t.type, depth, seen) };
    case 'union': return { kind: 'union', types: t.types.map((m) => cut(m, depth, seen)) };
    case 'intersection': return { kind: 'intersection', types: t.types.map((m) => cut(m, depth, seen)) };
    case 'tuple': return { kind: 'tuple', elements: t.elements.map((m) => cut(m, depth, seen)) };
    case 'array': return { kind: 'array', element: cut(t.element, depth + 1, seen) };
    case 'map': return { kind: 'map', key: cut(t.key, depth + 1, seen), value: cut(t.value, depth + 1, seen) };
    case 'function':
      if (depth >= MAX_DEPTH) return { kind: 'ref', name: 'function' };
      return {
        ...t,
        params: t.params.map((p) => ({ ...p, type: cut(p.type, depth + 1, seen) })),
        returns: t.returns.map((r) => cut(r, depth + 1, seen)),
        ...(t.variadic ? { variadic: cut(t.variadic, depth + 1, seen) } : {}),
        ...(t.variadicReturn ? { variadicReturn: cut(t.variadicReturn, depth + 1, seen) } : {}),
      };
    default: return t;
  }
}

/** `isAssignable`, treating a comparison too deep to finish (cyclic inferred tables) as a fit. */
export function fits(from: Type, to: Type, resolver: TypeResolver, integers = true): boolean {
  try {
    return isAssignable(from, to, resolver, { integers });
  } catch (e) {
    if (isStackOverflow(e)) return true;
    throw e;
  }
}
