// Read-only views: a module table is shown to scripts as a full userdata whose metatable reads
// from the real table and refuses every write with `attempt to modify read-only table 'json'`.
// Unlike a proxy table, the view can never hand out the real table (no __pairs leak, no rawset).
import { lauxlib, lua, type lua_CFunction, type lua_State } from 'fengari';
import type { UserdataData } from './values';

/** Replaces the table on top of the stack with a read-only view named `name`. */
export function makeReadonly(L: lua_State, name: string): void {
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  const data = lua.lua_newuserdata(L, 0) as UserdataData;
  data.ro = ref;
  data.name = name;
  lua.lua_createtable(L, 0, 6);
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
  lua.lua_setfield(L, -2, '__index');
  lua.lua_pushjsfunction(L, readonlyNewindex);
  lua.lua_setfield(L, -2, '__newindex');
  lua.lua_pushjsfunction(L, readonlyLen);
  lua.lua_setfield(L, -2, '__len');
  lua.lua_pushjsfunction(L, readonlyPairs);
  lua.lua_setfield(L, -2, '__pairs');
  lua.lua_pushjsfunction(L, readonlyToString);
  lua.lua_setfield(L, -2, '__tostring');
  lua.lua_pushboolean(L, false);
  lua.lua_setfield(L, -2, '__metatable');
  lua.lua_setmetatable(L, -2);
}

/** The view's data when the value at idx is a read-only view. */
export function readonlyAt(L: lua_State, idx: number): UserdataData | undefined {
  if (lua.lua_type(L, idx) !== lua.LUA_TUSERDATA) return undefined;
  const data = lua.lua_touserdata(L, idx) as UserdataData;
  return data.ro === undefined ? undefined : data;
}

/** Raises `attempt to modify read-only table 'name'` at the caller's position. */
export function readonlyError(L: lua_State, name: string | undefined): never {
  lauxlib.luaL_where(L, 1);
  lua.lua_pushstring(L, `attempt to modify read-only table '${name ?? '?'}'`);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}

const readonlyNewindex: lua_CFunction = (L) => readonlyError(L, readonlyAt(L, 1)?.name);

const readonlyLen: lua_CFunction = (L) => {
  const data = readonlyAt(L, 1) as UserdataData;
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, data.ro as number);
  lua.lua_pushinteger(L, lua.lua_rawlen(L, -1));
  return 1;
};

/** `next` over a view: iterates the real table without exposing it. */
export const readonlyNext: lua_CFunction = (L) => {
  const data = readonlyAt(L, 1) as UserdataData;
  lua.lua_settop(L, 2);
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, data.ro as number);
  lua.lua_pushvalue(L, 2);
  if (lua.lua_next(L, 3)) return 2;
  lua.lua_pushnil(L);
  return 1;
};

const readonlyPairs: lua_CFunction = (L) => {
  lua.lua_pushjsfunction(L, readonlyNext);
  lua.lua_pushvalue(L, 1);
  lua.lua_pushnil(L);
  return 3;
};

const readonlyToString: lua_CFunction = (L) => {
  lua.lua_pushstring(L, `read-only table '${readonlyAt(L, 1)?.name ?? '?'}'`);
  return 1;
};
