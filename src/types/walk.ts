// Generic traversals of Type data: mapType rebuilds a type bottom-up, forEachRef visits every named
// reference (used to qualify and check the names in a manifest).
import type { Field, Type } from './type';

/** Rebuilds `t`, applying `fn` to every node after its children (fn returns the replacement). */
export function mapType(t: Type, fn: (t: Type) => Type): Type {
  const m = (x: Type): Type => mapType(x, fn);
  const fields = (fs: Readonly<Record<string, Field>>): Record<string, Field> =>
    Object.fromEntries(Object.entries(fs).map(([k, f]) => [k, { ...f, type: m(f.type) }]));
  switch (t.kind) {
    case 'optional': return fn({ ...t, type: m(t.type) });
    case 'union': case 'intersection': return fn({ ...t, types: t.types.map(m) });
    case 'tuple': return fn({ ...t, elements: t.elements.map(m) });
    case 'array': return fn({ ...t, element: m(t.element) });
    case 'map': return fn({ ...t, key: m(t.key), value: m(t.value) });
    case 'function': {
      // Source order: parameters, variadic, returns, variadic return.
      const params = t.params.map((p) => ({ ...p, type: m(p.type) }));
      const variadic = t.variadic && m(t.variadic);
      const out = { ...t, params, returns: t.returns.map(m) };
      if (variadic) out.variadic = variadic;
      if (t.variadicReturn) out.variadicReturn = m(t.variadicReturn);
      return fn(out);
    }
    case 'record': {
      const out = { ...t, fields: fields(t.fields) };
      if (t.indexer) out.indexer = { key: m(t.indexer.key), value: m(t.indexer.value) };
      return fn(out);
    }
    case 'interface': {
      const out = { ...t, methods: fields(t.methods) };
      if (t.fields) out.fields = fields(t.fields);
      return fn(out);
    }
    default:
      return fn(t);
  }
}

/** Calls `visit` with the name of every `ref` inside `t` (in source order). */
export function forEachRef(t: Type, visit: (name: string) => void): void {
  mapType(t, (x) => {
    if (x.kind === 'ref') visit(x.name);
    return x;
  });
}
