// Conversions between JS values and the Lua stack: `pushValue` (JS → Lua) and `toValue` (Lua → JS).
// Lua integers are 64-bit (the vendored fengari, docs/fengari-patches.md): a JS safe integer crosses
// as a Lua integer, any other JS number as a float; a Lua integer beyond ±(2^53 - 1) crosses as a
// JS bigint, and a bigint within [-2^63, 2^63) crosses back as a Lua integer.
import { lua, type lua_State } from 'fengari';
import type { LuaValue } from '../module/host-api';

/** The JS object fengari hands back for a full userdata; luamod stores its type and value there. */
export interface UserdataData {
  /** Type name for typed userdata (`time.Time`, `Error`). */
  t?: string;
  /** The wrapped JS value. */
  v?: unknown;
  /** Registry reference of the real table behind a read-only view. */
  ro?: number;
  /** The view's display name (`json`, `time.units`). */
  name?: string;
}

const MAX_DEPTH = 64;

/** True when `n` crosses as a Lua integer: a safe integer (|n| <= 2^53 - 1), not -0. */
export function isLuaInteger(n: number): boolean {
  return Number.isSafeInteger(n) && !Object.is(n, -0);
}

/** Pushes a number: as an integer when it is a safe integer, otherwise as a float (never wraps). */
export function pushNumber(L: lua_State, n: number): void {
  if (isLuaInteger(n)) lua.lua_pushinteger(L, n);
  else lua.lua_pushnumber(L, n);
}

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/** Pushes a bigint as a Lua integer; one outside [-2^63, 2^63) is an error, never wrapped. */
export function pushBigInt(L: lua_State, n: bigint): void {
  if (n < MIN_INT64 || n > MAX_INT64) throw new TypeError(`integer ${n} does not fit in a Lua integer (64-bit)`);
  lua.lua_pushinteger(L, n);
}

/** The number at `idx`: a Lua integer as a number within ±(2^53 - 1), as a bigint beyond; a float as a number. */
export function toNumberValue(L: lua_State, idx: number): number | bigint {
  return lua.lua_isinteger(L, idx) ? lua.lua_tointeger(L, idx) : lua.lua_tonumber(L, idx);
}

/**
 * Pushes a JS value: null/undefined → nil, arrays → sequences, plain objects → tables with string
 * keys, Uint8Array → a byte string, `{userdata, value}` → a typed userdata via `pushUserdata`.
 */
export function pushValue(
  L: lua_State,
  value: LuaValue,
  pushUserdata: (value: unknown, typeName: string) => void,
  depth = 0,
): void {
  if (value === null || value === undefined) return lua.lua_pushnil(L);
  switch (typeof value) {
    case 'boolean': return lua.lua_pushboolean(L, value);
    case 'number': return pushNumber(L, value);
    case 'bigint': return pushBigInt(L, value);
    case 'string': { lua.lua_pushstring(L, value); return; }
    case 'object': break;
    default: throw new TypeError(`cannot pass a JS ${typeof value} to Lua`);
  }
  if (value instanceof Uint8Array) { lua.lua_pushstring(L, value); return; }
  if (depth > MAX_DEPTH) throw new TypeError('value nested too deeply (or cyclic) to pass to Lua');
  if (!lua.lua_checkstack(L, 3)) throw new TypeError('value nested too deeply to pass to Lua');
  if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    for (let i = 0; i < value.length; i++) {
      pushValue(L, value[i], pushUserdata, depth + 1);
      lua.lua_rawseti(L, -2, i + 1);
    }
    return;
  }
  if ('userdata' in value && 'value' in value && typeof value.userdata === 'string') {
    return pushUserdata(value.value, value.userdata);
  }
  const keys = Object.keys(value);
  lua.lua_createtable(L, 0, keys.length);
  for (const key of keys) {
    const v = (value as Record<string, LuaValue>)[key];
    if (v === undefined) continue;
    lua.lua_pushstring(L, key);
    pushValue(L, v, pushUserdata, depth + 1);
    lua.lua_rawset(L, -3);
  }
}

/**
 * Converts the value at `idx` to JS: tables become arrays (when they are non-empty sequences) or
 * objects (string and number keys), typed userdata `{userdata, value}`, functions and threads
 * `{opaque}`. Read-only views convert as the table they show. Cycles become `{opaque: 'cycle'}`.
 */
export function toValue(L: lua_State, idx: number, seen: Set<object> = new Set(), depth = 0): LuaValue {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNONE:
    case lua.LUA_TNIL: return null;
    case lua.LUA_TBOOLEAN: return lua.lua_toboolean(L, idx);
    case lua.LUA_TNUMBER: return toNumberValue(L, idx);
    case lua.LUA_TSTRING: return lua.lua_tojsstring(L, idx) ?? '';
    case lua.LUA_TTABLE: return tableToValue(L, lua.lua_absindex(L, idx), seen, depth);
    case lua.LUA_TUSERDATA: {
      const data = lua.lua_touserdata(L, idx) as UserdataData;
      if (data.t !== undefined) return { userdata: data.t, value: data.v };
      if (data.ro !== undefined) {
        if (!lua.lua_checkstack(L, 1)) throw new TypeError('value nested too deeply to pass to the host');
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, data.ro);
        const v = tableToValue(L, lua.lua_gettop(L), seen, depth);
        lua.lua_pop(L, 1);
        return v;
      }
      return { opaque: 'userdata' };
    }
    case lua.LUA_TFUNCTION: return { opaque: 'function' };
    case lua.LUA_TTHREAD: return { opaque: 'thread' };
    default: return { opaque: 'userdata' };
  }
}

function tableToValue(L: lua_State, idx: number, seen: Set<object>, depth: number): LuaValue {
  const ptr = lua.lua_topointer(L, idx);
  if (ptr === null || seen.has(ptr) || depth > MAX_DEPTH) return { opaque: 'cycle' };
  // Each level holds a key and a value on the stack: reserve them (a host function starts with only
  // LUA_MINSTACK slots, and overrunning them corrupts the thread instead of raising an error).
  if (!lua.lua_checkstack(L, 4)) throw new TypeError('value nested too deeply to pass to the host');
  seen.add(ptr);
  const keys: (string | number | bigint)[] = [];
  const values: LuaValue[] = [];
  let sequence = true;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx)) {
    const kt = lua.lua_type(L, -2);
    if (kt === lua.LUA_TNUMBER || kt === lua.LUA_TSTRING) {
      const key = kt === lua.LUA_TNUMBER ? toNumberValue(L, -2) : (lua.lua_tojsstring(L, -2) ?? '');
      if (typeof key !== 'number' || !Number.isInteger(key) || key < 1) sequence = false;
      keys.push(key);
      values.push(toValue(L, -1, seen, depth + 1));
    }
    lua.lua_pop(L, 1);
  }
  seen.delete(ptr);
  if (sequence && keys.length > 0) {
    const arr: LuaValue[] = new Array(keys.length);
    let ok = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k > keys.length) { ok = false; break; }
      arr[k - 1] = values[i];
    }
    if (ok) return arr;
  }
  const obj: { [key: string]: LuaValue } = {};
  for (let i = 0; i < keys.length; i++) {
    const key = String(keys[i]);
    // `obj.__proto__ = v` would set the prototype (or be ignored): define the key as own data.
    if (key === '__proto__') Object.defineProperty(obj, key, { value: values[i], enumerable: true, writable: true, configurable: true });
    else obj[key] = values[i];
  }
  return obj;
}

/** The Lua type name of the value at `idx`, using the userdata's type name when it has one. */
export function typeNameAt(L: lua_State, idx: number): string {
  const t = lua.lua_type(L, idx);
  if (t === lua.LUA_TNONE) return 'no value';
  if (t === lua.LUA_TUSERDATA) {
    const data = lua.lua_touserdata(L, idx) as UserdataData;
    if (data.t !== undefined) return data.t;
  }
  return ['nil', 'boolean', 'userdata', 'number', 'string', 'table', 'function', 'userdata', 'thread'][t] ?? 'userdata';
}
