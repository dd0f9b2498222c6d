// pcall and xpcall as in Lua 5.3's base library, plus a fix for fengari 0.1.5: after an error is
// caught by a yieldable pcall, fengari's `recover` leaves `allowhook` off (lapi.js sets CIST_OAH
// with `&=`), which would silently disable the count hook — and so the time limit — for the rest
// of the script. The continuation turns hooks back on.
import { lauxlib, lua, type lua_CFunction, type lua_KFunction, type lua_State } from 'fengari';

const finishpcall: lua_KFunction = (L, status, extra) => {
  if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
    (L as unknown as { allowhook: number }).allowhook = 1;
    lua.lua_pushboolean(L, false);
    lua.lua_pushvalue(L, -2);
    return 2;
  }
  return lua.lua_gettop(L) - (extra as number);
};

/** `pcall(f, ...)`. */
export const pcall: lua_CFunction = (L: lua_State) => {
  lauxlib.luaL_checkany(L, 1);
  lua.lua_pushboolean(L, true);
  lua.lua_insert(L, 1);
  const status = lua.lua_pcallk(L, lua.lua_gettop(L) - 2, lua.LUA_MULTRET, 0, 0, finishpcall);
  return finishpcall(L, status, 0);
};

/** `xpcall(f, msgh, ...)`. */
export const xpcall: lua_CFunction = (L: lua_State) => {
  const n = lua.lua_gettop(L);
  lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  lua.lua_pushboolean(L, true);
  lua.lua_pushvalue(L, 1);
  lua.lua_rotate(L, 3, 2);
  const status = lua.lua_pcallk(L, n - 2, lua.LUA_MULTRET, 2, 2, finishpcall);
  return finishpcall(L, status, 2);
};
