// Small helpers the built-in modules' host functions share: the `nil, err` convention and
// unwrapping a typed userdata (a value's Lua type name for messages is runtime/errors' luaTypeOf).
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

/** The userdata a value wraps when it is of type `typeName`, else undefined. */
export function userdataOf<T>(v: LuaValue, typeName: string): T | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && 'userdata' in v && v.userdata === typeName) {
    return v.value as T;
  }
  return undefined;
}
