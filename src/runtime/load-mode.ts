// The mode argument of `load` in the sandbox: text obeys the mode as in C Lua, and binary chunks
// never load (luamod has no bytecode verifier).
import { lua, type lua_State } from 'fengari';

/**
 * Sets the mode argument (3) of a `load` call so no binary chunk loads, and text obeys the mode as
 * in C Lua (`load(s, name, "b")`: `attempt to load a text chunk (mode is 'b')`). Returns the
 * message when the chunk is refused here.
 */
export function loadMode(L: lua_State): string | undefined {
  const mode = lua.lua_isnoneornil(L, 3) ? 'bt' : (lua.lua_tojsstring(L, 3) ?? '');
  if (lua.lua_type(L, 1) === lua.LUA_TSTRING) {
    const binary = (lua.lua_tostring(L, 1) as Uint8Array)[0] === 0x1b;
    if (binary && mode.includes('b')) return 'attempt to load a binary chunk (binary chunks are not supported)';
    lua.lua_pushstring(L, mode);
  } else {
    // A reader's chunk is only seen while it loads: binary is refused there by mode 't'.
    if (!mode.includes('t')) return `attempt to load a text chunk (mode is '${mode}')`;
    lua.lua_pushstring(L, 't');
  }
  lua.lua_replace(L, 3);
  return undefined;
}
