// Small helpers the built-in modules' host functions share: the `nil, err` convention and
// describing a Lua value in argument errors.
import type { ErrorKind, LState, LuaErrorInit, LuaValue } from '../module/host-api';

/** Pushes `nil, err` (a structured error of `kind`) and returns 2: `return fail(l, 'INVALID', msg)`. */
export function fail(l: LState, kind: ErrorKind, message: string, details?: { [key: string]: LuaValue }): number {
  l.push(null);
  l.pushError(details ? { kind, message, details } : { kind, message });
  return 2;
}

/** Pushes `nil, err` for a prepared error and returns 2. */
export function failWith(l: LState, error: LuaErrorInit): number {
  l.push(null);
  l.pushError(error);
  return 2;
}

/** The Lua type name of a value as LState.get returns it (for "X expected, got Y" messages). */
export function luaTypeName(v: LuaValue): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return typeof v;
  if (v instanceof Uint8Array) return 'string';
  if (Array.isArray(v)) return 'table';
  if ('userdata' in v && typeof v.userdata === 'string') return v.userdata;
  if ('opaque' in v && typeof v.opaque === 'string') return v.opaque;
  return 'table';
}

/** The userdata a value wraps when it is of type `typeName`, else undefined. */
export function userdataOf<T>(v: LuaValue, typeName: string): T | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && 'userdata' in v && v.userdata === typeName) {
    return v.value as T;
  }
  return undefined;
}
