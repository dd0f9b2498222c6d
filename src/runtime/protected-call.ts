// pcall and xpcall as in Lua 5.3's base library, plus a fix for fengari 0.1.5: after an error is
// caught by a yieldable pcall, fengari's `recover` leaves `allowhook` off (lapi.js sets CIST_OAH
// with `&=`), which would silently disable the count hook — and so the time limit — for the rest
// of the script. The continuation turns hooks back on.
import { lauxlib, lua, type lua_CFunction, type lua_KFunction, type lua_State } from 'fengari';

/**
 * pcall and xpcall whose continuation, after an error is caught and `false, err` pushed, asks
 * `onCaught` (the debugger's "all errors" stops): a number it returns is the continuation's result
 * (e.g. a yield); undefined keeps Lua's two results.
 */
export function protectedCalls(onCaught?: (L: lua_State) => number | undefined): { pcall: lua_CFunction; xpcall: lua_CFunction } {
  const finish: lua_KFunction = (L, status, extra) => {
    if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
      (L as unknown as { allowhook: number }).allowhook = 1;
      lua.lua_pushboolean(L, false);
      lua.lua_pushvalue(L, -2);
      return onCaught?.(L) ?? 2;
    }
    return lua.lua_gettop(L) - (extra as number);
  };
  return {
    /** `pcall(f, ...)`. */
    pcall: (L) => {
      lauxlib.luaL_checkany(L, 1);
      lua.lua_pushboolean(L, true);
      lua.lua_insert(L, 1);
      const status = lua.lua_pcallk(L, lua.lua_gettop(L) - 2, lua.LUA_MULTRET, 0, 0, finish);
      return finish(L, status, 0);
    },
    /** `xpcall(f, msgh, ...)`. */
    xpcall: (L) => {
      const n = lua.lua_gettop(L);
      lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
      lua.lua_pushboolean(L, true);
      lua.lua_pushvalue(L, 1);
      lua.lua_rotate(L, 3, 2);
      const status = lua.lua_pcallk(L, n - 2, lua.LUA_MULTRET, 2, 2, finish);
      return finish(L, status, 2);
    },
  };
}

/** The sandbox's `pcall(f, ...)` and `xpcall(f, msgh, ...)`. */
export const { pcall, xpcall } = protectedCalls();
