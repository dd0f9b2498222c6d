// "All errors" exception breakpoints: the process's own `pcall` and `xpcall` (set in its globals
// table, shadowing the sandbox's) behave as the sandbox's, and when they catch an error they ask
// the debugger whether to stop; if so they suspend the process right there (a host yield), so the
// stack shows the protected call's line with the error's message.
import { lauxlib, lua, type lua_KFunction, type lua_State } from 'fengari';
import type { Process } from '../runtime/process';
import { safeToString } from './show-value';

/** Installs the wrappers; `onError` returns true when the debugger prepared a stop. */
export function installErrorStops(process: Process, onError: (L: lua_State, message: string) => boolean): void {
  const afterStop: lua_KFunction = () => 2;
  const finish: lua_KFunction = (L, status, extra) => {
    if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
      // fengari leaves allowhook off after a caught error (see src/runtime/protected-call.ts).
      (L as unknown as { allowhook: number }).allowhook = 1;
      lua.lua_pushboolean(L, false);
      lua.lua_pushvalue(L, -2);
      const message = lua.lua_type(L, -1) === lua.LUA_TSTRING ? (lua.lua_tojsstring(L, -1) ?? '') : safeToString(L);
      if (onError(L, message)) return lua.lua_yieldk(L, 0, null, afterStop);
      return 2;
    }
    return lua.lua_gettop(L) - (extra as number);
  };
  const pcall = (L: lua_State): number => {
    lauxlib.luaL_checkany(L, 1);
    lua.lua_pushboolean(L, true);
    lua.lua_insert(L, 1);
    const status = lua.lua_pcallk(L, lua.lua_gettop(L) - 2, lua.LUA_MULTRET, 0, 0, finish);
    return finish(L, status, 0);
  };
  const xpcall = (L: lua_State): number => {
    const n = lua.lua_gettop(L);
    lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
    lua.lua_pushboolean(L, true);
    lua.lua_pushvalue(L, 1);
    lua.lua_rotate(L, 3, 2);
    const status = lua.lua_pcallk(L, n - 2, lua.LUA_MULTRET, 2, 2, finish);
    return finish(L, status, 2);
  };
  const co = process.state.thread;
  lua.lua_rawgeti(co, lua.LUA_REGISTRYINDEX, process.state.envRef);
  lua.lua_pushjsfunction(co, pcall);
  lua.lua_setfield(co, -2, 'pcall');
  lua.lua_pushjsfunction(co, xpcall);
  lua.lua_setfield(co, -2, 'xpcall');
  lua.lua_pop(co, 1);
}
