// manifestFromJson: a parsed (schema-checked) JSON manifest to a TypeManifest. Defensive: a bad part
// becomes a problem at its JSON path and is skipped; the rest still loads.
import { mapType, newManifest, setOwn, tryParseType, type Field, type MemberDoc, type Type, type TypeManifest } from '../types';

export interface ConversionProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Builds the TypeManifest; returns undefined only when there is no usable `name`. */
export function manifestFromJson(value: unknown): { manifest?: TypeManifest; problems: ConversionProblem[] } {
  const problems: ConversionProblem[] = [];
  if (!isObject(value) || typeof value['name'] !== 'string' || value['name'] === '') {
    return { problems: [{ path: ['name'], message: 'a manifest needs a "name"' }] };
  }
  const name = value['name'];
  const manifest = newManifest(name, typeof value['description'] === 'string' ? value['description'] : undefined);
  if (Array.isArray(value['class'])) manifest.classes = value['class'].filter((c): c is string => typeof c === 'string');
  const types = isObject(value['types']) ? value['types'] : {};
  const ctx = new Converter(name, new Set(Object.keys(types)), problems);
  for (const [key, def] of Object.entries(types)) {
    const entry = ctx.typeDef(def, ['types', key], `${name}.${key}`);
    if (entry) manifest.defineType(key, entry.type, entry.doc);
  }
  if (value['export'] !== undefined) {
    const entry = ctx.typeDef(value['export'], ['export'], name);
    if (entry) manifest.setExport(entry.type, entry.doc);
  }
  if (isObject(value['globals'])) {
    for (const [key, member] of Object.entries(value['globals'])) {
      const field = ctx.member(member, ['globals', key]);
      if (field) manifest.addGlobal(key, field);
    }
  }
  return { manifest, problems };
}

class Converter {
  constructor(
    private readonly module: string,
    private readonly locals: ReadonlySet<string>,
    private readonly problems: ConversionProblem[],
  ) {}

  /** A type definition: notation string, `{methods}`, `{fields}` or documented alias `{type}`. */
  typeDef(def: unknown, path: Path, qualifiedName: string): { type: Type; doc: MemberDoc } | undefined {
    if (typeof def === 'string') {
      const type = this.notation(def, path);
      return type && { type, doc: {} };
    }
    if (!isObject(def)) return this.problem(path, 'must be a type notation string or an object');
    const doc = docOf(def);
    if (isObject(def['methods'])) {
      const methods = this.members(def['methods'], [...path, 'methods']);
      const fields = isObject(def['fields']) ? this.members(def['fields'], [...path, 'fields']) : undefined;
      return { type: { kind: 'interface', name: qualifiedName, methods, ...(fields ? { fields } : {}) }, doc };
    }
    if (isObject(def['fields'])) {
      const fields = this.members(def['fields'], [...path, 'fields']);
      return { type: { kind: 'record', name: qualifiedName, fields, ...(def['open'] === true ? { open: true } : {}) }, doc };
    }
    if (typeof def['type'] === 'string') {
      const type = this.notation(def['type'], [...path, 'type']);
      return type && { type, doc };
    }
    return this.problem(path, 'needs "methods", "fields" or "type"');
  }

  members(obj: Json, path: Path): Record<string, Field> {
    const out: Record<string, Field> = {};
    for (const [key, member] of Object.entries(obj)) {
      const field = this.member(member, [...path, key]);
      if (field) setOwn(out, key, field);
    }
    return out;
  }

  /** A member: notation string, or `{type, description, examples, deprecated, yields, errors, optional, readonly}`. */
  member(member: unknown, path: Path): Field | undefined {
    if (typeof member === 'string') {
      const type = this.notation(member, path);
      return type && { type };
    }
    if (!isObject(member) || typeof member['type'] !== 'string') return this.problem(path, 'must be a type notation string or an object with "type"');
    let type = this.notation(member['type'], [...path, 'type']);
    if (!type) return undefined;
    if (member['yields'] === true) {
      if (type.kind !== 'function') return this.problem([...path, 'yields'], '"yields" applies to functions only');
      type = { ...type, yields: true };
    }
    const field: { -readonly [K in keyof Field]: Field[K] } = { type, ...docOf(member) };
    if (isObject(member['params'])) {
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(member['params'])) if (typeof v === 'string') setOwn(params, k, v);
      field.params = params;
    }
    if (typeof member['returns'] === 'string') field.returns = member['returns'];
    if (Array.isArray(member['errors'])) field.errors = member['errors'].filter((e): e is string => typeof e === 'string');
    if (member['optional'] === true) field.optional = true;
    if (member['readonly'] === true) field.readonly = true;
    return field;
  }

  /** Parses notation; bare names of types this manifest defines become `<module>.<Name>`. */
  notation(text: string, path: Path): Type | undefined {
    const parsed = tryParseType(text);
    if (parsed.error) return this.problem(path, `bad type ${JSON.stringify(text)}: ${parsed.error.message}`);
    return mapType(parsed.type, (t) =>
      t.kind === 'ref' && !t.name.includes('.') && this.locals.has(t.name) ? { kind: 'ref', name: `${this.module}.${t.name}` } : t);
  }

  private problem(path: Path, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }
}

function docOf(obj: Json): MemberDoc {
  const doc: { -readonly [K in keyof MemberDoc]: MemberDoc[K] } = {};
  if (typeof obj['description'] === 'string') doc.description = obj['description'];
  if (Array.isArray(obj['examples'])) doc.examples = obj['examples'].filter((e): e is string => typeof e === 'string');
  if (typeof obj['deprecated'] === 'string') doc.deprecated = obj['deprecated'];
  return doc;
}
