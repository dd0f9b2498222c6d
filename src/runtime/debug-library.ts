// The harmless part of Lua's `debug` library that real libraries reach for (penlight, luaunit,
// luassert, argparse's error paths): `debug.traceback`, `debug.getinfo` without the `func` field (a
// function from someone else's stack frame could be the runtime's own), and `debug.getmetatable` /
// `debug.setmetatable` as the base library's functions (they honour `__metatable` and take tables
// only, so protected metatables such as the read-only views' stay out of reach). Nothing that
// reads or writes locals, upvalues, hooks or the registry.
import { lauxlib, lua, lualib, to_luastring, type lua_CFunction, type lua_State } from 'fengari';
import { makeReadonly } from './readonly-table';

/** Sets the global `debug` (a read-only view of { traceback, getinfo, getmetatable, setmetatable }) in the table at `G`. */
export function installDebugSubset(L: lua_State, G: number): void {
  lua.lua_pushcfunction(L, lualib.luaopen_debug);
  lua.lua_call(L, 0, 1);
  const full = lua.lua_gettop(L);
  lua.lua_getfield(L, full, 'traceback');
  const traceback = lua.lua_tocfunction(L, -1) as lua_CFunction;
  lua.lua_getfield(L, full, 'getinfo');
  const getinfo = lua.lua_tocfunction(L, -1) as lua_CFunction;
  lua.lua_settop(L, full - 1);

  lua.lua_createtable(L, 0, 4);
  lua.lua_pushcfunction(L, traceback);
  lua.lua_setfield(L, -2, 'traceback');
  // Runs in getinfo's own frame (levels count from the script's call), then drops `func`.
  lua.lua_pushcfunction(L, (L1) => {
    const n = getinfo(L1);
    if (n === 1 && lua.lua_type(L1, -1) === lua.LUA_TTABLE) {
      lua.lua_pushnil(L1);
      lua.lua_setfield(L1, -2, to_luastring('func'));
    }
    return n;
  });
  lua.lua_setfield(L, -2, 'getinfo');
  for (const name of ['getmetatable', 'setmetatable']) {
    lua.lua_getfield(L, G, name);
    lua.lua_setfield(L, -2, name);
  }
  // Registered as a loaded library, so argument errors name `debug.getinfo`.
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, '_LOADED');
  lua.lua_pushvalue(L, -2);
  lua.lua_setfield(L, -2, 'debug');
  lua.lua_pop(L, 1);
  makeReadonly(L, 'debug');
  lua.lua_setfield(L, G, 'debug');
}
