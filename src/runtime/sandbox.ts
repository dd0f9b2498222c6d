// The sandboxed standard library of an engine: base (without dofile/loadfile), coroutine, table,
// string (without dump), math, utf8, an os subset (time, clock, date, difftime) and a debug subset
// (debug-library.ts). No io; `require` and a read-only `package` come from the engine's module
// loader. `print` goes to the process's output sink; `load` never loads binary and defaults to the
// process's globals; library tables are read-only views.
// Functions that differ from fengari's to match C Lua: c-lua-library.ts, print.ts, load-mode.ts.
import { lauxlib, lua, lualib, type lua_CFunction, type lua_State } from 'fengari';
import { installCLuaLibrary } from './c-lua-library';
import { loadMode } from './load-mode';
import { printFunction } from './print';
import { installCoroutines } from './coroutines';
import { limitStringBuilders } from './string-builders';
import { pcall, xpcall } from './protected-call';
import { installRandom } from './random';
import { makeReadonly, readonlyAt, readonlyError, readonlyNext } from './readonly-table';
import type { EngineState } from './state';
import { callOriginal, wrapField } from './wrap-function';
import { typeNameAt } from './values';

/** What the sandbox needs from its engine: its module loader (src/runtime/require.ts). */
export interface SandboxHooks {
  /** The `require` function. */
  readonly require: lua_CFunction;
  /** Pushes the `package` view. */
  pushPackage(L: lua_State): void;
}

const LIBS: ReadonlyArray<[string, lua_CFunction]> = [
  ['coroutine', lualib.luaopen_coroutine],
  ['table', lualib.luaopen_table],
  ['string', lualib.luaopen_string],
  ['math', lualib.luaopen_math],
  ['utf8', lualib.luaopen_utf8],
  ['os', lualib.luaopen_os],
];
const REMOVED_BASE = ['dofile', 'loadfile'];
const OS_KEPT = new Set(['time', 'clock', 'date', 'difftime']);

/** Opens the sandboxed libraries into the engine's global table (the base every process reads). */
export function openSandbox(engine: EngineState, hooks: SandboxHooks): void {
  const L = engine.L;
  lauxlib.luaL_requiref(L, '_G', lualib.luaopen_base, 1);
  lua.lua_pop(L, 1);
  for (const [name, open] of LIBS) {
    lauxlib.luaL_requiref(L, name, open, 1);
    lua.lua_pop(L, 1);
  }
  // luaL_requiref records the libraries in the registry's _LOADED (unreachable from scripts);
  // Lua's argument errors use it to name functions called without a name (`pcall(string.rep)`).

  lua.lua_pushglobaltable(L);
  const G = lua.lua_gettop(L);
  installCLuaLibrary(L, G);
  for (const name of REMOVED_BASE) {
    lua.lua_pushnil(L);
    lua.lua_setfield(L, G, name);
  }
  lua.lua_pushjsfunction(L, nextFn);
  lua.lua_setfield(L, G, 'next');
  wrapField(L, G, 'rawget', rawgetFn);
  wrapField(L, G, 'rawlen', rawlenFn);
  wrapField(L, G, 'rawset', guardWrite('rawset'));
  lua.lua_pushjsfunction(L, setmetatableFn);
  lua.lua_setfield(L, G, 'setmetatable');
  wrapField(L, G, 'load', loadFn(engine));
  lua.lua_pushjsfunction(L, pcall);
  lua.lua_setfield(L, G, 'pcall');
  lua.lua_pushjsfunction(L, xpcall);
  lua.lua_setfield(L, G, 'xpcall');
  lua.lua_pushjsfunction(L, collectgarbage);
  lua.lua_setfield(L, G, 'collectgarbage');
  lua.lua_pushjsfunction(L, printFunction(engine));
  lua.lua_setfield(L, G, 'print');
  lua.lua_pushjsfunction(L, hooks.require);
  lua.lua_setfield(L, G, 'require');
  hooks.pushPackage(L);
  lua.lua_setfield(L, G, 'package');

  // string: no dump; lock the string metatable so `getmetatable("").__index` cannot reach it.
  lua.lua_getfield(L, G, 'string');
  lua.lua_pushnil(L);
  lua.lua_setfield(L, -2, 'dump');
  lua.lua_pop(L, 1);
  lua.lua_pushstring(L, '');
  lua.lua_getmetatable(L, -1);
  lua.lua_pushboolean(L, false);
  lua.lua_setfield(L, -2, '__metatable');
  lua.lua_pop(L, 2);

  // os: keep the harmless subset.
  lua.lua_getfield(L, G, 'os');
  const os = lua.lua_gettop(L);
  const drop: string[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, os)) {
    const key = lua.lua_tojsstring(L, -2) ?? '';
    if (!OS_KEPT.has(key)) drop.push(key);
    lua.lua_pop(L, 1);
  }
  for (const key of drop) {
    lua.lua_pushnil(L);
    lua.lua_setfield(L, os, key);
  }
  lua.lua_pop(L, 1);

  lua.lua_getfield(L, G, 'coroutine');
  installCoroutines(engine, L, lua.lua_gettop(L));
  lua.lua_pop(L, 1);

  lua.lua_getfield(L, G, 'math');
  installRandom(engine, L, lua.lua_gettop(L));
  lua.lua_pop(L, 1);

  lua.lua_getfield(L, G, 'string');
  lua.lua_getfield(L, G, 'table');
  limitStringBuilders(engine, L, lua.lua_gettop(L) - 1, lua.lua_gettop(L));
  lua.lua_pop(L, 2);

  for (const [name] of LIBS) {
    lua.lua_getfield(L, G, name);
    makeReadonly(L, name);
    lua.lua_setfield(L, G, name);
  }
  lua.lua_pop(L, 1);
}



/** Lua's `next`, plus read-only views (iterated without exposing the real table). */
const nextFn: lua_CFunction = (L) => {
  if (readonlyAt(L, 1)) return readonlyNext(L);
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_settop(L, 2);
  if (lua.lua_next(L, 1)) return 2;
  lua.lua_pushnil(L);
  return 1;
};

/** Lua's `setmetatable`; on a read-only view: `attempt to modify read-only table`. */
const setmetatableFn: lua_CFunction = (L) => {
  const view = readonlyAt(L, 1);
  if (view) return readonlyError(L, view.name);
  const t = lua.lua_type(L, 2);
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  if (t !== lua.LUA_TNIL && t !== lua.LUA_TTABLE) {
    lauxlib.luaL_where(L, 1);
    lua.lua_pushstring(L, `bad argument #2 to 'setmetatable' (nil or table expected)`);
    lua.lua_concat(L, 2);
    return lua.lua_error(L);
  }
  if (lauxlib.luaL_getmetafield(L, 1, '__metatable') !== lua.LUA_TNIL) {
    lauxlib.luaL_where(L, 1);
    lua.lua_pushstring(L, 'cannot change a protected metatable');
    lua.lua_concat(L, 2);
    return lua.lua_error(L);
  }
  lua.lua_settop(L, 2);
  lua.lua_setmetatable(L, 1);
  return 1;
};

const rawgetFn: lua_CFunction = (L) => {
  const view = readonlyAt(L, 1);
  if (!view) return callOriginal(L);
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, view.ro as number);
  lua.lua_pushvalue(L, 2);
  lua.lua_rawget(L, -2);
  return 1;
};

const rawlenFn: lua_CFunction = (L) => {
  const view = readonlyAt(L, 1);
  if (!view) return callOriginal(L);
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, view.ro as number);
  lua.lua_pushinteger(L, lua.lua_rawlen(L, -1));
  return 1;
};

function guardWrite(_name: string): lua_CFunction {
  return (L) => {
    const view = readonlyAt(L, 1);
    return view ? readonlyError(L, view.name) : callOriginal(L);
  };
}

/**
 * `load(chunk [, name [, mode [, env]]])`: env defaults to the process's globals; modes refuse
 * as C Lua's do, and binary chunks are never loaded (`loadMode`).
 */
function loadFn(engine: EngineState): lua_CFunction {
  return (L) => {
    const n = lua.lua_gettop(L);
    lua.lua_settop(L, 4);
    const refused = loadMode(L);
    if (refused !== undefined) {
      lua.lua_pushnil(L);
      lua.lua_pushstring(L, refused);
      return 2;
    }
    const p = engine.current;
    if (n < 4) {
      // Never the engine's global table (shared by every process): outside a process, an empty one.
      if (p) lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, p.envRef);
      else lua.lua_newtable(L);
      lua.lua_replace(L, 4);
    }
    return callOriginal(L);
  };
}

/**
 * `collectgarbage([opt])` without control over the host's GC (fengari's own always fails):
 * "count" reports the JS heap in KB, "isrunning" true, "step" true, the rest 0.
 */
const collectgarbage: lua_CFunction = (L) => {
  const opt = lua.lua_isnoneornil(L, 1) ? 'collect' : lua.lua_tojsstring(L, 1);
  switch (opt) {
    case 'count': lua.lua_pushnumber(L, process.memoryUsage().heapUsed / 1024); return 1;
    case 'isrunning': case 'step': lua.lua_pushboolean(L, true); return 1;
    case 'collect': case 'stop': case 'restart': case 'setpause': case 'setstepmul': lua.lua_pushinteger(L, 0); return 1;
    default:
      lauxlib.luaL_where(L, 1);
      lua.lua_pushstring(L, `bad argument #1 to 'collectgarbage' (invalid option '${opt ?? typeNameAt(L, 1)}')`);
      lua.lua_concat(L, 2);
      return lua.lua_error(L);
  }
};
