// "All errors" exception breakpoints: the process's own `pcall` and `xpcall` (set in its globals
// table, shadowing the sandbox's) behave as the sandbox's, and when they catch an error they ask
// the debugger whether to stop; if so they suspend the process right there (a host yield), so the
// stack shows the protected call's line with the error's message.
import { lua, type lua_KFunction, type lua_State } from 'fengari';
import { protectedCalls } from '../runtime/protected-call';
import type { Process } from '../runtime/process';
import { safeToString } from './show-value';

/** Installs the wrappers; `onError` returns true when the debugger prepared a stop. */
export function installErrorStops(process: Process, onError: (L: lua_State, message: string) => boolean): void {
  const afterStop: lua_KFunction = () => 2;
  // The sandbox's pcall/xpcall (src/runtime/protected-call.ts), asking the debugger on each caught error.
  const { pcall, xpcall } = protectedCalls((L) => {
    const message = lua.lua_type(L, -1) === lua.LUA_TSTRING ? (lua.lua_tojsstring(L, -1) ?? '') : safeToString(L);
    return onError(L, message) ? lua.lua_yieldk(L, 0, null, afterStop) : undefined;
  });
  const co = process.state.thread;
  lua.lua_rawgeti(co, lua.LUA_REGISTRYINDEX, process.state.envRef);
  lua.lua_pushjsfunction(co, pcall);
  lua.lua_setfield(co, -2, 'pcall');
  lua.lua_pushjsfunction(co, xpcall);
  lua.lua_setfield(co, -2, 'xpcall');
  lua.lua_pop(co, 1);
}
