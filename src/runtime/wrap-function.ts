// Replacing a library function by a JS closure that can still call the original: how the sandbox
// guards `rawset`/`load` and how resource limits size-check `string.rep` & co.
import { lua, type lua_CFunction, type lua_State } from 'fengari';

/** Replaces field `name` of the table at `idx` by `fn`, which receives the original as upvalue 1. */
export function wrapField(L: lua_State, idx: number, name: string, fn: lua_CFunction): void {
  lua.lua_getfield(L, idx, name);
  lua.lua_pushcclosure(L, fn, 1);
  lua.lua_setfield(L, idx, name);
}

/**
 * Calls the original function (upvalue 1) with all arguments and returns all its results, which
 * are left at the bottom of the stack. A light JS function runs directly in the wrapper's own
 * frame, so its errors read as C Lua's: `bad argument #2 to 'rep'` with the caller's position
 * (through a nested call they would name '?' and lose the position).
 */
export function callOriginal(L: lua_State): number {
  const original = lua.lua_tocfunction(L, lua.lua_upvalueindex(1));
  if (typeof original === 'function') {
    const n = (original as lua_CFunction)(L);
    const top = lua.lua_gettop(L);
    if (n < top) {
      lua.lua_rotate(L, 1, n);
      lua.lua_settop(L, n);
    }
    return n;
  }
  lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
  lua.lua_insert(L, 1);
  lua.lua_call(L, lua.lua_gettop(L) - 1, lua.LUA_MULTRET);
  return lua.lua_gettop(L);
}
