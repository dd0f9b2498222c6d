// TypeManifest: the types a module (or the standard library) declares for tooling — its exported
// table, the named types it defines and any globals it adds — with the docs of every member.
import { hasOwn } from './own-props';
import type { Field, InterfaceType, MemberDoc, RecordType, Type } from './type';

/** A named type a manifest defines, e.g. `Time` in the `time` manifest (qualified `time.Time`). */
export interface TypeEntry extends MemberDoc {
  /** Unqualified name inside the manifest. */
  readonly name: string;
  readonly type: Type;
}

/**
 * The tooling description of one module.
 * @example
 *   const m = newManifest('greet');
 *   m.defineType('Greeter', { kind: 'interface', name: 'greet.Greeter', methods: {} });
 *   m.setExport({ kind: 'record', name: 'greet', fields: { hello: { type: parseType('fun() -> string') } } });
 */
export class TypeManifest {
  readonly types = new Map<string, TypeEntry>();
  readonly globals = new Map<string, Field>();
  exportType: Type | undefined;
  /** Docs written on the export type itself (JSON manifests: `export.description`). */
  exportDoc: MemberDoc | undefined;
  description: string | undefined;
  classes: readonly string[] = [];

  constructor(readonly name: string) {}

  /** Defines `name` (unqualified) in this manifest; its qualified name is `<manifest>.<name>`. */
  defineType(name: string, type: Type, doc: MemberDoc = {}): this {
    this.types.set(name, { ...doc, name, type });
    return this;
  }

  /** Sets the type of the module value (usually a record of the exported functions). */
  setExport(type: Type, doc?: MemberDoc): this {
    this.exportType = type;
    this.exportDoc = doc && Object.keys(doc).length ? doc : undefined;
    return this;
  }

  /** Declares a global the module (or the standard library) adds to every script. */
  addGlobal(name: string, type: Type | Field): this {
    this.globals.set(name, 'kind' in type ? { type } : type);
    return this;
  }

  /** Finds a defined type by unqualified (`Time`) or qualified (`time.Time`) name. */
  lookupType(name: string): TypeEntry | undefined {
    const prefix = this.name + '.';
    return this.types.get(name.startsWith(prefix) ? name.slice(prefix.length) : name);
  }

  /**
   * Finds a member by path: `now` (an export field), `Time.add` (a method or field of a defined
   * type), `time.Time.add` (qualified). Returns undefined when nothing matches.
   */
  lookupMember(path: string): Field | undefined {
    const prefix = this.name + '.';
    const rest = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const dot = rest.indexOf('.');
    if (dot < 0) {
      return ownField(fieldsOf(this.exportType), rest) ?? this.globals.get(rest);
    }
    const owner = this.lookupType(rest.slice(0, dot));
    return owner ? ownField(fieldsOf(owner.type), rest.slice(dot + 1)) : undefined;
  }
}

/** Creates an empty manifest named after its module. */
export function newManifest(name: string, description?: string): TypeManifest {
  const manifest = new TypeManifest(name);
  manifest.description = description;
  return manifest;
}

/** The named members of a record or interface (methods and fields together). */
export function fieldsOf(type: Type | undefined): Readonly<Record<string, Field>> | undefined {
  if (!type) return undefined;
  if (type.kind === 'record') return type.fields;
  if (type.kind === 'interface') return { ...type.fields, ...type.methods };
  return undefined;
}

/**
 * `t` when it is the record or interface a manifest spells out member by member under `qualifiedName`
 * (`shop.Cart`, or the module name for its export); undefined when `t` is an alias of another type.
 */
export function definedStructure(t: Type, qualifiedName: string): RecordType | InterfaceType | undefined {
  return (t.kind === 'record' || t.kind === 'interface') && t.name === qualifiedName ? t : undefined;
}

/** `fields[name]` when it is an own property (never `Object.prototype` members like `toString`). */
function ownField(fields: Readonly<Record<string, Field>> | undefined, name: string): Field | undefined {
  return fields && hasOwn(fields, name) ? fields[name] : undefined;
}
