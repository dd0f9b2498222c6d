// Evaluates Lua in a paused frame (watch, hover, REPL, breakpoint conditions and logpoints): the
// text is compiled as `return <expr>` (else as statements) with an _ENV proxy whose reads see the
// frame's locals, then its upvalues, then the process's globals, and whose writes go to the same
// places. It runs on the scratch thread with an instruction limit; a host call that would suspend
// the script fails there with Lua's own error.
import { lauxlib, lua, to_luastring, type lua_State } from 'fengari';
import { localsOf, pushLocal, pushUpvalue, setLocal, setUpvalue, upvaluesOf, type Frame } from './frames';

/** Instructions an evaluation may run before it is stopped. */
export const EVAL_INSTRUCTIONS = 5_000_000;

export type Evaluated = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly message: string };

/**
 * Evaluates `text` in `frame` (null: globals only) on `S`; on success its values are on `S` (their
 * count returned). `envRef` is the registry reference of the process's globals.
 */
export function evaluateIn(S: lua_State, frame: Frame | null, envRef: number, text: string): Evaluated {
  lua.lua_settop(S, 0);
  let status = lauxlib.luaL_loadbufferx(S, to_luastring(`return ${text}`), null, '=(eval)', 't');
  if (status !== lua.LUA_OK) {
    lua.lua_pop(S, 1);
    status = lauxlib.luaL_loadbufferx(S, to_luastring(text), null, '=(eval)', 't');
    if (status !== lua.LUA_OK) {
      const message = lua.lua_tojsstring(S, -1) ?? 'syntax error';
      lua.lua_settop(S, 0);
      return { ok: false, message };
    }
  }
  pushEnvProxy(S, frame, envRef);
  lua.lua_setupvalue(S, 1, 1);
  let steps = 0;
  lua.lua_sethook(S, (L) => {
    steps += 1000;
    if (steps > EVAL_INSTRUCTIONS) {
      lua.lua_pushstring(L, `evaluation stopped after ${EVAL_INSTRUCTIONS} instructions`);
      lua.lua_error(L);
    }
  }, lua.LUA_MASKCOUNT, 1000);
  status = lua.lua_pcall(S, 0, lua.LUA_MULTRET, 0);
  lua.lua_sethook(S, null, 0, 0);
  if (status !== lua.LUA_OK) {
    const message = lua.lua_type(S, -1) === lua.LUA_TSTRING ? (lua.lua_tojsstring(S, -1) ?? '') : lauxlib.luaL_tolstring(S, -1) && (lua.lua_tojsstring(S, -1) ?? '');
    lua.lua_settop(S, 0);
    return { ok: false, message };
  }
  return { ok: true, count: lua.lua_gettop(S) };
}

/** Pushes the _ENV proxy of `frame` onto S. */
function pushEnvProxy(S: lua_State, frame: Frame | null, envRef: number): void {
  const find = (L: lua_State, name: string): { local?: number; upvalue?: number } => {
    if (!frame) return {};
    const local = localsOf(frame).find((l) => l.name === name);
    if (local) return { local: local.index };
    const up = upvaluesOf(frame, L).find((u) => u.name === name);
    return up ? { upvalue: up.index } : {};
  };
  lua.lua_createtable(S, 0, 0);
  lua.lua_createtable(S, 0, 2);
  lua.lua_pushjsfunction(S, (L) => {
    const name = lua.lua_type(L, 2) === lua.LUA_TSTRING ? (lua.lua_tojsstring(L, 2) ?? '') : null;
    const at = name === null ? {} : find(L, name);
    if (at.local !== undefined && frame) pushLocal(frame, at.local, L);
    else if (at.upvalue !== undefined && frame) pushUpvalue(frame, at.upvalue, L);
    else {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, envRef);
      lua.lua_pushvalue(L, 2);
      lua.lua_gettable(L, -2);
    }
    return 1;
  });
  lua.lua_setfield(S, -2, '__index');
  lua.lua_pushjsfunction(S, (L) => {
    const name = lua.lua_type(L, 2) === lua.LUA_TSTRING ? (lua.lua_tojsstring(L, 2) ?? '') : null;
    const at = name === null ? {} : find(L, name);
    lua.lua_settop(L, 3);
    if (at.local !== undefined && frame) setLocal(frame, at.local, L);
    else if (at.upvalue !== undefined && frame) setUpvalue(frame, at.upvalue, L);
    else {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, envRef);
      lua.lua_insert(L, 2);
      lua.lua_settable(L, 2);
    }
    return 0;
  });
  lua.lua_setfield(S, -2, '__newindex');
  lua.lua_setmetatable(S, -2);
}
