// Replacing a library function by a JS closure that can still call the original: how the sandbox
// guards `rawset`/`load` and how resource limits size-check `string.rep` & co.
import { lua, type lua_CFunction, type lua_State } from 'fengari';

/** Replaces field `name` of the table at `idx` by `fn`, which receives the original as upvalue 1. */
export function wrapField(L: lua_State, idx: number, name: string, fn: lua_CFunction): void {
  lua.lua_getfield(L, idx, name);
  lua.lua_pushcclosure(L, fn, 1);
  lua.lua_setfield(L, idx, name);
}

/** Calls the original function (upvalue 1) with all arguments and returns all its results. */
export function callOriginal(L: lua_State): number {
  lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
  lua.lua_insert(L, 1);
  lua.lua_call(L, lua.lua_gettop(L) - 1, lua.LUA_MULTRET);
  return lua.lua_gettop(L);
}
