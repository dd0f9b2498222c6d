// Helpers the built-in modules use to write their manifests in the type notation: one call per
// member with its docs (description, params, returns, errors, example) next to its signature.
import { parseType } from '../types/parse';
import type { Field, FunctionType, InterfaceType, RecordType, Type } from '../types/type';
import type { ErrorKind } from '../module/host-api';

/** The docs and signature of one exported function or method. */
export interface MemberSpec {
  /** Signature in the notation, e.g. `fun(path: string) -> (string?, Error?)`; methods start with `self`. */
  readonly sig: string;
  readonly description: string;
  /** Markdown per parameter name (omit `self`). */
  readonly params?: Readonly<Record<string, string>>;
  readonly returns?: string;
  readonly errors?: readonly ErrorKind[];
  /** One Lua snippet. */
  readonly example: string;
  /** The function suspends the script (it yields to a dispatcher). */
  readonly yields?: boolean;
}

/** A function or method field from its spec (parses `sig`; marks `yields`). */
export function fn(spec: MemberSpec): Field {
  const parsed = parseType(spec.sig);
  if (parsed.kind !== 'function') throw new Error(`manifest: '${spec.sig}' is not a function type`);
  const type: FunctionType = spec.yields ? { ...parsed, yields: true } : parsed;
  return {
    type,
    description: spec.description,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.returns ? { returns: spec.returns } : {}),
    ...(spec.errors && spec.errors.length > 0 ? { errors: spec.errors } : {}),
    examples: [spec.example],
  };
}

/** A constant (read-only value field). */
export function constant(notation: string, description: string, example: string): Field {
  return { type: parseType(notation), description, examples: [example], readonly: true };
}

/** The record type of a module's export table. */
export function exportRecord(name: string, fields: Readonly<Record<string, Field>>): RecordType {
  return { kind: 'record', name, fields };
}

/** A userdata interface named `<module>.<Name>`. */
export function userdataInterface(name: string, methods: Readonly<Record<string, Field>>): InterfaceType {
  return { kind: 'interface', name, methods };
}

/** Shorthand for a type in the notation. */
export function t(notation: string): Type {
  return parseType(notation);
}
