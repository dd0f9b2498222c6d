// Library functions that replace fengari's where C Lua 5.3 computes or prints something else:
// installed into the real library tables before the sandbox makes its read-only views (so
// `("%d"):format(1)` and argument errors naming `string.format` see them too).
// See docs/fengari-patches.md for what is patched inside fengari instead.
import { lua, type lua_State } from 'fengari';
import { installDebugSubset } from './debug-library';
import { osDate } from './os-date';
import { stringFormat } from './string-format';

/**
 * Replaces `string.format` and `os.date` in the library tables of the globals table at `G`, and
 * adds the harmless `debug` subset (`debug-library.ts`).
 */
export function installCLuaLibrary(L: lua_State, G: number): void {
  installDebugSubset(L, G);
  lua.lua_getfield(L, G, 'string');
  lua.lua_pushcfunction(L, stringFormat);
  lua.lua_setfield(L, -2, 'format');
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, G, 'os');
  lua.lua_pushcfunction(L, osDate);
  lua.lua_setfield(L, -2, 'date');
  lua.lua_pop(L, 1);
}
