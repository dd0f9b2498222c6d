// manifestToJson: a TypeManifest back to the JSON manifest format. Loading the result gives the same
// manifest, and a manifest written in canonical notation comes back key for key (see docs/manifests.md).
import { definedStructure, mapType, setOwn, typeToString, type Field, type MemberDoc, type Type, type TypeManifest } from '../types';

type Json = { [key: string]: unknown };

/** The JSON form of `m`: `{name, description?, class?, types?, export?, globals?}`. */
export function manifestToJson(m: TypeManifest): Json {
  const out: Json = { name: m.name };
  const local = (t: Type): string => localTypeToString(t, m);
  if (m.description !== undefined) out['description'] = m.description;
  if (m.classes.length) out['class'] = [...m.classes];
  if (m.types.size) {
    const types: Json = {};
    for (const entry of m.types.values()) setOwn(types, entry.name, typeDefToJson(entry.type, `${m.name}.${entry.name}`, entry, local));
    out['types'] = types;
  }
  if (m.exportType) out['export'] = typeDefToJson(m.exportType, m.name, m.exportDoc ?? {}, local);
  if (m.globals.size) {
    const globals: Json = {};
    for (const [name, field] of m.globals) setOwn(globals, name, memberToJson(field, local));
    out['globals'] = globals;
  }
  return out;
}

function typeDefToJson(t: Type, qualifiedName: string, doc: MemberDoc, local: (t: Type) => string): unknown {
  const s = definedStructure(t, qualifiedName);
  if (s?.kind === 'interface') {
    const out: Json = { methods: membersToJson(s.methods, local) };
    if (s.fields) out['fields'] = membersToJson(s.fields, local);
    return { ...out, ...docToJson(doc) };
  }
  if (s?.kind === 'record') {
    const out: Json = { fields: membersToJson(s.fields, local) };
    if (s.open) out['open'] = true;
    return { ...out, ...docToJson(doc) };
  }
  const d = docToJson(doc);
  return Object.keys(d).length ? { type: local(t), ...d } : local(t);
}

function membersToJson(fields: Readonly<Record<string, Field>>, local: (t: Type) => string): Json {
  const out: Json = {};
  for (const [name, f] of Object.entries(fields)) setOwn(out, name, memberToJson(f, local));
  return out;
}

function memberToJson(f: Field, local: (t: Type) => string): unknown {
  const type = local(f.type);
  const out: Json = { type, ...docToJson(f) };
  if (f.type.kind === 'function' && f.type.yields) out['yields'] = true;
  if (f.errors) out['errors'] = [...f.errors];
  if (f.optional) out['optional'] = true;
  if (f.readonly) out['readonly'] = true;
  return Object.keys(out).length === 1 ? type : out;
}

function docToJson(doc: MemberDoc): Json {
  const out: Json = {};
  if (doc.description !== undefined) out['description'] = doc.description;
  if (doc.params) out['params'] = { ...doc.params };
  if (doc.returns !== undefined) out['returns'] = doc.returns;
  if (doc.examples) out['examples'] = [...doc.examples];
  if (doc.deprecated !== undefined) out['deprecated'] = doc.deprecated;
  return out;
}

/** Prints `t`, writing this manifest's own types by their bare name (`Item`, not `shop.Item`). */
export function localTypeToString(t: Type, m: TypeManifest): string {
  const prefix = m.name + '.';
  return typeToString(mapType(t, (x) =>
    x.kind === 'ref' && x.name.startsWith(prefix) && m.types.has(x.name.slice(prefix.length))
      ? { kind: 'ref', name: x.name.slice(prefix.length) }
      : x));
}
