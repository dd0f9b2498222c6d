// `print` as C Lua 5.3's: each argument through the script's `tostring` (luaL_tolstring unless the
// script replaced it), tab-separated, one line of raw bytes (no UTF-8 round trip) to the engine's
// byte sink; a process with its own text sink gets the line decoded.
import { lauxlib, lua, type lua_CFunction, type lua_State } from 'fengari';
import type { EngineState } from './state';

/**
 * When the running script has replaced `tostring` (its own globals), pushes that function and
 * returns true (print must call it, as C Lua's does); otherwise pushes nothing.
 */
function pushScriptTostring(engine: EngineState, L: lua_State): boolean {
  const p = engine.current;
  if (!p) return false;
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, p.envRef);
  lua.lua_getfield(L, -1, 'tostring');
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
  lua.lua_getfield(L, -1, 'tostring');
  const same = lua.lua_rawequal(L, -1, -3);
  lua.lua_pop(L, 2);
  lua.lua_remove(L, -2);
  if (same) lua.lua_pop(L, 1);
  return !same;
}

/** `print`: the line's bytes go to the engine's byte sink (unless the process has its own text sink). */
export function printFunction(engine: EngineState): lua_CFunction {
  return (L) => {
    const n = lua.lua_gettop(L);
    const parts: Uint8Array[] = [];
    let size = n === 0 ? 1 : n;
    const custom = pushScriptTostring(engine, L);
    for (let i = 1; i <= n; i++) {
      let s: Uint8Array;
      if (custom) {
        // As C Lua 5.3's print: the script's own `tostring`, which must return a string.
        lua.lua_pushvalue(L, -1);
        lua.lua_pushvalue(L, i);
        lua.lua_call(L, 1, 1);
        if (lua.lua_type(L, -1) !== lua.LUA_TSTRING && lua.lua_type(L, -1) !== lua.LUA_TNUMBER) {
          lauxlib.luaL_where(L, 1);
          lua.lua_pushstring(L, "'tostring' must return a string to 'print'");
          lua.lua_concat(L, 2);
          return lua.lua_error(L);
        }
        s = lua.lua_tostring(L, -1) as Uint8Array;
      } else {
        s = lauxlib.luaL_tolstring(L, i);
      }
      parts.push(s);
      size += s.length;
      lua.lua_pop(L, 1);
    }
    const line = new Uint8Array(size);
    let at = 0;
    parts.forEach((p, i) => {
      if (i > 0) line[at++] = 0x09;
      line.set(p, at);
      at += p.length;
    });
    line[at] = 0x0a;
    const own = engine.current && engine.current.output !== engine.output ? engine.current.output : undefined;
    if (!own && engine.outputBytes) engine.outputBytes(line);
    else (own ?? engine.output)(Buffer.from(line).toString('utf8'));
    return 0;
  };
}
