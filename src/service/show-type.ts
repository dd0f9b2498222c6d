// Types as the editor shows them: the luamod notation, with nesting cut at a fixed depth so that
// self-referential types (a class whose methods take `self: C`) print finitely, and a length cap.
import { typeToString } from '../types/print';
import type { Field, Param, Type } from '../types/type';

const MAX_DEPTH = 4;
const MAX_LENGTH = 400;

/** `typeToString` of `t`, nested types beyond MAX_DEPTH abbreviated (`{…}` or their name). */
export function showType(t: Type): string {
  const s = typeToString(truncate(t, 0));
  return s.length > MAX_LENGTH ? s.slice(0, MAX_LENGTH - 1) + '…' : s;
}

function truncate(t: Type, depth: number): Type {
  const d = depth + 1;
  switch (t.kind) {
    case 'record':
      if (t.name) return t; // named records print as their name
      if (depth >= MAX_DEPTH) return { kind: 'ref', name: '{…}' };
      return { ...t, fields: fields(t.fields, d), ...(t.indexer ? { indexer: { key: truncate(t.indexer.key, d), value: truncate(t.indexer.value, d) } } : {}) };
    case 'interface':
      // Interfaces are always named: print them by name.
      return t;
    case 'function':
      if (depth >= MAX_DEPTH) return { kind: 'ref', name: 'function' };
      return {
        ...t,
        params: t.params.map((p): Param => ({ ...p, type: truncate(p.type, d) })),
        returns: t.returns.map((r) => truncate(r, d)),
        ...(t.variadic ? { variadic: truncate(t.variadic, d) } : {}),
        ...(t.variadicReturn ? { variadicReturn: truncate(t.variadicReturn, d) } : {}),
      };
    case 'optional':
      return { ...t, type: truncate(t.type, depth) };
    case 'union':
    case 'intersection':
      return { ...t, types: t.types.map((m) => truncate(m, depth)) };
    case 'tuple':
      return { ...t, elements: t.elements.map((m) => truncate(m, d)) };
    case 'array':
      return { ...t, element: truncate(t.element, d) };
    case 'map':
      return { ...t, key: truncate(t.key, d), value: truncate(t.value, d) };
    default:
      return t;
  }
}

function fields(fs: Readonly<Record<string, Field>>, depth: number): Record<string, Field> {
  const out: Record<string, Field> = {};
  for (const [k, f] of Object.entries(fs)) out[k] = { ...f, type: truncate(f.type, depth) };
  return out;
}
